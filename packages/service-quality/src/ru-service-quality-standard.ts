import type { ServiceQualityStandard } from './service-quality-standard.js';
import { LT_SERVICE_QUALITY_STANDARD } from './lt-service-quality-standard.js';

const FZ59 = {
  lt: 'Rusijos federalinis įstatymas Nr. 59-FZ „Dėl piliečių kreipimųsi nagrinėjimo tvarkos“',
  en: 'Russian Federal Law No. 59-FZ "On the procedure for considering appeals of citizens"',
  ru: 'Федеральный закон от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации»',
} as const;

/**
 * The Russian customer-service quality standard: the norms with Russian
 * defaults of the methods note, as editable data.
 *
 * @remarks
 * Sources (`methods/service-norms.md`, each norm's `source`): N1 a written
 * appeal answered within 30 calendar days from registration, extendable by
 * 30 (Federal Law 59-FZ, art. 12); N2 registration within 3 days (59-FZ,
 * art. 8 p. 2); N3 forwarding within 7 days from registration (59-FZ, art. 8
 * p. 3); N6 a complaint decided within 30 days; N8 the MFC queue at most 15
 * minutes (Government Decree No. 1376 of 22.12.2012 on MFCs); N9 a reception
 * of at most 20 minutes; N13 published opening hours kept; N14 the NOK
 * criterion score (Order 344n) at least the target. Calendar-day deadlines
 * that fall on a day off move to the next working day (Civil Code art. 193).
 * N10 and N12 are municipal values in Russia and are left out; add them as
 * data. The N14 minimum (80) and target shares are placeholders. The
 * principles, expectations and texts are those of the Lithuanian model.
 *
 * @example
 * ```ts
 * RU_SERVICE_QUALITY_STANDARD.norms.map((n) => n.id).join(' '); // => 'N1 N2 N3 N6 N8 N9 N13 N14'
 * const n8 = RU_SERVICE_QUALITY_STANDARD.norms[4];
 * n8.kind === 'waiting-time' && n8.maxMinutes; // => 15
 * ```
 */
