/** Options of {@link redactText}: what to remove (all by default) and the mark put in its place. */
export interface RedactTextOptions {
  /** Remove e-mail addresses; default `true`. */
  readonly emails?: boolean;
  /** Remove phone numbers (9 or more digits, or any number written with a leading `+`); default `true`. */
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
// A phone: an optional + or 00, then digits with spaces, dots, hyphens or
// parentheses between them. Kept only with 9+ digits (or a leading +), so
// that dates (2026-10-15) and years survive.
const DATE = /\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}/;
const PHONE = /(?:\+|(?<![\p{N}])00)?\(?\d[\d\s().\u2010-\u2013-]{5,}\d(?![\p{N}])/gu;

/**
 * Removes personal data from a respondent's free text: e-mail addresses,
 * phone numbers and personal codes.
 *
 * @remarks
 * Open-text answers are published in a study report; respondents sometimes
 * leave their contacts there. The patterns are deliberately greedy: a number
 * of 9 or more digits (or one with a leading `+`) is taken for a phone
 * number, an 11-digit number starting 1–6 for a Lithuanian personal code, and
 * `123-456-789 01` for a SNILS; dates such as 2026-10-15 and 15.10.2026
 * are kept. Better to remove an order number than to
 * publish a phone. The patterns are regular expressions without nested
 * quantifiers, linear in the length of the text.
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
 * redactText('Meeting on 2026-10-15 at 10:30.'); // => 'Meeting on 2026-10-15 at 10:30.'
 * redactText('a@b.lt', { emails: false }); // => 'a@b.lt'
 * ```
 */
export function redactText(text: string, options: RedactTextOptions = {}): string {
  const mark = options.replacement ?? '[removed]';
  let out = text;
  if (options.emails !== false) out = out.replace(EMAIL, mark);
  if (options.personalCodes !== false) {
    out = out.replace(SNILS, mark).replace(LT_PERSONAL_CODE, mark);
  }
  if (options.phones !== false) {
    out = out.replace(PHONE, (match) => {
      // A date (2026-10-15, 15.10.2026) followed by a time is not a phone number.
      if (DATE.test(match)) return match;
      const digits = match.replace(/\D/g, '').length;
      if (digits >= 9 || (match.startsWith('+') && digits >= 7)) {
        // Keep a trailing space or bracket that the pattern may have taken.
        const trail = /[\s(]+$/.exec(match)?.[0] ?? '';
        return mark + trail;
      }
      return match;
    });
  }
  return out;
}
