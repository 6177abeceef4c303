import type { ItemRole, ResponseSet } from '@edu-quality/questionnaire';

/**
 * One item of a {@link SurveyData}: its answers and what the index needs to
 * know of it.
 */
export interface SurveyItemData {
  /** The item id. */
  readonly id: string;
  /** One answer per respondent: a number on the scale, `null`/`undefined`/`NaN` for no answer, `'na'` for "not applicable / don't know". */
  readonly values: ArrayLike<number | null | undefined | 'na'>;
  /** The lowest point of the scale. */
  readonly min: number;
  /** The highest point of the scale. */
  readonly max: number;
  /** What the item is for: `satisfaction`, `importance`, `overall`, `recommend`… */
  readonly role?: ItemRole;
  /** The dimension the item measures. */
  readonly dimension?: string;
  /** For an importance item: the satisfaction item it weighs. */
  readonly importanceOf?: string;
}

/**
 * Survey answers as plain arrays, for use without a `ResponseSet`: items,
 * optional weights and optional segment fields, all one entry per respondent.
 */
export interface SurveyData {
  /** The items. */
  readonly items: readonly SurveyItemData[];
  /** Respondent weights, finite and positive. */
  readonly weights?: ArrayLike<number>;
  /** Segment fields (institution, service, respondent group) by name; `null` for no answer. */
  readonly segments?: Readonly<Record<string, ArrayLike<string | null | undefined>>>;
}

/** What the index functions read: a `ResponseSet` from `readResponses`, or {@link SurveyData}. */
export type SurveyInput = ResponseSet | SurveyData;
