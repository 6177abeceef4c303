import { MARGIN_OPTIONS } from './internal/option-shapes.js';
import { checkOptions } from '@edu-quality/core';
import { criticalValue } from './confidence-interval.js';
import { checkLevel, ensure } from './internal/fail.js';

/** Options of {@link marginOfError}. */
export interface MarginOfErrorOptions {
  /** The number of respondents, ≥ 1. */
  readonly n: number;
  /** The population size N; omit for an infinite population (no correction). */
  readonly populationSize?: number;
  /** The assumed share, 0–1; default 0.5 (the widest margin). */
  readonly shareOfRespondents?: number;
  /** The confidence level; default 0.95. */
  readonly level?: number;
}

/**
 * The margin of error of a share: the half-width of its normal-approximation
 * confidence interval, with the finite-population correction.
 *
 * @remarks
 * `e = z √(p(1 − p)/n) · √((N − n)/(N − 1))`; the correction is 1 without N
 * and 0 for a census (n = N). Cochran, W. G. (1977), *Sampling Techniques*,
 * 3rd ed., Wiley, §4.4.
 *
 * @param options - n, N, p and level
 * @returns the margin as a share (0.05 = ±5 percentage points)
 * @throws `EduQualityError` `invalid-argument` when n < 1, N < n, or p is outside 0–1
 *
 * @example
 * ```ts
 * // 1.959964 · √(0.25/400) = 0.048999; with N = 2000: · √(1600/1999) = 0.043837.
 * marginOfError({ n: 400 }); // => 0.048999
 * marginOfError({ n: 400, populationSize: 2000 }); // => 0.043837
 * marginOfError({ n: 50, populationSize: 50 }); // => 0
 * marginOfError({ n: 0 }); // throws
 * ```
 */
export function marginOfError(options: MarginOfErrorOptions): number {
  checkOptions('marginOfError', options, MARGIN_OPTIONS);
  const { n, populationSize: N } = options;
  const p = options.shareOfRespondents ?? 0.5;
  const level = checkLevel(options.level, 'marginOfError');
  ensure(Number.isFinite(n) && n >= 1, 'marginOfError', 'n must be at least 1');
  ensure(p >= 0 && p <= 1, 'marginOfError', 'shareOfRespondents must be in 0–1');
  let fpc = 1;
  if (N !== undefined) {
    ensure(Number.isFinite(N) && N >= n, 'marginOfError', 'populationSize must be at least n');
    fpc = N === 1 ? 0 : Math.sqrt((N - n) / (N - 1));
  }
  return criticalValue(level) * Math.sqrt((p * (1 - p)) / n) * fpc;
}
