import type { Issue } from '@edu-quality/core';
import type { ResponseSet } from '@edu-quality/questionnaire';
import { fail } from './internal/fail.js';
import {
  countConditionalYes,
  countYes,
  type ConditionalColumn,
  type YesColumn,
} from './internal/nok/count-yes.js';
import type { NokCountKey } from './nok-profiles.js';

/**
 * The survey counts of one organisation: how many respondents answered "yes"
 * to each NOK question (see {@link NokCountKey}).
 *
 * @remarks
 * A satisfaction count behind a filter (satisfied with the stands, the site,
 * accessibility, remote politeness) counts only respondents who also said yes
 * to the filter, so it never exceeds its denominator.
 * `waitingSatisfied` is needed only by the health and social profiles.
 */
export type NokSurveyCounts = Readonly<Record<Exclude<NokCountKey, 'waitingSatisfied'>, number>> & {
  readonly waitingSatisfied?: number;
};

/**
 * Which question answers which count: a map from {@link NokCountKey} to a
 * question id. Regional operators reword and merge questions, so the mapping
 * is data.
 */
export type NokQuestionMap = Readonly<Partial<Record<Exclude<NokCountKey, 'respondents'>, string>>>;

/**
 * The default question-to-count mapping of the education NOK questionnaire
 * (after Order 675n): `q1` … `q14` as numbered in the method document (`q15`
 * is the free-text proposals question and scores nothing).
 *
 * @remarks
 * Q1 used the stands → Q2 satisfied; Q3 used the site → Q4 satisfied; Q5
 * comfort; Q6 has a disability group → Q7 satisfied with accessibility; Q8,
 * Q9 politeness; Q10 used remote channels → Q11 remote politeness; Q12 would
 * recommend; Q13 organisational conditions; Q14 satisfied overall. Source:
 * `methods/nok-344n.md`. The waiting-time count of the health and social
 * profiles has no question here.
 *
 * @example
 * ```ts
 * NOK_DEFAULT_QUESTION_MAP.standsSatisfied; // => 'q2'
 * NOK_DEFAULT_QUESTION_MAP.overallSatisfied; // => 'q14'
 * ```
 */
export const NOK_DEFAULT_QUESTION_MAP: NokQuestionMap = {
  standsUsed: 'q1',
  standsSatisfied: 'q2',
  siteUsed: 'q3',
  siteSatisfied: 'q4',
  comfortSatisfied: 'q5',
  disability: 'q6',
  accessibilitySatisfied: 'q7',
  firstContactPolite: 'q8',
  serviceStaffPolite: 'q9',
  remoteUsed: 'q10',
  remotePolite: 'q11',
  recommend: 'q12',
  conditionsSatisfied: 'q13',
  overallSatisfied: 'q14',
};

/**
 * The filter question of each conditional count: a "yes" to the conditional
 * question counts only when the filter was answered "yes".
 *
 * @example
 * ```ts
 * NOK_FILTERS.accessibilitySatisfied; // => 'disability'
 * ```
 */
export const NOK_FILTERS: Readonly<Partial<Record<NokCountKey, NokCountKey>>> = {
  standsSatisfied: 'standsUsed',
  siteSatisfied: 'siteUsed',
  accessibilitySatisfied: 'disability',
  remotePolite: 'remoteUsed',
};

/**
 * Every count key, in a fixed order (the layout of the accumulator's arrays).
 *
 * @example
 * ```ts
 * NOK_COUNT_KEYS[0]; // => 'respondents'
 * NOK_COUNT_KEYS.includes('standsSatisfied'); // => true
 * ```
 */
export const NOK_COUNT_KEYS: readonly NokCountKey[] = [
  'respondents',
  'standsUsed',
  'standsSatisfied',
  'siteUsed',
  'siteSatisfied',
  'comfortSatisfied',
  'disability',
  'accessibilitySatisfied',
  'firstContactPolite',
  'serviceStaffPolite',
  'remoteUsed',
  'remotePolite',
  'recommend',
  'conditionsSatisfied',
  'overallSatisfied',
  'waitingSatisfied',
];

const KEY_INDEX = new Map<NokCountKey, number>(NOK_COUNT_KEYS.map((k, i) => [k, i]));
const WIDTH = NOK_COUNT_KEYS.length;
const RESPONDENTS = 0;

