// The batch path of an index over a whole survey, optionally per group: the
// same results as SatisfactionIndexAccumulator, computed column by column over
// the byte codes in O(n·k) instead of row by row over item pairs in O(n·k²).
//
// Pass 1 sums, per (group, item, answer value), the count, Σw and Σw². The
// item means, distributions, n and SEs follow exactly from these bins
// (Σ w²(x − x̄)² = Σ_b (Σ w²)_b (v_b − x̄)²). Pass 2 needs those means: the
// delta-method variance of a composite Σ cⱼ gⱼ x̄ⱼ / C is
//   n/(n−1) Σᵢ zᵢ² / C²,  zᵢ = wᵢ Σⱼ cⱼ gⱼ (xᵢⱼ − x̄ⱼ)/Wⱼ over the items i answered,
// which equals Σⱼₖ cⱼ cₖ gⱼ gₖ cov(x̄ⱼ, x̄ₖ) with the accumulator's pairwise
// covariances, expanded. Each zᵢ is a sum of table lookups (group × value).
//
// The accumulator stays the streaming and sharding path (add, merge, result);
// this path is for a survey held in memory, and declines (returns undefined)
// whatever it does not cover: stated or derived weights, respondent-level
// indices, bootstrap intervals, answers that are not bytes within the scale.
import type { NetPromoterScoreResult } from '../net-promoter-score.js';
import type {
  SatisfactionIndexOptions,
  SatisfactionIndexResult,
  WeightingReport,
} from '../satisfaction-index.js';
import { ensure } from './fail.js';
import {
  fixedWeighting,
  given,
  indexResult,
  type IndexSpec,
  type IndexSums,
  type ItemSums,
} from './index-result.js';
import { emptyMoments } from './moments.js';
import { checkNpsScale, npsResult } from './nps-result.js';
import { ANSWERED, type SurveyView } from './survey.js';

const NA_CODE = 254;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
// Rows per block of pass 0 and 2: the block's per-row sums stay in L1 cache.
const BLOCK = 2048;

/** An index (and NPS) of every group of a survey, from one batch computation. */
export interface IndexBatch {
  /** Rows per group. */
  readonly rows: Float64Array;
  /** The index of all rows together. */
  total(): SatisfactionIndexResult;
  /** The index of group g as a domain of the whole design (see breakdown). */
  group(
    g: number,
    designSize: number,
    itemWeights: Readonly<Record<string, number>>,
  ): SatisfactionIndexResult;
  /** The NPS of group g; throws `insufficient-data` when nobody in it answered. */
  nps(g: number): NetPromoterScoreResult;
  /** The NPS of all rows. */
  totalNps(): NetPromoterScoreResult;
}

interface ItemTable {
  readonly codes: Uint8Array;
  /** Code → slot: 0…B−1 the answers min…max, B not applicable, B+1 missing, B+2 out of the scale. */
  readonly lut: Int32Array;
  readonly bins: number;
  readonly stride: number;
  /** Per (effective group, slot), side by side in one cache line: count, Σw, Σw². */
  readonly sums: Float64Array;
  readonly bucket: number;
}

/**
 * Computes the index of a survey, and of each group when `groupOf` is given.
 *
 * @param view - the survey
 * @param specs - the index items
 * @param options - the index options
 * @param groupOf - per row its group 0…groups−1, or undefined for the total alone
 * @param groups - the number of groups
 * @param npsId - the recommend item, or undefined for no NPS
 * @returns the batch, or undefined when the batch path does not cover the options or data
 */
