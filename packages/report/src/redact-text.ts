import { findPhoneNumbersInText } from 'libphonenumber-js/core';
import { PHONE_METADATA } from './internal/phone-metadata.js';

/** Options of {@link redactText}: what to remove (all by default) and the mark put in its place. */
export interface RedactTextOptions {
  /**
   * Remove e-mail addresses; default `true`.
   */
  readonly emails?: boolean;
  /**
   * Remove phone numbers: Lithuanian and Russian numbers in national or
   * international format, any number written with a leading `+` and 7 or more
   * digits, and any other run of 9 or more digits; default `true`.
   */
  readonly phones?: boolean;
  /**
   * Remove personal codes: the Lithuanian *asmens kodas* (11 digits, the first
   * 1–6) and the Russian SNILS (11 digits, usually `123-456-789 01`); default `true`.
   */
  readonly personalCodes?: boolean;
  /** The text put in place of each removed piece; default `[removed]`. */
  readonly replacement?: string;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// An asmens kodas: 11 digits, the first 1–6 (century and sex). SNILS: 11 digits,
// grouped 3-3-3 and 2 by hyphens or spaces. Both are cut out before phones, so a
// code is never half-taken by the phone pattern.
const LT_PERSONAL_CODE = /(?<![\p{N}])[1-6]\p{Nd}{10}(?![\p{N}])/gu;
const SNILS = /(?<![\p{N}])\d{3}[- ]\d{3}[- ]\d{3}[- ]\d{2}(?![\p{N}])/gu;

// What is kept although it is made of digits: each pattern is anchored so that it
// cannot start or end inside a longer group of digits joined by its own
// separators (`+370.12.11.2026` is no date), but may stand next to a phone number
// separated by a space (`+370 612 34567 15.10.2026`).
const YEAR = String.raw`(?:19|20)\d{2}`;
const MONTH = String.raw`(?:0?[1-9]|1[0-2])`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])`;
const KEPT = new RegExp(
  [
    // ISO and day-first dates: 2026-10-15, 2026.10.15, 15.10.2026, 15/10/2026.
    String.raw`(?<!\p{N}[-./]?)${YEAR}([-./])${MONTH}\1${DAY}(?![-./]?\p{N})`,
    String.raw`(?<!\p{N}[./]?)${DAY}([./])${MONTH}\2${YEAR}(?![./]?\p{N})`,
    // Times: 10:30, 10:30:15, and 8.30 only before val., h or ч. (else a
    // phone's last groups, `000 00.00`, would pass for a time).
    String.raw`(?<!\p{N}[.:]?)(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?(?![.:]?\p{N})|\.[0-5]\d(?=\s?(?:val|h|ч)(?!\p{L})))`,
    // School and financial years: 2025–2026, 2025/26 (checked to be consecutive below).
    String.raw`(?<!\p{N}[-–—/]?)(${YEAR})\s?[-–—/]\s?(\d{4}|\d{2})(?![-–—/]?\p{N})`,
    // Amounts and percentages: 1 500 €, 12,50 EUR, 300 руб., 45 %, € 20.
    String.raw`(?<!\p{N}[\s.,]?)\d{1,3}(?:[\s.]\d{3})*(?:[.,]\d+)?\s?(?:%|‰|€|\$|₽|(?:eur|EUR|Eur|eurų|USD|руб|рублей|RUB|proc)(?!\p{L}))`,
    String.raw`(?:€|\$|₽)\s?\d{1,3}(?:[\s.]\d{3})*(?:[.,]\d+)?(?![.,]?\p{N})`,
  ].join('|'),
  'gu',
);
// A group of digits that may be one phone number: an optional + or 00, then
// digits with at most two spaces, dots, hyphens or brackets between them.
const DIGIT_GROUP = /(?:\+|(?<![\p{N}])00)?\(?\d(?:[\s().\u2010-\u2013-]{0,2}\d)*/gu;
// Stands in for a kept span while phones are looked for: neither a digit, a
// separator a phone may contain nor a Latin letter (which would make the phone
// grammar reject a number that touches it).
const HOLD = '\u0416';

interface Span {
  readonly start: number;
  readonly end: number;
}

/** The spans of `text` that must survive: dates, times, school years, amounts. */
function keptSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(KEPT)) {
    const [first, second] = [m[3], m[4]];
    // A school year is two consecutive years (2025–2026, 2025/26); other pairs
    // of four-digit numbers are left to the phone rules.
    if (first !== undefined && second !== undefined) {
      const next = (Number(first) + 1) % (second.length === 2 ? 100 : 10_000);
      if (Number(second) !== next) continue;
    }
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/** The spans of `masked` that are phone numbers. */
function phoneSpans(masked: string): Span[] {
  const found: Span[] = [];
  // The national formats differ (8 6xx xxxxx is Lithuanian, 8 9xx xxx-xx-xx
  // Russian): each default country reads the text once.
  for (const defaultCountry of ['LT', 'RU'] as const) {
    for (const number of findPhoneNumbersInText(masked, { defaultCountry }, PHONE_METADATA)) {
      found.push({ start: number.startsAt, end: number.endsAt });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const spans = [...found];
  let next = 0;
  for (const m of masked.matchAll(DIGIT_GROUP)) {
    const start = m.index;
    const end = start + m[0].length;
    const digits = m[0].replace(/\D/g, '').length;
    while (next < found.length && (found[next]?.end ?? 0) <= start) next += 1;
    const touched = (found[next]?.start ?? end) < end;
    // The grammar may settle for part of a group (`600 12345` in `0 8 600
    // 12345`): the whole group goes. So does a group that no plan knows but is
    // long enough to be a phone number.
    if (digits >= 9 || (m[0].startsWith('+') && digits >= 7) || touched) {
      spans.push({ start, end });
    }
  }
  return spans;
}

