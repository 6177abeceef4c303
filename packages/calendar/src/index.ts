/**
 * Working-day calendars (Lithuania, Russia, custom closures) and deadline
 * arithmetic for municipal education services.
 *
 * @packageDocumentation
 */
export { isIsoDate } from './iso-date.js';
export type { IsoDate } from './iso-date.js';
export { easterSunday } from './easter-sunday.js';
export type {
  CalendarDefinition,
  CalendarOverrides,
  DayChange,
  DayTransfer,
  EasterHolidayRule,
  FixedHolidayRule,
  HolidayRule,
  HolidayRuleBase,
  IsoWeekday,
  NthWeekdayHolidayRule,
  YearTable,
} from './calendar-definition.js';
export { WorkingCalendar } from './working-calendar.js';
export type { DayInfo, DayKind, NextWorkingDayOptions } from './working-calendar.js';
export { LT_CALENDAR, lt } from './lt.js';
export { RU_CALENDAR, ru } from './ru.js';
export { RU_DECREE_TABLES } from './ru-decree-tables.js';
export { assertDeadlineRule } from './deadline-rule.js';
export type { DeadlineRule, DeadlineStart, DeadlineUnit } from './deadline-rule.js';
export { describeDeadlineRule } from './describe-deadline-rule.js';
export { dueDate } from './due-date.js';
export { MAX_SPAN_DAYS } from './max-span-days.js';
export type {
  ClockPause,
  DeadlineExtension,
  DueDateOptions,
  DueDateResult,
  DueDateStep,
  DueDateStepKind,
} from './due-date.js';
