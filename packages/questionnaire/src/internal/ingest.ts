// The ingestion engine behind readResponses: a byte-level CSV scanner fused
// with the columnar builders, and the same row logic for arrays of records.
//
// Why hand-written (docs/decisions/0003-hand-written-csv-scanner.md): the
// benchmark loads 1,000,000 rows × 33 columns. A CSV library hands back a
// string per cell (33 million allocations) before a single label is resolved;
// here the scanner walks the bytes once, computes small integer cells while it
// looks for the delimiter, writes the code straight into the column's typed
// array, and decodes only the cells that are text or labels (once per distinct
// byte content per column, through ByteKeyMap).
//
// Rows and slots: every column is written at slot `size` while a row is
// scanned; the row is committed by `size++` or rejected by clearing the slot.
// A record cut by a chunk boundary is scanned again from its start once more
// bytes arrive, so all per-row state is reset at the start of a record.
import { EduQualityError, isSafeKey, type Issue } from '@edu-quality/core';
import type { Item } from '../items.js';
import { listItems } from '../items.js';
import {
  CATEGORY_MISSING,
  SCALE_MISSING,
  SCALE_NOT_APPLICABLE,
  type ResponseColumn,
  type ResponseSet,
} from '../response-set.js';
import type { Questionnaire } from '../schema.js';
import { HASH_PRIME, HASH_SEED, MISS, POW10, decodeCell, packedKey } from './bytes.js';
import {
  MultiBuilder,
  NumberBuilder,
  builderFor,
  finishColumn,
  normalizeLabel,
  type Builder,
  type CategoryBuilder,
  type LabelOptions,
  type ScaleBuilder,
  type TextBuilder,
} from './columns.js';
import {
  MAX_QUOTED_LINE_FEEDS,
  headerBytes,
  isSepRecord,
  repeatsHeader,
  runawayQuote,
  spansLines,
  strayQuote,
  sepLine,
  tooManyLineFeeds,
} from './csv-lines.js';
import type { DecimalMark, DuplicateIdPolicy } from '../read-responses.js';
import { AMBIGUOUS_NUMBER, readNumber, type NumberReading } from './numbers.js';
import { RespondentIds } from './respondent-ids.js';
import { weightProblem } from './weights.js';
import type { LabelVariants } from './label-variants.js';

/** What to do with a row that holds an invalid answer. */
export type InvalidPolicy = 'reject-row' | 'drop-answer' | 'fail';

/** Resolved settings of an ingestion. */
export interface IngestSettings {
  readonly delimiter?: string;
  readonly columns?: Readonly<Record<string, string | null>>;
  readonly weightColumn?: string;
  readonly idColumn?: string;
  readonly labels?: LabelOptions;
  readonly multiSeparator?: string;
  readonly onInvalid?: InvalidPolicy;
  readonly maxIssues?: number;
  readonly decimalMark?: DecimalMark;
  readonly duplicateIds?: DuplicateIdPolicy;
}

const IGNORE = 0;
const SCALE = 1;
const CATEGORY = 2;
const NUMBER = 3;
const TEXT = 4;
const MULTI = 5;
const MULTI_SPLIT = 6;
const WEIGHT = 7;
const ID = 8;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const INITIAL_CAPACITY = 1024;
const DELIMITERS = [',', ';', '\t', '|'] as const;

// Cache values beyond the stored codes.
const INVALID = -1;
const BAD_UTF8 = -2;
const BLANK = -3;
/** Cached look-alike answers: VARIANT - k for variant k (see label-variants.ts). */
const VARIANT = -16;

function variantCode(variant: number, code: number): number {
  return variant < 0 ? code : VARIANT - variant;
}

/** A cell of a record, converted for the string path. */
type CellValue = string | readonly string[];

/** The index of the largest count, the first on a tie. */
function mostFrequent(counts: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k;
  return best;
}

/**
 * Describes an answer in an issue message without repeating free text: short
 * numbers are quoted, anything else is described by its length only.
 */
function describe(text: string): string {
  const trimmed = text.trim();
  return /^[+-]?\d{1,6}(?:[.,]\d{1,4})?$/.test(trimmed)
    ? `"${trimmed}"`
    : `an answer of ${codePoints(trimmed)} characters`;
}

/** The length of a text in Unicode code points. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** A header as shown in an issue: control characters blanked, at most 64 characters. */
function safeField(name: string): string {
  let flat = '';
  for (const ch of name.length > 256 ? name.slice(0, 256) : name) {
    const c = ch.charCodeAt(0);
    flat += c < 0x20 || c === 0x7f ? ' ' : ch;
  }
  return flat.length > 64 ? `${flat.slice(0, 61)}...` : flat;
}

function isBlank(buf: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (buf[i] !== 32 && buf[i] !== 9) return false;
  return true;
}

/**
 * The ingestion state: feed it bytes with {@link Ingest.push} (or records
 * with {@link Ingest.pushRecord}) and call {@link Ingest.end}.
 */
export class Ingest {
  readonly bytesRead: { value: number } = { value: 0 };
  private readonly items: Item[];
  private readonly builders = new Map<string, Builder>();
  private readonly policy: InvalidPolicy;
  private readonly maxIssues: number;
  private readonly settings: IngestSettings;
  private readonly itemsById = new Map<string, Item>();

  // The column plan, by field position.
  private kinds = new Uint8Array(0);
  /** The storage behind `kinds`, grown by doubling so that planning n columns is linear. */
  private kindStore = new Uint8Array(0);
  private targets: (Builder | undefined)[] = [];
  private scales: (ScaleBuilder | undefined)[] = [];
  /** By field position: the scale column's array, kept current by grow(). */
  private readonly scaleValues: (Uint8Array | undefined)[] = [];
  /** By field position × 256: the stored code of a raw integer code, or -1. */
  private codeTable: Int16Array = new Int16Array(0);
  /** 1 for the bytes that end an unquoted cell: the delimiter, CR and LF. */
  private readonly stops: Uint8Array = new Uint8Array(256);
  private splitOption: number[] = [];
  private fieldNames: string[] = [];
  private readonly keyColumns = new Map<string, number>();
  private readonly mappedItems = new Set<string>();
  /** The refusal of two columns holding one item, thrown by end(). */
  private columnConflict: EduQualityError | undefined;
  /** The column (1-based) and header of each item mapped by a column of its own. */
  private readonly itemColumns = new Map<string, { column: number; field: string }>();
  private readonly splitMultis = new Set<MultiBuilder>();
  private readonly mainMultis = new Set<string>();
  private weightColumnIndex = -1;

  // Storage.
  private capacity = INITIAL_CAPACITY;
  private size = 0;
  private sourceRows = new Uint32Array(INITIAL_CAPACITY);
  private weights: NumberBuilder | undefined;
  private ids: string[] | undefined;

  // Counts and issues.
  private read = 0;
  private rejected = 0;
  private dropped = 0;
  private readonly issues: Issue[] = [];
  private omittedIssues = 0;
  /** Records completed so far, the header and blank lines included. */
  private rowNumber = 0;

  // The row being read.
  private rowIssues: Issue[] = [];
  private badColumns: number[] = [];
  private rowReject = false;
  private weightSeen = false;
  private pendingText: [TextBuilder, string][] = [];
  private pendingCategory: [CategoryBuilder, string][] = [];
  /** Look-alike answers of the row (see label-variants.ts), counted when it is committed. */
  private pendingVariants: [LabelVariants, number][] = [];
  private pendingId: string | undefined;
  /** The current row's repeated id under `duplicateIds: 'reject'`, settled with the row. */
  private duplicate: { first: number; issue: Issue; column: number } | undefined;
  private pendingIdColumn = -1;
  private respondentIds: RespondentIds | undefined;
  private readonly notices: Issue[] = [];
  /** The bytes the fast path reads as a decimal mark (both the same when it is declared). */
  private readonly markA: number;
  private readonly markB: number;

