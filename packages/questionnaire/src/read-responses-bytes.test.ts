// The byte and record level of readResponses: the encoding of the whole
// file, files that are no CSV text, Excel's sep= line, a repeated header
// row, a runaway quote and a very wide header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EduQualityError } from '@edu-quality/core';
import { describe, expect, it } from 'vitest';
import { readResponses, readResponsesSync, type ResponseSource } from './read-responses.js';
import type { ResponseSet } from './response-set.js';
import { QuestionnaireSchema, type Questionnaire } from './schema.js';

const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures');
const questionnaire: Questionnaire = QuestionnaireSchema.parse(
  JSON.parse(readFileSync(join(fixtures, 'read-responses', 'questionnaire.json'), 'utf8')),
);
const fixture = (name: string): Uint8Array =>
  Uint8Array.from(readFileSync(join(fixtures, 'read-responses-encodings', name)));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The error a read ends in, or a failure if it ends in a result. */
async function refusal(read: Promise<ResponseSet> | (() => ResponseSet)): Promise<EduQualityError> {
  let outcome: unknown;
  try {
    outcome = typeof read === 'function' ? read() : await read;
  } catch (error) {
    if (EduQualityError.isInstance(error)) return error;
    throw error;
  }
  throw new Error(`expected a refusal, got a result of ${(outcome as ResponseSet).size} rows`);
}

/** A source of `bytes` cut into chunks of `size` bytes, as a stream delivers them. */
function* chunks(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

/** UTF-16 code units of `text` with a byte order mark, as Excel's "Unicode text" writes them. */
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let k = 0; k < text.length; k++) view.setUint16(2 + 2 * k, text.charCodeAt(k), littleEndian);
  return bytes;
}

