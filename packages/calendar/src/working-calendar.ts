import {
  checkKnownOptions,
  checkOptions,
  EduQualityError,
  isSafeKey,
  type Issue,
  type LocalizedText,
  type OptionShape,
} from '@edu-quality/core';
import type {
  CalendarDefinition,
  CalendarOverrides,
  HolidayRule,
  YearTable,
} from './calendar-definition.js';
import { easterSunday } from './easter-sunday.js';
import {
  epochDayOf,
  formatEpochDay,
  isoWeekday,
  parseEpochDay,
  yearOf,
} from './internal/epoch-day.js';
import type { IsoDate } from './iso-date.js';
import { MAX_SPAN_DAYS } from './max-span-days.js';

/**
 * Why a day is working or not.
 *
 * - `working`: an ordinary working day.
 * - `weekend`: a weekly rest day.
 * - `holiday`: a public holiday (on a weekday or a weekend).
 * - `substitute-day-off`: the day off given for a holiday that fell on a weekend.
 * - `transferred-day-off`: a day off moved here by a government act.
 * - `extra-day-off`: a non-working day declared by an act.
 * - `closure`: a local closure of the institution.
 * - `working-weekend`: a weekend day made working by an act (a "working Saturday").
 * - `extra-working-day`: a local extra working day.
 */
export type DayKind =
  | 'working'
  | 'weekend'
  | 'holiday'
  | 'substitute-day-off'
  | 'transferred-day-off'
  | 'extra-day-off'
  | 'closure'
  | 'working-weekend'
  | 'extra-working-day';

/** What a calendar says about one date. */
export interface DayInfo {
  /** The date. */
  readonly date: IsoDate;
  /** Whether people work that day. */
  readonly working: boolean;
  /** Whether it is a working day one hour shorter, before a public holiday. */
  readonly short: boolean;
  /** Why the day is working or not. */
  readonly kind: DayKind;
  /** The holiday's name or the reason of the change, when there is one. */
  readonly name?: LocalizedText;
  /** The other date of a transfer or substitution: the holiday or rest day it stands for. */
  readonly relatedDate?: IsoDate;
}

/** Options of {@link WorkingCalendar.nextWorkingDay}. */
export interface NextWorkingDayOptions {
  /** Return the date itself when it is a working day. Defaults to `false`. */
  readonly inclusive?: boolean;
}

interface Special {
  readonly working: boolean;
  readonly kind: DayKind;
  readonly name?: LocalizedText;
  readonly relatedDay?: number;
}

interface YearDays {
  readonly specials: ReadonlyMap<number, Special>;
  readonly short: ReadonlySet<number>;
}

const OVERRIDES_SHAPE = {
  id: { type: 'string' },
  name: { type: 'record', value: { type: 'string' } },
  timeZone: { type: 'string' },
} as const satisfies OptionShape;
const LIST_OVERRIDES = ['holidays', 'years', 'closures', 'extraWorkingDays'];
const DEFAULT_WEEKEND: readonly number[] = [6, 7];
const YEAR_KEY = /^\d{4}$/;
const MIN_YEAR = 1583;
const MAX_YEAR = 9999;
// A search for a working day gives up after this many consecutive days off: a
// calendar with closures covering years is almost certainly a data error.
const MAX_RUN_OF_DAYS_OFF = 3660;

function checkYear(year: number, fn: string): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new EduQualityError(
      'invalid-argument',
      `${fn}: year must be an integer from ${MIN_YEAR} to ${MAX_YEAR}, got ${String(year)}`,
    );
  }
}

