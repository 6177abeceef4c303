import type { ConfidenceInterval } from './confidence-interval.js';
import { criticalValue } from './confidence-interval.js';
import { checkLevel, ensure, fail } from './internal/fail.js';
import { solve } from './internal/linear.js';
import {
  addMoment,
  addPair,
  bxyAbout,
  emptyMoments,
  emptyPair,
  mergeMoments,
  mergePair,
  pairCorrelation,
  type Moments,
  type PairMoments,
} from './internal/moments.js';
import { twoSidedP } from './internal/distributions.js';
import { meanResult } from './internal/mean-result.js';
import {
  ANSWERED,
  NOT_APPLICABLE,
  viewSurvey,
  type ItemView,
  type SurveyView,
} from './internal/survey.js';
import type {
  DimensionIndex,
  ItemStatistics,
  SatisfactionIndexOptions,
  SatisfactionIndexResult,
  WeightingReport,
} from './satisfaction-index.js';
import type { SurveyInput } from './survey-input.js';

const FN = 'satisfactionIndex';

interface Spec {
  readonly id: string;
  readonly min: number;
  readonly max: number;
  readonly dimension: string | undefined;
}

interface Bin {
  count: number;
  weight: number;
}

/** Overrides of {@link SatisfactionIndexAccumulator.result}, used when the accumulated respondents are a domain of a larger design. */
export interface SatisfactionIndexResultOverrides {
  /** The number of rows of the whole design (a group of a breakdown keeps the whole sample's n). */
  readonly designSize?: number;
  /** Use these normalised item weights instead of deriving them (a group takes the whole sample's). */
  readonly itemWeights?: Readonly<Record<string, number>>;
}

/**
 * A mergeable accumulator of a {@link satisfactionIndex}: add respondents one
 * at a time or in bulk, merge accumulators built on shards in any order, then
 * read the result.
 *
 * @remarks
 * For the m tracked variables (the index items, and the overall item when
 * weights are derived) it keeps, for every pair, the weighted centred moments
 * over the rows that answered both (Σw, Σw², means, Σw·dev·dev, and the
 * Σw²-weighted sums the linearisation variance needs), merged with Chan's
 * update; per item the answer distribution and the counts of "not applicable"
 * and missing; per importance item its moments. From these the result gives
 * item means and SEs, correlations, the delta-method covariance of item means
 * and the index. Shards merged in any order agree with one pass to rounding.
 *
 * @example
 * ```ts
 * const shard1 = { items: [{ id: 'q', values: [5, 4], min: 1, max: 5 }] };
 * const shard2 = { items: [{ id: 'q', values: [3], min: 1, max: 5 }] };
 * const acc = new SatisfactionIndexAccumulator(shard1).addAll(shard1);
 * acc.merge(new SatisfactionIndexAccumulator(shard2).addAll(shard2));
 * acc.result().score; // => 75
 * ```
 */
export class SatisfactionIndexAccumulator {
  readonly #options: SatisfactionIndexOptions;
  readonly #specs: readonly Spec[];
  readonly #overall: Spec | undefined;
  readonly #importance: readonly string[];
  readonly #fixed: Float64Array | undefined;
  readonly #pairs: PairMoments[];
  readonly #importanceMoments: Moments[];
  readonly #bins: Map<number, Bin>[];
  readonly #notApplicable: Float64Array;
  readonly #missing: Float64Array;
  readonly #respondent: Moments = emptyMoments();
  readonly #included: Moments = emptyMoments();
  #rows = 0;
  #excluded = 0;
  #noAnswer = 0;
  readonly #views = new WeakMap<SurveyView, (ItemView | undefined)[]>();

