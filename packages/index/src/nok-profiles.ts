import type { LocalizedText } from '@edu-quality/core';

/**
 * The sectors scored by the NOK method (Order 344n): each has a
 * {@link NokProfile} in {@link NOK_PROFILES}.
 */
export type NokSector = 'education' | 'culture' | 'health' | 'social';

/** The five criteria of the NOK method. */
export type NokCriterionId = 'K1' | 'K2' | 'K3' | 'K4' | 'K5';

/**
 * The survey counts of one organisation, by meaning rather than by question
 * number (see {@link NOK_DEFAULT_QUESTION_MAP} for the education
 * questionnaire's numbering).
 */
export type NokCountKey =
  | 'respondents'
  | 'standsUsed'
  | 'standsSatisfied'
  | 'siteUsed'
  | 'siteSatisfied'
  | 'comfortSatisfied'
  | 'disability'
  | 'accessibilitySatisfied'
  | 'firstContactPolite'
  | 'serviceStaffPolite'
  | 'remoteUsed'
  | 'remotePolite'
  | 'recommend'
  | 'conditionsSatisfied'
  | 'overallSatisfied'
  | 'waitingSatisfied';

/** The audit lists that are scored by points per item present. */
export type NokAuditList =
  'remoteChannels' | 'comfortConditions' | 'accessiblePremises' | 'accessibilityConditions';

/** An item of an audit catalogue: a remote channel, a comfort condition, an accessibility feature. */
export interface NokCatalogueItem {
  /** The name used in audit records. */
  readonly id: string;
  /** What the auditor checks. */
  readonly label: LocalizedText;
}

/** One share of a survey indicator: numerator / denominator × 100. */
export interface NokSharePart {
  /** A name for the part, for example `stands` or `site`. */
  readonly id: string;
  /** The count of satisfied respondents. */
  readonly numerator: Exclude<NokCountKey, 'respondents'>;
  /** All respondents, or the respondents who passed a filter question. */
  readonly denominator: NokCountKey;
}

/**
 * Where an indicator's value comes from: the stand and website checklists
 * (П1.1), points per audit item capped at 100, or the mean of survey shares.
 */
export type NokIndicatorSource =
  | { readonly kind: 'documents' }
  | {
      readonly kind: 'points';
      readonly list: NokAuditList;
      readonly pointsPerItem: number;
      readonly catalogue: readonly NokCatalogueItem[];
    }
  | { readonly kind: 'shares'; readonly parts: readonly NokSharePart[] };

/** An indicator П of a criterion, with its weight in the criterion. */
export interface NokIndicatorDefinition {
  /** `P1.1` … `P5.3` (П is written P in identifiers). */
  readonly id: string;
  /** What it measures. */
  readonly label: LocalizedText;
  /** Its weight in the criterion; the weights of a criterion sum to 1. */
  readonly weight: number;
  /** How it is computed. */
  readonly source: NokIndicatorSource;
}

/** A criterion K with its indicators. */
export interface NokCriterionDefinition {
  /** `K1` … `K5`. */
  readonly id: NokCriterionId;
  /** What it measures. */
  readonly label: LocalizedText;
  /** Its indicators. */
  readonly indicators: readonly NokIndicatorDefinition[];
}

/**
 * A sector profile: the five criteria and their indicators, as data. The
 * total S is always the unweighted mean of the criteria, so a profile has no
 * criterion weights.
 */
export interface NokProfile {
  /** The sector name. */
  readonly sector: string;
  /** The five criteria, K1 … K5 in order. */
  readonly criteria: readonly NokCriterionDefinition[];
}

const t = (en: string, ru: string): LocalizedText => ({ en, ru });

/**
 * The remote channels scored by П1.2 (30 points each, capped at 100).
 *
 * @remarks
 * From the method document (`methods/nok-344n.md`): phone, e-mail, an
 * electronic service for complaints, proposals or consultation, an FAQ
 * section, and a way to give an opinion on quality.
 *
 * @example
 * ```ts
 * NOK_REMOTE_CHANNELS.map((c) => c.id); // => ['phone', 'email', 'electronic-service', 'faq', 'quality-opinion']
 * ```
 */
