import { INDEX_OPTIONS } from './internal/option-shapes.js';
import { checkOptions, EduQualityError } from '@edu-quality/core';
import type { ConfidenceInterval } from './confidence-interval.js';
import { ensure } from './internal/fail.js';
import { mulberry32, quantileSorted } from './internal/random.js';
import { withSurvey } from './internal/survey.js';
import {
  SatisfactionIndexAccumulator,
  twoPassAccumulator,
} from './satisfaction-index-accumulator.js';
import type { SurveyInput } from './survey-input.js';

/** Explicit weights given by a standard: per item, or per dimension (items equal within a dimension). */
export type ExplicitWeights =
  | { readonly items: Readonly<Record<string, number>> }
  | { readonly dimensions: Readonly<Record<string, number>> };

/** How the items are weighted in a {@link satisfactionIndex}. */
export type IndexWeighting = 'equal' | 'stated' | 'derived' | ExplicitWeights;

/** Options of {@link satisfactionIndex} and {@link SatisfactionIndexAccumulator}. */
export interface SatisfactionIndexOptions {
  /**
   * The satisfaction items of the index, in order. Default: the items with role
   * `satisfaction`; if none has that role, every scale item without a role.
   */
  readonly items?: readonly string[];
  /** Item weights; default `'equal'`. */
  readonly weights?: IndexWeighting;
  /** Settings of derived importance. */
  readonly derived?: {
    /** `'correlation'` (default) or `'regression'` (standardised coefficients). */
    readonly method?: 'correlation' | 'regression';
    /** The overall-satisfaction item; default the item with role `overall`. */
    readonly overall?: string;
    /** Weights whose two-sided p-value is at or above this are set to 0; default 0.05. */
    readonly significance?: number;
  };
  /**
   * `'item'` (default, as municipal reports): the weighted mean of item scores.
   * `'respondent'`: each respondent's weighted mean score, averaged over respondents.
   */
  readonly unit?: 'item' | 'respondent';
  /** A respondent who answered a smaller share of the index items is excluded (and counted); default 0. */
  readonly minAnswered?: number;
  /** The number of top points in the top-box share; default 2. */
  readonly topBox?: number;
  /** The confidence level; default 0.95. */
  readonly level?: number;
  /** `'delta-t'` (default; df = design size − 1), `'delta-z'`, or `'bootstrap'` (percentile). */
  readonly interval?: 'delta-t' | 'delta-z' | 'bootstrap';
  /**
   * Bootstrap settings: replicates B (default 1000), seed (default 1), and a
   * progress callback called after each replicate with the replicates done
   * and B (for a progress bar; it must not throw).
   */
  readonly bootstrap?: {
    readonly replicates?: number;
    readonly seed?: number;
    readonly onProgress?: (done: number, total: number) => void;
  };
}

/** The statistics of one item of an index. */
export interface ItemStatistics {
  /** The item id. */
  readonly id: string;
  /** Its dimension, or `null`. */
  readonly dimension: string | null;
  /** The scale's lowest point. */
  readonly min: number;
  /** The scale's highest point. */
  readonly max: number;
  /** Respondents who answered on the scale. */
  readonly n: number;
  /** Kish's effective n of those who answered (0 when none did). */
  readonly nEff: number;
  /** "Not applicable / don't know" answers (not scored). */
  readonly notApplicable: number;
  /** Unanswered. */
  readonly missing: number;
  /** The weighted mean answer, or `null` when nobody answered. */
  readonly mean: number | null;
  /** The linearisation SE of the mean, or `null`. */
  readonly se: number | null;
  /** The 0–100 score of the mean, or `null`. */
  readonly score: number | null;
  /** The interval of the score (linearisation t or z, clipped to 0–100), or `null`. */
  readonly interval: ConfidenceInterval | null;
  /** The weighted share in the top-box points, or `null`. */
  readonly topBoxShare: number | null;
  /** Answers by value: count and weighted share among the answered. */
  readonly distribution: readonly {
    readonly value: number;
    readonly count: number;
    readonly share: number;
  }[];
  /** The item's normalised weight in the index (0 when excluded). */
  readonly weight: number;
}

