import { EduQualityError } from '@edu-quality/core';
import { Ingest } from './internal/ingest.js';
import { SourceDecoder, checkEncoding } from './internal/source-decoder.js';
import { checkReadOptions } from './internal/read-options.js';
import type { ResponseSet } from './response-set.js';
import type { Questionnaire } from './schema.js';

/** A piece of a CSV export: text, or UTF-8 bytes (a Node `Buffer` is a `Uint8Array`). */
export type ResponseChunk = string | Uint8Array;

/**
 * One respondent as an object keyed by column header (or a `Map`), for
 * example a row parsed from a JSON export. Values are strings, numbers,
 * booleans, `null`/`undefined` (unanswered), or arrays of option codes for a
 * multi-choice item.
 */
export type ResponseRecord = Readonly<Record<string, unknown>> | ReadonlyMap<string, unknown>;

/**
 * What {@link readResponsesSync} reads: a whole CSV text, its bytes, an
 * iterable of chunks, or an array of records.
 */
export type SyncResponseSource =
  string | Uint8Array | ArrayBuffer | readonly ResponseRecord[] | Iterable<ResponseChunk>;

/**
 * What {@link readResponses} reads: everything {@link SyncResponseSource}
 * holds, plus a web `ReadableStream` of bytes and any async iterable of
 * chunks, such as a Node `Readable` (`fs.createReadStream(path)`).
 */
export type ResponseSource =
  SyncResponseSource | ReadableStream<Uint8Array> | AsyncIterable<ResponseChunk>;

/**
 * The character encoding of a CSV export given as bytes: UTF-8 (the
 * default), UTF-16 (read without the option when the file starts with its
 * byte order mark), or a legacy code page that Excel writes when a sheet is
 * saved as plain "CSV" on a Windows set to Lithuanian (`windows-1257`) or
 * Russian (`windows-1251`), or by older Russian tools (`koi8-r`).
 */
export type ResponseEncoding =
  'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1257' | 'windows-1251' | 'koi8-r';

/** A CSV delimiter that {@link readResponses} reads. */
export type CsvDelimiter = ',' | ';' | '\t' | '|';

/**
 * What {@link readResponses} does with a row that holds an invalid answer:
 * `reject-row` stores nothing of it, `drop-answer` stores it with the bad
 * answers as missing, `fail` throws.
 */
export type InvalidAnswerPolicy = 'reject-row' | 'drop-answer' | 'fail';

/**
 * What {@link readResponses} does with a row whose respondent id an earlier
 * row already had: `reject` refuses it (counted in `counts.rejected`, an
 * issue `duplicate-id`) when its answers and weight are the same as the
 * earlier row's (the same respondent sent twice), and throws `invalid-input`
 * (an issue `duplicate-id` naming both rows) when they differ: keeping the
 * first of two conflicting rows would publish answers that may not be the
 * respondent's, and which one is cannot be told. `keep` stores it and adds a
 * notice `duplicate-id`, `fail` throws on any repeated id.
 */
export type DuplicateIdPolicy = 'reject' | 'keep' | 'fail';

/** The decimal mark of the numbers of an export: `.` (en) or `,` (lt, ru, de). */
export type DecimalMark = ',' | '.';

/** How far a read has come, as reported to {@link ReadResponsesOptions.onProgress}. */
export interface ReadProgress {
  /** Bytes of CSV consumed so far (0 for an array of records). */
  readonly bytes: number;
  /** Data rows read so far. */
  readonly rows: number;
}

