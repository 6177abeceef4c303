import {
  checkKnownOptions,
  checkOptions,
  EduQualityError,
  type LocalizedText,
  type OptionShape,
} from '@edu-quality/core';
import { TZDate } from '@date-fns/tz';
import { format, isValid } from 'date-fns';
import { assertDeadlineRule, type DeadlineRule, type DeadlineUnit } from './deadline-rule.js';
import { formatEpochDay, parseEpochDay } from './internal/epoch-day.js';
import type { IsoDate } from './iso-date.js';
import { MAX_SPAN_DAYS } from './max-span-days.js';
import type { DayKind, WorkingCalendar } from './working-calendar.js';

/** A period in which the clock of a deadline stops, for example while the applicant clarifies the request. */
export interface ClockPause {
  /** The first paused date (inclusive). */
  readonly from: IsoDate;
  /** The last paused date (inclusive). */
  readonly to: IsoDate;
  /** Why the clock stopped. */
  readonly reason?: LocalizedText;
}

/** An extension of a deadline, counted on from the end of the deadline it extends. */
export interface DeadlineExtension {
  /** How many days, at least 1. */
  readonly amount: number;
  /** Working days or calendar days. */
  readonly unit: DeadlineUnit;
  /** Why the deadline was extended. */
  readonly reason?: LocalizedText;
}

/** Options of {@link dueDate}. */
export interface DueDateOptions {
  /** The institution's IANA time zone; defaults to the calendar's. */
  readonly timeZone?: string;
  /** Periods in which the clock stops. */
  readonly pauses?: readonly ClockPause[];
  /** Extensions, applied in order after the deadline. */
  readonly extensions?: readonly DeadlineExtension[];
}

/**
 * What one step of the count did.
 *
 * - `received`: the local date of receipt.
 * - `counted`: a day that counts; `count` says which.
 * - `skipped`: a day that does not count (a day off when counting working days).
 * - `paused`: a day inside a clock pause.
 * - `moved`: the deadline moved off a day off to the next working day.
 * - `extended`: an extension starts here.
 * - `unconfirmed-year`: the count enters a year whose acts are not confirmed
 *   (see `WorkingCalendar.isYearConfirmed`); its days follow the statutory
 *   rules alone, so the due date may change when the act is published.
 */
export type DueDateStepKind =
  'received' | 'counted' | 'skipped' | 'paused' | 'moved' | 'extended' | 'unconfirmed-year';

/** One step of the explanation returned by {@link dueDate}. */
export interface DueDateStep {
  /** The date of the step. */
  readonly date: IsoDate;
  /** What the step did. */
  readonly kind: DueDateStepKind;
  /** For `counted` steps: the running count within the rule or extension. */
  readonly count?: number;
  /** What the calendar says about the day. */
  readonly dayKind: DayKind;
  /** A short English explanation, for logs. */
  readonly note: string;
}

/** The result of {@link dueDate}. */
export interface DueDateResult {
  /** The date of receipt in the institution's time zone. */
  readonly receivedOn: IsoDate;
  /** The last day of the deadline: the reply is due by the end of this day. */
  readonly dueOn: IsoDate;
  /** The last millisecond of `dueOn` in the institution's time zone, as an instant. */
  readonly dueBy: Date;
  /** The time zone used. */
  readonly timeZone: string;
  /** Every day the count looked at, in order, with what it did. */
  readonly steps: readonly DueDateStep[];
  /**
   * The years the count went through whose acts are not confirmed (for `ru`,
   * 2027 and later as released): the due date follows the statutory rules
   * there and may move when the act is published. Empty when every year is
   * confirmed.
   */
  readonly unconfirmedYears: readonly number[];
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

function localDate(receivedAt: Date | string, timeZone: string): IsoDate {
  if (typeof receivedAt === 'string') {
    // A date or a wall-clock time without an offset is already local to the institution.
    const local = LOCAL_DATE_TIME.exec(receivedAt);
    if (local) {
      if (parseEpochDay(local[1] ?? '') === undefined) throw badInstant(receivedAt);
      return local[1] ?? '';
    }
  }
  const instant = typeof receivedAt === 'string' ? new Date(receivedAt) : receivedAt;
  if (!isValid(instant)) throw badInstant(receivedAt);
  return format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd');
}

function badInstant(receivedAt: unknown): EduQualityError {
  return new EduQualityError(
    'invalid-argument',
    `dueDate: receivedAt must be a valid Date, an ISO instant with an offset, or a local YYYY-MM-DD[THH:mm], got ${JSON.stringify(receivedAt)}`,
  );
}

const RULE_SHAPE = {
  amount: { type: 'number' },
  unit: { type: 'literal', values: ['working-days', 'calendar-days'] },
  countFrom: { type: 'literal', values: ['receipt', 'next-day'] },
  moveOffNonWorkingDay: { type: 'boolean' },
} as const satisfies OptionShape;
// pauses and extensions are checked entry by entry by checkedPauses and checkedExtensions.
const OPTIONS_SHAPE = { timeZone: { type: 'string' } } as const satisfies OptionShape;
const PAUSE_SHAPE = {
  from: { type: 'string' },
  to: { type: 'string' },
  reason: { type: 'record', value: { type: 'string' } },
} as const satisfies OptionShape;
const EXTENSION_SHAPE = {
  amount: { type: 'number' },
  unit: { type: 'literal', values: ['working-days', 'calendar-days'] },
  reason: { type: 'record', value: { type: 'string' } },
} as const satisfies OptionShape;

function outOfRange(path: string, what: string): EduQualityError {
  return new EduQualityError(
    'out-of-range',
    `dueDate: ${path}: ${what}; a due date may lie at most ${MAX_SPAN_DAYS} days (MAX_SPAN_DAYS) after receipt`,
  );
}

function listOf(value: unknown, path: string): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new EduQualityError('invalid-argument', `dueDate: ${path} must be an array`, {
      issues: [{ code: 'invalid-option', path: path.split('.'), message: 'must be an array' }],
    });
  }
  return value;
}

