import { describe, expect, it } from 'vitest';
import { dueDate } from './due-date.js';
import { lt } from './lt.js';
import { ru } from './ru.js';

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
