import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { EduQualityError } from '@edu-quality/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readResponses, readResponsesSync, type ReadProgress } from './read-responses.js';
import { SCALE_MISSING, SCALE_NOT_APPLICABLE, type ResponseSet } from './response-set.js';
import { QuestionnaireSchema, type Questionnaire } from './schema.js';

const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures', 'read-responses');
const questionnaire: Questionnaire = deepFreeze(
  QuestionnaireSchema.parse(JSON.parse(readFileSync(join(fixtures, 'questionnaire.json'), 'utf8'))),
);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Plain arrays of everything a set holds, for comparisons. */
function snapshot(set: ResponseSet): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [id, column] of set.columns) {
    switch (column.kind) {
      case 'scale':
      case 'number':
        columns[id] = Array.from(column.values);
        break;
      case 'category':
        columns[id] = { dictionary: column.dictionary, codes: Array.from(column.codes) };
        break;
      case 'multi':
        columns[id] = column.selected.map((s) => Array.from(s));
        break;
      case 'text':
        columns[id] = { rows: Array.from(column.rows), values: column.values };
        break;
    }
  }
  return {
    counts: set.counts,
    size: set.size,
    sourceRows: Array.from(set.sourceRows),
    weights: set.weights === undefined ? undefined : Array.from(set.weights),
    ids: set.ids,
    columns,
    issues: set.issues,
  };
}

function checkInvariants(set: ResponseSet): void {
  expect(set.counts.accepted + set.counts.rejected).toBe(set.counts.read);
  expect(set.size).toBe(set.counts.accepted);
  expect(set.sourceRows.length).toBe(set.size);
  for (const column of set.columns.values()) {
    if (column.kind === 'scale' || column.kind === 'number')
      expect(column.values.length).toBe(set.size);
    if (column.kind === 'category') expect(column.codes.length).toBe(set.size);
    if (column.kind === 'multi') for (const s of column.selected) expect(s.length).toBe(set.size);
    if (column.kind === 'text') for (const row of column.rows) expect(row).toBeLessThan(set.size);
  }
  if (set.weights !== undefined) expect(set.weights.length).toBe(set.size);
  if (set.ids !== undefined) expect(set.ids.length).toBe(set.size);
}

interface Expected {
  options: Record<string, unknown>;
  counts: ResponseSet['counts'];
  sourceRows: number[];
  ids?: string[];
  weights?: number[];
  columns: Record<string, unknown>;
  issues: Record<string, unknown>[];
}

describe('readResponses fixtures (test/fixtures/read-responses)', () => {
  const cases = readdirSync(fixtures)
    .filter((f) => f.endsWith('.input.csv'))
    .map((f) => f.replace('.input.csv', ''));
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });
  for (const name of cases) {
    it(name, async () => {
      const input = readFileSync(join(fixtures, `${name}.input.csv`));
      const original = Uint8Array.from(input);
      const expected = JSON.parse(
        readFileSync(join(fixtures, `${name}.expected.json`), 'utf8'),
      ) as Expected;
      const set = await readResponses(questionnaire, input, expected.options);
      checkInvariants(set);
      expect(set.counts).toEqual(expected.counts);
      expect(Array.from(set.sourceRows)).toEqual(expected.sourceRows);
      if (expected.ids !== undefined) expect(set.ids).toEqual(expected.ids);
      if (expected.weights !== undefined)
        expect(Array.from(set.weights ?? [])).toEqual(expected.weights);
      for (const [id, want] of Object.entries(expected.columns)) {
        const column = set.columns.get(id);
        if (column === undefined) throw new Error(`no column ${id}`);
        if (column.kind === 'scale') expect(Array.from(column.values)).toEqual(want);
        else if (column.kind === 'number') {
          // JSON null stands for NaN (missing).
          expect(Array.from(column.values).map((v) => (Number.isNaN(v) ? null : v))).toEqual(want);
        } else if (column.kind === 'category') {
          expect(Array.from(column.codes)).toEqual(want);
        } else if (column.kind === 'multi') {
          const byOption = Object.fromEntries(
            column.options.map((option, k) => [option, Array.from(column.selected[k] ?? [])]),
          );
          expect(byOption).toEqual(want);
        } else {
          expect({ rows: Array.from(column.rows), values: column.values }).toEqual(want);
        }
      }
      expect(
        set.issues.map((issue) =>
          Object.fromEntries(Object.entries(issue).filter(([key]) => key !== 'message')),
        ),
      ).toEqual(
        expected.issues.map((issue) =>
          Object.fromEntries(Object.entries(issue).filter(([, v]) => v !== null)),
        ),
      );
      // The same bytes through the synchronous reader and one byte at a time give the same set.
      const sync = readResponsesSync(questionnaire, input, expected.options);
      expect(snapshot(sync)).toEqual(snapshot(set));
      const bytewise = await readResponses(
        questionnaire,
        Array.from(input, (byte) => new Uint8Array([byte])),
        expected.options,
      );
      expect(snapshot(bytewise)).toEqual(snapshot(set));
      // Typed arrays cannot be frozen: check instead that the input is unchanged.
      expect(Uint8Array.from(input)).toEqual(original);
    });
  }
});

