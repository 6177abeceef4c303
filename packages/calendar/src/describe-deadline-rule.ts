import { localeChain, type Locale } from '@edu-quality/core';
import { assertDeadlineRule, type DeadlineRule } from './deadline-rule.js';

type Forms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & { readonly other: string };

interface Phrases {
  readonly working: Forms;
  readonly calendar: Forms;
  readonly receipt: string;
  readonly nextDay: string;
  readonly moved: string;
}

const PHRASES: Readonly<Record<'lt' | 'en' | 'ru', Phrases>> = {
  lt: {
    working: { one: 'darbo diena', few: 'darbo dienos', other: 'darbo dienų' },
    calendar: { one: 'kalendorinė diena', few: 'kalendorinės dienos', other: 'kalendorinių dienų' },
    receipt: 'skaičiuojant nuo gavimo dienos',
    nextDay: 'skaičiuojant nuo kitos dienos po gavimo',
    moved: 'jei termino paskutinė diena yra ne darbo diena, terminas baigiasi kitą darbo dieną',
  },
  en: {
    working: { one: 'working day', other: 'working days' },
    calendar: { one: 'calendar day', other: 'calendar days' },
    receipt: 'counted from the day of receipt',
    nextDay: 'counted from the day after receipt',
    moved: 'a deadline that falls on a day off moves to the next working day',
  },
  ru: {
    working: {
      one: 'рабочий день',
      few: 'рабочих дня',
      many: 'рабочих дней',
      other: 'рабочих дня',
    },
    calendar: {
      one: 'календарный день',
      few: 'календарных дня',
      many: 'календарных дней',
      other: 'календарных дня',
    },
    receipt: 'начиная со дня получения',
    nextDay: 'начиная со дня, следующего за днём получения',
    moved:
      'если последний день срока приходится на нерабочий день, срок оканчивается в ближайший рабочий день',
  },
};

/**
 * States a deadline rule in words, in Lithuanian, English or Russian (other
 * locales get English).
 *
 * @remarks
 * Used where a rule cannot be given as a number, for example in the CPSV-AP
 * description of a service whose deadline is in working days (an
 * `xsd:duration` cannot express working days). Plural forms follow
 * `Intl.PluralRules` of the locale.
 *
 * @param rule - the rule
 * @param locale - a BCP 47 tag such as `lt`, `en` or `ru-RU`
 * @returns one sentence without a final full stop
 * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` for an invalid rule
 *
 * @example
 * ```ts
 * describeDeadlineRule({ amount: 20, unit: 'working-days' }, 'en'); // => '20 working days, counted from the day after receipt'
 * describeDeadlineRule({ amount: 20, unit: 'working-days' }, 'lt'); // => '20 darbo dienų, skaičiuojant nuo kitos dienos po gavimo'
 * describeDeadlineRule({ amount: 21, unit: 'working-days', countFrom: 'receipt' }, 'lt'); // => '21 darbo diena, skaičiuojant nuo gavimo dienos'
 * describeDeadlineRule({ amount: 30, unit: 'calendar-days' }, 'ru'); // => '30 календарных дней, начиная со дня, следующего за днём получения; если последний день срока приходится на нерабочий день, срок оканчивается в ближайший рабочий день'
 * ```
 */
export function describeDeadlineRule(rule: DeadlineRule, locale: Locale): string {
  assertDeadlineRule(rule, 'describeDeadlineRule');
  const language = localeChain(locale).at(-1) ?? 'en';
  const key = language === 'lt' || language === 'ru' ? language : 'en';
  const phrases = PHRASES[key];
  const category = new Intl.PluralRules(key).select(rule.amount);
  const forms = rule.unit === 'working-days' ? phrases.working : phrases.calendar;
  const unit = forms[category] ?? forms.other;
  const start = rule.countFrom === 'receipt' ? phrases.receipt : phrases.nextDay;
  const moved =
    rule.unit === 'calendar-days' && rule.moveOffNonWorkingDay !== false
      ? `; ${phrases.moved}`
      : '';
  return `${rule.amount} ${unit}, ${start}${moved}`;
}
