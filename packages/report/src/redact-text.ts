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
  /**
   * Remove person names in Lithuanian and Russian text, found by a heuristic
   * (see {@link redactText}): runs of capitalised words inside a sentence,
   * words with a surname or patronymic ending, and capitalised words after a
   * title such as *mokytoja* or *учитель*; default `true`.
   */
  readonly names?: boolean;
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

// Person names. A word: letters (with combining marks, so NFD text reads the
// same), digits, and hyphen-joined parts (Kazlauskienė-Petrauskienė, г-жа).
const WORD = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu;
// A capitalised word: an upper-case letter, then lower-case letters only, at
// least two letters in all (each hyphen-joined part alike). Abbreviations
// (ĮT, СНИЛС), one-letter labels (Gimnazija A) and words with digits are not.
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)*$/u;
// Titles a name follows: teacher, form tutor, principal and the like, any
// inflection (mokytoja, mokytojos, mokytojai; учитель, учительницу), and the
// abbreviations p. (ponas, ponia), gerb., г-н, г-жа.
const TITLE = new RegExp(
  String.raw`^(?:` +
    [
      String.raw`mokytoj\p{Ll}{0,4}`,
      String.raw`auklėtoj\p{Ll}{0,4}`,
      String.raw`direktori\p{Ll}{0,4}`,
      String.raw`direktor(?:ė|ės|ei|ę|e)`,
      String.raw`pavaduotoj\p{Ll}{0,4}`,
      String.raw`psicholog\p{Ll}{0,3}`,
      String.raw`logoped\p{Ll}{0,3}`,
      String.raw`pedagog\p{Ll}{0,3}`,
      String.raw`treneri\p{Ll}{0,3}|trener(?:is|ė|ės|ei|ę)`,
      String.raw`pon(?:as|ia|ios|iai|ią|o|ui|ą)`,
      'p',
      'gerb',
      String.raw`учител\p{Ll}{0,5}`,
      String.raw`директор\p{Ll}{0,3}`,
      String.raw`завуч\p{Ll}{0,3}`,
      String.raw`воспитател\p{Ll}{0,5}`,
      String.raw`руководител\p{Ll}{0,3}`,
      String.raw`педагог\p{Ll}{0,3}`,
      String.raw`психолог\p{Ll}{0,3}`,
      String.raw`логопед\p{Ll}{0,3}`,
      String.raw`тренер\p{Ll}{0,3}`,
      String.raw`г-(?:н|жа)`,
      String.raw`господ\p{Ll}{0,3}|госпож\p{Ll}{0,2}`,
    ].join('|') +
    ')$',
  'iu',
);
// Surname and patronymic endings (with their common case forms). Strong ones
// mark a surname even alone: Lithuanian women's surnames (-ienė, -aitė, -ytė,
// -utė, -iūtė), Russian patronymics (-ович, -евич, -ич, -овна, -евна, -ична)
// and Russian surnames in -ова/-ева/-ский/-ская/-цкий/-цкая.
const STRONG_ENDING = new RegExp(
  String.raw`(?:` +
    [
      String.raw`(?:ien|ait|yt|ut|iūt)(?:ė|ės|ei|ę|e|ėje)`,
      String.raw`(?:ович|евич|ич)(?:а|у|ем|е)?`,
      String.raw`(?:овн|евн|ичн)(?:а|ы|е|у|ой)`,
      String.raw`(?:ов|ев|ёв)(?:а|ой|у)`,
      String.raw`(?:ск|цк)(?:ий|ая|ого|ой|ому|ую|им)`,
    ].join('|') +
    ')$',
  'u',
);
// Weak ones only after another capitalised word (a given name): Lithuanian
// men's surnames (-as, -is, -us, -ys and their genitive and dative), Russian
// -ов/-ев/-ин/-ын.
const WEAK_ENDING =
  /(?:as|is|ys|us|ius|o|io|ui|iui|aus|ов|ев|ёв|ин|ын|ова|ева|ина|ына|ову|еву|ину|овой|евой|иной)$/u;
// Between two words of a run: spaces or tabs only.
const RUN_GAP = /^[ \t\u00A0]+$/u;
// Before a sentence's first word: the end of a sentence or a line break.
const SENTENCE_BREAK = /[.!?…\n\r]/u;

interface Word extends Span {
  readonly text: string;
}

/**
 * The spans of `text` that are person names, by the heuristic
 * {@link redactText} describes.
 */
