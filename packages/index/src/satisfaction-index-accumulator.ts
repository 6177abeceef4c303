import { INDEX_OPTIONS, INDEX_RESULT_OVERRIDES } from './internal/option-shapes.js';
import { checkOptions } from '@edu-quality/core';
import { ensure, fail, WeightUnit } from './internal/fail.js';
import {
  checkIndexOptions,
  explicitItemWeights,
  fixedWeights,
  given,
  indexResult,
  indexSpecs,
  normalised,
  type IndexSpec,
  type ItemSums,
} from './internal/index-result.js';
import { solve } from './internal/linear.js';
import { checkPairwiseItems, PAIRWISE_ITEM_LIMIT } from './internal/pairwise-limit.js';
import {
  addMoment,
  emptyMoments,
  mergeMoments,
  rescaleMoments,
  type Moments,
} from './internal/moments.js';
import { twoSidedP } from './internal/distributions.js';
import {
  ANSWERED,
  NOT_APPLICABLE,
  layoutOf,
  viewRow,
  viewSurvey,
  type ItemView,
  type SurveyView,
} from './internal/survey.js';
import type {
  SatisfactionIndexOptions,
  SatisfactionIndexResult,
  WeightingReport,
} from './satisfaction-index.js';
import type { SurveyInput } from './survey-input.js';

const FN = 'satisfactionIndex';

// The sums kept per pair of variables (x the lower-indexed), in shifted units.
const SLOT = 11;
const N = 0;
const W = 1;
const W2 = 2;
const SX = 3;
const SY = 4;
const SXX = 5;
const SYY = 6;
const SXY = 7;
const TX = 8;
const TY = 9;
const TXY = 10;

// Integer points of a scale get array bins; at most 251 (codes 0–250).
function binsOf(spec: { readonly min: number; readonly max: number }): number {
  return Number.isInteger(spec.min) && Number.isInteger(spec.max) && spec.max - spec.min <= 250
    ? spec.max - spec.min + 1
    : 0;
}

/** The weighted Pearson correlation of a pair's sums, or undefined when a variance is 0. */
function correlation(p: Float64Array): number | undefined {
  if (p[N]! < 2) return undefined;
  const w = p[W]!;
  const cxx = p[SXX]! - (p[SX]! * p[SX]!) / w;
  const cyy = p[SYY]! - (p[SY]! * p[SY]!) / w;
  const cxy = p[SXY]! - (p[SX]! * p[SY]!) / w;
  // A variance within rounding of 0 (all answers equal) is 0.
  if (cxx <= 1e-10 * p[SXX]! || cyy <= 1e-10 * p[SYY]! || cxx <= 0 || cyy <= 0) return undefined;
  return Math.max(-1, Math.min(1, cxy / Math.sqrt(cxx * cyy)));
}

/**
 * Moves a pair's sums from shifts (a, b) to (a − dx, b − dy): the values in
 * them grow by dx and dy. Exact algebra on the power sums.
 */
function reshift(p: Float64Array, dx: number, dy: number): void {
  const w = p[W]!;
  const w2 = p[W2]!;
  const sx = p[SX]!;
  const sy = p[SY]!;
  const tx = p[TX]!;
  const ty = p[TY]!;
  p[SXX] = p[SXX]! + 2 * dx * sx + dx * dx * w;
  p[SYY] = p[SYY]! + 2 * dy * sy + dy * dy * w;
  p[SXY] = p[SXY]! + dx * sy + dy * sx + dx * dy * w;
  p[TXY] = p[TXY]! + dx * ty + dy * tx + dx * dy * w2;
  p[SX] = sx + dx * w;
  p[SY] = sy + dy * w;
  p[TX] = tx + dx * w2;
  p[TY] = ty + dy * w2;
}

function effectiveN(p: Float64Array): number {
  return p[N] === 0 ? 0 : (p[W]! * p[W]!) / p[W2]!;
}

type Spec = IndexSpec;

/** An item's answers as the row loops read them. */
type Answers = Pick<ItemView, 'values' | 'status'>;

// Set by twoPassAccumulator for the constructor it calls (see #twoPass).
let constructingTwoPass = false;

/**
 * An accumulator for {@link satisfactionIndex} that keeps no pair sums: item
 * sums (and item–overall pairs for derived correlation weights) in a first
 * pass, then the composite variances from a second pass over the rows it was
 * given (see SatisfactionIndexAccumulator's #twoPass). Not mergeable.
 */
