/**
 * The longest span, in days, that the calendar functions count: 3,660 days,
 * ten years and a little more.
 *
 * @remarks
 * `dueDate` refuses a rule, extensions and pauses that would put the due date
 * more than this many calendar days after receipt, and
 * `WorkingCalendar.addWorkingDays` an amount beyond ± this many working days,
 * with an `EduQualityError` of code `out-of-range` naming the argument. No
 * administrative deadline comes near it (the longest in the standards is
 * months), so a larger value is a typing error (`--extend 99999999`), and
 * counting it day by day would take seconds and hundreds of megabytes before
 * giving a meaningless date.
 *
 * @example
 * ```ts
 * MAX_SPAN_DAYS; // => 3660
 * ```
 */
export const MAX_SPAN_DAYS = 3660;