const YES = new Set(['yes', 'y', 'да', 'д', 'true', '1', 'taip', 'ja', 'oui', 'si', 'sí', 'tak']);
const NO = new Set(['no', 'n', 'нет', 'н', 'false', '0', 'ne', 'nein', 'non', 'nie']);

/**
 * Reads a yes/no answer written by a person or a survey tool: «Да», «да»,
 * "Yes", "yes", "y", "true", "1" are yes; «Нет», "No", "n", "false", "0" are
 * no; an empty or unknown answer is `null`.
 *
 * @remarks
 * Case, surrounding spaces and quotation marks (« », " ") are ignored. On a
 * `ResponseSet` read with the NOK questionnaire the answers are already the
 * option codes `yes` / `no`; this helper is for raw strings such as
 * hand-made CSV audits and count sheets. Source: `methods/nok-344n.md`
 * ("«Да», «да» and "Yes" all count as yes").
 *
 * @param value - the raw answer
 * @returns `true` for yes, `false` for no, `null` when the answer is empty or not a yes/no
 *
 * @example
 * ```ts
 * normaliseYesNo('«Да»'); // => true
 * normaliseYesNo(' Yes '); // => true
 * normaliseYesNo('нет'); // => false
 * normaliseYesNo('maybe'); // => null
 * ```
 */
