// The NOK CSV counter: counts the yes answers per organisation straight from
// the bytes of a survey export, without building a ResponseSet.
//
// The definition is the questionnaire package's reader: the result equals
// readResponsesSync(questionnaire, csv, { ...options, columns: projection })
// followed by NokSurveyAccumulator.addResponses, where the projection ignores
// every column but the organisation and the mapped questions. A record is
// counted here only when it is plain: the right number of fields, every read
// cell an exact code, label or blank (quoted or not, without doubled quotes),
// the organisation valid UTF-8. Every other record is handed, with the
// header, to readResponsesSync, which decides and reports it; its rows are
// numbered back to the file's. A bare CR (a line end the fast loop does not
// take) sends the whole input to the reader, and so does an input the reader
// refuses as a whole (bytes that are not UTF-8 anywhere, not a CSV file, a
// runaway quote: a quoted cell of more than 100 line feeds makes its record
// odd, so the reader meets it). nok-csv.test.ts checks the equivalence on
// hostile CSV.
import type { Issue } from '@edu-quality/core';
import { EduQualityError, isSafeKey } from '@edu-quality/core';
import {
  checkResponseBytes,
  listItems,
  readResponsesSync,
  cleanAnswerLabel,
  type Item,
  type Questionnaire,
  type ReadResponsesOptions,
  type ResponseSet,
} from '@edu-quality/questionnaire';
import {
  normaliseYesNo,
  NOK_COUNT_KEYS,
  NOK_FILTERS,
  type NokQuestionMap,
} from '../../nok-survey.js';
import type { NokCountKey } from '../../nok-profiles.js';
import type { NokByteSource, NokCsvPart, NokCsvPartOptions } from '../../nok-csv.js';
import { normalizeLabel, optionIndex, unite, type OptionIndex } from './option-index.js';
import { NOK_SCAN_WASM } from './scan-wasm.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const WIDTH = NOK_COUNT_KEYS.length;
const KEY_INDEX = new Map<NokCountKey, number>(NOK_COUNT_KEYS.map((k, i) => [k, i]));
/** Odd records are read by the reader in batches of this many. */
const BATCH = 4096;
/** The most bytes one piece can hold (a WebAssembly memory, and a typed array here). */
const MAX_SOURCE_BYTES = 2 ** 32 - 4 * 2 ** 20 - 8;
const LINE_FEED = new Uint8Array([LF]);

/** The codes of the reader's refusals of a whole input (one issue, no result). */
const REFUSALS = new Set(['invalid-encoding', 'not-csv', 'unbalanced-quote', 'duplicate-column']);

/**
 * Whether the reader refused its input as a whole (its encoding, what the
 * file is, a runaway quote, two columns for one item), rather than failing
 * at a row: the refusal of a
 * batch of odd records, or of a part, is not the whole file's.
 */
function isRefusal(error: unknown): error is EduQualityError {
  return (
    EduQualityError.isInstance(error) &&
    error.code === 'invalid-input' &&
    error.issues.some((issue) => REFUSALS.has(issue.code))
  );
}

/** Whether the reader's first stage refuses the bytes (see checkResponseBytes). */
function refusesBytes(bytes: Uint8Array): boolean {
  try {
    checkResponseBytes(bytes);
    return false;
  } catch (error) {
    if (isRefusal(error)) return true;
    throw error;
  }
}

/** The reader's bound on line feeds in one quoted cell: past it, it refuses the file (unbalanced-quote). */
const MAX_QUOTED_LINE_FEEDS = 100;

/** Whether `buf[s, e)` holds more than {@link MAX_QUOTED_LINE_FEEDS} line feeds. */
function tooManyLineFeeds(buf: Uint8Array, s: number, e: number): boolean {
  let count = 0;
  for (let i = buf.indexOf(LF, s); i >= 0 && i < e; i = buf.indexOf(LF, i + 1)) {
    if (++count > MAX_QUOTED_LINE_FEEDS) return true;
  }
  return false;
}

/** An issue with its row (a record's; row 1, the header, stays) given by `rowOf`. */
export function renumberIssue(issue: Issue, rowOf: (row: number) => number): Issue {
  return issue.row === undefined || issue.row <= 1 ? issue : { ...issue, row: rowOf(issue.row) };
}

/** Settings of one part: the public options, with their defaults filled in. */
export interface ScanSettings extends NokCsvPartOptions {
  readonly organisationField: string;
  readonly questionMap: NokQuestionMap;
  /** Read everything with the reader (a bare CR was met). */
  readonly readerOnly?: boolean;
  /** The row loop: WebAssembly where it compiles (default), or JavaScript. */
  readonly engine?: 'wasm' | 'js';
}

const encoder = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(buf: Uint8Array, s: number, e: number): string | undefined {
  try {
    return strict.decode(buf.subarray(s, e));
  } catch {
    return undefined;
  }
}

/** Splits a header line (no line end) into cells, RFC 4180. */
function splitHeader(line: Uint8Array, d: number): (string | undefined)[] {
  const names: (string | undefined)[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (line[i] === QUOTE) {
      let q = i + 1;
      let escaped = false;
      for (;;) {
        while (q < n && line[q] !== QUOTE) q++;
        if (q + 1 < n && line[q + 1] === QUOTE) {
          escaped = true;
          q += 2;
          continue;
        }
        break;
      }
      let text = decode(line, i + 1, Math.min(q, n));
      if (text !== undefined && escaped) text = text.replaceAll('""', '"');
      i = q + 1;
      // Text after the closing quote belongs to the same cell for the
      // reader's header too; such a header is left to the reader.
      if (i < n && line[i] !== d) return [];
      names.push(text);
    } else {
      let e = i;
      while (e < n && line[e] !== d) e++;
      names.push(decode(line, i, e));
      i = e;
    }
    if (i >= n) return names;
    i++; // the delimiter
  }
}

/** The end of the first record (a header line), quote-aware; -1 when there is none. */
function lineEnd(buf: Uint8Array, from: number): number {
  let quoted = false;
  for (let i = from; i < buf.length; i++) {
    const c = buf[i]!;
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) return i;
  }
  return buf.length;
}

function sniff(line: Uint8Array): number {
  const counts = [0, 0, 0, 0];
  const delims = [44, 59, 9, 124];
  let quoted = false;
  for (const c of line) {
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted) {
      const k = delims.indexOf(c);
      if (k >= 0) counts[k]!++;
    }
  }
  let best = 0;
  for (let k = 1; k < 4; k++) if (counts[k]! > counts[best]!) best = k;
  return delims[best]!;
}

interface Plan {
  /** By field: -1 ignored, 0 the organisation, 1 + k the k-th question. */
  readonly roles: Int8Array;
  readonly projection: Record<string, string | null>;
  readonly fast: boolean;
}

