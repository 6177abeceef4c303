import { EduQualityError, type ErrorCode } from '@edu-quality/core';

/** Throws an {@link EduQualityError} whose message names the function and the broken precondition. */
export function fail(code: ErrorCode, fn: string, message: string): never {
  throw new EduQualityError(code, `${fn}: ${message}`);
}

/** Throws `invalid-argument` unless `condition` holds. */
export function ensure(condition: boolean, fn: string, message: string): asserts condition {
  if (!condition) fail('invalid-argument', fn, message);
}

/** Checks a confidence level in (0, 1) and returns it (default 0.95). */
export function checkLevel(level: number | undefined, fn: string): number {
  const value = level ?? 0.95;
  ensure(Number.isFinite(value) && value > 0 && value < 1, fn, 'level must be in (0, 1)');
  return value;
}

/** Checks that every weight is finite and positive. */
export function checkWeights(weights: ArrayLike<number>, size: number, fn: string): void {
  ensure(
    weights.length === size,
    fn,
    `weights must have one entry per respondent (${size}), got ${weights.length}`,
  );
  for (let i = 0; i < size; i++) {
    const w = weights[i]!;
    if (!(Number.isFinite(w) && w > 0)) {
      fail('invalid-argument', fn, `weights must be finite and positive (row ${i} has ${w})`);
    }
  }
}
