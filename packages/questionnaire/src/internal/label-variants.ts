// Look-alike answers: the same label or code written with other letter case,
// spaces, invisible characters or another Unicode form ("Mokykla A",
// "mokykla a", "Mokykla\u00a0A", "Mokykla A\u200b", NFD "ė"). They are read
// as one answer (labelKey), and so are words that mix Latin with Cyrillic or
// Greek look-alike letters ("Gіmnazija" with a Cyrillic і; see
// foldLookalikes: a word wholly in one script is never folded), and the merge is counted so that it can be
// reported once per item and answer, never per row.
import type { Issue } from '@edu-quality/core';
import {
  INVISIBLE_CHARACTERS,
  answerLabelKey,
  cleanAnswerLabel,
  foldLookalikes,
} from '../answer-label.js';

const INVISIBLE = INVISIBLE_CHARACTERS;

/** A label as it is stored (see cleanAnswerLabel). */
export const cleanLabel: (text: string) => string = cleanAnswerLabel;

/** The key two look-alike labels share (see answerLabelKey). */
export const labelKey: (text: string) => string = answerLabelKey;

const INVISIBLE_CHARS = 1;
const UNICODE_FORM = 2;
const SPACING = 4;
const LETTER_CASE = 8;
const LOOK_ALIKE = 16;

const KIND_NAMES: readonly [number, string][] = [
  [LETTER_CASE, 'letter case'],
  [SPACING, 'spaces'],
  [INVISIBLE_CHARS, 'invisible characters'],
  [UNICODE_FORM, 'Unicode form'],
  [LOOK_ALIKE, 'look-alike letters of another script'],
];

/** At most this many distinct spellings are told apart per item; further ones are counted together. */
const MAX_SPELLINGS = 1024;

interface Variant {
  /** The stored code the spelling was read as. */
  readonly code: number;
  /** What differs from the exact spellings: a set of the flags above. */
  readonly kinds: number;
  /** Accepted rows that used the spelling. */
  rows: number;
  /** The first such row. */
  firstRow: number;
}

/**
 * The spellings of one item's answers that are not exact (a declared code,
 * label or explicit label, or a stored unlisted answer) but were matched
 * through {@link labelKey}.
 */
export class LabelVariants {
  /** The exact spellings. */
  readonly exact: Set<string> = new Set<string>();
  private readonly exactClean = new Set<string>();
  /** The exact spellings with look-alike letters folded (see foldLookalikes). */
  private readonly exactFolded = new Set<string>();
  private readonly variants: Variant[] = [];
  private readonly bySpelling = new Map<string, number>();
  private readonly overflow = new Map<number, number>();

  /** Adds an exact spelling. */
  add(spelling: string): void {
    this.exact.add(spelling);
    const clean = cleanLabel(spelling);
    this.exactClean.add(clean);
    this.exactFolded.add(foldLookalikes(clean));
  }

  /**
   * The variant index of `text`, which was read as `code`, or -1 when `text`
   * is an exact spelling.
   */
  classify(text: string, code: number): number {
    if (this.exact.has(text)) return -1;
    const known = this.bySpelling.get(text);
    if (known !== undefined) return known;
    if (this.bySpelling.size >= MAX_SPELLINGS) {
      let index = this.overflow.get(code);
      if (index === undefined) {
        index = this.variants.push({ code, kinds: 0, rows: 0, firstRow: 0 }) - 1;
        this.overflow.set(code, index);
      }
      return index;
    }
    const nfc = text.normalize('NFC');
    const visible = nfc.replace(INVISIBLE, '');
    let kinds = 0;
    if (visible !== nfc) kinds |= INVISIBLE_CHARS;
    const clean = cleanLabel(text);
    // NFKC also folds a no-break space; that difference is a space, not a form.
    if (nfc !== text || cleanLabel(text.normalize('NFKC')) !== clean) kinds |= UNICODE_FORM;
    if (clean !== visible) kinds |= SPACING;
    if (!this.exactClean.has(clean)) {
      const folded = foldLookalikes(clean);
      if (this.exactFolded.has(folded)) kinds |= LOOK_ALIKE;
      else kinds |= folded === clean ? LETTER_CASE : LETTER_CASE | LOOK_ALIKE;
    }
    const index = this.variants.push({ code, kinds, rows: 0, firstRow: 0 }) - 1;
    this.bySpelling.set(text, index);
    return index;
  }

  /** The stored code of a variant. */
  codeOf(index: number): number {
    return this.variants[index]!.code;
  }

  /** Counts an accepted row that used variant `index`. */
  count(index: number, row: number): void {
    const variant = this.variants[index]!;
    if (variant.rows++ === 0) variant.firstRow = row;
  }

  /**
   * One notice per answer that variants were merged into: how many rows,
   * how many spellings, what differed. `name` names the answer as the
   * message may show it (a declared code, never a respondent's text).
   */
  notices(item: string, column: number | undefined, name: (code: number) => string): Issue[] {
    if (this.variants.length === 0) return [];
    const byCode = new Map<
      number,
      { rows: number; spellings: number; kinds: number; row: number }
    >();
    for (const variant of this.variants) {
      if (variant.rows === 0) continue;
      const entry = byCode.get(variant.code) ?? { rows: 0, spellings: 0, kinds: 0, row: Infinity };
      entry.rows += variant.rows;
      entry.spellings += 1;
      entry.kinds |= variant.kinds;
      entry.row = Math.min(entry.row, variant.firstRow);
      byCode.set(variant.code, entry);
    }
    const out: Issue[] = [];
    for (const [code, entry] of byCode) {
      const kinds = KIND_NAMES.filter(([flag]) => (entry.kinds & flag) !== 0).map(([, n]) => n);
      const spellings =
        entry.spellings === 1 ? '1 other spelling' : `${entry.spellings} other spellings`;
      const rows = entry.rows === 1 ? '1 answer' : `${entry.rows} answers`;
      out.push({
        code: 'merged-spellings',
        message: `${item}: ${rows} in ${spellings}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''} ${entry.rows === 1 ? 'was' : 'were'} read as ${name(code)}`,
        row: entry.row,
        ...(column === undefined ? {} : { column }),
        field: item,
      });
    }
    return out;
  }
}