/** The spans of each match of `pattern` (a global one) in `text`. */
function matchSpans(text: string, pattern: RegExp): Span[] {
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** `text` with each span overwritten by `fill`, the length unchanged. */
function maskSpans(text: string, spans: readonly Span[], fill: string): string {
  let out = '';
  let at = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    out += text.slice(at, from) + fill.repeat(end - from);
    at = end;
  }
  return out + text.slice(at);
}

/** `text` with each span, merged where they overlap, replaced by `mark`. */
function replaceSpans(text: string, spans: readonly Span[], mark: string): string {
  let out = '';
  let at = 0;
  let open: Span | undefined;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (open !== undefined && span.start <= open.end) {
      open = { start: open.start, end: Math.max(open.end, span.end) };
      continue;
    }
    if (open !== undefined) out += text.slice(at, open.start) + mark;
    at = open?.end ?? at;
    open = span;
  }
  if (open !== undefined) out += text.slice(at, open.start) + mark;
  return out + text.slice(open?.end ?? at);
}

/**
 * Removes personal data from a respondent's free text: e-mail addresses,
 * phone numbers and personal codes.
 *
 * @remarks
 * Open-text answers are published in a study report; respondents sometimes
 * leave their contacts there. Phone numbers are read with the numbering plans
 * of Lithuania and Russia (libphonenumber-js, Google's libphonenumber grammar):
 * `+370 612 34567`, `8 612 34567`, `(8 5) 212 3456`, `+7 (912) 345-67-89`,
 * `8 (800) 555-35-35`, with spaces, hyphens, dots or brackets between the
 * groups. Any other number written with a leading `+` and 7 or more digits, and
 * any run of 9 or more digits, is removed as well: better to remove an order
 * number than to publish a phone. An 11-digit number starting 1–6 is taken for
 * a Lithuanian personal code and `123-456-789 01` for a SNILS.
 *
 * Dates (`2026-10-15`, `15.10.2026`), times (`10:30`), school years
 * (`2025–2026`), amounts (`1 500 €`) and percentages (`45 %`) are kept, also
 * when they stand right next to a phone number. The patterns are regular
 * expressions without nested quantifiers, linear in the length of the text.
 *
 * @param text - the answer as written
 * @param options - what to remove and the replacement mark
 * @returns the text with each match replaced
 *
 * @example
 * ```ts
 * redactText('Write to jonas@example.lt or call +370 612 34567.'); // => 'Write to [removed] or call [removed].'
 * redactText('Мой СНИЛС 112-233-445 95, тел. 8 (912) 345-67-89', { replacement: '[удалено]' }); // => 'Мой СНИЛС [удалено], тел. [удалено]'
 * redactText('Asmens kodas 38703181745.'); // => 'Asmens kodas [removed].'
 * redactText('Call +370 612 34567 15.10.2026 at 10:30.'); // => 'Call [removed] 15.10.2026 at 10:30.'
 * redactText('a@b.lt', { emails: false }); // => 'a@b.lt'
 * ```
 */
export function redactText(text: string, options: RedactTextOptions = {}): string {
  const mark = options.replacement ?? '[removed]';
  const out = options.emails === false ? text : text.replace(EMAIL, mark);
  // Dates, times, school years and amounts are held out of every later pattern,
  // so that no code or phone number can take a piece of one.
  const masked = maskSpans(out, keptSpans(out), HOLD);
  const codes =
    options.personalCodes === false
      ? []
      : [...matchSpans(masked, SNILS), ...matchSpans(masked, LT_PERSONAL_CODE)];
  // A personal code is cut out before phones are looked for, so that it is
  // never half-taken by a phone number.
  const phones = options.phones === false ? [] : phoneSpans(maskSpans(masked, codes, HOLD));
  return replaceSpans(out, [...codes, ...phones], mark);
}
