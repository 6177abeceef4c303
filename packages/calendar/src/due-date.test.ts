import { EduQualityError } from '@edu-quality/core';
import { describe, expect, it } from 'vitest';
import type { DeadlineRule } from './deadline-rule.js';
import { dueDate, type DueDateOptions } from './due-date.js';
import { lt } from './lt.js';
import { MAX_SPAN_DAYS } from './max-span-days.js';
import { ru } from './ru.js';
import { WorkingCalendar } from './working-calendar.js';

const twentyWorkingDays = Object.freeze({ amount: 20, unit: 'working-days' as const });

describe('dueDate in working days (LT, Law on Public Administration: 20 working days)', () => {
  it('counts from the next day, skipping days off, and explains each step', () => {
    // Hand count from Mon 2026-09-07 (no LT holiday in Sep–Oct 2026): day 1 Tue 8 Sep,
    // 8–11 → 4, 14–18 → 9, 21–25 → 14, 28 Sep–2 Oct → 19, Mon 5 Oct → 20.
    const result = dueDate('2026-09-07T09:00:00+03:00', twentyWorkingDays, lt);
    expect(result.receivedOn).toBe('2026-09-07');
    expect(result.dueOn).toBe('2026-10-05');
    // End of 5 October in Vilnius (EEST, UTC+3).
    expect(result.dueBy.toISOString()).toBe('2026-10-05T20:59:59.999Z');
    expect(result.steps[0]).toMatchObject({ kind: 'received', date: '2026-09-07' });
    expect(result.steps.filter((s) => s.kind === 'counted')).toHaveLength(20);
    // 8 Sep – 5 Oct is 28 days: 20 counted and 8 weekend days skipped.
    expect(result.steps.filter((s) => s.kind === 'skipped')).toHaveLength(8);
    expect(result.steps.at(-1)).toMatchObject({ date: '2026-10-05', kind: 'counted', count: 20 });
  });

  it('stops the clock during a pause', () => {
    // Pause Mon 14 – Fri 18 Sep: the five working days are added back → Mon 12 Oct.
    const options = Object.freeze({
      pauses: Object.freeze([{ from: '2026-09-14', to: '2026-09-18' }]),
    });
    const result = dueDate('2026-09-07T09:00:00+03:00', twentyWorkingDays, lt, options);
    expect(result.dueOn).toBe('2026-10-12');
    expect(result.steps.filter((s) => s.kind === 'paused').map((s) => s.date)).toEqual([
      '2026-09-14',
      '2026-09-15',
      '2026-09-16',
      '2026-09-17',
      '2026-09-18',
    ]);
  });

  it('adds an extension after the deadline (LT complaints: +10 working days)', () => {
    // From 5 Oct: 6–9 → 4, 12–16 → 9, Mon 19 Oct → 10.
    const result = dueDate('2026-09-07T09:00:00+03:00', twentyWorkingDays, lt, {
      extensions: [{ amount: 10, unit: 'working-days', reason: { en: 'complex complaint' } }],
    });
    expect(result.dueOn).toBe('2026-10-19');
    expect(result.steps.find((s) => s.kind === 'extended')).toMatchObject({ date: '2026-10-05' });
  });

  it('counts from receipt when the rule says so, and from Monday for a Saturday receipt', () => {
    expect(
      dueDate('2026-09-07', { amount: 1, unit: 'working-days', countFrom: 'receipt' }, lt).dueOn,
    ).toBe('2026-09-07');
    expect(dueDate('2026-09-05', { amount: 1, unit: 'working-days' }, lt).dueOn).toBe('2026-09-07');
  });
});

