import type { Questionnaire, Scale } from '@edu-quality/questionnaire';
import { ltEnRu as t } from './internal/text.js';

const SATISFACTION_SCALE: Scale = {
  points: [
    {
      value: 1,
      label: t('Labai nepatenkintas (-a)', 'Very dissatisfied', 'Совсем не удовлетворены'),
    },
    { value: 2, label: t('Nepatenkintas (-a)', 'Dissatisfied', 'Не удовлетворены') },
    {
      value: 3,
      label: t(
        'Nei patenkintas (-a), nei nepatenkintas (-a)',
        'Neither satisfied nor dissatisfied',
        'Отчасти удовлетворены, отчасти нет',
      ),
    },
    { value: 4, label: t('Patenkintas (-a)', 'Satisfied', 'Удовлетворены') },
    { value: 5, label: t('Labai patenkintas (-a)', 'Very satisfied', 'Полностью удовлетворены') },
  ],
  notApplicable: {
    value: 9,
    label: t('Nežinau / negaliu įvertinti', "Don't know / cannot rate", 'Затрудняюсь ответить'),
  },
};

// Overall satisfaction is asked of everyone, so it offers no "don't know".
const OVERALL_SCALE: Scale = { points: SATISFACTION_SCALE.points };

const IMPORTANCE_SCALE: Scale = {
  points: [
    { value: 1, label: t('Visai nesvarbu', 'Not at all important', 'Совсем не важно') },
    { value: 2, label: t('Nelabai svarbu', 'Slightly important', 'Не очень важно') },
    { value: 3, label: t('Vidutiniškai svarbu', 'Moderately important', 'Умеренно важно') },
    { value: 4, label: t('Svarbu', 'Important', 'Важно') },
    { value: 5, label: t('Labai svarbu', 'Very important', 'Очень важно') },
  ],
};

/**
 * A client-satisfaction questionnaire for municipal education services, in
 * Lithuanian (default), English and Russian.
 *
 * @remarks
 * Modelled on the satisfaction surveys that Lithuanian municipalities run on
 * their schools, kindergartens and education administrations. Its parts:
 *
 * - **About you:** the respondent group `group` (`parent`, `pupil`, `staff`,
 *   `other`), the institution `institution` (no options: `acceptUnlisted` lets
 *   a municipality use its own codes) and the service `service`, all with role
 *   `segment`.
 * - **Rating the service:** the matrix `satisfaction` (role `satisfaction`) on
 *   a 5-point Likert scale with "don't know" coded 9, one row per item and
 *   dimension: `information` (`info_available`, `info_clear`), `staff`
 *   (`staff_competence`, `staff_politeness`, `staff_confidentiality`),
 *   `timeliness` (`time_waiting`, `time_deadlines`), `accessibility`
 *   (`access_channels`, `access_hours`, `access_disability`), `environment`
 *   (`env_premises`) and `outcome` (`outcome`).
 * - **What matters to you:** the matrix `importance` (role `importance`), one
 *   row per dimension (`imp_information` … `imp_outcome`). Each row names its
 *   dimension in `importanceOf`, as in `examples/questionnaire.json`: the
 *   pairing is by dimension, not by item.
 * - **Overall:** `overall` (role `overall`, required) and `recommend` (NPS 0–10).
 * - **Your suggestions:** `why_dissatisfied`, shown only when
 *   `{overall} <= 2`, and `improve`, open to everyone.
 *
 * Item ids are those of the example questionnaire of the repository, so
 * exports of either read the same way.
 *
 * @example
 * ```ts
 * import { listItems } from '@edu-quality/questionnaire';
 * const q = educationSatisfactionQuestionnaire;
 * q.locales; // => ['lt', 'en', 'ru']
 * listItems(q).filter((item) => item.dimension === 'staff' && item.role === 'satisfaction').map((item) => item.id); // => ['staff_competence', 'staff_politeness', 'staff_confidentiality']
 * listItems(q).find((item) => item.id === 'imp_staff')?.importanceOf; // => 'staff'
 * ```
 */
