import { checkWeights } from './internal/fail.js';
import { scaleToMargin } from './internal/scale-to-margin.js';
import { viewCategories, type CategoriesInput } from './internal/values.js';

/** Weights adjusted to known population counts, with the factor of each cell. */
export interface PostStratifyResult {
  /** The adjusted weights, one per respondent. */
  readonly weights: Float64Array;
  /** The factor N_h / Σ_{i∈h} wᵢ by cell. */
  readonly factors: Readonly<Record<string, number>>;
}

/**
 * Post-stratification: weights scaled within each cell (school, age group…)
 * so that the weighted count of every cell equals its known population.
 *
 * @remarks
 * `wᵢ' = wᵢ · N_h / Σ_{j∈h} wⱼ` for i in cell h. Equal to the weights of R
 * `survey::postStratify(design, ~cell, population)`. Holt, D. and Smith,
 * T. M. F. (1979), JRSS A 142, 33–46; Lumley (2010), §7.2.
 *
 * @param weights - the design weights, finite and positive
 * @param cells - each respondent's cell (labels or a `CategoryColumn`)
 * @param population - the population count N_h of every cell
 * @returns the new weights and the factor of each cell
 * @throws `EduQualityError` `invalid-argument` for a respondent without a cell or a cell without a population; `insufficient-data` for a population cell without respondents
 *
 * @example
 * ```ts
 * const r = postStratify([1, 1, 2], ['a', 'a', 'b'], { a: 10, b: 30 });
 * r.weights; // => [5, 5, 30]
 * r.factors; // => { a: 5, b: 15 }
 * postStratify([1], ['a'], { a: 10, b: 5 }); // throws
 * ```
 */
export function postStratify(
  weights: ArrayLike<number>,
  cells: CategoriesInput,
  population: Readonly<Record<string, number>>,
): PostStratifyResult {
  const view = viewCategories(cells);
  checkWeights(weights, view.length, 'postStratify');
  const out = Float64Array.from(weights);
  const factors = scaleToMargin(out, view, population, 'postStratify');
  return { weights: out, factors };
}
