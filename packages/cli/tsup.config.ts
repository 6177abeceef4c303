import { defineConfig } from 'tsup';
import { tsupPreset } from '../../tooling/tsup.preset.ts';

// Two entries: the library (`run`) and the executable. The executable is Node only.
export default defineConfig({
  ...tsupPreset,
  entry: ['src/index.ts', 'src/bin.ts'],
  platform: 'node',
});