/** Options of {@link readResponses} and {@link readResponsesSync}. */
export interface ReadResponsesOptions {
  /**
   * The CSV delimiter. Default: the one an Excel `sep=` first line names,
   * else detected from the header line (`,` `;` tab `|`, the most frequent).
   */
  readonly delimiter?: CsvDelimiter;
  /**
   * Column headers mapped to item ids, overriding the default exact match;
   * `null` ignores a column without an issue.
   */
  readonly columns?: Readonly<Record<string, string | null>>;
  /** The header of the respondent weight column. Default: a column named `weight`, if any. */
  readonly weightColumn?: string;
  /** The header of the respondent id column. Default: a column named `id`, if any. */
  readonly idColumn?: string;
  /**
   * Explicit answer labels, by item id or `*` for every item: a label mapped
   * to a scale code (number) or an option code (string). They take precedence
   * over the labels inferred from the questionnaire.
   */
  readonly labels?: Readonly<Record<string, Readonly<Record<string, number | string>>>>;
  /**
   * The separator of the choices of a multi-choice answer written in one cell.
   * Default: `;` in a `,`-delimited file, `,` in a `;`-delimited one, either
   * otherwise; whitespace also separates codes, as in Kobo exports.
   */
  readonly multiSeparator?: string;
  /** What to do with a row that holds an invalid answer. Default `reject-row`. */
  readonly onInvalid?: InvalidAnswerPolicy;
  /** Called about every mebibyte (or every 10,000 records), and once at the end. */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Aborts the read with an {@link @edu-quality/core!EduQualityError} of code `aborted`. */
  readonly signal?: AbortSignal;
  /**
   * The encoding of a source given as bytes (a string is text already: any
   * value but `utf-8` is then an error). Default: UTF-8, or UTF-16 when the
   * bytes start with its byte order mark; a source that is not valid UTF-8
   * is refused, with the likely code page named.
   */
  readonly encoding?: ResponseEncoding;
  /** The most issues listed; further ones are counted in a last `too-many-issues` issue. Default 1000. */
  readonly maxIssues?: number;
  /**
   * The decimal mark of the numbers and weights of the export. Default: none
   * declared, and then a plain decimal is read with either mark (`4.5`,
   * `4,5`), while a number whose reading depends on the locale is refused
   * with an issue `ambiguous-number` (its row rejected under `onInvalid`):
   * one `.` or `,` followed by exactly three digits, after one to three
   * digits that do not start with 0 (`1,250` is 1250 in en and 1.25 in lt),
   * or digits grouped by spaces or apostrophes (`1 250`, `1'250`), or both
   * marks (`1,250.5`). `0,250`, `1,25`, `1,2500` and `1250,5` have one
   * reading, a decimal. With a declared mark only that mark separates
   * decimals and the integer digits may be grouped in threes by the other
   * mark, a space (no-break and thin spaces included) or an apostrophe:
   * `1,250.5` with `.`, `1 250,5` and `1.250,5` with `,`. A number a JSON
   * record gives as a number is never re-read.
   */
  readonly decimalMark?: DecimalMark;
  /**
   * What to do with a row whose respondent id (the id column) an earlier row
   * had. Default `reject` (a repeat with the same answers is rejected, one
   * with different answers refuses the file; see {@link DuplicateIdPolicy}).
   * Ids are compared as text without surrounding
   * spaces; blank ids are never duplicates. The issue names the row of the
   * first occurrence, never the id.
   */
  readonly duplicateIds?: DuplicateIdPolicy;
}

const PROGRESS_BYTES = 1 << 20;
const PROGRESS_RECORDS = 10_000;
const SLICE = 1 << 20;

function ingestFor(questionnaire: Questionnaire, options: ReadResponsesOptions): Ingest {
  checkReadOptions(options);
  const settings: Record<string, unknown> = {};
  for (const key of [
    'delimiter',
    'columns',
    'weightColumn',
    'idColumn',
    'labels',
    'multiSeparator',
    'onInvalid',
    'maxIssues',
    'decimalMark',
    'duplicateIds',
  ] as const) {
    if (options[key] !== undefined) settings[key] = options[key];
  }
  return new Ingest(questionnaire, settings);
}

/** The scanner behind the stage that decides the encoding of the bytes. */
class Reader {
  readonly ingest: Ingest;
  readonly bytes: SourceDecoder;
  /** Whether `options.encoding` asks for bytes to be transcoded, which text cannot be. */
  private readonly transcodes: boolean;

  constructor(questionnaire: Questionnaire, options: ReadResponsesOptions) {
    // The options' keys and kinds first (a null or a typo is named), then the encoding.
    checkReadOptions(options);
    const encoding = checkEncoding(options.encoding);
    const ingest = ingestFor(questionnaire, options);
    this.ingest = ingest;
    this.bytes = new SourceDecoder((chunk) => {
      ingest.push(chunk);
    }, encoding);
    this.transcodes = encoding !== undefined && encoding !== 'utf-8';
  }

  /** Text (and records) are UTF-8 once encoded, whatever `options.encoding` says of bytes. */
  text(): void {
    if (this.transcodes) {
      throw new EduQualityError(
        'invalid-argument',
        'readResponses: options.encoding applies to bytes, and the source is text; leave it out or pass utf-8',
      );
    }
  }
}

