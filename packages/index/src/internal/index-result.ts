// The result of a satisfaction index from its sums, shared by the mergeable
// accumulator (pairwise cross-product sums) and the batch path of a whole
// survey (per-item bins and residual sums): both reach the same numbers by
// different sums, so the result is written once.
import type { ConfidenceInterval } from '../confidence-interval.js';
import { criticalValue } from '../confidence-interval.js';
import type {
  DimensionIndex,
  ItemStatistics,
  SatisfactionIndexOptions,
  SatisfactionIndexResult,
  WeightingReport,
} from '../satisfaction-index.js';
import { checkLevel, ensure, fail } from './fail.js';
import { meanResult } from './mean-result.js';
import type { Moments } from './moments.js';
import type { SurveyLayout } from './survey.js';

const FN = 'satisfactionIndex';

/** An index item: its id, scale and dimension. */
export interface IndexSpec {
  readonly id: string;
  readonly min: number;
  readonly max: number;
  readonly dimension: string | undefined;
}

/** The sums of one index item over the accumulated respondents. */
export interface ItemSums {
  /** Answers on the scale. */
  readonly n: number;
  /** Σ w over them. */
  readonly w: number;
  /** Σ w² over them. */
  readonly w2: number;
  /** The weighted mean answer (meaningless when n = 0). */
  readonly mean: number;
  /** Answers by value, ascending: value, count, Σ w. */
  readonly bins: readonly (readonly [value: number, count: number, weight: number])[];
  readonly notApplicable: number;
  readonly missing: number;
}

/** Everything an index result needs besides the covariance of the item means. */
export interface IndexSums {
  readonly items: readonly ItemSums[];
  readonly rows: number;
  readonly excluded: number;
  readonly noAnswer: number;
  /** n, Σ w, Σ w² of the respondents in the index. */
  readonly included: { readonly n: number; readonly w: number; readonly w2: number };
  /** Each respondent's score (for `unit: 'respondent'`). */
  readonly respondent: Moments;
}

/** The linearisation variances the result needs, each with the factor n/(n−1) applied. */
export interface IndexVariances {
  /** The variance of item i's mean. */
  item(i: number, factor: number): number;
  /**
   * The variance of the composite Σ (cᵢ/total) gᵢ x̄ᵢ over `members` (all
   * items when `dimension` is undefined), gᵢ = 100/(maxᵢ − minᵢ).
   */
  composite(
    dimension: string | undefined,
    members: readonly number[],
    c: readonly number[],
    total: number,
    factor: number,
  ): number;
}

/** Checks the index options that no result reads before the pass: minAnswered and topBox (level is checked by the result). */
export function checkIndexOptions(options: SatisfactionIndexOptions): void {
  checkLevel(options.level, FN);
  const minAnswered = options.minAnswered ?? 0;
  ensure(minAnswered >= 0 && minAnswered <= 1, FN, 'minAnswered must be a share in 0–1');
  const topBox = options.topBox ?? 2;
  ensure(Number.isInteger(topBox) && topBox >= 1, FN, 'topBox must be a positive integer');
}

/** The index items chosen by the options (default: role `satisfaction`, else every item without a role). */
export function indexSpecs(layout: SurveyLayout, options: SatisfactionIndexOptions): IndexSpec[] {
  let ids = options.items;
  if (ids === undefined) {
    ids = layout.items.filter((i) => i.role === 'satisfaction').map((i) => i.id);
    if (ids.length === 0) ids = layout.items.filter((i) => i.role === undefined).map((i) => i.id);
  }
  ensure(ids.length > 0, FN, 'needs at least one satisfaction item');
  ensure(new Set(ids).size === ids.length, FN, 'items must be unique');
  return ids.map((id) => {
    const item = layout.byId.get(id);
    if (item === undefined) fail('invalid-argument', FN, `unknown scale item ${id}`);
    return { id, min: item.min, max: item.max, dimension: item.dimension };
  });
}

/**
 * The result of an index from its sums: item statistics, dimension
 * sub-indices, the composite and its delta-method interval.
 */