export const NOK_REMOTE_CHANNELS: readonly NokCatalogueItem[] = [
  { id: 'phone', label: t('Phone', 'Телефон') },
  { id: 'email', label: t('E-mail', 'Электронная почта') },
  {
    id: 'electronic-service',
    label: t(
      'Electronic service for complaints, proposals or consultation',
      'Электронный сервис для жалоб, предложений или консультации',
    ),
  },
  { id: 'faq', label: t('FAQ section', 'Раздел «Часто задаваемые вопросы»') },
  {
    id: 'quality-opinion',
    label: t(
      'A way to give an opinion on quality (questionnaire or link)',
      'Возможность выразить мнение о качестве (анкета или ссылка)',
    ),
  },
];

/**
 * The comfort conditions scored by П2.1 for education (20 points each,
 * capped at 100). *Unverified*: the method document gives no list.
 *
 * @remarks
 * The method document only says "20 points per comfort condition present,
 * capped at 100". These five items follow the list usually printed for
 * education (rest area, navigation, drinking water, sanitary rooms, sanitary
 * condition of the premises); their wording could not be checked against the
 * official text. Pass your own catalogue in a custom {@link NokProfile} if it
 * differs.
 *
 * @example
 * ```ts
 * NOK_EDUCATION_COMFORT_CONDITIONS.length; // => 5
 * ```
 */
export const NOK_EDUCATION_COMFORT_CONDITIONS: readonly NokCatalogueItem[] = [
  {
    id: 'rest-area',
    label: t('A comfortable rest (waiting) area', 'Комфортная зона отдыха (ожидания)'),
  },
  {
    id: 'navigation',
    label: t('Clear navigation inside', 'Понятная навигация внутри организации'),
  },
  { id: 'drinking-water', label: t('Drinking water available', 'Доступность питьевой воды') },
  {
    id: 'sanitary-rooms',
    label: t('Sanitary rooms available', 'Доступность санитарно-гигиенических помещений'),
  },
  {
    id: 'sanitary-condition',
    label: t('Sanitary condition of the premises', 'Санитарное состояние помещений'),
  },
];

/**
 * The comfort conditions scored by П2.1 for culture, health and social
 * services. *Unverified*: the method document gives no list.
 *
 * @remarks
 * The education list ({@link NOK_EDUCATION_COMFORT_CONDITIONS}) plus
 * transport access and access to booking, as the general form of the order
 * is usually quoted; wording unverified.
 *
 * @example
 * ```ts
 * NOK_COMFORT_CONDITIONS.length; // => 7
 * ```
 */
export const NOK_COMFORT_CONDITIONS: readonly NokCatalogueItem[] = [
  ...NOK_EDUCATION_COMFORT_CONDITIONS,
  { id: 'transport-access', label: t('Transport access', 'Транспортная доступность') },
  {
    id: 'booking-access',
    label: t('Access to booking the service', 'Доступность записи на получение услуги'),
  },
];

/**
 * The items of accessible premises and grounds scored by П3.1 (20 points
 * each, capped at 100).
 *
 * @remarks
 * The method document says "the five items" and lists six phrases (ramps or
 * lifting platforms; reserved parking; adapted lifts; handrails and wide
 * doors; replaceable wheelchairs; adapted sanitary rooms). We keep five items
 * by grouping adapted lifts with handrails and wide doors, as the order's
 * wording is usually quoted (*unverified*). Either way five items give 100.
 *
 * @example
 * ```ts
 * NOK_ACCESSIBLE_PREMISES.map((c) => c.id); // => ['ramps', 'parking', 'lifts-handrails-doors', 'wheelchairs', 'sanitary-rooms']
 * ```
 */
export const NOK_ACCESSIBLE_PREMISES: readonly NokCatalogueItem[] = [
  {
    id: 'ramps',
    label: t('Ramps or lifting platforms at the entrance', 'Пандусы (подъёмные платформы) у входа'),
  },
  {
    id: 'parking',
    label: t('Reserved parking', 'Выделенные стоянки для автотранспорта инвалидов'),
  },
  {
    id: 'lifts-handrails-doors',
    label: t(
      'Adapted lifts, handrails and wide doors',
      'Адаптированные лифты, поручни, расширенные дверные проёмы',
    ),
  },
  { id: 'wheelchairs', label: t('Replaceable wheelchairs', 'Сменные кресла-коляски') },
  {
    id: 'sanitary-rooms',
    label: t(
      'Adapted sanitary rooms',
      'Специально оборудованные санитарно-гигиенические помещения',
    ),
  },
];

/**
 * The accessibility conditions scored by П3.2 (20 points each, capped at
 * 100), from the method document: six conditions, so five give full marks.
 *
 * @example
 * ```ts
 * NOK_ACCESSIBILITY_CONDITIONS.length; // => 6
 * ```
 */
