// Calendar arithmetic on whole days since 1970-01-01 (UTC). A plain date has no
// time zone, so counting on integers is exact and fast; date-fns and
// @date-fns/tz are used where an instant meets a zone (see due-date.ts).
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into a day number, or `undefined` when it is not a real date. */
export function parseEpochDay(iso: string): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return undefined;
  }
  return Math.round(ms / MS_PER_DAY);
}

/** The day number of a year, month (1–12) and day. */
export function epochDayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatEpochDay(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** The calendar year of a day number. */
export function yearOf(epochDay: number): number {
  return new Date(epochDay * MS_PER_DAY).getUTCFullYear();
}
