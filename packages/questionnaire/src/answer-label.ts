// Zero-width space and joiners, soft hyphen, word joiner and invisible
// operators, bidi marks and embeddings, the BOM, the Mongolian vowel separator.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** The invisible characters {@link cleanAnswerLabel} removes, as a global pattern. */
export const INVISIBLE_CHARACTERS: RegExp = INVISIBLE;

/**
 * An answer label or unlisted code as {@link readResponses} stores it: NFC,
 * without invisible characters (zero-width space and joiners, soft hyphen,
 * bidi marks, BOM), every run of spaces — no-break and other Unicode spaces,
 * line breaks — one ASCII space, trimmed.
 *
 * @param text - an answer as exported
 * @returns the answer as stored
 *
 * @example
 * ```ts
 * cleanAnswerLabel(' Vilniaus\u00a0lopšelis\u200b '); // => 'Vilniaus lopšelis'
 * cleanAnswerLabel('Ė'.normalize('NFD')) === 'Ė'; // => true
 * ```
 */
export function cleanAnswerLabel(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * The key under which {@link readResponses} matches answers: two answers
 * with the same key are one answer. It is {@link cleanAnswerLabel} of the
 * NFKC form (which also folds full-width letters and ligatures), lower-cased;
 * so letter case, spaces, invisible characters and Unicode normal forms do
 * not split one answer into several.
 *
 * @param text - an answer, a label or a code
 * @returns its matching key
 *
 * @example
 * ```ts
 * answerLabelKey('Labai\u00a0PATENKINTAS\u200e'); // => 'labai patenkintas'
 * answerLabelKey('ＡＢＣ'); // => 'abc'
 * ```
 */
export function answerLabelKey(text: string): string {
  return cleanAnswerLabel(text.normalize('NFKC')).toLowerCase();
}
