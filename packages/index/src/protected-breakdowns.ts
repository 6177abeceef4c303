import {
  breakdownSummary,
  publishTables,
  type BreakdownOptions,
  type BreakdownResult,
} from './breakdown.js';
import { checkBreakdownOptions } from './internal/breakdown-options.js';
import { withSurvey } from './internal/survey.js';
import type { NetPromoterScoreResult } from './net-promoter-score.js';
import type { SatisfactionIndexResult } from './satisfaction-index.js';
import type { SurveyInput } from './survey-input.js';

const FN = 'protectedBreakdowns';

/** Options of {@link protectedBreakdowns}: those of a breakdown, with several tables in place of `by`. */
export interface ProtectedBreakdownsOptions extends Omit<BreakdownOptions, 'by'> {
  /**
   * The tables one output publishes, each the segment fields it is broken
   * down by, for example `[['institution'], ['institution', 'group'], ['group']]`.
   * The total is always published with them (unless it is itself too small).
   */
  readonly tables: readonly (readonly string[])[];
}

/** The total and the tables of one output, under one suppression pattern. */
export interface ProtectedBreakdownsResult {
  /** The index of all respondents, or `null` when the whole study has fewer than `minGroupSize`. */
  readonly total: SatisfactionIndexResult | null;
  /** The NPS of all respondents, when there is a recommend item (and the total is published). */
  readonly totalNps?: NetPromoterScoreResult;
  /** The respondents in all, or `null` when the total is suppressed. */
  readonly n: number | null;
  /** The disclosure threshold used. */
  readonly minGroupSize: number;
  /** One breakdown per entry of `tables`, in order; their suppressed groups form one pattern. */
  readonly tables: readonly BreakdownResult[];
}

/**
 * Several breakdowns of one survey published together (and the total beside
 * them), with one suppression pattern that holds across all of them: no
 * suppressed group can be recovered by differencing one table against
 * another or against the total.
 *
 * @remarks
 * Tables published side by side are linked: the groups of each table add up
 * to the total; a group of a coarser table is the sum of its subgroups in a
 * finer one (institution A = A × parents + A × teachers); a cross-table adds
 * up to each of its margins; and any two tables agree on the margins of
 * their common fields. Protecting each table alone lets a hidden group be
 * recovered by subtraction across them — institution A published with
 * n = 40 and A × parents with n = 37 give A × teachers = 3. Cell suppression
 * in linked tables (Hundepool et al. 2012, *Statistical Disclosure Control*,
 * Wiley, ch. 4; the linked-tables approach of τ-ARGUS) protects them jointly:
 *
 * 1. primary suppression: every group with n < k (`minGroupSize`, default 5),
 *    and every group of a study whose total is below k;
 * 2. complementary suppression, iterated to a fixpoint over every linear
 *    relation above: in each relation either no group is hidden, or the
 *    hidden groups are two or more and hold at least k respondents together
 *    (else its smallest published group is hidden too);
 * 3. an exact check: with the hidden n's as unknowns and the relations as
 *    equations, integer Gaussian elimination finds every unknown the
 *    published numbers determine uniquely; while one is, a further group
 *    of a relation it is in is hidden, and steps 2–3 repeat.
 *
 * A group hidden in step 2 or 3 is `complementary` when it protects a group
 * of its own table against the total, `linked-table` when the relation spans
 * two tables. Groups nobody answered (`no-answers`) are unknowns but need no
 * protection of their own. The guarantee is that no hidden n (and so no
 * hidden weighted sum) is determined exactly by the published ones; narrower
 * bounds that follow from counts being positive integers (τ-ARGUS's
 * protection intervals, which need linear programming) are not checked.
 *
 * @param responses - a `ResponseSet` or {@link SurveyData} with the segment fields
 * @param options - the tables, threshold and index options
 * @returns the total and one breakdown per table
 * @throws `EduQualityError` `invalid-argument` for unknown option keys or invalid option values (naming the option path, such as `options.tables[1][0]`), unknown segment fields or items; `invalid-input` when two values of a field print the same; `insufficient-data` when the whole sample has no answer
 *
 * @example
 * ```ts
 * const survey = {
 *   items: [{ id: 'q', values: Array.from({ length: 40 }, (_, i) => 1 + (i % 5)), min: 1, max: 5 }],
 *   segments: {
 *     school: Array.from({ length: 40 }, (_, i) => (i < 20 ? 'a' : 'b')),
 *     group: Array.from({ length: 40 }, (_, i) => (i < 17 || i >= 30 ? 'parent' : 'teacher')),
 *   },
 * };
 * // a × teacher has 3 respondents; a (20) minus a × parent (17) would give it away.
 * const r = protectedBreakdowns(survey, { tables: [['school'], ['school', 'group']] });
 * r.tables[0].groups.map((g) => [g.label, g.suppressed ? g.reason : g.n]); // => [['a', 20], ['b', 20]]
 * const cross = r.tables[1].groups.map((g) => [g.label, g.suppressed ? g.reason : g.n]);
 * cross.slice(0, 2); // => [['b / parent', 10], ['b / teacher', 10]]
 * cross.slice(2); // => [['a / parent', 'linked-table'], ['a / teacher', 'below-minimum']]
 * ```
 */
export function protectedBreakdowns(
  responses: SurveyInput,
  options: ProtectedBreakdownsOptions,
): ProtectedBreakdownsResult {
  const tables = checkBreakdownOptions(options, FN, true);
  // The index options alone, for the tables' accumulators (which take `by`, not `tables`).
  const rest: Omit<BreakdownOptions, 'by'> = { ...options };
  delete (rest as { tables?: unknown }).tables;
  const k = options.minGroupSize ?? 5;
  return withSurvey(responses, FN, (view) => {
    const summaries = tables.map((by) => breakdownSummary(responses, view, rest, by));
    const out = publishTables(summaries, k, FN);
    return {
      total: out.total,
      ...(out.totalNps === undefined ? {} : { totalNps: out.totalNps }),
      n: out.total === null ? null : out.n,
      minGroupSize: k,
      tables: out.tables,
    };
  });
}