/** A sub-index of one dimension. */
export interface DimensionIndex {
  /** The dimension. */
  readonly dimension: string;
  /** Its items. */
  readonly items: readonly string[];
  /** The sub-index, 0–100 (item level, item weights renormalised within the dimension). */
  readonly score: number;
  /** Its delta-method SE. */
  readonly se: number;
  /** Its interval. */
  readonly interval: ConfidenceInterval;
}

/** How the weights were set, with the rule in words. */
export interface WeightingReport {
  /** The kind of weights. */
  readonly method: 'equal' | 'stated' | 'derived' | 'explicit';
  /** The rule, stated for the report. */
  readonly rule: string;
  /** The normalised weight of each item (sum 1). */
  readonly itemWeights: Readonly<Record<string, number>>;
  /** For derived weights: the raw relation (r or β), its p-value, and whether it was kept. */
  readonly derived?: readonly {
    readonly item: string;
    readonly value: number;
    readonly p: number;
    readonly kept: boolean;
  }[];
}

/** Counts of respondents behind an index. */
export interface RespondentCounts {
  /** Rows read (the design size unless it was given). */
  readonly rows: number;
  /** Respondents in the index. */
  readonly included: number;
  /** Excluded for answering less than `minAnswered` of the items. */
  readonly excluded: number;
  /** With no scored answer at all (not in the index, not counted as excluded). */
  readonly noAnswer: number;
}

/** A satisfaction index with its items, sub-indices, weights and interval. */
export interface SatisfactionIndexResult {
  /** Discriminant, for {@link compareWaves}. */
  readonly kind: 'index';
  /** The index, 0–100. */
  readonly score: number;
  /** Its SE (delta method or bootstrap). */
  readonly se: number;
  /** Its interval, clipped to 0–100. */
  readonly interval: ConfidenceInterval;
  /** Item level or respondent level. */
  readonly unit: 'item' | 'respondent';
  /** Respondents in the index. */
  readonly n: number;
  /** Kish's effective n of those respondents. */
  readonly nEff: number;
  /** The n of the variance formula: every row of the design. */
  readonly designSize: number;
  /** Respondent counts. */
  readonly respondents: RespondentCounts;
  /** The weights and their rule. */
  readonly weighting: WeightingReport;
  /** Per item. */
  readonly items: readonly ItemStatistics[];
  /** Per dimension, for items that have one. */
  readonly dimensions: readonly DimensionIndex[];
  /** Bootstrap settings, when the interval is a bootstrap. */
  readonly bootstrap?: { readonly replicates: number; readonly seed: number };
}

/**
 * The composite satisfaction index of a survey on 0–100, with per-item
 * statistics, sub-indices per dimension, the weights and their rule, and an
 * interval.
 *
 * @remarks
 * Item scores sᵢ = 100 (x̄ᵢ − minᵢ)/(maxᵢ − minᵢ) from weighted means;
 * `CSI = Σ wᵢ sᵢ / Σ wᵢ` with equal, stated (mean importance), derived
 * (correlation or standardised regression on the overall item; negative or
 * insignificant weights set to 0) or explicit weights. By default the index
 * is item level; `unit: 'respondent'` averages each respondent's score. The
 * interval is the delta method on the vector of item means, whose covariance
 * is the linearisation covariance of R `survey` (domains for missing answers),
 * or a seeded percentile bootstrap of respondents. See the methods note
 * "Satisfaction indices and their statistics"; Fornell et al. (1996), Journal
 * of Marketing 60(4); Lumley (2010), *Complex Surveys*.
 *
 * @param responses - a `ResponseSet` or {@link SurveyData}
 * @param options - items, weights, unit, exclusion, interval
 * @returns the index with its n, weights, items and dimensions
 * @throws `EduQualityError` `invalid-argument` for unknown items or bad options; `insufficient-data` when no item has an answer or fewer than 2 rows
 *
 * @example
 * ```ts
 * // Two 1–5 items: means 4 and 3 → scores 75 and 50 → index 62.5.
 * const survey = { items: [
 *   { id: 'staff', values: [5, 4, 3], min: 1, max: 5 },
 *   { id: 'info', values: [3, 3, 'na'], min: 1, max: 5 },
 * ] } as const;
 * const r = satisfactionIndex(survey);
 * r.score; // => 62.5
 * r.items.map((i) => i.score); // => [75, 50]
 * r.items[1]?.notApplicable; // => 1
 * satisfactionIndex(survey, { weights: { items: { staff: 3, info: 1 } } }).score; // => 68.75
 * ```
 */