export const NOK_ACCESSIBILITY_CONDITIONS: readonly NokCatalogueItem[] = [
  {
    id: 'duplicated-information',
    label: t(
      'Sound and visual information duplicated',
      'Дублирование звуковой и зрительной информации',
    ),
  },
  { id: 'braille', label: t('Braille signs', 'Надписи и знаки шрифтом Брайля') },
  {
    id: 'sign-language',
    label: t('A sign-language interpreter', 'Услуги сурдопереводчика (тифлосурдопереводчика)'),
  },
  {
    id: 'site-for-visually-impaired',
    label: t('A website version for the visually impaired', 'Версия сайта для слабовидящих'),
  },
  {
    id: 'trained-staff',
    label: t('Trained staff to accompany', 'Сотрудники, обученные сопровождению инвалидов'),
  },
  {
    id: 'remote-or-home',
    label: t('Service remotely or at home', 'Услуга дистанционно или на дому'),
  },
];

const K1: NokCriterionDefinition = {
  id: 'K1',
  label: t('Openness and accessibility of information', 'Открытость и доступность информации'),
  indicators: [
    {
      id: 'P1.1',
      label: t(
        'Required information on the stands and the website',
        'Информация на стендах и сайте',
      ),
      weight: 0.3,
      source: { kind: 'documents' },
    },
    {
      id: 'P1.2',
      label: t('Functioning remote channels', 'Дистанционные способы взаимодействия'),
      weight: 0.3,
      source: {
        kind: 'points',
        list: 'remoteChannels',
        pointsPerItem: 30,
        catalogue: NOK_REMOTE_CHANNELS,
      },
    },
    {
      id: 'P1.3',
      label: t('Satisfied with the information', 'Удовлетворённость открытостью информации'),
      weight: 0.4,
      source: {
        kind: 'shares',
        parts: [
          { id: 'stands', numerator: 'standsSatisfied', denominator: 'standsUsed' },
          { id: 'site', numerator: 'siteSatisfied', denominator: 'siteUsed' },
        ],
      },
    },
  ],
};

const comfort = (
  catalogue: readonly NokCatalogueItem[],
  weight: number,
): NokIndicatorDefinition => ({
  id: 'P2.1',
  label: t('Comfort conditions', 'Комфортные условия'),
  weight,
  source: { kind: 'points', list: 'comfortConditions', pointsPerItem: 20, catalogue },
});

const comfortShare = (weight: number): NokIndicatorDefinition => ({
  id: 'P2.3',
  label: t('Satisfied with comfort', 'Удовлетворённость комфортностью'),
  weight,
  source: {
    kind: 'shares',
    parts: [{ id: 'all', numerator: 'comfortSatisfied', denominator: 'respondents' }],
  },
});

const k2Label = t('Comfort of conditions', 'Комфортность условий');

const K3: NokCriterionDefinition = {
  id: 'K3',
  label: t('Accessibility for people with disabilities', 'Доступность для инвалидов'),
  indicators: [
    {
      id: 'P3.1',
      label: t('Accessible premises and grounds', 'Оборудование помещений и территории'),
      weight: 0.3,
      source: {
        kind: 'points',
        list: 'accessiblePremises',
        pointsPerItem: 20,
        catalogue: NOK_ACCESSIBLE_PREMISES,
      },
    },
    {
      id: 'P3.2',
      label: t('Conditions for equal access', 'Условия доступности наравне с другими'),
      weight: 0.4,
      source: {
        kind: 'points',
        list: 'accessibilityConditions',
        pointsPerItem: 20,
        catalogue: NOK_ACCESSIBILITY_CONDITIONS,
      },
    },
    {
      id: 'P3.3',
      label: t('Satisfied with accessibility', 'Удовлетворённость доступностью'),
      weight: 0.3,
      source: {
        kind: 'shares',
        parts: [
          { id: 'disability', numerator: 'accessibilitySatisfied', denominator: 'disability' },
        ],
      },
    },
  ],
};

const K4: NokCriterionDefinition = {
  id: 'K4',
  label: t('Goodwill and politeness of staff', 'Доброжелательность и вежливость работников'),
  indicators: [
    {
      id: 'P4.1',
      label: t('Polite at first contact', 'Вежливость работников первичного контакта'),
      weight: 0.4,
      source: {
        kind: 'shares',
        parts: [{ id: 'all', numerator: 'firstContactPolite', denominator: 'respondents' }],
      },
    },
    {
      id: 'P4.2',
      label: t('Polite when providing the service', 'Вежливость работников, оказывающих услугу'),
      weight: 0.4,
      source: {
        kind: 'shares',
        parts: [{ id: 'all', numerator: 'serviceStaffPolite', denominator: 'respondents' }],
      },
    },
    {
      id: 'P4.3',
      label: t('Polite in remote contact', 'Вежливость при дистанционном взаимодействии'),
      weight: 0.2,
      source: {
        kind: 'shares',
        parts: [{ id: 'remote', numerator: 'remotePolite', denominator: 'remoteUsed' }],
      },
    },
  ],
};