describe('dueDate and time zones', () => {
  const oneDay = { amount: 1, unit: 'working-days' as const, countFrom: 'receipt' as const };
  it('takes 23:30 Vilnius time as that day and 00:30 as the next', () => {
    // Vilnius is UTC+2 on 2 March 2026 (summer time starts 29 March).
    expect(dueDate('2026-03-02T21:30:00Z', oneDay, lt).receivedOn).toBe('2026-03-02');
    expect(dueDate(new Date('2026-03-02T22:30:00Z'), oneDay, lt).receivedOn).toBe('2026-03-03');
    // The same instant in a UTC institution is still 2 March.
    expect(dueDate('2026-03-02T22:30:00Z', oneDay, lt, { timeZone: 'UTC' }).receivedOn).toBe(
      '2026-03-02',
    );
  });
  it('takes a string without an offset as local wall time', () => {
    expect(dueDate('2026-03-02T23:30', oneDay, lt).receivedOn).toBe('2026-03-02');
  });
  it('rejects an invalid instant, time zone, rule or pause', () => {
    expect(() => dueDate('yesterday', oneDay, lt)).toThrow(/dueDate/);
    expect(() => dueDate('2026-02-30', oneDay, lt)).toThrow(/dueDate/);
    expect(() => dueDate('2026-03-02', oneDay, lt, { timeZone: 'Nowhere/City' })).toThrow(
      /dueDate/,
    );
    expect(() => dueDate('2026-03-02', { amount: 0, unit: 'working-days' }, lt)).toThrow(/dueDate/);
    expect(() =>
      dueDate('2026-03-02', oneDay, lt, { pauses: [{ from: '2026-03-05', to: '2026-03-04' }] }),
    ).toThrow(/dueDate/);
  });
});

describe('dueDate in calendar days (RU, Federal Law 59-FZ: 30 days)', () => {
  it('moves a deadline that falls on a day off to the next working day', () => {
    // Received Mon 1 Dec 2025 in Moscow; day 1 = 2 Dec, day 30 = 31 Dec 2025, a day off
    // by the 2025 decree (Sun 5 Jan → Wed 31 Dec); then 1–8 Jan holidays, 9 Jan transferred,
    // 10–11 Jan weekend → Mon 12 Jan 2026.
    const result = dueDate('2025-12-01T10:00:00+03:00', { amount: 30, unit: 'calendar-days' }, ru);
    expect(result.steps.filter((s) => s.kind === 'counted').at(-1)).toMatchObject({
      date: '2025-12-31',
      count: 30,
    });
    expect(result.dueOn).toBe('2026-01-12');
    expect(result.steps.at(-1)).toMatchObject({ kind: 'moved', date: '2026-01-12' });
    expect(result.dueBy.toISOString()).toBe('2026-01-12T20:59:59.999Z');
  });
  it('keeps a day off as deadline when told not to move it', () => {
    const result = dueDate(
      '2025-12-01T10:00:00+03:00',
      { amount: 30, unit: 'calendar-days', moveOffNonWorkingDay: false },
      ru,
    );
    expect(result.dueOn).toBe('2025-12-31');
  });
});

describe('dueDate through a year whose acts are not confirmed', () => {
  const tenWorkingDays = Object.freeze({ amount: 10, unit: 'working-days' as const });

  it('says that 2027 on the RU calendar is counted by the statute alone', () => {
    // Hand count from Mon 28 Dec 2026 in Moscow: day 1 Tue 29, day 2 Wed 30 Dec; Thu 31 Dec
    // is off by the 2026 decree; 1–8 Jan 2027 are Labour Code holidays and 9–10 Jan a
    // weekend (no 2027 decree: nothing moved); Mon 11 → 3, … Fri 15 → 7, Mon 18 → 8,
    // Tue 19 → 9, Wed 20 Jan → 10.
    const result = dueDate('2026-12-28T10:00:00+03:00', tenWorkingDays, ru);
    expect(result.dueOn).toBe('2027-01-20');
    expect(result.unconfirmedYears).toEqual([2027]);
    const notes = result.steps.filter((s) => s.kind === 'unconfirmed-year');
    expect(notes).toEqual([
      expect.objectContaining({ date: '2027-01-01', kind: 'unconfirmed-year' }),
    ]);
    expect(notes[0]?.note).toMatch(/no confirmed act for 2027.*statutory rules alone/);
    // The note precedes the first step of 2027 and counts nothing.
    const at = result.steps.findIndex((s) => s.kind === 'unconfirmed-year');
    expect(result.steps[at + 1]?.date).toBe('2027-01-01');
    expect(result.steps.filter((s) => s.kind === 'counted')).toHaveLength(10);
  });

  it('reports every unconfirmed year and none for confirmed ones', () => {
    // 2027 has an unconfirmed table and 2028 none at all: both follow the statute alone.
    const long = dueDate('2027-12-01', { amount: 60, unit: 'working-days' }, ru);
    expect(long.unconfirmedYears).toEqual([2027, 2028]);
    expect(dueDate('2026-03-02', tenWorkingDays, ru).unconfirmedYears).toEqual([]);
    // Lithuanian holidays are fixed by the Labour Code: no yearly act to wait for.
    expect(dueDate('2026-12-28', tenWorkingDays, lt).unconfirmedYears).toEqual([]);
    // A year table that a municipality confirms itself ends the warning.
    const confirmed = ru.with({ years: { '2027': { source: 'decree 2027', confirmed: true } } });
    expect(dueDate('2026-12-28', tenWorkingDays, confirmed).unconfirmedYears).toEqual([]);
  });
});