/** The pauses as epoch-day intervals, each checked. */
function checkedPauses(pauses: unknown): (readonly [number, number])[] {
  return listOf(pauses, 'options.pauses').map((pause, i) => {
    const path = `options.pauses[${i}]`;
    checkOptions('dueDate', pause, PAUSE_SHAPE, path);
    const { from: a, to: b } = (pause ?? {}) as Partial<ClockPause>;
    const from = parseEpochDay(a ?? '');
    const to = parseEpochDay(b ?? '');
    if (from === undefined || to === undefined || to < from) {
      throw new EduQualityError(
        'invalid-argument',
        `dueDate: ${path} needs real dates with from ≤ to, got ${JSON.stringify(pause)}`,
      );
    }
    if (to - from >= MAX_SPAN_DAYS) throw outOfRange(path, `the pause lasts ${to - from + 1} days`);
    return [from, to] as const;
  });
}

function checkedExtensions(extensions: unknown): DeadlineExtension[] {
  return listOf(extensions, 'options.extensions').map((extension, i) => {
    const path = `options.extensions[${i}]`;
    checkOptions('dueDate', extension, EXTENSION_SHAPE, path);
    assertDeadlineRule(extension as DeadlineExtension, `dueDate: ${path}`);
    return extension as DeadlineExtension;
  });
}

/** `steps` with a note where the count enters each year whose acts are not confirmed. */
function withUnconfirmedYears(
  steps: readonly DueDateStep[],
  calendar: WorkingCalendar,
): { steps: DueDateStep[]; years: number[] } {
  const out: DueDateStep[] = [];
  const years: number[] = [];
  const seen = new Set<number>();
  for (const step of steps) {
    const year = Number(step.date.slice(0, 4));
    if (!seen.has(year)) {
      seen.add(year);
      if (!calendar.isYearConfirmed(year)) {
        years.push(year);
        out.push({
          date: step.date,
          kind: 'unconfirmed-year',
          dayKind: step.dayKind,
          note: `calendar ${calendar.id} has no confirmed act for ${year}: its days are counted by the statutory rules alone, and the due date may change when the act is published`,
        });
      }
    }
    out.push(step);
  }
  return { steps: out, years: years.sort((x, y) => x - y) };
}

function endOfLocalDay(date: IsoDate, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 23, 59, 59, 999, timeZone).getTime());
}

/**
 * Computes the due date of a request: the last day on which the institution
 * must answer, counted by a deadline rule on a working calendar, with clock
 * pauses and extensions, in the institution's time zone; and explains the
 * count step by step.
 *
 * @remarks
 * 1. The instant of receipt becomes a date in the institution's time zone
 *    (`options.timeZone`, else the calendar's), with `@date-fns/tz`: a message
 *    sent at 23:30 Vilnius time is received that day even though it is
 *    already the next day further east, and 00:30 Vilnius time is the next
 *    day even though UTC still shows the previous one. A string without an
 *    offset (`2026-03-02` or `2026-03-02T23:30`) is taken as local already.
 * 2. Day 1 is the day of receipt (`countFrom: 'receipt'`) or the day after
 *    (`next-day`, the default). Days inside a {@link ClockPause} do not count;
 *    for working-day rules, days off do not count either.
 * 3. For calendar-day rules a deadline on a day off moves to the next working
 *    day unless `moveOffNonWorkingDay` is `false`.
 * 4. Each extension counts on from the day after the current due date, in its
 *    own unit, with the same pauses, and moves off days off the same way.
 *
 * 5. A year whose acts are not confirmed (`WorkingCalendar.isYearConfirmed`:
 *    for `ru`, 2027 and the years without a decree table) is counted by the
 *    statutory rules alone; the result lists it in `unconfirmedYears` and the
 *    steps say so where the count enters it (`unconfirmed-year`).
 *
 * The due date lies at most {@link MAX_SPAN_DAYS} days after receipt.
 * The function is pure: it reads no clock.
 *
 * @param receivedAt - when the request was received: a `Date`, an ISO instant with an offset, or a local date/time
 * @param rule - the deadline rule
 * @param calendar - the working calendar of the institution
 * @param options - time zone, pauses and extensions
 * @returns the due date, the instant it ends, and the steps counted
 * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` for an invalid instant, rule, pause or extension, or an unknown key in the rule, the options, a pause or an extension (named with its path: `options.pause`, `rule.countfrom`)
 * @throws {@link @edu-quality/core!EduQualityError} with code `out-of-range` when the rule and its extensions add up to more than {@link MAX_SPAN_DAYS} days, a pause is longer, or pauses and days off carry the count further than that after receipt
 *
 * @example
 * ```ts
 * const rule = { amount: 20, unit: 'working-days' } as const;
 * // Received Friday 3 April 2026 at 23:30 Vilnius time (20:30 UTC). Day 1 is Tuesday 7 April
 * // (Easter Monday 6 April is a holiday); 1 May is a holiday; day 20 is Tuesday 5 May.
 * const result = dueDate('2026-04-03T20:30:00Z', rule, lt);
 * result.receivedOn; // => '2026-04-03'
 * result.dueOn; // => '2026-05-05'
 * result.steps.filter((s) => s.kind === 'counted').length; // => 20
 * dueDate('2026-04-03T21:30:00Z', rule, lt).receivedOn; // => '2026-04-04'
 * ```
 */
