import { parseEpochDay } from './internal/epoch-day.js';

/**
 * A calendar date without a time or a time zone, written `YYYY-MM-DD`
 * (ISO 8601 extended format), for example `'2026-01-09'`.
 *
 * @remarks
 * Working days are properties of dates, not of instants: 9 January 2026 is a
 * day off in Russia wherever the clock is. Instants (a message received at
 * 23:30) become dates in the institution's time zone only in
 * {@link dueDate}.
 */
export type IsoDate = string;

/**
 * Tells whether a string is a real calendar date written `YYYY-MM-DD`.
 *
 * @param value - the candidate string
 * @returns `true` for an existing date such as `2024-02-29`, `false` for `2023-02-29` or `9.1.2026`
 *
 * @example
 * ```ts
 * isIsoDate('2024-02-29'); // => true
 * isIsoDate('2023-02-29'); // => false
 * ```
 */
export function isIsoDate(value: string): boolean {
  return parseEpochDay(value) !== undefined;
}