function checkDefinition(definition: CalendarDefinition): Issue[] {
  const issues: Issue[] = [];
  const checkDate = (value: unknown, path: (string | number)[]): void => {
    if (typeof value !== 'string' || parseEpochDay(value) === undefined) {
      issues.push({
        code: 'invalid-date',
        message: 'must be a real date written YYYY-MM-DD',
        path,
      });
    }
  };
  if (typeof definition.id !== 'string' || definition.id === '') {
    issues.push({ code: 'invalid-id', message: 'must be a non-empty string', path: ['id'] });
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: definition.timeZone });
  } catch {
    issues.push({
      code: 'invalid-time-zone',
      message: `${definition.timeZone} is not an IANA time zone`,
      path: ['timeZone'],
    });
  }
  definition.holidays.forEach((rule, i) => {
    if (rule.from !== undefined) checkDate(rule.from, ['holidays', i, 'from']);
    if (rule.until !== undefined) checkDate(rule.until, ['holidays', i, 'until']);
    if (rule.kind !== 'easter') {
      if (!Number.isInteger(rule.month) || rule.month < 1 || rule.month > 12) {
        issues.push({
          code: 'invalid-month',
          message: 'must be 1–12',
          path: ['holidays', i, 'month'],
        });
      }
    }
    if (rule.kind === 'fixed' && (!Number.isInteger(rule.day) || rule.day < 1 || rule.day > 31)) {
      issues.push({ code: 'invalid-day', message: 'must be 1–31', path: ['holidays', i, 'day'] });
    }
  });
  for (const [year, table] of Object.entries(definition.years ?? {})) {
    if (!isSafeKey(year) || !YEAR_KEY.test(year)) {
      issues.push({
        code: 'invalid-year',
        message: 'must be a four-digit year',
        path: ['years', year],
      });
      continue;
    }
    (table.transfers ?? []).forEach((t, i) => {
      checkDate(t.from, ['years', year, 'transfers', i, 'from']);
      checkDate(t.to, ['years', year, 'transfers', i, 'to']);
    });
    (table.daysOff ?? []).forEach((d, i) => {
      checkDate(d.date, ['years', year, 'daysOff', i, 'date']);
    });
    (table.workingDays ?? []).forEach((d, i) => {
      checkDate(d.date, ['years', year, 'workingDays', i, 'date']);
    });
  }
  (definition.closures ?? []).forEach((d, i) => {
    checkDate(d.date, ['closures', i, 'date']);
  });
  (definition.extraWorkingDays ?? []).forEach((d, i) => {
    checkDate(d.date, ['extraWorkingDays', i, 'date']);
  });
  return issues;
}

function ruleDay(rule: HolidayRule, year: number): number | undefined {
  let day: number;
  if (rule.kind === 'fixed') {
    day = epochDayOf(year, rule.month, rule.day);
    if (formatEpochDay(day).slice(5) !== `${pad(rule.month)}-${pad(rule.day)}`) return undefined;
  } else if (rule.kind === 'easter') {
    day = (parseEpochDay(easterSunday(year)) ?? 0) + rule.offsetDays;
  } else {
    const first = epochDayOf(year, rule.month, 1);
    const shift = (rule.weekday - isoWeekday(first) + 7) % 7;
    day = first + shift + 7 * (rule.nth - 1);
    if (formatEpochDay(day).slice(5, 7) !== pad(rule.month)) return undefined;
  }
  if (rule.from !== undefined && day < (parseEpochDay(rule.from) ?? -Infinity)) return undefined;
  if (rule.until !== undefined && day > (parseEpochDay(rule.until) ?? Infinity)) return undefined;
  return day;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A working-day calendar: which dates are working days, which are public
 * holidays, days off moved by decree or local closures, and which working days
 * are one hour shorter; with the arithmetic of deadlines in working days.
 *
 * @remarks
 * Built from a {@link CalendarDefinition} (plain data). The built-in
 * calendars are {@link lt} and {@link ru}; derive a municipality's own with
 * {@link WorkingCalendar.with}. The status of a date is resolved in this
 * order: the weekend; public holidays; the year's acts (transfers, extra days
 * off, working weekend days); the substitution of holidays that fell on a
 * weekend; then local closures and extra working days, which win over
 * everything else. A calendar is immutable; results are computed per year on
 * first use and cached.
 *
 * Working-day counts follow one convention everywhere:
 * `workingDaysBetween(a, b)` counts the working days after `a` up to and
 * including `b`, and `addWorkingDays(a, n)` is the date on which that count
 * first reaches `n`.
 *
 * @example
 * ```ts
 * const calendar = new WorkingCalendar({
 *   id: 'demo',
 *   name: { en: 'Demo' },
 *   timeZone: 'Europe/Vilnius',
 *   holidays: [{ kind: 'fixed', id: 'new-year', name: { en: "New Year's Day" }, month: 1, day: 1 }],
 * });
 * calendar.isWorkingDay('2026-01-01'); // => false
 * calendar.addWorkingDays('2025-12-31', 1); // => '2026-01-02'
 * ```
 */
