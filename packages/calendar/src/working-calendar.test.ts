import { EduQualityError } from '@edu-quality/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SPAN_DAYS } from './max-span-days.js';
import type { CalendarDefinition } from './calendar-definition.js';
import { lt } from './lt.js';
import { ru } from './ru.js';
import { WorkingCalendar } from './working-calendar.js';

const plain: CalendarDefinition = Object.freeze({
  id: 'plain',
  name: Object.freeze({ en: 'Saturday/Sunday only' }),
  timeZone: 'UTC',
  holidays: Object.freeze([]),
});

describe('WorkingCalendar arithmetic', () => {
  const cal = new WorkingCalendar(plain);
  it('counts working days after start up to and including end', () => {
    // Hand count: Fri 2026-01-02 → Mon 2026-01-05 has one working day (Mon).
    expect(cal.workingDaysBetween('2026-01-02', '2026-01-05')).toBe(1);
    expect(cal.workingDaysBetween('2026-01-05', '2026-01-05')).toBe(0);
    // Mon 5 Jan → Mon 12 Jan: Tue–Fri and Mon = 5.
    expect(cal.workingDaysBetween('2026-01-05', '2026-01-12')).toBe(5);
    expect(cal.workingDaysBetween('2026-01-12', '2026-01-05')).toBe(-5);
  });
  it('adds working days forwards and backwards', () => {
    expect(cal.addWorkingDays('2026-01-02', 1)).toBe('2026-01-05');
    expect(cal.addWorkingDays('2026-01-05', -1)).toBe('2026-01-02');
    expect(cal.addWorkingDays('2026-01-03', 0)).toBe('2026-01-03');
    expect(() => cal.addWorkingDays('2026-01-03', 1.5)).toThrow(/addWorkingDays/);
  });
  it('finds the next working day, inclusive or not', () => {
    expect(cal.nextWorkingDay('2026-01-03')).toBe('2026-01-05');
    expect(cal.nextWorkingDay('2026-01-05')).toBe('2026-01-06');
    expect(cal.nextWorkingDay('2026-01-05', { inclusive: true })).toBe('2026-01-05');
  });
  it('rejects malformed dates with the function name', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(/isWorkingDay/);
    expect(() => cal.dayInfo('9.1.2026')).toThrow(/dayInfo/);
  });
});

