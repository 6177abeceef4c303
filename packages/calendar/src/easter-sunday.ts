import { EduQualityError } from '@edu-quality/core';
import { epochDayOf, formatEpochDay } from './internal/epoch-day.js';
import type { IsoDate } from './iso-date.js';

/**
 * The date of Western (Gregorian) Easter Sunday in a year, by the computus.
 *
 * @remarks
 * The anonymous Gregorian algorithm (Meeus/Jones/Butcher, 1876), as given in
 * J. Meeus, *Astronomical Algorithms*, 2nd ed., ch. 8: with `a = Y mod 19`,
 * `b = ⌊Y/100⌋`, `c = Y mod 100`, … `h = (19a + b − d − g + 15) mod 30`,
 * `l = (32 + 2e + 2i − h − k) mod 7`, `m = ⌊(a + 11h + 22l)/451⌋`, the month is
 * `⌊(h + l − 7m + 114)/31⌋` and the day `((h + l − 7m + 114) mod 31) + 1`.
 * Valid for every Gregorian year; Lithuania's Easter Sunday and Monday are
 * public holidays (Labour Code art. 123).
 *
 * @param year - a Gregorian year, 1583 or later
 * @returns Easter Sunday as `YYYY-MM-DD`
 * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` for a non-integer year or one before 1583
 *
 * @example
 * ```ts
 * easterSunday(2026); // => '2026-04-05'
 * easterSunday(2000); // => '2000-04-23'
 * easterSunday(1200); // throws
 * ```
 */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583) {
    throw new EduQualityError(
      'invalid-argument',
      `easterSunday: year must be an integer Gregorian year (1583 or later), got ${String(year)}`,
    );
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatEpochDay(epochDayOf(year, month, day));
}
