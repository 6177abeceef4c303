import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { lt, LT_CALENDAR } from './lt.js';

// Oracle: npm date-holidays 3.37 (data/countries/LT.yaml), which follows the
// Labour Code list with Vėlinės from 2020. It is a devDependency only.
const oracle = new Holidays('LT');
const FIRST_YEAR = 2000;
const LAST_YEAR = 2035;

function oraclePublicHolidays(year: number): Set<string> {
  return new Set(
    oracle
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10)),
  );
}

function* daysOf(year: number): Generator<string> {
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

describe('lt against date-holidays, 2000–2035', () => {
  it('agrees on the working status of every day', () => {
    let checked = 0;
    const disagreements: string[] = [];
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const holidays = oraclePublicHolidays(year);
      for (const date of daysOf(year)) {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        const expected = weekday !== 0 && weekday !== 6 && !holidays.has(date);
        if (lt.isWorkingDay(date) !== expected) disagreements.push(date);
        checked++;
      }
    }
    expect(disagreements).toEqual([]);
    // 36 years: 27 of 365 days and 9 leap years (2000, 2004, … 2032) of 366.
    expect(checked).toBe(27 * 365 + 9 * 366);
  });

  it('lists exactly the oracle public holidays (Mother’s and Father’s Day are Sundays, kept apart)', () => {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const ours = lt
        .specialDays(year)
        .filter(
          (d) =>
            d.kind === 'holiday' && d.name?.en !== "Mother's Day" && d.name?.en !== "Father's Day",
        )
        .map((d) => d.date);
      expect(new Set(ours), String(year)).toEqual(oraclePublicHolidays(year));
    }
  });
});

describe('lt rules', () => {
  it('makes Vėlinės a holiday from 2020 only (effective-dated)', () => {
    // 2019-11-02 is a Saturday, so check through specialDays; 2020-11-02 is a Monday.
    expect(lt.specialDays(2019).some((d) => d.date === '2019-11-02')).toBe(false);
    expect(lt.dayInfo('2020-11-02').kind).toBe('holiday');
    expect(lt.isWorkingDay('2020-11-02')).toBe(false);
  });

  it('gives no substitute day for a holiday on a weekend', () => {
    // 2027-12-25 is a Saturday and 12-26 a Sunday; Monday 2027-12-27 stays working.
    expect(lt.isWorkingDay('2027-12-27')).toBe(true);
  });

  it('shortens the working day before a holiday by one hour, not across a weekend', () => {
    // Hand check 2026: Thu 12-23 before Kūčios (Thu 12-24) is short; Fri 02-13
    // before Mon 02-16 is not (a weekend lies between); Tue 03-10 before Wed 03-11 is.
    expect(lt.isShortDay('2026-12-23')).toBe(true);
    expect(lt.isShortDay('2026-02-13')).toBe(false);
    expect(lt.isShortDay('2026-03-10')).toBe(true);
    // Thu 2026-12-31 is before 1 January of the next year.
    expect(lt.isShortDay('2026-12-31')).toBe(true);
  });

  it('keeps its definition data unmodified by use', () => {
    const snapshot = JSON.stringify(LT_CALENDAR);
    lt.specialDays(2030);
    lt.addWorkingDays('2030-01-01', 50);
    expect(JSON.stringify(LT_CALENDAR)).toBe(snapshot);
  });
});
