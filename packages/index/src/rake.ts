import { RAKE_OPTIONS, RAKE_MARGIN } from './internal/option-shapes.js';
import { checkOptions } from '@edu-quality/core';
import { checkWeights, ensure, fail } from './internal/fail.js';
import { viewCategories, type CategoriesInput } from './internal/values.js';
import { scaleToMargin } from './internal/scale-to-margin.js';

/** One margin to rake to: each respondent's category and the population count of every category. */
export interface RakeMargin {
  /** Each respondent's category (labels or a `CategoryColumn`). */
  readonly cells: CategoriesInput;
  /** The population count of each category. */
  readonly population: Readonly<Record<string, number>>;
}

/** Options of {@link rake}. */
export interface RakeOptions {
  /** Stop when every margin is within this relative error of its target; default 1e-10. */
  readonly tolerance?: number;
  /** The most full cycles over the margins; default 100. */
  readonly maxIterations?: number;
  /**
   * What to do when the tolerance is not reached: `'throw'` (default) an
   * `EduQualityError` with code `not-converged`, or `'flag'`: return the last
   * weights with `converged: false`. Never silent.
   */
  readonly onNotConverged?: 'throw' | 'flag';
}

/** Raked weights with the convergence report. */
export interface RakeResult {
  /** The raked weights, one per respondent. */
  readonly weights: Float64Array;
  /** Full cycles over the margins that were run. */
  readonly iterations: number;
  /** Whether every margin met the tolerance. */
  readonly converged: boolean;
  /** The largest relative gap |Σw − N_h|/N_h over all margins at the end. */
  readonly maxRelativeError: number;
}

/**
 * Raking (iterative proportional fitting): weights adjusted so that the
 * weighted counts match several known population margins at once, for
 * example pupils per school and respondents per group.
 *
 * @remarks
 * Each cycle post-stratifies to every margin in turn (wᵢ ← wᵢ N_h / Σ_{j∈h} wⱼ);
 * cycles stop when the largest relative gap max |Σ_{i∈h} wᵢ − N_h| / N_h over
 * all margins is below the tolerance. The limit is the weights of R
 * `survey::rake(design, list(~a, ~b), list(pop_a, pop_b))` run to
 * convergence. Deming, W. E. and Stephan, F. F. (1940), Annals of Mathematical
 * Statistics 11, 427–444. Non-convergence is reported, never silent.
 *
 * @param weights - the starting (design) weights, finite and positive
 * @param margins - at least one margin; every margin's totals should sum to the same N
 * @param options - tolerance, iterations, what to do without convergence
 * @returns the weights, iterations, convergence and the final gap
 * @throws `EduQualityError` `invalid-argument` for bad margins; `insufficient-data` for an empty cell; `not-converged` when the tolerance is not met and `onNotConverged` is `'throw'`
 *
 * @example
 * ```ts
 * const r = rake([1, 1, 1, 1], [
 *   { cells: ['a', 'a', 'b', 'b'], population: { a: 30, b: 10 } },
 *   { cells: ['x', 'y', 'x', 'y'], population: { x: 20, y: 20 } },
 * ]);
 * r.weights; // => [15, 15, 5, 5]
 * r.converged; // => true
 * ```
 */
export function rake(
  weights: ArrayLike<number>,
  margins: readonly RakeMargin[],
  options: RakeOptions = {},
): RakeResult {
  checkOptions('rake', options, RAKE_OPTIONS);
  margins.forEach((margin, i) => {
    checkOptions('rake', margin, RAKE_MARGIN, `margins.${i}`);
  });
  ensure(margins.length > 0, 'rake', 'needs at least one margin');
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  ensure(tolerance > 0, 'rake', 'tolerance must be positive');
  ensure(
    Number.isInteger(maxIterations) && maxIterations >= 1,
    'rake',
    'maxIterations must be a positive integer',
  );
  const views = margins.map((m) => viewCategories(m.cells));
  checkWeights(weights, views[0]!.length, 'rake');
  for (const v of views)
    ensure(v.length === weights.length, 'rake', 'every margin needs one cell per respondent');
  const out = Float64Array.from(weights);
  const gap = (): number => {
    let worst = 0;
    margins.forEach((margin, m) => {
      const view = views[m]!;
      const sums = new Map<string, number>();
      for (let i = 0; i < view.length; i++) {
        const h = view.at(i)!;
        sums.set(h, (sums.get(h) ?? 0) + out[i]!);
      }
      for (const [h, N] of Object.entries(margin.population)) {
        worst = Math.max(worst, Math.abs((sums.get(h) ?? 0) - N) / N);
      }
    });
    return worst;
  };
  let iterations = 0;
  let error = Infinity;
  while (iterations < maxIterations) {
    margins.forEach((margin, m) => {
      scaleToMargin(out, views[m]!, margin.population, 'rake');
    });
    iterations++;
    error = gap();
    if (error < tolerance) break;
  }
  const converged = error < tolerance;
  if (!converged && options.onNotConverged !== 'flag') {
    fail(
      'not-converged',
      'rake',
      `margins not met within ${tolerance} after ${iterations} iterations (largest relative gap ${error})`,
    );
  }
  return { weights: out, iterations, converged, maxRelativeError: error };
}