const lt = readFileSync(join(fixtures, 'lt-semicolon-bom-crlf.input.csv'));

describe('readResponses policies (hand-checked on the LT fixture)', () => {
  it('drop-answer keeps rows 4 and 6 with the bad answer missing; row 7 has no weight and is still rejected', async () => {
    const set = await readResponses(questionnaire, lt, { onInvalid: 'drop-answer' });
    expect(set.counts).toEqual({ read: 6, accepted: 5, rejected: 1, droppedAnswers: 2 });
    expect(Array.from(set.sourceRows)).toEqual([2, 3, 4, 5, 6]);
    const staff = set.columns.get('staff');
    expect(staff?.kind === 'scale' && Array.from(staff.values)).toEqual([
      5,
      SCALE_NOT_APPLICABLE,
      SCALE_MISSING,
      4,
      4,
    ]);
    const school = set.columns.get('school');
    expect(school?.kind === 'category' && Array.from(school.codes)).toEqual([0, 1, 0, 1, -1]);
  });

  it('fail throws invalid-input with the issues so far', async () => {
    const error: unknown = await readResponses(questionnaire, lt, { onInvalid: 'fail' }).catch(
      (e: unknown) => e,
    );
    expect(EduQualityError.isInstance(error)).toBe(true);
    const e = error as EduQualityError;
    expect(e.code).toBe('invalid-input');
    expect(e.issues).toEqual([
      expect.objectContaining({ code: 'invalid-answer', row: 4, column: 3 }),
    ]);
  });

  it('explicit labels and columns override the inferred ones', async () => {
    const csv = 'Mokykla;Q\nA;puikiai\nB;blogai\n';
    const set = await readResponses(questionnaire, csv, {
      columns: { Mokykla: 'school', Q: 'staff' },
      labels: { staff: { puikiai: 5, blogai: 1 } },
    });
    const staff = set.columns.get('staff');
    expect(staff?.kind === 'scale' && Array.from(staff.values)).toEqual([5, 1]);
    expect(() => readResponsesSync(questionnaire, csv, { labels: { staff: { x: 9 } } })).toThrow(
      /not a code/,
    );
    expect(() => readResponsesSync(questionnaire, csv, { columns: { Q: 'nope' } })).toThrow(
      /not an item/,
    );
  });
});

