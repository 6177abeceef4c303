import { ensure } from './internal/fail.js';
import { checkAggregateOptions } from './internal/nok/options.js';
import { formatHalfUp, roundHalfUpNumber } from './internal/nok/decimal.js';
import type { NokOrganisationResult, NokRounding } from './nok-assessment.js';
import type { NokCriterionId } from './nok-profiles.js';

/** A rating band: scores from `min` (inclusive, on the value shown to 2 decimals) up to the next band. */
export interface NokRatingBand {
  /** The lowest score of the band. */
  readonly min: number;
  /** The band's name, for example `81–100`. */
  readonly label: string;
}

/**
 * The five-band scale in circulation for NOK totals: 81–100, 61–80, 41–60,
 * 21–40, 0–20. *Unverified*: it is not in the order as far as could be
 * checked; bands are off unless you pass them.
 *
 * @remarks
 * Source: `methods/nok-344n.md` (policies: "a five-band scale … is in
 * circulation (unverified)"). One operator prints "excellent 81–100". The
 * printed ranges leave gaps (80 < x < 81); here a band starts at its `min`
 * and runs up to the next band, so 80.5 falls in 61–80.
 *
 * @example
 * ```ts
 * NOK_FIVE_BANDS.map((b) => b.min); // => [81, 61, 41, 21, 0]
 * nokBand(80.5, NOK_FIVE_BANDS); // => '61–80'
 * ```
 */
export const NOK_FIVE_BANDS: readonly NokRatingBand[] = [
  { min: 81, label: '81–100' },
  { min: 61, label: '61–80' },
  { min: 41, label: '41–60' },
  { min: 21, label: '21–40' },
  { min: 0, label: '0–20' },
];

/**
 * The rating band of a score: the band with the highest `min` that the score,
 * rounded half-up to 2 decimals, reaches.
 *
 * @remarks
 * Bands are an optional presentation; the scale {@link NOK_FIVE_BANDS} is
 * *unverified*. Rounding first (as the score is shown) avoids a displayed
 * 81.00 landing in the lower band.
 *
 * @param score - a score in [0, 100]
 * @param bands - the bands, in any order
 * @returns the label, or `undefined` when the score is below every band
 * @throws `EduQualityError` `invalid-argument` when the score is not finite
 *
 * @example
 * ```ts
 * nokBand(86.0067, NOK_FIVE_BANDS); // => '81–100'
 * nokBand(80.999, NOK_FIVE_BANDS); // => '81–100'
 * nokBand(20, NOK_FIVE_BANDS); // => '0–20'
 * ```
 */
export function nokBand(score: number, bands: readonly NokRatingBand[]): string | undefined {
  ensure(Number.isFinite(score), 'nokBand', 'score must be finite');
  const shown = roundHalfUpNumber(score, 2);
  let best: NokRatingBand | undefined;
  for (const b of bands) if (shown >= b.min && (best === undefined || b.min > best.min)) best = b;
  return best?.label;
}

/** A grouping of organisations for {@link nokAggregate}. */
export type NokGrouping = 'all' | 'municipality' | 'founder' | 'type';

/** Options of {@link nokAggregate}. */
export interface NokAggregateOptions {
  /** Group by municipality, founder or type; default `all` (one group). */
  readonly by?: NokGrouping;
  /** `operator` rounds the means to 2 decimals; default `full`. */
  readonly rounding?: NokRounding;
  /** Rating bands for the mean total; off by default. */
  readonly bands?: readonly NokRatingBand[];
}

/** The mean of a criterion over a group, with its n. */
export interface NokCriterionMean {
  /** The mean over the organisations where the criterion applies, or `null` when it applies nowhere. */
  readonly mean: number | null;
  /** The number of organisations in the mean. */
  readonly n: number;
}

/** The NOK scores of a group of organisations. */
export interface NokAggregate {
  /** The grouping. */
  readonly by: NokGrouping;
  /** The group: the municipality, founder or type; `all` for the whole set; `null` for organisations that lack the field. */
  readonly key: string | null;
  /** The organisation ids of the group, sorted. */
  readonly organisations: readonly string[];
  /** The mean of each criterion. */
  readonly criteria: Readonly<Record<NokCriterionId, NokCriterionMean>>;
  /** The mean of the organisation totals. */
  readonly total: number;
  /** The mean total rounded half-up to 2 decimals, as text. */
  readonly display: string;
  /** The rating band of the mean total, when bands were asked for. */
  readonly band?: string;
}

