import { defineConfig } from 'tsup';
import { tsupPreset } from '../../tooling/tsup.preset.ts';

// Two entries: the library (`run`) and the executable (Node only, no types).
export default defineConfig({
  ...tsupPreset,
  entry: ['src/index.ts', 'src/bin.ts'],
  dts: { entry: 'src/index.ts' },
  platform: 'node',
});