  // CSV state.
  private headerDone = false;
  private records = false;
  private delimiter = 44;
  private separators: RegExp;
  private work = new Uint8Array(1 << 16);
  private workLength = 0;
  private nextAttempt = 0;
  /** The header record's bytes, to recognise a repeated header row. */
  private header: Uint8Array | undefined;
  /** Whether an Excel `sep=` line set the delimiter. */
  private sepDelimiter = false;

  constructor(
    readonly questionnaire: Questionnaire,
    settings: IngestSettings,
  ) {
    this.settings = settings;
    this.policy = settings.onInvalid ?? 'reject-row';
    this.maxIssues = settings.maxIssues ?? 1000;
    this.markA = settings.decimalMark === ',' ? 44 : 46;
    this.markB = settings.decimalMark === '.' ? 46 : 44;
    this.items = listItems(questionnaire);
    for (const item of this.items) {
      this.itemsById.set(item.id, item);
      this.builders.set(item.id, builderFor(item, INITIAL_CAPACITY, settings.labels));
    }
    if (settings.delimiter !== undefined) {
      if (!(DELIMITERS as readonly string[]).includes(settings.delimiter)) {
        throw new EduQualityError(
          'invalid-argument',
          'readResponses: options.delimiter must be one of , ; tab |',
        );
      }
      this.delimiter = settings.delimiter.charCodeAt(0);
    }
    this.separators = /[;,]/;
    if (settings.columns !== undefined) {
      for (const [header, target] of Object.entries(settings.columns)) {
        if (target !== null && !this.itemsById.has(target)) {
          throw new EduQualityError(
            'invalid-argument',
            `readResponses: options.columns maps ${safeField(header)} to ${safeField(target)}, which is not an item of the questionnaire`,
          );
        }
      }
    }
  }

  // ---------------------------------------------------------------- header

  private issue(issue: Issue): void {
    if (this.issues.length < this.maxIssues) this.issues.push(issue);
    else this.omittedIssues++;
  }

  /** Plans the column at position `j` from its header. */
  private planColumn(j: number, name: string | undefined): void {
    const grow = <T>(array: T[], value: T): void => {
      array[j] = value;
    };
    if (j >= this.kindStore.length) {
      const store = new Uint8Array(Math.max(16, this.kindStore.length * 2, j + 1));
      store.set(this.kindStore);
      this.kindStore = store;
    }
    if (j >= this.kinds.length) this.kinds = this.kindStore.subarray(0, j + 1);
    grow(this.targets, undefined);
    grow(this.scales, undefined);
    grow(this.scaleValues, undefined);
    grow(this.splitOption, -1);
    grow(this.fieldNames, name === undefined ? '' : safeField(name));
    const column = j + 1;
    if (name === undefined) {
      this.issue({
        code: 'invalid-utf8',
        message: 'the header is not valid UTF-8; the column is ignored',
        row: 1,
        column,
      });
      return;
    }
    const field = safeField(name);
    const trimmed = name.trim();
    const settings = this.settings;
    let target: string | null | undefined;
    let special: 'weight' | 'id' | undefined;
    if (!isSafeKey(trimmed)) {
      this.issue({
        code: 'unsafe-column',
        message: 'the header is a reserved JavaScript property name; the column is ignored',
        row: 1,
        column,
        field,
      });
      return;
    }
    if (settings.columns !== undefined && Object.hasOwn(settings.columns, name)) {
      target = settings.columns[name];
      if (target === null) return;
    } else if (settings.weightColumn !== undefined && trimmed === settings.weightColumn) {
      special = 'weight';
    } else if (settings.idColumn !== undefined && trimmed === settings.idColumn) {
      special = 'id';
    } else if (this.itemsById.has(trimmed)) target = trimmed;
    else if (settings.weightColumn === undefined && trimmed === 'weight') special = 'weight';
    else if (settings.idColumn === undefined && trimmed === 'id') special = 'id';
    else if (trimmed.includes('/')) {
      // Kobo: `group/question` and `question/option` (a 0/1 column of a multi question).
      const parts = trimmed.split('/');
      const last = parts[parts.length - 1] ?? '';
      const parent = parts[parts.length - 2] ?? '';
      const multi = this.builders.get(parent);
      const option =
        multi instanceof MultiBuilder ? multi.options.index.get(normalizeLabel(last)) : undefined;
      if (multi instanceof MultiBuilder && option !== undefined) {
        if (this.mainMultis.has(parent)) return; // the main column is authoritative
        this.kinds[j] = MULTI_SPLIT;
        this.targets[j] = multi;
        this.splitOption[j] = option;
        this.splitMultis.add(multi);
        this.mappedItems.add(parent);
        return;
      }
      if (this.itemsById.has(last)) target = last;
    }
    if (special === 'weight') {
      if (this.weights !== undefined) {
        this.issue({
          code: 'duplicate-column',
          message: 'a second weight column is ignored',
          row: 1,
          column,
          field,
        });
        return;
      }
      this.weights = new NumberBuilder(undefined, this.capacity);
      this.weightColumnIndex = j;
      this.kinds[j] = WEIGHT;
      return;
    }
    if (special === 'id') {
      if (this.ids !== undefined) {
        this.issue({
          code: 'duplicate-column',
          message: 'a second id column is ignored',
          row: 1,
          column,
          field,
        });
        return;
      }
      this.ids = [];
      this.respondentIds = new RespondentIds(settings.duplicateIds ?? 'reject');
      this.kinds[j] = ID;
      return;
    }
    if (target === undefined || target === null) {
      this.issue({
        code: 'unknown-column',
        message: 'the header names no item of the questionnaire; the column is ignored',
        row: 1,
        column,
        field,
      });
      return;
    }
    const earlier = this.itemColumns.get(target);
    if (earlier !== undefined) {
      // Two columns hold the same item: which one holds its answers cannot be
      // told, and keeping either silently publishes the other's rows' answers
      // as wrong ones when the two differ, so the file is refused.
      const message = `columns ${earlier.column} (${earlier.field}) and ${column} (${field}) both hold item ${target}; which one holds its answers cannot be told, so the file is not read — remove one of them or map one away with options.columns`;
      // Thrown when the input ends, so that a refusal of the bytes themselves
      // (not UTF-8, a runaway quote) comes first, whatever the chunking.
      this.columnConflict ??= new EduQualityError('invalid-input', `readResponses: ${message}`, {
        issues: [{ code: 'duplicate-column', message, row: 1, column, field }],
      });
      return;
    }
    if (this.mappedItems.has(target)) {
      this.issue({
        code: 'duplicate-column',
        message: `a second column for item ${target} is ignored`,
        row: 1,
        column,
        field,
      });
      return;
    }
    const builder = this.builders.get(target)!;
    this.mappedItems.add(target);
    this.itemColumns.set(target, { column, field });
    this.targets[j] = builder;
    switch (builder.kind) {
      case 'scale':
        this.kinds[j] = SCALE;
        this.scales[j] = builder;
        this.scaleValues[j] = builder.values;
        if (this.codeTable.length < (j + 1) * 256) {
          const table = new Int16Array(Math.max((j + 1) * 256, this.codeTable.length * 2)).fill(-1);
          table.set(this.codeTable);
          this.codeTable = table;
        }
        this.codeTable.set(builder.codeOf, j * 256);
        break;
      case 'category':
        this.kinds[j] = CATEGORY;
        break;
      case 'number':
        this.kinds[j] = NUMBER;
        break;
      case 'text':
        this.kinds[j] = TEXT;
        break;
      case 'multi':
        this.kinds[j] = MULTI;
        this.mainMultis.add(target);
        // A main column after its 0/1 columns: those become silent duplicates.
        if (this.splitMultis.has(builder)) {
          this.splitMultis.delete(builder);
          for (let k = 0; k < j; k++) if (this.targets[k] === builder) this.kinds[k] = IGNORE;
        }
        break;
    }
  }

