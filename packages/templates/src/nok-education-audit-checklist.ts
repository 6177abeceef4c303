import type { LocalizedText } from '@edu-quality/core';
import { ruEn as t } from './internal/text.js';

/** The legal acts that the NOK audit checklist cites. */
export type NokLegalSourceId =
  | 'fz-273-art-29'
  | 'decree-1802'
  | 'rosobrnadzor-831'
  | 'mintrud-344n'
  | 'mintrud-675n'
  | 'minprosveshcheniya-114';

/** A legal act cited by {@link nokEducationAuditChecklist}. */
export interface NokLegalSource {
  /** The key by which items cite it. */
  readonly id: NokLegalSourceId;
  /** Its title, in Russian as published and in English. */
  readonly title: LocalizedText;
  /** Whether its number, date and title were confirmed in a public text while the list was compiled. */
  readonly verified: boolean;
  /** What was confirmed and where, or why it could not be. */
  readonly note: string;
}

/** One audit item: a piece of information (or a feature) the assessor looks for. */
export interface NokAuditItem {
  /** A stable id, for example `site.teachers`; an audit record names items by it. */
  readonly id: string;
  /** What to look for, in Russian and English. */
  readonly text: LocalizedText;
  /** The legal acts that require or define it. */
  readonly sources: readonly NokLegalSourceId[];
  /**
   * Whether the requirement and its wording were confirmed in a public text
   * while the list was compiled; `false` marks items taken from the method
   * note or from practice that still need checking against the official text.
   */
  readonly verified: boolean;
  /** Applicability, caveats and what remains unconfirmed. */
  readonly note?: string;
}

/** The audit lists of {@link nokEducationAuditChecklist}. */
export interface NokEducationAuditChecklist {
  /** The legal acts cited, by id. */
  readonly sources: Readonly<Record<NokLegalSourceId, NokLegalSource>>;
  /** Information required on the information stands in the premises (П1.1, I_stand / N_stand). */
  readonly stand: readonly NokAuditItem[];
  /** Information required on the official website (П1.1, I_site / N_site). */
  readonly site: readonly NokAuditItem[];
  /** Remote channels of interaction, 30 points each, capped at 100 (П1.2). */
  readonly remoteChannels: readonly NokAuditItem[];
  /** Comfort conditions, 20 points each, capped at 100 (П2.1). */
  readonly comfort: readonly NokAuditItem[];
  /** Accessible premises and grounds, 20 points each, capped at 100 (П3.1). */
  readonly accessiblePremises: readonly NokAuditItem[];
  /** Conditions of access for people with disabilities, 20 points each, capped at 100 (П3.2). */
  readonly accessibilityConditions: readonly NokAuditItem[];
}

const ART29: NokLegalSourceId = 'fz-273-art-29';
const D1802: NokLegalSourceId = 'decree-1802';
const R831: NokLegalSourceId = 'rosobrnadzor-831';
const O114: NokLegalSourceId = 'minprosveshcheniya-114';
const O344: NokLegalSourceId = 'mintrud-344n';

const CONFIRMED_ART29 =
  'Wording confirmed against a public quotation of the site rules that repeat art. 29 part 2 (Decree 582 of 2013, replaced by Decree 1802).';

