import type { LocalizedText } from '@edu-quality/core';
import type { MatrixRow, Questionnaire, Scale } from '@edu-quality/questionnaire';
import { enLt as t } from './internal/text.js';

/** The five SERVQUAL dimensions (Parasuraman, Zeithaml and Berry 1988). */
export type ServqualDimension =
  'tangibles' | 'reliability' | 'responsiveness' | 'assurance' | 'empathy';

/** One SERVQUAL statement: the ids of its expectation and perception items and its dimension. */
export interface ServqualPair {
  /** The statement number, 1–22, as in the 1991 instrument. */
  readonly number: number;
  /** The dimension the statement measures. */
  readonly dimension: ServqualDimension;
  /** The id of the expectation item, `e1` … `e22`. */
  readonly expectation: string;
  /** The id of the perception item, `p1` … `p22`. */
  readonly perception: string;
}

interface Statement {
  readonly dimension: ServqualDimension;
  readonly expectation: LocalizedText;
  readonly perception: LocalizedText;
}

// The 22 statements of the revised SERVQUAL (Parasuraman, Berry and Zeithaml
// 1991), all positively worded, adapted from "companies" and "customers" to
// education institutions, pupils and parents.
const STATEMENTS: readonly Statement[] = [
  {
    dimension: 'tangibles',
    expectation: t(
      'Excellent institutions have modern-looking equipment.',
      'Puikios įstaigos turi modernią įrangą.',
    ),
    perception: t(
      'This institution has modern-looking equipment.',
      'Ši įstaiga turi modernią įrangą.',
    ),
  },
  {
    dimension: 'tangibles',
    expectation: t(
      'The buildings and premises of excellent institutions are visually appealing.',
      'Puikių įstaigų pastatai ir patalpos yra patrauklūs.',
    ),
    perception: t(
      'The buildings and premises of this institution are visually appealing.',
      'Šios įstaigos pastatai ir patalpos yra patrauklūs.',
    ),
  },
  {
    dimension: 'tangibles',
    expectation: t(
      'Staff of excellent institutions are neat in appearance.',
      'Puikių įstaigų darbuotojai atrodo tvarkingai.',
    ),
    perception: t(
      'Staff of this institution are neat in appearance.',
      'Šios įstaigos darbuotojai atrodo tvarkingai.',
    ),
  },
  {
    dimension: 'tangibles',
    expectation: t(
      'At excellent institutions, materials about the service (leaflets, notices, letters) are visually appealing.',
      'Puikių įstaigų medžiaga apie paslaugas (lankstinukai, skelbimai, laiškai) yra patraukli.',
    ),
    perception: t(
      'At this institution, materials about the service (leaflets, notices, letters) are visually appealing.',
      'Šios įstaigos medžiaga apie paslaugas (lankstinukai, skelbimai, laiškai) yra patraukli.',
    ),
  },
  {
    dimension: 'reliability',
    expectation: t(
      'When excellent institutions promise to do something by a certain time, they do so.',
      'Kai puikios įstaigos pažada ką nors padaryti iki tam tikro laiko, jos tai padaro.',
    ),
    perception: t(
      'When this institution promises to do something by a certain time, it does so.',
      'Kai ši įstaiga pažada ką nors padaryti iki tam tikro laiko, ji tai padaro.',
    ),
  },
  {
    dimension: 'reliability',
    expectation: t(
      'When a pupil or parent has a problem, excellent institutions show a sincere interest in solving it.',
      'Kai mokinys ar tėvai susiduria su problema, puikios įstaigos nuoširdžiai stengiasi ją išspręsti.',
    ),
    perception: t(
      'When you have a problem, this institution shows a sincere interest in solving it.',
      'Kai susiduriate su problema, ši įstaiga nuoširdžiai stengiasi ją išspręsti.',
    ),
  },
  {
    dimension: 'reliability',
    expectation: t(
      'Excellent institutions perform the service right the first time.',
      'Puikios įstaigos paslaugą iš karto suteikia tinkamai.',
    ),
    perception: t(
      'This institution performs the service right the first time.',
      'Ši įstaiga paslaugą iš karto suteikia tinkamai.',
    ),
  },
  {
    dimension: 'reliability',
    expectation: t(
      'Excellent institutions provide their services at the time they promise to.',
      'Puikios įstaigos paslaugas suteikia pažadėtu laiku.',
    ),
    perception: t(
      'This institution provides its services at the time it promises to.',
      'Ši įstaiga paslaugas suteikia pažadėtu laiku.',
    ),
  },
  {
    dimension: 'reliability',
    expectation: t(
      'Excellent institutions insist on error-free records.',
      'Puikios įstaigos rūpinasi, kad jų dokumentuose ir įrašuose nebūtų klaidų.',
    ),
    perception: t(
      'This institution insists on error-free records.',
      'Ši įstaiga rūpinasi, kad jos dokumentuose ir įrašuose nebūtų klaidų.',
    ),
  },
  {
    dimension: 'responsiveness',
    expectation: t(
      'Staff of excellent institutions tell pupils and parents exactly when services will be performed.',
      'Puikių įstaigų darbuotojai tiksliai nurodo mokiniams ir tėvams, kada paslauga bus suteikta.',
    ),
    perception: t(
      'Staff of this institution tell you exactly when services will be performed.',
      'Šios įstaigos darbuotojai tiksliai nurodo, kada paslauga bus suteikta.',
    ),
  },
  {
    dimension: 'responsiveness',
    expectation: t(
      'Staff of excellent institutions give prompt service.',
      'Puikių įstaigų darbuotojai aptarnauja greitai.',
    ),
    perception: t(
      'Staff of this institution give you prompt service.',
      'Šios įstaigos darbuotojai Jus aptarnauja greitai.',
    ),
  },
  {
    dimension: 'responsiveness',
    expectation: t(
      'Staff of excellent institutions are always willing to help.',
      'Puikių įstaigų darbuotojai visada pasirengę padėti.',
    ),
    perception: t(
      'Staff of this institution are always willing to help you.',
      'Šios įstaigos darbuotojai visada pasirengę Jums padėti.',
    ),
  },
  {
    dimension: 'responsiveness',
    expectation: t(
      'Staff of excellent institutions are never too busy to respond to requests.',
      'Puikių įstaigų darbuotojai niekada nebūna per daug užsiėmę, kad atsakytų į prašymus.',
    ),
    perception: t(
      'Staff of this institution are never too busy to respond to your requests.',
      'Šios įstaigos darbuotojai niekada nebūna per daug užsiėmę, kad atsakytų į Jūsų prašymus.',
    ),
  },
  {
    dimension: 'assurance',
    expectation: t(
      'The behaviour of staff of excellent institutions instils confidence.',
      'Puikių įstaigų darbuotojų elgesys kelia pasitikėjimą.',
    ),
    perception: t(
      'The behaviour of staff of this institution instils confidence in you.',
      'Šios įstaigos darbuotojų elgesys Jums kelia pasitikėjimą.',
    ),
  },
  {
    dimension: 'assurance',
    expectation: t(
      'Pupils and parents feel safe in their dealings with excellent institutions.',
      'Mokiniai ir tėvai, bendraudami su puikiomis įstaigomis, jaučiasi saugiai.',
    ),
    perception: t(
      'You feel safe in your dealings with this institution.',
      'Bendraudami su šia įstaiga jaučiatės saugiai.',
    ),
  },
  {
    dimension: 'assurance',
    expectation: t(
      'Staff of excellent institutions are consistently courteous.',
      'Puikių įstaigų darbuotojai visada mandagūs.',
    ),
    perception: t(
      'Staff of this institution are consistently courteous with you.',
      'Šios įstaigos darbuotojai su Jumis visada mandagūs.',
    ),
  },
  {
    dimension: 'assurance',
    expectation: t(
      'Staff of excellent institutions have the knowledge to answer questions.',
      'Puikių įstaigų darbuotojai turi pakankamai žinių atsakyti į klausimus.',
    ),
    perception: t(
      'Staff of this institution have the knowledge to answer your questions.',
      'Šios įstaigos darbuotojai turi pakankamai žinių atsakyti į Jūsų klausimus.',
    ),
  },
  {
    dimension: 'empathy',
    expectation: t(
      'Excellent institutions give each pupil and parent individual attention.',
      'Puikios įstaigos kiekvienam mokiniui ir jo tėvams skiria individualaus dėmesio.',
    ),
    perception: t(
      'This institution gives you individual attention.',
      'Ši įstaiga skiria Jums individualaus dėmesio.',
    ),
  },
  {
    dimension: 'empathy',
    expectation: t(
      'Excellent institutions have opening hours convenient to all the people they serve.',
      'Puikių įstaigų darbo laikas patogus visiems, kuriems jos teikia paslaugas.',
    ),
    perception: t(
      'This institution has opening hours convenient to you.',
      'Šios įstaigos darbo laikas Jums patogus.',
    ),
  },
  {
    dimension: 'empathy',
    expectation: t(
      'Excellent institutions have staff who give pupils and parents personal attention.',
      'Puikiose įstaigose dirba darbuotojai, kurie mokiniams ir tėvams skiria asmeninio dėmesio.',
    ),
    perception: t(
      'This institution has staff who give you personal attention.',
      'Šioje įstaigoje dirba darbuotojai, kurie Jums skiria asmeninio dėmesio.',
    ),
  },
  {
    dimension: 'empathy',
    expectation: t(
      'Excellent institutions have the best interests of pupils and families at heart.',
      'Puikioms įstaigoms labiausiai rūpi mokinių ir šeimų interesai.',
    ),
    perception: t(
      'This institution has your best interests at heart.',
      'Šiai įstaigai labiausiai rūpi Jūsų interesai.',
    ),
  },
  {
    dimension: 'empathy',
    expectation: t(
      'Staff of excellent institutions understand the specific needs of pupils and parents.',
      'Puikių įstaigų darbuotojai supranta konkrečius mokinių ir tėvų poreikius.',
    ),
    perception: t(
      'Staff of this institution understand your specific needs.',
      'Šios įstaigos darbuotojai supranta konkrečius Jūsų poreikius.',
    ),
  },
];

