import { EduQualityError } from '@edu-quality/core';
import { checkBreakdownOptions } from './internal/breakdown-options.js';
import { fail } from './internal/fail.js';
import { indexBatch } from './internal/index-batch.js';
import { linkedSuppression, type LinkedTable } from './internal/linked-suppression.js';
import { printedForm } from './internal/printed-label.js';
import { npsItemOf } from './internal/nps-result.js';
import { indexOptionsOf } from './internal/option-shapes.js';
import { indexSpecs, type IndexSpec } from './internal/index-result.js';
import {
  ANSWERED,
  layoutOf,
  oneRow,
  withSurvey,
  type SegmentView,
  type SurveyView,
} from './internal/survey.js';
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

/**
 * Why a group is not published:
 *
 * - `below-minimum`: fewer than `minGroupSize` respondents (primary suppression);
 * - `complementary`: it has `minGroupSize` or more respondents, and is hidden
 *   so that a `below-minimum` group of its table cannot be recovered from
 *   the total minus the published groups;
 * - `linked-table`: it has `minGroupSize` or more respondents, and is hidden
 *   so that a hidden group cannot be recovered from another table of the same
 *   output (a parent cell minus its published children, a margin of a
 *   cross-table) — see {@link protectedBreakdowns};
 * - `no-answers`: nobody in it answered an index item.
 *
 * A reader is told the reason, never the hidden group's n.
 */
export type SuppressionReason = 'below-minimum' | 'complementary' | 'linked-table' | 'no-answers';

/**
 * Where a group's label comes from: `option`, the questionnaire's declared
 * options (or the caller's own segment values of a `SurveyData`); or
 * `respondent`, an unlisted code of a `single` item accepted as the
 * respondent typed it (`acceptUnlisted`), which can itself be personal data
 * and should be redacted by a report.
 */
export type LabelSource = 'option' | 'respondent';

/** The label that replaces a respondent-typed segment value of a suppressed group. */
export const HIDDEN_GROUP_LABEL = 'hidden group';

/** A published group: its key, rank and results. */
export interface PublishedGroup {
  /** The segment values of the group, by field; `null` for respondents who did not say. */
  readonly key: Readonly<Record<string, string | null>>;
  /** The values joined with " / " (`(not stated)` for `null`). */
  readonly label: string;
  /** `respondent` when a value of the label is an unlisted code typed by respondents. */
  readonly labelSource: LabelSource;
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
  /**
   * The segment values of the group; a value that respondents typed (an
   * unlisted code) is replaced by {@link HIDDEN_GROUP_LABEL}.
   */
  readonly key: Readonly<Record<string, string | null>>;
  /** The values joined with " / ", with respondent-typed values replaced as in `key`. */
  readonly label: string;
  /** `respondent` when a value of the group was typed by respondents (and is hidden). */
  readonly labelSource: LabelSource;
  /** Discriminant. */
  readonly suppressed: true;
  /** Why it is hidden (see {@link SuppressionReason}); its n is never given. */
  readonly reason: SuppressionReason;
}

/** A group of a {@link BreakdownResult}. */
export type BreakdownGroup = PublishedGroup | SuppressedGroup;

/**
 * An index broken down by segments, ranked, with disclosure control applied.
 *
 * @remarks
 * A consumer shows each suppressed group's `reason` in words — `below-minimum`
 * "fewer than {minGroupSize} respondents", `complementary` "hidden to protect
 * a smaller group", `linked-table` "hidden to protect a smaller group of
 * another table", `no-answers` "no answers" — and never a number for it: a
 * group hidden to protect another can hold many more than `minGroupSize`.
 * A group whose `labelSource` is `respondent` has a label typed by
 * respondents, which a report should redact.
 */
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
  /** Per field: the value is an unlisted code typed by respondents. */
  readonly respondent: boolean[];
  readonly index: SatisfactionIndexAccumulator;
  readonly nps: NpsAccumulator;
  rows: number;
}

const NOT_STATED = '(not stated)';

function labelOf(values: readonly (string | null)[]): string {
  return values.map((v) => v ?? NOT_STATED).join(' / ');
}

