import { ALPHA_OPTIONS } from './internal/option-shapes.js';
import { checkOptions } from '@edu-quality/core';
import { ensure, fail } from './internal/fail.js';
import { addPair, emptyPair, mergePair, type PairMoments } from './internal/moments.js';
import { checkPairwiseItems } from './internal/pairwise-limit.js';
import { viewValues, type ValuesInput } from './internal/values.js';

/** Options of {@link cronbachAlpha} and {@link CronbachAlphaAccumulator}. */
export interface CronbachAlphaOptions {
  /**
   * `'complete'` (default): covariances over the respondents who answered every
   * item, as the methods note defines α. `'pairwise'`: each covariance over the
   * respondents who answered both items, as `psych::alpha` does by default.
   */
  readonly missing?: 'complete' | 'pairwise';
  /** Item names for the result, in order; default `item1`, `item2`, … */
  readonly names?: readonly string[];
}

/** Cronbach's α of a set of items, with α if each item were deleted. */
export interface CronbachAlphaResult {
  /** α (raw, from covariances); may be negative for items that do not hang together. */
  readonly alpha: number;
  /** The number of items. */
  readonly k: number;
  /** Respondents used: complete cases, or under `pairwise` the fewest in any pair. */
  readonly n: number;
  /** How missing answers were handled. */
  readonly missing: 'complete' | 'pairwise';
  /** α without each item, in item order (absent when k = 2). */
  readonly alphaIfDeleted: readonly { readonly item: string; readonly alpha: number }[];
}

/**
 * A mergeable accumulator of the item covariance matrix behind Cronbach's α.
 *
 * @example
 * ```ts
 * const acc = new CronbachAlphaAccumulator(2);
 * acc.add([1, 2]).add([2, 3]).add([3, 3]);
 * acc.result().alpha; // => 0.8571
 * ```
 */
export class CronbachAlphaAccumulator {
  readonly #k: number;
  readonly #missing: 'complete' | 'pairwise';
  readonly #names: readonly string[];
  readonly #pairs: PairMoments[];

  /**
   * @param k - the number of items, at least 2 and at most 1,000
   * @param options - missing-data handling and item names
   * @throws `EduQualityError` `invalid-argument` when k < 2 or the names do not match k; `unsupported` above 1,000 items (the covariance matrix has k(k + 1)/2 entries to keep and update per respondent)
   */
  constructor(k: number, options: CronbachAlphaOptions = {}) {
    checkOptions('cronbachAlpha', options, ALPHA_OPTIONS);
    ensure(Number.isInteger(k) && k >= 2, 'cronbachAlpha', 'needs at least two items');
    checkPairwiseItems(
      k,
      'cronbachAlpha',
      "Cronbach's α",
      'compute it per dimension or on a subset of items',
    );
    const names = options.names ?? Array.from({ length: k }, (_, i) => `item${i + 1}`);
    ensure(names.length === k, 'cronbachAlpha', 'names must have one entry per item');
    this.#k = k;
    this.#missing = options.missing ?? 'complete';
    this.#names = names;
    this.#pairs = Array.from({ length: (k * (k + 1)) / 2 }, emptyPair);
  }

