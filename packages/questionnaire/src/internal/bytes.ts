// Byte-level helpers of the CSV scanner: a small hash map keyed by a cell's
// bytes, a number parser that reads bytes without building a string, and a
// strict UTF-8 decoder. See docs/decisions/0003-hand-written-csv-scanner.md for
// why ingestion works on bytes rather than on strings.

/** Returned by {@link ByteKeyMap.get} and {@link ByteKeyMap.find} when the key is absent. */
export const MISS = -0x80000000;

const MAX_ENTRIES = 2048;
// The general table starts small and doubles up to MAX_ENTRIES: a builder
// gets one map per column, and a 10,000-item questionnaire allocated 62 KB
// for each (620 MB) before reading a row.
const INITIAL_ENTRIES = 16;
const MAX_KEY_BYTES = 256;

/** The FNV-1a offset basis: the hash of no bytes. */
export const HASH_SEED: number = 0x811c9dc5 | 0;

/** One FNV-1a step; the scanner inlines the same expression. */
export const HASH_PRIME = 0x01000193;

/** The FNV-1a hash of `buf[s, e)`, the key hash of {@link ByteKeyMap}. */
export function hashBytes(buf: Uint8Array, s: number, e: number): number {
  let h = HASH_SEED;
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, HASH_PRIME);
  return h;
}

/** Slots of the short-key table: a power of two, at most half full. */
const SHORT_SLOTS = 256;
const MAX_SHORT = SHORT_SLOTS / 2;

// Until its first key a map reads these shared empty tables (never written:
// `set` gives a map its own before writing), so a column that never needs
// the map costs no allocation; a 10,000-item questionnaire has 10,000 maps.
const EMPTY_TABLE = new Int32Array(INITIAL_ENTRIES * 2 * 2);
const EMPTY_ENTRIES = new Int32Array(0);
const EMPTY_POOL = new Uint8Array(0);
const EMPTY_SHORT_KEYS = new Int32Array(SHORT_SLOTS).fill(-1);
const EMPTY_SHORT_VALUES = new Int32Array(SHORT_SLOTS);

/**
 * A map from a byte string (a cell's raw bytes) to an int, so that a label met
 * a million times is decoded, normalised and looked up once. Bounded: once
 * full, `set` is a no-op and lookups fall back to the slow path, so hostile
 * input with many distinct values cannot grow it without limit.
 *
 * Layout, for the scanner's hot loop (the NOK bench looks up 15 cells a row):
 * keys of at most 3 bytes (`yes`, `no`, an empty cell, a code) are packed
 * with their length into one int, exact, so their lookup compares ints and
 * reads no pool; longer keys probe `table`, which interleaves each slot's
 * hash with its entry so that a probe reads one cache line, and a hit reads
 * the entry's start, length and value from one place.
 */
export class ByteKeyMap {
  /** Per slot: [hash, entry + 1], 0 marking an empty slot. */
  private table: Int32Array = EMPTY_TABLE;
  /** The slot mask of `table`: its slot count (twice the entries it holds at most) less one. */
  private mask = INITIAL_ENTRIES * 2 - 1;
  /** Per entry: [start in the pool, length, value]. */
  private entries: Int32Array = EMPTY_ENTRIES;
  /** Per slot: the packed short key, or -1. */
  private shortKeys: Int32Array = EMPTY_SHORT_KEYS;
  private shortValues: Int32Array = EMPTY_SHORT_VALUES;
  private shortCount = 0;
  private pool: Uint8Array = EMPTY_POOL;
  private poolLength = 0;
  private count = 0;

  get(buf: Uint8Array, s: number, e: number): number {
    return this.find(buf, s, e, hashBytes(buf, s, e));
  }

  /**
   * {@link ByteKeyMap.get} with the key's {@link hashBytes} already known: the
   * scanner hashes a cell while it looks for the cell's end, so the bytes are
   * read once.
   */
  find(buf: Uint8Array, s: number, e: number, h: number): number {
    const length = e - s;
    if (length <= 3) {
      const value = this.findShort(packShort(buf, s, length));
      // While the short table has room every short key is in it, so a miss
      // there is a miss; past that, short keys go to the general table.
      if (value !== MISS || this.shortCount < MAX_SHORT) return value;
    }
    if (length > MAX_KEY_BYTES) return MISS;
    const table = this.table;
    const mask = this.mask;
    for (let slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 1;
      const entry = table[at + 1]! - 1;
      if (entry < 0) return MISS;
      if (table[at] !== h) continue;
      const meta = entry * 3;
      const entries = this.entries;
      if (entries[meta + 1] !== length) continue;
      const pool = this.pool;
      const start = entries[meta]! - s;
      let k = s;
      while (k < e && pool[start + k] === buf[k]) k++;
      if (k === e) return entries[meta + 2]!;
    }
  }

  /**
   * The value of a key of at most 3 bytes given as {@link packedKey}, or
   * MISS; once the short table is full a MISS may be a key of the general
   * table, so the caller must then try {@link ByteKeyMap.get}.
   */
  findShort(key: number): number {
    const keys = this.shortKeys;
    for (let slot = shortSlot(key); ; slot = (slot + 1) & (SHORT_SLOTS - 1)) {
      const k = keys[slot]!;
      if (k === key) return this.shortValues[slot]!;
      if (k < 0) return MISS;
    }
  }