describe('readResponses encodings (test/fixtures/read-responses-encodings)', () => {
  // The oracle of every decoded read: the same export saved as UTF-8 (from
  // which make-encodings.sh made the others), read by the reader.
  const lt = fixture('lt.utf-8.csv');
  const ru = fixture('ru.utf-8.csv');
  const cases = [
    { file: 'lt.windows-1257.csv', encoding: 'windows-1257', utf8: lt, first: 'č' },
    { file: 'ru.windows-1251.csv', encoding: 'windows-1251', utf8: ru, first: 'Ш' },
    { file: 'ru.koi8-r.csv', encoding: 'koi8-r', utf8: ru, first: 'Ш' },
  ] as const;

  it('reads the UTF-8 originals (the oracle) with their rows', async () => {
    // Hand count: lt has 5 data rows, r5 names school C (not an option) and is rejected.
    expect((await readResponses(questionnaire, lt)).counts).toEqual({
      read: 5,
      accepted: 4,
      rejected: 1,
      droppedAnswers: 0,
    });
    // Hand count: ru has 5 data rows, u5 names school В (not an option) and is rejected.
    expect((await readResponses(questionnaire, ru)).counts).toEqual({
      read: 5,
      accepted: 4,
      rejected: 1,
      droppedAnswers: 0,
    });
  });

  for (const { file, encoding, utf8, first } of cases) {
    it(`refuses ${file} without options.encoding, naming the byte offset, ${encoding} and the option`, async () => {
      const bytes = fixture(file);
      const error = await refusal(readResponses(questionnaire, bytes));
      expect(error.code).toBe('invalid-input');
      expect(error.issues[0]?.code).toBe('invalid-encoding');
      // Everything before the first non-ASCII letter is ASCII, one byte in
      // either encoding: its offset is its index in the UTF-8 text.
      const offset = new TextDecoder().decode(utf8).indexOf(first);
      expect(error.message).toContain(`byte offset ${offset} is not UTF-8`);
      expect(error.message).toContain(
        `it looks like ${encoding}: pass \`encoding: '${encoding}'\``,
      );
    });

    it(`reads ${file} with encoding ${encoding} exactly as the UTF-8 original, whole or in 7-byte chunks`, async () => {
      const bytes = fixture(file);
      const oracle = await readResponses(questionnaire, utf8);
      expect(await readResponses(questionnaire, bytes, { encoding })).toEqual(oracle);
      expect(readResponsesSync(questionnaire, chunks(bytes, 7), { encoding })).toEqual(oracle);
    });

    it(`refuses ${file} streamed in chunks, the first of them ASCII, with no result`, async () => {
      const bytes = fixture(file);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks(bytes, 64)) controller.enqueue(chunk);
          controller.close();
        },
      });
      const error = await refusal(readResponses(questionnaire, stream));
      expect(error.message).toContain(`pass \`encoding: '${encoding}'\``);
    });
  }

  it('refuses bytes that are not UTF-8 when options.encoding says utf-8', async () => {
    const error = await refusal(
      readResponses(questionnaire, fixture('lt.windows-1257.csv'), { encoding: 'utf-8' }),
    );
    expect(error.message).toContain('the file is not UTF-8 (options.encoding is utf-8)');
  });

  it('names no code page when none reads as words, and says which to choose from', async () => {
    // 0xA0 is a no-break space in all three code pages: no letters to go by.
    const bytes = Uint8Array.from([...encode('school,staff\nA,'), 0xa0, 0xa0, ...encode('\n')]);
    const error = await refusal(readResponses(questionnaire, bytes));
    expect(error.message).toContain(
      "byte 0xA0 at byte offset 15 is not UTF-8; pass the file's encoding as `encoding` (one of windows-1257, windows-1251, koi8-r)",
    );
  });

  it('refuses a byte a legacy code page leaves unassigned (0x98 in windows-1251)', async () => {
    const bytes = Uint8Array.from([...encode('school,staff\nA,'), 0x98, ...encode('\n')]);
    const error = await refusal(readResponses(questionnaire, bytes, { encoding: 'windows-1251' }));
    // 0x98 follows the 15 bytes of "school,staff\nA,".
    expect(error.message).toContain('byte 0x98 at byte offset 15 is no character of it');
  });

  it('reads UTF-16 LE and BE with a byte order mark as the UTF-8 original, without an option', async () => {
    const text = new TextDecoder().decode(fixture('ru.utf-8.csv'));
    const oracle = await readResponses(questionnaire, text);
    for (const littleEndian of [true, false]) {
      const bytes = utf16(text, littleEndian);
      expect(await readResponses(questionnaire, bytes)).toEqual(oracle);
      expect(await readResponses(questionnaire, chunks(bytes, 3))).toEqual(oracle);
    }
  });

  it('refuses an unknown encoding naming options.encoding, and a code page for a text source', async () => {
    const error = await refusal(() =>
      readResponsesSync(questionnaire, 'school\nA\n', { encoding: 'latin1' as never }),
    );
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toContain('options.encoding must be one of');
    const text = await refusal(() =>
      readResponsesSync(questionnaire, 'school\nA\n', { encoding: 'windows-1257' }),
    );
    expect(text.code).toBe('invalid-argument');
  });
});

describe('readResponses files that are not CSV', () => {
  const cases: [string, number[], RegExp][] = [
    [
      'an .xlsx workbook (ZIP)',
      [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00],
      /\.xlsx.*CSV UTF-8/,
    ],
    [
      'an old .xls workbook (OLE2)',
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      /\.xls\).*CSV UTF-8/,
    ],
    ['a PDF', [...encode('%PDF-1.7\n')], /PDF document/],
  ];
  for (const [what, magic, message] of cases) {
    it(`refuses ${what} by its first bytes, saying what it is and what to do`, async () => {
      // Padding that is valid UTF-8, so only the signature can be the reason.
      const bytes = Uint8Array.from([...magic, ...encode('id,school\n'.repeat(60))]);
      const error = await refusal(readResponses(questionnaire, chunks(bytes, 2)));
      expect(error.issues[0]?.code).toBe('not-csv');
      expect(error.message).toMatch(message);
    });
  }

  it('refuses UTF-16 without a byte order mark, naming the encoding to pass, and reads it with that option', async () => {
    const text = 'school,staff\nA,5\nB,4\nA,3\n';
    const bom = utf16(text, true);
    const bare = bom.subarray(2);
    const error = await refusal(readResponses(questionnaire, bare));
    expect(error.message).toContain('utf-16le text without a byte order mark');
    expect((await refusal(readResponses(questionnaire, chunks(bare, 3)))).message).toBe(
      error.message,
    );
    expect(error.message).toContain("`encoding: 'utf-16le'`");
    expect(await readResponses(questionnaire, bare, { encoding: 'utf-16le' })).toEqual(
      await readResponses(questionnaire, text),
    );
  });
});

