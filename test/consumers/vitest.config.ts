import { defineProject } from 'vitest/config';

// Consumer tests run the built dist in child processes, exactly as users
// would, so this project deliberately does not use the source condition.
export default defineProject({
  test: { name: 'consumers', include: ['*.test.ts'], testTimeout: 120_000 },
});
