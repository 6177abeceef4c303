// Decimal marks and digit grouping (readResponses, options.decimalMark). The
// oracle of each value is the number as a reader of the stated locale reads
// it, written out beside the cell; the CSV scanner (fast and general loops)
// and records (the string path) must agree.
import { describe, expect, it } from 'vitest';
import { readResponsesSync, type DecimalMark } from '../read-responses.js';
import type { ResponseSet } from '../response-set.js';
import { QuestionnaireSchema, type Questionnaire } from '../schema.js';

const questionnaire: Questionnaire = QuestionnaireSchema.parse({
  id: 'n',
  version: '1',
  title: { en: 'Q' },
  locales: ['en'],
  defaultLocale: 'en',
  sections: [
    {
      id: 's',
      title: { en: 'S' },
      questions: [{ id: 'amount', kind: 'number', text: { en: 'Amount' }, min: -1e9, max: 1e9 }],
    },
  ],
});

const quote = (cell: string): string => `"${cell.replaceAll('"', '""')}"`;

/** The stored values (NaN when refused) and the issue codes, from CSV and from records. */
function read(cells: readonly string[], decimalMark?: DecimalMark): [number[], string[]] {
  const options = { onInvalid: 'drop-answer' as const, ...(decimalMark && { decimalMark }) };
  const values = (set: ResponseSet): number[] => {
    const column = set.columns.get('amount');
    return column?.kind === 'number' ? Array.from(column.values) : [];
  };
  // Unquoted in a ;-file (the fast path reads plain decimals itself), quoted
  // in a ,-file (always the general cell path), and as records.
  const semicolon = readResponsesSync(
    questionnaire,
    `amount;x\n${cells.map((c) => `${c};\n`).join('')}`,
    options,
  );
  const comma = readResponsesSync(
    questionnaire,
    `amount,x\n${cells.map((c) => `${quote(c)},\n`).join('')}`,
    options,
  );
  const records = readResponsesSync(
    questionnaire,
    cells.map((amount) => ({ amount })),
    options,
  );
  expect(values(comma)).toEqual(values(semicolon));
  expect(values(records)).toEqual(values(semicolon));
  const codes = semicolon.issues.filter((i) => i.field === 'amount').map((i) => i.code);
  expect(records.issues.filter((i) => i.field === 'amount').map((i) => i.code)).toEqual(codes);
  return [values(semicolon), codes];
}

describe('decimal marks and thousands separators', () => {
  it('without a declared mark, a separator before exactly three digits is ambiguous and refused', () => {
    const cells = [
      '1,250',
      '1.250',
      '12.500',
      '999,000',
      '-1,250',
      '1 250',
      "1'250",
      '1,250.5',
      '1.250,5',
    ];
    const [values, codes] = read(cells);
    // en reads 1,250 as 1250, lt as 1.25: neither is guessed.
    expect(values.every(Number.isNaN)).toBe(true);
    expect(codes).toEqual(cells.map(() => 'ambiguous-number'));
  });

  it('without a declared mark, numbers with one reading are read with either mark', () => {
    const cells = [
      '0,75',
      '1,5',
      '12,25',
      '0,250',
      '1250,5',
      '1,2500',
      '1234.567',
      '.250',
      '1250',
      '7',
    ];
    // One reading each: 0.75, 1.5, 12.25, 0.25 (no group starts with 0),
    // 1250.5, 1.25 (four decimals), 1234.567 (four integer digits are not a
    // group), 0.25, 1250, 7.
    expect(read(cells)).toEqual([
      [0.75, 1.5, 12.25, 0.25, 1250.5, 1.25, 1234.567, 0.25, 1250, 7],
      [],
    ]);
  });

  it("decimalMark '.': commas, spaces and apostrophes group thousands (en)", () => {
    const cells = [
      '1,250',
      '1,250.5',
      '1.25',
      '1 250',
      '1\u00a0250.75',
      "1'250'000",
      '12,345,678',
      '-1,250.5',
    ];
    // en: 1250, 1250.5, 1.25, 1250, 1250.75, 1250000, 12345678, -1250.5.
    expect(read(cells, '.')).toEqual([
      [1250, 1250.5, 1.25, 1250, 1250.75, 1250000, 12345678, -1250.5],
      [],
    ]);
  });

  it("decimalMark ',': dots, spaces and apostrophes group thousands (lt, de)", () => {
    const cells = ['1,250', '1 250,5', '1.250,5', '1.250', '1\u202f250\u202f000,25', '0,75', '4'];
    // lt: 1.25, 1250.5, 1250.5, 1250, 1250000.25, 0.75, 4.
    expect(read(cells, ',')).toEqual([[1.25, 1250.5, 1250.5, 1250, 1250000.25, 0.75, 4], []]);
  });

  it('a declared mark refuses what does not fit it: the other mark as a decimal, bad groups', () => {
    // '1,5' is no en number (a group needs three digits); '1.5' is no lt
    // number; '1,25,000' and '1 250.000,5' mix group sizes or separators.
    expect(read(['1,5', '1,25,000', '0,250'], '.')[1]).toEqual([
      'invalid-number',
      'invalid-number',
      'invalid-number',
    ]);
    expect(read(['1.5', '1 250.000,5'], ',')[1]).toEqual(['invalid-number', 'invalid-number']);
  });

  it('a weight of 1,250 is refused without a mark, and read as 1250 with decimalMark "."', () => {
    const csv = 'amount;weight\n1;1,250\n2;0,5\n';
    const guessed = readResponsesSync(questionnaire, csv);
    expect(guessed.counts).toEqual({ read: 2, accepted: 1, rejected: 1, droppedAnswers: 0 });
    expect(guessed.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['ambiguous-number', 2, 2],
    ]);
    // en: "1,250" is 1250; "0,5" does not fit en and is refused.
    const en = readResponsesSync(questionnaire, csv, { decimalMark: '.' });
    expect(Array.from(en.weights ?? [])).toEqual([1250]);
    expect(en.issues.map((i) => [i.code, i.row])).toEqual([['invalid-weight', 3]]);
  });

  it('a JSON number is never re-read through a decimal mark', () => {
    const set = readResponsesSync(questionnaire, [{ amount: 1.125 }, { amount: 1250 }], {
      decimalMark: ',',
    });
    const column = set.columns.get('amount');
    expect(column?.kind === 'number' ? Array.from(column.values) : []).toEqual([1.125, 1250]);
  });
});
