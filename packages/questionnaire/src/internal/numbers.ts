// The value level of a number cell (a `number` item or a weight): which
// decimal mark it uses and whether its digits are grouped. The scanner's fast
// path reads plain decimals itself and leaves every other cell to readNumber,
// which is the rule; see ReadResponsesOptions.decimalMark for the rule in
// words.
import type { DecimalMark } from '../read-responses.js';
import { parseNumberText } from './bytes.js';

/** What {@link readNumber} returns for a number whose reading depends on the locale. */
export const AMBIGUOUS_NUMBER: unique symbol = Symbol('ambiguous number');

/** A number cell read: its value (`NaN` when it is not a number) or {@link AMBIGUOUS_NUMBER}. */
export type NumberReading = number | typeof AMBIGUOUS_NUMBER;

// Characters that group thousands in exports: space, no-break space, narrow
// no-break space, thin space, apostrophe (Swiss), and the mark that is not
// the decimal one.
const GROUP_SPACES = " \u00a0\u202f\u2009'";

/**
 * Whether a cell without a declared decimal mark is a grouped or ambiguous
 * number: one `.` or `,` followed by exactly three digits after one to three
 * leading digits that do not start with 0 (`1,250`, `12.500`, `-999,000`),
 * or digits grouped by spaces or apostrophes (`1 250`, `1'250`), or both
 * marks (`1,250.5`, `1.250,5`). `0,250`, `1,25`, `1,2500` and `1250,5` have
 * one reading only: a decimal.
 */
function isGrouped(text: string): boolean {
  return (
    /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/.test(text) ||
    /^[+-]?[1-9]\d{0,2}(?:[ \u00a0\u202f\u2009'.,]\d{3})+(?:[.,]\d*)?$/.test(text)
  );
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}

const grouped: Record<DecimalMark, RegExp> = {
  '.': groupedPattern('.', ','),
  ',': groupedPattern(',', '.'),
};

/**
 * Digits grouped in threes by one kind of separator, then the decimal mark
 * and digits: `1,250.5` for `.`, `1 250,5` and `1.250,5` for `,`.
 */
function groupedPattern(mark: string, other: string): RegExp {
  const groups = escapeClass(GROUP_SPACES + other);
  const m = escapeClass(mark);
  // The group separator is captured so that the later groups repeat the same one.
  return new RegExp(
    `^([+-]?)([1-9]\\d{0,2})(?:([${groups}])(\\d{3})((?:\\3\\d{3})*))(?:[${m}](\\d*))?$`,
  );
}

/** Trims the spaces an export may put around a number, Unicode spaces included. */
function trimNumber(text: string): string {
  return text.replace(/^[\s\u200b]+|[\s\u200b]+$/g, '');
}

/**
 * Reads a number cell given as text.
 *
 * Without a decimal mark: a plain decimal (`4`, `4.5`, `4,5`, `1e3`) is read
 * with either mark, and a grouped or ambiguous number (see isGrouped) is
 * {@link AMBIGUOUS_NUMBER}. With a decimal mark: only that mark separates
 * decimals, and the integer digits may be grouped in threes by the other mark,
 * a space of any width or an apostrophe, one kind per number.
 */
export function readNumber(text: string, mark: DecimalMark | undefined): NumberReading {
  const trimmed = trimNumber(text);
  if (mark === undefined) return isGrouped(trimmed) ? AMBIGUOUS_NUMBER : parseNumberText(trimmed);
  const other = mark === '.' ? ',' : '.';
  if (!trimmed.includes(other) && !/[ \u00a0\u202f\u2009']/.test(trimmed)) {
    return parseNumberText(trimmed);
  }
  const match = grouped[mark].exec(trimmed);
  if (match === null) return NaN;
  const [, sign = '', head = '', separator = '', first = '', rest = '', decimals = ''] = match;
  const digits = head + first + rest.split(separator).join('');
  return Number(`${sign}${digits}.${decimals}0`);
}