export function normaliseYesNo(value: string | null | undefined): boolean | null {
  if (value === null || value === undefined) return null;
  const s = value
    .trim()
    .replace(/^["'«“„]+|["'»”“]+$/g, '')
    .trim()
    .toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return null;
}

/**
 * Adds the counts of one organisation, laid out as {@link NOK_COUNT_KEYS}
 * from `counts[at]`, without checks: for the CSV counter's merge, which made
 * them (not exported from the package). `waitingSatisfied` must be 0 unless
 * the accumulator has the waiting count.
 */
export let addCountRow: (
  accumulator: NokSurveyAccumulator,
  organisation: string,
  counts: Float64Array,
  at: number,
) => void;

/** Answers of one respondent, by count key: booleans or raw yes/no strings. */
export type NokAnswers = Readonly<
  Partial<Record<Exclude<NokCountKey, 'respondents'>, boolean | string | null>>
>;

/** Options of {@link NokSurveyAccumulator.addResponses}. */
export interface NokResponsesOptions {
  /** The id of the `single` question holding the organisation. Default `organisation`. */
  readonly organisationField?: string;
  /** Which question answers which count. Default {@link NOK_DEFAULT_QUESTION_MAP}. */
  readonly questionMap?: NokQuestionMap;
}

function isYes(value: boolean | string | null | undefined): boolean {
  return typeof value === 'string' ? normaliseYesNo(value) === true : value === true;
}

/**
 * A mergeable accumulator of NOK survey counts per organisation: `add`
 * respondents one at a time, `addResponses` of a `ResponseSet`, `addCounts`
 * from a count sheet, `merge` shards, and read the `result`.
 *
 * @remarks
 * The counts are integers that add, so shards merged in any order give
 * exactly the counts of one pass. A conditional answer counts only after a
 * "yes" to its filter ({@link NOK_FILTERS}). A respondent counts in
 * `respondents` whatever they answered, as the method divides by all
 * respondents (`methods/nok-344n.md`).
 *
 * @example
 * ```ts
 * const a = new NokSurveyAccumulator();
 * a.add('school-1', { standsUsed: 'Да', standsSatisfied: 'да', overallSatisfied: true });
 * a.add('school-1', { standsUsed: 'нет', standsSatisfied: 'да' });
 * const b = new NokSurveyAccumulator().add('school-1', { recommend: 'Yes' });
 * const counts = a.merge(b).result().get('school-1');
 * counts?.respondents; // => 3
 * counts?.standsSatisfied; // => 1
 * counts?.recommend; // => 1
 * ```
 */
export class NokSurveyAccumulator {
  static {
    addCountRow = (accumulator, organisation, counts, at) => {
      const row = accumulator.#row(organisation);
      for (let k = 0; k < WIDTH; k++) row[k]! += counts[at + k]!;
    };
  }

  readonly #counts = new Map<string, Float64Array>();
  readonly #issues: Issue[] = [];
  // Whether any input carried the waiting-time count (health and social
  // profiles): without it the count is left out of the result rather than
  // read as 0 satisfied.
  #hasWaiting = false;

  #row(organisation: string): Float64Array {
    let row = this.#counts.get(organisation);
    if (row === undefined) {
      row = new Float64Array(WIDTH);
      this.#counts.set(organisation, row);
    }
    return row;
  }

  /**
   * Adds one respondent of an organisation.
   *
   * @param organisation - the organisation id
   * @param answers - the answers by count key; strings are read with {@link normaliseYesNo}
   * @returns this accumulator
   */
  add(organisation: string, answers: NokAnswers): this {
    const row = this.#row(organisation);
    row[RESPONDENTS]!++;
    if ('waitingSatisfied' in answers) this.#hasWaiting = true;
    for (const [key, value] of Object.entries(answers) as [
      NokCountKey,
      boolean | string | null,
    ][]) {
      const index = KEY_INDEX.get(key);
      if (index === undefined || index === RESPONDENTS) continue;
      if (typeof value === 'string' && value.trim() !== '' && normaliseYesNo(value) === null) {
        // Never a respondent's words in a message: only where the answer was.
        this.#issues.push({
          code: 'nok-unreadable-answer',
          message: `${organisation}: an answer to ${key} is neither yes nor no and was not counted as yes`,
          path: [organisation, key],
        });
      }
      if (!isYes(value)) continue;
      const filter = NOK_FILTERS[key];
      if (filter !== undefined && !isYes(answers[filter as keyof NokAnswers])) continue;
      row[index]!++;
    }
    return this;
  }

  /**
   * Adds the counts of a count sheet (already aggregated answers).
   *
   * @param organisation - the organisation id
   * @param counts - counts by key; missing keys add 0
   * @returns this accumulator
   * @throws `EduQualityError` `invalid-argument` when a count is not a non-negative integer or a key is not a count key
   */
  addCounts(organisation: string, counts: Readonly<Partial<Record<NokCountKey, number>>>): this {
    const row = this.#row(organisation);
    for (const [key, value] of Object.entries(counts) as [NokCountKey, number][]) {
      const index = KEY_INDEX.get(key);
      if (index === undefined) {
        fail(
          'invalid-argument',
          'NokSurveyAccumulator.addCounts',
          `counts.${key} is not a count key (known: ${NOK_COUNT_KEYS.join(', ')})`,
        );
      }
      if (!(Number.isInteger(value) && value >= 0)) {
        fail(
          'invalid-argument',
          'NokSurveyAccumulator.addCounts',
          `${key} must be a non-negative integer, got ${value}`,
        );
      }
      row[index]! += value;
    }
    if ('waitingSatisfied' in counts) this.#hasWaiting = true;
    return this;
  }

  /**
   * Counts the "yes" answers of a `ResponseSet` read with the NOK
   * questionnaire, per organisation.
   *
   * @remarks
   * Each mapped question must be a `single` column; its dictionary entries
   * are read with {@link normaliseYesNo} once, so `yes`, `Да` and `Yes` all
   * count. Rows without an organisation are skipped and reported in
   * {@link NokSurveyAccumulator.issues}.
   *
   * @param responses - the responses
   * @param options - the organisation field and the question map
   * @returns this accumulator
   * @throws `EduQualityError` `invalid-argument` when the organisation field or a mapped question is missing or is not a `single` column
   */
  addResponses(responses: ResponseSet, options: NokResponsesOptions = {}): this {
    const fn = 'NokSurveyAccumulator.addResponses';
    const field = options.organisationField ?? 'organisation';
    const map = options.questionMap ?? NOK_DEFAULT_QUESTION_MAP;
    const orgColumn = responses.columns.get(field);
    if (orgColumn?.kind !== 'category') {
      fail(
        'invalid-argument',
        fn,
        `the organisation field "${field}" must be a single-choice column`,
      );
    }
    const size = responses.size;
    const orgCodes = orgColumn.codes;
    const orgRows = orgColumn.dictionary.map((org) => this.#row(org));
    const orgCount = orgRows.length;
    // Counts are kept per organisation code shifted by one: rows without an
    // organisation (code -1) land in slot 0, so the loops below need no branch.
    const tally = new Int32Array(orgCount + 1);
    for (let i = 0; i < size; i++) tally[orgCodes[i]! + 1]!++;
    const skipped = tally[0]!;
    for (let o = 0; o < orgCount; o++) orgRows[o]![RESPONDENTS]! += tally[o + 1]!;
    if (skipped > 0) {
      this.#issues.push({
        code: 'nok-no-organisation',
        message: `${skipped} response(s) name no organisation and were not counted`,
        field,
      });
    }
    const columnOf = (id: string): YesColumn => {
      const column = responses.columns.get(id);
      if (column?.kind !== 'category') {
        fail('invalid-argument', fn, `question "${id}" must be a single-choice (yes/no) column`);
      }
      // One normaliseYesNo per dictionary entry, so «Да», "Yes" and "yes" all
      // count; shifted by one like the organisations, so a missing answer
      // (code -1) reads slot 0, which is 0 (not yes).
      const dictionary = column.dictionary;
      const yes = new Uint8Array(dictionary.length + 1);
      let unreadable = 0;
      for (let c = 0; c < dictionary.length; c++) {
        const answer = normaliseYesNo(dictionary[c]);
        if (answer === true) yes[c + 1] = 1;
        else if (answer === null) unreadable++;
      }
      if (unreadable > 0) {
        this.#issues.push({
          code: 'nok-unreadable-answer',
          message: `question ${id}: ${unreadable} answer code(s) are neither yes nor no and are not counted as yes`,
          field: id,
        });
      }
      return { codes: column.codes, yes };
    };
    if (map.waitingSatisfied !== undefined) this.#hasWaiting = true;
    const mapped = new Map<NokCountKey, YesColumn>();
    for (const [key, id] of Object.entries(map) as [NokCountKey, string | undefined][]) {
      if (id !== undefined && KEY_INDEX.has(key)) mapped.set(key, columnOf(id));
    }
    // Resolved and checked first, so that a bad map fails before any counting.
    const plainKeys: number[] = [];
    const plain: YesColumn[] = [];
    const conditionalKeys: number[] = [];
    const conditional: ConditionalColumn[] = [];
    for (const [key, column] of mapped) {
      const filterKey = NOK_FILTERS[key];
      if (filterKey === undefined) {
        plainKeys.push(KEY_INDEX.get(key)!);
        plain.push(column);
        continue;
      }
      const filter = mapped.get(filterKey);
      if (filter === undefined) {
        fail(
          'invalid-argument',
          fn,
          `"${key}" is conditional on "${filterKey}", which the question map leaves out`,
        );
      }
      conditionalKeys.push(KEY_INDEX.get(key)!);
      conditional.push({ ...column, filter });
    }
    // Column-wise passes over the Int32Array codes, with byte lookups for yes
    // (see internal/nok/count-yes.ts); the per-organisation rows are touched
    // once per organisation, not once per respondent.
    for (const [keys, counts] of [
      [plainKeys, countYes(orgCodes, size, orgCount, plain)],
      [conditionalKeys, countConditionalYes(orgCodes, size, orgCount, conditional)],
    ] as const) {
      const width = keys.length;
      for (let o = 0; o < orgCount; o++) {
        const row = orgRows[o]!;
        for (let k = 0; k < width; k++) row[keys[k]!]! += counts[o * width + k]!;
      }
    }
    return this;
  }

  /**
   * Merges another accumulator into this one.
   *
   * @param other - an accumulator over other respondents
   * @returns this accumulator
   */
  merge(other: NokSurveyAccumulator): this {
    for (const [org, row] of other.#counts) {
      const mine = this.#row(org);
      for (let k = 0; k < WIDTH; k++) mine[k]! += row[k]!;
    }
    this.#issues.push(...other.#issues);
    if (other.#hasWaiting) this.#hasWaiting = true;
    return this;
  }

  /**
   * The problems met while counting: responses without an organisation
   * (`nok-no-organisation`), answers that are neither yes nor no
   * (`nok-unreadable-answer`).
   */
  get issues(): readonly Issue[] {
    return this.#issues;
  }

  /**
   * The counts per organisation, in the order the organisations were met.
   * `waitingSatisfied` is present only when some input carried it.
   *
   * @returns a map from organisation id to its counts
   */
  result(): ReadonlyMap<string, NokSurveyCounts> {
    const out = new Map<string, NokSurveyCounts>();
    for (const [org, row] of this.#counts) {
      const counts: Record<string, number> = {};
      NOK_COUNT_KEYS.forEach((k, i) => {
        if (k !== 'waitingSatisfied' || this.#hasWaiting) counts[k] = row[i]!;
      });
      out.set(org, counts as NokSurveyCounts);
    }
    return out;
  }
}