const AGREEMENT_SCALE: Scale = {
  points: [
    { value: 1, label: t('Strongly disagree', 'Visiškai nesutinku') },
    { value: 2, label: t('Disagree', 'Nesutinku') },
    { value: 3, label: t('Somewhat disagree', 'Iš dalies nesutinku') },
    { value: 4, label: t('Neither agree nor disagree', 'Nei sutinku, nei nesutinku') },
    { value: 5, label: t('Somewhat agree', 'Iš dalies sutinku') },
    { value: 6, label: t('Agree', 'Sutinku') },
    { value: 7, label: t('Strongly agree', 'Visiškai sutinku') },
  ],
};

/**
 * The pairing of the SERVQUAL-22 items: for each statement, its expectation
 * item `e<n>`, its perception item `p<n>` and its dimension.
 *
 * @remarks
 * Dimensions and statement numbers as in Parasuraman, Berry and Zeithaml
 * (1991): tangibles 1–4, reliability 5–9, responsiveness 10–13, assurance
 * 14–17, empathy 18–22. The gap score of a statement is perception minus
 * expectation, `p<n> − e<n>`, on the 7-point scale of
 * {@link servqualQuestionnaire}; a negative gap means expectations are not met.
 *
 * @example
 * ```ts
 * servqualPairs.length; // => 22
 * servqualPairs[4]; // => { number: 5, dimension: 'reliability', expectation: 'e5', perception: 'p5' }
 * servqualPairs.filter((pair) => pair.dimension === 'empathy').length; // => 5
 * ```
 */