function plan(
  names: readonly (string | undefined)[],
  needed: readonly string[],
  columns: Readonly<Record<string, string | null>> | undefined,
): Plan {
  const roles = new Int8Array(names.length).fill(-1);
  const projection: Record<string, string | null> = Object.create(null) as Record<
    string,
    string | null
  >;
  const seen = new Set<string>();
  let fast = names.length > 0;
  names.forEach((name, j) => {
    if (name === undefined) {
      fast = false;
      return;
    }
    const trimmed = name.trim();
    if (!isSafeKey(trimmed) || !isSafeKey(name)) {
      fast = false;
      return;
    }
    let target: string | null | undefined;
    if (columns !== undefined && Object.hasOwn(columns, name)) target = columns[name];
    else if (needed.includes(trimmed)) target = trimmed;
    else if (trimmed.includes('/')) {
      const last = trimmed.slice(trimmed.lastIndexOf('/') + 1);
      if (needed.includes(last)) target = last;
    }
    if (target === undefined || target === null || !needed.includes(target)) {
      projection[name] = null;
      return;
    }
    if (Object.hasOwn(projection, name) || seen.has(target)) fast = false;
    projection[name] = target;
    seen.add(target);
    roles[j] = needed.indexOf(target);
  });
  // A mapped question without a column is never answered (the reader
  // reports the missing column); the organisation column must be there.
  if (!seen.has(needed[0]!)) fast = false;
  return { roles, projection, fast };
}

/** Growable per-organisation state of a part. */
class Organisations {
  spelling: string[] = [];
  firstRow: number[] = [];
  counts = new Int32Array(64 * WIDTH);
  readonly byKey = new Map<string, number>();

  constructor(initial: readonly string[]) {
    // The declared options (and unlisted codes of explicit labels) come first
    // in the reader's dictionary, met or not.
    for (const code of initial) this.key(code, 0);
  }

  /** The slot of an organisation, by the reader's key of its text. */
  key(text: string, row: number): number {
    const key = normalizeLabel(text);
    let slot = this.byKey.get(key);
    if (slot === undefined) {
      slot = this.spelling.length;
      this.byKey.set(key, slot);
      this.spelling.push(text);
      this.firstRow.push(row);
      if ((slot + 1) * WIDTH > this.counts.length) {
        const next = new Int32Array(this.counts.length * 2);
        next.set(this.counts);
        this.counts = next;
      }
    }
    return slot;
  }

  /** Records an accepted row of the slot, keeping the spelling of the earliest. */
  seen(slot: number, text: string, row: number): void {
    const first = this.firstRow[slot]!;
    if (first === -1 || row < first) {
      this.firstRow[slot] = row;
      this.spelling[slot] = text;
    }
  }
}

interface Question {
  /** Token bytes, flattened, with their code. */
  readonly tokenStart: number[];
  readonly tokenLength: number[];
  readonly tokenCode: number[];
  readonly pool: Uint8Array;
  /** 1 for each (code + 1) that means yes. */
  readonly yes: Uint8Array;
}

function questionOf(index: OptionIndex): Question {
  const tokens = new Map<string, number>();
  for (const text of index.texts) {
    if (text === '' || tokens.has(text)) continue;
    const code = index.index.get(normalizeLabel(text));
    if (code !== undefined) tokens.set(text, code);
  }
  const bytes = [...tokens.keys()].map((t) => encoder.encode(t));
  const pool = new Uint8Array(bytes.reduce((s, b) => s + b.length, 0));
  const tokenStart: number[] = [];
  const tokenLength: number[] = [];
  let at = 0;
  for (const b of bytes) {
    pool.set(b, at);
    tokenStart.push(at);
    tokenLength.push(b.length);
    at += b.length;
  }
  const yes = new Uint8Array(index.dictionary.length + 1);
  index.dictionary.forEach((code, c) => {
    if (normaliseYesNo(code) === true) yes[c + 1] = 1;
  });
  return { tokenStart, tokenLength, tokenCode: [...tokens.values()], pool, yes };
}

const FNV = 0x811c9dc5;
const FNV_PRIME = 16777619;

/** The roles by field, and one more (-1, ignored) standing for every field past the header's. */
function paddedRoles(roles: Int8Array): Int8Array {
  const padded = new Int8Array(roles.length + 1);
  padded.set(roles);
  padded[roles.length] = -1;
  return padded;
}

/** 1 for the bytes that end an unquoted cell: the delimiter, CR and LF. */
function stopTable(d: number): Uint8Array {
  const stops = new Uint8Array(256);
  stops[d] = 1;
  stops[LF] = 1;
  stops[CR] = 1;
  return stops;
}

/** Multipliers tried for a question's token table, until its tokens land in distinct slots. */
const MULTIPLIERS = [0x85ebca6b, 0x9e3779b1, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1, 0x61c88647];
const TOKEN_SLOTS = 64;

/**
 * The fast path's row loop and its state, as one class so that the hot loop
 * is compiled once for every call (closures made per call would be inlined
 * per call and deoptimise on the next).
 */
class FastRows {
  // The plan.
  readonly d: number;
  /** By field, the last entry standing for every field past the header's: -1 ignored, 0 organisation, 1 + k question k. */
  readonly roles: Int8Array;
  readonly fields: number;
  readonly stops: Uint8Array;
  // Each question's tokens of up to 4 bytes in a table of TOKEN_SLOTS slots,
  // keyed by the packed bytes: slot = q * TOKEN_SLOTS + (imul(key, multiplier[q]) >>> 26).
  readonly multiplier: Int32Array;
  readonly slotKey: Int32Array;
  readonly slotLength: Int32Array;
  readonly slotYes: Int32Array;
  // Every token (any length) of each question, for cells the table misses.
  readonly questions: readonly Question[];
  readonly keyIndex: Int32Array;
  readonly need: Int32Array;

  // Organisation cells by their bytes, each resolved once.
  table = new Int32Array(1 << 12).fill(-1);
  pool = new Uint8Array(1 << 14);
  poolLength = 0;
  entryStart = new Int32Array(256);
  entryLength = new Int32Array(256);
  entryHash = new Int32Array(256);
  entrySlot = new Int32Array(256);
  readonly entryText: string[] = [];
  entries = 0;

  // Results.
  read = 0;
  noOrganisation = 0;
  records = 0;
  bareCr = false;
  /** Where a quoted cell ran past the limit: the record's start, or -1. */
  cut = -1;
  readonly oddStarts: number[] = [];
  readonly oddEnds: number[] = [];
  readonly oddRows: number[] = [];

  constructor(
    d: number,
    roles: Int8Array,
    questions: readonly Question[],
    keyIndex: readonly number[],
    need: readonly number[],
    readonly orgs: Organisations,
    readonly orgIndex: OptionIndex,
  ) {
    this.d = d;
    this.fields = roles.length;
    this.roles = paddedRoles(roles);
    this.stops = stopTable(d);
    this.questions = questions;
    const n = questions.length;
    this.multiplier = new Int32Array(n);
    this.slotKey = new Int32Array(n * TOKEN_SLOTS);
    this.slotLength = new Int32Array(n * TOKEN_SLOTS).fill(-1);
    this.slotYes = new Int32Array(n * TOKEN_SLOTS);
    questions.forEach((q, k) => {
      // The blank cell (code -1, never yes) and the tokens of up to 4 bytes.
      const short: [number, number, number][] = [[0, 0, -1]];
      q.tokenStart.forEach((start, t) => {
        const length = q.tokenLength[t]!;
        if (length > 4) return;
        let key = 0;
        for (let b = 0; b < 4; b++) key = (key << 8) | (b < length ? q.pool[start + b]! : 0);
        short.push([key, length, q.tokenCode[t]!]);
      });
      // A multiplier under which they take distinct slots; with none, the
      // table stays empty and every cell takes the token list.
      const multiplier = MULTIPLIERS.find((m) => {
        const slots = new Set(short.map(([key, length]) => Math.imul(key ^ length, m) >>> 26));
        return slots.size === short.length;
      });
      if (multiplier === undefined) return;
      this.multiplier[k] = multiplier | 0;
      for (const [key, length, code] of short) {
        const slot = k * TOKEN_SLOTS + (Math.imul(key ^ length, multiplier) >>> 26);
        this.slotKey[slot] = key;
        this.slotLength[slot] = length;
        this.slotYes[slot] = code < 0 ? 0 : q.yes[code + 1]!;
      }
    });
    this.keyIndex = Int32Array.from(keyIndex.filter((_, t) => need[t] !== 0));
    this.need = Int32Array.from(need.filter((m) => m !== 0));
  }

