import { COMPARE_OPTIONS } from './internal/option-shapes.js';
import { checkOptions } from '@edu-quality/core';
import type { ConfidenceInterval } from './confidence-interval.js';
import { criticalValue } from './confidence-interval.js';
import { checkLevel, fail } from './internal/fail.js';
import { twoSidedP } from './internal/distributions.js';
import type { NetPromoterScoreResult } from './net-promoter-score.js';
import type { ProportionResult } from './proportion.js';
import type { SatisfactionIndexResult } from './satisfaction-index.js';
import type { WeightedMeanResult } from './weighted-mean.js';

/** An estimate that {@link compareWaves} can compare: a mean, a share, an NPS or an index. */
export type WaveEstimate =
  WeightedMeanResult | ProportionResult | NetPromoterScoreResult | SatisfactionIndexResult;

/** Options of {@link compareWaves}. */
export interface CompareWavesOptions {
  /** The confidence level of the interval; default 0.95. */
  readonly level?: number;
}

/** The difference between two waves (or two groups), with its test. */
export interface CompareWavesResult {
  /** The test, stated for the report. */
  readonly test: string;
  /** current − previous (shares in 0–1, scores in points). */
  readonly difference: number;
  /** The SE of the difference used for the interval. */
  readonly se: number;
  /** The t or z statistic. */
  readonly statistic: number;
  /** Welch–Satterthwaite degrees of freedom for means. */
  readonly df?: number;
  /** The two-sided p-value. */
  readonly pValue: number;
  /** The interval of the difference. */
  readonly interval: ConfidenceInterval;
}

function estimateOf(e: WaveEstimate): number {
  switch (e.kind) {
    case 'mean':
      return e.estimate;
    case 'share':
      return e.shareOfRespondents;
    default:
      return e.score;
  }
}

/**
 * Compares an estimate between two independent waves (or two groups): the
 * difference, its interval and a two-sided p-value, with the test named.
 *
 * @remarks
 * - Means: Welch's t on the linearisation SEs, `t = (x̄₂ − x̄₁)/√(se₁² + se₂²)`
 *   with Welch–Satterthwaite df `(se₁² + se₂²)² / (se₁⁴/df₁ + se₂⁴/df₂)`,
 *   dfᵢ = design size − 1; unweighted and complete, this is R `t.test(y, x)`.
 * - Shares: the two-proportion z test with the pooled share (with Kish's
 *   n_eff), and the unpooled Wald interval; unweighted, this is R
 *   `prop.test(c(k₂, k₁), c(n₂, n₁), correct = FALSE)`.
 * - NPS and indices: z on the difference of independent estimates,
 *   `√(se₁² + se₂²)`.
 * The samples must be independent (different respondents). Welch, B. L.
 * (1947), Biometrika 34, 28–35; Agresti (2013), *Categorical Data Analysis*, §3.1.
 *
 * @param previous - the earlier wave's estimate
 * @param current - the later wave's estimate, of the same kind
 * @param options - the level
 * @returns difference, SE, statistic, df, p-value and interval
 * @throws `EduQualityError` `invalid-argument` when the estimates are of different kinds
 *
 * @example
 * ```ts
 * // R: t.test(y, x) → t = 1.582496, df = 12.39308, p = 0.1387098
 * const x = weightedMean([3, 4, 5, 4, 3, 5, 2, 4]);
 * const y = weightedMean([4, 5, 5, 4, 5, 3, 5, 5, 4]);
 * const r = compareWaves(x, y);
 * r.statistic; // => 1.582496
 * r.df; // => 12.39308
 * r.pValue; // => 0.1387098
 * ```
 */
export function compareWaves(
  previous: WaveEstimate,
  current: WaveEstimate,
  options: CompareWavesOptions = {},
): CompareWavesResult {
  checkOptions('compareWaves', options, COMPARE_OPTIONS);
  const level = checkLevel(options.level, 'compareWaves');
  if (previous.kind !== current.kind) {
    fail(
      'invalid-argument',
      'compareWaves',
      `cannot compare a ${previous.kind} with a ${current.kind}`,
    );
  }
  const difference = estimateOf(current) - estimateOf(previous);
  if (previous.kind === 'mean' && current.kind === 'mean') {
    const v1 = previous.se ** 2;
    const v2 = current.se ** 2;
    const se = Math.sqrt(v1 + v2);
    const df =
      v1 + v2 === 0
        ? previous.designSize + current.designSize - 2
        : (v1 + v2) ** 2 /
          (v1 ** 2 / (previous.designSize - 1) + v2 ** 2 / (current.designSize - 1));
    const statistic = se === 0 ? 0 : difference / se;
    const crit = criticalValue(level, df);
    return {
      test: 'Welch t test on linearisation standard errors (Welch–Satterthwaite df)',
      difference,
      se,
      statistic,
      df,
      pValue: se === 0 ? (difference === 0 ? 1 : 0) : twoSidedP(statistic, df),
      interval: {
        lower: difference - crit * se,
        upper: difference + crit * se,
        level,
        method: 'welch-t',
        df,
      },
    };
  }
  const crit = criticalValue(level);
  if (previous.kind === 'share' && current.kind === 'share') {
    const p1 = previous.shareOfRespondents;
    const p2 = current.shareOfRespondents;
    const n1 = previous.nEff;
    const n2 = current.nEff;
    const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
    const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
    const statistic = se0 === 0 ? 0 : difference / se0;
    return {
      test: 'two-proportion z test (pooled share, Kish effective n); unpooled Wald interval',
      difference,
      se,
      statistic,
      pValue: se0 === 0 ? 1 : twoSidedP(statistic, Infinity),
      interval: {
        lower: difference - crit * se,
        upper: difference + crit * se,
        level,
        method: 'two-proportion-z',
      },
    };
  }
  const se = Math.sqrt(previous.se ** 2 + current.se ** 2);
  const statistic = se === 0 ? 0 : difference / se;
  return {
    test: 'z test on the difference of independent estimates (√(se₁² + se₂²))',
    difference,
    se,
    statistic,
    pValue: se === 0 ? (difference === 0 ? 1 : 0) : twoSidedP(statistic, Infinity),
    interval: {
      lower: difference - crit * se,
      upper: difference + crit * se,
      level,
      method: 'difference-z',
    },
  };
}