describe('addWorkingDays and workingDaysBetween are inverse (property)', () => {
  // Thirteen years: at most about 3,230 working days apart, within MAX_SPAN_DAYS.
  const dates = fc
    .integer({ min: Date.UTC(2016, 0, 1) / 86_400_000, max: Date.UTC(2028, 11, 31) / 86_400_000 })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
  for (const calendar of [lt, ru]) {
    it(`${calendar.id}: between(d, add(d, n)) = n for working d and any n`, () => {
      fc.assert(
        fc.property(dates, fc.integer({ min: -300, max: 300 }), (date, n) => {
          const start = calendar.nextWorkingDay(date, { inclusive: true });
          return calendar.workingDaysBetween(start, calendar.addWorkingDays(start, n)) === n;
        }),
        { numRuns: 300 },
      );
    });
    it(`${calendar.id}: add(d, between(d, e)) = e for working d and e`, () => {
      fc.assert(
        fc.property(dates, dates, (a, b) => {
          const start = calendar.nextWorkingDay(a, { inclusive: true });
          const end = calendar.nextWorkingDay(b, { inclusive: true });
          return calendar.addWorkingDays(start, calendar.workingDaysBetween(start, end)) === end;
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('custom calendars', () => {
  it('adds closures and extra working days without changing the base', () => {
    const school = lt.with({
      id: 'lt-school-1',
      closures: [{ date: '2026-03-12', reason: { lt: 'Šildymo avarija', en: 'Heating failure' } }],
      extraWorkingDays: [{ date: '2026-03-14', reason: { en: 'Open day' } }],
    });
    expect(school.id).toBe('lt-school-1');
    expect(school.dayInfo('2026-03-12')).toMatchObject({ working: false, kind: 'closure' });
    expect(school.dayInfo('2026-03-14')).toMatchObject({
      working: true,
      kind: 'extra-working-day',
    });
    expect(lt.isWorkingDay('2026-03-12')).toBe(true);
    expect(lt.isWorkingDay('2026-03-14')).toBe(false);
    // Hand count: Wed 11 Mar holiday, Thu 12 closure, Fri 13 working, Sat 14 extra working day.
    expect(school.addWorkingDays('2026-03-10', 2)).toBe('2026-03-14');
  });

  it('overrides a year with a Government transfer (room for LT resolutions)', () => {
    const moved = lt.with({
      years: {
        '2026': {
          source: 'hypothetical Government resolution, for the test',
          confirmed: false,
          transfers: [{ from: '2026-03-14', to: '2026-03-13' }],
        },
      },
    });
    expect(moved.dayInfo('2026-03-13')).toMatchObject({
      working: false,
      kind: 'transferred-day-off',
      relatedDate: '2026-03-14',
    });
    expect(moved.dayInfo('2026-03-14')).toMatchObject({ working: true, kind: 'working-weekend' });
  });

  it('reports every problem of a definition with a path', () => {
    const broken = {
      ...plain,
      timeZone: 'Mars/Olympus',
      holidays: [{ kind: 'fixed', id: 'x', name: { en: 'x' }, month: 13, day: 1 }],
      closures: [{ date: '2026-02-30', reason: { en: 'x' } }],
      years: { '20x6': { source: 's', confirmed: true } },
    } as unknown as CalendarDefinition;
    try {
      new WorkingCalendar(broken);
      expect.unreachable();
    } catch (error) {
      expect(EduQualityError.isInstance(error)).toBe(true);
      const issues = (error as EduQualityError).issues;
      expect(issues.map((i) => i.path)).toEqual([
        ['timeZone'],
        ['holidays', 0, 'month'],
        ['years', '20x6'],
        ['closures', 0, 'date'],
      ]);
    }
  });

  it('supports another weekend and nth-weekday holidays', () => {
    const cal = new WorkingCalendar({
      id: 'fri-sat',
      name: { en: 'Friday–Saturday weekend' },
      timeZone: 'UTC',
      weekend: [5, 6],
      holidays: [
        {
          kind: 'nth-weekday',
          id: 'x',
          name: { en: 'Second Monday of March' },
          month: 3,
          weekday: 1,
          nth: 2,
        },
      ],
    });
    expect(cal.isWorkingDay('2026-01-04')).toBe(true); // a Sunday
    expect(cal.isWorkingDay('2026-01-02')).toBe(false); // a Friday
    expect(cal.dayInfo('2026-03-09').kind).toBe('holiday'); // Mondays of March 2026: 2, 9
  });
});

describe('bounds, confirmed years and options', () => {
  it('refuses at once to add more than MAX_SPAN_DAYS working days', () => {
    const started = performance.now();
    expect(() => lt.addWorkingDays('2026-03-02', 99_999_999)).toThrow(
      expect.objectContaining({ code: 'out-of-range', message: expect.stringMatching(/amount/) }),
    );
    expect(() => lt.addWorkingDays('2026-03-02', -(MAX_SPAN_DAYS + 1))).toThrow(/out|±3660/);
    expect(performance.now() - started).toBeLessThan(1000);
  });
  it('tells which years have confirmed acts', () => {
    // RU_DECREE_TABLES: 2027 is unconfirmed; 2028 has no table, and ru needs one each year.
    expect([2026, 2027, 2028].map((y) => ru.isYearConfirmed(y))).toEqual([true, false, false]);
    expect(lt.isYearConfirmed(2028)).toBe(true);
    expect(() => ru.isYearConfirmed(2026.5)).toThrow(/isYearConfirmed/);
  });
  it('names an unknown option key', () => {
    // @ts-expect-error: a misspelt option
    expect(() => lt.nextWorkingDay('2026-03-02', { inclusiv: true })).toThrow(
      /nextWorkingDay: options\.inclusiv is not an option/,
    );
    // @ts-expect-error: a misspelt override
    expect(() => lt.with({ closure: [{ date: '2026-03-02' }] })).toThrow(
      /with: overrides\.closure is not an option/,
    );
  });
});
