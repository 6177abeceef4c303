import type { CalendarDefinition, HolidayRule } from './calendar-definition.js';
import { WorkingCalendar } from './working-calendar.js';

const holidays: readonly HolidayRule[] = [
  {
    kind: 'fixed',
    id: 'new-year',
    month: 1,
    day: 1,
    name: { lt: 'Naujieji metai', en: "New Year's Day", ru: 'Новый год' },
  },
  {
    kind: 'fixed',
    id: 'state-restoration',
    month: 2,
    day: 16,
    name: {
      lt: 'Lietuvos valstybės atkūrimo diena',
      en: 'Day of Restoration of the State of Lithuania',
      ru: 'День восстановления Литовского государства',
    },
  },
  {
    kind: 'fixed',
    id: 'independence-restoration',
    month: 3,
    day: 11,
    name: {
      lt: 'Lietuvos nepriklausomybės atkūrimo diena',
      en: 'Day of Restoration of Independence of Lithuania',
      ru: 'День восстановления независимости Литвы',
    },
  },
  {
    kind: 'easter',
    id: 'easter-sunday',
    offsetDays: 0,
    name: { lt: 'Velykos', en: 'Easter Sunday', ru: 'Пасха' },
  },
  {
    kind: 'easter',
    id: 'easter-monday',
    offsetDays: 1,
    name: { lt: 'Antroji Velykų diena', en: 'Easter Monday', ru: 'Второй день Пасхи' },
  },
  {
    kind: 'fixed',
    id: 'labour-day',
    month: 5,
    day: 1,
    name: {
      lt: 'Tarptautinė darbo diena',
      en: 'International Labour Day',
      ru: 'Международный день труда',
    },
  },
  {
    kind: 'nth-weekday',
    id: 'mothers-day',
    month: 5,
    weekday: 7,
    nth: 1,
    name: { lt: 'Motinos diena', en: "Mother's Day", ru: 'День матери' },
  },
  {
    kind: 'nth-weekday',
    id: 'fathers-day',
    month: 6,
    weekday: 7,
    nth: 1,
    name: { lt: 'Tėvo diena', en: "Father's Day", ru: 'День отца' },
  },
  {
    kind: 'fixed',
    id: 'st-johns-day',
    month: 6,
    day: 24,
    name: {
      lt: 'Rasos ir Joninių diena',
      en: "St John's Day (Midsummer)",
      ru: 'День росы и Йонинес',
    },
  },
  {
    kind: 'fixed',
    id: 'statehood-day',
    month: 7,
    day: 6,
    name: {
      lt: 'Valstybės (Karaliaus Mindaugo karūnavimo) diena',
      en: 'Statehood Day',
      ru: 'День государственности',
    },
  },
  {
    kind: 'fixed',
    id: 'assumption',
    month: 8,
    day: 15,
    name: { lt: 'Žolinė', en: 'Assumption Day', ru: 'Успение Пресвятой Девы Марии' },
  },
  {
    kind: 'fixed',
    id: 'all-saints',
    month: 11,
    day: 1,
    name: { lt: 'Visų Šventųjų diena', en: "All Saints' Day", ru: 'День всех святых' },
  },
  {
    kind: 'fixed',
    id: 'all-souls',
    month: 11,
    day: 2,
    from: '2020-01-01',
    name: {
      lt: 'Mirusiųjų atminimo (Vėlinių) diena',
      en: "All Souls' Day",
      ru: 'День поминовения усопших',
    },
  },
  {
    kind: 'fixed',
    id: 'christmas-eve',
    month: 12,
    day: 24,
    name: { lt: 'Kūčių diena', en: 'Christmas Eve', ru: 'Сочельник' },
  },
  {
    kind: 'fixed',
    id: 'christmas',
    month: 12,
    day: 25,
    name: { lt: 'Šv. Kalėdos', en: 'Christmas Day', ru: 'Рождество' },
  },
  {
    kind: 'fixed',
    id: 'christmas-2',
    month: 12,
    day: 26,
    name: {
      lt: 'Antroji Kalėdų diena',
      en: 'Second day of Christmas',
      ru: 'Второй день Рождества',
    },
  },
];

/**
 * The definition of {@link lt}: the Lithuanian public holidays of the Labour
 * Code, art. 123, with no yearly acts.
 *
 * @remarks
 * Fixed dates plus Easter Sunday and Monday (Western computus, see
 * {@link easterSunday}) and Mother's and Father's Day (first Sundays of May and
 * June). All Souls' Day (Vėlinės, 2 November) is a holiday from 2020 (an amendment of
 * art. 123 in force from that year) and not before. A holiday on a weekend gives no
 * substitute day. The working day before a holiday is one hour shorter. The
 * Government has at times moved rest days by resolution; such transfers go in
 * `years` through {@link WorkingCalendar.with}. Earlier changes of the list
 * (before 2000) are not modelled.
 *
 * @example
 * ```ts
 * LT_CALENDAR.timeZone; // => 'Europe/Vilnius'
 * LT_CALENDAR.holidays.length; // => 16
 * ```
 */
export const LT_CALENDAR: CalendarDefinition = {
  id: 'lt',
  name: {
    lt: 'Lietuvos darbo dienų kalendorius',
    en: 'Lithuanian working calendar',
    ru: 'Производственный календарь Литвы',
  },
  timeZone: 'Europe/Vilnius',
  weekend: [6, 7],
  holidays,
  weekendSubstitution: false,
  shortDayBeforeHoliday: true,
  years: {},
};

/**
 * The Lithuanian working calendar: Labour Code holidays, Easter by computus,
 * Vėlinės from 2020, short pre-holiday days, time zone `Europe/Vilnius`.
 *
 * @remarks
 * See {@link LT_CALENDAR} for the rules and their sources. Checked against npm
 * `date-holidays` for every day of 2000–2035.
 *
 * @example
 * ```ts
 * lt.isWorkingDay('2019-11-04'); // => true
 * lt.isWorkingDay('2020-11-02'); // => false
 * lt.nextWorkingDay('2026-04-03'); // => '2026-04-07'
 * ```
 */
export const lt: WorkingCalendar = new WorkingCalendar(LT_CALENDAR);