// Information items of art. 29 part 2 that apply to schools, kindergartens
// and institutions of additional education. Items for higher and vocational
// education only (research, admission results, graduate employment) are left
// out.
const INFORMATION: readonly (readonly [string, LocalizedText])[] = [
  [
    'founding-date',
    t('Дата создания образовательной организации', 'Date the organisation was founded'),
  ],
  ['founder', t('Сведения об учредителе (учредителях)', 'Its founder or founders')],
  [
    'location',
    t(
      'Место нахождения организации и её филиалов (при наличии)',
      'Location of the organisation and of its branches, if any',
    ),
  ],
  ['schedule', t('Режим и график работы', 'Opening hours and schedule')],
  [
    'contacts',
    t(
      'Контактные телефоны и адреса электронной почты',
      'Contact phone numbers and e-mail addresses',
    ),
  ],
  [
    'structure',
    t(
      'Структура и органы управления: наименования структурных подразделений, их руководители, места нахождения, адреса сайтов и электронной почты',
      'Structure and governing bodies: names of the units, their heads, locations, website and e-mail addresses',
    ),
  ],
  [
    'programmes',
    t(
      'Реализуемые образовательные программы с указанием учебных предметов, курсов, дисциплин (модулей), практики',
      'Educational programmes offered, with their subjects, courses, modules and practical training',
    ),
  ],
  [
    'enrolment',
    t(
      'Численность обучающихся за счёт бюджетных ассигнований (федерального, регионального, местного бюджетов) и по договорам за счёт средств физических и (или) юридических лиц',
      'Number of pupils funded from the federal, regional and local budgets and under fee-paying contracts',
    ),
  ],
  ['languages', t('Языки образования', 'Languages of instruction')],
  [
    'standards',
    t(
      'Федеральные государственные образовательные стандарты и образовательные стандарты (при наличии)',
      'Federal state educational standards and other educational standards, if any',
    ),
  ],
  [
    'management',
    t(
      'Руководитель, его заместители, руководители филиалов: ФИО, должность, контактные телефоны, адреса электронной почты',
      'The head, the deputies and heads of branches: name, position, phone and e-mail',
    ),
  ],
  [
    'teachers',
    t(
      'Персональный состав педагогических работников с указанием уровня образования, квалификации и опыта работы',
      'Teaching staff by name, with their level of education, qualifications and experience',
    ),
  ],
  [
    'facilities',
    t(
      'Материально-техническое обеспечение: оборудованные учебные кабинеты, библиотеки, объекты спорта, средства обучения и воспитания, условия питания и охраны здоровья, доступ к информационным системам, электронные образовательные ресурсы',
      'Facilities: equipped classrooms, libraries, sports facilities, teaching aids, meals and health care, access to information systems, electronic learning resources',
    ),
  ],
  [
    'vacancies',
    t(
      'Количество вакантных мест для приёма (перевода) по каждой образовательной программе',
      'Number of vacant places for admission or transfer, per programme',
    ),
  ],
  [
    'support',
    t(
      'Наличие и условия предоставления обучающимся стипендий, мер социальной поддержки; наличие общежития, интерната',
      'Scholarships and social support for pupils and their conditions; a hostel or boarding facility, if any',
    ),
  ],
  [
    'funded-volume',
    t(
      'Объём образовательной деятельности, финансируемой за счёт бюджетных ассигнований и по договорам',
      'Volume of educational activity funded from budgets and under contracts',
    ),
  ],
  [
    'finances',
    t(
      'Поступление финансовых и материальных средств и их расходование по итогам финансового года',
      'Funds and material resources received and spent in the financial year',
    ),
  ],
];

const DOCUMENTS: readonly (readonly [string, LocalizedText, boolean, string?])[] = [
  ['charter', t('Копия устава', 'Copy of the charter'), true],
  [
    'licence',
    t(
      'Копия лицензии на осуществление образовательной деятельности (с приложениями)',
      'Copy of the licence for educational activity, with annexes',
    ),
    false,
    'Wording from the 2013 site rules. Licences are register entries since 2021; whether the current art. 29 still asks for a copy was not confirmed.',
  ],
  [
    'accreditation',
    t(
      'Копия свидетельства о государственной аккредитации (с приложениями)',
      'Copy of the state accreditation certificate, with annexes',
    ),
    false,
    'Wording from the 2013 site rules; whether the current art. 29 still asks for it was not confirmed. Not applicable to kindergartens and additional education.',
  ],
  [
    'budget-plan',
    t(
      'Копия плана финансово-хозяйственной деятельности или бюджетной сметы',
      'Copy of the financial and business plan or the budget estimate',
    ),
    true,
  ],
  [
    'local-acts',
    t(
      'Копии локальных нормативных актов (ч. 2 ст. 30 Федерального закона № 273-ФЗ), правил внутреннего распорядка обучающихся, правил внутреннего трудового распорядка, коллективного договора',
      'Copies of the local regulations (273-FZ art. 30 part 2), the rules for pupils, the staff rules and the collective agreement',
    ),
    true,
  ],
  ['self-evaluation', t('Отчёт о результатах самообследования', 'Self-evaluation report'), true],
  [
    'paid-services',
    t(
      'Документ о порядке оказания платных образовательных услуг, образец договора, документ об утверждении стоимости обучения',
      'Rules for paid educational services, a sample contract, and the approved fees',
    ),
    true,
    'Applies where paid services are provided.',
  ],
  [
    'inspections',
    t(
      'Предписания органов государственного контроля (надзора) в сфере образования и отчёты об их исполнении',
      'Orders of the education inspectorate and reports on their fulfilment',
    ),
    true,
  ],
];