export function dueDate(
  receivedAt: Date | string,
  rule: DeadlineRule,
  calendar: WorkingCalendar,
  options: DueDateOptions = {},
): DueDateResult {
  checkOptions('dueDate', rule, RULE_SHAPE, 'rule');
  assertDeadlineRule(rule, 'dueDate');
  checkKnownOptions('dueDate', options, OPTIONS_SHAPE, ['pauses', 'extensions']);
  const timeZone = options.timeZone ?? calendar.timeZone;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new EduQualityError('invalid-argument', `dueDate: ${timeZone} is not an IANA time zone`);
  }
  const pauses = checkedPauses(options.pauses);
  const extensions = checkedExtensions(options.extensions);
  const total = extensions.reduce((sum, e) => sum + e.amount, rule.amount);
  if (total > MAX_SPAN_DAYS) {
    throw outOfRange(
      rule.amount > MAX_SPAN_DAYS ? 'rule.amount' : 'options.extensions',
      `the deadline and its extensions add up to ${total} days`,
    );
  }
  const paused = (day: number): boolean => pauses.some(([from, to]) => from <= day && day <= to);

  const receivedOn = localDate(receivedAt, timeZone);
  const steps: DueDateStep[] = [];
  const kindOf = (day: number): DayKind => calendar.dayInfo(formatEpochDay(day)).kind;
  const received = parseEpochDay(receivedOn) ?? 0;
  steps.push({
    date: receivedOn,
    kind: 'received',
    dayKind: kindOf(received),
    note: `received in ${timeZone}`,
  });

  const count = (first: number, amount: number, unit: DeadlineUnit, moveOff: boolean): number => {
    let counted = 0;
    let day = first;
    for (;;) {
      const date = formatEpochDay(day);
      const info = calendar.dayInfo(date);
      if (day - received > MAX_SPAN_DAYS) {
        throw outOfRange(
          'options.pauses',
          `with the pauses and the days off of calendar ${calendar.id}, the count runs past ${formatEpochDay(received + MAX_SPAN_DAYS)}`,
        );
      }
      if (paused(day)) {
        steps.push({ date, kind: 'paused', dayKind: info.kind, note: 'clock paused' });
      } else if (unit === 'working-days' && !info.working) {
        steps.push({
          date,
          kind: 'skipped',
          dayKind: info.kind,
          note: `not a working day (${info.kind})`,
        });
      } else {
        counted++;
        steps.push({
          date,
          kind: 'counted',
          count: counted,
          dayKind: info.kind,
          note: `day ${counted} of ${amount}`,
        });
        if (counted === amount) break;
      }
      day++;
    }
    if (unit === 'calendar-days' && moveOff && !calendar.isWorkingDay(formatEpochDay(day))) {
      const next = parseEpochDay(calendar.nextWorkingDay(formatEpochDay(day))) ?? day;
      steps.push({
        date: formatEpochDay(next),
        kind: 'moved',
        dayKind: kindOf(next),
        note: `deadline ${formatEpochDay(day)} is a day off; moved to the next working day`,
      });
      day = next;
    }
    return day;
  };

  let due = count(
    rule.countFrom === 'receipt' ? received : received + 1,
    rule.amount,
    rule.unit,
    rule.moveOffNonWorkingDay !== false,
  );
  for (const extension of extensions) {
    steps.push({
      date: formatEpochDay(due),
      kind: 'extended',
      dayKind: kindOf(due),
      note: `extended by ${extension.amount} ${extension.unit}`,
    });
    due = count(due + 1, extension.amount, extension.unit, true);
  }
  const dueOn = formatEpochDay(due);
  const explained = withUnconfirmedYears(steps, calendar);
  return {
    receivedOn,
    dueOn,
    dueBy: endOfLocalDay(dueOn, timeZone),
    timeZone,
    steps: explained.steps,
    unconfirmedYears: explained.years,
  };
}
