import type { CalendarDefinition, HolidayRule } from './calendar-definition.js';
import { RU_DECREE_TABLES } from './ru-decree-tables.js';
import { WorkingCalendar } from './working-calendar.js';

const newYear = {
  ru: 'Новогодние каникулы',
  en: 'New Year holidays',
  lt: 'Naujųjų metų atostogos',
};

// January 1–8 have no automatic substitution (art. 112 part 2); the decree moves two of them.
const january = (day: number, from?: string): HolidayRule => ({
  kind: 'fixed',
  id: `new-year-${day}`,
  month: 1,
  day,
  name: newYear,
  substitute: false,
  ...(from !== undefined ? { from } : {}),
});

const holidays: readonly HolidayRule[] = [
  january(1),
  january(2),
  // Federal Law No. 201-FZ of 29.12.2004: New Year holidays 1–5 January from 2005.
  january(3, '2005-01-01'),
  january(4, '2005-01-01'),
  january(5, '2005-01-01'),
  // Federal Law No. 35-FZ of 23.04.2012: 6 and 8 January added from 2013.
  january(6, '2013-01-01'),
  {
    kind: 'fixed',
    id: 'christmas',
    month: 1,
    day: 7,
    substitute: false,
    name: { ru: 'Рождество Христово', en: 'Orthodox Christmas', lt: 'Stačiatikių Kalėdos' },
  },
  january(8, '2013-01-01'),
  {
    kind: 'fixed',
    id: 'defender-day',
    month: 2,
    day: 23,
    name: {
      ru: 'День защитника Отечества',
      en: 'Defender of the Fatherland Day',
      lt: 'Tėvynės gynėjo diena',
    },
  },
  {
    kind: 'fixed',
    id: 'womens-day',
    month: 3,
    day: 8,
    name: {
      ru: 'Международный женский день',
      en: "International Women's Day",
      lt: 'Tarptautinė moters diena',
    },
  },
  {
    kind: 'fixed',
    id: 'spring-labour-day',
    month: 5,
    day: 1,
    name: {
      ru: 'Праздник Весны и Труда',
      en: 'Spring and Labour Day',
      lt: 'Pavasario ir darbo šventė',
    },
  },
  {
    kind: 'fixed',
    id: 'may-2',
    month: 5,
    day: 2,
    until: '2004-12-31',
    name: {
      ru: 'Праздник Весны и Труда',
      en: 'Spring and Labour Day',
      lt: 'Pavasario ir darbo šventė',
    },
  },
  {
    kind: 'fixed',
    id: 'victory-day',
    month: 5,
    day: 9,
    name: { ru: 'День Победы', en: 'Victory Day', lt: 'Pergalės diena' },
  },
  {
    kind: 'fixed',
    id: 'russia-day',
    month: 6,
    day: 12,
    name: { ru: 'День России', en: 'Russia Day', lt: 'Rusijos diena' },
  },
  {
    kind: 'fixed',
    id: 'unity-day',
    month: 11,
    day: 4,
    from: '2005-01-01',
    name: { ru: 'День народного единства', en: 'Unity Day', lt: 'Tautos vienybės diena' },
  },
  {
    kind: 'fixed',
    id: 'october-revolution',
    month: 11,
    day: 7,
    until: '2004-12-31',
    name: {
      ru: 'День согласия и примирения',
      en: 'Day of Accord and Reconciliation',
      lt: 'Santarvės ir susitaikymo diena',
    },
  },
  {
    kind: 'fixed',
    id: 'constitution-day',
    month: 12,
    day: 12,
    until: '2004-12-31',
    name: { ru: 'День Конституции', en: 'Constitution Day', lt: 'Konstitucijos diena' },
  },
];

/**
 * The definition of {@link ru}: the non-working holidays of the Russian
 * Labour Code art. 112, the weekend-substitution rule, and the yearly decree
 * tables {@link RU_DECREE_TABLES}.
 *
 * @remarks
 * Holidays: 1–6 and 8 January (New Year holidays), 7 January (Christmas),
 * 23 February, 8 March, 1 May, 9 May, 12 June, 4 November; with the 2005 and
 * 2013 changes of the list. A holiday on a weekend moves the day off to the
 * next working day (art. 112 part 2), except the January holidays, two of
 * which the yearly decree moves instead. The working day before a holiday is
 * one hour shorter (art. 95). Time zone `Europe/Moscow`; an institution in
 * another region derives its calendar with `ru.with({ timeZone })`.
 *
 * @example
 * ```ts
 * RU_CALENDAR.weekendSubstitution; // => true
 * RU_CALENDAR.timeZone; // => 'Europe/Moscow'
 * ```
 */
export const RU_CALENDAR: CalendarDefinition = {
  id: 'ru',
  name: {
    ru: 'Производственный календарь России',
    en: 'Russian working calendar',
    lt: 'Rusijos darbo dienų kalendorius',
  },
  timeZone: 'Europe/Moscow',
  weekend: [6, 7],
  holidays,
  weekendSubstitution: true,
  shortDayBeforeHoliday: true,
  years: RU_DECREE_TABLES,
  actsYearly: true,
};

/**
 * The Russian working calendar (the "production calendar"): Labour Code
 * holidays, weekend substitution and the yearly decree tables 2015–2027.
 *
 * @remarks
 * See {@link RU_CALENDAR} and {@link RU_DECREE_TABLES}. Years without a
 * confirmed decree (2027, and any year after) follow the statutory rules only.
 *
 * @example
 * ```ts
 * ru.isWorkingDay('2026-01-09'); // => false
 * ru.isWorkingDay('2026-05-11'); // => false
 * ru.isWorkingDay('2026-12-31'); // => false
 * ru.isWorkingDay('2025-11-01'); // => true
 * ```
 */
export const ru: WorkingCalendar = new WorkingCalendar(RU_CALENDAR);