export class WorkingCalendar {
  /** The calendar's id. */
  readonly id: string;
  /** The calendar's name. */
  readonly name: LocalizedText;
  /** The IANA time zone of the institutions that use it. */
  readonly timeZone: string;
  /** The data the calendar was built from. */
  readonly definition: CalendarDefinition;
  readonly #weekend: ReadonlySet<number>;
  readonly #years = new Map<number, YearDays>();

  /**
   * Builds a calendar from its definition.
   *
   * @param definition - the weekend, holidays, yearly acts and local changes
   * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-input`, listing every malformed date, month, year key or time zone as an issue with its path
   */
  constructor(definition: CalendarDefinition) {
    const issues = checkDefinition(definition);
    if (issues.length > 0) {
      throw new EduQualityError(
        'invalid-input',
        `WorkingCalendar: the definition of ${definition.id} has ${issues.length} problem(s)`,
        { issues },
      );
    }
    this.id = definition.id;
    this.name = definition.name;
    this.timeZone = definition.timeZone;
    this.definition = definition;
    this.#weekend = new Set(definition.weekend ?? DEFAULT_WEEKEND);
  }

  /**
   * Derives a calendar with local changes: more holidays, closures, extra
   * working days, or a year's acts replaced (for example a decree published
   * after this package was released).
   *
   * @param overrides - the changes; lists are appended, year tables replace those of the same year
   * @returns a new calendar; this one is unchanged
   * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-input` when a change is malformed, `invalid-argument` naming an unknown key (`overrides.closure`)
   *
   * @example
   * ```ts
   * const kindergarten = lt.with({
   *   id: 'lt-kindergarten-7',
   *   closures: [{ date: '2026-07-20', reason: { lt: 'Dezinfekcija', en: 'Disinfection' } }],
   * });
   * kindergarten.isWorkingDay('2026-07-20'); // => false
   * lt.isWorkingDay('2026-07-20'); // => true
   * ```
   */
  with(overrides: CalendarOverrides): WorkingCalendar {
    // The lists and year tables are checked by the constructor, with their paths.
    checkKnownOptions('with', overrides, OVERRIDES_SHAPE, LIST_OVERRIDES, 'overrides');
    const base = this.definition;
    const definition: CalendarDefinition = {
      ...base,
      id: overrides.id ?? base.id,
      name: overrides.name ?? base.name,
      timeZone: overrides.timeZone ?? base.timeZone,
      holidays: [...base.holidays, ...(overrides.holidays ?? [])],
      years: { ...(base.years ?? {}), ...(overrides.years ?? {}) },
      closures: [...(base.closures ?? []), ...(overrides.closures ?? [])],
      extraWorkingDays: [...(base.extraWorkingDays ?? []), ...(overrides.extraWorkingDays ?? [])],
    };
    return new WorkingCalendar(definition);
  }

  /**
   * Tells what the calendar says about a date: working or not, why, and
   * whether it is a short pre-holiday day.
   *
   * @param date - the date
   * @returns the status of the date with its reason
   * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` when `date` is not a real `YYYY-MM-DD` date
   *
   * @example
   * ```ts
   * ru.dayInfo('2026-01-09').kind; // => 'transferred-day-off'
   * ru.dayInfo('2026-01-09').relatedDate; // => '2026-01-03'
   * lt.dayInfo('2026-02-16').kind; // => 'holiday'
   * ```
   */
  dayInfo(date: IsoDate): DayInfo {
    const day = this.#parse(date, 'dayInfo');
    return this.#info(day);
  }

  /**
   * Tells whether a date is a working day.
   *
   * @param date - the date
   * @returns `true` for a working day
   * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` for a malformed date
   *
   * @example
   * ```ts
   * lt.isWorkingDay('2026-04-06'); // => false
   * ru.isWorkingDay('2026-12-31'); // => false
   * ru.isWorkingDay('2026-01-12'); // => true
   * ```
   */
  isWorkingDay(date: IsoDate): boolean {
    return this.#working(this.#parse(date, 'isWorkingDay'));
  }

