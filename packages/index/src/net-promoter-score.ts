import { NPS_OPTIONS, NPS_RESULT_OPTIONS, omitKeys } from './internal/option-shapes.js';
import { checkOptions } from '@edu-quality/core';
import type { ConfidenceInterval } from './confidence-interval.js';
import { checkWeights, ensure, WeightUnit } from './internal/fail.js';
import { checkNpsScale, npsResult } from './internal/nps-result.js';
import { viewValues, type ValuesInput } from './internal/values.js';

/** Options of {@link netPromoterScore} and {@link NpsAccumulator.result}. */
export interface NetPromoterScoreOptions {
  /** Respondent weights, finite and positive. */
  readonly weights?: ArrayLike<number>;
  /** The confidence level. Default 0.95. */
  readonly level?: number;
  /** `'z'` (default) or `'t'` with n_eff − 1 degrees of freedom. */
  readonly interval?: 'z' | 't';
}

/** A Net Promoter Score with its shares, n and interval. */
export interface NetPromoterScoreResult {
  /** Discriminant, for {@link compareWaves}. */
  readonly kind: 'nps';
  /** 100 × (promoters − detractors), in −100 … 100. */
  readonly score: number;
  /** The (weighted) share of 9s and 10s, 0–1. */
  readonly promoters: number;
  /** The (weighted) share of 7s and 8s, 0–1. */
  readonly passives: number;
  /** The (weighted) share of 0–6, 0–1. */
  readonly detractors: number;
  /** Answered respondents. */
  readonly n: number;
  /** Kish's effective n (n when unweighted). */
  readonly nEff: number;
  /** The standard error of the score, in score points: 100 √((p + d − (p − d)²)/n_eff). */
  readonly se: number;
  /** The interval, clipped to −100 … 100. */
  readonly interval: ConfidenceInterval;
}

/**
 * A mergeable accumulator of the Net Promoter Score.
 *
 * @example
 * ```ts
 * const acc = new NpsAccumulator();
 * for (const x of [10, 9, 8, 6]) acc.add(x);
 * acc.result().score; // => 25
 * ```
 */
export class NpsAccumulator {
  #n = 0;
  #w = 0;
  #w2 = 0;
  #wp = 0;
  #wd = 0;
  readonly #unit = new WeightUnit();
  readonly #rescale = (r: number): void => {
    this.#w *= r;
    this.#w2 *= r * r;
    this.#wp *= r;
    this.#wd *= r;
  };

  /**
   * Adds one respondent.
   *
   * @param answer - the 0–10 answer; `null`, `undefined` or `NaN` for none
   * @param weight - the respondent weight; default 1
   * @returns this accumulator
   * @throws `EduQualityError` `invalid-argument` for an answer that is not an integer in 0–10 or a weight that is not finite, positive and normal (≥ 2.2250738585072014e-308)
   */
  add(answer: number | null | undefined, weight = 1): this {
    const w = this.#unit.scale(weight, 'NpsAccumulator.add', this.#rescale);
    if (answer === null || answer === undefined || Number.isNaN(answer)) return this;
    ensure(
      Number.isInteger(answer) && answer >= 0 && answer <= 10,
      'netPromoterScore',
      `answer ${answer} is not an integer in 0–10`,
    );
    this.#n++;
    this.#w += w;
    this.#w2 += w * w;
    if (answer >= 9) this.#wp += w;
    else if (answer <= 6) this.#wd += w;
    return this;
  }

  /**
   * Merges another accumulator into this one.
   *
   * @param other - an accumulator over other respondents
   * @returns this accumulator
   */
  merge(other: NpsAccumulator): this {
    const r = this.#unit.align(other.#unit, this.#rescale);
    this.#n += other.#n;
    this.#w += other.#w * r;
    this.#w2 += other.#w2 * r * r;
    this.#wp += other.#wp * r;
    this.#wd += other.#wd * r;
    return this;
  }

  /**
   * The score, its shares and interval.
   *
   * @param options - level and interval kind
   * @returns the result
   * @throws `EduQualityError` `insufficient-data` when nobody answered
   */
  result(options: Omit<NetPromoterScoreOptions, 'weights'> = {}): NetPromoterScoreResult {
    checkOptions('NpsAccumulator.result', options, NPS_RESULT_OPTIONS);
    return npsResult({ n: this.#n, w: this.#w, w2: this.#w2, wp: this.#wp, wd: this.#wd }, options);
  }
}

/**
 * The Net Promoter Score: on a 0–10 "would you recommend" item, the share of
 * promoters (9–10) minus the share of detractors (0–6), times 100.
 *
 * @remarks
 * NPS = 100 (p − d). Its variance is the multinomial variance of a difference
 * of shares, `(p + d − (p − d)²)/n`, with Kish's n_eff for weighted data; the
 * interval is NPS ± z·SE (or t), clipped to −100 … 100. Reichheld, F. (2003),
 * "The one number you need to grow", Harvard Business Review 81(12).
 *
 * @param values - integer 0–10 answers (`null` for none) or a `ScaleColumn` of a ResponseSet whose scale is 0–10
 * @param options - weights, level, interval kind
 * @returns the score, shares, n, n_eff, SE and interval
 * @throws `EduQualityError` `invalid-argument` for a scale column whose range is not 0–10 (naming the item and its range), an answer that is not an integer in 0–10, or bad weights; `insufficient-data` when nobody answered
 *
 * @example
 * ```ts
 * // 2 promoters, 1 passive, 1 detractor: p = 0.5, d = 0.25, NPS = 25,
 * // SE = 100 √((0.75 − 0.0625)/4) = 41.4578.
 * const r = netPromoterScore([10, 9, 8, 6, null]);
 * r.score; // => 25
 * r.se; // => 41.4578
 * r.n; // => 4
 * netPromoterScore([11]); // throws
 * ```
 */
export function netPromoterScore(
  values: ValuesInput,
  options: NetPromoterScoreOptions = {},
): NetPromoterScoreResult {
  checkOptions('netPromoterScore', options, NPS_OPTIONS);
  const view = viewValues(values);
  // A scale column carries its range: an NPS needs 0–10, whatever the answers.
  if (view.min !== undefined && view.max !== undefined)
    checkNpsScale(view.id ?? 'the item', view.min, view.max, 'netPromoterScore');
  const { weights } = options;
  // Checked whole (the message names the row); the accumulator scales them.
  if (weights !== undefined) checkWeights(weights, view.length, 'netPromoterScore');
  const acc = new NpsAccumulator();
  for (let i = 0; i < view.length; i++) acc.add(view.at(i), weights === undefined ? 1 : weights[i]);
  return acc.result(omitKeys(options, ['weights']));
}
