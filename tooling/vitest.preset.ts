import { defineConfig } from 'vitest/config';

/**
 * Shared Vitest settings for every project in the workspace. Vitest 4 does not
 * let a project inherit the root config, so each package merges this preset.
 */
export const vitestPreset = defineConfig({
  resolve: {
    conditions: ['@edu-quality/source'],
  },
  ssr: {
    resolve: {
      conditions: ['@edu-quality/source'],
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
