// Record-level rules of the CSV scanner that are not about cells: the
// `sep=` line Excel writes, a header row repeated inside the data, and the
// bound on line breaks in one quoted cell.
import { EduQualityError } from '@edu-quality/core';

const LF = 10;
const CR = 13;

/**
 * The most line breaks one quoted cell may hold. A quote that opens a cell
 * and is not closed within this many line feeds (or before the end of the
 * input) is taken as a stray quote, and the file is refused: read on, it
 * would swallow the rows after it into one cell. A survey comment with more
 * line breaks than this is not expected.
 */
export const MAX_QUOTED_LINE_FEEDS = 100;

/** Whether `buf[s, e)` holds more than {@link MAX_QUOTED_LINE_FEEDS} line feeds. */
export function tooManyLineFeeds(buf: Uint8Array, s: number, e: number): boolean {
  // A cell with more line feeds than that has more bytes than that.
  if (e - s <= MAX_QUOTED_LINE_FEEDS) return false;
  let count = 0;
  for (let i = buf.indexOf(LF, s); i >= 0 && i < e; i = buf.indexOf(LF, i + 1)) {
    if (++count > MAX_QUOTED_LINE_FEEDS) return true;
  }
  return false;
}

/**
 * The refusal of a file with a runaway quoted cell, naming the row and
 * column where the quote opened.
 */
export function runawayQuote(row: number, column: number, field: string): EduQualityError {
  const message = `the quote that opens the cell at row ${row}, column ${column} is not closed within ${MAX_QUOTED_LINE_FEEDS} line breaks or before the end of the file; the rows after it cannot be told apart, so the file is not read — fix or remove that quote`;
  return new EduQualityError('invalid-input', `readResponses: ${message}`, {
    issues: [
      { code: 'unbalanced-quote', message, row, column, ...(field === '' ? {} : { field }) },
    ],
  });
}

/**
 * Whether the quoted span `buf[s, e)` holds a line break (LF or a lone CR).
 */
export function spansLines(buf: Uint8Array, s: number, e: number): boolean {
  const lf = buf.indexOf(LF, s);
  if (lf >= 0 && lf < e) return true;
  const cr = buf.indexOf(CR, s);
  return cr >= 0 && cr < e;
}

/**
 * The refusal of a file where a quoted cell runs over line breaks and then
 * has text after its closing quote: the opening quote was a stray one and
 * the "closing" quote belongs to a later cell, so the rows in between were
 * swallowed into one cell. Rejecting that one record would silently drop
 * the swallowed rows with it, so the file is refused, naming the row and
 * column where the quote opened.
 */
export function strayQuote(row: number, column: number, field: string): EduQualityError {
  const message = `the quote that opens the cell at row ${row}, column ${column} runs over line breaks and is closed by a quote with text after it: it is most likely a stray quote that swallowed the rows after it, which cannot be told apart, so the file is not read — fix or remove that quote`;
  return new EduQualityError('invalid-input', `readResponses: ${message}`, {
    issues: [
      { code: 'unbalanced-quote', message, row, column, ...(field === '' ? {} : { field }) },
    ],
  });
}

/**
 * Reads an Excel `sep=X` first line (any case, then CRLF or LF) at `buf[s]`:
 * the delimiter byte and the offset after the line; `undefined` when the
 * line is something else; `null` when the bytes up to `end` cannot tell yet.
 */
export function sepLine(
  buf: Uint8Array,
  s: number,
  end: number,
  final: boolean,
): { readonly delimiter: number; readonly next: number } | null | undefined {
  const prefix = [0x73, 0x65, 0x70, 0x3d]; // "sep="
  for (let k = 0; k < 4; k++) {
    if (s + k >= end) return final ? undefined : null;
    const c = buf[s + k]!;
    if ((k < 3 ? c | 0x20 : c) !== prefix[k]) return undefined;
  }
  const at = s + 4;
  if (at >= end) return final ? undefined : null;
  const delimiter = buf[at]!;
  const eol = at + 1;
  if (eol >= end) return final ? { delimiter, next: eol } : null;
  if (buf[eol] === LF) return { delimiter, next: eol + 1 };
  if (buf[eol] !== CR) return undefined;
  if (eol + 1 >= end) return final ? { delimiter, next: eol + 1 } : null;
  return { delimiter, next: buf[eol + 1] === LF ? eol + 2 : eol + 1 };
}

/** `buf[s, e)` without a UTF-8 BOM at its start or line ends at its end. */
function trimRecord(buf: Uint8Array, s: number, e: number): [number, number] {
  if (buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
  while (e > s && (buf[e - 1] === LF || buf[e - 1] === CR)) e--;
  return [s, e];
}

/** The header's bytes, as {@link repeatsHeader} compares them. */
export function headerBytes(buf: Uint8Array, s: number, e: number): Uint8Array {
  const [from, to] = trimRecord(buf, s, e);
  return buf.slice(from, to);
}

/**
 * Whether the record `buf[s, e)` (its line end included) repeats the header
 * byte for byte, as when two exports are joined into one file (a second
 * file's UTF-8 BOM aside).
 */
export function repeatsHeader(header: Uint8Array, buf: Uint8Array, s: number, e: number): boolean {
  const [from, to] = trimRecord(buf, s, e);
  if (to - from !== header.length || header.length === 0) return false;
  for (let k = 0; k < header.length; k++) if (buf[from + k] !== header[k]) return false;
  return true;
}

/**
 * Whether the record `buf[s, e)` is a `sep=` line naming `delimiter`: the
 * first line of a second Excel export joined to the first.
 */
export function isSepRecord(buf: Uint8Array, s: number, e: number, delimiter: number): boolean {
  const [from, to] = trimRecord(buf, s, e);
  const sep = sepLine(buf, from, to, true);
  return sep !== null && sep !== undefined && sep.delimiter === delimiter && sep.next === to;
}