export const servqualPairs: readonly ServqualPair[] = STATEMENTS.map((statement, i) => ({
  number: i + 1,
  dimension: statement.dimension,
  expectation: `e${i + 1}`,
  perception: `p${i + 1}`,
}));

function rows(kind: 'expectation' | 'perception'): MatrixRow[] {
  return STATEMENTS.map((statement, i) => ({
    id: `${kind === 'expectation' ? 'e' : 'p'}${i + 1}`,
    dimension: statement.dimension,
    text: statement[kind],
  }));
}

/**
 * SERVQUAL-22 for an education institution, in English (default) and
 * Lithuanian: 22 expectation statements and the 22 matching perception
 * statements, each on a 7-point agreement scale.
 *
 * @remarks
 * The instrument of Parasuraman, Zeithaml and Berry (1988, "SERVQUAL: a
 * multiple-item scale for measuring consumer perceptions of service quality",
 * Journal of Retailing 64(1)) in its revised, positively worded form
 * (Parasuraman, Berry and Zeithaml 1991, Journal of Retailing 67(4)):
 * tangibles 4 items, reliability 5, responsiveness 4, assurance 4, empathy 5.
 * The expectations come first (matrix `expectations`, rows `e1` … `e22`),
 * then the perceptions (matrix `perceptions`, rows `p1` … `p22`, role
 * `satisfaction`); each row carries its dimension. {@link servqualPairs} pairs
 * them. Wording is adapted from companies and customers to education
 * institutions, pupils and parents. The institution (`institution`, any code)
 * is asked first, as a segment.
 *
 * For synthetic data in which expectations exceed perceptions, as they
 * usually do, give {@link generateResponses} `offsets` for the `e` items, for
 * example `Object.fromEntries(servqualPairs.map((p) => [p.expectation, 1]))`.
 *
 * @example
 * ```ts
 * import { listItems } from '@edu-quality/questionnaire';
 * const items = listItems(servqualQuestionnaire);
 * items.length; // => 45
 * items.find((item) => item.id === 'p22')?.dimension; // => 'empathy'
 * items.find((item) => item.id === 'e1')?.range; // => { min: 1, max: 7 }
 * ```
 */
