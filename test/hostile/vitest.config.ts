import { defineProject, mergeConfig } from 'vitest/config';
import { vitestPreset } from '../../tooling/vitest.preset.ts';

// The hostile-input gate: the corpus of corpus/ through the library and the
// CLI (in-process, in child processes killed on a hang). See hostile.test.ts.
export default mergeConfig(
  vitestPreset,
  defineProject({ test: { name: 'hostile', include: ['*.test.ts'], testTimeout: 60_000 } }),
);