  /**
   * @param layout - a survey whose items (ids, scales, roles, dimensions) define the index; only its metadata is read
   * @param options - the index options
   * @throws `EduQualityError` `invalid-argument` for unknown items, missing importance or overall items, or bad options
   */
  constructor(layout: SurveyInput, options: SatisfactionIndexOptions = {}) {
    const view = viewSurvey(layout, FN);
    this.#options = options;
    checkLevel(options.level, FN);
    const minAnswered = options.minAnswered ?? 0;
    ensure(minAnswered >= 0 && minAnswered <= 1, FN, 'minAnswered must be a share in 0–1');
    const topBox = options.topBox ?? 2;
    ensure(Number.isInteger(topBox) && topBox >= 1, FN, 'topBox must be a positive integer');

    let ids = options.items;
    if (ids === undefined) {
      ids = view.items.filter((i) => i.role === 'satisfaction').map((i) => i.id);
      if (ids.length === 0) ids = view.items.filter((i) => i.role === undefined).map((i) => i.id);
    }
    ensure(ids.length > 0, FN, 'needs at least one satisfaction item');
    ensure(new Set(ids).size === ids.length, FN, 'items must be unique');
    this.#specs = ids.map((id) => {
      const item = view.byId.get(id);
      if (item === undefined) fail('invalid-argument', FN, `unknown scale item ${id}`);
      return { id, min: item.min, max: item.max, dimension: item.dimension };
    });

    const weights = options.weights ?? 'equal';
    let overall: Spec | undefined;
    if (weights === 'derived') {
      const id = options.derived?.overall ?? view.items.find((i) => i.role === 'overall')?.id;
      if (id === undefined)
        fail('invalid-argument', FN, 'derived weights need an overall-satisfaction item');
      const item = view.byId.get(id);
      if (item === undefined) fail('invalid-argument', FN, `unknown overall item ${id}`);
      ensure(!ids.includes(id), FN, 'the overall item cannot also be an index item');
      overall = { id, min: item.min, max: item.max, dimension: undefined };
    }
    this.#overall = overall;
    this.#importance =
      weights === 'stated'
        ? ids.map((id) => {
            const imp = view.items.find((i) => i.role === 'importance' && i.importanceOf === id);
            if (imp === undefined)
              fail('invalid-argument', FN, `stated weights need an importance item for ${id}`);
            return imp.id;
          })
        : [];
    this.#fixed = fixedWeights(this.#specs, weights);
    if (options.unit === 'respondent' && this.#fixed === undefined) {
      fail(
        'invalid-argument',
        FN,
        'a respondent-level accumulator needs weights known before the pass (equal or explicit); satisfactionIndex derives stated or derived weights in a first pass',
      );
    }
    const m = this.#specs.length + (overall === undefined ? 0 : 1);
    this.#pairs = Array.from({ length: (m * (m + 1)) / 2 }, emptyPair);
    this.#importanceMoments = this.#importance.map(emptyMoments);
    this.#bins = this.#specs.map(() => new Map<number, Bin>());
    this.#notApplicable = new Float64Array(this.#specs.length);
    this.#missing = new Float64Array(this.#specs.length);
  }

  #resolve(view: SurveyView): (ItemView | undefined)[] {
    let items = this.#views.get(view);
    if (items === undefined) {
      const ids = [
        ...this.#specs.map((s) => s.id),
        ...(this.#overall ? [this.#overall.id] : []),
        ...this.#importance,
      ];
      items = ids.map((id) => view.byId.get(id));
      this.#views.set(view, items);
    }
    return items;
  }

  /**
   * Adds one respondent: row `row` of `survey`.
   *
   * @param survey - a `ResponseSet` or {@link SurveyData} with the index's items (an item it lacks counts as unanswered)
   * @param row - the row index, 0 ≤ row < size
   * @returns this accumulator
   * @throws `EduQualityError` `invalid-argument` for a row out of range
   */
  add(survey: SurveyInput, row: number): this {
    const view = viewSurvey(survey, FN);
    ensure(Number.isInteger(row) && row >= 0 && row < view.size, FN, `row ${row} is out of range`);
    this.#addRow(view, this.#resolve(view), row);
    return this;
  }

  /**
   * Adds every respondent of `survey` (or the listed rows).
   *
   * @param survey - a `ResponseSet` or {@link SurveyData}
   * @param rows - the row indices to add; default all
   * @returns this accumulator
   */
  addAll(survey: SurveyInput, rows?: ArrayLike<number>): this {
    const view = viewSurvey(survey, FN);
    const items = this.#resolve(view);
    if (rows === undefined) for (let r = 0; r < view.size; r++) this.#addRow(view, items, r);
    else for (let i = 0; i < rows.length; i++) this.#addRow(view, items, rows[i]!);
    return this;
  }

  #addRow(view: SurveyView, items: readonly (ItemView | undefined)[], row: number): void {
    const k = this.#specs.length;
    const m = k + (this.#overall === undefined ? 0 : 1);
    const w = view.weight(row);
    this.#rows++;
    const x = new Array<number>(m);
    let answered = 0;
    for (let i = 0; i < m; i++) {
      const item = items[i];
      const status = item === undefined ? 1 : item.status(row);
      x[i] = status === ANSWERED ? item!.value(row) : NaN;
      if (i < k) {
        if (status === ANSWERED) answered++;
        else if (status === NOT_APPLICABLE) this.#notApplicable[i]!++;
        else this.#missing[i]!++;
      }
    }
    if (answered === 0) {
      this.#noAnswer++;
      return;
    }
    if (answered / k < (this.#options.minAnswered ?? 0)) {
      this.#excluded++;
      return;
    }
    addMoment(this.#included, 0, w);
    let p = 0;
    for (let i = 0; i < m; i++) {
      const xi = x[i]!;
      if (Number.isNaN(xi)) {
        p += m - i;
        continue;
      }
      for (let j = i; j < m; j++, p++) {
        const xj = x[j]!;
        if (!Number.isNaN(xj)) addPair(this.#pairs[p]!, xi, xj, w);
      }
      if (i < k) {
        const bin = this.#bins[i]!.get(xi);
        if (bin === undefined) this.#bins[i]!.set(xi, { count: 1, weight: w });
        else {
          bin.count++;
          bin.weight += w;
        }
      }
    }
    this.#importance.forEach((_, j) => {
      const item = items[m + j];
      if (item !== undefined && item.status(row) === ANSWERED) {
        addMoment(this.#importanceMoments[j]!, item.value(row), w);
      }
    });
    const fixed = this.#fixed;
    if (fixed !== undefined) {
      let num = 0;
      let den = 0;
      for (let i = 0; i < k; i++) {
        const xi = x[i]!;
        if (Number.isNaN(xi)) continue;
        const s = this.#specs[i]!;
        num += fixed[i]! * ((xi - s.min) / (s.max - s.min)) * 100;
        den += fixed[i]!;
      }
      if (den > 0) addMoment(this.#respondent, num / den, w);
    }
  }

  /**
   * Merges another accumulator built with the same layout and options.
   *
   * @param other - an accumulator over other respondents
   * @returns this accumulator
   * @throws `EduQualityError` `invalid-argument` when the layouts differ
   */
  merge(other: SatisfactionIndexAccumulator): this {
    ensure(
      other.#specs.length === this.#specs.length &&
        other.#specs.every((s, i) => s.id === this.#specs[i]!.id) &&
        other.#overall?.id === this.#overall?.id &&
        other.#importance.length === this.#importance.length,
      FN,
      'can only merge accumulators with the same items',
    );
    this.#pairs.forEach((p, i) => {
      mergePair(p, other.#pairs[i]!);
    });
    this.#importanceMoments.forEach((mo, i) => {
      mergeMoments(mo, other.#importanceMoments[i]!);
    });
    this.#bins.forEach((bins, i) => {
      for (const [value, bin] of other.#bins[i]!) {
        const mine = bins.get(value);
        if (mine === undefined) bins.set(value, { ...bin });
        else {
          mine.count += bin.count;
          mine.weight += bin.weight;
        }
      }
    });
    for (let i = 0; i < this.#specs.length; i++) {
      this.#notApplicable[i]! += other.#notApplicable[i]!;
      this.#missing[i]! += other.#missing[i]!;
    }
    mergeMoments(this.#respondent, other.#respondent);
    mergeMoments(this.#included, other.#included);
    this.#rows += other.#rows;
    this.#excluded += other.#excluded;
    this.#noAnswer += other.#noAnswer;
    return this;
  }

  #pairIndex(i: number, j: number): number {
    const m = this.#specs.length + (this.#overall === undefined ? 0 : 1);
    const a = Math.min(i, j);
    const b = Math.max(i, j);
    return a * m - (a * (a - 1)) / 2 + (b - a);
  }

  /**
   * The index, its items, dimensions, weights and interval (delta method; a
   * bootstrap is only available through {@link satisfactionIndex}).
   *
   * @param overrides - design size and item weights when the respondents are a domain of a larger design
   * @returns the result
   * @throws `EduQualityError` `insufficient-data` when no item has an answer, the design has fewer than 2 rows, or every derived weight is 0
   */
  result(overrides: SatisfactionIndexResultOverrides = {}): SatisfactionIndexResult {
    const options = this.#options;
    const specs = this.#specs;
    const level = checkLevel(options.level, FN);
    const designSize = overrides.designSize ?? this.#rows;
    ensure(designSize >= this.#rows, FN, 'designSize must be at least the number of rows added');
    if (designSize < 2) fail('insufficient-data', FN, 'needs at least 2 respondents');
    const factor = designSize / (designSize - 1);
    const useT = options.interval !== 'delta-z';
    const df = designSize - 1;
    const crit = criticalValue(level, useT ? df : undefined);
    const topBox = options.topBox ?? 2;

    const diag = specs.map((_, i) => this.#pairs[this.#pairIndex(i, i)]!);
    const answered = diag.map((d) => d.n > 0);
    if (!answered.some(Boolean)) fail('insufficient-data', FN, 'no index item has an answer');

    const weighting = overrides.itemWeights
      ? given(specs, overrides.itemWeights, answered)
      : this.#weighting(answered);
    const c = specs.map((s, i) => (answered[i] ? (weighting.itemWeights[s.id] ?? 0) : 0));

    const g = specs.map((s) => 100 / (s.max - s.min));
    const cov = (i: number, j: number): number => {
      // A pair's x is its lower-indexed item.
      const a = Math.min(i, j);
      const b = Math.max(i, j);
      const p = this.#pairs[this.#pairIndex(a, b)]!;
      if (p.n === 0) return 0;
      return (factor * bxyAbout(p, diag[a]!.mx, diag[b]!.mx)) / (diag[a]!.w * diag[b]!.w);
    };
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
    const composite = (members: readonly number[]): { score: number; se: number } | undefined => {
      const total = members.reduce((s, i) => s + c[i]!, 0);
      if (!(total > 0)) return undefined;
      let score = 0;
      let variance = 0;
      for (const i of members) {
        const ci = c[i]! / total;
        if (ci === 0) continue;
        score += ci * (diag[i]!.mx - specs[i]!.min) * g[i]!;
        for (const j of members) {
          const cj = c[j]! / total;
          if (cj !== 0) variance += ci * cj * g[i]! * g[j]! * cov(i, j);
        }
      }
      return { score: Math.min(100, Math.max(0, score)), se: Math.sqrt(Math.max(0, variance)) };
    };

    const items: ItemStatistics[] = specs.map((s, i) => {
      const d = diag[i]!;
      const bins = [...this.#bins[i]!.entries()].sort((a, b) => a[0] - b[0]);
      const common = {
        id: s.id,
        dimension: s.dimension ?? null,
        min: s.min,
        max: s.max,
        n: d.n,
        nEff: d.n === 0 ? 0 : (d.w * d.w) / d.w2,
        notApplicable: this.#notApplicable[i]!,
        missing: this.#missing[i]!,
        distribution: bins.map(([value, bin]) => ({
          value,
          count: bin.count,
          share: bin.weight / d.w,
        })),
        weight: c[i]!,
      };
      if (d.n === 0)
        return { ...common, mean: null, se: null, score: null, interval: null, topBoxShare: null };
      const se = Math.sqrt(cov(i, i));
      const score = Math.min(100, Math.max(0, (d.mx - s.min) * g[i]!));
      const cut = s.max - topBox + 1;
      const top = bins.reduce((sum, [value, bin]) => sum + (value >= cut ? bin.weight : 0), 0);
      return {
        ...common,
        mean: d.mx,
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
      const sub = composite(members);
      if (sub === undefined) continue;
      dimensions.push({
        dimension,
        items: members.map((i) => specs[i]!.id),
        score: sub.score,
        se: sub.se,
        interval: interval(sub.score, sub.se, 'delta'),
      });
    }

    const inc = this.#included;
    const respondents = {
      rows: this.#rows,
      included: inc.n,
      excluded: this.#excluded,
      noAnswer: this.#noAnswer,
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
      const r = meanResult(this.#respondent, designSize, { level, interval: useT ? 't' : 'z' }, FN);
      return {
        ...base,
        unit: 'respondent',
        score: r.estimate,
        se: r.se,
        interval: interval(r.estimate, r.se, 'linearisation'),
      };
    }
    const total = composite(all);
    if (total === undefined) fail('insufficient-data', FN, 'every item weight is 0');
    return {
      ...base,
      unit: 'item',
      score: total.score,
      se: total.se,
      interval: interval(total.score, total.se, 'delta'),
    };
  }

  #weighting(answered: readonly boolean[]): WeightingReport {
    const specs = this.#specs;
    const weights = this.#options.weights ?? 'equal';
    if (weights === 'equal') {
      return normalised(
        'equal',
        'equal weights: each answered item counts the same (wᵢ = 1)',
        specs,
        specs.map(() => 1),
        answered,
      );
    }
    if (weights === 'stated') {
      const raw = this.#importanceMoments.map((m) => (m.n === 0 ? 0 : m.mean));
      return normalised(
        'stated',
        `stated importance: wᵢ = the weighted mean answer to the importance item of item i (${this.#importance.join(', ')}), normalised to sum to 1`,
        specs,
        raw,
        answered,
      );
    }
    if (weights === 'derived') return this.#derived(answered);
    return given(specs, explicitItemWeights(specs, weights), answered);
  }

  #derived(answered: readonly boolean[]): WeightingReport {
    const specs = this.#specs;
    const k = specs.length;
    const o = k;
    const alpha = this.#options.derived?.significance ?? 0.05;
    const method = this.#options.derived?.method ?? 'correlation';
    const overallId = this.#overall!.id;
    const r = specs.map((_, i) => pairCorrelation(this.#pairs[this.#pairIndex(i, o)]!) ?? 0);
    const nEffOf = (p: PairMoments): number => (p.n === 0 ? 0 : (p.w * p.w) / p.w2);
    let values: number[];
    let pValues: number[];
    let rule: string;
    if (method === 'correlation') {
      values = r;
      pValues = specs.map((_, i) => {
        const n = nEffOf(this.#pairs[this.#pairIndex(i, o)]!);
        const ri = r[i]!;
        if (n <= 2) return 1;
        if (Math.abs(ri) >= 1) return 0;
        return twoSidedP(ri * Math.sqrt((n - 2) / (1 - ri * ri)), n - 2);
      });
      rule = `derived importance: weighted Pearson correlation of each item with ${overallId} over the respondents who answered both; a weight with r ≤ 0 or p ≥ ${alpha} (t test, n_eff − 2 df) is set to 0; normalised to sum to 1`;
    } else {
      const R = specs.map((_, i) =>
        specs.map((__, j) =>
          i === j ? 1 : (pairCorrelation(this.#pairs[this.#pairIndex(i, j)]!) ?? 0),
        ),
      );
      const solved = solve(R, r);
      if (solved === undefined)
        fail('insufficient-data', FN, 'the item correlation matrix is singular');
      values = solved.x;
      const r2 = values.reduce((s, b, i) => s + b * r[i]!, 0);
      let n = Infinity;
      for (const p of this.#pairs) n = Math.min(n, nEffOf(p));
      const dfResid = n - k - 1;
      pValues = values.map((b, i) => {
        if (dfResid <= 0) return 1;
        const se = Math.sqrt((Math.max(0, 1 - r2) / dfResid) * solved.inverseDiagonal[i]!);
        return se === 0 ? 0 : twoSidedP(b / se, dfResid);
      });
      rule = `derived importance: standardised coefficients of a regression of ${overallId} on the items, from pairwise weighted correlations; a weight with β ≤ 0 or p ≥ ${alpha} (t test, smallest pairwise n_eff − k − 1 df) is set to 0; normalised to sum to 1`;
    }
    const kept = values.map((v, i) => v > 0 && pValues[i]! < alpha && answered[i]!);
    const raw = values.map((v, i) => (kept[i] ? v : 0));
    if (!raw.some((v) => v > 0))
      fail(
        'insufficient-data',
        FN,
        'every derived weight is 0 (no item relates positively and significantly to the overall item)',
      );
    return {
      ...normalised('derived', rule, specs, raw, answered),
      derived: specs.map((s, i) => ({
        item: s.id,
        value: values[i]!,
        p: pValues[i]!,
        kept: kept[i]!,
      })),
    };
  }
}

function normalised(
  method: WeightingReport['method'],
  rule: string,
  specs: readonly Spec[],
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

function given(
  specs: readonly Spec[],
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

function explicitItemWeights(
  specs: readonly Spec[],
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

function fixedWeights(
  specs: readonly Spec[],
  weights: SatisfactionIndexOptions['weights'],
): Float64Array | undefined {
  if (weights === undefined || weights === 'equal') return new Float64Array(specs.length).fill(1);
  if (typeof weights === 'string') return undefined;
  const explicit = explicitItemWeights(specs, weights);
  return Float64Array.from(specs, (s) => explicit[s.id] ?? 0);
}
