import type { Issue } from '@edu-quality/core';
import type { Item } from './items.js';
import type { Questionnaire } from './schema.js';

/**
 * The code stored for an unanswered scale, rating or NPS item in a {@link ScaleColumn}.
 *
 * @example
 * ```ts
 * const responses = readResponsesSync(parseQuestionnaire({ id: 'q', version: '1', title: { en: 'Q' }, locales: ['en'], defaultLocale: 'en', sections: [{ id: 's', title: { en: 'S' }, questions: [{ id: 'nps', kind: 'nps', text: { en: 'Recommend?' } }] }] }), 'id,nps\n1,9\n2,\n');
 * const column = responses.columns.get('nps');
 * column?.kind === 'scale' ? Array.from(column.values) : []; // => [9, SCALE_MISSING]
 * ```
 */
export const SCALE_MISSING = 255;

/**
 * The code stored for a "not applicable / don't know" answer in a {@link ScaleColumn}.
 * It is an answer, but never a score.
 *
 * @example
 * ```ts
 * const scale = { points: [1, 2, 3].map((value) => ({ value, label: { en: String(value) } })), notApplicable: { value: 9, label: { en: "Don't know" } } };
 * const q = parseQuestionnaire({ id: 'q', version: '1', title: { en: 'Q' }, locales: ['en'], defaultLocale: 'en', sections: [{ id: 's', title: { en: 'S' }, questions: [{ id: 'a', kind: 'scale', scale, text: { en: 'A' } }] }] });
 * const column = readResponsesSync(q, "a\n3\nDon't know\n").columns.get('a');
 * column?.kind === 'scale' ? Array.from(column.values) : []; // => [3, SCALE_NOT_APPLICABLE]
 * ```
 */
export const SCALE_NOT_APPLICABLE = 254;

/**
 * The code stored for an unanswered question in a {@link CategoryColumn}.
 *
 * @example
 * ```ts
 * const options = [{ value: 'a', label: { en: 'A' } }];
 * const q = parseQuestionnaire({ id: 'q', version: '1', title: { en: 'Q' }, locales: ['en'], defaultLocale: 'en', sections: [{ id: 's', title: { en: 'S' }, questions: [{ id: 'school', kind: 'single', options, text: { en: 'School' } }] }] });
 * const column = readResponsesSync(q, 'id,school\n1,a\n2,\n').columns.get('school');
 * column?.kind === 'category' ? Array.from(column.codes) : []; // => [0, CATEGORY_MISSING]
 * ```
 */
export const CATEGORY_MISSING = -1;

/**
 * The answers to one scale, rating or NPS item: one byte per respondent.
 *
 * @remarks
 * `values[i]` is the answer code of accepted row `i`: a score code between
 * `min` and `max`, {@link SCALE_NOT_APPLICABLE} for "not applicable / don't
 * know", or {@link SCALE_MISSING}. A missing answer is never 0.
 */
export interface ScaleColumn {
  /** Discriminant. */
  readonly kind: 'scale';
  /** The item id. */
  readonly id: string;
  /** The lowest score code. */
  readonly min: number;
  /** The highest score code. */
  readonly max: number;
  /** One code per accepted row. */
  readonly values: Uint8Array;
}

/**
 * The answers to one `single` item, dictionary-encoded: `codes[i]` indexes
 * `dictionary`, or is {@link CATEGORY_MISSING}.
 */
export interface CategoryColumn {
  /** Discriminant. */
  readonly kind: 'category';
  /** The item id. */
  readonly id: string;
  /** The distinct answer codes: the declared options first, in order, then unlisted codes as met. */
  readonly dictionary: readonly string[];
  /** One dictionary index per accepted row. */
  readonly codes: Int32Array;
}

/**
 * The answers to one `multi` item: for each option a byte per respondent, 1
 * when selected, 0 when not, {@link SCALE_MISSING} when the question was not
 * answered.
 */
export interface MultiColumn {
  /** Discriminant. */
  readonly kind: 'multi';
  /** The item id. */
  readonly id: string;
  /** The option codes, in the questionnaire's order. */
  readonly options: readonly string[];
  /** One array per option, aligned with `options`. */
  readonly selected: readonly Uint8Array[];
}

/** The answers to one `number` item; `NaN` marks a missing answer. */
export interface NumberColumn {
  /** Discriminant. */
  readonly kind: 'number';
  /** The item id. */
  readonly id: string;
  /** One value per accepted row. */
  readonly values: Float64Array;
}

/**
 * The answers to one open-text item, kept apart from the numeric columns and
 * stored sparsely: only the rows that answered.
 */
export interface TextColumn {
  /** Discriminant. */
  readonly kind: 'text';
  /** The item id. */
  readonly id: string;
  /** The accepted-row indices that answered, ascending. */
  readonly rows: Uint32Array;
  /** The answers, aligned with `rows`, as written by the respondent. */
  readonly values: readonly string[];
}

/** A column of a {@link ResponseSet}. */
export type ResponseColumn = ScaleColumn | CategoryColumn | MultiColumn | NumberColumn | TextColumn;

/** The counts of a read: the invariant is `accepted + rejected = read`. */
export interface ResponseCounts {
  /** Data rows read (the header not counted). */
  readonly read: number;
  /** Rows stored in the set. */
  readonly accepted: number;
  /** Rows refused under the `onInvalid` policy. */
  readonly rejected: number;
  /** Answers dropped from accepted rows under `onInvalid: 'drop-answer'`. */
  readonly droppedAnswers: number;
}

/**
 * Survey responses in columnar form, as {@link readResponses} builds them.
 *
 * @remarks
 * Each item of the questionnaire has a column, keyed by item id. Scale,
 * rating and NPS answers take one byte each; segments are dictionary-encoded;
 * weights are a `Float64Array`; open text is kept apart. The issues found
 * while reading, and the counts of rows read, accepted and rejected, travel
 * with the data.
 */
export interface ResponseSet {
  /** The questionnaire the responses answer. */
  readonly questionnaire: Questionnaire;
  /** The items of the questionnaire, in order (see {@link listItems}). */
  readonly items: readonly Item[];
  /** The number of accepted rows: the length of every column. */
  readonly size: number;
  /** The columns, by item id. */
  readonly columns: ReadonlyMap<string, ResponseColumn>;
  /** The respondent weights, when a weight column was read. */
  readonly weights?: Float64Array;
  /** The respondent ids, when an id column was read. */
  readonly ids?: readonly string[];
  /** The 1-based source row (header = row 1) of each accepted row, for tracing an answer back. */
  readonly sourceRows: Uint32Array;
  /** Rows read, accepted and rejected. */
  readonly counts: ResponseCounts;
  /** Every problem found while reading, with its row and column. */
  readonly issues: readonly Issue[];
  /**
   * What was read correctly but deserves a look, with its row and column:
   * look-alike spellings of an answer read as one (`merged-spellings`, one
   * per item and answer, with the count of answers), and repeated respondent
   * ids kept under `duplicateIds: 'keep'` (`duplicate-id`). Absent in sets
   * not built by {@link readResponses}.
   */
  readonly notices?: readonly Issue[];
}
