import { checkWeights } from './internal/fail.js';

/**
 * Kish's effective sample size of weighted data: the size of an unweighted
 * sample with the same precision, `n_eff = (Σ w)² / Σ w²`.
 *
 * @remarks
 * Equal weights give n; unequal weights give less. Kish, L. (1965), *Survey
 * Sampling*, Wiley, §11.7. R: `sum(w)^2 / sum(w^2)`.
 *
 * @param weights - the respondent weights, finite and positive
 * @returns the effective n (0 for no weights)
 * @throws `EduQualityError` `invalid-argument` when a weight is not finite and positive
 *
 * @example
 * ```ts
 * effectiveSampleSize([1, 1, 1, 1]); // => 4
 * effectiveSampleSize([1, 2, 3]); // => 2.5714
 * effectiveSampleSize([1, -1]); // throws
 * ```
 */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  // In units of the largest weight: (Σw)²/Σw² is scale-invariant, and cannot overflow.
  const scaled = checkWeights(weights, weights.length, 'effectiveSampleSize').weights;
  let sum = 0;
  let sum2 = 0;
  for (const w of scaled) {
    sum += w;
    sum2 += w * w;
  }
  return sum2 === 0 ? 0 : (sum * sum) / sum2;
}
