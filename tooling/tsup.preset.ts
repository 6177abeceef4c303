import type { Options } from 'tsup';

/** Build settings shared by every package: ESM only, declarations, Node 20 and evergreen browsers. */
export const tsupPreset: Options = {
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  tsconfig: 'tsconfig.build.json',
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
  splitting: false,
};