  /**
   * Tells whether a date is a short working day: one hour shorter because a
   * public holiday follows.
   *
   * @remarks
   * The working day immediately before a public holiday is shortened by one
   * hour (Lithuania: Labour Code art. 112(4); Russia: Labour Code art. 95). A
   * weekend or a day off in between removes the shortening. When an act moves
   * a would-be short day off and makes a weekend day working in exchange, the
   * shortening moves with it (Russia 2024: Saturday 2 November stands for
   * Tuesday 30 April, so it is short; Saturday 28 December stands for Monday 30
   * December, so it is not).
   *
   * @param date - the date
   * @returns `true` for a working day one hour shorter
   * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` for a malformed date
   *
   * @example
   * ```ts
   * lt.isShortDay('2026-12-23'); // => true
   * ru.isShortDay('2024-11-02'); // => true
   * ru.isShortDay('2024-12-28'); // => false
   * ```
   */
  isShortDay(date: IsoDate): boolean {
    const day = this.#parse(date, 'isShortDay');
    return this.#year(yearOf(day)).short.has(day);
  }

  /**
   * The first working day after a date (or the date itself with
   * `inclusive: true` when it is working).
   *
   * @param date - the date
   * @param options - whether the date itself may be returned
   * @returns the next working day
   * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` for a malformed date, an unknown option key, or when no working day follows within ten years
   *
   * @example
   * ```ts
   * ru.nextWorkingDay('2025-12-30'); // => '2026-01-12'
   * lt.nextWorkingDay('2026-04-03', { inclusive: true }); // => '2026-04-03'
   * ```
   */
  nextWorkingDay(date: IsoDate, options: NextWorkingDayOptions = {}): IsoDate {
    checkOptions('nextWorkingDay', options, { inclusive: { type: 'boolean' } });
    let day = this.#parse(date, 'nextWorkingDay');
    if (options.inclusive === true && this.#working(day)) return formatEpochDay(day);
    day = this.#step(day, 1, 'nextWorkingDay');
    return formatEpochDay(day);
  }

  /**
   * The date that lies a given number of working days after (or, when
   * negative, before) a date.
   *
   * @remarks
   * For `amount > 0` the result is the `amount`-th working day after `date`,
   * not counting `date` itself; for `amount < 0` it is the `|amount|`-th working
   * day before `date`; `0` returns `date` unchanged. For every working day `d`
   * and integer `n`, `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   *
   * @param date - the starting date
   * @param amount - a whole number of working days
   * @returns the resulting date, always a working day when `amount ≠ 0`
   * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` for a malformed date or a non-integer amount, `out-of-range` beyond ±{@link MAX_SPAN_DAYS}
   *
   * @example
   * ```ts
   * lt.addWorkingDays('2026-12-23', 2); // => '2026-12-29'
   * ru.addWorkingDays('2026-01-12', -1); // => '2025-12-30'
   * ```
   */
  addWorkingDays(date: IsoDate, amount: number): IsoDate {
    let day = this.#parse(date, 'addWorkingDays');
    if (!Number.isInteger(amount)) {
      throw new EduQualityError(
        'invalid-argument',
        `addWorkingDays: amount must be an integer, got ${String(amount)}`,
      );
    }
    if (Math.abs(amount) > MAX_SPAN_DAYS) {
      throw new EduQualityError(
        'out-of-range',
        `addWorkingDays: amount must be within ±${MAX_SPAN_DAYS} working days (MAX_SPAN_DAYS), got ${String(amount)}`,
      );
    }
    const direction = amount < 0 ? -1 : 1;
    for (let left = Math.abs(amount); left > 0; left--) {
      day = this.#step(day, direction, 'addWorkingDays');
    }
    return formatEpochDay(day);
  }

  /**
   * The number of working days after one date up to and including another.
   *
   * @remarks
   * `workingDaysBetween(start, end)` counts the working days `d` with
   * `start < d ≤ end`; when `end` is before `start` it is minus the count of
   * working days `end < d ≤ start`. So a Friday-to-Monday span with no holiday
   * is 1, and `workingDaysBetween(a, a)` is 0.
   *
   * @param start - the first date (not counted)
   * @param end - the last date (counted)
   * @returns the signed number of working days
   * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` for a malformed date
   *
   * @example
   * ```ts
   * lt.workingDaysBetween('2026-12-23', '2026-12-29'); // => 2
   * lt.workingDaysBetween('2026-12-29', '2026-12-23'); // => -2
   * ```
   */
  workingDaysBetween(start: IsoDate, end: IsoDate): number {
    const a = this.#parse(start, 'workingDaysBetween');
    const b = this.#parse(end, 'workingDaysBetween');
    const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day++) if (this.#working(day)) count++;
    return sign * count;
  }

  /**
   * Lists the dates of a year that are not ordinary: public holidays,
   * substitute and transferred days off, extra days off, closures, working
   * weekend days and extra working days, in date order.
   *
   * @param year - the year
   * @returns the special days of the year, each with its reason
   * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` for a year outside 1583–9999
   *
   * @example
   * ```ts
   * ru.specialDays(2026).filter((d) => d.kind === 'transferred-day-off').map((d) => d.date);
   * // => ['2026-01-09', '2026-12-31']
   * ```
   */
  specialDays(year: number): readonly DayInfo[] {
    checkYear(year, 'specialDays');
    const days = [...this.#year(year).specials.keys()].sort((x, y) => x - y);
    return days.map((day) => this.#info(day));
  }

  /**
   * Tells whether the calendar's acts for a year are confirmed: `false` when
   * the year's table says `confirmed: false`, or when the calendar needs a
   * yearly act (`actsYearly`, as `ru` does) and has none for the year. Days of
   * such a year follow the statutory rules alone and may change when the act
   * is published.
   *
   * @param year - the year
   * @returns `true` when nothing pending can change the year's working days
   * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` for a year outside 1583–9999
   *
   * @example
   * ```ts
   * ru.isYearConfirmed(2026); // => true
   * ru.isYearConfirmed(2027); // => false
   * lt.isYearConfirmed(2027); // => true
   * ```
   */
  isYearConfirmed(year: number): boolean {
    checkYear(year, 'isYearConfirmed');
    const table = this.definition.years?.[String(year)];
    if (table !== undefined) return table.confirmed;
    return this.definition.actsYearly !== true;
  }

  #parse(date: IsoDate, fn: string): number {
    const day = typeof date === 'string' ? parseEpochDay(date) : undefined;
    if (day === undefined || yearOf(day) < MIN_YEAR || yearOf(day) > MAX_YEAR) {
      throw new EduQualityError(
        'invalid-argument',
        `${fn}: date must be a real date written YYYY-MM-DD (1583–9999), got ${JSON.stringify(date)}`,
      );
    }
    return day;
  }

  #step(from: number, direction: 1 | -1, fn: string): number {
    let day = from;
    for (let i = 0; i < MAX_RUN_OF_DAYS_OFF; i++) {
      day += direction;
      if (this.#working(day)) return day;
    }
    throw new EduQualityError(
      'invalid-argument',
      `${fn}: no working day within ${MAX_RUN_OF_DAYS_OFF} days of ${formatEpochDay(from)} in calendar ${this.id}`,
    );
  }

  #working(day: number): boolean {
    const special = this.#year(yearOf(day)).specials.get(day);
    return special !== undefined ? special.working : !this.#weekend.has(isoWeekday(day));
  }

  #info(day: number): DayInfo {
    const { specials, short } = this.#year(yearOf(day));
    const special = specials.get(day);
    const date = formatEpochDay(day);
    if (special === undefined) {
      const weekend = this.#weekend.has(isoWeekday(day));
      return {
        date,
        working: !weekend,
        short: short.has(day),
        kind: weekend ? 'weekend' : 'working',
      };
    }
    return {
      date,
      working: special.working,
      short: short.has(day),
      kind: special.kind,
      ...(special.name !== undefined ? { name: special.name } : {}),
      ...(special.relatedDay !== undefined
        ? { relatedDate: formatEpochDay(special.relatedDay) }
        : {}),
    };
  }

