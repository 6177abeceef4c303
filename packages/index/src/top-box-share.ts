import { omitKeys, TOP_BOX_OPTIONS } from './internal/option-shapes.js';
import { checkOptions } from '@edu-quality/core';
import { checkWeights, ensure } from './internal/fail.js';
import { viewValues, type ValuesInput } from './internal/values.js';
import { ProportionAccumulator, type ProportionResult } from './proportion.js';

/** Options of {@link topBoxShare}. */
export interface TopBoxShareOptions {
  /** The lowest point of the scale; taken from a scale column when omitted. */
  readonly min?: number;
  /** The highest point of the scale; taken from a scale column when omitted. */
  readonly max?: number;
  /** How many top points count: 2 for top-2-box (default), 1 for top box. */
  readonly box?: number;
  /** Respondent weights, finite and positive. */
  readonly weights?: ArrayLike<number>;
  /** The confidence level. Default 0.95. */
  readonly level?: number;
}

/**
 * The top-box share: the (weighted) share of answers in the top `box` points
 * of a scale, among the answered, with its Wilson interval.
 *
 * @remarks
 * An answer x counts when x ≥ max − box + 1, so top-2-box on a 1–5 scale is
 * the share of 4s and 5s. "Not applicable" and missing answers are not
 * answers. The interval is Wilson's, with Kish's n_eff for weighted data
 * ({@link proportion}).
 *
 * @param values - answers (`null` for none) or a `ScaleColumn` of a ResponseSet
 * @param options - scale bounds, box size, weights, level
 * @returns the share with n, n_eff and interval
 * @throws `EduQualityError` `invalid-argument` without scale bounds, with an answer outside them, or a box outside 1 … max − min; `insufficient-data` when nobody answered
 *
 * @example
 * ```ts
 * // 4s and 5s among 1–5 answers: 3 of 5 (the null is no answer).
 * topBoxShare([5, 4, 3, 4, 1, null], { min: 1, max: 5 }).shareOfRespondents; // => 0.6
 * topBoxShare([5, 4, 3, 4, 1], { min: 1, max: 5, box: 1 }).shareOfRespondents; // => 0.2
 * topBoxShare([6], { min: 1, max: 5 }); // throws
 * ```
 */
export function topBoxShare(
  values: ValuesInput,
  options: TopBoxShareOptions = {},
): ProportionResult {
  checkOptions('topBoxShare', options, TOP_BOX_OPTIONS);
  const view = viewValues(values);
  const min = options.min ?? view.min;
  const max = options.max ?? view.max;
  ensure(min !== undefined && max !== undefined && min < max, 'topBoxShare', 'needs min < max');
  const box = options.box ?? 2;
  ensure(
    Number.isInteger(box) && box >= 1 && box <= max - min,
    'topBoxShare',
    'box must be an integer in 1 … max − min',
  );
  const { weights } = options;
  if (weights !== undefined) checkWeights(weights, view.length, 'topBoxShare');
  const cut = max - box + 1;
  const acc = new ProportionAccumulator();
  for (let i = 0; i < view.length; i++) {
    const x = view.at(i);
    const w = weights === undefined ? 1 : weights[i]!;
    if (Number.isNaN(x)) {
      acc.add(null, w);
      continue;
    }
    ensure(x >= min && x <= max, 'topBoxShare', `answer ${x} at row ${i} is outside ${min}–${max}`);
    acc.add(x >= cut, w);
  }
  return acc.result(omitKeys(options, ['weights', 'min', 'max', 'box']));
}
