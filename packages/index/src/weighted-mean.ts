import { MEAN_OPTIONS, MEAN_RESULT_OPTIONS } from './internal/option-shapes.js';
import { checkOptions } from '@edu-quality/core';
import { criticalValue, type ConfidenceInterval } from './confidence-interval.js';
import { checkWeights, ensure, fail, WeightUnit } from './internal/fail.js';
import { meanResult } from './internal/mean-result.js';
import {
  addMoment,
  emptyMoments,
  mergeMoments,
  rescaleMoments,
  type Moments,
} from './internal/moments.js';
import { viewCategories } from './internal/values.js';
import type { CategoriesInput } from './values-input.js';

/** Options of {@link weightedMean} and {@link WeightedMeanAccumulator.result}. */
export interface WeightedMeanOptions {
  /** Respondent weights, one per value, finite and positive. Default: all 1. */
  readonly weights?: ArrayLike<number>;
  /** The confidence level. Default 0.95. */
  readonly level?: number;
  /** `'t'` (default, df = design size − 1 as `survey::degf`) or `'z'` (as R's `confint`). */
  readonly interval?: 't' | 'z';
  /**
   * The number of respondents of the whole design when these values are a
   * domain of it (a group in a breakdown). Default: every row given, answered
   * or not.
   */
  readonly designSize?: number;
  /**
   * The cells `weights` were post-stratified on (see {@link postStratify}).
   * The SE then accounts for the calibration as R does for
   * `svymean(~x, postStratify(design, ~cell, pop))`: each influence value is
   * replaced by its residual from the weighted cell mean. Only with `weights`,
   * over every row of the design.
   */
  readonly postStrata?: CategoriesInput;
  /**
   * The margins `weights` were raked on (see {@link rake}), in the same
   * order. The SE then accounts for the raking as R does for `svymean` on a
   * `rake` design: ten sweeps over the margins, each replacing the influence
   * values by their residuals from the cell means of zᵢ/wᵢ. Only with
   * `weights`, over every row of the design; not with `postStrata`.
   */
  readonly rakingMargins?: readonly CategoriesInput[];
}

/** A weighted mean with its linearisation standard error, as R `survey::svymean` reports it. */
export interface WeightedMeanResult {
  /** Discriminant, for {@link compareWaves}. */
  readonly kind: 'mean';
  /** The weighted mean Σ wx / Σ w over the answered rows. */
  readonly estimate: number;
  /** The linearisation standard error (domain estimation over the whole design). */
  readonly se: number;
  /** Answered rows. */
  readonly n: number;
  /** Rows of the design, answered or not: the n of the variance formula. */
  readonly designSize: number;
  /** Kish's effective n of the answered rows. */
  readonly nEff: number;
  /**
   * Σ w over the answered rows, in the units of the weights. The estimate and
   * SE are computed in units of the largest weight (they are invariant to the
   * scale of the weights) and only this sum is scaled back: it is `Infinity`
   * when it exceeds the largest double (about 1.8e308).
   */
  readonly sumWeights: number;
  /** The interval (t with df = designSize − 1 by default). */
  readonly interval: ConfidenceInterval;
}

/**
 * A mergeable accumulator of a weighted mean: `add` values one at a time,
 * `merge` accumulators built on other shards, read the `result`.
 *
 * @remarks
 * It keeps Σw, Σw², the mean and the centred sums Σw(x − x̄)², Σw²(x − x̄) and
 * Σw²(x − x̄)², updated and merged with Chan, Golub and LeVeque's pairwise
 * formulas (1979), so shards merged in any order agree with one pass to
 * rounding. See {@link weightedMean} for the estimator.
 *
 * @example
 * ```ts
 * const a = new WeightedMeanAccumulator();
 * a.add(4); a.add(5); a.add(null);
 * const b = new WeightedMeanAccumulator();
 * b.add(3, 2);
 * a.merge(b).result().estimate; // => 3.75
 * a.result().designSize; // => 4
 * ```
 */
export class WeightedMeanAccumulator {
  readonly #m: Moments = emptyMoments();
  #rows = 0;
  readonly #unit = new WeightUnit();
  readonly #rescale = (r: number): void => {
    rescaleMoments(this.#m, r);
  };