  #holidayDays(year: number): Map<number, HolidayRule> {
    const out = new Map<number, HolidayRule>();
    for (const rule of this.definition.holidays) {
      const day = ruleDay(rule, year);
      if (day !== undefined && !out.has(day)) out.set(day, rule);
    }
    return out;
  }

  #year(year: number): YearDays {
    const cached = this.#years.get(year);
    if (cached !== undefined) return cached;
    const def = this.definition;
    const specials = new Map<number, Special>();
    const inYear = (day: number): boolean => yearOf(day) === year;
    const isWeekend = (day: number): boolean => this.#weekend.has(isoWeekday(day));
    const off = (day: number): boolean => {
      const s = specials.get(day);
      return s !== undefined ? !s.working : isWeekend(day);
    };

    // 1. Public holidays.
    const holidays = this.#holidayDays(year);
    for (const [day, rule] of holidays) {
      specials.set(day, { working: false, kind: 'holiday', name: rule.name });
    }

    // 2. The acts of the year (tables of neighbouring years may move days into this one).
    const tables: YearTable[] = [];
    for (const y of [year - 1, year, year + 1]) {
      const table = def.years?.[String(y)];
      if (table !== undefined) tables.push(table);
    }
    const movedHolidays = new Set<number>();
    // A transfer that makes a weekend day working stands for its `to` day:
    // remember the pair, the shortening follows it (see isShortDay).
    const workingFor = new Map<number, number>();
    const reasonOf = (table: YearTable): LocalizedText => ({ en: table.source });
    for (const table of tables) {
      for (const t of table.transfers ?? []) {
        const from = parseEpochDay(t.from) ?? 0;
        const to = parseEpochDay(t.to) ?? 0;
        if (holidays.has(from) || this.#holidayDays(yearOf(from)).has(from)) {
          movedHolidays.add(from);
        } else if (inYear(from)) {
          specials.set(from, {
            working: true,
            kind: 'working-weekend',
            name: reasonOf(table),
            relatedDay: to,
          });
        }
        if (!holidays.has(from) && !this.#holidayDays(yearOf(from)).has(from)) {
          workingFor.set(from, to);
        }
        if (inYear(to)) {
          specials.set(to, {
            working: false,
            kind: 'transferred-day-off',
            name: reasonOf(table),
            relatedDay: from,
          });
        }
      }
      for (const d of table.daysOff ?? []) {
        const day = parseEpochDay(d.date) ?? 0;
        if (inYear(day) && !holidays.has(day)) {
          specials.set(day, { working: false, kind: 'extra-day-off', name: d.reason });
        }
      }
      for (const d of table.workingDays ?? []) {
        const day = parseEpochDay(d.date) ?? 0;
        if (inYear(day))
          specials.set(day, { working: true, kind: 'working-weekend', name: d.reason });
      }
    }

    // 3. Substitution of holidays that fell on a weekend (in date order, so two
    //    weekend holidays in a row give two consecutive days off).
    if (def.weekendSubstitution === true) {
      const weekendHolidays = [...holidays.entries()]
        .filter(
          ([day, rule]) => isWeekend(day) && rule.substitute !== false && !movedHolidays.has(day),
        )
        .sort(([x], [y]) => x - y);
      for (const [day, rule] of weekendHolidays) {
        let next = day + 1;
        while (off(next) && next - day < 31) next++;
        if (inYear(next)) {
          specials.set(next, {
            working: false,
            kind: 'substitute-day-off',
            name: rule.name,
            relatedDay: day,
          });
        }
      }
    }

    // 4. Local changes win.
    for (const d of def.closures ?? []) {
      const day = parseEpochDay(d.date) ?? 0;
      if (inYear(day)) specials.set(day, { working: false, kind: 'closure', name: d.reason });
    }
    for (const d of def.extraWorkingDays ?? []) {
      const day = parseEpochDay(d.date) ?? 0;
      if (inYear(day))
        specials.set(day, { working: true, kind: 'extra-working-day', name: d.reason });
    }

    // 5. Short pre-holiday days.
    const short = new Set<number>();
    if (def.shortDayBeforeHoliday === true) {
      const nextYearHolidays = this.#holidayDays(year + 1);
      const isHoliday = (day: number): boolean => holidays.has(day) || nextYearHolidays.has(day);
      const working = (day: number): boolean => !off(day);
      for (let day = epochDayOf(year, 1, 1); inYear(day); day++) {
        if (!working(day)) continue;
        const standsFor = workingFor.get(day);
        if (isHoliday(day + 1) || (standsFor !== undefined && isHoliday(standsFor + 1))) {
          short.add(day);
        }
      }
    }

    const result: YearDays = { specials, short };
    this.#years.set(year, result);
    return result;
  }
}