export function twoPassAccumulator(
  layout: SurveyInput,
  options: SatisfactionIndexOptions,
): SatisfactionIndexAccumulator {
  constructingTwoPass = true;
  try {
    return new SatisfactionIndexAccumulator(layout, options);
  } finally {
    constructingTwoPass = false;
  }
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
 * weights are derived) it keeps, for every pair, sums over the rows that
 * answered both: n, Σw, Σw², Σwx, Σwy, Σwx², Σwy², Σwxy, Σw²x, Σw²y and
 * Σw²xy, with each value shifted by its scale midpoint so the centred moments
 * computed from them lose no precision. Merging adds the sums. Per item it also
 * keeps the answer distribution and the counts of "not applicable" and
 * missing; per importance item its moments. From these the result gives item
 * means and SEs, correlations, the delta-method covariance of item means and
 * the index. Shards merged in any order agree with one pass to rounding.
 *
 * The pair sums grow with the square of the item count: above 1,000 tracked
 * variables (index items, plus the overall item under derived weights) adding,
 * merging and reading refuse with `unsupported`. {@link satisfactionIndex}
 * computes an index with equal or explicit weights of a survey in memory over
 * any number of items without pair sums.
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
  /** 1 for an item's own importance item; 1/k for an importance item shared by the k items of a dimension. */
  readonly #importanceShare: readonly number[];
  readonly #fixed: Float64Array | undefined;
  readonly #m: number;
  /**
   * Two-pass mode (satisfactionIndex over a survey in memory): only the
   * diagonal pairs (and item–overall pairs) are kept, O(k) per row instead of
   * O(k²), and the composite variances come from a second pass over the rows
   * added, whose linearised values zᵢ = wᵢ Σⱼ cⱼ gⱼ (xᵢⱼ − x̄ⱼ)/Wⱼ need the
   * item means of the first. The regression weights need every pair and
   * never use this mode.
   */
  readonly #twoPass: boolean = constructingTwoPass;
  /** Two-pass mode: the survey and the rows added, in order (with repeats). */
  #source: SurveyView | undefined;
  readonly #rowList: number[] = [];
  /** SLOT numbers per pair (see the offsets below). */
  readonly #sums: Float64Array;
  /** 1 where a pair keeps its w-sums too. */
  readonly #full: Uint8Array;
  /**
   * Each tracked variable's shift: its first answer in this accumulator,
   * subtracted before summing, so that the centred moments computed from the
   * sums do not cancel (all-equal answers give exactly 0). NaN until seen.
   */
  readonly #shift: Float64Array;
  readonly #raw: Float64Array;
  readonly #importanceMoments: Moments[];
  /** Counts and weights of integer answers by value − min, per item. */
  readonly #binCount: Float64Array[];
  readonly #binWeight: Float64Array[];
  /** Answers that are not integer points of the scale (plain data mapped from another scale). */
  readonly #otherBins: Map<number, Bin>[];
  readonly #idx: Int32Array;
  readonly #xs: Float64Array;
  readonly #notApplicable: Float64Array;
  readonly #missing: Float64Array;
  readonly #respondent: Moments = emptyMoments();
  readonly #included: Moments = emptyMoments();
  #rows = 0;
  #excluded = 0;
  #noAnswer = 0;
  readonly #views = new WeakMap<SurveyView, (Answers | undefined)[]>();
  readonly #tooMany: boolean;
  /** Weights are summed in units of the largest seen (see WeightUnit). */
  readonly #unit = new WeightUnit();
  readonly #rescale = (r: number): void => {
    const r2 = r * r;
    const sums = this.#sums;
    for (let o = 0; o < sums.length; o += SLOT) {
      for (const at of [W, SX, SY, SXX, SYY, SXY]) sums[o + at]! *= r;
      for (const at of [W2, TX, TY, TXY]) sums[o + at]! *= r2;
    }
    for (const weights of this.#binWeight)
      for (let b = 0; b < weights.length; b++) weights[b]! *= r;
    for (const bins of this.#otherBins) for (const bin of bins.values()) bin.weight *= r;
    for (const m of [...this.#importanceMoments, this.#respondent, this.#included])
      rescaleMoments(m, r);
  };

  /**
   * @param layout - a survey whose items (ids, scales, roles, dimensions) define the index; only its metadata is read
   * @param options - the index options
   * @throws `EduQualityError` `invalid-argument` for unknown items, missing importance or overall items, or bad options
   */
  constructor(layout: SurveyInput, options: SatisfactionIndexOptions = {}) {
    checkOptions('SatisfactionIndexAccumulator', options, INDEX_OPTIONS);
    const view = layoutOf(layout, FN);
    this.#options = options;
    checkIndexOptions(options);

    this.#specs = indexSpecs(view, options);
    const ids = this.#specs.map((s) => s.id);

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
    // An importance item weighs one satisfaction item (importanceOf = its id)
    // or a whole dimension (importanceOf = the dimension, as municipal
    // questionnaires ask "how important is information to you"). A dimension's
    // stated importance is shared equally by its items in the index, so each
    // dimension weighs in with its importance whatever its number of items.
    const importanceOf = (spec: Spec): string => {
      const own = view.items.find((i) => i.role === 'importance' && i.importanceOf === spec.id);
      if (own !== undefined) return own.id;
      const byDimension =
        spec.dimension === undefined
          ? undefined
          : view.items.find((i) => i.role === 'importance' && i.importanceOf === spec.dimension);
      if (byDimension === undefined)
        fail(
          'invalid-argument',
          FN,
          `stated weights need an importance item for ${spec.id} or for its dimension`,
        );
      return byDimension.id;
    };
    this.#importance = weights === 'stated' ? this.#specs.map(importanceOf) : [];
    const sharing = new Map<string, number>();
    for (const id of this.#importance) sharing.set(id, (sharing.get(id) ?? 0) + 1);
    this.#importanceShare = this.#importance.map((id) => 1 / sharing.get(id)!);
    this.#fixed = fixedWeights(this.#specs, weights);
    if (options.unit === 'respondent' && this.#fixed === undefined) {
      fail(
        'invalid-argument',
        FN,
        'a respondent-level accumulator needs weights known before the pass (equal or explicit); satisfactionIndex derives stated or derived weights in a first pass',
      );
    }
    const m = this.#specs.length + (overall === undefined ? 0 : 1);
    this.#m = m;
    // Above the pairwise limit the pair sums are not allocated, so that the
    // options can still be validated (breakdown does); adding or merging
    // refuses (see #pairwise).
    this.#tooMany = !this.#twoPass && m > PAIRWISE_ITEM_LIMIT;
    const slots = this.#tooMany
      ? 0
      : this.#twoPass
        ? m + (overall === undefined ? 0 : m - 1)
        : (m * (m + 1)) / 2;
    this.#sums = new Float64Array(slots * SLOT);
    // The delta method needs only the w²-sums of a pair; the w-sums (means,
    // correlations) are kept for the diagonal, for item–overall pairs under
    // derived weights, and for every pair under regression weights.
    const regression = weights === 'derived' && options.derived?.method === 'regression';
    ensure(!(this.#twoPass && regression), FN, 'regression weights need every pair of items');
    this.#full = new Uint8Array(slots);
    if (this.#twoPass) this.#full.fill(1);
    else {
      for (let i = 0; i < m && slots > 0; i++) {
        for (let j = i; j < m; j++) {
          if (i === j || regression || (overall !== undefined && j === m - 1))
            this.#full[this.#slotOf(i, j)] = 1;
        }
      }
    }
    this.#shift = new Float64Array(m).fill(NaN);
    this.#raw = new Float64Array(m);
    this.#importanceMoments = this.#importance.map(emptyMoments);
    this.#binCount = this.#specs.map((t) => new Float64Array(binsOf(t)));
    this.#binWeight = this.#specs.map((t) => new Float64Array(binsOf(t)));
    this.#otherBins = this.#specs.map(() => new Map<number, Bin>());
    this.#idx = new Int32Array(m);
    this.#xs = new Float64Array(m);
    this.#notApplicable = new Float64Array(this.#specs.length);
    this.#missing = new Float64Array(this.#specs.length);
  }

  /**
   * The slot of the pair (i, j), i ≤ j: row-major in the upper triangle; in
   * two-pass mode i for (i, i) and m + i for (i, overall).
   */
  #slotOf(i: number, j: number): number {
    if (this.#twoPass) return i === j ? i : this.#m + i;
    return i * this.#m - (i * (i - 1)) / 2 + (j - i);
  }

  // Adding, merging and reading need the pair sums: refused above the limit.
  #pairwise(): void {
    if (this.#tooMany)
      checkPairwiseItems(
        this.#m,
        FN,
        'SatisfactionIndexAccumulator',
        'satisfactionIndex and breakdown compute an index with equal or explicit weights over any number of items without it',
      );
  }

  #resolve(view: SurveyView): (Answers | undefined)[] {
    this.#pairwise();
    let items = this.#views.get(view);
    if (items === undefined) {
      const ids = [
        ...this.#specs.map((s) => s.id),
        ...(this.#overall ? [this.#overall.id] : []),
        ...this.#importance,
      ];
      // The answers and statuses read once: a ResponseSet's item decodes them
      // behind getters, too slow to call per answer in the row loops.
      items = ids.map((id) => {
        const item = view.byId.get(id);
        return item === undefined ? undefined : { values: item.values, status: item.status };
      });
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
   * @throws `EduQualityError` `invalid-argument` for a row out of range; `unsupported` above 1,000 tracked items
   */
  add(survey: SurveyInput, row: number): this {
    const { view, row: r } = viewRow(survey, row, FN);
    this.#record(view, [r]);
    this.#addRow(view, this.#resolve(view), r);
    return this;
  }

  /**
   * Adds every respondent of `survey` (or the listed rows).
   *
   * @param survey - a `ResponseSet` or {@link SurveyData}
   * @param rows - the row indices to add; default all
   * @returns this accumulator
   * @throws `EduQualityError` `invalid-argument` for a row out of range; `unsupported` above 1,000 tracked items
   */
  addAll(survey: SurveyInput, rows?: ArrayLike<number>): this {
    const view = viewSurvey(survey, FN);
    const items = this.#resolve(view);
    if (rows === undefined) {
      if (this.#twoPass)
        this.#record(
          view,
          Array.from({ length: view.size }, (_, r) => r),
        );
      for (let r = 0; r < view.size; r++) this.#addRow(view, items, r);
    } else {
      if (this.#twoPass) this.#record(view, Array.from(rows));
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        ensure(Number.isInteger(r) && r >= 0 && r < view.size, FN, `row ${r} is out of range`);
        this.#addRow(view, items, r);
      }
    }
    return this;
  }

  // Two-pass mode: the rows for the second pass, all of one survey view.
  #record(view: SurveyView, rows: readonly number[]): void {
    if (!this.#twoPass) return;
    this.#source ??= view;
    ensure(this.#source === view, FN, 'a two-pass accumulator reads one survey');
    for (const r of rows) this.#rowList.push(r);
  }

  #addRow(view: SurveyView, items: readonly (Answers | undefined)[], row: number): void {
    const k = this.#specs.length;
    const m = this.#m;
    const w = this.#unit.scale(view.weights[row]!, FN, this.#rescale);
    const idx = this.#idx;
    const xs = this.#xs;
    const shift = this.#shift;
    this.#rows++;
    let a = 0;
    let answered = 0;
    for (let i = 0; i < m; i++) {
      const item = items[i];
      const status = item === undefined ? 1 : item.status[row]!;
      if (status === ANSWERED) {
        idx[a] = i;
        this.#raw[a] = item!.values[row]!;
        a++;
        if (i < k) answered++;
      } else if (i < k) {
        if (status === NOT_APPLICABLE) this.#notApplicable[i]!++;
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
    // Shifts come from included rows only: an excluded row's answer as the shift
    // would make all-equal included answers cancel to ~1e-15 instead of 0.
    for (let p = 0; p < a; p++) {
      const i = idx[p]!;
      if (Number.isNaN(shift[i]!)) shift[i] = this.#raw[p]!;
      xs[p] = this.#raw[p]! - shift[i]!;
    }
    const sums = this.#sums;
    const full = this.#full;
    const w2 = w * w;
    const twoPass = this.#twoPass;
    // In two-pass mode the pairs of a row are its diagonal and, when the
    // overall item (the last variable) was answered, each item with it.
    const overallAnswered = this.#overall !== undefined && idx[a - 1] === m - 1;
    const addPair = (o: number, x: number, y: number): void => {
      const wx = w * x;
      const w2x = w2 * x;
      sums[o + N]! += 1;
      sums[o + W2]! += w2;
      sums[o + TX]! += w2x;
      sums[o + TY]! += w2 * y;
      sums[o + TXY]! += w2x * y;
      if (full[o / SLOT] === 1) {
        const wy = w * y;
        sums[o + W]! += w;
        sums[o + SX]! += wx;
        sums[o + SY]! += wy;
        sums[o + SXX]! += wx * x;
        sums[o + SYY]! += wy * y;
        sums[o + SXY]! += wx * y;
      }
    };
    for (let p = 0; p < a; p++) {
      const i = idx[p]!;
      const x = xs[p]!;
      if (twoPass) {
        addPair(i * SLOT, x, x);
        if (overallAnswered && p < a - 1) addPair((m + i) * SLOT, x, xs[a - 1]!);
      } else {
        const start = this.#slotOf(i, i) - i;
        for (let q = p; q < a; q++) addPair((start + idx[q]!) * SLOT, x, xs[q]!);
      }
      if (i < k) {
        const spec = this.#specs[i]!;
        const value = this.#raw[p]!;
        const bin = value - spec.min;
        if (Number.isInteger(bin) && bin < this.#binCount[i]!.length) {
          this.#binCount[i]![bin]! += 1;
          this.#binWeight[i]![bin]! += w;
        } else {
          const other = this.#otherBins[i]!.get(value);
          if (other === undefined) this.#otherBins[i]!.set(value, { count: 1, weight: w });
          else {
            other.count++;
            other.weight += w;
          }
        }
      }
    }
    for (let j = 0; j < this.#importance.length; j++) {
      const item = items[m + j];
      if (item !== undefined && item.status[row] === ANSWERED) {
        addMoment(this.#importanceMoments[j]!, item.values[row]!, w);
      }
    }
    const fixed = this.#fixed;
    if (fixed !== undefined) {
      let num = 0;
      let den = 0;
      for (let p = 0; p < a; p++) {
        const i = idx[p]!;
        if (i >= k) continue;
        const spec = this.#specs[i]!;
        num += fixed[i]! * ((this.#raw[p]! - spec.min) / (spec.max - spec.min)) * 100;
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
   * @throws `EduQualityError` `invalid-argument` when the layouts differ; `unsupported` above 1,000 tracked items
   */
  merge(other: SatisfactionIndexAccumulator): this {
    this.#pairwise();
    ensure(!this.#twoPass && !other.#twoPass, FN, 'a two-pass accumulator does not merge');
    ensure(
      other.#specs.length === this.#specs.length &&
        other.#specs.every((s, i) => s.id === this.#specs[i]!.id) &&
        other.#overall?.id === this.#overall?.id &&
        other.#importance.length === this.#importance.length,
      FN,
      'can only merge accumulators with the same items',
    );
    // Their sums in this accumulator's weight unit (the larger of the two).
    const r = this.#unit.align(other.#unit, this.#rescale);
    const inUnit = (m: Moments): Moments => {
      const copy = { ...m };
      rescaleMoments(copy, r);
      return copy;
    };
    const sums = this.#sums;
    const theirs = Float64Array.from(other.#sums);
    for (let o = 0; o < theirs.length; o += SLOT) {
      for (const at of [W, SX, SY, SXX, SYY, SXY]) theirs[o + at]! *= r;
      for (const at of [W2, TX, TY, TXY]) theirs[o + at]! *= r * r;
    }
    const m = this.#m;
    // Bring the other sums to this accumulator's shifts (exact algebra), then add.
    const delta = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const mine = this.#shift[i]!;
      const their = other.#shift[i]!;
      if (Number.isNaN(mine)) this.#shift[i] = their;
      else if (!Number.isNaN(their)) delta[i] = their - mine;
    }
    for (let i = 0; i < m; i++) {
      for (let j = i; j < m; j++) {
        const dx = delta[i]!;
        const dy = delta[j]!;
        if (dx === 0 && dy === 0) continue;
        const o = this.#slotOf(i, j) * SLOT;
        reshift(theirs.subarray(o, o + SLOT), dx, dy);
      }
    }
    for (let i = 0; i < sums.length; i++) sums[i]! += theirs[i]!;
    this.#importanceMoments.forEach((mo, i) => {
      mergeMoments(mo, inUnit(other.#importanceMoments[i]!));
    });
    this.#binCount.forEach((counts, i) => {
      const weights = this.#binWeight[i]!;
      const theirCounts = other.#binCount[i]!;
      const theirWeights = other.#binWeight[i]!;
      for (let b = 0; b < counts.length; b++) {
        counts[b]! += theirCounts[b]!;
        weights[b]! += theirWeights[b]! * r;
      }
    });
    this.#otherBins.forEach((bins, i) => {
      for (const [value, bin] of other.#otherBins[i]!) {
        const mine = bins.get(value);
        if (mine === undefined) bins.set(value, { count: bin.count, weight: bin.weight * r });
        else {
          mine.count += bin.count;
          mine.weight += bin.weight * r;
        }
      }
    });
    for (let i = 0; i < this.#specs.length; i++) {
      this.#notApplicable[i]! += other.#notApplicable[i]!;
      this.#missing[i]! += other.#missing[i]!;
    }
    mergeMoments(this.#respondent, inUnit(other.#respondent));
    mergeMoments(this.#included, inUnit(other.#included));
    this.#rows += other.#rows;
    this.#excluded += other.#excluded;
    this.#noAnswer += other.#noAnswer;
    return this;
  }

  /** The sums of the pair (i, j), i ≤ j, in shifted units. */
  #pair(i: number, j: number): Float64Array {
    const o = this.#slotOf(i, j) * SLOT;
    return this.#sums.subarray(o, o + SLOT);
  }

  /**
   * The index, its items, dimensions, weights and interval (delta method; a
   * bootstrap is only available through {@link satisfactionIndex}).
   *
   * @param overrides - design size and item weights when the respondents are a domain of a larger design
   * @returns the result
   * @throws `EduQualityError` `insufficient-data` when no item has an answer, the design has fewer than 2 rows, or every derived weight is 0; `unsupported` above 1,000 tracked items
   */
  result(overrides: SatisfactionIndexResultOverrides = {}): SatisfactionIndexResult {
    checkOptions(
      'SatisfactionIndexAccumulator.result',
      overrides,
      INDEX_RESULT_OVERRIDES,
      'overrides',
    );
    this.#pairwise();
    const specs = this.#specs;
    const shifted = specs.map((_, i) => {
      const p = this.#pair(i, i);
      return p[N] === 0 ? 0 : p[SX]! / p[W]!;
    });
    const items: ItemSums[] = specs.map((s, i) => {
      const p = this.#pair(i, i);
      const bins: [number, number, number][] = [];
      for (const [value, bin] of this.#otherBins[i]!) bins.push([value, bin.count, bin.weight]);
      this.#binCount[i]!.forEach((count, b) => {
        if (count > 0) bins.push([s.min + b, count, this.#binWeight[i]![b]!]);
      });
      bins.sort((x, y) => x[0] - y[0]);
      return {
        n: p[N]!,
        w: p[W]!,
        w2: p[W2]!,
        mean: shifted[i]! + this.#shift[i]!,
        bins,
        notApplicable: this.#notApplicable[i]!,
        missing: this.#missing[i]!,
      };
    });
    // The linearisation covariance of two item means (domains over the whole design):
    // n/(n−1) Σ w²(x − x̄)(y − ȳ) / (Σ_x w · Σ_y w), over the rows that answered both.
    const cov = (i: number, j: number, factor: number): number => {
      const a = Math.min(i, j);
      const b = Math.max(i, j);
      const p = this.#pair(a, b);
      if (p[N] === 0) return 0;
      const ma = shifted[a]!;
      const mb = shifted[b]!;
      const sum = p[TXY]! - mb * p[TX]! - ma * p[TY]! + ma * mb * p[W2]!;
      return (factor * sum) / (items[a]!.w * items[b]!.w);
    };
    const g = specs.map((s) => 100 / (s.max - s.min));
    const buckets = this.#buckets();
    let squares: Float64Array | undefined;
    return indexResult(
      specs,
      this.#options,
      {
        items,
        rows: this.#rows,
        excluded: this.#excluded,
        noAnswer: this.#noAnswer,
        included: this.#included,
        respondent: this.#respondent,
      },
      overrides.designSize ?? this.#rows,
      (answered) =>
        overrides.itemWeights
          ? given(specs, overrides.itemWeights, answered)
          : this.#weighting(answered),
      {
        item: (i, factor) => cov(i, i, factor),
        composite: (dimension, members, c, total, factor) => {
          if (this.#twoPass) {
            squares ??= this.#secondPass(items, c, g);
            const at = dimension === undefined ? squares.length - 1 : buckets.indexOf(dimension);
            return (factor * squares[at]!) / (total * total);
          }
          let variance = 0;
          for (const i of members) {
            const ci = c[i]! / total;
            if (ci === 0) continue;
            for (const j of members) {
              const cj = c[j]! / total;
              if (cj !== 0) variance += ci * cj * g[i]! * g[j]! * cov(i, j, factor);
            }
          }
          return variance;
        },
      },
    );
  }

  // The composites' buckets: the distinct dimensions (undefined for none).
  #buckets(): (string | undefined)[] {
    return [...new Set(this.#specs.map((s) => s.dimension))];
  }

  /**
   * The second pass of two-pass mode: per bucket (dimension) b and row i of
   * the index, zᵢ_b = wᵢ Σ_{j ∈ b answered} cⱼ gⱼ (xᵢⱼ − x̄ⱼ)/Wⱼ; returns
   * Σᵢ zᵢ_b² per bucket and, last, Σᵢ (Σ_b zᵢ_b)² for the whole index. Over
   * the answers of included rows this equals Σⱼₖ cⱼ cₖ gⱼ gₖ Σᵢ wᵢ² (xᵢⱼ −
   * x̄ⱼ)(xᵢₖ − x̄ₖ)/(Wⱼ Wₖ), the pairwise covariance sum, expanded.
   */
  #secondPass(
    items: readonly ItemSums[],
    c: readonly number[],
    g: readonly number[],
  ): Float64Array {
    const specs = this.#specs;
    const k = specs.length;
    const names = this.#buckets();
    const D = names.length;
    const bucket = Int32Array.from(specs, (s) => names.indexOf(s.dimension));
    const scale = items.map((d, j) => (d.n > 0 && c[j] !== 0 ? (c[j]! * g[j]!) / d.w : 0));
    const out = new Float64Array(D + 1);
    const view = this.#source;
    if (view === undefined) return out;
    const columns = this.#resolve(view);
    const minAnswered = this.#options.minAnswered ?? 0;
    const z = new Float64Array(D);
    for (const r of this.#rowList) {
      z.fill(0);
      let answered = 0;
      for (let j = 0; j < k; j++) {
        const item = columns[j];
        if (item === undefined || item.status[r] !== ANSWERED) continue;
        answered++;
        z[bucket[j]!]! += scale[j]! * (item.values[r]! - items[j]!.mean);
      }
      if (answered === 0 || answered / k < minAnswered) continue;
      const w = view.weights[r]! / this.#unit.unit;
      let t = 0;
      for (let b = 0; b < D; b++) {
        const v = w * z[b]!;
        out[b]! += v * v;
        t += v;
      }
      out[D]! += t * t;
    }
    return out;
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
      const raw = this.#importanceMoments.map((m, i) =>
        m.n === 0 ? 0 : m.mean * this.#importanceShare[i]!,
      );
      return normalised(
        'stated',
        `stated importance: wᵢ = the weighted mean answer to the importance item of item i (${this.#importance.join(', ')}); an importance item of a whole dimension is shared equally by the dimension's items; normalised to sum to 1`,
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
    const r = specs.map((_, i) => correlation(this.#pair(i, o)) ?? 0);
    let values: number[];
    let pValues: number[];
    let rule: string;
    if (method === 'correlation') {
      values = r;
      pValues = specs.map((_, i) => {
        const n = effectiveN(this.#pair(i, o));
        const ri = r[i]!;
        if (n <= 2) return 1;
        if (Math.abs(ri) >= 1) return 0;
        return twoSidedP(ri * Math.sqrt((n - 2) / (1 - ri * ri)), n - 2);
      });
      rule = `derived importance: weighted Pearson correlation of each item with ${overallId} over the respondents who answered both; a weight with r ≤ 0 or p ≥ ${alpha} (t test, n_eff − 2 df) is set to 0; normalised to sum to 1`;
    } else {
      const R = specs.map((_, i) =>
        specs.map((__, j) =>
          i === j ? 1 : (correlation(this.#pair(Math.min(i, j), Math.max(i, j))) ?? 0),
        ),
      );
      const solved = solve(R, r);
      if (solved === undefined)
        fail('insufficient-data', FN, 'the item correlation matrix is singular');
      values = solved.x;
      const r2 = values.reduce((s, b, i) => s + b * r[i]!, 0);
      let n = Infinity;
      for (let i = 0; i <= k; i++)
        for (let j = i; j <= k; j++) n = Math.min(n, effectiveN(this.#pair(i, j)));
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
