import type { LocalizedText } from '@edu-quality/core';
import type { Question, Questionnaire, RatingQuestion, Section } from '@edu-quality/questionnaire';
import type { EcsiBlock } from './ecsi-model.js';
import { enLt as t } from './internal/text.js';

type Anchors = readonly [LocalizedText, LocalizedText];

const AGREE: Anchors = [
  t('Completely disagree', 'Visiškai nesutinku'),
  t('Completely agree', 'Visiškai sutinku'),
];
const QUALITY: Anchors = [
  t('Very low quality', 'Labai žema kokybė'),
  t('Very high quality', 'Labai aukšta kokybė'),
];
const POOR_EXCELLENT: Anchors = [t('Very poor', 'Labai prastai'), t('Excellent', 'Puikiai')];
const LIKELY: Anchors = [
  t('Very unlikely', 'Labai mažai tikėtina'),
  t('Very likely', 'Labai tikėtina'),
];

const DONT_KNOW = { value: 99, label: t("Don't know", 'Nežinau') };

function rating(
  id: string,
  dimension: EcsiBlock,
  text: LocalizedText,
  [minLabel, maxLabel]: Anchors,
  extra: Partial<RatingQuestion> = {},
): RatingQuestion {
  return {
    id,
    kind: 'rating',
    dimension,
    text,
    min: 1,
    max: 10,
    minLabel,
    maxLabel,
    notApplicable: DONT_KNOW,
    ...extra,
  };
}

function block(
  id: EcsiBlock,
  title: LocalizedText,
  description: LocalizedText,
  questions: Question[],
): Section {
  return { id: `block_${id}`, title, description, questions };
}

/**
 * An ECSI-style questionnaire for an education institution, in English
 * (default) and Lithuanian: 25 items on 1–10 ratings measuring the seven
 * latent variables of the European Customer Satisfaction Index.
 *
 * @remarks
 * The structure follows EPSI/ECSI practice (Eklöf and Westlund 2002; the ECSI
 * Technical Committee 1998): image, expectations, perceived quality,
 * perceived value, satisfaction, complaints and loyalty, each measured by
 * several 1–10 ratings with labelled end points and "don't know" coded 99.
 * Wording is adapted to schools and kindergartens ("the institution", "you
 * or your child"). The item ids per latent variable are in
 * {@link ecsiBlocks} and the paths in {@link ecsiPaths}; `dimension` of each
 * item names its block. The institution (`institution`, any code) and the
 * respondent group (`group`) come first, as segments. Quality items have role
 * `satisfaction` and `sat1` role `overall`, so the satisfaction index can be
 * computed from the same data.
 *
 * @example
 * ```ts
 * import { listItems } from '@edu-quality/questionnaire';
 * const items = listItems(ecsiQuestionnaire);
 * items.filter((item) => item.dimension === 'loyalty').map((item) => item.id); // => ecsiBlocks.loyalty
 * items.find((item) => item.id === 'qual1')?.range; // => { min: 1, max: 10 }
 * ecsiQuestionnaire.locales; // => ['en', 'lt']
 * ```
 */