const CRITERIA: readonly NokCriterionId[] = ['K1', 'K2', 'K3', 'K4', 'K5'];

/**
 * Aggregates organisation results over a region, a municipality, a founder or
 * a type of organisation: the mean of each criterion and the mean of the
 * organisation totals.
 *
 * @remarks
 * Total of a group = (1/n) Σ Sᵢ over its organisations; criterion mean =
 * mean of Kⱼ over the organisations where Kⱼ applies. *Unverified wording*:
 * the method document gives the region's score as "the mean of the
 * organisation totals (unverified wording)"; it is not weighted by size.
 * Sums run in organisation-id order, so the input order changes nothing, not
 * even the last bit. Groups are sorted by key (`null` last). Incomplete
 * results ({@link NokOrganisationResult.incomplete}: a criterion without
 * data) are left out; when every result is incomplete there is no group.
 *
 * @param results - organisation results from {@link nokAssessment}
 * @param options - the grouping, the rounding and the bands
 * @returns one aggregate per group
 * @throws `EduQualityError` `invalid-argument` when there are no results, or naming the option path for an unknown option key or an invalid option value
 *
 * @example
 * ```ts
 * const org = (id: string, municipality: string, total: number) => ({ id, municipality, total: { value: total }, criteria: { K1: { value: total }, K2: { value: total }, K3: { value: null }, K4: { value: total }, K5: { value: total } } });
 * const groups = nokAggregate([org('a', 'North', 80), org('b', 'North', 90), org('c', 'South', 70)] as never, { by: 'municipality' });
 * groups.map((g) => [g.key, g.total]); // => [['North', 85], ['South', 70]]
 * groups[0]?.criteria.K3; // => { mean: null, n: 0 }
 * ```
 */
export function nokAggregate(
  results: readonly NokOrganisationResult[],
  options: NokAggregateOptions = {},
): NokAggregate[] {
  checkAggregateOptions('nokAggregate', options);
  ensure(results.length > 0, 'nokAggregate', 'needs at least one organisation result');
  // An incomplete assessment (a criterion without data) is in no group mean.
  const kept = results.some((r) => r.incomplete) ? results.filter((r) => !r.incomplete) : results;
  const table: NokScoreTable = {
    ...emptyScoreTable(kept.length),
    // A grouping outside the type (a plain-JavaScript caller) reads that field, as it always has.
    otherKeys: (by) => kept.map((r) => (r as unknown as Record<string, string | null>)[by] ?? null),
  };
  kept.forEach((r, i) => {
    const k = r.criteria;
    setScores(table, i, r.id, k.K1.value, k.K2.value, k.K3.value, k.K4.value, k.K5.value);
    table.totals[i] = r.total.value;
    table.municipality[i] = r.municipality ?? null;
    table.founder[i] = r.founder ?? null;
    table.type[i] = r.type ?? null;
  });
  return aggregateScoreTable(table, orderById(table.ids), options);
}

/**
 * The scores {@link nokAggregate} reads, by organisation position, in flat
 * arrays: nokAssessment fills it while scoring, so that the group means of
 * 2,000 organisations read contiguous numbers instead of every result's
 * objects once per grouping.
 */
export interface NokScoreTable {
  /** The organisation ids. */
  readonly ids: string[];
  /** K1..K5 of each organisation, five per organisation (0 where not applicable). */
  readonly criteria: Float64Array;
  /** Whether each of those applies: 1 when the criterion's value is not null. */
  readonly applies: Uint8Array;
  /** The totals S. */
  readonly totals: Float64Array;
  /** The totals as shown (filled by nokAssessment, for its ranking). */
  readonly displays: string[];
  /** The municipality of each organisation, `null` when it has none. */
  readonly municipality: (string | null)[];
  /** The founder, `null` when none. */
  readonly founder: (string | null)[];
  /** The type, `null` when none. */
  readonly type: (string | null)[];
  /** The group keys of a grouping other than those above, by position. */
  readonly otherKeys?: (by: string) => readonly (string | null)[];
}

/**
 * A score table for `size` organisations, to be filled by position.
 *
 * @param size - the number of organisations
 * @returns the table, numbers zeroed
 */
export function emptyScoreTable(size: number): NokScoreTable {
  return {
    ids: new Array<string>(size),
    criteria: new Float64Array(5 * size),
    applies: new Uint8Array(5 * size),
    totals: new Float64Array(size),
    displays: new Array<string>(size),
    municipality: new Array<string | null>(size),
    founder: new Array<string | null>(size),
    type: new Array<string | null>(size),
  };
}

