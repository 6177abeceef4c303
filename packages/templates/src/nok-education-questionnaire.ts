import type { LocalizedText } from '@edu-quality/core';
import type { Option, Questionnaire, SingleQuestion } from '@edu-quality/questionnaire';
import { ruEn as t } from './internal/text.js';

const YES_NO: readonly Option[] = [
  { value: 'yes', label: t('Да', 'Yes') },
  { value: 'no', label: t('Нет', 'No') },
];

function yesNo(
  id: string,
  text: LocalizedText,
  extra: Partial<Pick<SingleQuestion, 'dimension' | 'role' | 'visibleIf'>> = {},
): SingleQuestion {
  return { id, kind: 'single', text, options: YES_NO, required: true, ...extra };
}

/**
 * The respondent questionnaire of the Russian independent assessment of the
 * quality of conditions of educational activity (NOK), in Russian (default)
 * and English: 14 yes/no questions `q1` … `q14`, with their filter logic, and
 * the free-text proposals `q15`.
 *
 * @remarks
 * Follows the sample questionnaire of the survey method approved by Order of
 * the Ministry of Labour No. 675n of 30.10.2018, education version (the
 * indicators of Order of the Ministry of Education No. 114 of 13.03.2019);
 * the wording follows the sample as operators reproduce it; it could not be
 * checked against the official text of the order, so treat it as unverified.
 * Each answer is `yes` or `no` (labels «Да» / «Нет»). The filters, as
 * `visibleIf` skip logic:
 *
 * - `q2` (satisfied with the stands) only if `{q1} = 'yes'` (used the stands);
 * - `q4` (satisfied with the website) only if `{q3} = 'yes'`;
 * - `q7` (satisfied with accessibility) only if `{q6} = 'yes'` (a disability group);
 * - `q11` (politeness in remote contact) only if `{q10} = 'yes'` (used remote channels).
 *
 * `organisation` (any code: `acceptUnlisted`, role `segment`) names the
 * assessed organisation. `dimension` holds the criterion (`k1` … `k5`) of
 * each satisfaction question; the filters have none, and `q6` has role
 * `demographic`. {@link nokEducationIndicatorMap} gives the indicators. A
 * regional operator that rewords or merges questions should copy this
 * definition and keep the ids where the meaning is kept.
 *
 * {@link generateResponses} draws the filter answers (`q1`, `q3`, `q6`,
 * `q10`) from its `shares` option, by default from the seed: give for example
 * `shares: { q6: { yes: 0.05, no: 0.95 } }` for a realistic share of
 * respondents with a disability group.
 *
 * @example
 * ```ts
 * import { listItems } from '@edu-quality/questionnaire';
 * const q = nokEducationQuestionnaire;
 * listItems(q).map((item) => item.id).slice(0, 5); // => ['organisation', 'q1', 'q2', 'q3', 'q4']
 * listItems(q).find((item) => item.id === 'q2')?.question.visibleIf; // => "{q1} = 'yes'"
 * listItems(q).find((item) => item.id === 'q15')?.kind; // => 'text'
 * ```
 */