  /**
   * Adds one respondent's answers, one per item in order.
   *
   * @param row - the answers; `null`, `undefined` or `NaN` for none
   * @returns this accumulator
   * @throws `EduQualityError` `invalid-argument` when the row does not have k entries
   */
  add(row: ArrayLike<number | null | undefined>): this {
    const k = this.#k;
    ensure(row.length === k, 'cronbachAlpha', `a row must have ${k} answers`);
    const x = new Array<number>(k);
    let complete = true;
    for (let i = 0; i < k; i++) {
      const v = row[i];
      x[i] = v === null || v === undefined ? NaN : v;
      if (Number.isNaN(x[i])) complete = false;
    }
    if (this.#missing === 'complete' && !complete) return this;
    let p = 0;
    for (let i = 0; i < k; i++) {
      for (let j = i; j < k; j++, p++) {
        const xi = x[i]!;
        const xj = x[j]!;
        if (!Number.isNaN(xi) && !Number.isNaN(xj)) addPair(this.#pairs[p]!, xi, xj, 1);
      }
    }
    return this;
  }

  /**
   * Merges another accumulator over the same items into this one.
   *
   * @param other - an accumulator over other respondents
   * @returns this accumulator
   * @throws `EduQualityError` `invalid-argument` when the item counts or modes differ
   */
  merge(other: CronbachAlphaAccumulator): this {
    ensure(
      other.#k === this.#k && other.#missing === this.#missing,
      'cronbachAlpha',
      'can only merge accumulators over the same items and missing mode',
    );
    this.#pairs.forEach((p, i) => {
      mergePair(p, other.#pairs[i]!);
    });
    return this;
  }

  /**
   * α and α if each item were deleted.
   *
   * @returns the result
   * @throws `EduQualityError` `insufficient-data` with fewer than 2 respondents for a covariance or a total variance of 0
   */
  result(): CronbachAlphaResult {
    const k = this.#k;
    const cov: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    let n = Infinity;
    let p = 0;
    for (let i = 0; i < k; i++) {
      for (let j = i; j < k; j++, p++) {
        const pair = this.#pairs[p]!;
        if (pair.n < 2)
          fail('insufficient-data', 'cronbachAlpha', 'needs at least 2 respondents per item pair');
        n = Math.min(n, pair.n);
        const c = pair.cxy / (pair.n - 1);
        cov[i]![j] = c;
        cov[j]![i] = c;
      }
    }
    // The trace and the sum of the whole matrix once; without item d they lose
    // cov[d][d], and the sum loses row d and column d (2·Σⱼ cov[d][j] − cov[d][d]):
    // O(k²) for every α-if-deleted instead of O(k³).
    let trace = 0;
    let sum = 0;
    const rowSums = cov.map((row) => row.reduce((s, c) => s + c, 0));
    for (let i = 0; i < k; i++) {
      trace += cov[i]![i]!;
      sum += rowSums[i]!;
    }
    const alphaOf = (items: number, tr: number, total: number): number => {
      if (!(total > 0))
        fail('insufficient-data', 'cronbachAlpha', 'the total score has no variance');
      return (items / (items - 1)) * (1 - tr / total);
    };
    return {
      alpha: alphaOf(k, trace, sum),
      k,
      n,
      missing: this.#missing,
      alphaIfDeleted:
        k < 3
          ? []
          : this.#names.map((item, d) => ({
              item,
              alpha: alphaOf(k - 1, trace - cov[d]![d]!, sum - 2 * rowSums[d]! + cov[d]![d]!),
            })),
    };
  }
}

/**
 * Cronbach's α: the internal-consistency reliability of a scale made of k
 * items, with α if each item were deleted.
 *
 * @remarks
 * α = k/(k − 1) · (1 − Σ σᵢ² / σ_T²), where σᵢ² are the item variances and
 * σ_T² = Σᵢ Σⱼ σᵢⱼ the variance of the sum, with sample (n − 1) covariances.
 * Equal to `psych::alpha(x)$total$raw_alpha` and `$alpha.drop$raw_alpha`
 * (with `missing: 'pairwise'`, psych's default; on complete data both modes
 * agree). Cronbach, L. J. (1951), Psychometrika 16, 297–334.
 *
 * @param items - one array of answers per item (`null` for none) or scale columns, all of the same length
 * @param options - missing-data handling and item names
 * @returns α, k, n and α if deleted
 * @throws `EduQualityError` `invalid-argument` with fewer than two items or items of different lengths; `unsupported` with more than 1,000 items (a covariance matrix of half a million pairs; compute α per dimension); `insufficient-data` with fewer than 2 usable respondents or no variance
 *
 * @example
 * ```ts
 * // Hand check: variances 1, 1/3; covariance 1/2; total variance 7/3;
 * // α = 2 · (1 − (4/3)/(7/3)) = 6/7.
 * cronbachAlpha([[1, 2, 3], [2, 3, 3]]).alpha; // => 0.857143
 * cronbachAlpha([[1, 2, 3]]); // throws
 * ```
 */
export function cronbachAlpha(
  items: readonly ValuesInput[],
  options: CronbachAlphaOptions = {},
): CronbachAlphaResult {
  const views = items.map(viewValues);
  const acc = new CronbachAlphaAccumulator(views.length, options);
  const n = views[0]!.length;
  ensure(
    views.every((v) => v.length === n),
    'cronbachAlpha',
    'every item must have one answer per respondent',
  );
  const row = new Array<number>(views.length);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < views.length; i++) row[i] = views[i]!.at(r);
    acc.add(row);
  }
  return acc.result();
}
