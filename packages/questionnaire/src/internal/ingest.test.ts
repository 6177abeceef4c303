// Edge cases of the scanner's fast paths (scanLines in ingest.ts): each fast
// path must give exactly what the general path gives. The oracle is the same
// cell read from an array of records, which never touches the byte scanner
// (a string per cell through cellText), and, for numbers, JavaScript's
// Number() of the text.
import { describe, expect, it } from 'vitest';
import { readResponsesSync } from '../read-responses.js';
import { SCALE_MISSING, SCALE_NOT_APPLICABLE, type ResponseSet } from '../response-set.js';
import { QuestionnaireSchema, type Questionnaire } from '../schema.js';
import { ByteKeyMap, MISS, hashBytes, packedKey } from './bytes.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

// Two option codes whose 32-bit FNV-1a hashes are equal (found by a search
// over opt-aaaaa … opt-zzzzz), so the label cache must compare bytes.
const COLLIDING = ['opt-oxfrw', 'opt-ukexa'] as const;

const questionnaire: Questionnaire = QuestionnaireSchema.parse({
  id: 'scan',
  version: '1',
  title: { lt: 'Apklausa' },
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
          scale: {
            points: [1, 2, 3, 4, 5].map((value) => ({ value, label: { lt: `taškas ${value}` } })),
            notApplicable: { value: 0, label: { lt: 'Nežinau' } },
          },
        },
        { id: 'nps', kind: 'nps', text: { lt: 'NPS' } },
        {
          id: 'inst',
          kind: 'single',
          text: { lt: 'Įstaiga' },
          options: [
            { value: COLLIDING[0], label: { lt: 'Pirma' } },
            { value: COLLIDING[1], label: { lt: 'Antra' } },
            { value: 'šiauliai', label: { lt: 'Šiaulių mokykla „Žiburys“' } },
          ],
        },
        { id: 'age', kind: 'number', text: { lt: 'Amžius' }, min: 0, max: 1e20 },
      ],
    },
  ],
});

/** Everything a set holds, as plain values, for comparisons. */
function snapshot(set: ResponseSet): unknown {
  const columns: Record<string, unknown> = {};
  for (const [id, column] of set.columns) {
    if (column.kind === 'scale' || column.kind === 'number')
      columns[id] = Array.from(column.values);
    else if (column.kind === 'category')
      columns[id] = [column.dictionary, Array.from(column.codes)];
  }
  return {
    counts: set.counts,
    sourceRows: Array.from(set.sourceRows),
    weights: set.weights && Array.from(set.weights),
    columns,
    issues: set.issues,
  };
}

/** One column's stored values after reading `cells` as CSV (one per row). */
function csvColumn(header: string, cells: readonly string[], delimiter = ','): unknown[] {
  const csv = `${header}${delimiter}weight\n${cells.map((c) => `${c}${delimiter}1\n`).join('')}`;
  const set = readResponsesSync(questionnaire, encode(csv), { onInvalid: 'drop-answer' });
  return valuesOf(set, header);
}

/** The same column read from records: the string path, not the byte scanner. */
function recordColumn(header: string, cells: readonly string[]): unknown[] {
  const records = cells.map((cell) => ({ [header]: cell, weight: '1' }));
  const set = readResponsesSync(questionnaire, records, { onInvalid: 'drop-answer' });
  return valuesOf(set, header);
}

function valuesOf(set: ResponseSet, id: string): unknown[] {
  const column = set.columns.get(id);
  if (column?.kind === 'scale' || column?.kind === 'number') return Array.from(column.values);
  if (column?.kind === 'category') return Array.from(column.codes);
  throw new Error(`no column ${id}`);
}

