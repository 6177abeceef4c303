import { defineConfig } from 'tsup';
import { tsupPreset } from '../../tooling/tsup.preset.ts';

export default defineConfig(tsupPreset);