function informationItems(place: 'stand' | 'site'): NokAuditItem[] {
  const items: NokAuditItem[] = [];
  for (const [id, text] of INFORMATION) {
    items.push(
      place === 'site'
        ? {
            id: `site.${id}`,
            text,
            sources: [ART29, D1802, R831],
            verified: true,
            note: CONFIRMED_ART29,
          }
        : {
            id: `stand.${id}`,
            text,
            sources: [ART29, O114],
            verified: false,
            note: 'Art. 29 does not say which items go on the stands; this list follows operators\u2019 practice and was not confirmed.',
          },
    );
  }
  for (const [id, text, confirmed, note] of DOCUMENTS) {
    const sources: readonly NokLegalSourceId[] =
      place === 'site' ? [ART29, D1802, R831] : [ART29, O114];
    const base = { text, sources };
    items.push(
      place === 'site'
        ? { id: `site.${id}`, ...base, verified: confirmed, note: note ?? CONFIRMED_ART29 }
        : {
            id: `stand.${id}`,
            ...base,
            verified: false,
            note:
              note ??
              'Art. 29 does not say which items go on the stands; this item follows operators\u2019 practice.',
          },
    );
  }
  return items;
}

// The stand list is the information of art. 29 that operators usually look for
// on stands: contacts and schedule, structure, programmes, staff, places,
// paid services and the main documents.
const STAND_ITEMS = new Set([
  'founding-date',
  'founder',
  'location',
  'schedule',
  'contacts',
  'structure',
  'programmes',
  'languages',
  'management',
  'teachers',
  'facilities',
  'vacancies',
  'charter',
  'licence',
  'paid-services',
  'self-evaluation',
]);

const SITE_STRUCTURE: readonly NokAuditItem[] = [
  {
    id: 'site.special-section',
    text: t(
      'Специальный раздел «Сведения об образовательной организации», доступный с главной страницы и из основного навигационного меню',
      'A special section "Information about the educational organisation" reachable from the home page and the main menu',
    ),
    sources: [R831],
    verified: true,
    note: 'Points 1 and 3 of the requirements approved by Rosobrnadzor Order No. 831, read in a public copy.',
  },
  {
    id: 'site.accessible-environment',
    text: t(
      'Подраздел «Доступная среда»: условия обучения инвалидов и лиц с ограниченными возможностями здоровья',
      'A subsection "Accessible environment": conditions for learners with disabilities',
    ),
    sources: [R831],
    verified: true,
    note: 'Introduced by Order No. 831 (confirmed in a public summary of the order).',
  },
  {
    id: 'site.international',
    text: t('Подраздел «Международное сотрудничество»', 'A subsection "International cooperation"'),
    sources: [R831],
    verified: true,
    note: 'Introduced by Order No. 831 (confirmed in a public summary); applies where there are international agreements.',
  },
  {
    id: 'site.catering',
    text: t(
      'Подраздел «Организация питания в образовательной организации»',
      'A subsection "Catering in the educational organisation"',
    ),
    sources: [R831],
    verified: false,
    note: 'Added to the site structure by a later amendment; neither the amendment nor its wording was confirmed.',
  },
];

const REMOTE_CHANNELS: readonly NokAuditItem[] = [
  ['phone', t('Телефон', 'Telephone')],
  ['email', t('Электронная почта', 'E-mail')],
  [
    'e-service',
    t(
      'Электронные сервисы (форма для подачи электронного обращения (жалобы, предложения), получение консультации по оказываемым услугам)',
      'An online service for complaints, suggestions or advice on the services',
    ),
  ],
  ['faq', t('Раздел «Часто задаваемые вопросы»', 'A "Frequently asked questions" section')],
  [
    'opinion',
    t(
      'Техническая возможность выражения мнения о качестве условий оказания услуг (анкета для опроса граждан или гиперссылка на неё)',
      'A way to give an opinion on the quality of the conditions (a questionnaire on the site or a link to one)',
    ),
  ],
].map(([id, text]) => ({
  id: `remote.${id as string}`,
  text: text as LocalizedText,
  sources: [O344, O114],
  verified: false,
  note: 'From the project method note (nok-344n.md); not confirmed against the official text of Order 344n or 114.',
}));

const COMFORT: readonly NokAuditItem[] = [
  [
    'waiting-area',
    t(
      'Наличие комфортной зоны отдыха (ожидания), оборудованной мебелью',
      'A comfortable rest (waiting) area with furniture',
    ),
  ],
  [
    'navigation',
    t(
      'Наличие и понятность навигации внутри организации',
      'Clear signposting inside the organisation',
    ),
  ],
  ['drinking-water', t('Наличие и доступность питьевой воды', 'Drinking water available')],
  [
    'sanitary-rooms',
    t('Наличие и доступность санитарно-гигиенических помещений', 'Toilets and washrooms available'),
  ],
  [
    'sanitary-condition',
    t('Санитарное состояние помещений организации', 'Sanitary condition of the premises'),
  ],
].map(([id, text]) => ({
  id: `comfort.${id as string}`,
  text: text as LocalizedText,
  sources: [O114, O344],
  verified: false,
  note: 'Usual education list under Order 114 indicator 2.1; not confirmed against the official text.',
}));