export const RU_SERVICE_QUALITY_STANDARD: ServiceQualityStandard = {
  id: 'ru-model',
  version: '2026-1',
  title: {
    lt: 'Aptarnavimo kokybės standartas (Rusija)',
    en: 'Customer-service quality standard (Russia)',
    ru: 'Стандарт качества обслуживания',
  },
  institution: {
    lt: 'Miesto švietimo valdyba ir jai pavaldžios organizacijos',
    en: 'The city education authority and its organisations',
    ru: 'Управление образования города и подведомственные организации',
  },
  scope: {},
  principles: LT_SERVICE_QUALITY_STANDARD.principles,
  norms: [
    {
      id: 'N1',
      kind: 'response-deadline',
      title: {
        lt: 'Atsakymas į rašytinį kreipimąsi',
        en: 'Reply to a written appeal',
        ru: 'Ответ на письменное обращение',
      },
      scope: { kinds: ['request'] },
      from: 'registered',
      to: 'answered',
      deadline: {
        amount: 30,
        unit: 'calendar-days',
        countFrom: 'next-day',
        moveOffNonWorkingDay: true,
      },
      extension: { amount: 30, unit: 'calendar-days' },
      targetShare: 0.95,
      source: {
        lt: `${FZ59.lt}, 12 str.`,
        en: `${FZ59.en}, art. 12`,
        ru: `${FZ59.ru}, ст. 12`,
      },
    },
    {
      id: 'N2',
      kind: 'latency',
      title: {
        lt: 'Kreipimosi registravimas',
        en: 'Registration of an appeal',
        ru: 'Регистрация обращения',
      },
      scope: { kinds: ['request', 'complaint'] },
      from: 'received',
      to: 'registered',
      limit: { amount: 3, unit: 'calendar-days', countFrom: 'next-day' },
      targetShare: 0.95,
      source: {
        lt: `${FZ59.lt}, 8 str. 2 d.`,
        en: `${FZ59.en}, art. 8 p. 2`,
        ru: `${FZ59.ru}, ст. 8 ч. 2`,
      },
    },
    {
      id: 'N3',
      kind: 'latency',
      title: {
        lt: 'Persiuntimas kompetentingai institucijai',
        en: 'Forwarding to the competent body',
        ru: 'Направление в компетентный орган',
      },
      scope: { kinds: ['request', 'complaint'] },
      onlyIf: 'forwarded',
      from: 'registered',
      to: 'forwarded',
      limit: { amount: 7, unit: 'calendar-days', countFrom: 'next-day' },
      targetShare: 0.95,
      source: {
        lt: `${FZ59.lt}, 8 str. 3 d.`,
        en: `${FZ59.en}, art. 8 p. 3`,
        ru: `${FZ59.ru}, ст. 8 ч. 3`,
      },
    },
    {
      id: 'N6',
      kind: 'response-deadline',
      title: {
        lt: 'Sprendimas dėl skundo',
        en: 'Decision on a complaint',
        ru: 'Решение по жалобе',
      },
      scope: { kinds: ['complaint'] },
      from: 'registered',
      to: 'decided',
      deadline: { amount: 30, unit: 'calendar-days', countFrom: 'next-day' },
      targetShare: 0.95,
      source: {
        lt: `${FZ59.lt}, 12 str.`,
        en: `${FZ59.en}, art. 12`,
        ru: `${FZ59.ru}, ст. 12`,
      },
    },
    {
      id: 'N8',
      kind: 'waiting-time',
      title: {
        lt: 'Laukimas eilėje (DFC)',
        en: 'Waiting in the queue (MFC)',
        ru: 'Ожидание в очереди (МФЦ)',
      },
      scope: { kinds: ['visit'] },
      from: 'ticketIssued',
      to: 'called',
      maxMinutes: 15,
      targetShare: 0.95,
      source: {
        lt: 'RF Vyriausybės 2012-12-22 nutarimas Nr. 1376 (daugiafunkcių centrų veiklos taisyklės)',
        en: 'Russian Government Decree No. 1376 of 22.12.2012 (rules of multifunctional centres)',
        ru: 'Постановление Правительства РФ от 22.12.2012 № 1376 (Правила организации деятельности МФЦ)',
      },
    },
    {
      id: 'N9',
      kind: 'waiting-time',
      title: {
        lt: 'Priėmimo trukmė',
        en: 'Length of a reception',
        ru: 'Продолжительность приёма',
      },
      scope: { kinds: ['visit'] },
      from: 'started',
      to: 'ended',
      maxMinutes: 20,
      targetShare: 0.95,
      source: {
        lt: 'methods/service-norms.md, N9: 20 minučių (RU)',
        en: 'methods/service-norms.md, N9: 20 minutes (RU default)',
        ru: 'methods/service-norms.md, N9: 20 минут (RU)',
      },
    },
    {
      id: 'N13',
      kind: 'opening-hours',
      title: {
        lt: 'Skelbiamo darbo laiko laikymasis',
        en: 'Published opening hours kept',
        ru: 'Соблюдение объявленного режима работы',
      },
      scope: { kinds: ['visit', 'call'] },
      hours: [
        { weekdays: [1, 2, 3, 4], opens: '09:00', closes: '18:00' },
        { weekdays: [5], opens: '09:00', closes: '16:45' },
      ],
      shortDayMinutes: 60,
      targetShare: 0.99,
      source: {
        lt: 'methods/service-norms.md, N13: privaloma (RU); valanda trumpiau prieššventinę dieną (RF DK 95 str.)',
        en: 'methods/service-norms.md, N13: required (RU); one hour shorter before a holiday (Labour Code art. 95)',
        ru: 'methods/service-norms.md, N13: обязательно; в предпраздничный день на час короче (ТК РФ ст. 95)',
      },
    },
    {
      id: 'N14',
      kind: 'satisfaction-target',
      title: {
        lt: 'NOK kriterijaus balas',
        en: 'NOK criterion score',
        ru: 'Балл критерия НОК',
      },
      indexId: 'nok-total',
      minimum: 80,
      source: {
        lt: 'RF Darbo ministerijos įsakymas Nr. 344n; tikslinė reikšmė (80) – savivaldybės',
        en: 'Order No. 344n of the Russian Ministry of Labour; the target (80) is a municipal value',
        ru: 'Приказ Минтруда России № 344н; целевое значение (80) устанавливает муниципалитет',
      },
    },
  ],
  expectations: LT_SERVICE_QUALITY_STANDARD.expectations,
  complaints: {
    lt: 'Skundą galite pateikti raštu, el. paštu ar per e. paslaugą. Atsakymą gausite per 30 dienų nuo registravimo.',
    en: 'You can complain in writing, by e-mail or through the e-service. You will get a reply within 30 days of registration.',
    ru: 'Жалобу можно подать письменно, по электронной почте или через электронную услугу. Ответ вы получите в течение 30 дней со дня регистрации.',
  },
  satisfactionMeasurement: {
    lt: 'Paslaugų teikimo sąlygų kokybė vertinama nepriklausomu vertinimu (NOK, įsakymas Nr. 344n): informacijos atvirumo auditas ir gavėjų apklausa.',
    en: 'The quality of service conditions is assessed by the independent assessment (NOK, Order 344n): an audit of information openness and a survey of recipients.',
    ru: 'Качество условий оказания услуг оценивается в ходе независимой оценки (НОК, приказ № 344н): аудит информационной открытости и опрос получателей услуг.',
  },
};