export function indexBatch(
  view: SurveyView,
  specs: readonly IndexSpec[],
  options: SatisfactionIndexOptions,
  groupOf: Int32Array | undefined,
  groups: number,
  npsId: string | undefined,
): IndexBatch | undefined {
  const weightsOption = options.weights;
  if (!(
    weightsOption === undefined ||
    weightsOption === 'equal' ||
    typeof weightsOption === 'object'
  ))
    return undefined;
  if (options.unit === 'respondent' || options.interval === 'bootstrap') return undefined;
  const k = specs.length;
  const n = view.size;
  if (k === 0 || k > 0xffff) return undefined;
  const G = groupOf === undefined ? 1 : groups;
  const minAnswered = options.minAnswered ?? 0;
  // In units of the largest weight: the sums of weights and their squares
  // cannot overflow, and every result is a ratio of them.
  const weights = view.unit === 1 ? view.weights : view.weights.map((w) => w / view.unit);

  // Dimensions as buckets of pass 2 (items without a dimension share one).
  const dimensionNames = [...new Set(specs.map((s) => s.dimension))];
  const D = dimensionNames.length;
  const tables: ItemTable[] = [];
  for (const spec of specs) {
    const codes = view.byId.get(spec.id)?.codes;
    if (codes === undefined) return undefined;
    if (!Number.isInteger(spec.min) || !Number.isInteger(spec.max)) return undefined;
    if (spec.min < 0 || spec.max >= NA_CODE) return undefined;
    const bins = spec.max - spec.min + 1;
    const stride = bins + 3;
    const lut = new Int32Array(256).fill(bins + 2);
    for (let b = 0; b < bins; b++) lut[spec.min + b] = b;
    lut[NA_CODE] = bins;
    lut[NA_CODE + 1] = bins + 1;
    tables.push({
      codes,
      lut,
      bins,
      stride,
      sums: new Float64Array(2 * G * stride * 3),
      bucket: dimensionNames.indexOf(spec.dimension),
    });
  }

  // Pass 0: each row's answered items decide whether it is in the index. A row
  // that is not (no answer, or fewer than minAnswered) goes to its group's
  // shadow g + G, whose answers are not summed: its "not applicable" and missing
  // counts still are, as the accumulator counts them before excluding the row.
  // With minAnswered = 0 only rows with no answer are out, and they have no
  // answer to sum: no shadow is needed, and "no answer" is the AND of the row's
  // codes being ≥ 254 (NA_CODE and MISSING_CODE are the only bytes ≥ 254), taken
  // four rows at a time.
  const rows = new Float64Array(G);
  const noAnswer = new Float64Array(G);
  const excluded = new Float64Array(G);
  const incN = new Float64Array(G);
  const incW = new Float64Array(G);
  const incW2 = new Float64Array(G);
  const shadows = minAnswered > 0;
  const effective = shadows ? new Int32Array(n) : (groupOf ?? new Int32Array(n));
  const answered = new Uint16Array(BLOCK);
  const all8 = new Uint8Array(BLOCK);
  const all32 = new Uint32Array(all8.buffer);
  const words = tables.map((t) =>
    t.codes.byteOffset % 4 === 0
      ? new Uint32Array(t.codes.buffer, t.codes.byteOffset, t.codes.length >> 2)
      : undefined,
  );
  const wordsOk = LITTLE_ENDIAN && words.every((w) => w !== undefined);
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const r1 = Math.min(n, r0 + BLOCK);
    if (shadows) {
      answered.fill(0);
      for (let j = 0; j < k; j++) {
        const codes = tables[j]!.codes;
        for (let r = r0; r < r1; r++) answered[r - r0]! += codes[r]! < NA_CODE ? 1 : 0;
      }
    } else {
      all32.fill(0xffffffff);
      // Whole words first (rows r0 … end4), then any last rows byte by byte.
      const end4 = wordsOk ? Math.min(r1, n & ~3) : r0;
      for (let j = 0; j < k; j++) {
        const w32 = words[j];
        if (w32 !== undefined && end4 > r0)
          for (let q = r0 >> 2, e = end4 >> 2; q < e; q++) all32[q - (r0 >> 2)]! &= w32[q]!;
        const codes = tables[j]!.codes;
        for (let r = end4; r < r1; r++) all8[r - r0]! &= codes[r]!;
      }
    }
    for (let r = r0; r < r1; r++) {
      const g = groupOf === undefined ? 0 : groupOf[r]!;
      rows[g]!++;
      const a = shadows ? answered[r - r0]! : all8[r - r0]! < NA_CODE ? 1 : 0;
      if (a === 0) {
        noAnswer[g]!++;
        if (shadows) effective[r] = g + G;
      } else if (a / k < minAnswered) {
        excluded[g]!++;
        effective[r] = g + G;
      } else {
        const w = weights[r]!;
        incN[g]!++;
        incW[g]! += w;
        incW2[g]! += w * w;
        if (shadows) effective[r] = g;
      }
    }
  }

  // Pass 1: bins per (effective group, slot), one item column at a time.
  for (const t of tables) {
    const { codes, lut, stride, sums } = t;
    for (let r = 0; r < n; r++) {
      const s = (effective[r]! * stride + lut[codes[r]!]!) * 3;
      const w = weights[r]!;
      sums[s]!++;
      sums[s + 1]! += w;
      sums[s + 2]! += w * w;
    }
    // A code outside the scale (not from readResponses) would need the
    // accumulator's bins for other values: leave the whole survey to it.
    for (let e = 0; e < 2 * G; e++) if (sums[(e * stride + t.bins + 2) * 3]! > 0) return undefined;
  }

  const itemSums = (t: IndexSpec, table: ItemTable, groupsOf: readonly number[]): ItemSums => {
    const { stride, bins: B, sums } = table;
    const bins: [number, number, number][] = [];
    let cnt = 0;
    let w = 0;
    let w2 = 0;
    let wx = 0;
    let na = 0;
    let missing = 0;
    for (let b = 0; b < B; b++) {
      let c = 0;
      let sw = 0;
      for (const g of groupsOf) {
        const o = (g * stride + b) * 3;
        c += sums[o]!;
        sw += sums[o + 1]!;
        w2 += sums[o + 2]!;
      }
      if (c > 0) bins.push([t.min + b, c, sw]);
      cnt += c;
      w += sw;
      wx += sw * b;
    }
    for (const g of groupsOf) {
      na += sums[(g * stride + B) * 3]! + sums[((g + G) * stride + B) * 3]!;
      missing += sums[(g * stride + B + 1) * 3]! + sums[((g + G) * stride + B + 1) * 3]!;
    }
    // The mean measured from min, as the accumulator measures from a shift.
    const mean = cnt === 0 ? 0 : t.min + wx / w;
    return { n: cnt, w, w2, mean, bins, notApplicable: na, missing };
  };
  // Σ_b (Σw²)_b (v_b − x̄)² over the given groups: the item's linearisation sum.
  const itemSquares = (table: ItemTable, groupsOf: readonly number[], mean: number): number => {
    const { stride, bins: B, sums } = table;
    let sum = 0;
    for (const g of groupsOf) {
      for (let b = 0; b < B; b++) {
        const d = b - mean;
        sum += sums[(g * stride + b) * 3 + 2]! * d * d;
      }
    }
    return sum;
  };

  const all = Array.from({ length: G }, (_, g) => g);
  const totalItems = specs.map((s, j) => itemSums(s, tables[j]!, all));
  const groupItems =
    groupOf === undefined ? [] : all.map((g) => specs.map((s, j) => itemSums(s, tables[j]!, [g])));
  const sum = (a: Float64Array): number => a.reduce((x, y) => x + y, 0);
  const totalRows = sum(rows);
  const gs = specs.map((s) => 100 / (s.max - s.min));

  // The item weights of the composites: those the results will use (a result
  // whose weights cannot be set throws there; here its table is left at 0).
  const weightsOf = (
    items: readonly ItemSums[],
    weighting: (answered: readonly boolean[]) => WeightingReport,
  ): Float64Array => {
    const out = new Float64Array(k);
    const answeredItems = items.map((d) => d.n > 0);
    if (!answeredItems.some(Boolean)) return out;
    try {
      const report = weighting(answeredItems);
      specs.forEach((s, j) => {
        out[j] = answeredItems[j] ? (report.itemWeights[s.id] ?? 0) : 0;
      });
    } catch {
      out.fill(0);
    }
    return out;
  };
  const totalWeighting = (answeredItems: readonly boolean[]): WeightingReport =>
    fixedWeighting(specs, weightsOption, answeredItems);
  const cTotal = weightsOf(totalItems, totalWeighting);
  let totalItemWeights: Readonly<Record<string, number>> | undefined;
  try {
    totalItemWeights = totalWeighting(totalItems.map((d) => d.n > 0)).itemWeights;
  } catch {
    totalItemWeights = undefined;
  }
  const cGroup = groupItems.map((items) =>
    totalItemWeights === undefined
      ? new Float64Array(k)
      : weightsOf(items, (a) => given(specs, totalItemWeights, a)),
  );

  // Pass 2: the residual tables, then zᵢ per bucket (dimension) by lookups,
  // block by block, squared and summed per group and composite (D buckets,
  // then "all" = the sum of the buckets).
  const Z = D + 1;
  const zTotal = new Float64Array(Z);
  const zGroup = new Float64Array(G * Z);
  const residuals = (
    c: number,
    g: number,
    W: number,
    mean: number,
    table: ItemTable,
    into: Float64Array,
    at: number,
  ): void => {
    if (c === 0 || !(W > 0)) return;
    const scale = (c * g) / W;
    const centre = mean;
    for (let b = 0; b < table.bins; b++) into[at + b] = scale * (b - centre);
  };
  // Per item and (effective group, slot): the total's residual and the group's,
  // side by side so that one lookup fetches both. Shadows and "not applicable"
  // or missing slots stay 0.
  const pairTables = tables.map((t, j) => {
    const out = new Float64Array(2 * G * t.stride * 2);
    const total = new Float64Array(t.stride);
    const d = totalItems[j]!;
    residuals(cTotal[j]!, gs[j]!, d.w, d.mean - specs[j]!.min, t, total, 0);
    const group = new Float64Array(t.stride);
    for (let g = 0; g < G; g++) {
      group.fill(0);
      if (groupOf !== undefined) {
        const dg = groupItems[g]![j]!;
        residuals(cGroup[g]![j]!, gs[j]!, dg.w, dg.mean - specs[j]!.min, t, group, 0);
      }
      for (let b = 0; b < t.stride; b++) {
        out[(g * t.stride + b) * 2] = total[b]!;
        out[(g * t.stride + b) * 2 + 1] = group[b]!;
      }
    }
    return out;
  });
  // Per bucket and row of the block: the total's z, then the group's.
  const z = new Float64Array(D * BLOCK * 2);
  for (let r0 = 0; r0 < n; r0 += BLOCK) {
    const r1 = Math.min(n, r0 + BLOCK);
    z.fill(0);
    for (let j = 0; j < k; j++) {
      const { codes, lut, stride, bucket } = tables[j]!;
      const pair = pairTables[j]!;
      const at = (bucket * BLOCK - r0) * 2;
      for (let r = r0; r < r1; r++) {
        const s = (effective[r]! * stride + lut[codes[r]!]!) * 2;
        const o = at + r * 2;
        z[o]! += pair[s]!;
        z[o + 1]! += pair[s + 1]!;
      }
    }
    for (let r = r0; r < r1; r++) {
      const e = effective[r]!;
      if (e >= G) continue; // not in the index: z = 0
      const w = weights[r]!;
      let t = 0;
      let u = 0;
      const o = e * Z;
      for (let d = 0; d < D; d++) {
        const at = (d * BLOCK + r - r0) * 2;
        const a = w * z[at]!;
        const b = w * z[at + 1]!;
        zTotal[d]! += a * a;
        zGroup[o + d]! += b * b;
        t += a;
        u += b;
      }
      zTotal[D]! += t * t;
      zGroup[o + D]! += u * u;
    }
  }

  const sumsOf = (items: readonly ItemSums[], g: number | undefined): IndexSums => {
    const pick = (a: Float64Array): number => (g === undefined ? sum(a) : a[g]!);
    return {
      items,
      rows: pick(rows),
      excluded: pick(excluded),
      noAnswer: pick(noAnswer),
      included: { n: pick(incN), w: pick(incW), w2: pick(incW2) },
      respondent: emptyMoments(),
    };
  };
  const resultOf = (
    items: readonly ItemSums[],
    g: number | undefined,
    zs: Float64Array,
    at: number,
    designSize: number,
    weighting: (answered: readonly boolean[]) => WeightingReport,
  ): SatisfactionIndexResult => {
    const groupsOf = g === undefined ? all : [g];
    return indexResult(specs, options, sumsOf(items, g), designSize, weighting, {
      item: (i, factor) => {
        const d = items[i]!;
        const ss = itemSquares(tables[i]!, groupsOf, d.mean - specs[i]!.min);
        return (factor * ss) / (d.w * d.w);
      },
      composite: (dimension, _members, _c, total, factor) =>
        (factor * zs[at + (dimension === undefined ? D : dimensionNames.indexOf(dimension))]!) /
        (total * total),
    });
  };

  // NPS sums per group, from the recommend item's codes (or values).
  const npsN = new Float64Array(G);
  const npsW = new Float64Array(G);
  const npsW2 = new Float64Array(G);
  const npsP = new Float64Array(G);
  const npsD = new Float64Array(G);
  const npsItem = npsId === undefined ? undefined : view.byId.get(npsId);
  if (npsItem !== undefined) {
    checkNpsScale(npsItem.id, npsItem.min, npsItem.max, 'breakdown');
    const codes = npsItem.codes;
    const values = codes === undefined ? npsItem.values : undefined;
    const status = codes === undefined ? npsItem.status : undefined;
    for (let r = 0; r < n; r++) {
      let x: number;
      if (codes !== undefined) {
        x = codes[r]!;
        if (x >= NA_CODE) continue;
      } else {
        if (status![r] !== ANSWERED) continue;
        x = values![r]!;
      }
      ensure(
        Number.isInteger(x) && x >= 0 && x <= 10,
        'netPromoterScore',
        `answer ${x} is not an integer in 0–10`,
      );
      const g = groupOf === undefined ? 0 : groupOf[r]!;
      const w = weights[r]!;
      npsN[g]!++;
      npsW[g]! += w;
      npsW2[g]! += w * w;
      if (x >= 9) npsP[g]! += w;
      else if (x <= 6) npsD[g]! += w;
    }
  }

  return {
    rows,
    total: () => resultOf(totalItems, undefined, zTotal, 0, totalRows, totalWeighting),
    group: (g, designSize, itemWeights) =>
      resultOf(groupItems[g]!, g, zGroup, g * Z, designSize, (a) => given(specs, itemWeights, a)),
    nps: (g) => npsResult({ n: npsN[g]!, w: npsW[g]!, w2: npsW2[g]!, wp: npsP[g]!, wd: npsD[g]! }),
    totalNps: () =>
      npsResult({ n: sum(npsN), w: sum(npsW), w2: sum(npsW2), wp: sum(npsP), wd: sum(npsD) }),
  };
}
