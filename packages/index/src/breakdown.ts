import { EduQualityError } from '@edu-quality/core';
import { ensure, fail } from './internal/fail.js';
import { indexBatch } from './internal/index-batch.js';
import { npsItemOf } from './internal/nps-result.js';
import { indexOptionsOf } from './internal/option-shapes.js';
import { indexSpecs, type IndexSpec } from './internal/index-result.js';
import { ANSWERED, layoutOf, oneRow, withSurvey, type SurveyView } from './internal/survey.js';
import { NpsAccumulator, type NetPromoterScoreResult } from './net-promoter-score.js';
import { SatisfactionIndexAccumulator } from './satisfaction-index-accumulator.js';
import type { SatisfactionIndexOptions, SatisfactionIndexResult } from './satisfaction-index.js';
import type { SurveyInput } from './survey-input.js';

const FN = 'breakdown';

/** Options of {@link breakdown} and {@link BreakdownAccumulator}: the index options plus the breakdown. */
export interface BreakdownOptions extends Omit<SatisfactionIndexOptions, 'interval' | 'bootstrap'> {
  /** The segment field(s) to break down by, for example `'institution'` or `['institution', 'group']`. */
  readonly by: string | readonly string[];
  /** Groups with fewer respondents are suppressed; default 5. */
  readonly minGroupSize?: number;
  /** The 0–10 recommend item for an NPS per group; default the item with role `recommend`, if any; `false` for none. */
  readonly nps?: string | false;
  /** `'delta-t'` (default) or `'delta-z'`. */
  readonly interval?: 'delta-t' | 'delta-z';
}

/** A published group: its key, rank and results. */
export interface PublishedGroup {
  /** The segment values of the group, by field; `null` for respondents who did not say. */
  readonly key: Readonly<Record<string, string | null>>;
  /** The values joined with " / ". */
  readonly label: string;
  /** Discriminant. */
  readonly suppressed: false;
  /** 1 for the highest index; ties share a rank (1, 2, 2, 4). */
  readonly rank: number;
  /** Respondents in the group. */
  readonly n: number;
  /** The group's index (a domain of the whole design; item weights of the whole sample). */
  readonly index: SatisfactionIndexResult;
  /** The group's NPS, when there is a recommend item and an answer to it. */
  readonly nps?: NetPromoterScoreResult;
}

/**
 * A suppressed group: no numbers at all, not even its n (an n below the
 * threshold is itself a disclosure about a handful of people).
 */
export interface SuppressedGroup {
  /** The segment values of the group. */
  readonly key: Readonly<Record<string, string | null>>;
  /** The values joined with " / ". */
  readonly label: string;
  /** Discriminant. */
  readonly suppressed: true;
  /**
   * `below-minimum`: fewer than `minGroupSize` respondents; `complementary`:
   * suppressed so that a `below-minimum` group cannot be recovered from the
   * total minus the others; `no-answers`: nobody in it answered an index item.
   */
  readonly reason: 'below-minimum' | 'complementary' | 'no-answers';
}

/** A group of a {@link BreakdownResult}. */
export type BreakdownGroup = PublishedGroup | SuppressedGroup;

/** An index broken down by segments, ranked, with disclosure control applied. */
export interface BreakdownResult {
  /** The segment fields. */
  readonly by: readonly string[];
  /** The disclosure threshold used. */
  readonly minGroupSize: number;
  /** The index of all respondents, or `null` when it must be suppressed too (fewer than minGroupSize in all). */
  readonly total: SatisfactionIndexResult | null;
  /** The NPS of all respondents, when there is a recommend item (and the total is published). */
  readonly totalNps?: NetPromoterScoreResult;
  /** Published groups by rank, then suppressed groups by label. */
  readonly groups: readonly BreakdownGroup[];
  /** The suppression rule, stated for the report. */
  readonly suppressionRule: string;
}

interface Group {
  readonly key: Record<string, string | null>;
  readonly label: string;
  readonly index: SatisfactionIndexAccumulator;
  readonly nps: NpsAccumulator;
  rows: number;
}

