import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'test/consumers', 'test/e2e', 'test/hostile', 'docs'],
  },
});