describe('scanner fast paths agree with the general path', () => {
  it('scale cells: leading zeros, blanks around, signs, decimals, long digit strings', () => {
    const cells = [
      '5',
      '05',
      '005',
      '0005',
      '5 ',
      ' 5',
      '+5',
      '-5',
      '5.0',
      '0',
      '',
      '6',
      '10',
      '99',
      '255',
      '256',
      '1000',
      '12345678901234567890123',
      'taškas 4',
    ];
    const stored = csvColumn('q', cells);
    expect(stored).toEqual(recordColumn('q', cells));
    // Hand-checked: a code of up to three digits (optionally '+') is its
    // number; '0' is the "not applicable" code; anything else is invalid
    // and dropped (missing) under drop-answer.
    const M = SCALE_MISSING;
    const NA = SCALE_NOT_APPLICABLE;
    expect(stored).toEqual([5, 5, 5, M, 5, 5, 5, M, M, NA, M, M, M, M, M, M, M, M, 4]);
  });

  it('NPS cells of one, two and three digits', () => {
    const cells = ['0', '9', '10', '010', '11', '100', '1 0', '', '+10'];
    const stored = csvColumn('nps', cells);
    expect(stored).toEqual(recordColumn('nps', cells));
    const M = SCALE_MISSING;
    expect(stored).toEqual([0, 9, 10, 10, M, M, M, M, 10]);
  });

  it('decimals equal Number() of the text, with a decimal comma in ;-delimited files', () => {
    const cells = [
      '0.914567',
      '1.5',
      '7',
      '5.',
      '.5',
      '007.250',
      '123456789012345',
      '1234567890123456',
      '0.1234567890123456789',
      '99999999999999999999',
      '1e3',
    ];
    const stored = csvColumn('age', cells);
    expect(stored).toEqual(recordColumn('age', cells));
    expect(stored).toEqual(cells.map(Number));
    const comma = ['1,5', '0,914567', '12,0'];
    expect(csvColumn('age', comma, ';')).toEqual(comma.map((c) => Number(c.replace(',', '.'))));
  });

  it('rejects what is not a plain non-negative weight, as the general path does', () => {
    const csv = 'q,weight\n5,0.5\n5,-0.5\n5,+0.5\n5, 0.5\n5,1.2.3\n5,\n5,.\n';
    const set = readResponsesSync(questionnaire, csv);
    expect(Array.from(set.weights ?? [])).toEqual([0.5, 0.5, 0.5]);
    expect(set.issues.filter((i) => i.field === 'weight').map((i) => [i.code, i.row])).toEqual([
      ['invalid-weight', 3],
      ['invalid-weight', 6],
      ['missing-weight', 7],
      ['invalid-weight', 8],
    ]);
  });

  it('category labels whose byte hashes collide still resolve to their own options', () => {
    // The premise: without it this test could not fail.
    const [a, b] = COLLIDING.map(encode);
    expect(hashBytes(a!, 0, a!.length)).toBe(hashBytes(b!, 0, b!.length));
    const cells = [COLLIDING[0], COLLIDING[1], COLLIDING[1], COLLIDING[0], 'šiauliai', 'Antra', ''];
    const stored = csvColumn('inst', cells);
    expect(stored).toEqual(recordColumn('inst', cells));
    expect(stored).toEqual([0, 1, 1, 0, 2, 1, -1]);
  });

  it('ByteKeyMap keeps colliding keys apart, and find() with the hash equals get()', () => {
    const map = new ByteKeyMap();
    const [a, b] = COLLIDING.map(encode);
    map.set(a!, 0, a!.length, 7);
    expect(map.get(b!, 0, b!.length)).toBe(MISS);
    map.set(b!, 0, b!.length, 9);
    expect(map.get(a!, 0, a!.length)).toBe(7);
    expect(map.find(b!, 0, b!.length, hashBytes(b!, 0, b!.length))).toBe(9);
    // A prefix shares the first bytes but not the length.
    expect(map.get(a!, 0, a!.length - 1)).toBe(MISS);
  });
});

describe('scanner: every chunk boundary gives the same result', () => {
  // A number, a multi-byte UTF-8 label, a quoted field with a delimiter, a
  // doubled quote and a line break, a blank line, CRLF and a final record
  // without a line end: cut at every byte offset.
  const csv =
    'inst,q,nps,age,weight\r\n' +
    'šiauliai,5,10,123.25,0.914567\r\n' +
    '"Šiaulių mokykla „Žiburys“",05,9,7,1\n' +
    '\n' +
    '"opt-""x",4,"1\n0",1e3,2\n' +
    'Antra,0,,0.5,1,5\n' +
    `${COLLIDING[1]},3,8,42,0.5`;
  const bytes = encode(csv);
  const whole = snapshot(readResponsesSync(questionnaire, bytes, { onInvalid: 'drop-answer' }));

  it('reads the whole input as the hand-checked rows', () => {
    const set = readResponsesSync(questionnaire, bytes, { onInvalid: 'drop-answer' });
    // Row 5 drops two answers (an unknown option, a quoted "1\n0" as NPS); row 6
    // has an extra field, reported but not an answer dropped.
    expect(set.counts).toEqual({ read: 5, accepted: 5, rejected: 0, droppedAnswers: 2 });
    expect(set.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['invalid-answer', 5, 1],
      ['invalid-answer', 5, 3],
      ['extra-fields', 6, 6],
    ]);
    expect(valuesOf(set, 'inst')).toEqual([2, 2, -1, 1, 1]);
    expect(valuesOf(set, 'q')).toEqual([5, 5, 4, SCALE_NOT_APPLICABLE, 3]);
    expect(valuesOf(set, 'age')).toEqual([123.25, 7, 1000, 0.5, 42]);
    expect(Array.from(set.weights ?? [])).toEqual([0.914567, 1, 2, 1, 0.5]);
    expect(Array.from(set.sourceRows)).toEqual([2, 3, 5, 6, 7]);
  });

  it('at one cut anywhere', () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      const chunks = [bytes.slice(0, cut), bytes.slice(cut)];
      const set = readResponsesSync(questionnaire, chunks, { onInvalid: 'drop-answer' });
      expect(snapshot(set), `cut at ${cut}`).toEqual(whole);
    }
  });

  it('one byte at a time', () => {
    const chunks = Array.from(bytes, (byte) => Uint8Array.of(byte));
    const set = readResponsesSync(questionnaire, chunks, { onInvalid: 'drop-answer' });
    expect(snapshot(set)).toEqual(whole);
  });
});