/**
 * A mergeable accumulator of a {@link breakdown}: one index accumulator (and
 * one NPS accumulator) per group. Shards summarised where the data lives can be
 * merged in any order; disclosure control is applied in `result`, on the
 * merged counts.
 *
 * @example
 * ```ts
 * const survey = {
 *   items: [{ id: 'q', values: [5, 4, 3, 5, 4, 2, 3, 4, 5, 5], min: 1, max: 5 }],
 *   segments: { school: ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'] },
 * };
 * const acc = new BreakdownAccumulator(survey, { by: 'school' }).addAll(survey);
 * acc.result().groups.map((g) => g.label); // => ['a', 'b']
 * ```
 */
export class BreakdownAccumulator {
  readonly #layout: SurveyInput;
  readonly #options: BreakdownOptions;
  readonly #by: readonly string[];
  readonly #npsItem: string | undefined;
  readonly #groups = new Map<string, Group>();
  /** Per source: the group of each combination of that source's segment codes. */
  readonly #local = new WeakMap<SurveyView, Map<number, Group>>();

  /**
   * @param layout - a survey whose items define the index (only metadata is read)
   * @param options - the index options, the segment fields and the threshold
   * @throws `EduQualityError` `invalid-argument` for no segment field, a bad threshold or unknown items
   */
  constructor(layout: SurveyInput, options: BreakdownOptions) {
    const settings = settingsOf(layout, options);
    this.#layout = layout;
    this.#options = options;
    this.#by = settings.by;
    this.#npsItem = settings.npsItem;
  }

  /**
   * Adds one respondent: row `row` of `survey`.
   *
   * @param survey - a `ResponseSet` or {@link SurveyData} with the segment fields
   * @param row - the row index
   * @returns this accumulator
   * @throws `EduQualityError` `invalid-argument` when a segment field is missing from the survey
   */
  add(survey: SurveyInput, row: number): this {
    const one = oneRow(survey, row, FN);
    withSurvey(one, FN, (view) => {
      this.#addRows(one, view, 0, 1);
    });
    return this;
  }

  /**
   * Adds every respondent of `survey`.
   *
   * @param survey - a `ResponseSet` or {@link SurveyData}
   * @returns this accumulator
   */
  addAll(survey: SurveyInput): this {
    withSurvey(survey, FN, (view) => {
      this.#addRows(survey, view, 0, view.size);
    });
    return this;
  }