class Progress {
  private last = 0;
  private readonly ingest: Ingest;
  private readonly source: { readonly value: number };
  constructor(
    reader: Reader,
    private readonly options: ReadResponsesOptions,
  ) {
    this.ingest = reader.ingest;
    this.source = reader.bytes.bytesRead;
    this.check();
  }

  check(): void {
    const signal = this.options.signal;
    if (signal?.aborted === true) {
      throw new EduQualityError('aborted', 'readResponses: the read was aborted', {
        cause: signal.reason,
      });
    }
  }

  tick(records: boolean): void {
    this.check();
    const onProgress = this.options.onProgress;
    if (onProgress === undefined) return;
    const bytes = this.source.value;
    const due = records
      ? this.ingest.rows - this.last >= PROGRESS_RECORDS
      : bytes - this.last >= PROGRESS_BYTES;
    if (!due) return;
    this.last = records ? this.ingest.rows : bytes;
    onProgress({ bytes, rows: this.ingest.rows });
  }

  done(): void {
    this.options.onProgress?.({ bytes: this.source.value, rows: this.ingest.rows });
  }
}

// Encodes text in slices, so a string source is never copied whole into bytes.
function* encodeSlices(text: string): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + SLICE);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--; // keep a surrogate pair whole
    yield encoder.encode(text.slice(at, end));
    at = end;
  }
}

function* byteSlices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += SLICE * 4) {
    yield bytes.subarray(at, Math.min(bytes.length, at + SLICE * 4));
  }
}

function isChunkArray(source: readonly unknown[]): boolean {
  const first: unknown = source[0];
  return typeof first === 'string' || first instanceof Uint8Array;
}

function feedChunk(reader: Reader, chunk: unknown): void {
  if (typeof chunk === 'string') {
    reader.text();
    for (const bytes of encodeSlices(chunk)) reader.bytes.push(bytes);
  } else if (chunk instanceof Uint8Array) reader.bytes.push(chunk);
  else if (chunk instanceof ArrayBuffer) reader.bytes.push(new Uint8Array(chunk));
  else {
    throw new EduQualityError(
      'invalid-argument',
      'readResponses: a chunk of the source is neither a string nor bytes',
    );
  }
}

/** Reads the sources that need no waiting; returns false for the others. */
function readNow(reader: Reader, source: unknown, progress: Progress): boolean {
  const ingest = reader.ingest;
  if (typeof source === 'string') {
    reader.text();
    for (const bytes of encodeSlices(source)) {
      reader.bytes.push(bytes);
      progress.tick(false);
    }
    return true;
  }
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    const bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
    for (const slice of byteSlices(bytes)) {
      reader.bytes.push(slice);
      progress.tick(false);
    }
    return true;
  }
  if (Array.isArray(source) && !isChunkArray(source)) {
    reader.text();
    ingest.beginRecords();
    for (const record of source as readonly unknown[]) {
      ingest.pushRecord(record);
      progress.tick(true);
    }
    return true;
  }
  return false;
}

function finish(reader: Reader, progress: Progress): ResponseSet {
  reader.bytes.end();
  const set = reader.ingest.end();
  progress.done();
  return set;
}