  /** The code of a cell the token table missed (or -1): every token, byte by byte. */
  token(k: number, buf: Uint8Array, s: number, e: number): number {
    const q = this.questions[k]!;
    const length = e - s;
    for (let t = 0; t < q.tokenStart.length; t++) {
      if (q.tokenLength[t] !== length) continue;
      const p = q.tokenStart[t]!;
      let b = 0;
      while (b < length && q.pool[p + b] === buf[s + b]) b++;
      if (b === length) return q.tokenCode[t]!;
    }
    return -1;
  }

  /** Adds an organisation cell's bytes at table position `at`, resolving them. */
  add(buf: Uint8Array, s: number, e: number, h: number, at: number): number {
    const length = e - s;
    if (this.poolLength + length > this.pool.length) {
      const next = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + length));
      next.set(this.pool);
      this.pool = next;
    }
    const k = this.entries++;
    if (k >= this.entryStart.length) {
      const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const next = new Int32Array(a.length * 2);
        next.set(a);
        return next;
      };
      this.entryStart = grow(this.entryStart);
      this.entryLength = grow(this.entryLength);
      this.entryHash = grow(this.entryHash);
      this.entrySlot = grow(this.entrySlot);
    }
    this.pool.set(buf.subarray(s, e), this.poolLength);
    this.entryStart[k] = this.poolLength;
    this.entryLength[k] = length;
    this.entryHash[k] = h;
    this.poolLength += length;
    const { slot, spelling } = resolveOrganisation(buf, s, e, this.orgIndex, this.orgs);
    this.entrySlot[k] = slot;
    this.entryText.push(spelling);
    this.table[at] = k;
    if (this.entries * 2 > this.table.length) {
      const size = this.table.length * 2;
      const table = new Int32Array(size).fill(-1);
      for (let x = 0; x < this.entries; x++) {
        let y = this.entryHash[x]! & (size - 1);
        while (table[y]! >= 0) y = (y + 1) & (size - 1);
        table[y] = x;
      }
      this.table = table;
    }
    return k;
  }

  /**
   * Scans the records of `buf[start, limit)`, `buf[limit - 1]` being a line
   * feed; stops after `batch` odd records. Returns where it stopped.
   */
  scan(buf: Uint8Array, start: number, limit: number, batch: number): number {
    const d = this.d;
    const roles = this.roles;
    const fields = this.fields;
    const stops = this.stops;
    const multiplier = this.multiplier;
    const slotKey = this.slotKey;
    const slotLength = this.slotLength;
    const slotYes = this.slotYes;
    const keyIndex = this.keyIndex;
    const need = this.need;
    const keys = need.length;
    const orgs = this.orgs;
    const firstRow = orgs.firstRow;
    let counts = orgs.counts;
    let table = this.table;
    let tableMask = table.length - 1;
    let entryStart = this.entryStart;
    let entryLength = this.entryLength;
    let entryHash = this.entryHash;
    let entrySlot = this.entrySlot;
    let pool = this.pool;
    let i = start;
    let records = this.records;
    let read = this.read;
    let noOrganisation = this.noOrganisation;
    while (i < limit) {
      const recordStart = i;
      let c = buf[i]!;
      if (c === LF || (c === CR && buf[i + 1] === LF)) {
        i += c === LF ? 1 : 2;
        records++;
        continue;
      }
      let j = 0;
      let odd = false;
      let entry = -1;
      let mask = 0;
      let contentEnd: number;
      for (;;) {
        const role = roles[j < fields ? j : fields]!;
        if (c === QUOTE) {
          // A quoted cell: read cells are resolved here only without doubled quotes.
          let q = i + 1;
          let escaped = false;
          for (;;) {
            while (q < limit && buf[q] !== QUOTE) q++;
            if (q >= limit) {
              // The quoted cell runs past the limit's line feed.
              this.cut = recordStart;
              this.records = records;
              this.read = read;
              this.noOrganisation = noOrganisation;
              return recordStart;
            }
            if (buf[q + 1] !== QUOTE) break;
            escaped = true;
            q += 2;
          }
          const s = i + 1;
          const e = q;
          // A cell the reader refuses the file for: its record goes to the reader.
          if (e - s > MAX_QUOTED_LINE_FEEDS && tooManyLineFeeds(buf, s, e)) odd = true;
          i = q + 1;
          c = buf[i]!;
          if (c !== d && c !== LF && c !== CR) {
            odd = true;
            while (stops[c] === 0) c = buf[++i]!;
          } else if (role >= 0) {
            if (escaped) odd = true;
            else if (role === 0) {
              let h = FNV;
              for (let t = s; t < e; t++) h = Math.imul(h ^ buf[t]!, FNV_PRIME);
              entry = this.find(buf, s, e, h);
              table = this.table;
              tableMask = table.length - 1;
              entryStart = this.entryStart;
              entryLength = this.entryLength;
              entryHash = this.entryHash;
              entrySlot = this.entrySlot;
              pool = this.pool;
              if (entrySlot[entry] === -2) odd = true;
            } else if (e > s) {
              const code = this.token(role - 1, buf, s, e);
              if (code < 0) odd = true;
              else mask |= this.questions[role - 1]!.yes[code + 1]! << (role - 1);
            }
          }
        } else if (role > 0) {
          // A yes/no cell, without a loop: its first four bytes are read,
          // the length is the run before the first stop, the key the bytes
          // within it (left-aligned), looked up in the question's table,
          // where the blank cell has a slot too. Reading 4 bytes ahead stays
          // before the limit's line feed or reads it.
          const b0 = buf[i]!;
          const b1 = buf[i + 1]!;
          const b2 = buf[i + 2]!;
          const b3 = buf[i + 3]!;
          const n0 = stops[b0]! ^ 1;
          const n1 = n0 & (stops[b1]! ^ 1);
          const n2 = n1 & (stops[b2]! ^ 1);
          const n3 = n2 & (stops[b3]! ^ 1);
          const length = n0 + n1 + n2 + n3;
          const key = ((b0 & -n0) << 24) | ((b1 & -n1) << 16) | ((b2 & -n2) << 8) | (b3 & -n3);
          const k = role - 1;
          const slot = (k << 6) + (Math.imul(key ^ length, multiplier[k]!) >>> 26);
          const s = i;
          i += length;
          c = buf[i]!;
          if (slotKey[slot] === key && slotLength[slot] === length && stops[c] === 1) {
            mask |= slotYes[slot]! << k;
          } else {
            while (stops[c] === 0) c = buf[++i]!;
            const code = this.token(k, buf, s, i);
            if (code < 0) odd = true;
            else mask |= this.questions[k]!.yes[code + 1]! << k;
          }
        } else if (role === 0) {
          // The organisation: hashed as read, found by its bytes.
          const s = i;
          let h = FNV;
          while (stops[c] === 0) {
            h = Math.imul(h ^ c, FNV_PRIME);
            c = buf[++i]!;
          }
          const length = i - s;
          let at = h & tableMask;
          for (;;) {
            const k = table[at]!;
            if (k < 0) {
              entry = this.add(buf, s, i, h, at);
              table = this.table;
              tableMask = table.length - 1;
              entryStart = this.entryStart;
              entryLength = this.entryLength;
              entryHash = this.entryHash;
              entrySlot = this.entrySlot;
              pool = this.pool;
              break;
            }
            if (entryHash[k] === h && entryLength[k] === length) {
              const p = entryStart[k]!;
              let t = 0;
              while (t < length && pool[p + t] === buf[s + t]) t++;
              if (t === length) {
                entry = k;
                break;
              }
            }
            at = (at + 1) & tableMask;
          }
          if (entrySlot[entry] === -2) odd = true;
        } else {
          while (stops[c] === 0) c = buf[++i]!;
        }
        j++;
        if (c === d) {
          c = buf[++i]!;
          continue;
        }
        contentEnd = i;
        if (c === CR) {
          if (buf[i + 1] !== LF) {
            this.bareCr = true;
            this.records = records;
            return recordStart;
          }
          i += 2;
        } else i++;
        break;
      }
      const row = 2 + records;
      records++;
      if (odd || j !== fields) {
        this.oddStarts.push(recordStart);
        this.oddEnds.push(contentEnd);
        this.oddRows.push(row);
        if (this.oddRows.length >= batch) break;
        continue;
      }
      read++;
      const slot = entrySlot[entry]!;
      if (slot < 0) {
        noOrganisation++;
        continue;
      }
      if (firstRow[slot]! < 0) {
        firstRow[slot] = row;
        orgs.spelling[slot] = this.entryText[entry]!;
      }
      if (orgs.counts !== counts) counts = orgs.counts;
      const base = slot * WIDTH;
      counts[base]!++;
      // Branch-free: 1 when every bit the key needs is set.
      for (let t = 0; t < keys; t++) {
        const m = need[t]!;
        counts[base + keyIndex[t]!]! += (((mask & m) ^ m) - 1) >>> 31;
      }
    }
    this.records = records;
    this.read = read;
    this.noOrganisation = noOrganisation;
    return i;
  }

  /** The entry of an organisation cell's bytes (a quoted cell), added when new. */
  find(buf: Uint8Array, s: number, e: number, h: number): number {
    const length = e - s;
    const mask = this.table.length - 1;
    let at = h & mask;
    for (;;) {
      const k = this.table[at]!;
      if (k < 0) return this.add(buf, s, e, h, at);
      if (this.entryHash[k] === h && this.entryLength[k] === length) {
        const p = this.entryStart[k]!;
        let t = 0;
        while (t < length && this.pool[p + t] === buf[s + t]) t++;
        if (t === length) return k;
      }
      at = (at + 1) & mask;
    }
  }
}

