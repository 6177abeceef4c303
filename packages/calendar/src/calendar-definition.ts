import type { LocalizedText } from '@edu-quality/core';
import type { IsoDate } from './iso-date.js';

/** An ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** What every {@link HolidayRule} carries: an id, a name and the dates it is in force. */
export interface HolidayRuleBase {
  /** A stable id, for example `velines`. */
  readonly id: string;
  /** The name of the holiday in several languages. */
  readonly name: LocalizedText;
  /** The first date on which the rule applies (inclusive); absent means always. */
  readonly from?: IsoDate;
  /** The last date on which the rule applies (inclusive); absent means still in force. */
  readonly until?: IsoDate;
  /**
   * Whether a weekend occurrence gives a substitute day off when the calendar
   * has {@link CalendarDefinition.weekendSubstitution}. Defaults to `true`.
   */
  readonly substitute?: boolean;
}

/** A holiday on the same month and day every year, such as 16 February. */
export interface FixedHolidayRule extends HolidayRuleBase {
  /** The kind of rule. */
  readonly kind: 'fixed';
  /** The month, 1–12. */
  readonly month: number;
  /** The day of the month, 1–31. */
  readonly day: number;
}

/** A holiday a fixed number of days from Western Easter Sunday (0 = Sunday, 1 = Monday). */
export interface EasterHolidayRule extends HolidayRuleBase {
  /** The kind of rule. */
  readonly kind: 'easter';
  /** Days after Easter Sunday; negative for days before it. */
  readonly offsetDays: number;
}

/** A holiday on the n-th given weekday of a month, such as the first Sunday of May. */
export interface NthWeekdayHolidayRule extends HolidayRuleBase {
  /** The kind of rule. */
  readonly kind: 'nth-weekday';
  /** The month, 1–12. */
  readonly month: number;
  /** The weekday. */
  readonly weekday: IsoWeekday;
  /** Which occurrence, 1–5. */
  readonly nth: number;
}

/** A rule that yields one public holiday a year. */
export type HolidayRule = FixedHolidayRule | EasterHolidayRule | NthWeekdayHolidayRule;

/** One date that changes status, with the reason shown to people. */
export interface DayChange {
  /** The date. */
  readonly date: IsoDate;
  /** Why, for example "Kindergarten closed for disinfection" or a decree. */
  readonly reason: LocalizedText;
}

/**
 * A transfer of a day off by a government act: the rest day `from` is moved
 * to `to`.
 *
 * @remarks
 * When `from` is an ordinary weekend day it becomes a working day (a "working
 * Saturday"). When `from` is a public holiday on a weekend, it stays a day
 * off and its automatic substitution (if the calendar has one) does not apply;
 * `to` becomes the day off instead.
 */
export interface DayTransfer {
  /** The rest day being moved. */
  readonly from: IsoDate;
  /** The day that becomes a day off. */
  readonly to: IsoDate;
}

/**
 * The acts of one year that change the working calendar: transfers of days off,
 * extra days off and extra working days, with their source.
 */
export interface YearTable {
  /** The act and where its text was read, for example a decree number and date. */
  readonly source: string;
  /** Whether the dates were checked against the act or an independent publication of it. */
  readonly confirmed: boolean;
  /** Anything a reader should know, such as a pending decree. */
  readonly note?: string;
  /** Days off moved by the act. */
  readonly transfers?: readonly DayTransfer[];
  /** Extra non-working days declared by the act. */
  readonly daysOff?: readonly DayChange[];
  /** Extra working days declared by the act (weekend days that become working). */
  readonly workingDays?: readonly DayChange[];
}

/**
 * The data that defines a working calendar: its weekend, its public holidays,
 * the rules that move days off, and the yearly acts.
 *
 * @remarks
 * Plain data, so a municipality can keep its own definition in a JSON file and
 * load it without a release of this package. Build a calendar from it with
 * `new WorkingCalendar(definition)`.
 */
export interface CalendarDefinition {
  /** A stable id, for example `lt` or `lt-trakai-kindergartens`. */
  readonly id: string;
  /** The name of the calendar. */
  readonly name: LocalizedText;
  /** The IANA time zone of the institutions that use it, for example `Europe/Vilnius`. */
  readonly timeZone: string;
  /** The weekly rest days; defaults to Saturday and Sunday (`[6, 7]`). */
  readonly weekend?: readonly IsoWeekday[];
  /** The public holidays. */
  readonly holidays: readonly HolidayRule[];
  /**
   * When `true`, a holiday that falls on a weekend day gives the next working
   * day off (Russia, Labour Code art. 112), unless the rule says
   * `substitute: false` or a {@link DayTransfer} moves it.
   */
  readonly weekendSubstitution?: boolean;
  /** When `true`, the working day immediately before a public holiday is one hour shorter. */
  readonly shortDayBeforeHoliday?: boolean;
  /** The yearly acts, keyed by the year as four digits. */
  readonly years?: Readonly<Record<string, YearTable>>;
  /**
   * When `true`, every year needs an act of its own (Russia's yearly decree
   * on the transfer of days off): a year without a table in `years`, like one
   * whose table is not `confirmed`, is counted by the statutory rules alone and
   * reported as unconfirmed (see `WorkingCalendar.isYearConfirmed`).
   */
  readonly actsYearly?: boolean;
  /** Local closures: dates on which the institution does not work. */
  readonly closures?: readonly DayChange[];
  /** Local extra working days: dates on which the institution works although they are days off. */
  readonly extraWorkingDays?: readonly DayChange[];
}

/**
 * Changes to a calendar made by its user: more holidays, local closures and
 * working days, and whole years replaced (a new decree), applied with
 * `calendar.with(overrides)`.
 */
export interface CalendarOverrides {
  /** A new id for the derived calendar. */
  readonly id?: string;
  /** A new name for the derived calendar. */
  readonly name?: LocalizedText;
  /** A different time zone. */
  readonly timeZone?: string;
  /** Holidays added to the base calendar's. */
  readonly holidays?: readonly HolidayRule[];
  /** Year tables that replace the base calendar's for the same year. */
  readonly years?: Readonly<Record<string, YearTable>>;
  /** Closures added to the base calendar's. */
  readonly closures?: readonly DayChange[];
  /** Extra working days added to the base calendar's. */
  readonly extraWorkingDays?: readonly DayChange[];
}
