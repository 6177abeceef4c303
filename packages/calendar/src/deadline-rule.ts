import { EduQualityError } from '@edu-quality/core';

/** What a deadline counts: working days of a calendar, or every calendar day. */
export type DeadlineUnit = 'working-days' | 'calendar-days';

/**
 * Where the count of a deadline starts: `receipt` makes the day of receipt
 * day 1; `next-day` makes the following day day 1 (Lithuania's Law on Public
 * Administration and Russia's Federal Law 59-FZ count from the next day).
 */
export type DeadlineStart = 'receipt' | 'next-day';

/**
 * A deadline as a standard states it: "20 working days from the day after
 * receipt", "30 days from registration".
 *
 * @remarks
 * `amount` is a whole number of days, at least 1. For calendar days,
 * `moveOffNonWorkingDay` (default `true`) moves a deadline that falls on a day
 * off to the next working day, as civil codes do (Lithuanian Civil Code art.
 * 1.121, Russian Civil Code art. 193).
 */
export interface DeadlineRule {
  /** How many days. */
  readonly amount: number;
  /** Working days or calendar days. */
  readonly unit: DeadlineUnit;
  /** Where the count starts; defaults to `next-day`. */
  readonly countFrom?: DeadlineStart;
  /** Calendar days only: move a deadline on a day off to the next working day. Defaults to `true`. */
  readonly moveOffNonWorkingDay?: boolean;
}

/**
 * Checks that a deadline rule can be counted: a whole amount of at least one
 * day and a known unit.
 *
 * @param rule - the rule
 * @param fn - the name of the calling function, for the message
 * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` otherwise
 *
 * @example
 * ```ts
 * assertDeadlineRule({ amount: 20, unit: 'working-days' }, 'demo');
 * assertDeadlineRule({ amount: 0, unit: 'working-days' }, 'demo'); // throws
 * ```
 */
export function assertDeadlineRule(rule: DeadlineRule, fn: string): void {
  if (!Number.isInteger(rule.amount) || rule.amount < 1) {
    throw new EduQualityError(
      'invalid-argument',
      `${fn}: a deadline amount must be a whole number of days, at least 1, got ${String(rule.amount)}`,
    );
  }
  if (rule.unit !== 'working-days' && rule.unit !== 'calendar-days') {
    throw new EduQualityError(
      'invalid-argument',
      `${fn}: a deadline unit must be working-days or calendar-days, got ${String(rule.unit)}`,
    );
  }
}