const WASM_TABLE = 1 << 16;
/** The table's first size; it doubles as organisations come (at most half full). */
const WASM_TABLE_START = 1 << 12;
const WASM_ENTRIES = 1 << 15;
const WASM_SLOTS = 1 << 15;

/** Hands out aligned regions of the WebAssembly memory. */
class Layout {
  size = 0;
  bytes(n: number): number {
    const at = this.size;
    this.size = align8(this.size + n);
    return at;
  }
  words(n: number): number {
    return this.bytes(4 * n);
  }
}

let compiled: WebAssembly.Module | null | undefined;

/** The instance and memory of the last call, reused while it is large enough. */
let kept: { memory: WebAssembly.Memory; scan: ScanFunction; pages: number } | undefined;
/** The organisation resolver of the call in progress (calls never overlap: they are synchronous). */
let resolver: (s: number, e: number) => number = () => -2;
/** How many leading bytes of the kept memory the call in progress wrote (input and tables). */
let keptUsed = 0;

/**
 * Clears all the call wrote in the kept memory (the input, with respondents'
 * answers, and the tables), so that it is all zeros between calls, and
 * drops the resolver.
 */
function release(): void {
  if (kept !== undefined && keptUsed > 0) {
    new Uint8Array(kept.memory.buffer, 0, Math.min(keptUsed, kept.memory.buffer.byteLength)).fill(
      0,
    );
  }
  keptUsed = 0;
  resolver = () => -2;
}
/** Memory kept between calls, at most (larger inputs get a memory of their own). */
const KEEP_PAGES = 1024;

type ScanFunction = (buf: number, limit: number, plan: number, state: number) => number;

/** An instance of the module and views of its memory. */
interface WasmContext {
  readonly u8: Uint8Array;
  readonly i32: Int32Array;
  readonly scan: ScanFunction;
}

// Arithmetic, not `& ~7`: an input past 2 GiB would turn negative in 32 bits.
function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** Room for the row loop's tables after the input (they need about 3.3 MB). */
const TABLE_RESERVE = 4 << 20;

/** The most pages a 32-bit WebAssembly memory can have (4 GiB). */
const MAX_PAGES = 65536;

/**
 * An instance of the module with at least `size` bytes of memory: the kept
 * one (grown if need be) up to {@link KEEP_PAGES}, a new one beyond;
 * undefined when no such memory can be had (past 4 GiB, or refused), for the
 * JavaScript loop to take the input.
 */
