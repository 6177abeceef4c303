import { WILSON_OPTIONS } from './internal/option-shapes.js';
import { checkOptions } from '@edu-quality/core';
import type { ConfidenceInterval } from './confidence-interval.js';
import { criticalValue } from './confidence-interval.js';
import { checkLevel, ensure } from './internal/fail.js';

/** Options of {@link wilsonInterval}. */
export interface WilsonIntervalOptions {
  /** The confidence level. Default 0.95. */
  readonly level?: number;
  /**
   * Whether `n` is a Kish effective n of weighted data (and `successes` the
   * weighted share times it); only changes the method named in the result.
   */
  readonly effectiveN?: boolean;
}

/**
 * The Wilson score interval of a proportion: the set of p whose score test
 * does not reject at the given level.
 *
 * @remarks
 * With p̂ = k/n and z = Φ⁻¹(1 − α/2):
 * `(p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)`.
 * Equal to R `prop.test(k, n, correct = FALSE)$conf.int`. Unlike the Wald
 * interval it stays inside [0, 1] and keeps its coverage near 0 and 1. For
 * weighted data pass p̂·n_eff and n_eff (Kish), as the methods note says.
 * Wilson, E. B. (1927), JASA 22, 209–212; Brown, Cai and DasGupta (2001),
 * Statistical Science 16, 101–133.
 *
 * @param successes - the number (or weighted equivalent) of successes, 0 ≤ k ≤ n
 * @param n - the number of trials (may be a non-integer effective n), > 0
 * @param options - level, whether n is effective
 * @returns the interval
 * @throws `EduQualityError` `invalid-argument` unless 0 ≤ successes ≤ n and n > 0
 *
 * @example
 * ```ts
 * // R: prop.test(3, 7, correct = FALSE)$conf.int = 0.1582199 0.7495416
 * wilsonInterval(3, 7); // => { lower: 0.1582199, upper: 0.7495416, level: 0.95, method: 'wilson' }
 * wilsonInterval(0, 10).lower; // => 0
 * wilsonInterval(5, 4); // throws
 * ```
 */
export function wilsonInterval(
  successes: number,
  n: number,
  options: WilsonIntervalOptions = {},
): ConfidenceInterval {
  checkOptions('wilsonInterval', options, WILSON_OPTIONS);
  const level = checkLevel(options.level, 'wilsonInterval');
  ensure(Number.isFinite(n) && n > 0, 'wilsonInterval', 'n must be finite and positive');
  ensure(
    Number.isFinite(successes) && successes >= 0 && successes <= n * (1 + 1e-12),
    'wilsonInterval',
    'successes must be between 0 and n',
  );
  const p = Math.min(1, successes / n);
  const z = criticalValue(level);
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  // As prop.test: the bound at p̂ = 0 (or 1) is exactly 0 (or 1), not a rounding residue.
  return {
    lower: p <= 0 ? 0 : Math.max(0, (centre - half) / denominator),
    upper: p >= 1 ? 1 : Math.min(1, (centre + half) / denominator),
    level,
    method: options.effectiveN === true ? 'wilson-effective-n' : 'wilson',
  };
}
