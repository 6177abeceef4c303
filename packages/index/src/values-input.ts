import type { CategoryColumn, ScaleColumn } from '@edu-quality/questionnaire';

/**
 * The answers a statistics function reads: plain numbers (`null`,
 * `undefined` or `NaN` for no answer), or a `ScaleColumn` of a `ResponseSet`,
 * whose "missing" (255) and "not applicable" (254) codes are not answers.
 */
export type ValuesInput = ArrayLike<number | null | undefined> | ScaleColumn;

/**
 * Segment or stratum labels, one per respondent: plain strings (`null` or
 * `undefined` for no answer), or a `CategoryColumn` of a `ResponseSet`
 * (code −1 is no answer).
 */
export type CategoriesInput = ArrayLike<string | null | undefined> | CategoryColumn;