  /**
   * Adds one respondent.
   *
   * @param value - the answer; `null`, `undefined` or `NaN` for no answer (the row still counts in the design)
   * @param weight - the respondent weight, finite and positive; default 1
   * @returns this accumulator
   * @throws `EduQualityError` `invalid-argument` when the weight is not finite and positive
   */
  add(value: number | null | undefined, weight = 1): this {
    const w = this.#unit.scale(weight, 'WeightedMeanAccumulator.add', this.#rescale);
    this.#rows++;
    if (value !== null && value !== undefined && !Number.isNaN(value)) addMoment(this.#m, value, w);
    return this;
  }

  /**
   * Merges another accumulator into this one.
   *
   * @param other - an accumulator over other respondents
   * @returns this accumulator
   */
  merge(other: WeightedMeanAccumulator): this {
    const r = this.#unit.align(other.#unit, this.#rescale);
    const theirs = { ...other.#m };
    rescaleMoments(theirs, r);
    mergeMoments(this.#m, theirs);
    this.#rows += other.#rows;
    return this;
  }

  /**
   * The weighted mean, its linearisation SE and its interval.
   *
   * @param options - level, t or z, design size
   * @returns the result
   * @throws `EduQualityError` `insufficient-data` when nothing was answered or the design has fewer than 2 rows
   */
  result(options: Omit<WeightedMeanOptions, 'weights'> = {}): WeightedMeanResult {
    checkOptions('WeightedMeanAccumulator.result', options, MEAN_RESULT_OPTIONS);
    return meanResult(
      this.#m,
      options.designSize ?? this.#rows,
      options,
      'WeightedMeanAccumulator',
      this.#unit.unit || 1,
    );
  }
}

/**
 * The weighted mean of the answered values with its linearisation standard
 * error and confidence interval, as R `survey::svymean(~x, svydesign(ids = ~1,
 * weights = ~w), na.rm = TRUE)` and `confint` compute them.
 *
 * @remarks
 * x̄ = Σ wᵢxᵢ / Σ wᵢ over answered rows. The unanswered rows are a domain
 * outside the estimate but stay in the design, as R does: with
 * zᵢ = wᵢ(xᵢ − x̄)/Σ w for answered rows and 0 otherwise, and n all rows,
 * v = n/(n − 1) · Σ zᵢ². The interval is x̄ ± t(n − 1) · √v by default, or
 * ± z · √v (`interval: 'z'`, R's `confint` default). Reference: Lumley, T.
 * (2010), *Complex Surveys*, Wiley, §2.2 and §2.3 (domains).
 *
 * @param values - the answers; `null`, `undefined` or `NaN` for no answer
 * @param options - weights, level, t or z, design size
 * @returns the estimate, SE, n, design size, effective n and interval
 * @throws `EduQualityError` `invalid-argument` for bad weights or level; `insufficient-data` when nothing was answered or there are fewer than 2 rows
 *
 * @example
 * ```ts
 * // Hand check: x̄ = 3, Σ(x − x̄)² = 2, v = 3/2 · 2/9 = 1/3; t(0.975, 2) = 4.302653 (R: qt).
 * const r = weightedMean([2, 3, 4]);
 * r.estimate; // => 3
 * r.se; // => 0.57735
 * r.interval; // => { lower: 0.515862, upper: 5.484138, method: 'linearisation-t', df: 2 }
 * weightedMean([4, null, 2], { weights: [3, 1, 1] }).estimate; // => 3.5
 * weightedMean([null, null]); // throws
 * ```
 */
export function weightedMean(
  values: ArrayLike<number | null | undefined>,
  options: WeightedMeanOptions = {},
): WeightedMeanResult {
  checkOptions('weightedMean', options, MEAN_OPTIONS);
  // Weights in units of the largest (see checkWeights): sumWeights is scaled back.
  const scaled =
    options.weights === undefined
      ? undefined
      : checkWeights(options.weights, values.length, 'weightedMean');
  const weights = scaled?.weights;
  const m = emptyMoments();
  const cells = options.postStrata === undefined ? undefined : viewCategories(options.postStrata);
  if (cells !== undefined) {
    ensure(
      weights !== undefined && cells.length === values.length && options.designSize === undefined,
      'weightedMean',
      'postStrata needs weights and one cell per row of the whole design',
    );
  }
  // Per post-stratum: moments of the answered, and Σw, Σw² over all its rows.
  const strata = new Map<string, { m: Moments; w: number; w2: number }>();
  for (let i = 0; i < values.length; i++) {
    const w = weights === undefined ? 1 : weights[i]!;
    let stratum: { m: Moments; w: number; w2: number } | undefined;
    if (cells !== undefined) {
      const h = cells.at(i);
      if (h === undefined) fail('invalid-argument', 'weightedMean', `row ${i} has no post-stratum`);
      stratum = strata.get(h);
      if (stratum === undefined) {
        stratum = { m: emptyMoments(), w: 0, w2: 0 };
        strata.set(h, stratum);
      }
      stratum.w += w;
      stratum.w2 += w * w;
    }
    const x = values[i];
    if (x === null || x === undefined || Number.isNaN(x)) continue;
    ensure(Number.isFinite(x), 'weightedMean', `values must be finite (row ${i})`);
    addMoment(m, x, w);
    if (stratum !== undefined) addMoment(stratum.m, x, w);
  }
  const result = meanResult(
    m,
    options.designSize ?? values.length,
    options,
    'weightedMean',
    scaled?.unit,
  );
  if (options.rakingMargins !== undefined) {
    ensure(
      weights !== undefined && cells === undefined && options.designSize === undefined,
      'weightedMean',
      'rakingMargins needs weights, over the whole design, and no postStrata',
    );
    return withSe(result, rakedSe(values, weights, m, options.rakingMargins));
  }
  if (cells === undefined) return result;
  // Residualise zᵢ = wᵢ(xᵢ − x̄)/W within each stratum: zᵢ − wᵢ·Σ_h z / Σ_h w
  // (R survey's svyrecvar for post-strata), then v = n/(n − 1) Σ zᵢ'².
  let sum = 0;
  for (const s of strata.values()) {
    const d = s.m.mean - m.mean;
    const swd = s.m.w * d; // Σ w(x − x̄) over the stratum's answered
    const sw2d = s.m.a + s.m.w2 * d; // Σ w²(x − x̄)
    const sw2d2 = s.m.b + 2 * d * s.m.a + s.m.w2 * d * d; // Σ w²(x − x̄)²
    const share = swd / s.w; // Σ_h z / Σ_h w, times W
    sum += sw2d2 - 2 * share * sw2d + share * share * s.w2;
  }
  const n = values.length;
  return withSe(result, Math.sqrt(Math.max(0, ((n / (n - 1)) * sum) / (m.w * m.w))));
}

function withSe(result: WeightedMeanResult, se: number): WeightedMeanResult {
  const crit = criticalValue(result.interval.level, result.interval.df);
  const mean = result.estimate;
  return {
    ...result,
    se,
    interval: { ...result.interval, lower: mean - crit * se, upper: mean + crit * se },
  };
}

// The linearisation SE of a mean on raked weights, as R survey's svyrecvar does
// for a raking design: 10 sweeps of z ← z − w · (cell mean of z/w) over the
// margins, then v = n/(n − 1) Σ (z − z̄)².
function rakedSe(
  values: ArrayLike<number | null | undefined>,
  weights: ArrayLike<number>,
  m: Moments,
  margins: readonly CategoriesInput[],
): number {
  // The sweeps z ← z − w · (cell mean of z/w) run on u = z/w, u ← u − (cell
  // mean of u), and z = w·u at the end: the same values without dividing by a
  // weight (one that underflowed to 0 against a far larger one would give 0/0).
  const n = values.length;
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x === null || x === undefined || Number.isNaN(x)) continue;
    u[i] = (x - m.mean) / m.w;
  }
  const codes = margins.map((margin) => {
    const view = viewCategories(margin);
    ensure(view.length === n, 'weightedMean', 'every raking margin needs one cell per row');
    const index = new Map<string, number>();
    return Int32Array.from({ length: n }, (_, i) => {
      const h = view.at(i);
      if (h === undefined) fail('invalid-argument', 'weightedMean', `row ${i} has no raking cell`);
      let code = index.get(h);
      if (code === undefined) {
        code = index.size;
        index.set(h, code);
      }
      return code;
    });
  });
  for (let sweep = 0; sweep < 10; sweep++) {
    for (const cell of codes) {
      const sums = new Float64Array(n);
      const counts = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        sums[cell[i]!]! += u[i]!;
        counts[cell[i]!]! += 1;
      }
      for (let i = 0; i < n; i++) u[i] = u[i]! - sums[cell[i]!]! / counts[cell[i]!]!;
    }
  }
  const z = Float64Array.from(u, (ui, i) => weights[i]! * ui);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += z[i]!;
  mean /= n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (z[i]! - mean) ** 2;
  return Math.sqrt((n / (n - 1)) * sum);
}