export const servqualQuestionnaire: Questionnaire = {
  id: 'servqual-education',
  version: '2026-1',
  title: t(
    'Service quality of the education institution (SERVQUAL)',
    'Švietimo įstaigos paslaugų kokybė (SERVQUAL)',
  ),
  description: t(
    'The survey has two parts: first your expectations of an excellent institution, then your view of this one. It is anonymous.',
    'Anketą sudaro dvi dalys: pirmiausia Jūsų lūkesčiai puikiai įstaigai, po to – Jūsų nuomonė apie šią įstaigą. Apklausa anoniminė.',
  ),
  locales: ['en', 'lt'],
  defaultLocale: 'en',
  sections: [
    {
      id: 'respondent',
      title: t('About you', 'Apie Jus'),
      questions: [
        {
          id: 'institution',
          kind: 'single',
          role: 'segment',
          required: true,
          acceptUnlisted: true,
          text: t('Which institution are you rating?', 'Kurią įstaigą vertinate?'),
          options: [],
        },
      ],
    },
    {
      id: 'expectations_section',
      title: t('Your expectations', 'Jūsų lūkesčiai'),
      description: t(
        'Think of an excellent education institution of the kind you use. How far do you agree that such an institution would have each feature?',
        'Pagalvokite apie puikią tokio tipo švietimo įstaigą, kokia naudojatės. Kiek sutinkate, kad tokia įstaiga turėtų kiekvieną iš šių savybių?',
      ),
      questions: [
        {
          id: 'expectations',
          kind: 'matrix',
          text: t('Excellent institutions …', 'Puikios įstaigos …'),
          scale: AGREEMENT_SCALE,
          rows: rows('expectation'),
        },
      ],
    },
    {
      id: 'perceptions_section',
      title: t('This institution', 'Ši įstaiga'),
      description: t(
        'Now think of this institution. How far do you agree with each statement?',
        'Dabar pagalvokite apie šią įstaigą. Kiek sutinkate su kiekvienu teiginiu?',
      ),
      questions: [
        {
          id: 'perceptions',
          kind: 'matrix',
          role: 'satisfaction',
          text: t('This institution …', 'Ši įstaiga …'),
          scale: AGREEMENT_SCALE,
          rows: rows('perception'),
        },
      ],
    },
  ],
};
