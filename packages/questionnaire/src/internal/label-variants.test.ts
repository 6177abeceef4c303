// Look-alike answers: letter case, Unicode spaces, invisible characters,
// surrounding spaces and Unicode normal forms must not split one answer into
// several groups. The oracle of every count is the list of cells in the test.
import { describe, expect, it } from 'vitest';
import { readResponsesSync } from '../read-responses.js';
import type { ResponseSet } from '../response-set.js';
import { QuestionnaireSchema, type Questionnaire } from '../schema.js';
import { cleanLabel } from './label-variants.js';

const labels = [
  'Labai nepatenkintas',
  'Nepatenkintas',
  'Nei taip, nei ne',
  'Patenkintas',
  'Labai patenkintas',
];
const questionnaire: Questionnaire = QuestionnaireSchema.parse({
  id: 'v',
  version: '1',
  title: { lt: 'Q' },
  locales: ['lt'],
  defaultLocale: 'lt',
  sections: [
    {
      id: 's',
      title: { lt: 'S' },
      questions: [
        {
          id: 'q',
          kind: 'scale',
          text: { lt: 'Q' },
          scale: { points: labels.map((label, i) => ({ value: i + 1, label: { lt: label } })) },
        },
        {
          id: 'school',
          kind: 'single',
          text: { lt: 'Mokykla' },
          options: [
            { value: 'A', label: { lt: 'Pirma mokykla' } },
            { value: 'B', label: { lt: 'Antra mokykla' } },
          ],
        },
        { id: 'inst', kind: 'single', text: { lt: 'Įstaiga' }, acceptUnlisted: true, options: [] },
      ],
    },
  ],
});

const institution = [
  'Vilniaus lopšelis',
  'vilniaus LOPŠELIS',
  'Vilniaus\u00a0lopšelis', // no-break space
  'Vilniaus lopšelis\u200b', // zero-width space
  '  Vilniaus   lopšelis ', // surrounding and repeated spaces
  '\ufeffVilniaus lopšelis', // a BOM inside the cell
  'Vilniaus lop\u00adšelis', // soft hyphen
  'Vilniaus lopšelis\u200f', // right-to-left mark
  'Kauno darželis „Ėglutė“',
  'Kauno darželis „Ėglutė“'.normalize('NFD'), // Ė and ė as a letter + combining dot above
];

function categories(set: ResponseSet, id: string): [readonly string[], number[]] {
  const column = set.columns.get(id);
  return column?.kind === 'category' ? [column.dictionary, Array.from(column.codes)] : [[], []];
}