const PREMISES: readonly NokAuditItem[] = [
  [
    'ramps',
    t(
      'Оборудование входных групп пандусами (подъёмными платформами)',
      'Ramps or lifting platforms at the entrances',
    ),
  ],
  [
    'parking',
    t(
      'Выделенные стоянки для автотранспортных средств инвалидов',
      'Reserved parking for disabled drivers',
    ),
  ],
  [
    'lifts-handrails-doors',
    t(
      'Адаптированные лифты, поручни, расширенные дверные проёмы',
      'Adapted lifts, handrails and widened doorways',
    ),
  ],
  ['wheelchairs', t('Сменные кресла-коляски', 'Replaceable wheelchairs')],
  [
    'sanitary',
    t('Специально оборудованные санитарно-гигиенические помещения', 'Specially equipped toilets'),
  ],
].map(([id, text]) => ({
  id: `premises.${id as string}`,
  text: text as LocalizedText,
  sources: [O114, O344],
  verified: false,
  note: 'From the project method note (nok-344n.md); not confirmed against the official text.',
}));

const CONDITIONS: readonly NokAuditItem[] = [
  [
    'duplicated-information',
    t(
      'Дублирование для инвалидов по слуху и зрению звуковой и зрительной информации',
      'Sound and visual information duplicated for people with hearing or sight loss',
    ),
  ],
  [
    'braille',
    t(
      'Дублирование надписей, знаков и иной текстовой и графической информации знаками, выполненными рельефно-точечным шрифтом Брайля',
      'Signs and inscriptions duplicated in Braille',
    ),
  ],
  [
    'sign-language',
    t(
      'Возможность предоставления услуг сурдопереводчика (тифлосурдопереводчика)',
      'A sign-language (or deafblind) interpreter available',
    ),
  ],
  [
    'low-vision-site',
    t(
      'Альтернативная версия официального сайта для инвалидов по зрению',
      'A version of the website for the visually impaired',
    ),
  ],
  [
    'accompanying-staff',
    t(
      'Помощь, оказываемая работниками, прошедшими обучение по сопровождению инвалидов',
      'Help from staff trained to accompany people with disabilities',
    ),
  ],
  [
    'remote-or-home',
    t(
      'Возможность предоставления образовательных услуг в дистанционном режиме или на дому',
      'Education available remotely or at home',
    ),
  ],
].map(([id, text]) => ({
  id: `conditions.${id as string}`,
  text: text as LocalizedText,
  sources: [O114, O344],
  verified: false,
  note: 'From the project method note (nok-344n.md); not confirmed against the official text.',
}));

/**
 * The audit checklists of the NOK for an education organisation: the
 * information required on its stands and its website (П1.1), and the remote
 * channels (П1.2), comfort conditions (П2.1), accessible premises (П3.1) and
 * accessibility conditions (П3.2), each item with its legal sources.
 *
 * @remarks
 * Sources: Federal Law No. 273-FZ of 29.12.2012, art. 29 (information
 * openness of an educational organisation); Government Decree No. 1802 of
 * 20.10.2021 (rules for the website); Rosobrnadzor Order No. 831 of
 * 14.08.2020 (structure of the website); Ministry of Labour Orders No. 344n of
 * 31.05.2018 and No. 675n of 30.10.2018; Ministry of Education
 * (Минпросвещения) Order No. 114 of 13.03.2019 (indicators for education).
 *
 * Each item says whether it was `verified`: its wording and requirement
 * confirmed in a public text while the list was compiled. The stand list is
 * not verified as such: art. 29 does not split the information between stands
 * and website, so the stand selection follows operators' practice. Items of
 * the other lists come from the project's method note and are unverified.
 * The website structure is cited as Order No. 831 of 14.08.2020; a later
 * Rosobrnadzor order No. 1493, said to replace it, could not be confirmed and
 * is not cited. Items for higher and vocational education (research,
 * admission results, graduate employment) are not included. An operator
 * should review the lists against the current texts and the kind of
 * organisation (for example drop `site.accreditation` for a kindergarten)
 * before an assessment.
 *
 * @example
 * ```ts
 * const list = nokEducationAuditChecklist;
 * list.site.length; // => 29
 * list.stand.length; // => 16
 * list.site.find((item) => item.id === 'site.teachers')?.sources; // => ['fz-273-art-29', 'decree-1802', 'rosobrnadzor-831']
 * list.accessibilityConditions.length; // => 6
 * list.sources['decree-1802'].verified; // => true
 * ```
 */