describe('readResponses sources', () => {
  const text = 'school,staff\nA,5\nB,"4"\n';
  const expected = { read: 2, accepted: 2, rejected: 0, droppedAnswers: 0 };

  it('reads a string, bytes, an ArrayBuffer and string chunks alike', async () => {
    for (const source of [
      text,
      encode(text),
      encode(text).buffer,
      ['school,st', 'aff\nA,5\nB,"', '4"\n'],
    ]) {
      const set = await readResponses(questionnaire, source as never);
      expect(set.counts).toEqual(expected);
    }
  });

  it('reads a web ReadableStream', async () => {
    const bytes = encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 7));
        controller.enqueue(bytes.subarray(7));
        controller.close();
      },
    });
    expect((await readResponses(questionnaire, stream)).counts).toEqual(expected);
  });

  it('reads a Node Readable and an async iterable', async () => {
    expect((await readResponses(questionnaire, Readable.from([Buffer.from(text)]))).counts).toEqual(
      expected,
    );
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (const byte of encode(text)) {
        await Promise.resolve();
        yield new Uint8Array([byte]);
      }
    }
    expect((await readResponses(questionnaire, chunks())).counts).toEqual(expected);
  });

  it('reads records: labels, numbers, arrays for multi items, Maps', async () => {
    const records = deepFreeze([
      { school: 'School B', staff: 5, services: ['lunch', 'Sport'], weight: '2,5', comment: '+1' },
      new Map<string, unknown>([
        ['school', 'A'],
        ['staff', 'Very dissatisfied'],
        ['weight', 1],
      ]),
      { school: 'A', staff: 9, weight: 1 },
      { school: 'A', staff: 1 },
      'not a record',
    ]);
    const set = await readResponses(questionnaire, records as never);
    // Hand-checked: record 3 has staff 9, record 4 no weight, record 5 is no object.
    expect(set.counts).toEqual({ read: 5, accepted: 2, rejected: 3, droppedAnswers: 0 });
    expect(Array.from(set.weights ?? [])).toEqual([2.5, 1]);
    expect(
      set.issues.filter((i) => i.code !== 'missing-column').map((i) => [i.code, i.row]),
    ).toEqual([
      ['invalid-answer', 4],
      ['missing-weight', 5],
      ['invalid-record', 6],
    ]);
    const comment = set.columns.get('comment');
    expect(comment?.kind === 'text' && comment.values).toEqual(['+1']);
  });

  it('reports empty input and a header-only file', async () => {
    const empty = await readResponses(questionnaire, '');
    expect(empty.counts).toEqual({ read: 0, accepted: 0, rejected: 0, droppedAnswers: 0 });
    expect(empty.issues.map((i) => i.code)).toEqual(['no-header']);
    const header = await readResponses(questionnaire, '\uFEFFschool;staff\r\n');
    expect(header.counts.read).toBe(0);
    expect(header.size).toBe(0);
  });

  it('reports progress periodically, not per row, and ends with the totals', async () => {
    const rows = 'school,staff\n' + 'A,5\n'.repeat(600_000);
    const calls: ReadProgress[] = [];
    const set = await readResponses(questionnaire, rows, { onProgress: (p) => calls.push(p) });
    expect(set.size).toBe(600_000);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.length).toBeLessThan(20);
    expect(calls.at(-1)).toEqual({ bytes: encode(rows).length, rows: 600_000 });
  });

  it('aborts with code aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      readResponses(questionnaire, 'school\nA\n', { signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'aborted',
    });
    const later = new AbortController();
    const big = 'school,staff\n' + 'A,5\n'.repeat(600_000);
    const error: unknown = await readResponses(questionnaire, big, {
      signal: later.signal,
      onProgress: () => {
        later.abort();
      },
    }).catch((e: unknown) => e);
    expect(EduQualityError.isInstance(error) && error.code).toBe('aborted');
  });
});