function wasmInstance(module: WebAssembly.Module, size: number): WasmContext | undefined {
  const pages = Math.ceil(size / 65536);
  if (pages > MAX_PAGES) return undefined;
  try {
    return instanceWith(module, pages);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function instanceWith(module: WebAssembly.Module, pages: number): WasmContext {
  let current = kept;
  if (current !== undefined && current.pages < pages && pages <= KEEP_PAGES) {
    current.memory.grow(pages - current.pages);
    current.pages = pages;
  }
  if (current === undefined || current.pages < pages) {
    const memory = new WebAssembly.Memory({ initial: pages });
    const instance = new WebAssembly.Instance(module, {
      // The addresses come as signed 32-bit numbers: past 2 GiB they are
      // negative unless read as unsigned.
      env: { memory, resolve: (s: number, e: number) => resolver(s >>> 0, e >>> 0) },
    });
    current = { memory, scan: instance.exports['scan'] as ScanFunction, pages };
    if (pages <= KEEP_PAGES) kept = current;
  }
  return {
    u8: new Uint8Array(current.memory.buffer),
    i32: new Int32Array(current.memory.buffer),
    scan: current.scan,
  };
}

/** The row loop's WebAssembly module, compiled once; undefined where it cannot be. */
function scanModule(): WebAssembly.Module | undefined {
  if (compiled === undefined) {
    try {
      const text = atob(NOK_SCAN_WASM);
      const bytes = new Uint8Array(text.length);
      for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
      compiled = new WebAssembly.Module(bytes);
    } catch {
      // No WebAssembly, or a synchronous compile refused: the JavaScript loop.
      compiled = null;
    }
  }
  return compiled ?? undefined;
}

/** What an organisation cell's bytes resolve to, as FastRows.add resolves them. */
function resolveOrganisation(
  buf: Uint8Array,
  s: number,
  e: number,
  orgIndex: OptionIndex,
  orgs: Organisations,
): { slot: number; spelling: string } {
  const text = decode(buf, s, e);
  if (text === undefined) return { slot: -2, spelling: '' };
  if (text.trim() === '') return { slot: -1, spelling: '' };
  const known = orgIndex.index.get(normalizeLabel(text));
  if (known !== undefined) {
    const spelling = orgIndex.dictionary[known]!;
    return { slot: orgs.key(spelling, -1), spelling };
  }
  if (!orgIndex.acceptUnlisted) return { slot: -2, spelling: '' };
  const spelling = cleanAnswerLabel(text);
  return { slot: orgs.key(spelling, -1), spelling };
}

function itemOf(items: readonly Item[], id: string): Item | undefined {
  return items.find((item) => item.id === id);
}

/**
 * Counts one part of a NOK survey export. See the module comment for the
 * definition it keeps.
 */
export function scanNokPart(
  questionnaire: Questionnaire,
  source: Uint8Array | NokByteSource,
  settings: ScanSettings,
): NokCsvPart {
  try {
    return scanPart(questionnaire, source, settings);
  } finally {
    // Respondents' answers are not left in the memory kept for the next
    // call, nor the organisation names in the resolver's closure.
    release();
  }
}

function scanPart(
  questionnaire: Questionnaire,
  source: Uint8Array | NokByteSource,
  settings: ScanSettings,
): NokCsvPart {
  // A byte source is read straight into the WebAssembly memory (offset 0),
  // where the row loop reads it: no copy, and no fresh pages per call.
  let module = settings.engine === 'js' || settings.readerOnly === true ? undefined : scanModule();
  let input: Uint8Array;
  let placed: WasmContext | undefined;
  if (source instanceof Uint8Array) input = source;
  else {
    const n = source.byteLength;
    if (!(Number.isSafeInteger(n) && n >= 0)) {
      throw new EduQualityError(
        'invalid-argument',
        `countNokCsv: a byte source's byteLength must be a whole number of bytes, got ${n}`,
      );
    }
    if (n > MAX_SOURCE_BYTES) {
      throw new EduQualityError(
        'unsupported',
        `countNokCsv: a byte source of ${n} bytes is more than one piece can hold (4 GiB); count it in parts (countNokCsvPart, mergeNokCsvParts) or with countNokCsvFile`,
      );
    }
    if (module !== undefined) {
      placed = wasmInstance(module, align8(n + 8) + TABLE_RESERVE);
      if (placed === undefined) module = undefined;
      else keptUsed = Math.max(keptUsed, n);
    }
    // The memory kept between calls is all zeros between them (release()
    // clears all a call wrote), so a source that fills fewer bytes than it
    // promised leaves zeros, never the previous input's bytes.
    if (placed !== undefined) input = placed.u8.subarray(0, n);
    else input = new Uint8Array(n);
    source.read(input);
    if (input.byteLength !== n) {
      throw new EduQualityError(
        'invalid-argument',
        'countNokCsv: the byte source counted NOK answers itself while it was read',
      );
    }
  }
  // The reader decides the encoding of the whole file before it reads a
  // record, and refuses it as a whole (invalid-encoding, not-csv): a bad
  // byte is never the refusal of the odd records around it. Such an input,
  // when it is the whole file, is read by the reader throughout (its outcome
  // is the definition's); a part of a file comes back incomplete, for the
  // caller to read the file in one piece. A runaway quote the reader meets
  // in odd records is handled alike (see `refused` below).
  const whole = settings.header === undefined && settings.final !== false;
  let refused = settings.readerOnly !== true && refusesBytes(input);
  if (refused && whole) return scanPart(questionnaire, input, { ...settings, readerOnly: true });

  // The needed items: the organisation, then the mapped questions (distinct).
  const mapEntries = (
    Object.entries(settings.questionMap) as [NokCountKey, string | undefined][]
  ).filter(([key, id]) => id !== undefined && KEY_INDEX.has(key)) as [NokCountKey, string][];
  const questionIds = [...new Set(mapEntries.map(([, id]) => id))].filter(
    (id) => id !== settings.organisationField,
  );
  const needed = [settings.organisationField, ...questionIds];

  // The header line and the body.
  // The records are read from the input itself; the header is the input's
  // first line, or the one the caller gives for a part after it.
  const body = input;
  let header: Uint8Array;
  let bodyStart: number;
  if (settings.header !== undefined) {
    header = encoder.encode(settings.header);
    bodyStart = 0;
  } else {
    let s = 0;
    if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) s = 3;
    const e = lineEnd(input, s);
    header = input.subarray(0, e);
    bodyStart = e;
    if (e < input.length) bodyStart += input[e] === CR && input[e + 1] === LF ? 2 : 1;
    if (e === s && e < input.length) bodyStart = -1; // blank lines before the header
  }
  // Both row loops scan up to the last line feed of the body.
  const end = body.length;
  const lastLf = end > bodyStart ? body.lastIndexOf(LF, end - 1) : -1;
  const limit = lastLf >= bodyStart ? lastLf + 1 : bodyStart;
  const headerText = header[0] === 0xef && header[1] === 0xbb && header[2] === 0xbf ? 3 : 0;
  const d =
    settings.delimiter !== undefined
      ? settings.delimiter.charCodeAt(0)
      : sniff(header.subarray(headerText));
  const names = splitHeader(header.subarray(headerText), d);
  const { roles, projection, fast } = plan(names, needed, settings.columns);

  const readOptions: ReadResponsesOptions = {
    ...(settings.labels === undefined ? {} : { labels: settings.labels }),
    ...(settings.onInvalid === undefined ? {} : { onInvalid: settings.onInvalid }),
    delimiter: String.fromCharCode(d) as ',' | ';' | '\t' | '|',
    columns: projection,
    maxIssues: Number.MAX_SAFE_INTEGER,
  };
  const maxIssues = settings.maxIssues ?? 1000;
  const headerLine = new Uint8Array(header.length + 1);
  headerLine.set(header);
  headerLine[header.length] = LF;
  // The header alone, through the reader: its issues (and its errors, such
  // as a label mapped to no option) are the definition's.
  // Read by the reader throughout, the input's header is read with it.
  let headerSet: ResponseSet | undefined;
  if (settings.readerOnly !== true && !refused) {
    try {
      headerSet = readResponsesSync(questionnaire, headerLine, readOptions);
    } catch (error) {
      // Not the whole file's refusal: the file is read in one piece.
      if (!isRefusal(error)) throw error;
      refused = true;
      if (whole) return scanPart(questionnaire, input, { ...settings, readerOnly: true });
    }
  }
  // Items the counter does not read are not missing: their columns are
  // skipped on purpose, so the reader's missing-column issues about them
  // are left out.
  const unread = (issue: Issue): boolean =>
    issue.code === 'missing-column' &&
    issue.row === 1 &&
    issue.field !== undefined &&
    !needed.includes(issue.field);
  const ownHeaderIssues = (headerSet?.issues ?? []).filter((issue) => !unread(issue));
  const headerIssues = ownHeaderIssues.slice(0, maxIssues);
  let headerOmitted = Math.max(0, ownHeaderIssues.length - maxIssues);
  let omitted = 0;
  const issueRoom = (): number => Math.max(0, maxIssues - headerIssues.length);

  const items = listItems(questionnaire);
  const orgItem = itemOf(items, settings.organisationField);
  const orgIndex =
    orgItem?.kind === 'single'
      ? optionIndex(orgItem, settings.labels)
      : { dictionary: [], index: new Map<string, number>(), acceptUnlisted: false, texts: [] };
  const orgs = new Organisations(orgIndex.dictionary);
  for (let k = 0; k < orgs.firstRow.length; k++) orgs.firstRow[k] = -1;
  const questionItems = questionIds.map((id) => itemOf(items, id));
  const questions = questionItems.map((item) =>
    item?.kind === 'single' ? questionOf(optionIndex(item, settings.labels)) : undefined,
  );
  // Counting plan: per count key its question bit and its filter's.
  const keyIndex: number[] = [];
  const need: number[] = [];
  for (const [key, id] of mapEntries) {
    const q = questionIds.indexOf(id);
    const filterKey = NOK_FILTERS[key];
    const filterId =
      filterKey === undefined
        ? undefined
        : (settings.questionMap as Record<string, string | undefined>)[filterKey];
    const f = filterId === undefined ? -1 : questionIds.indexOf(filterId);
    keyIndex.push(KEY_INDEX.get(key)!);
    need.push((q >= 0 ? 1 << q : 0) | (f >= 0 ? 1 << f : 0));
  }
  const fastOk =
    fast &&
    bodyStart >= 0 &&
    orgItem?.kind === 'single' &&
    questions.every(
      (q, k) =>
        q !== undefined &&
        questionItems[k]!.question.kind === 'single' &&
        !(questionItems[k]!.question as { acceptUnlisted?: boolean }).acceptUnlisted,
    ) &&
    questionIds.length <= 30 &&
    mapEntries.every(([key, id]) => {
      const filterKey = NOK_FILTERS[key];
      return (
        id !== settings.organisationField &&
        (filterKey === undefined ||
          (settings.questionMap as Record<string, string | undefined>)[filterKey] !== undefined)
      );
    });

  let read = 0;
  let accepted = 0;
  let rejected = 0;
  let dropped = 0;
  let noOrganisation = 0;
  let fastRecords = 0;
  let failure: NokCsvPart['failure'];
  const rowIssues: Issue[] = [];

  const count = (slot: number, mask: number): void => {
    const counts = orgs.counts;
    const base = slot * WIDTH;
    counts[base]!++;
    for (let t = 0; t < keyIndex.length; t++) {
      const m = need[t]!;
      if ((mask & m) === m && m !== 0) counts[base + keyIndex[t]!]!++;
    }
  };

  // Reads records with the reader: `bytes` holds the header line and the
  // records; `rows[r]` is the file row of the r-th record.
  const general = (
    bytes: Uint8Array,
    rowOf: (batchRow: number) => number,
    cap?: number,
  ): boolean => {
    let set: ResponseSet;
    try {
      set = readResponsesSync(questionnaire, bytes, readOptions);
    } catch (error) {
      if (isRefusal(error)) {
        // The whole input's refusal is the definition's; a batch's is not.
        if (cap !== undefined) throw error;
        refused = true;
        return false;
      }
      if (
        settings.onInvalid === 'fail' &&
        error instanceof EduQualityError &&
        error.code === 'invalid-input'
      ) {
        const issues = (error.issues ?? []).map((issue) => renumberIssue(issue, rowOf));
        const failing = issues.at(-1)?.row ?? 0;
        failure = { row: failing, message: error.message, issues };
        return false;
      }
      throw error;
    }
    read += set.counts.read;
    accepted += set.counts.accepted;
    rejected += set.counts.rejected;
    dropped += set.counts.droppedAnswers;
    if (cap !== undefined) {
      // The whole input through the reader (read without a cap): its list
      // less the issues about skipped items, capped here as the reader caps.
      const list = set.issues.filter((issue) => !unread(issue));
      rowIssues.push(...list.slice(0, cap));
      if (list.length > cap) {
        rowIssues.push({
          code: 'too-many-issues',
          message: `${list.length - cap} further issues were not listed`,
        });
      }
    }
    const own = cap === undefined ? set.issues.slice(headerSet?.issues.length ?? 0) : [];
    for (const issue of own) {
      if (rowIssues.length < issueRoom()) {
        rowIssues.push(renumberIssue(issue, rowOf));
      } else omitted++;
    }
    const org = set.columns.get(settings.organisationField);
    if (org?.kind !== 'category') return true;
    const slots = org.dictionary.map((text) => orgs.key(text, -1));
    const qColumns = questionIds.map((id) => {
      const column = set.columns.get(id);
      return column?.kind === 'category' ? column : undefined;
    });
    qColumns.forEach((column, k) => {
      if (column !== undefined) unite(dictionaries[questionIds[k]!]!, column.dictionary);
    });
    const yes = qColumns.map((column) => {
      const table = new Uint8Array((column?.dictionary.length ?? 0) + 1);
      column?.dictionary.forEach((code, c) => {
        if (normaliseYesNo(code) === true) table[c + 1] = 1;
      });
      return table;
    });
    for (let r = 0; r < set.size; r++) {
      const code = org.codes[r]!;
      if (code < 0) {
        noOrganisation++;
        continue;
      }
      const slot = slots[code]!;
      orgs.seen(slot, org.dictionary[code]!, rowOf(set.sourceRows[r]!));
      let mask = 0;
      for (let k = 0; k < qColumns.length; k++) {
        const column = qColumns[k];
        if (column !== undefined) mask |= yes[k]![column.codes[r]! + 1]! << k;
      }
      count(slot, mask);
    }
    return true;
  };

  let records = 0;
  let complete = true;
  let listed = false;
  const dictionaries: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  questionIds.forEach((id, k) => {
    const item = questionItems[k];
    dictionaries[id] = item?.kind === 'single' ? optionIndex(item, settings.labels).dictionary : [];
  });
  const final = settings.final !== false;
  const withHeader = (chunks: Uint8Array[], total: number): Uint8Array => {
    const out = new Uint8Array(headerLine.length + total);
    out.set(headerLine);
    let at = headerLine.length;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  };

  if (!fastOk || settings.readerOnly === true || refused) {
    if (settings.header !== undefined || settings.final === false) {
      // A part of a file that the fast path cannot take: the caller reads
      // the file in one piece instead.
      complete = false;
    } else {
      // The whole input through the reader; its rows are the file's, its
      // issues listed as it lists them.
      general(input, (row) => row, maxIssues);
      listed = true;
      headerIssues.length = 0;
      headerOmitted = 0;
    }
  } else {
    const result = module === undefined ? fastScan() : wasmScan(module);
    if (result === 'js') return scanNokPart(questionnaire, input, { ...settings, engine: 'js' });
    records = result.records;
    complete = result.complete;
  }

  // The odd records a loop left (buf[start, end), with their file rows),
  // with the header, through the reader.
  function readOdd(
    buf: Uint8Array,
    starts: readonly number[],
    ends: readonly number[],
    rows: readonly number[],
  ): boolean {
    if (rows.length === 0) return true;
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (let k = 0; k < rows.length; k++) {
      chunks.push(buf.subarray(starts[k], ends[k]), LINE_FEED);
      total += ends[k]! - starts[k]! + 1;
    }
    return general(withHeader(chunks, total), (batchRow) => rows[batchRow - 2]!);
  }

  // What is left in buf[from, to) after the last line feed a loop reached:
  // a record cut at the end (not final), the last record without a line
  // end, or a quoted cell across the last line feed. It is one more odd
  // record, unless the part does not end the file; a bare CR in it sends
  // the input to the reader ('bare-cr').
  function rest(
    buf: Uint8Array,
    from: number,
    to: number,
  ): { last?: { start: number; end: number } } | 'bare-cr' {
    if (from >= to) return {};
    for (let k = from; k < to; k++) if (buf[k] === CR && buf[k + 1] !== LF) return 'bare-cr';
    if (!final) {
      complete = false;
      return {};
    }
    return { last: { start: from, end: to } };
  }

  function wasmScan(module: WebAssembly.Module): { records: number; complete: boolean } | 'js' {
    const qs = questions as Question[];
    const layout = new Layout();
    const inputAt = layout.bytes(end + 8);
    const plan = layout.words(29);
    const state = layout.words(7);
    const rolesAt = layout.bytes(roles.length + 1);
    const stopsAt = layout.bytes(256);
    const nq = qs.length;
    const tokenTotal = qs.reduce((n, q) => n + q.tokenStart.length, 0);
    // First-byte tables: one per distinct set of tokens, 256 entries of 4 words.
    const setOf = qs.map((q) =>
      JSON.stringify([[...q.pool], q.tokenStart, q.tokenLength, q.tokenCode, [...q.yes]]),
    );
    const sets = [...new Set(setOf)];
    const tablesAt = layout.words(sets.length * 256 * 4);
    const tableOfAt = layout.words(nq);
    const tokenFromAt = layout.words(nq + 1);
    const tokenAddressAt = layout.words(tokenTotal);
    const tokenLengthAt = layout.words(tokenTotal);
    const tokenYesAt = layout.words(tokenTotal);
    const tokenPoolAt = layout.bytes(qs.reduce((n, q) => n + q.pool.length, 0));
    const needsAt = layout.words(WIDTH);
    const tableAt = layout.words(WASM_TABLE);
    const entryStartAt = layout.words(WASM_ENTRIES);
    const entryLengthAt = layout.words(WASM_ENTRIES);
    const entryHashAt = layout.words(WASM_ENTRIES);
    const entrySlotAt = layout.words(WASM_ENTRIES);
    const countsAt = layout.words(WASM_SLOTS * WIDTH);
    const firstRowsAt = layout.words(WASM_SLOTS);
    const firstEntriesAt = layout.words(WASM_SLOTS);
    const oddsAt = layout.words(3 * BATCH);
    let context = placed;
    if (context === undefined) context = wasmInstance(module, layout.size);
    else if (context.u8.length < layout.size) return 'js';
    if (context === undefined) return 'js';
    const { u8, i32, scan } = context;
    const entryText: string[] = [];
    // The memory is reused: a slot's counts are cleared when the loop first
    // meets it, rather than all 32,768 slots' on every call.
    const cleared = new Uint8Array(WASM_SLOTS);
    resolver = (s, e) => {
      const { slot, spelling } = resolveOrganisation(u8, s, e, orgIndex, orgs);
      entryText.push(spelling);
      if (slot >= 0 && slot < WASM_SLOTS && cleared[slot] === 0) {
        cleared[slot] = 1;
        i32.fill(0, (countsAt >>> 2) + slot * WIDTH, (countsAt >>> 2) + (slot + 1) * WIDTH);
        i32[(firstRowsAt >>> 2) + slot] = -1;
      }
      return slot;
    };
    if (placed === undefined) u8.set(body, inputAt);
    // Everything this call writes in the kept memory is cleared after it.
    if (kept !== undefined && u8.buffer === kept.memory.buffer) {
      keptUsed = Math.max(keptUsed, layout.size);
    }
    // Clear what a previous call may have left: the room after the input,
    // the plan and the tables up to the start of the organisation table (the
    // part in use first; the loop clears more each time it grows it). The
    // entry arrays and the odd records are written before they are read.
    u8.fill(0, inputAt + end, tableAt + 4 * WASM_TABLE_START);
    const fill = (at: number, values: ArrayLike<number>): void => {
      i32.set(values, at >>> 2);
    };
    u8.set(paddedRoles(roles), rolesAt);
    u8.set(stopTable(d), stopsAt);
    let t = 0;
    let p = tokenPoolAt;
    qs.forEach((q, k) => {
      i32[(tokenFromAt >>> 2) + k] = t;
      i32[(tableOfAt >>> 2) + k] = tablesAt + sets.indexOf(setOf[k]!) * 256 * 16;
      u8.set(q.pool, p);
      q.tokenStart.forEach((start, x) => {
        i32[(tokenAddressAt >>> 2) + t] = p + start;
        i32[(tokenLengthAt >>> 2) + t] = q.tokenLength[x]!;
        i32[(tokenYesAt >>> 2) + t] = q.yes[q.tokenCode[x]! + 1]!;
        // Tokens of up to 4 bytes: found by their first byte, compared as
        // one little-endian word under a mask (the first such token of a
        // first byte; the others are found through the full token list).
        const length = q.tokenLength[x]!;
        if (length >= 1 && length <= 4) {
          let key = 0;
          for (let b = 0; b < length; b++) key |= q.pool[start + b]! << (8 * b);
          const entry = (tablesAt >>> 2) + (sets.indexOf(setOf[k]!) * 256 + q.pool[start]!) * 4;
          if (i32[entry + 2] === 0) {
            i32[entry] = key;
            i32[entry + 1] = length === 4 ? -1 : (1 << (8 * length)) - 1;
            i32[entry + 2] = length;
            i32[entry + 3] = q.yes[q.tokenCode[x]! + 1]!;
          }
        }
        t++;
      });
      p += q.pool.length;
    });
    i32[(tokenFromAt >>> 2) + nq] = t;
    // The need mask of each of the 16 counts: 0 for the respondents (every
    // row), bit 31 (never set: at most 30 questions) for counts not mapped.
    const needs = new Int32Array(WIDTH).fill(1 << 31);
    needs[0] = 0;
    keyIndex.forEach((w, t) => {
      if (need[t] !== 0) needs[w] = need[t]!;
    });
    fill(needsAt, needs);
    fill(plan, [
      d,
      roles.length,
      rolesAt,
      stopsAt,
      nq,
      tableOfAt,
      needsAt,
      0,
      0,
      tokenFromAt,
      tokenAddressAt,
      tokenLengthAt,
      tokenYesAt,
      0,
      0,
      0,
      tableAt,
      WASM_TABLE - 1,
      entryStartAt,
      entryLengthAt,
      entryHashAt,
      entrySlotAt,
      WASM_ENTRIES,
      countsAt,
      firstRowsAt,
      firstEntriesAt,
      WASM_SLOTS,
      oddsAt,
      BATCH,
    ]);
    i32[state >>> 2] = bodyStart;
    i32[(state >>> 2) + 6] = WASM_TABLE_START - 1;
    const flush = (last?: { start: number; end: number; row: number }): boolean => {
      const n = i32[(state >>> 2) + 4]!;
      const starts: number[] = [];
      const ends: number[] = [];
      const rows: number[] = [];
      for (let k = 0; k < n; k++) {
        starts.push(inputAt + (i32[(oddsAt >>> 2) + 3 * k]! >>> 0));
        ends.push(inputAt + (i32[(oddsAt >>> 2) + 3 * k + 1]! >>> 0));
        rows.push(i32[(oddsAt >>> 2) + 3 * k + 2]! >>> 0);
      }
      if (last !== undefined) {
        starts.push(inputAt + last.start);
        ends.push(inputAt + last.end);
        rows.push(last.row);
      }
      i32[(state >>> 2) + 4] = 0;
      return readOdd(u8, starts, ends, rows);
    };
    let status: number;
    for (;;) {
      status = scan(inputAt, inputAt + limit, plan, state);
      if (status === 1) {
        if (!flush()) return { records: i32[(state >>> 2) + 1]! >>> 0, complete };
        continue;
      }
      break;
    }
    if (status === 3) return { records: -1, complete: false };
    if (status === 4) return 'js';
    // The counts of the loop, into the organisations.
    for (let slot = 0; slot < orgs.spelling.length && slot < WASM_SLOTS; slot++) {
      if (cleared[slot] === 0) continue;
      const row = i32[(firstRowsAt >>> 2) + slot]!;
      if (row >= 0 && (orgs.firstRow[slot]! < 0 || row < orgs.firstRow[slot]!)) {
        orgs.firstRow[slot] = row;
        orgs.spelling[slot] = entryText[i32[(firstEntriesAt >>> 2) + slot]!]!;
      }
      const from = (countsAt >>> 2) + slot * WIDTH;
      for (let w = 0; w < WIDTH; w++) orgs.counts[slot * WIDTH + w]! += i32[from + w]!;
    }
    const loopRead = i32[(state >>> 2) + 2]! >>> 0;
    read += loopRead;
    accepted += loopRead;
    fastRecords += loopRead;
    noOrganisation += i32[(state >>> 2) + 3]! >>> 0;
    const records = i32[(state >>> 2) + 1]! >>> 0;
    const left = rest(body, i32[state >>> 2]! >>> 0, end);
    if (left === 'bare-cr') return { records: -1, complete: false };
    flush(left.last === undefined ? undefined : { ...left.last, row: 2 + records });
    return { records: left.last === undefined ? records : records + 1, complete };
  }

  function fastScan(): { records: number; complete: boolean } {
    const fast = new FastRows(d, roles, questions as Question[], keyIndex, need, orgs, orgIndex);
    const flush = (buf: Uint8Array): boolean => {
      const ok = readOdd(buf, fast.oddStarts, fast.oddEnds, fast.oddRows);
      fast.oddStarts.length = 0;
      fast.oddEnds.length = 0;
      fast.oddRows.length = 0;
      return ok;
    };
    // Scans buf[start, lim); returns where it stopped, or -1 (a bare CR) or
    // -2 (the first invalid row under 'fail').
    const run = (buf: Uint8Array, start: number, lim: number): number => {
      let i = start;
      while (i < lim) {
        i = fast.scan(buf, i, lim, BATCH);
        if (fast.bareCr) return -1;
        // The odd records so far are read now, while their offsets still
        // point into this buffer.
        if (!flush(buf)) return -2;
        if (fast.cut >= 0) break;
      }
      return i;
    };
    // A yes/no cell is read 4 bytes at a time, so the records within 4 bytes
    // of the end of the input are scanned from a copy with room after them.
    const safe = end - 5 >= bodyStart ? body.lastIndexOf(LF, Math.min(limit - 1, end - 5)) : -1;
    const mainLimit = safe >= bodyStart ? safe + 1 : bodyStart;
    let i = run(body, bodyStart, mainLimit);
    if (i === -1) return { records: -1, complete: false };
    if (i === -2) return { records: fast.records, complete };
    const tail = new Uint8Array(end - i + 4);
    tail.set(body.subarray(i, end));
    const tailEnd = end - i;
    fast.cut = -1;
    i = run(tail, 0, Math.max(0, limit - i));
    if (i === -1) return { records: -1, complete: false };
    if (i === -2) return { records: fast.records, complete };
    read += fast.read;
    accepted += fast.read;
    fastRecords += fast.read;
    noOrganisation += fast.noOrganisation;
    const left = rest(tail, i, tailEnd);
    if (left === 'bare-cr') return { records: -1, complete: false };
    if (left.last === undefined) return { records: fast.records, complete };
    readOdd(tail, [left.last.start], [left.last.end], [2 + fast.records]);
    return { records: fast.records + 1, complete };
  }

  if (refused) {
    // The reader refused a batch of odd records (a runaway quote): the
    // whole input through the reader, or, for a part, the file in one piece.
    if (whole) return scanPart(questionnaire, input, { ...settings, readerOnly: true });
    complete = false;
  }
  if (records === -1) {
    // A bare CR: start again, the whole input through the reader.
    return scanNokPart(questionnaire, input, { ...settings, readerOnly: true });
  }

  const firstRows = orgs.firstRow.map((row, k) => (k < orgIndex.dictionary.length ? 0 : row));
  // Unlisted organisations in the order of their first accepted row.
  const order = orgs.spelling.map((_, k) => k);
  const declared = orgIndex.dictionary.length;
  const unlisted = order
    .slice(declared)
    .filter((k) => orgs.firstRow[k]! >= 0)
    .sort((a, b) => orgs.firstRow[a]! - orgs.firstRow[b]!);
  const ordered = [...order.slice(0, declared), ...unlisted];
  const counts = new Float64Array(ordered.length * WIDTH);
  ordered.forEach((k, at) => {
    for (let w = 0; w < WIDTH; w++) counts[at * WIDTH + w] = orgs.counts[k * WIDTH + w]!;
  });
  return {
    organisations: ordered.map((k) => orgs.spelling[k]!),
    firstRows: ordered.map((k) => firstRows[k]!),
    counts,
    noOrganisation,
    read,
    accepted,
    rejected,
    droppedAnswers: dropped,
    headerIssues,
    rowIssues,
    omittedIssues: omitted,
    omittedHeaderIssues: headerOmitted,
    records,
    complete,
    ...(failure === undefined ? {} : { failure }),
    fastRecords,
    dictionaries,
    listed,
  };
}