const K5: NokCriterionDefinition = {
  id: 'K5',
  label: t('Satisfaction with conditions', 'Удовлетворённость условиями'),
  indicators: [
    {
      id: 'P5.1',
      label: t('Would recommend', 'Готовность рекомендовать'),
      weight: 0.3,
      source: {
        kind: 'shares',
        parts: [{ id: 'all', numerator: 'recommend', denominator: 'respondents' }],
      },
    },
    {
      id: 'P5.2',
      label: t(
        'Satisfied with organisational conditions',
        'Удовлетворённость организационными условиями',
      ),
      weight: 0.2,
      source: {
        kind: 'shares',
        parts: [{ id: 'all', numerator: 'conditionsSatisfied', denominator: 'respondents' }],
      },
    },
    {
      id: 'P5.3',
      label: t('Satisfied overall', 'Удовлетворённость в целом'),
      weight: 0.5,
      source: {
        kind: 'shares',
        parts: [{ id: 'all', numerator: 'overallSatisfied', denominator: 'respondents' }],
      },
    },
  ],
};

function educationLike(sector: string, catalogue: readonly NokCatalogueItem[]): NokProfile {
  return {
    sector,
    criteria: [
      K1,
      { id: 'K2', label: k2Label, indicators: [comfort(catalogue, 0.5), comfortShare(0.5)] },
      K3,
      K4,
      K5,
    ],
  };
}

function withWaiting(sector: string): NokProfile {
  return {
    sector,
    criteria: [
      K1,
      {
        id: 'K2',
        label: k2Label,
        indicators: [
          comfort(NOK_COMFORT_CONDITIONS, 0.3),
          {
            id: 'P2.2',
            label: t('Waiting time', 'Время ожидания предоставления услуги'),
            weight: 0.4,
            source: {
              kind: 'shares',
              parts: [{ id: 'all', numerator: 'waitingSatisfied', denominator: 'respondents' }],
            },
          },
          comfortShare(0.3),
        ],
      },
      K3,
      K4,
      K5,
    ],
  };
}

/**
 * The sector profiles of the NOK method (Order 344n) as data: the criteria,
 * their indicators and weights, and the audit catalogues.
 *
 * @remarks
 * - K1 = 0.3·П1.1 + 0.3·П1.2 + 0.4·П1.3; K3 = 0.3·П3.1 + 0.4·П3.2 + 0.3·П3.3;
 *   K4 = 0.4·П4.1 + 0.4·П4.2 + 0.2·П4.3; K5 = 0.3·П5.1 + 0.2·П5.2 + 0.5·П5.3
 *   in every sector.
 * - Education and culture: K2 = 0.5·П2.1 + 0.5·П2.3 (no waiting time).
 * - Health and social services: K2 = 0.3·П2.1 + 0.4·П2.2 + 0.3·П2.3. П2.2
 *   (waiting time) is modelled as the share of respondents satisfied with the
 *   waiting time (count `waitingSatisfied`); *unverified*: the method
 *   document names П2.2 but not its formula.
 * - The comfort catalogues are *unverified* (see
 *   {@link NOK_EDUCATION_COMFORT_CONDITIONS}).
 *
 * Source: `methods/nok-344n.md` (Order 344n of 31.05.2018; Order 114 of
 * 13.03.2019 for education).
 *
 * @example
 * ```ts
 * NOK_PROFILES.education.criteria[1]?.indicators.map((p) => [p.id, p.weight]); // => [['P2.1', 0.5], ['P2.3', 0.5]]
 * NOK_PROFILES.health.criteria[1]?.indicators.map((p) => p.weight); // => [0.3, 0.4, 0.3]
 * ```
 */
export const NOK_PROFILES: Readonly<Record<NokSector, NokProfile>> = {
  education: educationLike('education', NOK_EDUCATION_COMFORT_CONDITIONS),
  culture: educationLike('culture', NOK_COMFORT_CONDITIONS),
  health: withWaiting('health'),
  social: withWaiting('social'),
};