describe('readResponses hostile input', () => {
  it('refuses a file with invalid UTF-8 anywhere, naming the first bad byte, instead of rejecting its rows', async () => {
    const bytes = Uint8Array.from([
      ...encode('school,staff,comment\nA,'),
      0xff,
      ...encode(',ok\nA,5,'),
      0xc3,
      0x28,
      ...encode('\nA,4,fine\n'),
    ]);
    const error: unknown = await readResponses(questionnaire, bytes).catch((e: unknown) => e);
    expect(EduQualityError.isInstance(error) && error.code).toBe('invalid-input');
    // 0xff follows the 23 bytes of "school,staff,comment\nA,".
    expect((error as EduQualityError).message).toContain('byte 0xFF at byte offset 23');
  });

  it('never repeats free text in messages', async () => {
    const csv =
      'staff,age,comment\nJonas Jonaitis +37060000000,12,x\n5,Petras,y\n5,1,' +
      'z'.repeat(201) +
      '\n';
    const set = await readResponses(questionnaire, csv);
    expect(set.counts.rejected).toBe(3);
    for (const issue of set.issues) {
      expect(issue.message).not.toMatch(/Jonas|3706|Petras|zzz/);
    }
    expect(set.issues.map((i) => i.code)).toContain('too-long');
  });

  it('keeps formula-like cells verbatim as text and never evaluates them', async () => {
    const cells = ['=SUM(A1)', '+1', '-1', '@x', '=HYPERLINK("http://x")'];
    const csv = 'comment\n' + cells.map((c) => `"${c.replaceAll('"', '""')}"`).join('\n') + '\n';
    const set = await readResponses(questionnaire, csv);
    const comment = set.columns.get('comment');
    expect(comment?.kind === 'text' && comment.values).toEqual(cells);
  });

  it('never sets __proto__ or constructor from headers or record keys', async () => {
    const csv = '__proto__,constructor,prototype,staff\n{"polluted":1},x,y,5\n';
    const set = await readResponses(questionnaire, csv);
    expect(set.counts.accepted).toBe(1);
    expect(set.issues.filter((i) => i.code === 'unsafe-column').map((i) => i.column)).toEqual([
      1, 2, 3,
    ]);
    const records = [
      JSON.parse('{"__proto__": {"polluted": 1}, "staff": 5}') as Record<string, unknown>,
    ];
    const fromRecords = await readResponses(questionnaire, records);
    expect(fromRecords.counts.accepted).toBe(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports ragged rows with row and column', async () => {
    const set = await readResponses(questionnaire, 'school,staff\nA\nA,5,extra\nB,4\n', {
      onInvalid: 'drop-answer',
    });
    expect(set.issues.map((i) => [i.code, i.row, i.column])).toContainEqual([
      'missing-fields',
      2,
      2,
    ]);
    expect(set.issues.map((i) => [i.code, i.row, i.column])).toContainEqual(['extra-fields', 3, 3]);
    expect(set.counts).toEqual({ read: 3, accepted: 3, rejected: 0, droppedAnswers: 0 });
  });
});

// Arbitrary CSV, including hostile strings, reserved keys, formula-like cells,
// stray quotes, ragged rows and invalid UTF-8 bytes.
const headerArb = fc.constantFrom(
  'school',
  'staff',
  'env_clean',
  'nps',
  'services',
  'age',
  'comment',
  'weight',
  'id',
  '__proto__',
  'constructor',
  'services/lunch',
  'grp/staff',
  'unknown',
  '',
);
const cellArb = fc.oneof(
  fc.constantFrom(
    '',
    '5',
    '0',
    '10',
    '7',
    'A',
    'Mokykla B',
    'Labai patenkintas',
    'Nežinau',
    'lunch;sport',
    '1,5',
    '=SUM(A1)',
    '+1',
    '-1',
    '@x',
    '__proto__',
    '"',
    '""',
    'a"b',
    ',',
    ';',
    '\n',
    '\r\n',
    '\t',
    '|',
  ),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const csvArb = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  header: fc.array(headerArb, { minLength: 1, maxLength: 6 }),
  rows: fc.array(fc.array(cellArb, { maxLength: 8 }), { maxLength: 8 }),
  quote: fc.boolean(),
  crlf: fc.boolean(),
  garbage: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })), { maxLength: 3 }),
});

function buildCsv(input: {
  delimiter: string;
  header: string[];
  rows: string[][];
  quote: boolean;
  crlf: boolean;
  garbage: [number, number][];
}): Uint8Array {
  const { delimiter, header, rows, quote, crlf, garbage } = input;
  const cell = (c: string): string => (quote ? `"${c.replaceAll('"', '""')}"` : c);
  const eol = crlf ? '\r\n' : '\n';
  const text = [header, ...rows].map((r) => r.map(cell).join(delimiter)).join(eol);
  const bytes = Array.from(encode(text));
  for (const [at, byte] of garbage) if (bytes.length > 0) bytes.splice(at % bytes.length, 0, byte);
  return Uint8Array.from(bytes);
}

