import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RU_DECREE_TABLES } from './ru-decree-tables.js';
import { ru } from './ru.js';

interface FixtureYear {
  readonly offWeekdays: readonly string[];
  readonly workingWeekends: readonly string[];
  readonly shortDays: readonly string[];
}

// Oracle: the ConsultantPlus production calendars (see the fixture's "source").
const fixture = JSON.parse(
  readFileSync(new URL('../test/fixtures/ru/production-calendar.json', import.meta.url), 'utf8'),
) as { years: Record<string, FixtureYear> };

function* daysOf(year: number): Generator<string> {
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

describe('ru against the production calendars 2015–2026', () => {
  const years = Object.keys(fixture.years);
  it('covers twelve years', () => {
    expect(years).toEqual([
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
  });
  for (const year of years) {
    it(`agrees on every day of ${year}`, () => {
      const expected = fixture.years[year]!;
      const off = new Set(expected.offWeekdays.map((d) => `${year}-${d}`));
      const workingWeekend = new Set(expected.workingWeekends.map((d) => `${year}-${d}`));
      const short = new Set(expected.shortDays.map((d) => `${year}-${d}`));
      const wrong: string[] = [];
      for (const date of daysOf(Number(year))) {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        const weekend = weekday === 0 || weekday === 6;
        const working = weekend ? workingWeekend.has(date) : !off.has(date);
        if (ru.isWorkingDay(date) !== working) wrong.push(`${date} working=${String(!working)}`);
        if (ru.isShortDay(date) !== short.has(date))
          wrong.push(`${date} short=${String(!short.has(date))}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('ru decree tables', () => {
  it('makes the 2026 transferred and substitute days days off', () => {
    // Decree for 2026: Sat 3 Jan → Fri 9 Jan, Sun 4 Jan → Thu 31 Dec; Sat 9 May
    // (Victory Day) gives Mon 11 May by art. 112 part 2.
    expect(ru.isWorkingDay('2026-01-09')).toBe(false);
    expect(ru.isWorkingDay('2026-05-11')).toBe(false);
    expect(ru.isWorkingDay('2026-12-31')).toBe(false);
    expect(ru.dayInfo('2026-05-11')).toMatchObject({
      kind: 'substitute-day-off',
      relatedDate: '2026-05-09',
    });
  });

  it('cancels the automatic substitution of a holiday the decree moves (2025-02-23 → 05-08)', () => {
    expect(ru.isWorkingDay('2025-02-24')).toBe(true);
    expect(ru.isWorkingDay('2025-05-08')).toBe(false);
  });

  it('names a source for every year 2015–2027 and marks 2027 unconfirmed', () => {
    const years = Object.keys(RU_DECREE_TABLES);
    expect(years).toEqual(Array.from({ length: 13 }, (_, i) => String(2015 + i)));
    for (const table of Object.values(RU_DECREE_TABLES))
      expect(table.source.length).toBeGreaterThan(10);
    expect(
      Object.entries(RU_DECREE_TABLES)
        .filter(([, t]) => !t.confirmed)
        .map(([y]) => y),
    ).toEqual(['2027']);
  });

  it('applies the statutory rules alone in 2027', () => {
    // Hand calculation, art. 112 part 2: Sat 1 May → Mon 3 May, Sun 9 May → Mon 10 May,
    // Sat 12 June → Mon 14 June; Sat 2 / Sun 3 January have no automatic substitute.
    expect(ru.isWorkingDay('2027-05-03')).toBe(false);
    expect(ru.isWorkingDay('2027-05-10')).toBe(false);
    expect(ru.isWorkingDay('2027-06-14')).toBe(false);
    expect(ru.isWorkingDay('2027-01-11')).toBe(true);
  });

  it('lets a user put in the 2027 decree without a release', () => {
    const with2027 = ru.with({
      years: {
        '2027': {
          source: 'example decree for the test',
          confirmed: true,
          transfers: [{ from: '2027-01-02', to: '2027-11-05' }],
        },
      },
    });
    expect(with2027.isWorkingDay('2027-11-05')).toBe(false);
    expect(ru.isWorkingDay('2027-11-05')).toBe(true);
  });
});
