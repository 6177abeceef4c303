import { LEVEL_OPTIONS, omitKeys, PROPORTION_OPTIONS } from './internal/option-shapes.js';
import { checkOptions } from '@edu-quality/core';
import type { ConfidenceInterval } from './confidence-interval.js';
import { checkLevel, checkWeights, fail, WeightUnit } from './internal/fail.js';
import { wilsonInterval } from './wilson-interval.js';

/** A (weighted) share of respondents with its Wilson interval. */
export interface ProportionResult {
  /** Discriminant, for {@link compareWaves}. */
  readonly kind: 'share';
  /** The weighted share in 0–1 among the answered. */
  readonly shareOfRespondents: number;
  /** The unweighted number of answered respondents in the share. */
  readonly successes: number;
  /** Answered respondents. */
  readonly n: number;
  /** Kish's effective n of the answered (n when unweighted). */
  readonly nEff: number;
  /** √(p(1 − p)/n_eff). */
  readonly se: number;
  /** Wilson, with n_eff for weighted data. */
  readonly interval: ConfidenceInterval;
}

/** Options of {@link proportion} and {@link ProportionAccumulator.result}. */
export interface ProportionOptions {
  /** Respondent weights, finite and positive. Default: all 1. */
  readonly weights?: ArrayLike<number>;
  /** The confidence level. Default 0.95. */
  readonly level?: number;
}

/**
 * A mergeable accumulator of a weighted share: Σw, Σw² and Σw over successes.
 *
 * @example
 * ```ts
 * const acc = new ProportionAccumulator();
 * acc.add(true).add(false).add(null).add(true);
 * acc.result().shareOfRespondents; // => 0.6667
 * acc.result().n; // => 3
 * ```
 */
export class ProportionAccumulator {
  #n = 0;
  #k = 0;
  #w = 0;
  #w2 = 0;
  #wk = 0;
  #weighted = false;
  readonly #unit = new WeightUnit();
  readonly #rescale = (r: number): void => {
    this.#w *= r;
    this.#w2 *= r * r;
    this.#wk *= r;
  };

  /**
   * Adds one respondent.
   *
   * @param success - whether the respondent is in the share; `null` or `undefined` for no answer
   * @param weight - the respondent weight, finite and positive; default 1
   * @returns this accumulator
   * @throws `EduQualityError` `invalid-argument` when the weight is not finite, positive and normal (≥ 2.2250738585072014e-308)
   */
  add(success: boolean | null | undefined, weight = 1): this {
    const w = this.#unit.scale(weight, 'ProportionAccumulator.add', this.#rescale);
    if (success === null || success === undefined) return this;
    if (weight !== 1) this.#weighted = true;
    this.#n++;
    this.#w += w;
    this.#w2 += w * w;
    if (success) {
      this.#k++;
      this.#wk += w;
    }
    return this;
  }

  /**
   * Merges another accumulator into this one.
   *
   * @param other - an accumulator over other respondents
   * @returns this accumulator
   */
  merge(other: ProportionAccumulator): this {
    const r = this.#unit.align(other.#unit, this.#rescale);
    this.#n += other.#n;
    this.#k += other.#k;
    this.#w += other.#w * r;
    this.#w2 += other.#w2 * r * r;
    this.#wk += other.#wk * r;
    this.#weighted ||= other.#weighted;
    return this;
  }

  /**
   * The share and its Wilson interval.
   *
   * @param options - the level
   * @returns the share, n, n_eff and interval
   * @throws `EduQualityError` `insufficient-data` when nobody answered
   */
  result(options: Pick<ProportionOptions, 'level'> = {}): ProportionResult {
    checkOptions('ProportionAccumulator.result', options, LEVEL_OPTIONS);
    const level = checkLevel(options.level, 'ProportionAccumulator.result');
    if (this.#n === 0) fail('insufficient-data', 'proportion', 'no answered value');
    const p = Math.min(1, this.#wk / this.#w);
    const nEff = this.#weighted ? (this.#w * this.#w) / this.#w2 : this.#n;
    return {
      kind: 'share',
      shareOfRespondents: p,
      successes: this.#k,
      n: this.#n,
      nEff,
      se: Math.sqrt((p * (1 - p)) / nEff),
      interval: wilsonInterval(p * nEff, nEff, { level, effectiveN: this.#weighted }),
    };
  }
}

/**
 * The (weighted) share of respondents for whom a condition holds, among those
 * who answered, with its Wilson interval.
 *
 * @remarks
 * p̂ = Σ w·1[success] / Σ w. Unweighted, the interval is Wilson's with n; with
 * weights it is Wilson's with Kish's n_eff = (Σw)²/Σw² in place of n (Kish 1965;
 * see {@link wilsonInterval}).
 *
 * @param values - per respondent `true`, `false`, or `null`/`undefined` for no answer
 * @param options - weights and level
 * @returns the share with its n, n_eff and interval
 * @throws `EduQualityError` `invalid-argument` for bad weights; `insufficient-data` when nobody answered
 *
 * @example
 * ```ts
 * // R: prop.test(3, 7, correct = FALSE)
 * const r = proportion([true, true, true, false, false, false, false]);
 * r.shareOfRespondents; // => 0.428571
 * r.interval; // => { lower: 0.1582199, upper: 0.7495416, method: 'wilson' }
 * ```
 */
export function proportion(
  values: ArrayLike<boolean | null | undefined>,
  options: ProportionOptions = {},
): ProportionResult {
  checkOptions('proportion', options, PROPORTION_OPTIONS);
  const { weights } = options;
  if (weights !== undefined) checkWeights(weights, values.length, 'proportion');
  const acc = new ProportionAccumulator();
  for (let i = 0; i < values.length; i++)
    acc.add(values[i], weights === undefined ? 1 : weights[i]);
  return acc.result(omitKeys(options, ['weights']));
}
