import { defineProject, mergeConfig } from 'vitest/config';
import { vitestPreset } from '../../tooling/vitest.preset.ts';

export default mergeConfig(vitestPreset, defineProject({ test: { name: 'report' } }));