export function indexResult(
  specs: readonly IndexSpec[],
  options: SatisfactionIndexOptions,
  sums: IndexSums,
  designSize: number,
  weightingOf: (answered: readonly boolean[]) => WeightingReport,
  variances: IndexVariances,
): SatisfactionIndexResult {
  const level = checkLevel(options.level, FN);
  ensure(designSize >= sums.rows, FN, 'designSize must be at least the number of rows added');
  if (designSize < 2) fail('insufficient-data', FN, 'needs at least 2 respondents');
  const factor = designSize / (designSize - 1);
  const useT = options.interval !== 'delta-z';
  const df = designSize - 1;
  const crit = criticalValue(level, useT ? df : undefined);
  const topBox = options.topBox ?? 2;

  const diag = sums.items;
  const answered = diag.map((d) => d.n > 0);
  if (!answered.some(Boolean)) fail('insufficient-data', FN, 'no index item has an answer');

  const weighting = weightingOf(answered);
  const c = specs.map((s, i) => (answered[i] ? (weighting.itemWeights[s.id] ?? 0) : 0));

  const g = specs.map((s) => 100 / (s.max - s.min));
  const interval = (
    estimate: number,
    se: number,
    method: 'delta' | 'linearisation',
  ): ConfidenceInterval => {
    const lower = Math.max(0, estimate - crit * se);
    const upper = Math.min(100, estimate + crit * se);
    return useT
      ? { lower, upper, level, method: method === 'delta' ? 'delta-t' : 'linearisation-t', df }
      : { lower, upper, level, method: method === 'delta' ? 'delta-z' : 'linearisation-z' };
  };
  const composite = (
    dimension: string | undefined,
    members: readonly number[],
  ): { score: number; se: number } | undefined => {
    const total = members.reduce((s, i) => s + c[i]!, 0);
    if (!(total > 0)) return undefined;
    let score = 0;
    for (const i of members) {
      const ci = c[i]! / total;
      if (ci === 0) continue;
      score += ci * (diag[i]!.mean - specs[i]!.min) * g[i]!;
    }
    const variance = variances.composite(dimension, members, c, total, factor);
    return { score: Math.min(100, Math.max(0, score)), se: Math.sqrt(Math.max(0, variance)) };
  };

  const items: ItemStatistics[] = specs.map((s, i) => {
    const d = diag[i]!;
    const common = {
      id: s.id,
      dimension: s.dimension ?? null,
      min: s.min,
      max: s.max,
      n: d.n,
      nEff: d.n === 0 ? 0 : (d.w * d.w) / d.w2,
      notApplicable: d.notApplicable,
      missing: d.missing,
      distribution: d.bins.map(([value, count, weight]) => ({
        value,
        count,
        share: weight / d.w,
      })),
      weight: c[i]!,
    };
    if (d.n === 0)
      return { ...common, mean: null, se: null, score: null, interval: null, topBoxShare: null };
    const se = Math.sqrt(Math.max(0, variances.item(i, factor)));
    const score = Math.min(100, Math.max(0, (d.mean - s.min) * g[i]!));
    const cut = s.max - topBox + 1;
    const top = d.bins.reduce((sum, [value, , weight]) => sum + (value >= cut ? weight : 0), 0);
    return {
      ...common,
      mean: d.mean,
      se,
      score,
      interval: interval(score, se * g[i]!, 'linearisation'),
      topBoxShare: top / d.w,
    };
  });

  const all = specs.map((_, i) => i);
  const dimensions: DimensionIndex[] = [];
  for (const dimension of new Set(specs.map((s) => s.dimension))) {
    if (dimension === undefined) continue;
    const members = all.filter((i) => specs[i]!.dimension === dimension);
    const sub = composite(dimension, members);
    if (sub === undefined) continue;
    dimensions.push({
      dimension,
      items: members.map((i) => specs[i]!.id),
      score: sub.score,
      se: sub.se,
      interval: interval(sub.score, sub.se, 'delta'),
    });
  }

  const inc = sums.included;
  const respondents = {
    rows: sums.rows,
    included: inc.n,
    excluded: sums.excluded,
    noAnswer: sums.noAnswer,
  };
  const base = {
    kind: 'index' as const,
    n: inc.n,
    nEff: inc.n === 0 ? 0 : (inc.w * inc.w) / inc.w2,
    designSize,
    respondents,
    weighting,
    items,
    dimensions,
  };
  if (options.unit === 'respondent') {
    const r = meanResult(sums.respondent, designSize, { level, interval: useT ? 't' : 'z' }, FN);
    return {
      ...base,
      unit: 'respondent',
      score: r.estimate,
      se: r.se,
      interval: interval(r.estimate, r.se, 'linearisation'),
    };
  }
  const total = composite(undefined, all);
  if (total === undefined) fail('insufficient-data', FN, 'every item weight is 0');
  return {
    ...base,
    unit: 'item',
    score: total.score,
    se: total.se,
    interval: interval(total.score, total.se, 'delta'),
  };
}