describe('readResponses properties', () => {
  it('accepted + rejected = read for arbitrary CSV, under every policy, and chunking changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        csvArb,
        fc.constantFrom<('reject-row' | 'drop-answer')[]>('reject-row', 'drop-answer'),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (input, onInvalid, cuts) => {
          const bytes = buildCsv(input);
          // A refusal (bytes that are not UTF-8, a quote never closed) is an
          // outcome too, and must not depend on the chunking either.
          const outcome = (source: Uint8Array | Uint8Array[]): Promise<unknown> =>
            readResponses(questionnaire, source, { onInvalid }).then(
              (set) => {
                checkInvariants(set);
                for (const issue of set.issues) {
                  expect(typeof issue.code).toBe('string');
                  if (issue.row !== undefined) expect(issue.row).toBeGreaterThanOrEqual(1);
                  if (issue.column !== undefined) expect(issue.column).toBeGreaterThanOrEqual(1);
                }
                return snapshot(set);
              },
              (error: unknown) => {
                if (!EduQualityError.isInstance(error)) throw error;
                return { code: error.code, message: error.message, issues: error.issues };
              },
            );
          const whole = await outcome(bytes);
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort(
            (a, b) => a - b,
          );
          const chunks: Uint8Array[] = [];
          let at = 0;
          for (const p of points) {
            chunks.push(bytes.slice(at, p));
            at = p;
          }
          chunks.push(bytes.slice(at));
          expect(await outcome(chunks)).toEqual(whole);
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads every record of well-formed CSV: read = number of data rows written', async () => {
    const wellFormed = fc.record({
      rows: fc.array(
        fc.tuple(
          fc.constantFrom('A', 'B', 'C', ''),
          fc.string({ maxLength: 6 }),
          fc.string({ unit: 'grapheme', maxLength: 10 }),
        ),
        { maxLength: 20 },
      ),
      delimiter: fc.constantFrom(',', ';', '\t', '|'),
    });
    await fc.assert(
      fc.asyncProperty(wellFormed, async ({ rows, delimiter }) => {
        const q = (c: string): string => `"${c.replaceAll('"', '""')}"`;
        const csv =
          ['school', 'staff', 'comment'].join(delimiter) +
          '\n' +
          rows.map((r) => r.map(q).join(delimiter) + '\n').join('');
        const set = await readResponses(questionnaire, csv);
        expect(set.counts.read).toBe(rows.length);
        checkInvariants(set);
        // Comments round-trip verbatim (any text, including quotes and line breaks).
        const comment = set.columns.get('comment');
        const kept = set.sourceRows;
        if (comment?.kind === 'text') {
          const expected = Array.from(kept, (row) => rows[row - 2]![2]).filter((c) => c !== '');
          expect(comment.values).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('accepted + rejected = read for arbitrary records with hostile keys', async () => {
    const key = fc.oneof(headerArb, fc.string({ maxLength: 5 }));
    const value = fc.oneof(
      cellArb,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.object(),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.dictionary(key, value), fc.constant(null)), { maxLength: 10 }),
        async (records) => {
          // Two keys for one item ("grp/staff" and "staff") refuse the input:
          // which one holds the answer cannot be told (duplicate-column).
          const set = await readResponses(questionnaire, records as never).catch(
            (error: unknown) => {
              if (!EduQualityError.isInstance(error)) throw error;
              expect(error.issues?.map((i) => i.code)).toEqual(['duplicate-column']);
              return undefined;
            },
          );
          if (set === undefined) return;
          checkInvariants(set);
          expect(set.counts.read).toBe(records.length);
          expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        },
      ),
      { numRuns: 200 },
    );
  });
});
