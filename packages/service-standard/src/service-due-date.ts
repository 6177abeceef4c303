import {
  dueDate,
  type DueDateOptions,
  type DueDateResult,
  type WorkingCalendar,
} from '@edu-quality/calendar';
import { EduQualityError } from '@edu-quality/core';
import type { ServiceStandard } from './service-standard.js';

/** Options of {@link serviceDueDate}: the institution's calendar plus the options of `dueDate`. */
export interface ServiceDueDateOptions extends DueDateOptions {
  /** The working calendar of the institution, for example `lt` or a derived one with its closures. */
  readonly calendar: WorkingCalendar;
}

/**
 * The due date of one request for a service: its `processingTime` counted on
 * the institution's calendar from the moment of receipt.
 *
 * @remarks
 * A thin layer over {@link @edu-quality/calendar!dueDate}: see there for time
 * zones, pauses, extensions and the steps returned.
 *
 * @param service - the service
 * @param receivedAt - when the request was received (a `Date` or an ISO instant)
 * @param options - the calendar, and pauses, extensions or a time zone
 * @returns the due date with the steps counted
 * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` without a calendar, and as `dueDate` does (an unknown option key, a bad pause), `out-of-range` as `dueDate` does
 *
 * @example
 * ```ts
 * import { lt } from '@edu-quality/calendar';
 * const complaint = EXAMPLE_SERVICES[2]!;
 * // Received Mon 7 Sep 2026; 20 working days from Tue 8 Sep (no holidays) end on Mon 5 Oct.
 * serviceDueDate(complaint, '2026-09-07T09:00:00+03:00', { calendar: lt }).dueOn; // => '2026-10-05'
 * ```
 */
export function serviceDueDate(
  service: ServiceStandard,
  receivedAt: Date | string,
  options: ServiceDueDateOptions,
): DueDateResult {
  const { calendar, ...rest } = options;
  // The other options are checked by dueDate, each named with its path.
  // Duck-typed: a calendar from a second copy of the package is no instanceof.
  if (typeof (calendar as Partial<WorkingCalendar> | undefined)?.dayInfo !== 'function') {
    throw new EduQualityError(
      'invalid-argument',
      'serviceDueDate: options.calendar must be a WorkingCalendar (lt, ru or one of your own)',
    );
  }
  return dueDate(receivedAt, service.processingTime, calendar, rest);
}