describe('scanner: runs of one-digit scale codes', () => {
  // Four adjacent scale columns, the shape the run loop handles without the
  // per-field dispatch; every way out of the run must give what records give.
  const likert: Questionnaire = QuestionnaireSchema.parse({
    id: 'likert',
    version: '1',
    title: { en: 'Survey' },
    locales: ['en'],
    defaultLocale: 'en',
    sections: [
      {
        id: 's',
        title: { en: 'S' },
        questions: ['a', 'b', 'c', 'd'].map((id) => ({
          id,
          kind: 'scale',
          text: { en: id },
          scale: {
            points: [1, 2, 3, 4, 5].map((value) => ({ value, label: { en: `point ${value}` } })),
            notApplicable: { value: 0, label: { en: "Don't know" } },
          },
        })),
      },
    ],
  });
  const rows = [
    ['1', '2', '3', '4'],
    ['5', '"4"', '3', '2'],
    ['1', '7', '3', '4'],
    ['1', '', '0', '5'],
    ['1', '2', '05', '4'],
    ['1', '2', '3', '"4\n"'],
    ['1', 'point 2', '3', ''],
    ['1', '2'],
    ['1', '2', '3', '4', '5'],
  ];
  const unquote = (cell: string): string =>
    cell.startsWith('"') ? cell.slice(1, -1).replaceAll('\\n', '\n') : cell;

  // Ragged rows aside: records have no field count to be short of.
  const regular = rows.filter((r) => r.length === 4);
  for (const onInvalid of ['drop-answer', 'reject-row'] as const) {
    it(`agrees with records, cell by cell (${onInvalid})`, () => {
      const csv = `a,b,c,d\n${regular.map((r) => r.join(',').replaceAll('\\n', '\n')).join('\n')}\n`;
      const set = readResponsesSync(likert, encode(csv), { onInvalid });
      const records = regular.map((r) =>
        Object.fromEntries(
          r.slice(0, 4).map((cell, k) => [['a', 'b', 'c', 'd'][k]!, unquote(cell)]),
        ),
      );
      const fromRecords = readResponsesSync(likert, records, { onInvalid });
      for (const id of ['a', 'b', 'c', 'd']) {
        expect(valuesOf(set, id), id).toEqual(valuesOf(fromRecords, id));
      }
    });
  }

  it('stores the hand-checked codes', () => {
    const csv = `a,b,c,d\n${rows.map((r) => r.join(',').replaceAll('\\n', '\n')).join('\n')}\n`;
    const set = readResponsesSync(likert, encode(csv), { onInvalid: 'drop-answer' });
    const M = SCALE_MISSING;
    const NA = SCALE_NOT_APPLICABLE;
    // Row by row: '7' is no code (dropped); '"4\n"' is a quoted 4 with a line
    // break, which the label rules trim; the short row leaves c and d missing.
    expect(valuesOf(set, 'b')).toEqual([2, 4, M, M, 2, 2, 2, 2, 2]);
    expect(valuesOf(set, 'c')).toEqual([3, 3, 3, NA, 5, 3, 3, M, 3]);
    expect(valuesOf(set, 'd')).toEqual([4, 2, 4, 5, 4, 4, M, M, 4]);
    expect(set.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      ['invalid-answer', 4, 2],
      ['missing-fields', 9, 3],
      ['extra-fields', 10, 5],
    ]);
  });
});

