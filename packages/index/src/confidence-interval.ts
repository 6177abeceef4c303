import { checkLevel, ensure } from './internal/fail.js';
import { normalQuantile, tQuantile } from './internal/distributions.js';

/**
 * How an interval was computed; every interval in this package names its method.
 *
 * - `linearisation-t`, `linearisation-z`: a (weighted) mean ± t or z × its
 *   linearisation standard error, as R `survey::svymean` and `confint`.
 * - `wilson`: the Wilson score interval of a proportion, as
 *   `prop.test(correct = FALSE)`; `wilson-effective-n`: the same with the Kish
 *   effective n of weighted data in place of n.
 * - `multinomial-t`, `multinomial-z`: an NPS ± t or z × its multinomial SE.
 * - `delta-t`, `delta-z`: a composite index ± t or z × its delta-method SE.
 * - `bootstrap-percentile`: percentiles of a seeded bootstrap of respondents.
 * - `welch-t`, `two-proportion-z`, `difference-z`: intervals of differences
 *   (see {@link compareWaves}).
 */
export type IntervalMethod =
  | 'linearisation-t'
  | 'linearisation-z'
  | 'wilson'
  | 'wilson-effective-n'
  | 'multinomial-t'
  | 'multinomial-z'
  | 'delta-t'
  | 'delta-z'
  | 'bootstrap-percentile'
  | 'welch-t'
  | 'two-proportion-z'
  | 'difference-z';

/** A confidence interval with its level and the method that produced it. */
export interface ConfidenceInterval {
  /** The lower bound. */
  readonly lower: number;
  /** The upper bound. */
  readonly upper: number;
  /** The confidence level, for example 0.95. */
  readonly level: number;
  /** How the interval was computed. */
  readonly method: IntervalMethod;
  /** The degrees of freedom of a t interval. */
  readonly df?: number;
}

/**
 * The critical value of a two-sided interval: the quantile of the standard
 * normal (z) or of Student's t with `df` degrees of freedom at `1 − (1 − level)/2`.
 *
 * @remarks
 * z = Φ⁻¹(1 − α/2) by Wichura's algorithm AS 241 (Applied Statistics 37, 1988);
 * t by Newton steps on the t CDF, which is computed through the regularised
 * incomplete beta function. R: `qnorm(0.975)`, `qt(0.975, df)`.
 *
 * @param level - the confidence level in (0, 1); default 0.95
 * @param df - degrees of freedom for t; omit (or `Infinity`) for z
 * @returns the critical value
 * @throws `EduQualityError` `invalid-argument` when the level is outside (0, 1) or df ≤ 0
 *
 * @example
 * ```ts
 * criticalValue(0.95); // => 1.959964
 * criticalValue(0.95, 10); // => 2.228139
 * criticalValue(1.5); // throws
 * ```
 */
export function criticalValue(level?: number, df?: number): number {
  const l = checkLevel(level, 'criticalValue');
  const p = 1 - (1 - l) / 2;
  if (df === undefined || df === Infinity) return normalQuantile(p);
  ensure(df > 0 && !Number.isNaN(df), 'criticalValue', 'df must be positive');
  return tQuantile(p, df);
}