export function satisfactionIndex(
  responses: SurveyInput,
  options: SatisfactionIndexOptions = {},
): SatisfactionIndexResult {
  checkOptions('satisfactionIndex', options, INDEX_OPTIONS);
  return withSurvey(responses, 'satisfactionIndex', (view) =>
    compute(responses, view.size, options),
  );
}

function compute(
  responses: SurveyInput,
  size: number,
  options: SatisfactionIndexOptions,
): SatisfactionIndexResult {
  // The survey is in memory: two passes over it (item means, then each
  // respondent's linearised value) cost O(k) per row, where the mergeable
  // accumulator's pair sums cost O(k²) per row and in memory. Regression
  // weights need every pair of items, and keep the pairwise accumulator.
  const regression = options.weights === 'derived' && options.derived?.method === 'regression';
  const accumulator = (o: SatisfactionIndexOptions): SatisfactionIndexAccumulator =>
    regression ? new SatisfactionIndexAccumulator(responses, o) : twoPassAccumulator(responses, o);
  let opts = options;
  let first: SatisfactionIndexResult | undefined;
  if (
    options.unit === 'respondent' &&
    (options.weights === 'stated' || options.weights === 'derived')
  ) {
    // Respondent scores need the item weights before the pass: take them from an item-level pass.
    first = accumulator({ ...options, unit: 'item', interval: 'delta-z' })
      .addAll(responses)
      .result();
    opts = { ...options, weights: { items: first.weighting.itemWeights } };
  }
  const acc = accumulator(opts).addAll(responses);
  let result = acc.result();
  if (first !== undefined) result = { ...result, weighting: first.weighting };
  if (options.interval !== 'bootstrap') return result;

  const replicates = options.bootstrap?.replicates ?? 1000;
  const seed = options.bootstrap?.seed ?? 1;
  ensure(
    Number.isInteger(replicates) && replicates >= 10,
    'satisfactionIndex',
    'bootstrap replicates must be an integer ≥ 10',
  );
  const random = mulberry32(seed);
  const scores: number[] = [];
  const n = size;
  for (let b = 0; b < replicates; b++) {
    const replicate = accumulator({ ...opts, interval: 'delta-z' });
    for (let i = 0; i < n; i++) replicate.add(responses, Math.floor(random() * n));
    try {
      scores.push(replicate.result().score);
    } catch (error) {
      // A replicate in which no item (or no weight) can be scored is skipped; the
      // result states the replicates used.
      if (!(EduQualityError.isInstance(error) && error.code === 'insufficient-data')) throw error;
    }
    options.bootstrap?.onProgress?.(b + 1, replicates);
  }
  ensure(
    scores.length >= replicates / 2,
    'satisfactionIndex',
    'most bootstrap replicates could not be scored',
  );
  scores.sort((a, b) => a - b);
  const level = options.level ?? 0.95;
  const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
  const se = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / (scores.length - 1));
  return {
    ...result,
    se,
    interval: {
      lower: quantileSorted(scores, (1 - level) / 2),
      upper: quantileSorted(scores, 1 - (1 - level) / 2),
      level,
      method: 'bootstrap-percentile',
    },
    bootstrap: { replicates: scores.length, seed },
  };
}