/**
 * Writes an organisation's id and K1..K5 (`null` when not applicable) at a position of a score table.
 *
 * @param table - the table
 * @param i - the position
 * @param id - the organisation id
 * @param k1 - K1
 * @param k2 - K2
 * @param k3 - K3
 * @param k4 - K4
 * @param k5 - K5
 */
export function setScores(
  table: NokScoreTable,
  i: number,
  id: string,
  k1: number | null,
  k2: number | null,
  k3: number | null,
  k4: number | null,
  k5: number | null,
): void {
  table.ids[i] = id;
  setCriterion(table, 5 * i, k1);
  setCriterion(table, 5 * i + 1, k2);
  setCriterion(table, 5 * i + 2, k3);
  setCriterion(table, 5 * i + 3, k4);
  setCriterion(table, 5 * i + 4, k5);
}

function setCriterion(table: NokScoreTable, at: number, value: number | null): void {
  if (value === null) return;
  table.criteria[at] = value;
  table.applies[at] = 1;
}

/**
 * The positions of `ids` in id order (a stable sort: equal ids keep their order).
 *
 * @param ids - organisation ids
 * @returns the positions, sorted by id
 */
export function orderById(ids: readonly string[]): number[] {
  const order = Array.from(ids.keys());
  return order.sort((a, b) => {
    const x = ids[a]!;
    const y = ids[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * {@link nokAggregate} over a score table, its positions already sorted by id
 * (one sort serves every grouping).
 *
 * @param table - the scores of at least one organisation
 * @param byId - the table's positions in id order
 * @param options - grouping, rounding and bands
 * @returns one aggregate per group, sorted by key (`null` last)
 */
export function aggregateScoreTable(
  table: NokScoreTable,
  byId: readonly number[],
  options: NokAggregateOptions = {},
): NokAggregate[] {
  const by = options.by ?? 'all';
  const operator = options.rounding === 'operator';
  const bands = options.bands;
  if (byId.length === 0) return [];
  let groups: Map<string | null, number[]>;
  if (by === 'all') {
    groups = new Map([['all', byId.slice()]]);
  } else {
    groups = new Map();
    const keyOf =
      by === 'municipality' || by === 'founder' || by === 'type'
        ? table[by]
        : (table.otherKeys?.(by) ?? []);
    for (const i of byId) {
      const key = keyOf[i]!;
      const list = groups.get(key);
      if (list === undefined) groups.set(key, [i]);
      else list.push(i);
    }
  }
  const keys = [...groups.keys()].sort((a, b) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1,
  );
  const { criteria: values, applies, totals } = table;
  const sums = new Float64Array(CRITERIA.length);
  const counts = new Int32Array(CRITERIA.length);
  const out: NokAggregate[] = [];
  for (const key of keys) {
    const members = groups.get(key)!;
    // Each criterion's sum adds its values in id order, as the total's does,
    // so the means do not depend on the input order, not even in the last bit.
    sums.fill(0);
    counts.fill(0);
    let sum = 0;
    const ids = new Array<string>(members.length);
    for (let m = 0; m < members.length; m++) {
      const i = members[m]!;
      for (let c = 0; c < 5; c++) {
        if (applies[5 * i + c] === 1) {
          sums[c] = sums[c]! + values[5 * i + c]!;
          counts[c] = counts[c]! + 1;
        }
      }
      sum += totals[i]!;
      ids[m] = table.ids[i]!;
    }
    const mean = (c: number): NokCriterionMean => {
      const n = counts[c]!;
      const raw = sums[c]! / n;
      return { mean: n === 0 ? null : operator ? roundHalfUpNumber(raw, 2) : raw, n };
    };
    const criteria: Record<NokCriterionId, NokCriterionMean> = {
      K1: mean(0),
      K2: mean(1),
      K3: mean(2),
      K4: mean(3),
      K5: mean(4),
    };
    const raw = sum / members.length;
    const total = operator ? roundHalfUpNumber(raw, 2) : raw;
    const band = bands === undefined ? undefined : nokBand(total, bands);
    const aggregate: Mutable<NokAggregate> = {
      by,
      key,
      organisations: ids,
      criteria,
      total,
      display: formatHalfUp(total, 2),
    };
    if (band !== undefined) aggregate.band = band;
    out.push(aggregate);
  }
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