describe('short category cells (at most 3 bytes, packed into one int)', () => {
  const keys = [
    '',
    '\0',
    '\0\0',
    'a',
    'a\0',
    '\0a',
    'ab',
    'abc',
    'abd',
    'ž',
    'žž'.slice(0, 1) + 'a',
  ];

  it('ByteKeyMap keeps keys of 0–3 bytes apart, NUL bytes and prefixes included', () => {
    const map = new ByteKeyMap();
    keys.forEach((key, value) => {
      const b = encode(key);
      map.set(b, 0, b.length, value);
    });
    keys.forEach((key, value) => {
      const b = encode(`x${key}y`);
      expect(map.get(b, 1, b.length - 1)).toBe(value);
      expect(map.find(b, 1, b.length - 1, hashBytes(b, 1, b.length - 1))).toBe(value);
      let bytes = 0;
      for (let k = 1; k < b.length - 1; k++) bytes = (bytes << 8) | b[k]!;
      if (b.length - 2 <= 3) expect(map.findShort(packedKey(b.length - 2, bytes))).toBe(value);
    });
    expect(map.get(encode('abe'), 0, 3)).toBe(MISS);
    expect(map.get(encode('b'), 0, 1)).toBe(MISS);
  });

  it('ByteKeyMap still finds every short key once the short table is full', () => {
    const map = new ByteKeyMap();
    const many = Array.from(
      { length: 600 },
      (_, i) => `k${String.fromCharCode(33 + (i % 90), 33 + Math.floor(i / 90))}`,
    );
    many.forEach((key, value) => {
      const b = encode(key);
      map.set(b, 0, b.length, value);
    });
    many.forEach((key, value) => {
      const b = encode(key);
      expect(map.get(b, 0, b.length)).toBe(value);
      expect(map.find(b, 0, b.length, hashBytes(b, 0, b.length))).toBe(value);
    });
    expect(map.get(encode('zzz'), 0, 3)).toBe(MISS);
  });

  const yesNo = QuestionnaireSchema.parse({
    id: 'short',
    version: '1',
    title: { en: 'Short' },
    locales: ['en'],
    defaultLocale: 'en',
    sections: [
      {
        id: 's',
        title: { en: 'S' },
        questions: [
          { id: 'org', kind: 'single', text: { en: 'Org' }, options: [], acceptUnlisted: true },
          {
            id: 'a',
            kind: 'single',
            text: { en: 'A' },
            options: [
              { value: 'yes', label: { en: 'Y' } },
              { value: 'no', label: { en: 'No way' } },
            ],
          },
        ],
      },
    ],
  });
  // 'y' and 'No way' are labels ('Y' of yes). 400 short organisation codes (past the short table's 128), the
  // labels and codes of `a` in short and long forms, blanks, invalid cells.
  const orgs = Array.from({ length: 400 }, (_, i) =>
    i % 3 === 0
      ? ''
      : `${i % 7}${String.fromCharCode(65 + (i % 26), 97 + Math.floor(i / 26))}`.slice(
          0,
          1 + (i % 3),
        ),
  );
  const answers = ['yes', 'no', '', 'y', 'Y', 'No', ' no', 'ye', 'yess', 'No way', '\0', 'n'];
  const rows = orgs.map((org, i) => [org, answers[i % answers.length]!]);
  const csv = `org,a\n${rows.map((r) => r.join(',')).join('\n')}\n`;

  it('CSV reads them as records do', () => {
    const fromCsv = readResponsesSync(yesNo, encode(csv), { onInvalid: 'drop-answer' });
    const fromRecords = readResponsesSync(
      yesNo,
      rows.map(([org, a]) => ({ org, a })),
      { onInvalid: 'drop-answer' },
    );
    // Issue messages name the reader's path; the codes and places must agree.
    const strip = (set: ResponseSet): unknown => ({
      ...(snapshot(set) as object),
      issues: set.issues.map((i) => [i.code, i.row, i.column]),
    });
    expect(strip(fromCsv)).toEqual(strip(fromRecords));
    const a = fromCsv.columns.get('a');
    expect(a?.kind === 'category' && Array.from(a.codes.slice(0, 12))).toEqual([
      0, 1, -1, 0, 0, 1, 1, -1, -1, 1, -1, -1,
    ]);
  });

  it('at one cut anywhere, and one byte at a time', () => {
    const bytes = encode(csv);
    const whole = snapshot(readResponsesSync(yesNo, bytes, { onInvalid: 'drop-answer' }));
    for (let cut = 1; cut < bytes.length; cut += 7) {
      const set = readResponsesSync(yesNo, [bytes.slice(0, cut), bytes.slice(cut)], {
        onInvalid: 'drop-answer',
      });
      expect(snapshot(set)).toEqual(whole);
    }
    const bytewise = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect(snapshot(readResponsesSync(yesNo, bytewise, { onInvalid: 'drop-answer' }))).toEqual(
      whole,
    );
  });
});