export const nokEducationQuestionnaire: Questionnaire = {
  id: 'nok-education',
  version: '675n-2018',
  title: t(
    'Анкета для оценки качества условий осуществления образовательной деятельности',
    'Questionnaire on the quality of the conditions of educational activity',
  ),
  description: t(
    'Уважаемый участник опроса! Опрос проводится в целях выявления мнения граждан о качестве условий осуществления образовательной деятельности. Анкета анонимна: указывать своё имя и личные данные не нужно.',
    "Dear participant, this survey collects citizens' views on the quality of the conditions in which education is provided. It is anonymous: do not give your name or personal details.",
  ),
  locales: ['ru', 'en'],
  defaultLocale: 'ru',
  sections: [
    {
      id: 'organisation_section',
      title: t('Организация', 'Organisation'),
      questions: [
        {
          id: 'organisation',
          kind: 'single',
          role: 'segment',
          required: true,
          acceptUnlisted: true,
          text: t('Какую организацию вы оцениваете?', 'Which organisation are you rating?'),
          options: [],
        },
      ],
    },
    {
      id: 'openness',
      title: t('Открытость и доступность информации', 'Openness and accessibility of information'),
      questions: [
        yesNo(
          'q1',
          t(
            'При посещении организации обращались ли Вы к информации о её деятельности, размещённой на информационных стендах в помещениях организации?',
            'When visiting the organisation, did you consult the information about its activities on the notice boards on its premises?',
          ),
        ),
        yesNo(
          'q2',
          t(
            'Удовлетворены ли Вы открытостью, полнотой и доступностью информации о деятельности организации, размещённой на информационных стендах в помещениях организации?',
            "Are you satisfied with the openness, completeness and accessibility of the information about the organisation's activities on the notice boards on its premises?",
          ),
          { dimension: 'k1', visibleIf: "{q1} = 'yes'" },
        ),
        yesNo(
          'q3',
          t(
            'Пользовались ли Вы официальным сайтом организации, чтобы получить информацию о её деятельности?',
            "Did you use the organisation's official website to get information about its activities?",
          ),
        ),
        yesNo(
          'q4',
          t(
            'Удовлетворены ли Вы открытостью, полнотой и доступностью информации о деятельности организации, размещённой на её официальном сайте в сети «Интернет»?',
            "Are you satisfied with the openness, completeness and accessibility of the information about the organisation's activities on its official website?",
          ),
          { dimension: 'k1', visibleIf: "{q3} = 'yes'" },
        ),
      ],
    },
    {
      id: 'comfort',
      title: t('Комфортность условий', 'Comfort of the conditions'),
      questions: [
        yesNo(
          'q5',
          t(
            'Удовлетворены ли Вы комфортностью условий, в которых осуществляется образовательная деятельность (наличие комфортной зоны отдыха (ожидания), понятность навигации в помещениях, наличие и доступность питьевой воды и санитарно-гигиенических помещений, санитарное состояние помещений и др.)?',
            'Are you satisfied with the comfort of the conditions in which education is provided (a comfortable waiting area, clear signposting, drinking water and toilets, the sanitary condition of the premises, etc.)?',
          ),
          { dimension: 'k2' },
        ),
      ],
    },
    {
      id: 'accessibility',
      title: t('Доступность для инвалидов', 'Accessibility for people with disabilities'),
      questions: [
        yesNo(
          'q6',
          t(
            'Имеете ли Вы (или лицо, законным представителем которого Вы являетесь) установленную группу инвалидности?',
            'Do you (or the person whose legal representative you are) have an officially recognised disability group?',
          ),
          { role: 'demographic' },
        ),
        yesNo(
          'q7',
          t(
            'Удовлетворены ли Вы доступностью образовательных услуг для инвалидов в организации?',
            "Are you satisfied with the accessibility of the organisation's services for people with disabilities?",
          ),
          { dimension: 'k3', visibleIf: "{q6} = 'yes'" },
        ),
      ],
    },
    {
      id: 'goodwill',
      title: t(
        'Доброжелательность и вежливость работников',
        'Goodwill and politeness of the staff',
      ),
      questions: [
        yesNo(
          'q8',
          t(
            'Удовлетворены ли Вы доброжелательностью и вежливостью работников организации, обеспечивающих первичный контакт и информирование при непосредственном обращении в организацию (работники приёмной комиссии, секретариата, учебной части и др.)?',
            'Are you satisfied with the goodwill and politeness of the staff who provide the first contact and information when you come to the organisation (admissions, the secretariat, the academic office, etc.)?',
          ),
          { dimension: 'k4' },
        ),
        yesNo(
          'q9',
          t(
            'Удовлетворены ли Вы доброжелательностью и вежливостью работников организации, обеспечивающих непосредственное оказание образовательной услуги (преподаватели, воспитатели, тренеры, инструкторы и др.)?',
            'Are you satisfied with the goodwill and politeness of the staff who provide the educational service itself (teachers, educators, coaches, instructors, etc.)?',
          ),
          { dimension: 'k4' },
        ),
        yesNo(
          'q10',
          t(
            'Пользовались ли Вы дистанционными способами взаимодействия с организацией (телефон, электронная почта, электронный сервис для подачи обращений (жалоб, предложений) и получения консультаций, раздел «Часто задаваемые вопросы», анкета на сайте и др.)?',
            'Have you used any remote way of contacting the organisation (phone, e-mail, an online service for complaints, suggestions or advice, an FAQ section, a survey form on the website, etc.)?',
          ),
        ),
        yesNo(
          'q11',
          t(
            'Удовлетворены ли Вы доброжелательностью и вежливостью работников организации, с которыми взаимодействовали в дистанционной форме (по телефону, по электронной почте, с помощью электронных сервисов и др.)?',
            'Are you satisfied with the goodwill and politeness of the staff you dealt with remotely (by phone, by e-mail, through online services, etc.)?',
          ),
          { dimension: 'k4', visibleIf: "{q10} = 'yes'" },
        ),
      ],
    },
    {
      id: 'satisfaction',
      title: t('Удовлетворённость условиями', 'Satisfaction with the conditions'),
      questions: [
        yesNo(
          'q12',
          t(
            'Готовы ли Вы рекомендовать данную организацию родственникам и знакомым (или могли бы Вы её рекомендовать, если бы была возможность выбора организации)?',
            'Would you recommend this organisation to relatives and friends (or would you, if there were a choice of organisation)?',
          ),
          { dimension: 'k5' },
        ),
        yesNo(
          'q13',
          t(
            'Удовлетворены ли Вы организационными условиями предоставления образовательных услуг (графиком и режимом работы организации, навигацией внутри организации и др.)?',
            "Are you satisfied with the organisational conditions of the educational services (the organisation's schedule and opening hours, signposting inside, etc.)?",
          ),
          { dimension: 'k5' },
        ),
        yesNo(
          'q14',
          t(
            'Удовлетворены ли Вы в целом условиями оказания образовательных услуг в организации?',
            'Overall, are you satisfied with the conditions in which this organisation provides educational services?',
          ),
          { dimension: 'k5' },
        ),
      ],
    },
    {
      id: 'proposals',
      title: t('Ваши предложения', 'Your proposals'),
      questions: [
        {
          id: 'q15',
          kind: 'text',
          multiline: true,
          maxLength: 2000,
          text: t(
            'Ваши предложения по улучшению условий оказания образовательных услуг в данной организации:',
            'Your proposals for improving the conditions of educational services in this organisation:',
          ),
        },
      ],
    },
  ],
};