describe('readResponses sep= line and repeated header rows', () => {
  it('takes the delimiter from an Excel sep= line, which is no header and no row', async () => {
    const plain = 'school;staff\r\nA;5\r\nB;4\r\n';
    const oracle = await readResponses(questionnaire, plain);
    for (const sep of ['sep=;\r\n', 'SEP=;\n', '\ufeffsep=;\r\n']) {
      const source: ResponseSource = chunks(encode(sep + plain), 2);
      expect(await readResponses(questionnaire, source)).toEqual(oracle);
    }
    // Without the line the delimiter would be detected as ',' (one comma, no semicolon).
    const commas = await readResponses(questionnaire, 'sep=;\nschool;staff,x\nA;5,0\n');
    expect(commas.issues.filter((i) => i.code === 'unknown-column').map((i) => i.field)).toEqual([
      'staff,x',
    ]);
  });

  it('refuses a sep= line that contradicts options.delimiter', async () => {
    const error = await refusal(() =>
      readResponsesSync(questionnaire, 'sep=;\nschool;staff\nA;5\n', { delimiter: ',' }),
    );
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toContain('options.delimiter is ,');
  });

  it('skips a repeated header row (two exports joined), reports its row and does not count it as read', async () => {
    const first = 'sep=,\nid,school,staff\nr1,A,5\nr2,B,4\n';
    const second = 'sep=,\r\nid,school,staff\r\nr3,A,3\n';
    const joined = `${first}\ufeff${second}`;
    for (const onInvalid of ['reject-row', 'drop-answer', 'fail'] as const) {
      const set = await readResponses(questionnaire, joined, { onInvalid });
      // Hand count (the first sep= line is no row): rows 2, 3 and 6 are
      // answers; row 4 is the second sep= line, row 5 the second header.
      expect(set.counts).toEqual({ read: 3, accepted: 3, rejected: 0, droppedAnswers: 0 });
      expect(Array.from(set.sourceRows)).toEqual([2, 3, 6]);
      expect(set.ids).toEqual(['r1', 'r2', 'r3']);
      expect(set.issues.filter((i) => i.code === 'repeated-header')).toEqual([
        expect.objectContaining({ row: 4 }),
        expect.objectContaining({ row: 5 }),
      ]);
    }
  });
});

describe('readResponses runaway quotes', () => {
  it('refuses a quote that is never closed, naming where it opened, instead of swallowing the rows after it', async () => {
    // The former fixture unbalanced-quote: rows 4 and later went into one rejected row.
    const csv = 'id,staff,comment\nb1,5,ok\nb2,4,"never closed\nx,1\n';
    for (const source of [csv, chunks(encode(csv), 5)]) {
      const error = await refusal(readResponses(questionnaire, source));
      expect(error.code).toBe('invalid-input');
      expect(error.issues).toEqual([
        expect.objectContaining({ code: 'unbalanced-quote', row: 3, column: 3, field: 'comment' }),
      ]);
    }
  });

  it('refuses a quoted cell spanning more than 100 line feeds even when a later quote closes it', async () => {
    const rows = Array.from({ length: 150 }, (_, k) => `r${k},4,fine\n`).join('');
    const csv = `id,staff,comment\nr0,5,"stray\n${rows}r9,3,"closing\n`;
    const error = await refusal(readResponses(questionnaire, csv));
    expect(error.issues).toEqual([
      expect.objectContaining({ code: 'unbalanced-quote', row: 2, column: 3 }),
    ]);
    // The same shape with exactly 100 line feeds is one multi-line cell, as
    // RFC 4180 reads it (199 characters, within the comment's maxLength 200).
    const lines = 'a\n'.repeat(98) + '\n\n';
    const ok = await readResponses(questionnaire, `id,staff,comment\nr0,5,"${lines}z"\nr1,4,x\n`);
    expect(ok.counts).toEqual({ read: 2, accepted: 2, rejected: 0, droppedAnswers: 0 });
  });

  it('refuses a header whose quote is never closed', async () => {
    const error = await refusal(readResponses(questionnaire, 'id,"staff\nr1,5\n'));
    expect(error.issues).toEqual([
      expect.objectContaining({ code: 'unbalanced-quote', row: 1, column: 2 }),
    ]);
  });
});

