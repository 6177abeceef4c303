import { lt, ru } from '@edu-quality/calendar';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_SERVICES } from './example-services.js';
import { serviceDueDate } from './service-due-date.js';

describe('serviceDueDate', () => {
  it('counts the service processing time on the given calendar', () => {
    // Certificate of studies: 5 working days. Received Thu 2026-12-23 in Vilnius; day 1 is
    // Mon 28 Dec (24–26 Dec holidays, 27 Sunday), 29, 30, 31 → 4; Fri 1 Jan 2027 holiday,
    // 2–3 Jan weekend, Mon 4 Jan → 5.
    const result = serviceDueDate(EXAMPLE_SERVICES[1]!, '2026-12-23T10:00:00+02:00', {
      calendar: lt,
    });
    expect(result.dueOn).toBe('2027-01-04');
  });
  it('passes pauses, extensions and the time zone on', () => {
    const result = serviceDueDate(EXAMPLE_SERVICES[2]!, '2026-09-07T09:00:00+03:00', {
      calendar: lt,
      extensions: [{ amount: 10, unit: 'working-days' }],
    });
    // 20 working days → Mon 5 Oct; +10 → Mon 19 Oct (hand count in the calendar tests).
    expect(result.dueOn).toBe('2026-10-19');
    expect(serviceDueDate(EXAMPLE_SERVICES[2]!, '2026-01-08', { calendar: ru }).receivedOn).toBe(
      '2026-01-08',
    );
  });
  it('refuses a missing calendar and names an unknown option', () => {
    const complaint = EXAMPLE_SERVICES[2]!;
    // A JavaScript caller without the calendar: a clear error, not a TypeError.
    const none = {} as unknown as Parameters<typeof serviceDueDate>[2];
    expect(() => serviceDueDate(complaint, '2026-09-07', none)).toThrow(
      /serviceDueDate: options\.calendar must be a WorkingCalendar/,
    );
    const misspelt = { calendar: lt, extension: [] } as unknown as Parameters<
      typeof serviceDueDate
    >[2];
    expect(() => serviceDueDate(complaint, '2026-09-07', misspelt)).toThrow(
      /options\.extension is not an option/,
    );
  });
});
