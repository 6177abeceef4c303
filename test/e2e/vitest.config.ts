import { defineProject, mergeConfig } from 'vitest/config';
import { vitestPreset } from '../../tooling/vitest.preset.ts';

// End-to-end tests run the built CLI (packages/cli/dist/bin.js) in child
// processes, as users do, and open its HTML in Debian's Chromium. The source
// condition is kept so the tests compute their oracles from the library sources.
export default mergeConfig(
  vitestPreset,
  defineProject({ test: { name: 'e2e', include: ['*.test.ts'], testTimeout: 180_000 } }),
);
