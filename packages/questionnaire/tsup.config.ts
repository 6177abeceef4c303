import { defineConfig } from 'tsup';
import { tsupPreset } from '../../tooling/tsup.preset.ts';

export default defineConfig({
  ...tsupPreset,
  entry: {
    index: 'src/index.ts',
    surveyjs: 'src/formats/surveyjs/index.ts',
    xlsform: 'src/formats/xlsform/index.ts',
    kobo: 'src/formats/kobo/index.ts',
    limesurvey: 'src/formats/limesurvey/index.ts',
  },
});
