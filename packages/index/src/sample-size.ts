import { SAMPLE_SIZE_OPTIONS } from './internal/option-shapes.js';
import { checkOptions } from '@edu-quality/core';
import { criticalValue } from './confidence-interval.js';
import { checkLevel, ensure } from './internal/fail.js';

/** Options of {@link sampleSize}. */
export interface SampleSizeOptions {
  /** The target margin of error as a share, for example 0.05 for ±5 points. */
  readonly margin: number;
  /** The population size N; omit for an infinite population. */
  readonly populationSize?: number;
  /** The assumed share, 0–1; default 0.5 (the largest sample). */
  readonly shareOfRespondents?: number;
  /** The confidence level; default 0.95. */
  readonly level?: number;
  /** A floor set by the study rules (for example at least 30 per institution); capped at N. */
  readonly minimum?: number;
}

/**
 * The number of respondents needed for a target margin of error on a share,
 * with the finite-population correction.
 *
 * @remarks
 * `n₀ = z² p(1 − p)/e²`, then `n = n₀ / (1 + (n₀ − 1)/N)`, rounded up; then
 * raised to `minimum` and capped at N. Cochran (1977), *Sampling Techniques*,
 * §4.4. For rules over several institutions see {@link sampleSizePlan}.
 *
 * @param options - margin, N, p, level and minimum
 * @returns the sample size, a whole number
 * @throws `EduQualityError` `invalid-argument` when the margin is outside (0, 1), N < 1 or p outside 0–1
 *
 * @example
 * ```ts
 * // n₀ = 1.959964² · 0.25 / 0.05² = 384.1459 → 385; with N = 1000: 277.7 → 278.
 * sampleSize({ margin: 0.05 }); // => 385
 * sampleSize({ margin: 0.05, populationSize: 1000 }); // => 278
 * sampleSize({ margin: 0.1, populationSize: 40, minimum: 30 }); // => 30
 * sampleSize({ margin: 0 }); // throws
 * ```
 */
export function sampleSize(options: SampleSizeOptions): number {
  checkOptions('sampleSize', options, SAMPLE_SIZE_OPTIONS);
  const { margin, populationSize: N } = options;
  const p = options.shareOfRespondents ?? 0.5;
  const level = checkLevel(options.level, 'sampleSize');
  ensure(margin > 0 && margin < 1, 'sampleSize', 'margin must be in (0, 1)');
  ensure(p >= 0 && p <= 1, 'sampleSize', 'shareOfRespondents must be in 0–1');
  if (N !== undefined)
    ensure(
      Number.isInteger(N) && N >= 1,
      'sampleSize',
      'populationSize must be a positive integer',
    );
  const z = criticalValue(level);
  const n0 = (z * z * p * (1 - p)) / (margin * margin);
  const corrected = N === undefined ? n0 : n0 / (1 + (n0 - 1) / N);
  // Round up, forgiving the last bits of rounding error (384.0000000001 is 384).
  let n = Math.max(1, Math.ceil(corrected - 1e-9));
  if (options.minimum !== undefined) n = Math.max(n, options.minimum);
  return N === undefined ? n : Math.min(n, N);
}
