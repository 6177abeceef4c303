// The sample questionnaire of the fixtures, read once for the tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const fixturesDir: string = join(import.meta.dirname, 'fixtures');

/** A fresh, mutable copy of the valid school questionnaire fixture (lt, en; every question kind). */
export function sampleDefinition(): Record<string, unknown> {
  return JSON.parse(
    readFileSync(join(fixturesDir, 'parse-questionnaire', 'school.input.json'), 'utf8'),
  ) as Record<string, unknown>;
}

/** Freezes a value and everything it holds, to prove a function does not mutate its input. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
