/**
 * One share in a NOK survey indicator: the respondents who answered `yes` to
 * `satisfied`, out of those who answered `yes` to `base` (a filter question),
 * or out of all respondents when `base` is absent.
 */
export interface NokIndicatorTerm {
  /** The question whose `yes` counts as satisfied. */
  readonly satisfied: string;
  /** The filter question whose `yes` makes the denominator; absent for all respondents. */
  readonly base?: string;
}

/** The survey indicators of the NOK method for education. */
export type NokSurveyIndicator =
  'П1.3' | 'П2.3' | 'П3.3' | 'П4.1' | 'П4.2' | 'П4.3' | 'П5.1' | 'П5.2' | 'П5.3';

/**
 * The question-to-indicator mapping of {@link nokEducationQuestionnaire}:
 * for each survey indicator of the NOK method, the shares it is made of.
 *
 * @remarks
 * An indicator is the mean of its terms' shares, times 100 (Order 344n of
 * 31.05.2018). Only П1.3 has two terms, stands and website:
 * П1.3 = (q2 / q1 + q4 / q3) × 0.5 × 100, where each question stands for the
 * number of `yes` answers. The others are one share each: П2.3 comfort
 * q5 / all; П3.3 accessibility q7 / q6; П4.1 first contact q8 / all; П4.2
 * service staff q9 / all; П4.3 remote contact q11 / q10; П5.1 would
 * recommend q12 / all; П5.2 organisational conditions q13 / all; П5.3
 * overall q14 / all. The audit indicators (П1.1, П1.2, П2.1, П3.1, П3.2)
 * come from the checklist, not from the survey; see
 * {@link nokEducationAuditChecklist}.
 *
 * @example
 * ```ts
 * nokEducationIndicatorMap['П1.3']; // => [{ satisfied: 'q2', base: 'q1' }, { satisfied: 'q4', base: 'q3' }]
 * nokEducationIndicatorMap['П5.3']; // => [{ satisfied: 'q14' }]
 * // The worked example of the method: 141 of 150 and 108 of 120 give П1.3 = 92.
 * const counts: Record<string, number> = { q1: 150, q2: 141, q3: 120, q4: 108 };
 * const terms = nokEducationIndicatorMap['П1.3'];
 * const p13 = (terms.reduce((sum, term) => sum + (counts[term.satisfied] ?? 0) / (counts[term.base ?? ''] ?? 1), 0) / terms.length) * 100; // => 92
 * ```
 */
export const nokEducationIndicatorMap: Readonly<
  Record<NokSurveyIndicator, readonly NokIndicatorTerm[]>
> = {
  'П1.3': [
    { satisfied: 'q2', base: 'q1' },
    { satisfied: 'q4', base: 'q3' },
  ],
  'П2.3': [{ satisfied: 'q5' }],
  'П3.3': [{ satisfied: 'q7', base: 'q6' }],
  'П4.1': [{ satisfied: 'q8' }],
  'П4.2': [{ satisfied: 'q9' }],
  'П4.3': [{ satisfied: 'q11', base: 'q10' }],
  'П5.1': [{ satisfied: 'q12' }],
  'П5.2': [{ satisfied: 'q13' }],
  'П5.3': [{ satisfied: 'q14' }],
};