/**
 * Reads survey responses (a CSV export, or records) into a columnar
 * {@link ResponseSet}, mapping headers to items and answer labels to codes.
 *
 * @remarks
 * **Encoding.** Decided once for the whole input, never cell by cell: UTF-8
 * (a BOM is skipped), UTF-16 when the bytes start with its byte order mark,
 * or `options.encoding` (windows-1257, windows-1251, KOI8-R: what Excel
 * writes as plain "CSV" in Lithuania and Russia). Bytes that are not valid
 * in it — or an Excel workbook, an old `.xls`, a PDF, UTF-16 without a byte
 * order mark — are refused before any result exists, even from a stream:
 * the error names the first bad byte's offset and, for bytes that are not
 * UTF-8, the likely code page and the option to pass.
 *
 * **CSV.** RFC 4180: quoted cells may hold delimiters, line breaks and doubled
 * quotes; lines end in CRLF or LF; the delimiter (`,`, `;`, tab or `|`) is
 * the one an Excel `sep=` first line names (that line is no row), else
 * detected from the header line, unless given. A quote that opens a cell
 * and does not close within 100 line breaks (or before the end) refuses the
 * file, naming the row and column where it opened: read on, it would swallow
 * the rows after it. Numbers and
 * weights may use a decimal comma (`4,5`), as Excel writes them in the LT and
 * RU locales; a number whose reading depends on the locale (`1,250`, `1 250`)
 * is refused unless `options.decimalMark` says which mark is the decimal one
 * (the rule: {@link ReadResponsesOptions.decimalMark}). Cells are never
 * interpreted as formulas: `=SUM(A1)` in a text item is stored verbatim.
 *
 * **Mapping.** A header names an item by its id (or through
 * `options.columns`; a Kobo `group/question` path by its last part, and a
 * Kobo `question/option` 0/1 column as one option of a multi item). An
 * answer is read as a code (`5`) or as a label in any locale of the
 * questionnaire (`Labai patenkintas`, `Very satisfied`, case, spacing and
 * Unicode normalisation aside); the "not applicable" label stores
 * {@link SCALE_NOT_APPLICABLE}. Look-alike spellings — letter case, spaces of
 * any kind, invisible characters (zero-width, soft hyphen, bidi marks, BOM),
 * NFC or NFD — are one answer and one dictionary entry (an unlisted answer is
 * stored as its first spelling, cleaned), and each merge is one
 * `merged-spellings` notice per item and answer, with its count. Unknown headers are reported once and
 * ignored; `__proto__`, `constructor` and `prototype` headers and record keys
 * are reported and never used as object keys.
 *
 * **Rows and issues.** `row` in an issue is the record number as a
 * spreadsheet shows it, the header being row 1 — not the physical line, so a
 * cell with line breaks does not shift the rows after it; a blank line
 * counts as a row but not as a record read, and so does a row that repeats
 * the header byte for byte (two exports joined; issue `repeated-header`).
 * `column` is 1-based and `field`
 * is the header. Messages name the item and the problem and never repeat a
 * respondent's text (a short number is quoted, anything else is described
 * by its length). The invariant `accepted + rejected = read` always holds.
 * A row with a missing or invalid weight is rejected under `drop-answer`
 * too: a weighted set has no row without a weight. A weight must lie in
 * [{@link MIN_WEIGHT}, {@link MAX_WEIGHT}]: 0 is a `zero-weight` issue,
 * anything else outside (negative, infinite, subnormal, absurd) an
 * `invalid-weight` one. A row whose respondent id an earlier row had is a
 * `duplicate-id` issue naming the earlier row, and is rejected (see
 * `options.duplicateIds`).
 *
 * **Memory.** The input is read chunk by chunk and never held as one
 * string; each scale answer takes one byte.
 *
 * @param questionnaire - the questionnaire the responses answer
 * @param source - a CSV text, its bytes, a web `ReadableStream`, a Node stream or any (async) iterable of chunks, or an array of records
 * @param options - delimiter, mappings, the invalid-answer policy, progress and abort
 * @returns the responses, their counts and the issues found
 * @throws {@link @edu-quality/core!EduQualityError} `invalid-input` (with the issues so far) under `onInvalid: 'fail'` or `duplicateIds: 'fail'`, and (with one issue: `invalid-encoding`, `not-csv` or `unbalanced-quote`) for an input it refuses; `aborted` when `options.signal` aborts; `invalid-argument` for an unknown option key, an invalid option value (an unknown `encoding` among them), options that name unknown items or codes, a code page for a text source, or a `delimiter` that contradicts a `sep=` line
 *
 * @example
 * ```ts
 * const labels = ['Labai nepatenkintas', 'Nepatenkintas', 'Nei patenkintas, nei nepatenkintas', 'Patenkintas', 'Labai patenkintas'];
 * const questionnaire = QuestionnaireSchema.parse({
 *   id: 'demo', version: '1', title: { lt: 'Apklausa' }, locales: ['lt'], defaultLocale: 'lt',
 *   sections: [{ id: 's1', title: { lt: 'Paslauga' }, questions: [
 *     { id: 'staff', kind: 'scale', text: { lt: 'Darbuotojų mandagumas' },
 *       scale: { points: labels.map((label, i) => ({ value: i + 1, label: { lt: label } })) } },
 *     { id: 'nps', kind: 'nps', text: { lt: 'Ar rekomenduotumėte?' } },
 *   ] }],
 * });
 * const csv = 'staff;nps;weight\nLabai patenkintas;9;1,5\n4;10;0,5\n7;3;1\n';
 * const set = await readResponses(questionnaire, csv);
 * set.counts; // => { read: 3, accepted: 2, rejected: 1, droppedAnswers: 0 }
 * const staff = set.columns.get('staff');
 * staff?.kind === 'scale' ? staff.values : []; // => [5, 4]
 * set.weights; // => [1.5, 0.5]
 * set.issues[0]; // => { code: 'invalid-answer', row: 4, column: 1, field: 'staff' }
 * ```
 */
