import { defineConfig } from 'tsup';
import { tsupPreset } from '../../tooling/tsup.preset.ts';

// Three entries: the library (`run`, the NOK file pool), the executable and
// the pool's worker (Node only, no types for the last two).
export default defineConfig({
  ...tsupPreset,
  entry: ['src/index.ts', 'src/bin.ts', 'src/nok-worker.ts'],
  dts: { entry: 'src/index.ts' },
  platform: 'node',
});