  private missingColumns(): void {
    for (const item of this.items) {
      if (this.mappedItems.has(item.id)) continue;
      this.issue({
        code: 'missing-column',
        message: `no column holds item ${item.id}; its answers are missing`,
        row: 1,
        field: item.id,
      });
    }
  }

  private setHeader(names: (string | undefined)[]): void {
    this.stops[this.delimiter] = 1;
    this.stops[LF] = 1;
    this.stops[CR] = 1;
    // Sized once: growing it per column copied it once per column, quadratic in a wide header.
    this.kinds = new Uint8Array(names.length);
    names.forEach((name, j) => {
      this.planColumn(j, name);
    });
    this.missingColumns();
    this.headerDone = true;
    const delimiter = String.fromCharCode(this.delimiter);
    const separator = this.settings.multiSeparator;
    this.separators =
      separator !== undefined
        ? new RegExp(separator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        : delimiter === ';'
          ? /,/
          : delimiter === ','
            ? /;/
            : /[;,]/;
  }

  // ------------------------------------------------------------------ rows

  private beginRow(): void {
    if (this.rowIssues.length > 0) this.rowIssues = [];
    if (this.badColumns.length > 0) this.badColumns = [];
    if (this.pendingText.length > 0) this.pendingText = [];
    if (this.pendingCategory.length > 0) this.pendingCategory = [];
    if (this.pendingVariants.length > 0) this.pendingVariants = [];
    this.pendingId = undefined;
    this.rowReject = false;
    this.weightSeen = false;
  }

  private invalid(j: number, code: string, message: string): void {
    this.rowIssues.push({
      code,
      message,
      row: this.rowNumber + 1,
      column: j + 1,
      field: this.fieldNames[j] ?? '',
    });
    this.badColumns.push(j);
  }

  /**
   * Ends a CSV record that is not a clean row: a repeat of the header row
   * or of the `sep=` line (two exports joined) is skipped and reported, not
   * read; anything else is
   * settled as a row. A header row never passes as a clean row, as its
   * cells are no answers (unless every column is ignored or an id).
   */
  private endRecord(fields: number, buf: Uint8Array, s: number, e: number): void {
    const header = this.header;
    if (
      header === undefined ||
      !(repeatsHeader(header, buf, s, e) || isSepRecord(buf, s, e, this.delimiter))
    ) {
      this.endRow(fields);
      return;
    }
    this.rowNumber++;
    this.issue({
      code: 'repeated-header',
      message:
        'the row repeats the header or the sep= line (two exports joined?); it is skipped and not counted as read',
      row: this.rowNumber,
    });
    this.clearSlot();
    if (this.ids !== undefined && this.ids.length > this.size) this.ids.length = this.size;
    this.beginRow();
  }

  private endRow(fields: number): void {
    this.settleRow(fields);
    this.beginRow();
  }

  private settleRow(fields: number): void {
    const row = this.rowNumber + 1;
    if (this.pendingId !== undefined) this.checkId(row);
    const columns = this.kinds.length;
    if (fields >= 0 && fields !== columns && columns > 0) {
      const column = Math.min(fields, columns) + 1;
      this.rowIssues.push({
        code: fields < columns ? 'missing-fields' : 'extra-fields',
        message: `the row has ${fields} fields; the header has ${columns}`,
        row,
        column,
        field: this.fieldNames[column - 1] ?? '',
      });
    }
    const weightMissing = fields >= 0 ? fields <= this.weightColumnIndex : !this.weightSeen;
    if (this.weights !== undefined && weightMissing && !this.rowReject) {
      this.badWeight(this.weightColumnIndex, 'missing-weight', 'the weight is missing');
    }
    this.read++;
    this.rowNumber++;
    const duplicate = this.duplicate;
    this.duplicate = undefined;
    if (duplicate !== undefined && this.rowIssues.length > 0) {
      // An invalid row with a repeated id is rejected as before.
      this.rowReject = true;
      this.rowIssues.push(duplicate.issue);
      this.badColumns.push(duplicate.column);
    }
    if (this.rowIssues.length === 0) {
      this.commit(row);
      if (duplicate !== undefined) this.settleDuplicate(row, duplicate.first, duplicate.issue);
      return;
    }
    if (this.policy === 'fail') {
      const issues = [...this.issues, ...this.rowIssues];
      throw new EduQualityError(
        'invalid-input',
        `readResponses: row ${row} is invalid (onInvalid: 'fail')`,
        { issues },
      );
    }
    for (const issue of this.rowIssues) this.issue(issue);
    if (this.policy === 'reject-row' || this.rowReject) {
      this.rejected++;
      this.clearSlot();
      return;
    }
    for (const j of this.badColumns) {
      const kind = this.kinds[j];
      if (kind === ID) this.ids![this.size] = '';
      else if (kind === MULTI_SPLIT)
        (this.targets[j] as MultiBuilder).selected[this.splitOption[j]!]![this.size] =
          SCALE_MISSING;
      else if (kind !== WEIGHT && kind !== IGNORE) this.targets[j]?.clear(this.size);
    }
    this.dropped += this.badColumns.length;
    this.commit(row);
  }

  /** Whether a clean row may be committed inline by the scanner, without settleRow. */
  private fastCommit(): boolean {
    // Rows with an id go through settleRow, which looks for a repeated id.
    return this.splitMultis.size === 0 && this.ids === undefined;
  }

  /** Reports the row's id if an earlier row had it, under options.duplicateIds. */
  private checkId(row: number): void {
    const ids = this.respondentIds!;
    const first = ids.firstRow(this.pendingId!, row);
    if (first === 0) return;
    const j = this.pendingIdColumn;
    // The row numbers identify the rows; the id itself may be personal data.
    const issue: Issue = {
      code: 'duplicate-id',
      message: `the respondent id repeats that of row ${first}`,
      row,
      column: j + 1,
      field: this.fieldNames[j] ?? '',
    };
    if (ids.policy === 'keep') this.notices.push(issue);
    else if (ids.policy === 'fail') {
      throw new EduQualityError(
        'invalid-input',
        `readResponses: row ${row} repeats the respondent id of row ${first} (duplicateIds: 'fail')`,
        { issues: [...this.issues, issue] },
      );
    } else {
      // Settled in settleRow, once the row's answers are known.
      this.duplicate = { first, issue, column: j };
    }
  }

  /**
   * Settles a valid row, just committed, whose id repeats that of row
   * `first` under `duplicateIds: 'reject'`: the same answers as the first
   * row's (a respondent sent twice) reject it; different answers are a
   * conflict that keeping either row cannot resolve, and refuse the file.
   */
  private settleDuplicate(row: number, first: number, issue: Issue): void {
    const slot = this.size - 1;
    const firstSlot = this.slotOfRow(first);
    if (firstSlot >= 0 && !this.sameAnswers(firstSlot, slot)) {
      const message = `rows ${first} and ${row} have the same respondent id and different answers; which one is the respondent's cannot be told, so the file is not read (duplicateIds: 'keep' reads both)`;
      throw new EduQualityError('invalid-input', `readResponses: ${message}`, {
        issues: [...this.issues, { ...issue, message }],
      });
    }
    // Take the row back out: the same respondent twice counts once.
    for (const builder of this.builders.values()) {
      if (builder.kind === 'text' && builder.rows[builder.rows.length - 1] === slot) {
        builder.rows.pop();
        builder.values.pop();
      }
    }
    this.size = slot;
    this.clearSlot();
    if (this.ids !== undefined && this.ids.length > slot) this.ids.length = slot;
    this.issue(issue);
    this.rejected++;
  }

  /** The slot of the committed row `row`, or -1 when that row was not committed. */
  private slotOfRow(row: number): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const r = this.sourceRows[mid]!;
      if (r === row) return mid;
      if (r < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Whether the committed slots `a` and `b` hold the same answers and weight. */
  private sameAnswers(a: number, b: number): boolean {
    const same = (x: number, y: number): boolean => x === y || (x !== x && y !== y);
    if (this.weights !== undefined && !same(this.weights.values[a]!, this.weights.values[b]!)) {
      return false;
    }
    for (const builder of this.builders.values()) {
      switch (builder.kind) {
        case 'scale':
        case 'number':
          if (!same(builder.values[a]!, builder.values[b]!)) return false;
          break;
        case 'category':
          if (builder.codes[a] !== builder.codes[b]) return false;
          break;
        case 'multi':
          for (const column of builder.selected) if (column[a] !== column[b]) return false;
          break;
        case 'text':
          if (textAt(builder, a) !== textAt(builder, b)) return false;
          break;
      }
    }
    return true;
  }

  private clearSlot(): void {
    const slot = this.size;
    for (const builder of this.builders.values()) builder.clear(slot);
    this.weights?.clear(slot);
  }

  private commit(row: number): void {
    const slot = this.size;
    for (const [builder, text] of this.pendingText) {
      builder.rows.push(slot);
      builder.values.push(text);
    }
    for (const [builder, text] of this.pendingCategory) {
      const code = builder.options.add(text);
      builder.codes[slot] = code;
      const variant = builder.options.variants.classify(text, code);
      if (variant >= 0) builder.options.variants.count(variant, row);
    }
    for (const [variants, index] of this.pendingVariants) variants.count(index, row);
    for (const multi of this.splitMultis) multi.settle(slot);
    if (this.ids !== undefined && this.ids.length <= slot) this.ids[slot] = '';
    this.sourceRows[slot] = row;
    this.size = slot + 1;
    if (this.size === this.capacity) this.grow();
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    this.capacity = capacity;
    for (const builder of this.builders.values()) builder.grow(capacity);
    this.weights?.grow(capacity);
    this.scales.forEach((builder, j) => {
      if (builder !== undefined) this.scaleValues[j] = builder.values;
    });
    const rows = new Uint32Array(capacity);
    rows.set(this.sourceRows);
    this.sourceRows = rows;
  }

  /** The refusal of a quote opening field `j` of the current row that does not close. */
  private runaway(j: number): EduQualityError {
    return runawayQuote(this.rowNumber + 1, j + 1, this.fieldNames[j] ?? '');
  }

  // ----------------------------------------------------------------- cells

  /**
   * The refusal of a quote opening field `j` of the current row that runs
   * over line breaks and closes with text after it (a stray quote).
   */
  private stray(j: number): EduQualityError {
    return strayQuote(this.rowNumber + 1, j + 1, this.fieldNames[j] ?? '');
  }

  /** The slow path of a CSV cell: labels, text, quoted cells, decimals. */
  private cellBytes(j: number, buf: Uint8Array, s: number, e: number, escaped: boolean): void {
    const slot = this.size;
    switch (this.kinds[j]) {
      case SCALE: {
        const builder = this.scales[j]!;
        let code = builder.cache.get(buf, s, e);
        if (code === MISS) {
          const text = decodeCell(buf, s, e, escaped);
          code =
            text === undefined
              ? BAD_UTF8
              : text.trim() === ''
                ? SCALE_MISSING
                : builder.resolve(text);
          if (code >= 0 && code !== SCALE_MISSING) {
            code = variantCode(builder.variantOf(text!, code), code);
          }
          builder.cache.set(buf, s, e, code);
        }
        if (code <= VARIANT) code = this.variant(builder.variants, code);
        if (code >= 0) builder.values[slot] = code;
        else this.badCell(j, code, buf, s, e, escaped);
        return;
      }
      case CATEGORY: {
        const builder = this.targets[j] as CategoryBuilder;
        let code = builder.cache.get(buf, s, e);
        if (code === MISS) {
          const text = decodeCell(buf, s, e, escaped);
          code = text === undefined ? BAD_UTF8 : text.trim() === '' ? BLANK : builder.resolve(text);
          if (code >= 0) code = variantCode(builder.options.variants.classify(text!, code), code);
          if (code === INVALID && builder.acceptUnlisted && text !== undefined) {
            // Not cached: once committed, the code is in the dictionary.
            builder.codes[slot] = -1;
            this.pendingCategory.push([builder, text]);
            return;
          }
          builder.cache.set(buf, s, e, code);
        }
        if (code <= VARIANT) code = this.variant(builder.options.variants, code);
        if (code >= 0) builder.codes[slot] = code;
        else if (code === BLANK) builder.codes[slot] = -1;
        else this.badCell(j, code, buf, s, e, escaped);
        return;
      }
      case NUMBER:
      case WEIGHT: {
        if (this.kinds[j] === WEIGHT) this.weightSeen = true;
        const builder =
          this.kinds[j] === WEIGHT ? this.weights! : (this.targets[j] as NumberBuilder);
        if (isBlank(buf, s, e)) {
          builder.values[slot] = NaN;
          if (this.kinds[j] === WEIGHT)
            this.badWeight(j, 'missing-weight', 'the weight is missing');
          return;
        }
        const text = decodeCell(buf, s, e, escaped) ?? '';
        this.numberCell(j, builder, readNumber(text, this.settings.decimalMark), text);
        return;
      }
      case MULTI_SPLIT: {
        if (e - s === 1 && (buf[s] === 48 || buf[s] === 49)) {
          (this.targets[j] as MultiBuilder).selected[this.splitOption[j]!]![slot] = buf[s] - 48;
          return;
        }
        break;
      }
      case IGNORE:
        return;
    }
    const text = decodeCell(buf, s, e, escaped);
    if (text === undefined) this.badCell(j, BAD_UTF8, buf, s, e, escaped);
    else this.cellText(j, text);
  }

  /** The stored code of a cached look-alike answer, noted for the row. */
  private variant(variants: LabelVariants, cached: number): number {
    const index = VARIANT - cached;
    this.pendingVariants.push([variants, index]);
    return variants.codeOf(index);
  }

  private noteVariant(variants: LabelVariants, index: number): void {
    if (index >= 0) this.pendingVariants.push([variants, index]);
  }

  private badCell(
    j: number,
    code: number,
    buf: Uint8Array,
    s: number,
    e: number,
    escaped: boolean,
  ): void {
    const item = this.targets[j]?.item?.id ?? this.fieldNames[j] ?? '';
    if (code === BAD_UTF8) {
      this.invalid(j, 'invalid-utf8', `${item}: the answer is not valid UTF-8`);
      return;
    }
    const text = decodeCell(buf, s, e, escaped) ?? '';
    this.invalidAnswer(j, text);
  }

  private invalidAnswer(j: number, text: string): void {
    const target = this.targets[j];
    const item = target?.item?.id ?? '';
    const what =
      target?.kind === 'scale'
        ? "a code or label of the item's scale"
        : target?.kind === 'category' || target?.kind === 'multi'
          ? "one of the item's options"
          : 'a valid answer';
    this.invalid(j, 'invalid-answer', `${item}: ${describe(text)} is not ${what}`);
  }

  private badWeight(j: number, code: string, message: string): void {
    this.rowReject = true;
    this.invalid(j, code, message);
  }

  private numberCell(j: number, builder: NumberBuilder, value: NumberReading, text: string): void {
    const slot = this.size;
    if (value !== AMBIGUOUS_NUMBER && builder.accepts(value)) {
      builder.values[slot] = value;
      return;
    }
    builder.values[slot] = NaN;
    const shown = describe(text);
    if (value === AMBIGUOUS_NUMBER) {
      const message = `${shown} may group thousands or mark decimals; set options.decimalMark to read it`;
      if (this.kinds[j] === WEIGHT) this.badWeight(j, 'ambiguous-number', `the weight ${message}`);
      else this.invalid(j, 'ambiguous-number', `${builder.item?.id ?? ''}: ${message}`);
    } else if (this.kinds[j] === WEIGHT) {
      const [code, message] = weightProblem(value, shown);
      this.badWeight(j, code, message);
    } else if (Number.isNaN(value)) {
      this.invalid(j, 'invalid-number', `${builder.item?.id ?? ''}: ${shown} is not a number`);
    } else {
      this.invalid(
        j,
        'out-of-range',
        `${builder.item?.id ?? ''}: ${shown} is outside the item's range`,
      );
    }
  }

  private numberValue(j: number, value: number): void {
    const weight = this.kinds[j] === WEIGHT;
    if (weight) this.weightSeen = true;
    const builder = weight ? this.weights! : (this.targets[j] as NumberBuilder);
    this.numberCell(j, builder, value, String(value));
  }

  /** A cell given as text (the slow path of CSV, and every record value). */
  private cellText(j: number, value: CellValue): void {
    const slot = this.size;
    const kind = this.kinds[j];
    if (typeof value !== 'string') {
      if (kind === MULTI) this.multiTokens(j, value);
      else
        this.invalid(
          j,
          'invalid-answer',
          `${this.targets[j]?.item?.id ?? this.fieldNames[j] ?? ''}: a list is not a valid answer`,
        );
      return;
    }
    switch (kind) {
      case SCALE: {
        const builder = this.scales[j]!;
        const code = value.trim() === '' ? SCALE_MISSING : builder.resolve(value);
        if (code >= 0) {
          builder.values[slot] = code;
          if (code !== SCALE_MISSING)
            this.noteVariant(builder.variants, builder.variantOf(value, code));
        } else this.invalidAnswer(j, value);
        return;
      }
      case CATEGORY: {
        const builder = this.targets[j] as CategoryBuilder;
        if (value.trim() === '') {
          builder.codes[slot] = -1;
          return;
        }
        const code = builder.resolve(value);
        if (code >= 0) {
          builder.codes[slot] = code;
          this.noteVariant(
            builder.options.variants,
            builder.options.variants.classify(value, code),
          );
        } else if (builder.acceptUnlisted) {
          builder.codes[slot] = -1;
          this.pendingCategory.push([builder, value]);
        } else this.invalidAnswer(j, value);
        return;
      }
      case NUMBER:
      case WEIGHT: {
        if (kind === WEIGHT) this.weightSeen = true;
        const builder = kind === WEIGHT ? this.weights! : (this.targets[j] as NumberBuilder);
        if (value.trim() === '') {
          builder.values[slot] = NaN;
          if (kind === WEIGHT) this.badWeight(j, 'missing-weight', 'the weight is missing');
          return;
        }
        this.numberCell(j, builder, readNumber(value, this.settings.decimalMark), value);
        return;
      }
      case TEXT: {
        const builder = this.targets[j] as TextBuilder;
        if (value === '') return;
        if (value.length > builder.maxLength && codePoints(value) > builder.maxLength) {
          this.invalid(
            j,
            'too-long',
            `${builder.item.id}: the answer is longer than ${builder.maxLength} characters`,
          );
          return;
        }
        this.pendingText.push([builder, value]);
        return;
      }
      case ID:
        this.ids![slot] = value;
        this.pendingId = value;
        this.pendingIdColumn = j;
        return;
      case MULTI: {
        const trimmed = value.trim();
        if (trimmed === '') {
          (this.targets[j] as MultiBuilder).clear(slot);
          return;
        }
        const builder = this.targets[j] as MultiBuilder;
        const whole = builder.options.index.get(normalizeLabel(trimmed));
        this.multiTokens(j, whole !== undefined ? [trimmed] : trimmed.split(this.separators));
        return;
      }
      case MULTI_SPLIT: {
        const builder = this.targets[j] as MultiBuilder;
        const t = value.trim().toLowerCase();
        const bit =
          t === '1' || t === 'true'
            ? 1
            : t === '0' || t === 'false'
              ? 0
              : t === ''
                ? SCALE_MISSING
                : -1;
        if (bit >= 0) builder.selected[this.splitOption[j]!]![slot] = bit;
        else
          this.invalid(j, 'invalid-answer', `${builder.item.id}: ${describe(value)} is not 0 or 1`);
        return;
      }
    }
  }

  private multiTokens(j: number, tokens: readonly string[]): void {
    const builder = this.targets[j] as MultiBuilder;
    const chosen = new Set<number>();
    for (const raw of tokens) {
      const token = raw.trim();
      if (token === '') continue;
      const index = builder.options.index.get(normalizeLabel(token));
      if (index !== undefined) {
        chosen.add(index);
        continue;
      }
      // Kobo separates the codes of a multi answer with spaces.
      for (const part of token.split(/\s+/)) {
        const k = builder.options.index.get(normalizeLabel(part));
        if (k === undefined) {
          builder.clear(this.size);
          this.invalidAnswer(j, '');
          return;
        }
        chosen.add(k);
      }
    }
    if (chosen.size < builder.minSelected || chosen.size > builder.maxSelected) {
      builder.clear(this.size);
      this.invalid(
        j,
        'selection-count',
        `${builder.item.id}: ${chosen.size} options chosen, outside the allowed count`,
      );
      return;
    }
    builder.selected.forEach((column, k) => {
      column[this.size] = chosen.has(k) ? 1 : 0;
    });
  }

  // -------------------------------------------------------------- records

  /** Switches to records mode: no header; keys are planned as they appear. */
  beginRecords(): void {
    this.headerDone = true;
    this.records = true;
    this.rowNumber = 1;
  }

  /** Reads one record of an array source. */
  pushRecord(record: unknown): void {
    this.beginRow();
    let entries: Iterable<[unknown, unknown]>;
    if (record instanceof Map) entries = record as Map<unknown, unknown>;
    else if (typeof record === 'object' && record !== null && !Array.isArray(record)) {
      entries = Object.entries(record);
    } else {
      this.rowIssues.push({
        code: 'invalid-record',
        message: 'the record is not an object',
        row: this.rowNumber + 1,
      });
      this.rowReject = true;
      this.endRow(-1);
      return;
    }
    for (const [key, value] of entries) {
      if (typeof key !== 'string') continue;
      let j = this.keyColumns.get(key);
      if (j === undefined) {
        j = this.kinds.length;
        this.keyColumns.set(key, j);
        this.planColumn(j, key);
      }
      if (this.kinds[j] === IGNORE) continue;
      if (typeof value === 'number' && (this.kinds[j] === NUMBER || this.kinds[j] === WEIGHT)) {
        // A JSON number has no decimal mark to guess: 1.125 is never 1125.
        this.numberValue(j, value);
        continue;
      }
      const cell = toCell(value);
      if (cell === undefined)
        this.invalid(
          j,
          'invalid-answer',
          `${this.targets[j]?.item?.id ?? this.fieldNames[j] ?? ''}: the value is not a string, number or boolean`,
        );
      else this.cellText(j, cell);
    }
    this.endRow(-1);
  }

  // ------------------------------------------------------------------- CSV

  /** Feeds a chunk of bytes. */
  push(bytes: Uint8Array): void {
    // A plain view, so the hot loop sees one array type (not Buffer and Uint8Array).
    const chunk =
      bytes.constructor === Uint8Array
        ? bytes
        : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.bytesRead.value += chunk.length;
    if (!this.headerDone) {
      this.append(chunk, 0, chunk.length);
      if (this.workLength >= this.nextAttempt && this.tryHeader(false)) this.drain(false);
      return;
    }
    let from = 0;
    if (this.workLength > 0) {
      const lf = this.workLength < 1 << 16 ? chunk.indexOf(LF) : -1;
      if (lf < 0) {
        this.append(chunk, 0, chunk.length);
        if (this.workLength >= this.nextAttempt) this.drain(false);
        return;
      }
      // Finish the record cut by the previous chunk without copying this one.
      this.append(chunk, 0, lf + 1);
      const consumed = this.scan(this.work, 0, this.workLength, false);
      if (consumed !== this.workLength) {
        this.compact(consumed);
        this.append(chunk, lf + 1, chunk.length);
        if (this.workLength >= this.nextAttempt) this.drain(false);
        return;
      }
      this.workLength = 0;
      from = lf + 1;
    }
    const consumed = this.scan(chunk, from, chunk.length, false);
    this.append(chunk, consumed, chunk.length);
    this.nextAttempt = 0;
  }

  private append(chunk: Uint8Array, s: number, e: number): void {
    const need = this.workLength + (e - s);
    if (need > this.work.length) {
      const grown = new Uint8Array(Math.max(need, this.work.length * 2));
      grown.set(this.work.subarray(0, this.workLength));
      this.work = grown;
    }
    this.work.set(chunk.subarray(s, e), this.workLength);
    this.workLength = need;
  }

  private compact(consumed: number): void {
    if (consumed === 0) return;
    this.work.copyWithin(0, consumed, this.workLength);
    this.workLength -= consumed;
  }

  private drain(final: boolean): void {
    const consumed = this.scan(this.work, 0, this.workLength, final);
    this.compact(consumed);
    // A record longer than the buffer is scanned again only once the bytes
    // waiting have doubled, so a huge multi-line cell costs linear time.
    this.nextAttempt = consumed === 0 ? this.workLength * 2 : 0;
  }

  /** Reads the header once its record is complete; returns whether it was. */
  private tryHeader(final: boolean): boolean {
    const buf = this.work;
    const end = this.workLength;
    let s = 0;
    if (end < 3 && !final) return false;
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) s = 3;
    const sep = sepLine(buf, s, end, final);
    if (sep === null) {
      this.nextAttempt = end + 1;
      return false;
    }
    if (sep !== undefined) s = this.useSepLine(sep.delimiter, sep.next);
    let blank = 0;
    while (s < end && (buf[s] === LF || buf[s] === CR)) {
      if (buf[s] === LF || buf[s + 1] !== LF) blank++;
      s++;
    }
    // Find the end of the header record, counting delimiter candidates outside quotes.
    const counts = [0, 0, 0, 0];
    let quoted = false;
    let lineEnd = -1;
    let opened = -1;
    let lineFeeds = 0;
    for (let i = s; i < end; i++) {
      const c = buf[i]!;
      if (c === QUOTE) {
        quoted = !quoted;
        opened = i;
        lineFeeds = 0;
      } else if (quoted) {
        if (c === LF && ++lineFeeds > MAX_QUOTED_LINE_FEEDS) this.headerRunaway(counts, blank);
      } else {
        if (c === LF || c === CR) {
          lineEnd = i;
          break;
        }
        const k = c === 44 ? 0 : c === 59 ? 1 : c === 9 ? 2 : c === 124 ? 3 : -1;
        if (k >= 0) counts[k]!++;
      }
    }
    if (quoted && final && opened >= 0) this.headerRunaway(counts, blank);
    if (lineEnd < 0 && !final) {
      this.nextAttempt = end * 2;
      return false;
    }
    if (lineEnd < 0) lineEnd = end;
    if (lineEnd === s && s >= end) {
      this.headerDone = true;
      this.rowNumber = blank;
      this.issue({ code: 'no-header', message: 'the input has no header row', row: 1 });
      this.workLength = 0;
      return true;
    }
    if (this.settings.delimiter === undefined && !this.sepDelimiter) {
      this.delimiter = DELIMITERS[mostFrequent(counts)]!.charCodeAt(0);
    }
    this.rowNumber = blank;
    const names: (string | undefined)[] = [];
    const next = this.scanRecord(buf, s, end, final, (j, bs, be, escaped) => {
      names[j] = decodeCell(buf, bs, be, escaped);
    });
    if (next < 0) return false;
    this.header = headerBytes(buf, s, next);
    this.setHeader(names);
    this.rowNumber++;
    this.compact(next);
    this.nextAttempt = 0;
    return true;
  }

  /**
   * Takes the delimiter of an Excel `sep=` first line (not a row: Excel
   * hides it); returns the offset after the line.
   */
  private useSepLine(delimiter: number, next: number): number {
    const named = String.fromCharCode(delimiter);
    const shown = named === '\t' ? 'tab' : named;
    if (!(DELIMITERS as readonly string[]).includes(named)) {
      throw new EduQualityError(
        'invalid-input',
        `readResponses: the first line sep=${safeField(named)} names a delimiter other than , ; tab |`,
        {
          issues: [
            { code: 'invalid-delimiter', message: 'the sep= line names an unsupported delimiter' },
          ],
        },
      );
    }
    const given = this.settings.delimiter;
    if (given !== undefined && given !== named) {
      throw new EduQualityError(
        'invalid-argument',
        `readResponses: options.delimiter is ${given === '\t' ? 'tab' : given}, but the file's first line sep=${shown} names ${shown}; leave the option out or make them agree`,
      );
    }
    this.delimiter = delimiter;
    this.sepDelimiter = true;
    return next;
  }

  /** Refuses a header whose quoted cell runs away; the column is a best guess before the delimiter is known. */
  private headerRunaway(counts: readonly number[], blank: number): never {
    const given = this.settings.delimiter;
    const k =
      this.sepDelimiter || given !== undefined
        ? DELIMITERS.findIndex((x) => x.charCodeAt(0) === this.delimiter)
        : mostFrequent(counts);
    throw runawayQuote(blank + 1, counts[k]! + 1, '');
  }

  /**
   * Splits one record (the header) into cells; returns the offset after it,
   * or -1 when it is incomplete.
   */
  private scanRecord(
    buf: Uint8Array,
    start: number,
    end: number,
    final: boolean,
    cell: (j: number, s: number, e: number, escaped: boolean) => void,
  ): number {
    const d = this.delimiter;
    let i = start;
    for (let j = 0; ; j++) {
      if (i < end && buf[i] === QUOTE) {
        let q = i + 1;
        let escaped = false;
        for (;;) {
          while (q < end && buf[q] !== QUOTE) q++;
          if (q + 1 < end && buf[q + 1] === QUOTE) {
            escaped = true;
            q += 2;
            continue;
          }
          break;
        }
        if (q >= end || (q + 1 >= end && !final)) {
          if (!final) return -1;
          this.issue({
            code: 'unbalanced-quote',
            message: 'a quoted header is not closed',
            row: this.rowNumber + 1,
            column: j + 1,
          });
          cell(j, i + 1, end, escaped);
          return end;
        }
        cell(j, i + 1, q, escaped);
        i = q + 1;
        while (i < end && buf[i] !== d && buf[i] !== LF && buf[i] !== CR) i++;
      } else {
        const s = i;
        while (i < end && buf[i] !== d && buf[i] !== LF && buf[i] !== CR) i++;
        cell(j, s, i, false);
      }
      if (i >= end) return final ? end : -1;
      if (buf[i] === d) {
        i++;
        continue;
      }
      if (buf[i] === CR) {
        if (i + 1 >= end && !final) return -1;
        return buf[i + 1] === LF ? i + 2 : i + 1;
      }
      return i + 1;
    }
  }

  /**
   * Scans complete records in `buf[start, end)` straight into the columns.
   * Returns the offset of the first byte not consumed (the start of a record
   * cut by the end of the buffer, unless `final`).
   */
  private scan(buf: Uint8Array, start: number, end: number, final: boolean): number {
    let i = start;
    // Up to the last line feed every unquoted cell ends at a stop byte before
    // the limit, so the fast loop needs no bounds check per byte; the rest
    // (a cut record, a file with CR-only line ends, the end of the input) goes
    // through the general loop.
    const lastLf = end > start ? buf.lastIndexOf(LF, end - 1) : -1;
    if (lastLf >= start) i = this.scanLines(buf, start, lastLf + 1);
    return i < end ? this.scanAny(buf, i, end, final) : i;
  }

  /**
   * The hot loop, over `buf[start, limit)` where `buf[limit - 1]` is a line
   * feed. Each field is dispatched on its column's small-integer kind and the
   * common cells are parsed while their end is sought, byte by byte, with no
   * string made: a scale code of one or two digits, a blank, a category label
   * (hashed as it is read, then looked up by its bytes), a plain decimal
   * number. Anything else takes the general cell path (cellBytes), which
   * gives the same result for these cells too. Returns the offset after the
   * last complete record; a record whose quoted cell runs past the limit is
   * left to {@link Ingest.scanAny}.
   */
  private scanLines(buf: Uint8Array, start: number, limit: number): number {
    const d = this.delimiter;
    const kinds = this.kinds;
    const columns = kinds.length;
    const codeTable = this.codeTable;
    const stops = this.stops;
    const scaleValues = this.scaleValues;
    const targets = this.targets;
    const fastCommit = this.fastCommit();
    // The marks the fast path reads as a decimal separator; without a declared
    // mark, a separator followed by exactly three digits may group thousands
    // (1,250), so such a cell is left to readNumber.
    const markA = this.markA;
    const markB = this.markB;
    const guess = this.settings.decimalMark === undefined;
    this.beginRow();
    let i = start;
    while (i < limit) {
      const recordStart = i;
      let c = buf[i]!;
      if (c === LF || c === CR) {
        // A blank line is no record, but it is a row as a spreadsheet shows it.
        i += c === CR && buf[i + 1] === LF ? 2 : 1;
        this.rowNumber++;
        continue;
      }
      const slot = this.size;
      let j = 0;
      // Invariant at the top of each field: c === buf[i], its first byte.
      fields: for (;;) {
        if (c === QUOTE) {
          const open = i;
          let q = i + 1;
          let escaped = false;
          for (;;) {
            while (q < limit && buf[q] !== QUOTE) q++;
            // The limit's line feed is inside the quotes: the record goes on past it.
            if (q >= limit) return recordStart;
            // buf[limit - 1] is a line feed, so q + 1 < limit.
            if (buf[q + 1] !== QUOTE) break;
            escaped = true;
            q += 2;
          }
          if (tooManyLineFeeds(buf, open, q)) throw this.runaway(j);
          i = q + 1;
          c = buf[i]!;
          if (c !== d && c !== LF && c !== CR) {
            if (spansLines(buf, open, q)) throw this.stray(j);
            while (stops[c] === 0) c = buf[++i]!;
            if (j < columns && kinds[j] !== IGNORE) {
              this.invalid(
                j,
                'malformed-quotes',
                `${this.fieldNames[j] ?? ''}: text follows the closing quote of the cell`,
              );
            }
          } else if (j < columns && kinds[j] !== IGNORE) {
            this.cellBytes(j, buf, open + 1, q, escaped);
          }
        } else {
          const kind = j < columns ? kinds[j]! : IGNORE;
          if (kind === SCALE) {
            // A run of one-digit codes with their delimiters ("4,5,3,"), the
            // usual shape of a Likert block, without the per-field dispatch.
            const first = j;
            for (;;) {
              const x = c - 48;
              // buf[i] is a digit, not the limit's line feed, so i + 1 < limit.
              if (x >>> 0 >= 10 || buf[i + 1] !== d) break;
              const code = codeTable[(j << 8) + x]!;
              if (code < 0) break;
              scaleValues[j]![slot] = code;
              // The delimiter is not the limit's line feed either: i + 2 < limit.
              i += 2;
              c = buf[i]!;
              if (++j >= columns || kinds[j] !== SCALE) continue fields;
            }
            // Field j is not such a cell: take it from the top (it may be quoted).
            if (j !== first) continue;
          }
          const s = i;
          let done = false;
          switch (kind) {
            case SCALE: {
              let x = c - 48;
              if (x >>> 0 < 10) {
                c = buf[++i]!;
                const y = c - 48;
                if (y >>> 0 < 10) {
                  x = x * 10 + y;
                  c = buf[++i]!;
                }
                // x < 100, within the column's 256 entries of the table.
                if (c === d || c === LF || c === CR) {
                  const code = codeTable[(j << 8) + x]!;
                  if (code >= 0) {
                    scaleValues[j]![slot] = code;
                    done = true;
                  }
                }
              } else if (c === d || c === LF || c === CR) {
                scaleValues[j]![slot] = SCALE_MISSING;
                done = true;
              }
              break;
            }
            case CATEGORY: {
              // Up to 3 bytes are packed as they are read: the usual cells
              // (yes, no, blank) then cost one int lookup and no hashing.
              // A short-key miss is left to cellBytes, which is exact.
              let key = 0;
              let n = 0;
              while (n < 3 && stops[c] === 0) {
                key = (key << 8) | c;
                c = buf[++i]!;
                n++;
              }
              let code: number;
              const builder = targets[j] as CategoryBuilder;
              if (stops[c] !== 0) code = builder.cache.findShort(packedKey(n, key));
              else {
                let h = HASH_SEED;
                for (let k = s; k < i; k++) h = Math.imul(h ^ buf[k]!, HASH_PRIME);
                while (stops[c] === 0) {
                  h = Math.imul(h ^ c, HASH_PRIME);
                  c = buf[++i]!;
                }
                code = builder.cache.find(buf, s, i, h);
              }
              if (code >= 0) {
                builder.codes[slot] = code;
                done = true;
              } else if (code === BLANK) {
                builder.codes[slot] = CATEGORY_MISSING;
                done = true;
              }
              break;
            }
            case NUMBER:
            case WEIGHT: {
              // A plain decimal: digits with at most one separator, as
              // readNumber reads it (same value: mantissa / 10^k).
              let mantissa = 0;
              let digits = 0;
              let decimals = 0;
              let separator = false;
              for (;;) {
                const x = c - 48;
                if (x >>> 0 < 10) {
                  mantissa = mantissa * 10 + x;
                  digits++;
                  if (separator) decimals++;
                } else if ((c === markA || c === markB) && c !== d && !separator) separator = true;
                else break;
                c = buf[++i]!;
              }
              if (
                (c === d || c === LF || c === CR) &&
                digits > 0 &&
                digits <= 15 &&
                !(guess && separator && decimals === 3 && digits > 3 && digits < 7 && buf[s] !== 48)
              ) {
                const value = decimals === 0 ? mantissa : mantissa / POW10[decimals]!;
                const builder = kind === WEIGHT ? this.weights! : (targets[j] as NumberBuilder);
                if (builder.accepts(value)) {
                  builder.values[slot] = value;
                  if (kind === WEIGHT) this.weightSeen = true;
                  done = true;
                }
              }
              break;
            }
          }
          if (!done) {
            i = s;
            c = buf[i]!;
            while (stops[c] === 0) c = buf[++i]!;
            if (kind !== IGNORE) this.cellBytes(j, buf, s, i, false);
          }
        }
        j++;
        // c === buf[i]: the delimiter or a line end.
        if (c === d) {
          c = buf[++i]!;
          continue;
        }
        i += c === CR && buf[i + 1] === LF ? 2 : 1;
        break;
      }
      if (
        j === columns &&
        fastCommit &&
        this.rowIssues.length === 0 &&
        this.pendingText.length === 0 &&
        this.pendingCategory.length === 0 &&
        this.pendingVariants.length === 0
      ) {
        // A clean, complete row: the common case, committed inline.
        this.read++;
        this.sourceRows[slot] = ++this.rowNumber;
        if (++this.size === this.capacity) this.grow();
      } else this.endRecord(j, buf, recordStart, i);
    }
    return i;
  }

  /**
   * The general loop: scans complete records in `buf[start, end)`, bounds
   * checked byte by byte; it handles the tail after the last line feed, CR-only
   * line ends and the end of the input.
   */
  private scanAny(buf: Uint8Array, start: number, end: number, final: boolean): number {
    const d = this.delimiter;
    const kinds = this.kinds;
    const codeTable = this.codeTable;
    const stops = this.stops;
    const fastCommit = this.fastCommit();
    this.beginRow();
    const scaleValues = this.scaleValues;
    const columns = kinds.length;
    let i = start;
    while (i < end) {
      const recordStart = i;
      let c = buf[i]!;
      if (c === LF || c === CR) {
        // A blank line is no record, but it is a row as a spreadsheet shows it.
        if (c === CR) {
          if (i + 1 >= end && !final) return recordStart;
          i += buf[i + 1] === LF ? 2 : 1;
        } else i++;
        this.rowNumber++;
        continue;
      }
      const slot = this.size;
      let j = 0;
      for (;;) {
        if (i < end && buf[i] === QUOTE) {
          const open = i;
          let q = i + 1;
          let escaped = false;
          let close = -1;
          for (;;) {
            while (q < end && buf[q] !== QUOTE) q++;
            if (q >= end) break;
            if (q + 1 < end) {
              if (buf[q + 1] === QUOTE) {
                escaped = true;
                q += 2;
                continue;
              }
            } else if (!final) break;
            close = q;
            break;
          }
          if (close < 0) {
            if (!final && !tooManyLineFeeds(buf, open, end)) return recordStart;
            throw this.runaway(j);
          }
          if (tooManyLineFeeds(buf, open, close)) throw this.runaway(j);
          i = close + 1;
          if (i < end && (c = buf[i]!) !== d && c !== LF && c !== CR) {
            if (spansLines(buf, open, close)) throw this.stray(j);
            while (i < end && (c = buf[i]!) !== d && c !== LF && c !== CR) i++;
            if (i >= end && !final) return recordStart;
            if (j < columns && kinds[j] !== IGNORE) {
              this.invalid(
                j,
                'malformed-quotes',
                `${this.fieldNames[j] ?? ''}: text follows the closing quote of the cell`,
              );
            }
          } else if (j < columns && kinds[j] !== IGNORE) {
            this.cellBytes(j, buf, open + 1, close, escaped);
          }
        } else {
          const s = i;
          if (i < end) {
            while (stops[buf[i]!] === 0) if (++i === end) break;
          }
          if (i >= end && !final) return recordStart;
          if (j < columns) {
            const kind = kinds[j];
            if (kind === SCALE) {
              // Fast path: one- and two-digit codes, and blanks, without the cache.
              const length = i - s;
              let code = -1;
              if (length === 1) {
                const a = buf[s]! - 48;
                if (a >>> 0 < 10) code = codeTable[(j << 8) + a]!;
              } else if (length === 2) {
                const a = buf[s]! - 48;
                const b = buf[s + 1]! - 48;
                if (a >>> 0 < 10 && b >>> 0 < 10) code = codeTable[(j << 8) + a * 10 + b]!;
              } else if (length === 0) code = SCALE_MISSING;
              if (code >= 0) scaleValues[j]![slot] = code;
              else this.cellBytes(j, buf, s, i, false);
            } else if (kind !== IGNORE) this.cellBytes(j, buf, s, i, false);
          }
        }
        j++;
        if (i >= end) break;
        c = buf[i]!;
        if (c === d) {
          i++;
          continue;
        }
        if (c === CR) {
          if (i + 1 < end) i += buf[i + 1] === LF ? 2 : 1;
          else if (!final) return recordStart;
          else i++;
        } else i++;
        break;
      }
      if (
        j === columns &&
        fastCommit &&
        this.rowIssues.length === 0 &&
        this.pendingText.length === 0 &&
        this.pendingCategory.length === 0 &&
        this.pendingVariants.length === 0
      ) {
        // A clean, complete row: the common case, committed inline.
        this.read++;
        this.sourceRows[slot] = ++this.rowNumber;
        if (++this.size === this.capacity) this.grow();
      } else this.endRecord(j, buf, recordStart, i);
    }
    return i;
  }

  /** Ends the input and builds the response set. */
  end(): ResponseSet {
    if (this.records) {
      this.missingColumns();
    } else {
      if (!this.headerDone) this.tryHeader(true);
      if (this.workLength > 0) this.drain(true);
    }
    if (this.columnConflict !== undefined) throw this.columnConflict;
    if (this.omittedIssues > 0) {
      this.issues.push({
        code: 'too-many-issues',
        message: `${this.omittedIssues} further issues were not listed`,
      });
    }
    const size = this.size;
    const columns = new Map<string, ResponseColumn>();
    for (const item of this.items)
      columns.set(item.id, finishColumn(this.builders.get(item.id)!, size));
    this.mergeNotices();
    const set: { -readonly [K in keyof ResponseSet]: ResponseSet[K] } = {
      questionnaire: this.questionnaire,
      items: this.items,
      size,
      columns,
      sourceRows: this.sourceRows.slice(0, size),
      counts: {
        read: this.read,
        accepted: size,
        rejected: this.rejected,
        droppedAnswers: this.dropped,
      },
      issues: this.issues,
      notices: this.notices,
    };
    if (this.weights !== undefined) set.weights = this.weights.values.slice(0, size);
    if (this.ids !== undefined) {
      this.ids.length = size;
      set.ids = this.ids;
    }
    return set;
  }

  /** One notice per item and answer that look-alike spellings were read as. */
  private mergeNotices(): void {
    const columnOf = new Map<Builder, number>();
    this.targets.forEach((target, j) => {
      if (target !== undefined && !columnOf.has(target)) columnOf.set(target, j + 1);
    });
    for (const builder of this.builders.values()) {
      if (builder.kind !== 'scale' && builder.kind !== 'category') continue;
      const column = this.records ? undefined : columnOf.get(builder);
      if (builder.kind === 'scale') {
        const name = (code: number): string =>
          code === SCALE_NOT_APPLICABLE ? 'the "not applicable" answer' : `code ${code}`;
        this.notices.push(...builder.variants.notices(builder.item.id, column, name));
      } else {
        const { dictionary, variants } = builder.options;
        const declared = builder.item.options?.length ?? 0;
        // A declared code is the questionnaire's; an unlisted one is the respondents' text.
        const name = (code: number): string =>
          code < declared
            ? `option ${JSON.stringify(dictionary[code])}`
            : `the unlisted answer stored as dictionary entry ${code}`;
        this.notices.push(...variants.notices(builder.item.id, column, name));
      }
    }
  }

  /** Rows read so far. */
  get rows(): number {
    return this.read;
  }
}

function toCell(value: unknown): CellValue | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.map(String);
  }
  return undefined;
}

/** The text answer of `builder` at `slot`, or undefined (rows are increasing). */
function textAt(builder: TextBuilder, slot: number): string | undefined {
  const rows = builder.rows;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const r = rows[mid]!;
    if (r === slot) return builder.values[mid];
    if (r < slot) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