/** The fixed-weight report (equal or explicit weights), the only kinds the batch path takes. */
export function fixedWeighting(
  specs: readonly IndexSpec[],
  weights: SatisfactionIndexOptions['weights'],
  answered: readonly boolean[],
): WeightingReport {
  if (weights === undefined || weights === 'equal') {
    return normalised(
      'equal',
      'equal weights: each answered item counts the same (wᵢ = 1)',
      specs,
      specs.map(() => 1),
      answered,
    );
  }
  ensure(typeof weights !== 'string', FN, 'stated and derived weights are not fixed');
  return given(specs, explicitItemWeights(specs, weights), answered);
}

/** Normalises raw item weights over the answered items; throws `insufficient-data` when they sum to 0. */
export function normalised(
  method: WeightingReport['method'],
  rule: string,
  specs: readonly IndexSpec[],
  raw: readonly number[],
  answered: readonly boolean[],
): WeightingReport {
  const used = raw.map((v, i) => (answered[i] ? v : 0));
  const total = used.reduce((s, v) => s + v, 0);
  if (!(total > 0)) fail('insufficient-data', FN, 'every item weight is 0');
  const itemWeights: Record<string, number> = {};
  specs.forEach((s, i) => {
    itemWeights[s.id] = used[i]! / total;
  });
  const note = answered.every(Boolean) ? '' : '; items without answers get weight 0';
  return { method, rule: rule + note, itemWeights };
}

/** Explicit item weights, normalised over the answered items. */
export function given(
  specs: readonly IndexSpec[],
  weights: Readonly<Record<string, number>>,
  answered: readonly boolean[],
): WeightingReport {
  const raw = specs.map((s) => weights[s.id] ?? 0);
  return normalised(
    'explicit',
    'explicit weights given by the standard, normalised to sum to 1',
    specs,
    raw,
    answered,
  );
}

/** Explicit weights per item, or per dimension shared equally by its items; validated. */
export function explicitItemWeights(
  specs: readonly IndexSpec[],
  weights: Exclude<SatisfactionIndexOptions['weights'], string | undefined>,
): Record<string, number> {
  const out: Record<string, number> = {};
  if ('items' in weights) {
    for (const [id, w] of Object.entries(weights.items)) {
      ensure(
        specs.some((s) => s.id === id),
        FN,
        `explicit weight for unknown item ${id}`,
      );
      ensure(Number.isFinite(w) && w >= 0, FN, `the weight of ${id} must be finite and ≥ 0`);
      out[id] = w;
    }
    return out;
  }
  // Dimension weights, shared equally by the items of each dimension.
  for (const [dimension, w] of Object.entries(weights.dimensions)) {
    ensure(
      Number.isFinite(w) && w >= 0,
      FN,
      `the weight of dimension ${dimension} must be finite and ≥ 0`,
    );
    const members = specs.filter((s) => s.dimension === dimension);
    ensure(members.length > 0, FN, `no item has dimension ${dimension}`);
    for (const s of members) out[s.id] = w / members.length;
  }
  return out;
}

/** The item weights known before any answer (equal or explicit), or undefined (stated, derived). */
export function fixedWeights(
  specs: readonly IndexSpec[],
  weights: SatisfactionIndexOptions['weights'],
): Float64Array | undefined {
  if (weights === undefined || weights === 'equal') return new Float64Array(specs.length).fill(1);
  if (typeof weights === 'string') return undefined;
  const explicit = explicitItemWeights(specs, weights);
  return Float64Array.from(specs, (s) => explicit[s.id] ?? 0);
}