function keyOf(
  by: readonly string[],
  values: readonly (string | null)[],
): Record<string, string | null> {
  const key: Record<string, string | null> = {};
  by.forEach((field, i) => {
    key[field] = values[i]!;
  });
  return key;
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
   * @throws `EduQualityError` `invalid-argument` for no segment field, a bad threshold, an unknown option key (naming its path) or unknown items
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
    const segments = segmentsOf(view, this.#by);
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
          segments.map((segment) => segment.codes[row]! >= segment.declared),
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

  #group(labels: readonly (string | null)[], respondent: readonly boolean[]): Group {
    const id = JSON.stringify(labels);
    let group = this.#groups.get(id);
    if (group === undefined) {
      group = {
        key: keyOf(this.#by, labels),
        label: labelOf(labels),
        respondent: [...respondent],
        index: new SatisfactionIndexAccumulator(this.#layout, indexOptionsOf(this.#options)),
        nps: new NpsAccumulator(),
        rows: 0,
      };
      this.#groups.set(id, group);
    } else {
      respondent.forEach((r, i) => {
        group!.respondent[i] ||= r;
      });
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
          respondent: [...theirs.respondent],
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
        theirs.respondent.forEach((r, i) => {
          mine.respondent[i] ||= r;
        });
      }
    }
    return this;
  }

  /** @internal The groups' sums before disclosure control (see {@link protectedBreakdowns}). */
  summary(): BreakdownSummary {
    const groups = [...this.#groups.values()];
    // The total is the merge of the groups: the same sums as one pass over all rows.
    const totalAcc = new SatisfactionIndexAccumulator(this.#layout, indexOptionsOf(this.#options));
    const totalNpsAcc = new NpsAccumulator();
    for (const g of groups) {
      totalAcc.merge(g.index);
      totalNpsAcc.merge(g.nps);
    }
    return {
      by: this.#by,
      hasNps: this.#npsItem !== undefined,
      groups: groups.map((g) => ({
        key: g.key,
        values: this.#by.map((field) => g.key[field]!),
        label: g.label,
        respondent: g.respondent,
        rows: g.rows,
        index: (designSize, itemWeights) => g.index.result({ designSize, itemWeights }),
        nps: () => g.nps.result(),
      })),
      total: totalAcc.result(),
      totalNps: () => totalNpsAcc.result(),
    };
  }

  /**
   * The ranked groups with disclosure control.
   *
   * @returns the breakdown
   * @throws `EduQualityError` `insufficient-data` when the whole sample has no answer or fewer than 2 rows; `invalid-input` when two groups' labels print the same
   */
  result(): BreakdownResult {
    return publishTables([this.summary()], this.#options.minGroupSize ?? 5, FN).tables[0]!;
  }
}

/** A group as publish reads it, whichever path summed it. */
interface GroupSummary {
  readonly key: Record<string, string | null>;
  /** The segment values, in the order of `by`. */
  readonly values: readonly (string | null)[];
  readonly label: string;
  /** Per field: the value is an unlisted code typed by respondents. */
  readonly respondent: readonly boolean[];
  readonly rows: number;
  /** The group's index as a domain of the whole design; throws `insufficient-data` when it has none. */
  index(designSize: number, itemWeights: Readonly<Record<string, number>>): SatisfactionIndexResult;
  /** The group's NPS; throws when nobody in it answered. */
  nps(): NetPromoterScoreResult;
}

/**
 * @internal One table's sums before disclosure control, whichever path
 * summed it (the batch path or the accumulator).
 */
export interface BreakdownSummary {
  readonly by: readonly string[];
  readonly hasNps: boolean;
  readonly groups: readonly GroupSummary[];
  readonly total: SatisfactionIndexResult;
  readonly totalNps: () => NetPromoterScoreResult;
}

// Item 4 of "publish no wrong number": two values of one field that print the
// same would publish two rows a reader cannot tell apart.
function refuseLookalikes(summary: BreakdownSummary, fn: string): void {
  summary.by.forEach((field, i) => {
    const seen = new Map<string, { value: string | null; respondent: boolean }>();
    for (const g of summary.groups) {
      const value = g.values[i]!;
      const printed = printedForm(value ?? NOT_STATED);
      const other = seen.get(printed);
      if (other === undefined) {
        seen.set(printed, { value, respondent: g.respondent[i]! });
        continue;
      }
      if (other.value === value) continue;
      // A value typed by respondents is personal data: named by its position only.
      const name = (v: string | null, respondent: boolean): string =>
        v === null
          ? NOT_STATED
          : respondent
            ? 'an unlisted code typed by respondents'
            : JSON.stringify(v);
      const message = `${fn}: segment field ${field} has two values that print the same, ${name(other.value, other.respondent)} and ${name(value, g.respondent[i]!)}; merge them before publishing (for example when reading the responses)`;
      throw new EduQualityError('invalid-input', message, {
        issues: [{ code: 'duplicate-label', message, path: ['segments', field] }],
      });
    }
  });
}

/** @internal The tables of one output with one joint suppression pattern. */
export interface PublishedTables {
  readonly total: SatisfactionIndexResult | null;
  readonly totalNps?: NetPromoterScoreResult;
  readonly n: number;
  readonly tables: readonly BreakdownResult[];
}

/**
 * @internal Ranking and disclosure control of the tables of one output (one
 * table for {@link breakdown}): one suppression pattern over all of them and
 * their total. `fn` names the caller in errors.
 */
export function publishTables(
  summaries: readonly BreakdownSummary[],
  k: number,
  fn: string,
): PublishedTables {
  const first = summaries[0]!;
  for (const s of summaries) refuseLookalikes(s, fn);
  const totalRows = first.groups.reduce((s, g) => s + g.rows, 0);
  const computed = summaries.map((summary) => {
    const results = new Map<GroupSummary, SatisfactionIndexResult | undefined>();
    for (const g of summary.groups) {
      if (g.rows < k) continue;
      try {
        results.set(g, {
          ...g.index(totalRows, first.total.weighting.itemWeights),
          weighting: first.total.weighting,
        });
      } catch (error) {
        if (!(EduQualityError.isInstance(error) && error.code === 'insufficient-data')) throw error;
        results.set(g, undefined);
      }
    }
    return results;
  });
  const linked = summaries.map((summary, t): LinkedTable => ({
    fields: summary.by,
    cells: summary.groups.map((g) => ({
      key: g.values,
      n: g.rows,
      noAnswers: computed[t]!.has(g) && computed[t]!.get(g) === undefined,
      label: g.label,
    })),
  }));
  const pattern = linkedSuppression(linked, totalRows, k);
  const totalPublished = pattern.totalPublished;
  let totalNps: NetPromoterScoreResult | undefined;
  if (totalPublished && first.hasNps) {
    try {
      totalNps = first.totalNps();
    } catch {
      totalNps = undefined; // nobody answered the recommend item
    }
  }
  const rule = suppressionRule(k, summaries.length > 1);
  const tables = summaries.map((summary, t) => {
    const reasons = new Map(summary.groups.map((g, i) => [g, pattern.reasons[t]![i]]));
    const results = computed[t]!;
    const published = summary.groups
      .filter((g) => reasons.get(g) === undefined)
      .map((g) => ({ g, index: results.get(g)! }))
      .sort((a, b) => b.index.score - a.index.score || a.g.label.localeCompare(b.g.label));
    const out: BreakdownGroup[] = published.map(({ g, index }) => {
      let npsResult: NetPromoterScoreResult | undefined;
      try {
        npsResult = summary.hasNps ? g.nps() : undefined;
      } catch {
        npsResult = undefined; // nobody in the group answered the recommend item
      }
      return {
        key: g.key,
        label: g.label,
        labelSource: g.respondent.includes(true) ? 'respondent' : 'option',
        suppressed: false,
        rank: 1 + published.filter((p) => p.index.score > index.score).length,
        n: g.rows,
        index,
        ...(npsResult === undefined ? {} : { nps: npsResult }),
      };
    });
    const hidden = summary.groups
      .filter((g) => reasons.get(g) !== undefined)
      .map((g): SuppressedGroup => {
        // A respondent-typed value of a hidden group is not published either.
        const values = g.values.map((v, i) => (g.respondent[i] ? HIDDEN_GROUP_LABEL : v));
        return {
          key: keyOf(summary.by, values),
          label: labelOf(values),
          labelSource: g.respondent.includes(true) ? 'respondent' : 'option',
          suppressed: true,
          reason: reasons.get(g)!,
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
    out.push(...hidden);
    return {
      by: summary.by,
      minGroupSize: k,
      total: totalPublished ? first.total : null,
      ...(totalNps === undefined ? {} : { totalNps }),
      groups: out,
      suppressionRule: rule,
    };
  });
  return {
    total: totalPublished ? first.total : null,
    ...(totalNps === undefined ? {} : { totalNps }),
    n: totalRows,
    tables,
  };
}

function suppressionRule(k: number, linked: boolean): string {
  const base = `groups with fewer than ${k} respondents are suppressed with no numbers (not even n), and so is everything when the whole study has fewer than ${k}; `;
  return linked
    ? `${base}further groups are suppressed so that, in every sum that links the published tables and the total (a table's groups add up to the total, a group to its subgroups in a finer table, a cross-table to its margins), the hidden groups are two or more and hold at least ${k} respondents together, and no hidden group's n can be computed exactly from the published ones`
    : `${base}while the suppressed groups are a single group or hold fewer than ${k} respondents together, the next smallest group is suppressed as well, so that no group of fewer than ${k} can be recovered from the total minus the published groups`;
}

interface Settings {
  readonly by: readonly string[];
  readonly npsItem: string | undefined;
  readonly specs: readonly IndexSpec[];
}

function settingsOf(layout: SurveyInput, options: BreakdownOptions): Settings {
  const by = checkBreakdownOptions(options, FN, false)[0]!;
  return settingsFor(layout, options, by);
}

/** @internal The settings of one table of a breakdown whose options are checked. */
export function settingsFor(
  layout: SurveyInput,
  options: Omit<BreakdownOptions, 'by'>,
  by: readonly string[],
): Settings {
  const view = layoutOf(layout, FN);
  const npsItem = npsItemOf(view, options.nps, FN);
  // Validate the index options once, up front.
  new SatisfactionIndexAccumulator(layout, indexOptionsOf(options));
  return { by, npsItem, specs: indexSpecs(view, options) };
}

function segmentsOf(view: SurveyView, by: readonly string[]): SegmentView[] {
  return by.map((field) => {
    const segment = view.segment(field);
    if (segment === undefined)
      fail('invalid-argument', FN, `the survey has no segment field ${field}`);
    return segment;
  });
}

// The batch path of breakdown: rows coded by group in order of first
// appearance (the accumulator's order of groups), then one batch computation
// of every group's sums. Undefined when the batch path does not apply.
function batchSummary(
  view: SurveyView,
  options: Omit<BreakdownOptions, 'by'>,
  settings: Settings,
): BreakdownSummary | undefined {
  const segments = segmentsOf(view, settings.by);
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
    const values = segments.map((segment) => segment.dictionary[segment.codes[row]!] ?? null);
    return {
      key: keyOf(settings.by, values),
      values,
      label: labelOf(values),
      respondent: segments.map((segment) => segment.codes[row]! >= segment.declared),
      rows: batch.rows[g]!,
      index: (designSize, itemWeights) => batch.group(g, designSize, itemWeights),
      nps: () => batch.nps(g),
    };
  });
  return {
    by: settings.by,
    hasNps: settings.npsItem !== undefined,
    groups,
    total: batch.total(),
    totalNps: () => batch.totalNps(),
  };
}

/**
 * @internal One table's sums: the batch path when it applies (same results,
 * O(n·k)); else the accumulator.
 */
export function breakdownSummary(
  responses: SurveyInput,
  view: SurveyView,
  options: Omit<BreakdownOptions, 'by'>,
  by: readonly string[],
): BreakdownSummary {
  const settings = settingsFor(responses, options, by);
  return (
    batchSummary(view, options, settings) ??
    new BreakdownAccumulator(responses, { ...options, by }).addAll(responses).summary()
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
 * total − published is never a group under the threshold). A study of fewer
 * than `minGroupSize` respondents in all publishes nothing: `total` is `null`
 * and every group is suppressed. Published groups are ranked by index, ties
 * sharing a rank. Disclosure control in the sense of Hundepool et al. (2012),
 * *Statistical Disclosure Control*, Wiley, ch. 4.
 *
 * This protects one table against its own total. Several tables published
 * side by side (by institution, and by institution × group) can be
 * differenced against each other: use {@link protectedBreakdowns} for them.
 *
 * Two values of a field that print the same (after NFC, removing invisible
 * characters, trimming and case folding) are refused rather than published
 * as two indistinguishable rows. A suppressed group's value that respondents
 * typed (an unlisted code of a `single` item) is replaced by
 * {@link HIDDEN_GROUP_LABEL}; a published one is flagged by `labelSource`.
 *
 * @param responses - a `ResponseSet` or {@link SurveyData} with segment fields
 * @param options - the segment fields, threshold and index options
 * @returns the total, ranked published groups and suppressed groups
 * @throws `EduQualityError` `invalid-argument` for unknown segment fields, items or option keys, or invalid option values (naming the option path); `invalid-input` when two values of a field print the same; `insufficient-data` when the whole sample has no answer
 *
 * @example
 * ```ts
 * const survey = {
 *   items: [{ id: 'q', values: [5, 5, 4, 5, 4, 4, 3, 3, 4, 3, 2, 5, 1], min: 1, max: 5 }],
 *   segments: { school: ['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'c', 'c'] },
 * };
 * const r = breakdown(survey, { by: 'school' });
 * r.groups.map((g) => [g.label, g.suppressed]); // => [['a', false], ['b', true], ['c', true]]
 * r.groups[2]; // => { label: 'c', labelSource: 'option', suppressed: true, reason: 'below-minimum' }
 * r.groups[1]; // => { label: 'b', labelSource: 'option', suppressed: true, reason: 'complementary' }
 * ```
 */
export function breakdown(responses: SurveyInput, options: BreakdownOptions): BreakdownResult {
  const by = checkBreakdownOptions(options, FN, false)[0]!;
  return withSurvey(responses, FN, (view) => {
    const summary = breakdownSummary(responses, view, options, by);
    return publishTables([summary], options.minGroupSize ?? 5, FN).tables[0]!;
  });
}
