import type { LocalizedText } from '@edu-quality/core';
import type { Principle, ServiceQualityStandard } from './service-quality-standard.js';

const METHODS = 'methods/service-norms.md';
const municipal = (id: string, value: string): LocalizedText => ({
  lt: `Savivaldybės nustatoma reikšmė (${METHODS}, ${id}); parengtame standarte – ${value}, pakeiskite savąja`,
  en: `A municipal value (${METHODS}, ${id}); the ready standard uses ${value}: replace it with yours`,
  ru: `Значение устанавливает муниципалитет (${METHODS}, ${id}); в готовом стандарте – ${value}, замените своим`,
});

/** The six principles of the Lithuanian model standard, mapped to dimensions of the education satisfaction questionnaire. */
const PRINCIPLES: readonly Principle[] = [
  {
    id: 'professionalism',
    title: {
      lt: 'Profesionalumas ir kompetencija',
      en: 'Professionalism and competence',
      ru: 'Профессионализм и компетентность',
    },
    measuredBy: { dimensions: ['staff'] },
  },
  {
    id: 'respect',
    title: { lt: 'Pagarba asmeniui', en: 'Respect for the person', ru: 'Уважение к человеку' },
    measuredBy: { dimensions: ['staff'] },
  },
  {
    id: 'confidentiality',
    title: {
      lt: 'Informacijos konfidencialumas',
      en: 'Confidentiality of information',
      ru: 'Конфиденциальность информации',
    },
    measuredBy: { dimensions: ['staff'] },
  },
  {
    id: 'timely-decisions',
    title: {
      lt: 'Skaidrūs ir savalaikiai sprendimai',
      en: 'Transparent and timely decisions',
      ru: 'Прозрачные и своевременные решения',
    },
    measuredBy: { dimensions: ['timeliness'] },
  },
  {
    id: 'information',
    title: {
      lt: 'Prieinama, patikima ir aiški informacija',
      en: 'Accessible, reliable and clear information',
      ru: 'Доступная, достоверная и понятная информация',
    },
    measuredBy: { dimensions: ['information', 'accessibility'] },
  },
  {
    id: 'cooperation',
    title: {
      lt: 'Mandagus ir dalykiškas bendradarbiavimas',
      en: 'Polite and businesslike cooperation',
      ru: 'Вежливое и деловое сотрудничество',
    },
    measuredBy: { dimensions: ['staff'] },
  },
];

/**
 * The Lithuanian model customer-service quality standard: the six principles
 * and norms N1–N14 with the Lithuanian defaults of the methods note, as
 * editable data.
 *
 * @remarks
 * Numbers and their sources (`methods/service-norms.md`, each norm's `source`):
 * N1 written request answered within 20 working days counted from the day
 * after receipt, the clarification pause not counted; N3 forwarded to the
 * competent body within 5 working days; N4 applicant told of the forwarding
 * within 3 working days; N5 receipt confirmed within 3 working days when
 * asked; N6 complaint decided within 20 working days, +10 when extended;
 * N7 notice of an extension within 2 working days; N10 phone answered before
 * the 3rd ring; N11 reply by the channel of the request; N13 published
 * opening hours kept; N14 satisfaction index at least the target.
 * The methods note gives no Lithuanian number for N2, N8, N9, N12 and the
 * targets: these are municipal values, and the ready standard carries
 * placeholders marked as such in their `source` (N2 1 working day, N8 15
 * minutes, N9 30 minutes, N12 5 working days, N10 abandoned share 10%,
 * N14 index 75, target shares 95%/90%/80%). Replace them with the values
 * your municipality approved. The time zone comes from the calendar
 * (`lt`: Europe/Vilnius). Copy before editing: `structuredClone(LT_SERVICE_QUALITY_STANDARD)`.
 *
 * @example
 * ```ts
 * LT_SERVICE_QUALITY_STANDARD.norms.map((n) => n.id).join(' '); // => 'N1 N2 N3 N4 N5 N6 N7 N8 N9 N10 N11 N12 N13 N14'
 * const n1 = LT_SERVICE_QUALITY_STANDARD.norms[0];
 * n1.kind === 'response-deadline' && n1.deadline; // => { amount: 20, unit: 'working-days', countFrom: 'next-day' }
 * ```
 */