export const educationSatisfactionQuestionnaire: Questionnaire = {
  id: 'education-satisfaction',
  version: '2026-1',
  title: t(
    'Švietimo paslaugų vartotojų pasitenkinimo apklausa',
    'Client satisfaction survey of education services',
    'Опрос об удовлетворённости получателей образовательных услуг',
  ),
  description: t(
    'Apklausa anoniminė. Jūsų atsakymai bus apibendrinti ir panaudoti paslaugų kokybei gerinti. Anketą užpildyti užtruks apie 5 minutes.',
    'The survey is anonymous. Your answers will be summarised and used to improve the services. It takes about 5 minutes.',
    'Опрос анонимный. Ваши ответы будут обобщены и использованы для повышения качества услуг. Заполнение анкеты займёт около 5 минут.',
  ),
  locales: ['lt', 'en', 'ru'],
  defaultLocale: 'lt',
  sections: [
    {
      id: 'respondent',
      title: t('Apie jus', 'About you', 'О вас'),
      questions: [
        {
          id: 'group',
          kind: 'single',
          role: 'segment',
          required: true,
          text: t(
            'Kuriai grupei save priskiriate?',
            'Which group do you belong to?',
            'К какой группе вы относитесь?',
          ),
          options: [
            {
              value: 'parent',
              label: t(
                'Tėvai (globėjai, rūpintojai)',
                'Parent or guardian',
                'Родитель (законный представитель)',
              ),
            },
            { value: 'pupil', label: t('Mokinys (-ė)', 'Pupil', 'Обучающийся (воспитанник)') },
            {
              value: 'staff',
              label: t('Įstaigos darbuotojas (-a)', 'Staff member', 'Сотрудник учреждения'),
            },
            { value: 'other', label: t('Kita', 'Other', 'Другое') },
          ],
        },
        {
          id: 'institution',
          kind: 'single',
          role: 'segment',
          required: true,
          acceptUnlisted: true,
          text: t(
            'Kurios įstaigos paslaugas vertinate?',
            'Which institution are you rating?',
            'Какое учреждение вы оцениваете?',
          ),
          options: [],
        },
        {
          id: 'service',
          kind: 'single',
          role: 'segment',
          text: t(
            'Kurią paslaugą vertinate?',
            'Which service are you rating?',
            'Какую услугу вы оцениваете?',
          ),
          options: [
            {
              value: 'preschool',
              label: t(
                'Ikimokyklinis ir priešmokyklinis ugdymas',
                'Pre-school and pre-primary education',
                'Дошкольное образование',
              ),
            },
            {
              value: 'general',
              label: t(
                'Bendrasis ugdymas (pradinis, pagrindinis, vidurinis)',
                'General education (primary, lower and upper secondary)',
                'Общее образование (начальное, основное, среднее)',
              ),
            },
            {
              value: 'nonformal',
              label: t(
                'Neformalusis vaikų švietimas (būreliai, muzikos, sporto, meno mokyklos)',
                "Non-formal children's education (clubs; music, sports and art schools)",
                'Дополнительное образование детей (кружки, музыкальные, спортивные и художественные школы)',
              ),
            },
            {
              value: 'support',
              label: t(
                'Švietimo pagalba (psichologas, logopedas, socialinis pedagogas, pedagoginė psichologinė tarnyba)',
                'Educational support (psychologist, speech therapist, social pedagogue, pedagogical-psychological service)',
                'Психолого-педагогическая помощь (психолог, логопед, социальный педагог, психолого-педагогическая служба)',
              ),
            },
            {
              value: 'admission',
              label: t(
                'Priėmimas į mokyklą ar darželį',
                'Admission to a school or kindergarten',
                'Приём в школу или детский сад',
              ),
            },
            {
              value: 'transport',
              label: t('Mokinių pavėžėjimas', 'School transport', 'Подвоз обучающихся'),
            },
            {
              value: 'catering',
              label: t('Mokinių maitinimas', 'School meals', 'Питание обучающихся'),
            },
            {
              value: 'admin',
              label: t(
                'Švietimo skyriaus paslaugos (konsultacijos, pažymos, prašymų nagrinėjimas)',
                'Services of the education department (advice, certificates, applications)',
                'Услуги отдела образования (консультации, справки, рассмотрение заявлений)',
              ),
            },
            { value: 'other', label: t('Kita', 'Other', 'Другое') },
          ],
        },
      ],
    },
    {
      id: 'rating',
      title: t('Paslaugos vertinimas', 'Rating the service', 'Оценка услуги'),
      description: t(
        'Jei kurio nors aspekto negalite įvertinti, pasirinkite „Nežinau / negaliu įvertinti“.',
        'If you cannot rate an aspect, choose "Don\'t know / cannot rate".',
        'Если вы не можете оценить какой-либо аспект, выберите «Затрудняюсь ответить».',
      ),
      questions: [
        {
          id: 'satisfaction',
          kind: 'matrix',
          role: 'satisfaction',
          text: t(
            'Kiek esate patenkinti šiais paslaugos aspektais?',
            'How satisfied are you with these aspects of the service?',
            'Насколько вы удовлетворены следующими аспектами услуги?',
          ),
          scale: SATISFACTION_SCALE,
          rows: [
            {
              id: 'info_available',
              dimension: 'information',
              text: t(
                'Informacijos apie paslaugą prieinamumas (svetainėje, stenduose, telefonu)',
                'Availability of information about the service (website, notice boards, phone)',
                'Доступность информации об услуге (сайт, стенды, телефон)',
              ),
            },
            {
              id: 'info_clear',
              dimension: 'information',
              text: t(
                'Informacijos aiškumas ir suprantamumas',
                'Clarity of the information',
                'Ясность и понятность информации',
              ),
            },
            {
              id: 'staff_competence',
              dimension: 'staff',
              text: t(
                'Darbuotojų kompetencija ir gebėjimas padėti',
                'Staff competence and ability to help',
                'Компетентность сотрудников и их умение помочь',
              ),
            },
            {
              id: 'staff_politeness',
              dimension: 'staff',
              text: t(
                'Darbuotojų mandagumas ir paslaugumas',
                'Staff courtesy and helpfulness',
                'Вежливость и доброжелательность сотрудников',
              ),
            },
            {
              id: 'staff_confidentiality',
              dimension: 'staff',
              text: t(
                'Asmens duomenų ir privatumo apsauga (konfidencialumas)',
                'Protection of personal data and privacy (confidentiality)',
                'Защита персональных данных и конфиденциальность',
              ),
            },
            {
              id: 'time_waiting',
              dimension: 'timeliness',
              text: t('Laukimo laikas', 'Waiting time', 'Время ожидания'),
            },
            {
              id: 'time_deadlines',
              dimension: 'timeliness',
              text: t(
                'Paslaugos suteikimo terminų laikymasis',
                'Keeping to the deadlines of the service',
                'Соблюдение сроков предоставления услуги',
              ),
            },
            {
              id: 'access_channels',
              dimension: 'accessibility',
              text: t(
                'Galimybė kreiptis įvairiais būdais (atvykus, telefonu, el. paštu, internetu)',
                'Choice of ways to get in touch (in person, by phone, by e-mail, online)',
                'Возможность обратиться разными способами (лично, по телефону, по электронной почте, через интернет)',
              ),
            },
            {
              id: 'access_hours',
              dimension: 'accessibility',
              text: t(
                'Darbo laiko patogumas',
                'Convenience of opening hours',
                'Удобство графика работы',
              ),
            },
            {
              id: 'access_disability',
              dimension: 'accessibility',
              text: t(
                'Paslaugos prieinamumas asmenims su negalia',
                'Accessibility for people with disabilities',
                'Доступность услуги для людей с инвалидностью',
              ),
            },
            {
              id: 'env_premises',
              dimension: 'environment',
              text: t(
                'Patalpų būklė, švara ir jaukumas',
                'Condition, cleanliness and comfort of the premises',
                'Состояние, чистота и комфорт помещений',
              ),
            },
            {
              id: 'outcome',
              dimension: 'outcome',
              text: t(
                'Paslaugos rezultatas ir jos nauda Jums',
                'The result of the service and its benefit to you',
                'Результат услуги и её польза для вас',
              ),
            },
          ],
        },
      ],
    },
    {
      id: 'importance_section',
      title: t('Kas Jums svarbu', 'What matters to you', 'Что для вас важно'),
      questions: [
        {
          id: 'importance',
          kind: 'matrix',
          role: 'importance',
          text: t(
            'Kiek Jums svarbūs šie paslaugos aspektai?',
            'How important are these aspects of the service to you?',
            'Насколько для вас важны следующие аспекты услуги?',
          ),
          scale: IMPORTANCE_SCALE,
          rows: [
            {
              id: 'imp_information',
              dimension: 'information',
              importanceOf: 'information',
              text: t(
                'Informacija apie paslaugą',
                'Information about the service',
                'Информация об услуге',
              ),
            },
            {
              id: 'imp_staff',
              dimension: 'staff',
              importanceOf: 'staff',
              text: t(
                'Darbuotojų kompetencija ir elgesys',
                'Staff competence and behaviour',
                'Компетентность и поведение сотрудников',
              ),
            },
            {
              id: 'imp_timeliness',
              dimension: 'timeliness',
              importanceOf: 'timeliness',
              text: t(
                'Laukimo laikas ir terminų laikymasis',
                'Waiting time and keeping to deadlines',
                'Время ожидания и соблюдение сроков',
              ),
            },
            {
              id: 'imp_accessibility',
              dimension: 'accessibility',
              importanceOf: 'accessibility',
              text: t(
                'Paslaugos prieinamumas',
                'Accessibility of the service',
                'Доступность услуги',
              ),
            },
            {
              id: 'imp_environment',
              dimension: 'environment',
              importanceOf: 'environment',
              text: t('Patalpos ir aplinka', 'Premises and surroundings', 'Помещения и обстановка'),
            },
            {
              id: 'imp_outcome',
              dimension: 'outcome',
              importanceOf: 'outcome',
              text: t('Paslaugos rezultatas', 'The result of the service', 'Результат услуги'),
            },
          ],
        },
      ],
    },
    {
      id: 'overall_section',
      title: t('Bendras vertinimas', 'Overall', 'Общая оценка'),
      questions: [
        {
          id: 'overall',
          kind: 'scale',
          role: 'overall',
          required: true,
          text: t(
            'Apskritai, kiek esate patenkinti gauta paslauga?',
            'Overall, how satisfied are you with the service you received?',
            'В целом, насколько вы удовлетворены полученной услугой?',
          ),
          scale: OVERALL_SCALE,
        },
        {
          id: 'recommend',
          kind: 'nps',
          role: 'recommend',
          text: t(
            'Kiek tikėtina, kad rekomenduotumėte šią įstaigą draugams ar pažįstamiems?',
            'How likely are you to recommend this institution to friends or acquaintances?',
            'Насколько вероятно, что вы порекомендуете это учреждение друзьям или знакомым?',
          ),
          minLabel: t('Visiškai netikėtina', 'Not at all likely', 'Крайне маловероятно'),
          maxLabel: t('Labai tikėtina', 'Extremely likely', 'Очень вероятно'),
        },
      ],
    },
    {
      id: 'comments',
      title: t('Jūsų pasiūlymai', 'Your suggestions', 'Ваши предложения'),
      questions: [
        {
          id: 'why_dissatisfied',
          kind: 'text',
          multiline: true,
          maxLength: 2000,
          visibleIf: '{overall} <= 2',
          text: t(
            'Kas lėmė Jūsų nepasitenkinimą?',
            'What made you dissatisfied?',
            'Что вызвало ваше недовольство?',
          ),
        },
        {
          id: 'improve',
          kind: 'text',
          multiline: true,
          maxLength: 2000,
          text: t(
            'Ką, Jūsų nuomone, reikėtų tobulinti?',
            'What do you think should be improved?',
            'Что, по вашему мнению, следует улучшить?',
          ),
        },
      ],
    },
  ],
};