export const nokEducationAuditChecklist: NokEducationAuditChecklist = {
  sources: {
    'fz-273-art-29': {
      id: 'fz-273-art-29',
      title: t(
        'Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации», статья 29 «Информационная открытость образовательной организации»',
        'Federal Law No. 273-FZ of 29.12.2012 "On Education in the Russian Federation", article 29 "Information openness of an educational organisation"',
      ),
      verified: true,
      note: 'Article title and part 2 confirmed in public copies; the list of part 2 read in a quotation of the site rules.',
    },
    'decree-1802': {
      id: 'decree-1802',
      title: t(
        'Постановление Правительства РФ от 20.10.2021 № 1802 «Об утверждении Правил размещения на официальном сайте образовательной организации в информационно-телекоммуникационной сети \u00abИнтернет\u00bb и обновления информации об образовательной организации»',
        'Government Decree No. 1802 of 20.10.2021 approving the rules for publishing and updating information on the official website of an educational organisation',
      ),
      verified: true,
      note: 'Number, date and title read in the website regulations of a kindergarten that cite it.',
    },
    'rosobrnadzor-831': {
      id: 'rosobrnadzor-831',
      title: t(
        'Приказ Рособрнадзора от 14.08.2020 № 831 «Об утверждении Требований к структуре официального сайта образовательной организации в информационно-телекоммуникационной сети \u00abИнтернет\u00bb и формату представления информации»',
        'Rosobrnadzor Order No. 831 of 14.08.2020 approving the requirements for the structure of the official website of an educational organisation and the format of the information',
      ),
      verified: true,
      note: 'Number, date and title confirmed in two public texts. The brief that commissioned this list called it No. 1493 of 14.08.2020; No. 1493 could not be confirmed.',
    },
    'mintrud-344n': {
      id: 'mintrud-344n',
      title: t(
        'Приказ Минтруда России от 31.05.2018 № 344н «Об утверждении Единого порядка расчёта показателей, характеризующих общие критерии оценки качества условий оказания услуг организациями в сфере культуры, охраны здоровья, образования, социального обслуживания и федеральными учреждениями медико-социальной экспертизы»',
        'Ministry of Labour Order No. 344n of 31.05.2018: the unified procedure for calculating the indicators of the quality of conditions of services',
      ),
      verified: true,
      note: 'Number, date and subject confirmed in a published study of the 2020–2021 assessments; the Russian title is as usually cited, not read in full.',
    },
    'mintrud-675n': {
      id: 'mintrud-675n',
      title: t(
        'Приказ Минтруда России от 30.10.2018 № 675н «Об утверждении Методики выявления и обобщения мнения граждан о качестве условий оказания услуг организациями в сфере культуры, охраны здоровья, образования, социального обслуживания и федеральными учреждениями медико-социальной экспертизы»',
        "Ministry of Labour Order No. 675n of 30.10.2018: the method for identifying and summarising citizens' opinions on the quality of conditions of services",
      ),
      verified: true,
      note: 'Number, date and title confirmed in the reference list of a published article.',
    },
    'minprosveshcheniya-114': {
      id: 'minprosveshcheniya-114',
      title: t(
        'Приказ Минпросвещения России от 13.03.2019 № 114 «Об утверждении показателей, характеризующих общие критерии оценки качества условий осуществления образовательной деятельности организациями, осуществляющими образовательную деятельность по основным общеобразовательным программам, образовательным программам среднего профессионального образования, основным программам профессионального обучения, дополнительным общеобразовательным программам»',
        'Ministry of Education (Minprosveshcheniya) Order No. 114 of 13.03.2019 approving the indicators of the quality of conditions of educational activity',
      ),
      verified: true,
      note: 'Confirmed in published articles (registered by the Ministry of Justice on 25.04.2019, No. 54499). It is an order of the Ministry of Education (Минпросвещения), not of Minobrnauki.',
    },
  },
  stand: informationItems('stand').filter((item) =>
    STAND_ITEMS.has(item.id.slice('stand.'.length)),
  ),
  site: [...informationItems('site'), ...SITE_STRUCTURE],
  remoteChannels: REMOTE_CHANNELS,
  comfort: COMFORT,
  accessiblePremises: PREMISES,
  accessibilityConditions: CONDITIONS,
};
