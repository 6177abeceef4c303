import { defineConfig } from 'tsup';
import { tsupPreset } from '../../tooling/tsup.preset.ts';

// Two entries: the default one stays light and browser-safe; `./xlsx` pulls in exceljs.
export default defineConfig({ ...tsupPreset, entry: ['src/index.ts', 'src/xlsx.ts'] });