  set(buf: Uint8Array, s: number, e: number, value: number): void {
    const length = e - s;
    if (length > MAX_KEY_BYTES) return;
    const h = hashBytes(buf, s, e);
    if (this.find(buf, s, e, h) !== MISS) return;
    if (length <= 3 && this.shortCount < MAX_SHORT) {
      if (this.shortKeys === EMPTY_SHORT_KEYS) {
        this.shortKeys = new Int32Array(SHORT_SLOTS).fill(-1);
        this.shortValues = new Int32Array(SHORT_SLOTS);
      }
      const key = packShort(buf, s, length);
      const keys = this.shortKeys;
      let slot = shortSlot(key);
      while (keys[slot]! >= 0) slot = (slot + 1) & (SHORT_SLOTS - 1);
      keys[slot] = key;
      this.shortValues[slot] = value;
      this.shortCount++;
      return;
    }
    if (this.count >= MAX_ENTRIES) return;
    if (this.entries === EMPTY_ENTRIES) {
      this.table = new Int32Array(INITIAL_ENTRIES * 2 * 2);
      this.entries = new Int32Array(INITIAL_ENTRIES * 3);
    } else if (this.count * 3 === this.entries.length) this.grow();
    if (this.poolLength + length > this.pool.length) {
      const grown = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + length));
      grown.set(this.pool.subarray(0, this.poolLength));
      this.pool = grown;
    }
    this.pool.set(buf.subarray(s, e), this.poolLength);
    const entry = this.count++;
    this.entries[entry * 3] = this.poolLength;
    this.entries[entry * 3 + 1] = length;
    this.entries[entry * 3 + 2] = value;
    this.poolLength += length;
    this.place(h, entry);
  }

  private place(h: number, entry: number): void {
    const table = this.table;
    const mask = this.mask;
    let slot = spread(h) & mask;
    while (table[(slot << 1) + 1]! !== 0) slot = (slot + 1) & mask;
    table[slot << 1] = h;
    table[(slot << 1) + 1] = entry + 1;
  }

  /** Doubles the general table (the entries keep their numbers) and re-places them. */
  private grow(): void {
    const old = this.table;
    const capacity = (this.entries.length / 3) * 2;
    const entries = new Int32Array(capacity * 3);
    entries.set(this.entries);
    this.entries = entries;
    this.table = new Int32Array(capacity * 2 * 2);
    this.mask = capacity * 2 - 1;
    for (let at = 0; at < old.length; at += 2) {
      const entry = old[at + 1]! - 1;
      if (entry >= 0) this.place(old[at]!, entry);
    }
  }
}

/**
 * A key of at most 3 bytes as one non-negative int: the length above the
 * bytes, so that keys of different lengths (a NUL byte included) differ.
 */
function packShort(buf: Uint8Array, s: number, length: number): number {
  let bytes = 0;
  for (let k = 0; k < length; k++) bytes = (bytes << 8) | buf[s + k]!;
  return packedKey(length, bytes);
}

/** The short key of `length` (0–3) bytes whose big-endian value is `bytes`. */
export function packedKey(length: number, bytes: number): number {
  return (length << (length << 3)) | bytes;
}

function shortSlot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 24;
}

/**
 * Mixes the high bits of an FNV-1a hash into its low ones: FNV's low bits
 * depend only on the low bits of the input, so codes that differ in one
 * digit ("org-0381", "org-0382") would crowd adjacent slots.
 */
function spread(h: number): number {
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 16;
}

/** Powers of ten exactly representable as doubles: 10^0 … 10^22. */
export const POW10: Float64Array = new Float64Array(23).map((_, i) => 10 ** i);

/**
 * Parses a decimal number from bytes: optional blanks, sign, digits, one `.`
 * or `,` decimal separator (decimal commas are how Excel writes numbers in
 * the LT and RU locales), an optional exponent. Returns `NaN` when the bytes
 * are not such a number.
 *
 * Up to 15 significant digits and 22 decimals the value is `mantissa / 10^k`,
 * a division of two exactly representable doubles and therefore correctly
 * rounded (Clinger's fast path), so it equals `Number()` of the same text.
 */
export function parseNumberBytes(buf: Uint8Array, s: number, e: number): number {
  while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
  while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9)) e--;
  if (s === e) return NaN;
  let negative = false;
  let i = s;
  if (buf[i] === 45) {
    negative = true;
    i++;
  } else if (buf[i] === 43) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  let separator = false;
  for (; i < e; i++) {
    const c = buf[i]!;
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (separator) decimals++;
    } else if ((c === 46 || c === 44) && !separator) separator = true;
    else if (c === 101 || c === 69) return parseNumberText(latin1(buf, s, e));
    else return NaN;
  }
  if (digits === 0) return NaN;
  if (digits > 15 || decimals > 22) return parseNumberText(latin1(buf, s, e));
  const value = decimals === 0 ? mantissa : mantissa / POW10[decimals]!;
  return negative ? -value : value;
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/** The string counterpart of {@link parseNumberBytes}. */
export function parseNumberText(text: string): number {
  const trimmed = text.trim();
  if (!NUMBER_TEXT.test(trimmed)) return NaN;
  return Number(trimmed.replace(',', '.'));
}

/** Bytes as Latin-1 text: only for ASCII content such as numbers. */
export function latin1(buf: Uint8Array, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) out += String.fromCharCode(buf[i]!);
  return out;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a cell as UTF-8, undoing the doubled quotes of a quoted cell.
 * Returns `undefined` for bytes that are not valid UTF-8.
 */
export function decodeCell(
  buf: Uint8Array,
  s: number,
  e: number,
  escaped: boolean,
): string | undefined {
  let text: string;
  let ascii = true;
  for (let i = s; i < e; i++) {
    if (buf[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii && e - s < 64) text = latin1(buf, s, e);
  else {
    try {
      text = strict.decode(buf.subarray(s, e));
    } catch {
      return undefined;
    }
  }
  return escaped ? text.replaceAll('""', '"') : text;
}
