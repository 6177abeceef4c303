import { checkOptions } from '@edu-quality/core';
import { ensure, fail } from './internal/fail.js';
import { CSI_OPTIONS } from './internal/pls/options.js';
import { blockIndex } from './internal/pls/csi.js';
import type { PlsResult } from './pls-path-model.js';

/** Options of {@link customerSatisfactionIndex}. */
export interface CustomerSatisfactionIndexOptions {
  /**
   * The answer scale of every indicator, for example `{ min: 1, max: 10 }`.
   * Default: each indicator's own range, known when the model was fitted on a
   * ResponseSet's scale items.
   */
  readonly scale?: { readonly min: number; readonly max: number };
}

/** The index of one latent variable, with the weights that made it. */
export interface LatentVariableIndex {
  /** The latent variable. */
  readonly latent: string;
  /** The 0–100 index. */
  readonly score: number;
  /** Its indicators, with their normalised weights (summing to 1) and means. */
  readonly indicators: readonly {
    readonly indicator: string;
    readonly normalisedWeight: number;
    readonly mean: number;
  }[];
}

/** The result of {@link customerSatisfactionIndex}. */
export interface CustomerSatisfactionIndexResult {
  /** The 0–100 index of each latent variable, by name. */
  readonly score: Readonly<Record<string, number>>;
  /** The details, in model order. */
  readonly latent: readonly LatentVariableIndex[];
}

/**
 * The customer satisfaction index of each latent variable of a PLS path
 * model: its weighted mean rescaled to 0–100, weighted by the unstandardised
 * outer weights normalised to sum to 1 (the ACSI/ECSI index, Fornell et al.
 * 1996).
 *
 * @remarks
 * With w the outer weights on the indicators' own metric
 * ({@link PlsOuterRow.unstandardisedWeight}; fit with `scaling: 'raw'` for
 * the ACSI procedure) and w̃_i = w_i / Σ w:
 * index = (Σ w̃_i x̄_i − min) / (max − min) × 100. On a 1–10 scale this is
 * ACSI's (Σ w̃ x̄ − 1) / 9 × 100. When the indicators of a block have
 * different scales, each mean is rescaled on its own scale first:
 * Σ w̃_i (x̄_i − min_i) / (max_i − min_i) × 100, which is the same when the
 * scales agree. Being a weighted mean of rescaled means, it stays in
 * [0, 100]. Every weight must be non-negative (plspm's `rescale` refuses
 * negative weights): a negative outer weight makes the index meaningless.
 *
 * Reference: Fornell, Johnson, Anderson, Cha and Bryant (1996), "The American
 * Customer Satisfaction Index", Journal of Marketing 60(4).
 *
 * @param result - a fit of {@link plsPathModel}
 * @param options - the answer scale, when the fit does not know it
 * @returns the 0–100 index of every latent variable
 * @throws {@link @edu-quality/core!EduQualityError} `invalid-argument` when a block has a negative outer weight (the block is named), when the scale is unknown or invalid, for an unknown option key (the option path is named), or when an indicator's mean lies outside its scale.
 *
 * @example
 * ```ts
 * const rows = [[1, 2, 1, 2], [2, 1, 2, 2], [3, 3, 3, 4], [4, 5, 3, 3], [5, 4, 5, 5], [3, 4, 4, 3]];
 * const fit = plsPathModel(
 *   { columns: ['q1', 'q2', 's1', 's2'], rows },
 *   { blocks: [{ name: 'QUAL', indicators: ['q1', 'q2'] }, { name: 'SAT', indicators: ['s1', 's2'] }], inner: [['QUAL', 'SAT']] },
 *   { scaling: 'raw' },
 * );
 * const index = customerSatisfactionIndex(fit, { scale: { min: 1, max: 5 } });
 * index.score.SAT; // => 51.78
 * customerSatisfactionIndex(fit); // throws
 * ```
 */
export function customerSatisfactionIndex(
  result: PlsResult,
  options: CustomerSatisfactionIndexOptions = {},
): CustomerSatisfactionIndexResult {
  const fn = 'customerSatisfactionIndex';
  checkOptions(fn, options, CSI_OPTIONS);
  const { scale } = options;
  if (scale !== undefined) {
    ensure(
      Number.isFinite(scale.min) && Number.isFinite(scale.max) && scale.max > scale.min,
      fn,
      'scale needs finite min < max',
    );
  }
  const rows = result.outer;
  const weights = rows.map((r) => r.unstandardisedWeight);
  const means = rows.map((r) => r.mean);
  const mins: number[] = [];
  const maxs: number[] = [];
  for (const row of rows) {
    const range = scale ?? row.range;
    if (range === undefined) {
      fail(
        'invalid-argument',
        fn,
        `the scale of indicator ${row.indicator} is unknown; pass options.scale`,
      );
    }
    ensure(
      row.mean >= range.min - 1e-9 && row.mean <= range.max + 1e-9,
      fn,
      `indicator ${row.indicator} has mean ${row.mean}, outside its scale ${range.min}–${range.max}`,
    );
    mins.push(range.min);
    maxs.push(range.max);
  }
  const score: Record<string, number> = {};
  const latent: LatentVariableIndex[] = result.latent.map((name) => {
    let start = rows.findIndex((r) => r.block === name);
    let end = start;
    while (end < rows.length && rows[end]!.block === name) end++;
    if (start < 0) start = end = 0;
    const value = blockIndex(weights, means, mins, maxs, start, end);
    if (Number.isNaN(value)) {
      fail(
        'invalid-argument',
        fn,
        `block ${name} has a negative (or no positive) outer weight, so its index is meaningless`,
      );
    }
    const clamped = Math.min(100, Math.max(0, value));
    score[name] = clamped;
    let sum = 0;
    for (let k = start; k < end; k++) sum += weights[k]!;
    return {
      latent: name,
      score: clamped,
      indicators: rows.slice(start, end).map((r, i) => ({
        indicator: r.indicator,
        normalisedWeight: weights[start + i]! / sum,
        mean: r.mean,
      })),
    };
  });
  return { score, latent };
}
