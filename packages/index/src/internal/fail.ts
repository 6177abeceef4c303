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

// The smallest normal double, 2^−1022: a weight below it is subnormal, with
// fewer significant bits than the others, and its square is 0.
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/** Checks one weight: finite, positive and not subnormal; `at` names its position. */
export function checkWeight(w: number, fn: string, at = ''): void {
  if (!(Number.isFinite(w) && w >= SMALLEST_NORMAL)) {
    fail(
      'invalid-argument',
      fn,
      `weights must be finite, positive and at least 2.2250738585072014e-308 (${at === '' ? 'got' : `${at} has`} ${w})`,
    );
  }
}

/** The power of two at or below a finite w > 0: dividing by it is exact. */
export function unitOf(w: number): number {
  return 2 ** Math.floor(Math.log2(w));
}

/**
 * Checks that every weight is finite, positive and normal, and returns them
 * divided by the power of two at or below the largest (exact, barring
 * underflow), with that unit. Every ratio estimator is invariant to the scale
 * of the weights, and in units of the largest weight Σw, Σw² and their
 * products cannot overflow; a weight under 2⁻¹⁰⁷⁴ of the largest becomes 0,
 * its share of every sum being below rounding anyway.
 */
export function checkWeights(
  weights: ArrayLike<number>,
  size: number,
  fn: string,
): { readonly weights: Float64Array; readonly unit: number } {
  ensure(
    weights.length === size,
    fn,
    `weights must have one entry per respondent (${size}), got ${weights.length}`,
  );
  let max = 0;
  for (let i = 0; i < size; i++) {
    const w = weights[i]!;
    checkWeight(w, fn, `row ${i}`);
    if (w > max) max = w;
  }
  const unit = size === 0 ? 1 : unitOf(max);
  return { weights: Float64Array.from(weights, (w) => w / unit), unit };
}

/**
 * A weight unit kept by a streaming accumulator: the power of two at or below
 * the largest weight added so far. Weights are stored divided by it, so that
 * sums of weights and of their squares can neither overflow nor lose every
 * bit; when a larger weight arrives, the stored sums are rescaled.
 */
export class WeightUnit {
  /** The current unit; 0 before the first weight. */
  unit = 0;

  /**
   * The weight in the current unit, after checking it and moving the unit up
   * (calling `rescale` with the factor old unit / new unit) when it is larger.
   */
  scale(weight: number, fn: string, rescale: (factor: number) => void): number {
    checkWeight(weight, fn);
    if (weight >= 2 * this.unit) this.#moveTo(unitOf(weight), rescale);
    return weight / this.unit;
  }

  /** Brings this unit to at least `other`'s, rescaling the stored sums; returns the factor for `other`'s sums. */
  align(other: WeightUnit, rescale: (factor: number) => void): number {
    if (other.unit > this.unit) this.#moveTo(other.unit, rescale);
    return this.unit === 0 ? 1 : other.unit / this.unit;
  }

  #moveTo(unit: number, rescale: (factor: number) => void): void {
    if (this.unit > 0) rescale(this.unit / unit);
    this.unit = unit;
  }
}