export async function readResponses(
  questionnaire: Questionnaire,
  source: ResponseSource,
  options: ReadResponsesOptions = {},
): Promise<ResponseSet> {
  const reader = new Reader(questionnaire, options);
  const progress = new Progress(reader, options);
  if (readNow(reader, source, progress)) return finish(reader, progress);
  if (typeof (source as ReadableStream<Uint8Array>).getReader === 'function') {
    const stream = (source as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await stream.read();
        if (done) break;
        feedChunk(reader, value);
        progress.tick(false);
      }
    } finally {
      stream.releaseLock();
    }
    return finish(reader, progress);
  }
  if (Symbol.asyncIterator in (source as object)) {
    for await (const chunk of source as AsyncIterable<unknown>) {
      feedChunk(reader, chunk);
      progress.tick(false);
    }
    return finish(reader, progress);
  }
  return readResponsesSync(questionnaire, source as SyncResponseSource, options);
}

/**
 * Reads survey responses that are already in memory, synchronously: the
 * same as {@link readResponses} for a string, bytes, an iterable of chunks
 * or an array of records.
 *
 * @remarks
 * Everything said of {@link readResponses} holds: the mapping, the issues,
 * the `onInvalid` policy and the invariant `accepted + rejected = read`.
 *
 * @param questionnaire - the questionnaire the responses answer
 * @param source - a CSV text, its bytes, an iterable of chunks, or an array of records
 * @param options - delimiter, mappings, the invalid-answer policy, progress and abort
 * @returns the responses, their counts and the issues found
 * @throws {@link @edu-quality/core!EduQualityError} as {@link readResponses} does
 *
 * @example
 * ```ts
 * const questionnaire = QuestionnaireSchema.parse({
 *   id: 'demo', version: '1', title: { en: 'Survey' }, locales: ['en', 'ru'], defaultLocale: 'en',
 *   sections: [{ id: 's1', title: { en: 'Service' }, questions: [
 *     { id: 'school', kind: 'single', text: { en: 'School', ru: 'Школа' }, role: 'segment',
 *       options: [{ value: 'A', label: { en: 'School A', ru: 'Школа А' } }, { value: 'B', label: { en: 'School B', ru: 'Школа Б' } }] },
 *     { id: 'comment', kind: 'text', text: { en: 'Comment', ru: 'Комментарий' } },
 *   ] }],
 * });
 * const set = readResponsesSync(questionnaire, [{ school: 'Школа Б', comment: '=SUM(A1)' }, { school: 'A' }]);
 * const school = set.columns.get('school');
 * school?.kind === 'category' ? school.codes : []; // => [1, 0]
 * const comment = set.columns.get('comment');
 * comment?.kind === 'text' ? comment.values : []; // => ['=SUM(A1)']
 * readResponsesSync(questionnaire, 'school\nC\n', { onInvalid: 'fail' }); // throws
 * ```
 */
export function readResponsesSync(
  questionnaire: Questionnaire,
  source: SyncResponseSource,
  options: ReadResponsesOptions = {},
): ResponseSet {
  const reader = new Reader(questionnaire, options);
  const progress = new Progress(reader, options);
  if (readNow(reader, source, progress)) return finish(reader, progress);
  if (typeof source === 'object' && Symbol.iterator in source) {
    for (const chunk of source as Iterable<unknown>) {
      feedChunk(reader, chunk);
      progress.tick(false);
    }
    return finish(reader, progress);
  }
  throw new EduQualityError(
    'invalid-argument',
    'readResponses: the source is not a string, bytes, a stream, an iterable of chunks or an array of records',
  );
}