export const LT_SERVICE_QUALITY_STANDARD: ServiceQualityStandard = {
  id: 'lt-model',
  version: '2026-1',
  title: {
    lt: 'Asmenų aptarnavimo kokybės standartas',
    en: 'Customer-service quality standard',
    ru: 'Стандарт качества обслуживания',
  },
  institution: {
    lt: 'Savivaldybės administracijos Švietimo skyrius ir švietimo įstaigos',
    en: "The municipality's education department and its education institutions",
    ru: 'Отдел образования администрации муниципалитета и образовательные учреждения',
  },
  scope: {},
  principles: PRINCIPLES,
  norms: [
    {
      id: 'N1',
      kind: 'response-deadline',
      title: {
        lt: 'Atsakymas į rašytinį prašymą',
        en: 'Reply to a written request',
        ru: 'Ответ на письменное обращение',
      },
      scope: { kinds: ['request'] },
      from: 'received',
      to: 'answered',
      deadline: { amount: 20, unit: 'working-days', countFrom: 'next-day' },
      targetShare: 0.95,
      source: {
        lt: `${METHODS}, N1: 20 darbo dienų (LT)`,
        en: `${METHODS}, N1: 20 working days (LT default)`,
        ru: `${METHODS}, N1: 20 рабочих дней (LT)`,
      },
    },
    {
      id: 'N2',
      kind: 'latency',
      title: {
        lt: 'Prašymo registravimas',
        en: 'Registration of a request',
        ru: 'Регистрация обращения',
      },
      scope: { kinds: ['request', 'complaint'] },
      from: 'received',
      to: 'registered',
      limit: { amount: 1, unit: 'working-days' },
      targetShare: 0.95,
      source: municipal('N2', '1 working day'),
    },
    {
      id: 'N3',
      kind: 'latency',
      title: {
        lt: 'Persiuntimas kompetentingai institucijai',
        en: 'Forwarding to the competent body',
        ru: 'Пересылка в компетентный орган',
      },
      scope: { kinds: ['request', 'complaint'] },
      onlyIf: 'forwarded',
      from: 'received',
      to: 'forwarded',
      limit: { amount: 5, unit: 'working-days' },
      targetShare: 0.95,
      source: {
        lt: `${METHODS}, N3: 5 darbo dienos (LT)`,
        en: `${METHODS}, N3: 5 working days (LT default)`,
        ru: `${METHODS}, N3: 5 рабочих дней (LT)`,
      },
    },
    {
      id: 'N4',
      kind: 'latency',
      title: {
        lt: 'Pranešimas pareiškėjui apie persiuntimą',
        en: 'Notice to the applicant of the forwarding',
        ru: 'Уведомление заявителя о пересылке',
      },
      scope: { kinds: ['request', 'complaint'] },
      onlyIf: 'forwarded',
      from: 'forwarded',
      to: 'notified',
      limit: { amount: 3, unit: 'working-days' },
      targetShare: 0.95,
      source: {
        lt: `${METHODS}, N4: 3 darbo dienos (LT)`,
        en: `${METHODS}, N4: 3 working days (LT default)`,
        ru: `${METHODS}, N4: 3 рабочих дня (LT)`,
      },
    },
    {
      id: 'N5',
      kind: 'latency',
      title: {
        lt: 'Gavimo patvirtinimas, kai jo prašoma',
        en: 'Confirmation of receipt when asked',
        ru: 'Подтверждение получения по просьбе заявителя',
      },
      scope: { kinds: ['request', 'complaint'] },
      onlyIf: 'confirmationRequested',
      from: 'registered',
      to: 'confirmed',
      limit: { amount: 3, unit: 'working-days' },
      targetShare: 0.95,
      source: {
        lt: `${METHODS}, N5: 3 darbo dienos (LT)`,
        en: `${METHODS}, N5: 3 working days (LT default)`,
        ru: `${METHODS}, N5: 3 рабочих дня (LT)`,
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
      from: 'received',
      to: 'decided',
      deadline: { amount: 20, unit: 'working-days', countFrom: 'next-day' },
      extension: { amount: 10, unit: 'working-days' },
      targetShare: 0.95,
      source: {
        lt: `${METHODS}, N6: 20 (+10) darbo dienų (LT)`,
        en: `${METHODS}, N6: 20 (+10) working days (LT default)`,
        ru: `${METHODS}, N6: 20 (+10) рабочих дней (LT)`,
      },
    },
    {
      id: 'N7',
      kind: 'latency',
      title: {
        lt: 'Pranešimas apie termino pratęsimą',
        en: 'Notice of an extension',
        ru: 'Уведомление о продлении срока',
      },
      scope: { kinds: ['request', 'complaint'] },
      onlyIf: 'extensionDecided',
      from: 'extensionDecided',
      to: 'extensionNotified',
      limit: { amount: 2, unit: 'working-days' },
      targetShare: 0.95,
      source: {
        lt: `${METHODS}, N7: 2 darbo dienos (LT)`,
        en: `${METHODS}, N7: 2 working days (LT default)`,
        ru: `${METHODS}, N7: 2 рабочих дня (LT)`,
      },
    },
    {
      id: 'N8',
      kind: 'waiting-time',
      title: { lt: 'Laukimas eilėje', en: 'Waiting in the queue', ru: 'Ожидание в очереди' },
      scope: { kinds: ['visit'] },
      from: 'ticketIssued',
      to: 'called',
      maxMinutes: 15,
      targetShare: 0.9,
      source: municipal('N8', '15 minutes'),
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
      maxMinutes: 30,
      targetShare: 0.9,
      source: municipal('N9', '30 minutes'),
    },
    {
      id: 'N10',
      kind: 'phone-answer',
      title: {
        lt: 'Atsiliepimas telefonu',
        en: 'Answering the telephone',
        ru: 'Ответ на телефонный звонок',
      },
      scope: { kinds: ['call'] },
      measure: 'rings',
      max: 2,
      maxAbandonedShare: 0.1,
      targetShare: 0.8,
      source: {
        lt: `${METHODS}, N10: iki 3-iojo skambučio signalo (LT); praleistų skambučių dalis – savivaldybės reikšmė (10 %)`,
        en: `${METHODS}, N10: before the 3rd ring (LT default); the abandoned share is a municipal value (10%)`,
        ru: `${METHODS}, N10: до 3-го гудка (LT); доля пропущенных звонков – значение муниципалитета (10 %)`,
      },
    },
    {
      id: 'N11',
      kind: 'reply-channel',
      title: {
        lt: 'Atsakymas tuo pačiu kanalu, kuriuo kreiptasi',
        en: 'Reply by the channel of the request',
        ru: 'Ответ по каналу обращения',
      },
      scope: { kinds: ['request', 'complaint'] },
      targetShare: 0.95,
      source: {
        lt: `${METHODS}, N11: privaloma (LT)`,
        en: `${METHODS}, N11: required (LT default)`,
        ru: `${METHODS}, N11: обязательно (LT)`,
      },
    },
    {
      id: 'N12',
      kind: 'latency',
      title: {
        lt: 'Atsakymas el. paštu ar per e. paslaugą',
        en: 'Reply to an e-mail or e-service request',
        ru: 'Ответ на обращение по эл. почте или через электронную услугу',
      },
      scope: { kinds: ['request'], channels: ['email', 'e-service'] },
      from: 'received',
      to: 'answered',
      limit: { amount: 5, unit: 'working-days' },
      targetShare: 0.9,
      source: municipal('N12', '5 working days'),
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
        { weekdays: [1, 2, 3, 4], opens: '08:00', closes: '17:00' },
        { weekdays: [5], opens: '08:00', closes: '15:45' },
      ],
      shortDayMinutes: 60,
      targetShare: 0.99,
      source: {
        lt: `${METHODS}, N13: privaloma; darbo laikas – savivaldybės (prieššventinę dieną – valanda trumpiau, DK 112 str.)`,
        en: `${METHODS}, N13: required; the hours are the municipality's (one hour shorter before a holiday, Labour Code)`,
        ru: `${METHODS}, N13: обязательно; часы работы – муниципальные (в предпраздничный день на час короче)`,
      },
    },
    {
      id: 'N14',
      kind: 'satisfaction-target',
      title: {
        lt: 'Vartotojų pasitenkinimo indeksas',
        en: 'Client satisfaction index',
        ru: 'Индекс удовлетворённости потребителей',
      },
      indexId: 'csi',
      minimum: 75,
      source: municipal('N14', 'index 75 of 100'),
    },
  ],
  expectations: [
    {
      lt: 'Būkite mandagūs ir gerbkite darbuotojus bei kitus lankytojus.',
      en: 'Be courteous and respect our staff and other visitors.',
      ru: 'Будьте вежливы и уважайте сотрудников и других посетителей.',
    },
    {
      lt: 'Domėkitės savo teisėmis ir pareigomis.',
      en: 'Learn about your rights and duties.',
      ru: 'Знакомьтесь со своими правами и обязанностями.',
    },
    {
      lt: 'Aiškiai suformuluokite klausimą ar prašymą ir pateikite reikiamus dokumentus.',
      en: 'State your question or request clearly and bring the documents it needs.',
      ru: 'Чётко формулируйте вопрос или просьбу и представляйте нужные документы.',
    },
    {
      lt: 'Problemą pirmiausia spręskite ten, kur teikiama paslauga.',
      en: 'Try to solve a problem first where the service is given.',
      ru: 'Сначала решайте проблему там, где оказывается услуга.',
    },
    {
      lt: 'Įvertinkite paslaugą kokybės klausimyne.',
      en: 'Rate the service in our quality questionnaire.',
      ru: 'Оцените услугу в анкете качества.',
    },
  ],
  complaints: {
    lt: 'Skundą galite pateikti raštu, el. paštu ar per e. paslaugą įstaigos vadovui arba savivaldybės administracijai. Sprendimą gausite per 20 darbo dienų.',
    en: 'You can complain in writing, by e-mail or through the e-service to the head of the institution or to the municipal administration. You will receive a decision within 20 working days.',
    ru: 'Жалобу можно подать письменно, по электронной почте или через электронную услугу руководителю учреждения или в администрацию муниципалитета. Решение вы получите в течение 20 рабочих дней.',
  },
  satisfactionMeasurement: {
    lt: 'Kasmet atliekame vartotojų pasitenkinimo apklausą; indeksas skaičiuojamas 0–100 skalėje ir skelbiamas kartu su imties dydžiu ir pasikliautinuoju intervalu.',
    en: 'Every year we run a client-satisfaction survey; the index is computed on 0–100 and published with its sample size and confidence interval.',
    ru: 'Ежегодно мы проводим опрос удовлетворённости; индекс рассчитывается по шкале 0–100 и публикуется с объёмом выборки и доверительным интервалом.',
  },
};
