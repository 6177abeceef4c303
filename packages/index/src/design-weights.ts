import { ensure, fail } from './internal/fail.js';
import { viewCategories, type CategoriesInput } from './internal/values.js';

/**
 * Design weights of a stratified sample: each respondent of stratum h stands
 * for N_h / n_h people, the inverse of its inclusion probability.
 *
 * @remarks
 * `wᵢ = N_h / n_h` for i in h, where n_h is the number of respondents in h.
 * The weighted count of each stratum is then its population. Horvitz, D. G.
 * and Thompson, D. J. (1952), JASA 47, 663–685; Lumley (2010), *Complex
 * Surveys*, §2.1.
 *
 * @param strata - each respondent's stratum (a label array or a `CategoryColumn`)
 * @param populationSizes - N_h by stratum label
 * @returns one weight per respondent
 * @throws `EduQualityError` `invalid-argument` when a respondent has no stratum, a stratum has no population, or a population is not positive
 *
 * @example
 * ```ts
 * designWeights(['a', 'a', 'b'], { a: 100, b: 30 }); // => [50, 50, 30]
 * designWeights(['a', 'c'], { a: 100 }); // throws
 * ```
 */
export function designWeights(
  strata: CategoriesInput,
  populationSizes: Readonly<Record<string, number>>,
): Float64Array {
  const view = viewCategories(strata);
  const counts = new Map<string, number>();
  for (let i = 0; i < view.length; i++) {
    const h = view.at(i);
    if (h === undefined)
      fail('invalid-argument', 'designWeights', `respondent ${i} has no stratum`);
    ensure(
      Object.hasOwn(populationSizes, h),
      'designWeights',
      `stratum ${h} has no population size`,
    );
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  const weights = new Float64Array(view.length);
  for (let i = 0; i < view.length; i++) {
    const h = view.at(i)!;
    const N = populationSizes[h]!;
    ensure(Number.isFinite(N) && N > 0, 'designWeights', `population of ${h} must be positive`);
    weights[i] = N / counts.get(h)!;
  }
  return weights;
}