  #addRows(survey: SurveyInput, view: SurveyView, start: number, end: number): void {
    const segments = this.#by.map((field) => {
      const segment = view.segment(field);
      if (segment === undefined)
        fail('invalid-argument', FN, `the survey has no segment field ${field}`);
      return segment;
    });
    let local = this.#local.get(view);
    if (local === undefined) {
      local = new Map<number, Group>();
      this.#local.set(view, local);
    }
    const npsItem = this.#npsItem === undefined ? undefined : view.byId.get(this.#npsItem);
    // Rows are grouped first, then each group's accumulator takes its rows in one call.
    const rowsOf = new Map<Group, number[]>();
    for (let row = start; row < end; row++) {
      let code = 0;
      for (const segment of segments)
        code = code * (segment.dictionary.length + 1) + segment.codes[row]! + 1;
      let group = local.get(code);
      if (group === undefined) {
        group = this.#group(
          segments.map((segment) => segment.dictionary[segment.codes[row]!] ?? null),
        );
        local.set(code, group);
      }
      let rows = rowsOf.get(group);
      if (rows === undefined) {
        rows = [];
        rowsOf.set(group, rows);
      }
      rows.push(row);
    }
    for (const [group, rows] of rowsOf) {
      group.rows += rows.length;
      group.index.addAll(survey, rows);
      if (npsItem !== undefined) {
        for (const row of rows) {
          if (npsItem.status[row] === ANSWERED)
            group.nps.add(npsItem.values[row], view.weights[row]);
        }
      }
    }
  }

  #group(labels: readonly (string | null)[]): Group {
    const id = JSON.stringify(labels);
    let group = this.#groups.get(id);
    if (group === undefined) {
      const key: Record<string, string | null> = {};
      this.#by.forEach((field, i) => {
        key[field] = labels[i]!;
      });
      group = {
        key,
        label: labels.map((l) => l ?? '(not stated)').join(' / '),
        index: new SatisfactionIndexAccumulator(this.#layout, indexOptionsOf(this.#options)),
        nps: new NpsAccumulator(),
        rows: 0,
      };
      this.#groups.set(id, group);
    }
    return group;
  }

  /**
   * Merges another accumulator with the same layout and options.
   *
   * @param other - an accumulator over other respondents
   * @returns this accumulator
   */
  merge(other: BreakdownAccumulator): this {
    for (const [id, theirs] of other.#groups) {
      const mine = this.#groups.get(id);
      if (mine === undefined) {
        const copy: Group = {
          key: { ...theirs.key },
          label: theirs.label,
          index: new SatisfactionIndexAccumulator(
            this.#layout,
            indexOptionsOf(this.#options),
          ).merge(theirs.index),
          nps: new NpsAccumulator().merge(theirs.nps),
          rows: theirs.rows,
        };
        this.#groups.set(id, copy);
      } else {
        mine.index.merge(theirs.index);
        mine.nps.merge(theirs.nps);
        mine.rows += theirs.rows;
      }
    }
    return this;
  }

  /**
   * The ranked groups with disclosure control.
   *
   * @returns the breakdown
   * @throws `EduQualityError` `insufficient-data` when the whole sample has no answer or fewer than 2 rows
   */
  result(): BreakdownResult {
    const groups = [...this.#groups.values()];
    // The total is the merge of the groups: the same sums as one pass over all rows.
    const totalAcc = new SatisfactionIndexAccumulator(this.#layout, indexOptionsOf(this.#options));
    const totalNpsAcc = new NpsAccumulator();
    for (const g of groups) {
      totalAcc.merge(g.index);
      totalNpsAcc.merge(g.nps);
    }
    return publish(
      this.#by,
      this.#options.minGroupSize ?? 5,
      this.#npsItem !== undefined,
      groups.map((g) => ({
        key: g.key,
        label: g.label,
        rows: g.rows,
        index: (designSize, itemWeights) => g.index.result({ designSize, itemWeights }),
        nps: () => g.nps.result(),
      })),
      totalAcc.result(),
      () => totalNpsAcc.result(),
    );
  }
}

/** A group as publish reads it, whichever path summed it. */
interface GroupSummary {
  readonly key: Record<string, string | null>;
  readonly label: string;
  readonly rows: number;
  /** The group's index as a domain of the whole design; throws `insufficient-data` when it has none. */
  index(designSize: number, itemWeights: Readonly<Record<string, number>>): SatisfactionIndexResult;
  /** The group's NPS; throws when nobody in it answered. */
  nps(): NetPromoterScoreResult;
}

// Ranking and disclosure control, shared by the accumulator and the batch path.
function publish(
  by: readonly string[],
  k: number,
  hasNps: boolean,
  groups: readonly GroupSummary[],
  total: SatisfactionIndexResult,
  totalNpsOf: () => NetPromoterScoreResult,
): BreakdownResult {
  const totalRows = groups.reduce((s, g) => s + g.rows, 0);
  const results = new Map<GroupSummary, SatisfactionIndexResult | undefined>();
  for (const g of groups) {
    if (g.rows < k) continue;
    try {
      results.set(g, {
        ...g.index(totalRows, total.weighting.itemWeights),
        weighting: total.weighting,
      });
    } catch (error) {
      if (!(EduQualityError.isInstance(error) && error.code === 'insufficient-data')) throw error;
      results.set(g, undefined);
    }
  }
  // Primary suppression, then complementary: while the suppressed groups number
  // one, or hold fewer than k respondents together, the next smallest group is
  // suppressed too, so total − published ones never isolates fewer than k people.
  const reasons = new Map<GroupSummary, SuppressedGroup['reason']>();
  for (const g of groups) if (g.rows < k) reasons.set(g, 'below-minimum');
  const totalPublished = totalRows >= k;
  if (reasons.size > 0 && totalPublished) {
    const candidates = groups
      .filter((g) => !reasons.has(g))
      .sort((a, b) => a.rows - b.rows || a.label.localeCompare(b.label));
    let pooled = [...reasons.keys()].reduce((s, g) => s + g.rows, 0);
    let count = reasons.size;
    for (const g of candidates) {
      if (count >= 2 && pooled >= k) break;
      reasons.set(g, 'complementary');
      pooled += g.rows;
      count++;
    }
  }
  for (const [g, r] of results)
    if (r === undefined && !reasons.has(g)) reasons.set(g, 'no-answers');

  const published = groups
    .filter((g) => !reasons.has(g))
    .map((g) => ({ g, index: results.get(g)! }))
    .sort((a, b) => b.index.score - a.index.score || a.g.label.localeCompare(b.g.label));
  const out: BreakdownGroup[] = published.map(({ g, index }) => {
    let npsResult: NetPromoterScoreResult | undefined;
    try {
      npsResult = hasNps ? g.nps() : undefined;
    } catch {
      npsResult = undefined; // nobody in the group answered the recommend item
    }
    return {
      key: g.key,
      label: g.label,
      suppressed: false,
      rank: 1 + published.filter((p) => p.index.score > index.score).length,
      n: g.rows,
      index,
      ...(npsResult === undefined ? {} : { nps: npsResult }),
    };
  });
  for (const g of groups
    .filter((x) => reasons.has(x))
    .sort((a, b) => a.label.localeCompare(b.label))) {
    out.push({ key: g.key, label: g.label, suppressed: true, reason: reasons.get(g)! });
  }
  let totalNps: NetPromoterScoreResult | undefined;
  if (totalPublished && hasNps) {
    try {
      totalNps = totalNpsOf();
    } catch {
      totalNps = undefined;
    }
  }
  return {
    by,
    minGroupSize: k,
    total: totalPublished ? total : null,
    ...(totalNps === undefined ? {} : { totalNps }),
    groups: out,
    suppressionRule: `groups with fewer than ${k} respondents are suppressed with no numbers (not even n); while the suppressed groups are a single group or hold fewer than ${k} respondents together, the next smallest group is suppressed as well, so that no group of fewer than ${k} can be recovered from the total minus the published groups`,
  };
}

interface Settings {
  readonly by: readonly string[];
  readonly npsItem: string | undefined;
  readonly specs: readonly IndexSpec[];
}

function settingsOf(layout: SurveyInput, options: BreakdownOptions): Settings {
  const view = layoutOf(layout, FN);
  const by = typeof options.by === 'string' ? [options.by] : options.by;
  ensure(by.length > 0, FN, 'needs at least one segment field in by');
  const k = options.minGroupSize ?? 5;
  ensure(Number.isInteger(k) && k >= 1, FN, 'minGroupSize must be a positive integer');
  const npsItem = npsItemOf(view, options.nps, FN);
  // Validate the index options once, up front.
  new SatisfactionIndexAccumulator(layout, indexOptionsOf(options));
  return { by, npsItem, specs: indexSpecs(view, options) };
}

// The batch path of breakdown: rows coded by group in order of first
// appearance (the accumulator's order of groups), then one batch computation
// of every group's sums. Undefined when the batch path does not apply.
function batchBreakdown(
  view: SurveyView,
  options: BreakdownOptions,
  settings: Settings,
): BreakdownResult | undefined {
  const segments = settings.by.map((field) => {
    const segment = view.segment(field);
    if (segment === undefined)
      fail('invalid-argument', FN, `the survey has no segment field ${field}`);
    return segment;
  });
  const n = view.size;
  const groupOf = new Int32Array(n);
  const firstRows: number[] = [];
  let space = 1;
  for (const segment of segments) space *= segment.dictionary.length + 1;
  // A combination code per row: a table when the combinations are few, else a map.
  const table = space <= 1 << 22 ? new Int32Array(space).fill(-1) : undefined;
  const map = table === undefined ? new Map<number, number>() : undefined;
  const single = segments.length === 1 ? segments[0]!.codes : undefined;
  for (let row = 0; row < n; row++) {
    let code: number;
    if (single !== undefined) code = single[row]! + 1;
    else {
      code = 0;
      for (const segment of segments)
        code = code * (segment.dictionary.length + 1) + segment.codes[row]! + 1;
    }
    let g = table === undefined ? (map!.get(code) ?? -1) : table[code]!;
    if (g < 0) {
      g = firstRows.length;
      firstRows.push(row);
      if (table === undefined) map!.set(code, g);
      else table[code] = g;
    }
    groupOf[row] = g;
  }
  const batch = indexBatch(
    view,
    settings.specs,
    options,
    groupOf,
    firstRows.length,
    settings.npsItem,
  );
  if (batch === undefined) return undefined;
  const groups = firstRows.map((row, g): GroupSummary => {
    const labels = segments.map((segment) => segment.dictionary[segment.codes[row]!] ?? null);
    const key: Record<string, string | null> = {};
    settings.by.forEach((field, i) => {
      key[field] = labels[i]!;
    });
    return {
      key,
      label: labels.map((l) => l ?? '(not stated)').join(' / '),
      rows: batch.rows[g]!,
      index: (designSize, itemWeights) => batch.group(g, designSize, itemWeights),
      nps: () => batch.nps(g),
    };
  });
  return publish(
    settings.by,
    options.minGroupSize ?? 5,
    settings.npsItem !== undefined,
    groups,
    batch.total(),
    () => batch.totalNps(),
  );
}

/**
 * The satisfaction index (and NPS) broken down by one or more segment fields,
 * ranked, with disclosure control: small groups are suppressed and protected
 * by complementary suppression.
 *
 * @remarks
 * Each group is a domain of the whole design: its SEs keep the whole sample's
 * n, as R `survey::svyby(~x, ~group, design, svymean, na.rm = TRUE)` does, and
 * its item weights are the whole sample's, so groups are comparable. A group
 * with fewer than `minGroupSize` respondents (default 5) is reported as
 * suppressed without numbers. If the suppressed groups are one, or hold fewer
 * than `minGroupSize` respondents together, the next smallest groups are
 * suppressed too (the methods note's rule, extended so the pooled remainder
 * total − published is never a group under the threshold). Published groups
 * are ranked by index, ties sharing a rank. Disclosure control in the sense of
 * Hundepool et al. (2012), *Statistical Disclosure Control*, Wiley, ch. 4.
 *
 * @param responses - a `ResponseSet` or {@link SurveyData} with segment fields
 * @param options - the segment fields, threshold and index options
 * @returns the total, ranked published groups and suppressed groups
 * @throws `EduQualityError` `invalid-argument` for unknown segment fields or items; `insufficient-data` when the whole sample has no answer
 *
 * @example
 * ```ts
 * const survey = {
 *   items: [{ id: 'q', values: [5, 5, 4, 5, 4, 4, 3, 3, 4, 3, 2, 5, 1], min: 1, max: 5 }],
 *   segments: { school: ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'c', 'c'] },
 * };
 * const r = breakdown(survey, { by: 'school' });
 * r.groups.map((g) => [g.label, g.suppressed]); // => [['a', false], ['b', true], ['c', true]]
 * r.groups[2]; // => { label: 'c', suppressed: true, reason: 'below-minimum' }
 * r.groups[1]; // => { label: 'b', suppressed: true, reason: 'complementary' }
 * ```
 */
export function breakdown(responses: SurveyInput, options: BreakdownOptions): BreakdownResult {
  return withSurvey(responses, FN, (view) => {
    const settings = settingsOf(responses, options);
    // The batch path when it applies (same results, O(n·k)); else the accumulator.
    return (
      batchBreakdown(view, options, settings) ??
      new BreakdownAccumulator(responses, options).addAll(responses).result()
    );
  });
}
