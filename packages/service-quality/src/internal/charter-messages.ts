// The localised message tables of the citizens' charter. Sentences are built
// so that each number stands in the nominative after a colon ("terminas:
// 5 darbo dienos", "срок: 30 календарных дней"), which keeps Lithuanian and
// Russian grammatical without case agreement.

import type { EventName } from '../interaction-case.js';

type Forms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & { readonly other: string };

export interface CharterMessages {
  readonly title: string;
  readonly intro: string;
  readonly principles: string;
  readonly commitments: string;
  readonly services: string;
  readonly expectations: string;
  readonly complaints: string;
  readonly satisfaction: string;
  readonly daysLimit: string;
  readonly durationLimit: string;
  readonly ringsLimit: string;
  readonly extension: string;
  readonly target: string;
  readonly abandoned: string;
  readonly replyChannel: string;
  readonly openingHours: string;
  readonly shortDay: string;
  readonly satisfactionTarget: string;
  readonly countStart: string;
  readonly events: Readonly<Record<EventName, string>>;
  readonly units: Readonly<
    Record<'minutes' | 'hours' | 'seconds' | 'working-days' | 'calendar-days', Forms>
  >;
}

export const CHARTER_MESSAGES: Readonly<Record<'lt' | 'en' | 'ru', CharterMessages>> = {
  en: {
    title: "Citizens' charter",
    intro: '{institution} commit to serve you by the principles and norms below ({standard}).',
    principles: 'Our principles',
    commitments: 'What we commit to',
    services: 'Commitments of our services',
    expectations: 'What we ask of you',
    complaints: 'How to complain',
    satisfaction: 'How we measure your satisfaction',
    daysLimit: '{title} — time limit: {rule}.',
    durationLimit: '{title} — at most {amount}.',
    ringsLimit: '{title} — at most {amount} rings.',
    extension: ' The time limit may be extended by {amount}; we will tell you.',
    target: ' Our target: {share} of cases.',
    abandoned: ' Unanswered calls: at most {share}.',
    replyChannel: '{title} — we reply by the channel you used, or by the one you ask for.',
    openingHours: '{title} — opening hours: {hours}.',
    shortDay: ' On the working day before a public holiday we close earlier, by {amount}.',
    satisfactionTarget: '{title} — at least {minimum} out of 100.',
    countStart: ' Start of the count: {event}.',
    events: {
      received: 'receipt',
      registered: 'registration',
      forwarded: 'forwarding',
      notified: 'notice of the forwarding',
      confirmed: 'confirmation',
      answered: 'reply',
      decided: 'decision',
      extensionDecided: 'decision to extend',
      extensionNotified: 'notice of the extension',
      ticketIssued: 'issue of the queue ticket',
      called: 'call to the desk',
      started: 'start of the reception',
      ended: 'end of the reception',
    },
    units: {
      minutes: { one: 'minute', other: 'minutes' },
      hours: { one: 'hour', other: 'hours' },
      seconds: { one: 'second', other: 'seconds' },
      'working-days': { one: 'working day', other: 'working days' },
      'calendar-days': { one: 'calendar day', other: 'calendar days' },
    },
  },
  lt: {
    title: 'Piliečių chartija',
    intro:
      '{institution} įsipareigoja jus aptarnauti pagal toliau nurodytus principus ir normas ({standard}).',
    principles: 'Mūsų principai',
    commitments: 'Ką įsipareigojame',
    services: 'Paslaugų įsipareigojimai',
    expectations: 'Ko prašome iš jūsų',
    complaints: 'Kaip pateikti skundą',
    satisfaction: 'Kaip matuojame jūsų pasitenkinimą',
    daysLimit: '{title} – terminas: {rule}.',
    durationLimit: '{title} – didžiausia trukmė: {amount}.',
    ringsLimit: '{title} – didžiausias signalų skaičius: {amount}.',
    extension: ' Terminas gali būti pratęstas, pratęsimas: {amount}; apie tai jums pranešime.',
    target: ' Mūsų tikslas: {share} atvejų.',
    abandoned: ' Neatsilieptų skambučių dalis: ne daugiau kaip {share}.',
    replyChannel: '{title} – atsakome tuo būdu, kuriuo kreipėtės, arba tuo, kurio prašote.',
    openingHours: '{title} – darbo laikas: {hours}.',
    shortDay: ' Prieššventinę darbo dieną dirbame trumpiau, sutrumpinimas: {amount}.',
    satisfactionTarget: '{title} – ne mažiau kaip {minimum} iš 100.',
    countStart: ' Skaičiavimo pradžia: {event}.',
    events: {
      received: 'gavimas',
      registered: 'registravimas',
      forwarded: 'persiuntimas',
      notified: 'pranešimas apie persiuntimą',
      confirmed: 'patvirtinimas',
      answered: 'atsakymas',
      decided: 'sprendimas',
      extensionDecided: 'sprendimas pratęsti terminą',
      extensionNotified: 'pranešimas apie pratęsimą',
      ticketIssued: 'eilės bilieto išdavimas',
      called: 'iškvietimas',
      started: 'priėmimo pradžia',
      ended: 'priėmimo pabaiga',
    },
    units: {
      minutes: { one: 'minutė', few: 'minutės', many: 'minutės', other: 'minučių' },
      hours: { one: 'valanda', few: 'valandos', many: 'valandos', other: 'valandų' },
      seconds: { one: 'sekundė', few: 'sekundės', many: 'sekundės', other: 'sekundžių' },
      'working-days': {
        one: 'darbo diena',
        few: 'darbo dienos',
        many: 'darbo dienos',
        other: 'darbo dienų',
      },
      'calendar-days': {
        one: 'kalendorinė diena',
        few: 'kalendorinės dienos',
        many: 'kalendorinės dienos',
        other: 'kalendorinių dienų',
      },
    },
  },
  ru: {
    title: 'Хартия граждан',
    intro:
      '{institution} обязуются обслуживать вас в соответствии с принципами и нормами ниже ({standard}).',
    principles: 'Наши принципы',
    commitments: 'Наши обязательства',
    services: 'Обязательства по услугам',
    expectations: 'О чём мы просим вас',
    complaints: 'Как подать жалобу',
    satisfaction: 'Как мы измеряем вашу удовлетворённость',
    daysLimit: '{title} — срок: {rule}.',
    durationLimit: '{title} — предельное время: {amount}.',
    ringsLimit: '{title} — наибольшее число гудков: {amount}.',
    extension: ' Срок может быть продлён, продление: {amount}; мы вас уведомим.',
    target: ' Наша цель: {share} случаев.',
    abandoned: ' Доля неотвеченных звонков: не более {share}.',
    replyChannel:
      '{title} — отвечаем тем способом, которым вы обратились, или тем, который вы укажете.',
    openingHours: '{title} — часы работы: {hours}.',
    shortDay: ' В предпраздничный рабочий день мы работаем меньше, сокращение: {amount}.',
    satisfactionTarget: '{title} — не менее {minimum} из 100.',
    countStart: ' Начало отсчёта: {event}.',
    events: {
      received: 'получение',
      registered: 'регистрация',
      forwarded: 'пересылка',
      notified: 'уведомление о пересылке',
      confirmed: 'подтверждение',
      answered: 'ответ',
      decided: 'решение',
      extensionDecided: 'решение о продлении срока',
      extensionNotified: 'уведомление о продлении',
      ticketIssued: 'выдача талона',
      called: 'вызов',
      started: 'начало приёма',
      ended: 'окончание приёма',
    },
    units: {
      minutes: { one: 'минута', few: 'минуты', many: 'минут', other: 'минуты' },
      hours: { one: 'час', few: 'часа', many: 'часов', other: 'часа' },
      seconds: { one: 'секунда', few: 'секунды', many: 'секунд', other: 'секунды' },
      'working-days': {
        one: 'рабочий день',
        few: 'рабочих дня',
        many: 'рабочих дней',
        other: 'рабочих дня',
      },
      'calendar-days': {
        one: 'календарный день',
        few: 'календарных дня',
        many: 'календарных дней',
        other: 'календарных дня',
      },
    },
  },
};

/** Fills `{name}` placeholders; unknown names stay as written. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? whole) : whole,
  );
}

/** `5 minutės`, `21 рабочий день`: a whole amount with its unit in the plural form of the locale. */
export function amountWithUnit(amount: number, forms: Forms, language: 'lt' | 'en' | 'ru'): string {
  const category = new Intl.PluralRules(language).select(amount);
  return `${new Intl.NumberFormat(language).format(amount)} ${forms[category] ?? forms.other}`;
}