describe('dueDate bounds and options', () => {
  const oneDay = Object.freeze({ amount: 1, unit: 'working-days' as const });
  const thrown = (run: () => unknown): EduQualityError => {
    try {
      run();
    } catch (error) {
      if (EduQualityError.isInstance(error)) return error;
      throw error;
    }
    throw new Error('did not throw');
  };

  it('refuses at once a span beyond MAX_SPAN_DAYS, naming the option', () => {
    const started = performance.now();
    const extension = thrown(() =>
      dueDate('2026-03-02', oneDay, lt, {
        extensions: [{ amount: 99_999_999, unit: 'working-days' }],
      }),
    );
    // It used to count 99,999,999 days one by one (14 s, 724 MB); the check is arithmetic.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(extension.code).toBe('out-of-range');
    expect(extension.message).toMatch(/^dueDate: options\.extensions: .*3660 days/);
    expect(
      thrown(() => dueDate('2026-03-02', { amount: MAX_SPAN_DAYS + 1, unit: 'calendar-days' }, lt)),
    ).toMatchObject({ code: 'out-of-range', message: expect.stringMatching(/rule\.amount/) });
    expect(
      thrown(() =>
        dueDate('2026-03-02', oneDay, lt, { pauses: [{ from: '2026-03-03', to: '9999-12-31' }] }),
      ),
    ).toMatchObject({
      code: 'out-of-range',
      message: expect.stringMatching(/options\.pauses\[0\]/),
    });
    // Exactly MAX_SPAN_DAYS calendar days is allowed. Hand count: day 1 is 3 March 2026, so
    // day 3660 is 2026-03-02 + 3660 days; 2026-03-02 → 2036-03-02 is 10 × 365 + 3 leap days
    // (29 Feb 2028, 2032, 2036) = 3653 days, + 7 → Sunday 9 March 2036, kept (no move).
    expect(
      dueDate(
        '2026-03-02',
        { amount: MAX_SPAN_DAYS, unit: 'calendar-days', moveOffNonWorkingDay: false },
        lt,
      ).dueOn,
    ).toBe('2036-03-09');
  });

  it('stops a count that never ends on a calendar without working days', () => {
    const never = new WorkingCalendar({
      id: 'never',
      name: { en: 'Never open' },
      timeZone: 'Europe/Vilnius',
      weekend: [1, 2, 3, 4, 5, 6, 7],
      holidays: [],
    });
    expect(thrown(() => dueDate('2026-03-02', oneDay, never))).toMatchObject({
      code: 'out-of-range',
      message: expect.stringMatching(/options\.pauses: .*calendar never/),
    });
  });

  it('names an unknown option or rule key and a wrong value with its path', () => {
    const pause = [{ from: '2026-03-03', to: '2026-03-04' }];
    // @ts-expect-error: a misspelt option, as JavaScript callers write it
    expect(thrown(() => dueDate('2026-03-02', oneDay, lt, { pause })).message).toMatch(
      /options\.pause is not an option/,
    );
    // A misspelt rule key, as JavaScript callers write it.
    const misspelt = { ...oneDay, countfrom: 'receipt' } as DeadlineRule;
    expect(thrown(() => dueDate('2026-03-02', misspelt, lt)).message).toMatch(
      /rule\.countfrom is not an option/,
    );
    expect(
      thrown(() =>
        dueDate('2026-03-02', oneDay, lt, {
          // @ts-expect-error: an extension with a key it does not have
          extensions: [{ amount: 5, unit: 'working-days', why: 'x' }],
        }),
      ).issues[0]?.path,
    ).toEqual(['options.extensions[0]', 'why']);
    // @ts-expect-error: pauses must be a list
    expect(thrown(() => dueDate('2026-03-02', oneDay, lt, { pauses: pause[0] })).message).toMatch(
      /options\.pauses must be an array/,
    );
    // A wrong-typed value.
    const zone = { timeZone: 3 } as unknown as DueDateOptions;
    expect(thrown(() => dueDate('2026-03-02', oneDay, lt, zone)).issues[0]?.path).toEqual([
      'options',
      'timeZone',
    ]);
  });
});