export const ecsiQuestionnaire: Questionnaire = {
  id: 'ecsi-education',
  version: '2026-1',
  title: t(
    'Satisfaction with the education institution (ECSI)',
    'Pasitenkinimas švietimo įstaiga (ECSI)',
  ),
  description: t(
    'Rate each statement from 1 to 10. If you cannot answer, choose "Don\'t know". The survey is anonymous.',
    'Kiekvieną teiginį įvertinkite nuo 1 iki 10. Jei negalite atsakyti, pasirinkite „Nežinau“. Apklausa anoniminė.',
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
        {
          id: 'group',
          kind: 'single',
          role: 'segment',
          text: t('Which group do you belong to?', 'Kuriai grupei save priskiriate?'),
          options: [
            { value: 'parent', label: t('Parent or guardian', 'Tėvai (globėjai, rūpintojai)') },
            { value: 'pupil', label: t('Pupil', 'Mokinys (-ė)') },
            { value: 'staff', label: t('Staff member', 'Įstaigos darbuotojas (-a)') },
            { value: 'other', label: t('Other', 'Kita') },
          ],
        },
      ],
    },
    block(
      'image',
      t('The institution', 'Įstaiga'),
      t(
        'How far do you agree with these statements about the institution?',
        'Kiek sutinkate su šiais teiginiais apie įstaigą?',
      ),
      [
        rating(
          'imag1',
          'image',
          t(
            'It is a reliable institution that can be trusted.',
            'Tai patikima įstaiga, kuria galima pasitikėti.',
          ),
          AGREE,
        ),
        rating(
          'imag2',
          'image',
          t('It has a good reputation in the community.', 'Ji turi gerą vardą bendruomenėje.'),
          AGREE,
        ),
        rating(
          'imag3',
          'image',
          t(
            'It contributes to the life of the community.',
            'Ji prisideda prie bendruomenės gyvenimo.',
          ),
          AGREE,
        ),
        rating(
          'imag4',
          'image',
          t(
            'It cares about its pupils and their families.',
            'Ji rūpinasi savo mokiniais ir jų šeimomis.',
          ),
          AGREE,
        ),
        rating(
          'imag5',
          'image',
          t('It is innovative and looks to the future.', 'Ji yra inovatyvi ir žvelgia į ateitį.'),
          AGREE,
        ),
      ],
    ),
    block(
      'expectations',
      t('Your expectations', 'Jūsų lūkesčiai'),
      t(
        'Think back to the time before you (or your child) started at the institution.',
        'Prisiminkite laiką, kai Jūs (ar Jūsų vaikas) dar nebuvote pradėję lankyti įstaigos.',
      ),
      [
        rating(
          'expe1',
          'expectations',
          t('What overall quality did you expect?', 'Kokios bendros kokybės tikėjotės?'),
          QUALITY,
        ),
        rating(
          'expe2',
          'expectations',
          t(
            "How well did you expect it to meet your (your child's) needs?",
            'Kiek tikėjotės, kad ji atitiks Jūsų (Jūsų vaiko) poreikius?',
          ),
          [t('Not at all', 'Visiškai neatitiks'), t('Fully', 'Visiškai atitiks')],
        ),
        rating(
          'expe3',
          'expectations',
          t(
            'How reliably did you expect it to keep its commitments?',
            'Kiek tikėjotės, kad ji patikimai vykdys savo įsipareigojimus?',
          ),
          [
            t('Not at all reliably', 'Visai nepatikimai'),
            t('Completely reliably', 'Visiškai patikimai'),
          ],
        ),
        rating(
          'expe4',
          'expectations',
          t(
            'What quality of teaching and care did you expect?',
            'Kokios ugdymo ir priežiūros kokybės tikėjotės?',
          ),
          QUALITY,
        ),
      ],
    ),
    block(
      'quality',
      t('Quality', 'Kokybė'),
      t('How do you rate the institution today?', 'Kaip šiandien vertinate įstaigą?'),
      [
        rating(
          'qual1',
          'quality',
          t('Overall quality of its services', 'Bendra jos paslaugų kokybė'),
          POOR_EXCELLENT,
          { role: 'satisfaction' },
        ),
        rating(
          'qual2',
          'quality',
          t('Quality of teaching and care', 'Ugdymo ir priežiūros kokybė'),
          POOR_EXCELLENT,
          { role: 'satisfaction' },
        ),
        rating(
          'qual3',
          'quality',
          t('Competence and helpfulness of the staff', 'Darbuotojų kompetencija ir paslaugumas'),
          POOR_EXCELLENT,
          { role: 'satisfaction' },
        ),
        rating(
          'qual4',
          'quality',
          t(
            'Information and communication with families',
            'Informavimas ir bendravimas su šeimomis',
          ),
          POOR_EXCELLENT,
          { role: 'satisfaction' },
        ),
        rating(
          'qual5',
          'quality',
          t('Premises, equipment and learning materials', 'Patalpos, įranga ir mokymo priemonės'),
          POOR_EXCELLENT,
          { role: 'satisfaction' },
        ),
      ],
    ),
    block(
      'value',
      t('Value', 'Vertė'),
      t(
        'Think of what it costs you: fees, travel, time and effort.',
        'Pagalvokite apie tai, ką skiriate: mokesčius, kelionę, laiką ir pastangas.',
      ),
      [
        rating(
          'val1',
          'value',
          t(
            'Given what it costs you, how do you rate the quality of the services?',
            'Kaip vertinate paslaugų kokybę, atsižvelgdami į tai, ką skiriate?',
          ),
          POOR_EXCELLENT,
        ),
        rating(
          'val2',
          'value',
          t(
            'Given the quality of the services, how do you rate what it costs you?',
            'Kaip vertinate tai, ką skiriate, atsižvelgdami į paslaugų kokybę?',
          ),
          POOR_EXCELLENT,
        ),
        rating(
          'val3',
          'value',
          t(
            'Is what you get worth the time and effort you put in?',
            'Ar tai, ką gaunate, verta Jūsų laiko ir pastangų?',
          ),
          [t('Not at all worth it', 'Visiškai neverta'), t('Fully worth it', 'Visiškai verta')],
        ),
      ],
    ),
    block(
      'satisfaction',
      t('Satisfaction', 'Pasitenkinimas'),
      t('All things considered:', 'Atsižvelgdami į viską:'),
      [
        rating(
          'sat1',
          'satisfaction',
          t(
            'Overall, how satisfied are you with the institution?',
            'Apskritai, kiek esate patenkinti įstaiga?',
          ),
          [
            t('Very dissatisfied', 'Labai nepatenkintas (-a)'),
            t('Very satisfied', 'Labai patenkintas (-a)'),
          ],
          { role: 'overall' },
        ),
        rating(
          'sat2',
          'satisfaction',
          t(
            'How far has the institution met your expectations?',
            'Kiek įstaiga pateisino Jūsų lūkesčius?',
          ),
          [t('Falls far short', 'Visiškai nepateisino'), t('Far exceeds them', 'Gerokai pranoko')],
        ),
        rating(
          'sat3',
          'satisfaction',
          t(
            'Imagine an ideal institution of this kind. How close to it is this one?',
            'Įsivaizduokite idealią tokio tipo įstaigą. Kiek ši įstaiga jai artima?',
          ),
          [t('Very far from ideal', 'Labai toli nuo idealo'), t('Ideal', 'Ideali')],
        ),
      ],
    ),
    block(
      'complaints',
      t('Complaints and suggestions', 'Skundai ir pasiūlymai'),
      t('How does the institution deal with complaints?', 'Kaip įstaiga elgiasi su skundais?'),
      [
        rating(
          'comp1',
          'complaints',
          t(
            'If you have raised a complaint or a concern, how well was it handled?',
            'Jei esate pateikę skundą ar išsakę nuogąstavimą, kaip gerai jis buvo išnagrinėtas?',
          ),
          [t('Very badly', 'Labai blogai'), t('Very well', 'Labai gerai')],
          {
            notApplicable: {
              value: 99,
              label: t('Does not apply / never complained', 'Netaikoma / nesiskundžiau'),
            },
          },
        ),
        rating(
          'comp2',
          'complaints',
          t(
            'How open is the institution to complaints and suggestions?',
            'Kiek įstaiga atvira skundams ir pasiūlymams?',
          ),
          [t('Not open at all', 'Visiškai neatvira'), t('Very open', 'Labai atvira')],
        ),
      ],
    ),
    block('loyalty', t('Loyalty', 'Lojalumas'), t('Looking ahead:', 'Žvelgiant į ateitį:'), [
      rating(
        'loy1',
        'loyalty',
        t(
          'If you were choosing again, how likely is it that you would choose this institution?',
          'Jei rinktumėtės iš naujo, kiek tikėtina, kad vėl pasirinktumėte šią įstaigą?',
        ),
        LIKELY,
      ),
      rating(
        'loy2',
        'loyalty',
        t(
          'How likely are you to recommend the institution to others?',
          'Kiek tikėtina, kad rekomenduotumėte įstaigą kitiems?',
        ),
        LIKELY,
      ),
      rating(
        'loy3',
        'loyalty',
        t(
          'How likely are you to keep using its services next year?',
          'Kiek tikėtina, kad kitais metais ir toliau naudositės jos paslaugomis?',
        ),
        LIKELY,
      ),
    ]),
  ],
};