describe('readResponses byte-level rules at every chunk boundary', () => {
  // The fast loop (up to a buffer's last line feed) and the general loop
  // (the rest) must agree: every cut moves work from one to the other.
  const cuts = (bytes: Uint8Array): Uint8Array[][] =>
    Array.from({ length: bytes.length + 1 }, (_, k) => [bytes.slice(0, k), bytes.slice(k)]);

  it('sep= line, repeated header and a 100-line quoted cell: the same set at every cut', () => {
    const cell = `"${'a\n'.repeat(98)}\n\nz"`;
    const csv = encode(
      `sep=;\r\nid;staff;comment\r\nr1;5;${cell}\r\nid;staff;comment\r\nr2;4;ok\r\n`,
    );
    const whole = readResponsesSync(questionnaire, csv);
    // Hand count: r1 and r2 are answers; the second header is skipped.
    expect(whole.counts).toEqual({ read: 2, accepted: 2, rejected: 0, droppedAnswers: 0 });
    for (const parts of cuts(csv)) expect(readResponsesSync(questionnaire, parts)).toEqual(whole);
  });

  it('a runaway quote: the same refusal at every cut', async () => {
    const rows = Array.from({ length: 110 }, (_, k) => `r${k},4,x\n`).join('');
    const csv = encode(`id,staff,comment\nr0,5,"oops\n${rows}`);
    const whole = await refusal(() => readResponsesSync(questionnaire, csv));
    for (const parts of cuts(csv)) {
      const error = await refusal(() => readResponsesSync(questionnaire, parts));
      expect(error.issues).toEqual(whole.issues);
    }
  });
});

describe('readResponses wide headers', () => {
  it('plans a 200,000-column header with work linear in its width (bytes copied by typed-array set)', () => {
    // A deterministic measure of the cost: every byte a typed array copies
    // while the header is read. Planning columns one by one into arrays grown
    // by one copies n²/2 bytes (2·10^10 here); doubling, under 2n.
    const n = 200_000;
    const header = Array.from({ length: n }, (_, k) => `c${k}`).join(',');
    const csv = encode(`${header}\n`);
    // TypedArray.prototype.set, which Uint8Array inherits.
    const original = Reflect.get(Uint8Array.prototype, 'set');
    let copied = 0;
    Object.defineProperty(Uint8Array.prototype, 'set', {
      configurable: true,
      writable: true,
      value(this: Uint8Array, source: ArrayLike<number>, offset?: number): void {
        copied += source.length;
        original.call(this, source, offset);
      },
    });
    let set: ResponseSet;
    try {
      set = readResponsesSync(questionnaire, csv, { maxIssues: 10 });
    } finally {
      delete (Uint8Array.prototype as { set?: unknown }).set;
    }
    expect(Object.hasOwn(Uint8Array.prototype, 'set')).toBe(false);
    expect(set.counts.read).toBe(0);
    // Input bytes are copied a bounded number of times, column plans at most twice.
    expect(copied).toBeLessThan(4 * csv.length + 2 * n);
  });
});