function nameSpans(text: string): Span[] {
  // Each word composed (NFC) for the patterns, so that decomposed letters
  // (e + U+0307 for ė, и + U+0306 for й) read the same.
  const words: Word[] = [...text.matchAll(WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0].normalize('NFC'),
  }));
  const spans: Span[] = [];
  const gap = (i: number): string => text.slice(words[i - 1]?.end ?? 0, words[i]!.start);
  // After a title (mokytoja Rūta; p. Kazlauskienė): a title word, then
  // spaces, or its abbreviation's dot and spaces.
  const afterTitle = (i: number): boolean =>
    i > 0 && TITLE.test(words[i - 1]!.text) && /^\.?[ \t\u00A0]+$/u.test(gap(i));
  const sentenceStart = (i: number): boolean =>
    SENTENCE_BREAK.test(gap(i)) || (i === 0 && !/[\p{L}\p{N}]/u.test(gap(i)));
  const take = (from: number, to: number): void => {
    spans.push({ start: words[from]!.start, end: words[to]!.end });
  };
  let i = 0;
  while (i < words.length) {
    if (!CAPITALISED.test(words[i]!.text)) {
      i += 1;
      continue;
    }
    // A run of capitalised words, separated by spaces only.
    let end = i;
    while (
      end + 1 < words.length &&
      CAPITALISED.test(words[end + 1]!.text) &&
      RUN_GAP.test(gap(end + 1))
    ) {
      end += 1;
    }
    let first = i;
    // A capitalised title opens the run (Mokytoja Rūta ..., Учитель Иванова ...): kept.
    while (first <= end && TITLE.test(words[first]!.text) && first < end) first += 1;
    const titled = first > i || afterTitle(first);
    const initial = first === i && sentenceStart(first);
    const length = end - first + 1;
    const ending = (w: number): boolean =>
      STRONG_ENDING.test(words[w]!.text) || (w > first && WEAK_ENDING.test(words[w]!.text));
    if (titled && !TITLE.test(words[first]!.text)) take(first, end);
    else if (length >= 2 && !initial) take(first, end);
    else if (length >= 3) {
      // At a sentence's start the first word may be capitalised only as the
      // first (Sakau Rūta Kazlauskienė): the rest is a name, and the first
      // word with it when it has a surname ending itself (Иванова Мария Петровна).
      take(
        STRONG_ENDING.test(words[first]!.text) || WEAK_ENDING.test(words[first]!.text)
          ? first
          : first + 1,
        end,
      );
    } else if (length === 2 && ending(first + 1)) take(first, end);
    else if (!initial && STRONG_ENDING.test(words[first]!.text)) take(first, end);
    i = end + 1;
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
 * phone numbers, personal codes and person names.
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
 * Person names (Lithuanian and Russian text) are found by a heuristic over
 * capitalised words — an upper-case letter, then lower-case letters (Latin or
 * Cyrillic, with Lithuanian diacritics, composed or not); a run is such words
 * separated by spaces only. Removed are:
 * - a run of two or more capitalised words that does not begin a sentence
 *   (`su Jonu Petraičiu`);
 * - a run of two at a sentence's start when its second word has a surname or
 *   patronymic ending — Lithuanian -ienė, -aitė, -ytė, -utė, -iūtė, or -as,
 *   -is, -us, -ys after a given name; Russian -ов/-ова, -ев/-ева, -ин/-ина,
 *   -ский/-ская, -ович/-овна, -евич/-евна, -ична, with common case forms
 *   (`Rūta Kazlauskienė elgiasi…`, `Мария Петровна…`);
 * - a run of three or more at a sentence's start: all but its first word
 *   (`Sakau [removed]`), and the first too when it has such an ending
 *   (`Иванова Мария Петровна`);
 * - the capitalised words after a title — mokytoja/mokytojas, auklėtoja,
 *   direktorius/direktorė, pavaduotoja, psichologė, logopedė, treneris, ponas/ponia,
 *   p., gerb.; учитель/учительница, директор, завуч, воспитатель, руководитель,
 *   педагог, психолог, логопед, тренер, г-н, г-жа, in any case form — the title
 *   itself kept (`Mokytoja [removed] iš 5b klasės`);
 * - one capitalised word inside a sentence with a strong ending (-ienė, -aitė,
 *   -ytė, -utė, -iūtė, -ович, -овна, -евна, -ична, -ова, -ева, -ский, -ская).
 *
 * Kept: sentence-initial capitalised words, a capitalised word followed by
 * lower-case ones (`Trakų gimnazija`, `Москва красивая`), one-letter and
 * all-capital words (`Gimnazija A`, `СНИЛС`), dates and numbers. The heuristic
 * is no name dictionary, and it errs on the side of removing: it misses a
 * given name alone inside a sentence (`Rūta`, unless after a title), a name
 * written in lower case, initials (`J.` before a surname is kept, the surname
 * removed only by its ending) and a lone surname at a sentence's start; it
 * removes capitalised names of places and institutions written in a run
 * inside a sentence (`mokausi Trakų Vokės gimnazijoje` loses `Trakų Vokės`)
 * and a capitalised word after `p.` (page) or after a title word used
 * otherwise. Turn it off with `names: false`.
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
 * redactText('Mokytoja Rūta Kazlauskienė iš 5b klasės'); // => 'Mokytoja [removed] iš 5b klasės'
 * redactText('Учитель Иванова Мария Петровна кричит'); // => 'Учитель [removed] кричит'
 * redactText('Trakų gimnazija gera.'); // => 'Trakų gimnazija gera.'
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
  const names = options.names === false ? [] : nameSpans(out);
  return replaceSpans(out, [...codes, ...phones, ...names], mark);
}