function csv(rows: readonly (readonly string[])[]): string {
  const cell = (c: string): string => `"${c.replaceAll('"', '""')}"`;
  return `q,school,inst\n${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

describe('look-alike answers are read as one', () => {
  const rows = institution.map((inst, i) => ['Patenkintas', i % 2 === 0 ? 'A' : 'a', inst]);
  const set = readResponsesSync(questionnaire, csv(rows));

  it('unlisted answers: one dictionary entry per answer, none printing like another', () => {
    const [dictionary, codes] = categories(set, 'inst');
    // Hand check: the first eight cells are "Vilniaus lopšelis", the last two
    // "Kauno darželis „Ėglutė“" (NFC and NFD).
    expect(dictionary).toEqual(['Vilniaus lopšelis', 'Kauno darželis „Ėglutė“']);
    expect(codes).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(new Set(dictionary.map(cleanLabel)).size).toBe(dictionary.length);
    expect(set.issues).toEqual([]);
  });

  it('the merge is reported once per answer, with the count of answers', () => {
    const notices = set.notices?.filter((n) => n.field === 'inst') ?? [];
    expect(notices.map((n) => [n.code, n.row, n.column])).toEqual([
      ['merged-spellings', 3, 3],
      ['merged-spellings', 11, 3],
    ]);
    // Rows 3–9 spell the first answer otherwise (7 cells, 7 spellings);
    // row 11 the second (1 cell).
    expect(notices[0]?.message).toBe(
      'inst: 7 answers in 7 other spellings (letter case, spaces, invisible characters) were read as the unlisted answer stored as dictionary entry 0',
    );
    expect(notices[1]?.message).toBe(
      'inst: 1 answer in 1 other spelling (Unicode form) was read as the unlisted answer stored as dictionary entry 1',
    );
    // Declared option codes in another case: 5 cells "a" (rows 3, 5, 7, 9, 11).
    expect(set.notices?.filter((n) => n.field === 'school').map((n) => n.message)).toEqual([
      'school: 5 answers in 1 other spelling (letter case) were read as option "A"',
    ]);
  });

  it('declared labels match through invisible characters and Unicode spaces', () => {
    const cells = [
      'Labai\u00a0patenkintas',
      'LABAI PATENKINTAS\u200e',
      'Pirma mokykla\u00ad',
      '\u200bAntra mokykla',
    ];
    const read = readResponsesSync(
      questionnaire,
      csv([
        [cells[0]!, cells[2]!, 'x'],
        [cells[1]!, cells[3]!, 'x'],
      ]),
    );
    expect(read.issues).toEqual([]);
    const q = read.columns.get('q');
    expect(q?.kind === 'scale' ? Array.from(q.values) : []).toEqual([5, 5]);
    expect(categories(read, 'school')[1]).toEqual([0, 1]);
    expect(read.notices?.map((n) => n.message)).toEqual([
      'q: 2 answers in 2 other spellings (letter case, spaces, invisible characters) were read as code 5',
      'school: 1 answer in 1 other spelling (invisible characters) was read as option "A"',
      'school: 1 answer in 1 other spelling (invisible characters) was read as option "B"',
    ]);
  });

  it('CSV one byte at a time and records give the same columns and the same counts', () => {
    const bytes = Array.from(new TextEncoder().encode(csv(rows)), (b) => Uint8Array.of(b));
    const chunked = readResponsesSync(questionnaire, bytes);
    expect(categories(chunked, 'inst')).toEqual(categories(set, 'inst'));
    expect(chunked.notices).toEqual(set.notices);
    const records = readResponsesSync(
      questionnaire,
      rows.map(([q, school, inst]) => ({ q, school, inst })),
    );
    expect(categories(records, 'inst')).toEqual(categories(set, 'inst'));
    expect(records.notices?.map((n) => n.message)).toEqual(set.notices?.map((n) => n.message));
  });
});

describe('look-alike letters of another script (confusables)', () => {
  // Cyrillic а (U+0430), о (U+043E), і (U+0456) in Latin words, the hostile
  // gate's label-lookalike-*.csv; the oracle is the cells as written here.
  const ru: Questionnaire = QuestionnaireSchema.parse({
    id: 'ru',
    version: '1',
    title: { ru: 'Q' },
    locales: ['ru'],
    defaultLocale: 'ru',
    sections: [
      {
        id: 's',
        title: { ru: 'S' },
        questions: [
          {
            id: 'q',
            kind: 'scale',
            text: { ru: 'Q' },
            scale: {
              points: ['Рос', 'Poc', 'Удовлетворен'].map((label, i) => ({
                value: i + 1,
                label: { ru: label },
              })),
            },
          },
        ],
      },
    ],
  });

  it('a declared label with a Cyrillic look-alike matches its option, reported', () => {
    const read = readResponsesSync(
      questionnaire,
      csv([
        ['L\u0430bai patenkintas', 'Pirm\u0430 mokykla', 'G\u0456mnazija A'],
        ['Labai patenkintas', 'Pirma mokykla', 'Gimnazija A'],
        ['Labai patenkintas', 'Pirma mokykla', 'Pr\u043egimnazija B'],
        ['Labai patenkintas', 'Pirma mokykla', 'Progimnazija B'],
      ]),
    );
    expect(read.issues).toEqual([]);
    const q = read.columns.get('q');
    expect(q?.kind === 'scale' ? Array.from(q.values) : []).toEqual([5, 5, 5, 5]);
    expect(categories(read, 'school')[1]).toEqual([0, 0, 0, 0]);
    // Unlisted answers: one entry per answer, as first written (row 2's spelling).
    expect(categories(read, 'inst')).toEqual([
      ['G\u0456mnazija A', 'Pr\u043egimnazija B'],
      [0, 0, 1, 1],
    ]);
    expect(read.notices?.map((n) => n.message)).toEqual([
      'q: 1 answer in 1 other spelling (look-alike letters of another script) was read as code 5',
      'school: 1 answer in 1 other spelling (look-alike letters of another script) was read as option "A"',
      'inst: 1 answer in 1 other spelling (look-alike letters of another script) was read as the unlisted answer stored as dictionary entry 0',
      'inst: 1 answer in 1 other spelling (look-alike letters of another script) was read as the unlisted answer stored as dictionary entry 1',
    ]);
  });

  it('a word wholly in Cyrillic is never read as a Latin option', () => {
    // "Рос" (all Cyrillic) and "Poc" (all Latin) print alike but are two
    // options; "Удовлетвoрен" with a Latin o is the Cyrillic option 3.
    const read = readResponsesSync(ru, 'q\nРос\nPoc\nУдовлетвoрен\n');
    expect(read.issues).toEqual([]);
    const q = read.columns.get('q');
    expect(q?.kind === 'scale' ? Array.from(q.values) : []).toEqual([1, 2, 3]);
  });
});
