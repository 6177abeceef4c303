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
 * NFKC form (which also folds full-width letters and ligatures), with the
 * look-alike letters of mixed-script words folded ({@link foldLookalikes}:
 * "Gіmnazija" with a Cyrillic і is "Gimnazija"; a word wholly in Cyrillic is
 * never folded), lower-cased; so letter case, spaces, invisible characters,
 * Unicode normal forms and look-alike letters of another script do not split
 * one answer into several.
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
  return foldLookalikes(cleanAnswerLabel(text.normalize('NFKC'))).toLowerCase();
}

// Cyrillic and Greek letters that print like a Latin letter, with that
// letter: a fixed subset of the single-letter prototypes of Unicode's
// confusables.txt (UTS #39, https://www.unicode.org/Public/security/latest/confusables.txt),
// e.g. `0430 ;	0061 ;	MA	# ( а → a ) CYRILLIC SMALL LETTER A → LATIN SMALL LETTER A`.
const CONFUSABLES: readonly (readonly [string, string])[] = [
  // Cyrillic
  ['а', 'a'],
  ['е', 'e'],
  ['о', 'o'],
  ['р', 'p'],
  ['с', 'c'],
  ['у', 'y'],
  ['х', 'x'],
  ['і', 'i'],
  ['ј', 'j'],
  ['ѕ', 's'],
  ['ԁ', 'd'],
  ['һ', 'h'],
  ['ԛ', 'q'],
  ['ԝ', 'w'],
  ['ӏ', 'l'],
  ['А', 'A'],
  ['В', 'B'],
  ['Е', 'E'],
  ['К', 'K'],
  ['М', 'M'],
  ['Н', 'H'],
  ['О', 'O'],
  ['Р', 'P'],
  ['С', 'C'],
  ['Т', 'T'],
  ['Х', 'X'],
  ['І', 'I'],
  ['Ј', 'J'],
  ['Ѕ', 'S'],
  ['Ү', 'Y'],
  ['Ԁ', 'D'],
  ['Ԛ', 'Q'],
  ['Ԝ', 'W'],
  ['Ӏ', 'I'],
  // Greek
  ['ο', 'o'],
  ['ν', 'v'],
  ['ρ', 'p'],
  ['α', 'a'],
  ['ι', 'i'],
  ['Α', 'A'],
  ['Β', 'B'],
  ['Ε', 'E'],
  ['Ζ', 'Z'],
  ['Η', 'H'],
  ['Ι', 'I'],
  ['Κ', 'K'],
  ['Μ', 'M'],
  ['Ν', 'N'],
  ['Ο', 'O'],
  ['Ρ', 'P'],
  ['Τ', 'T'],
  ['Υ', 'Y'],
  ['Χ', 'X'],
];

/** Cyrillic or Greek look-alike → Latin letter. */
const TO_LATIN = new Map<string, string>(CONFUSABLES);
/** Latin letter → its Cyrillic look-alike, and → its Greek one. */
const TO_CYRILLIC = new Map<string, string>();
const TO_GREEK = new Map<string, string>();
for (const [other, latin] of CONFUSABLES) {
  const table = /\p{Script=Greek}/u.test(other) ? TO_GREEK : TO_CYRILLIC;
  if (!table.has(latin)) table.set(latin, other);
}

const WORD = /[\p{L}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const GREEK = /\p{Script=Greek}/u;

/**
 * `text` with the look-alike letters of every mixed-script word folded into
 * the word's own script, other words unchanged. A word (a run of letters)
 * that mixes Latin with Cyrillic or Greek letters is no word of any language
 * but a look-alike spelling ("Gіmnazija" with a Cyrillic і, "Удовлетвoрен"
 * with a Latin o). Its script is the one of its letters that have no
 * look-alike in the other script (`g`, `m`, `n` are Latin only; `д`, `л` are
 * Cyrillic only), Latin when every letter has one; its letters of the other
 * script are replaced by their look-alikes (a fixed table from Unicode's
 * confusables.txt, UTS #39). A word whose letters of both scripts have no
 * look-alike is left as it is. A word wholly in one script is never
 * changed, so a Russian label is never read as a Latin one (the
 * single-script rule of UTS #39, section 5.1, applied per word).
 *
 * @param text - a label or answer
 * @returns it with mixed-script words folded
 *
 * @example
 * ```ts
 * foldLookalikes('G\u0456mnazija A'); // => 'Gimnazija A'
 * // All Cyrillic: unchanged.
 * foldLookalikes('Лаба'); // => 'Лаба'
 * ```
 */
export function foldLookalikes(text: string): string {
  // Nothing to fold in ASCII, or in text without Cyrillic or Greek letters.
  if (!/[\u0370-\u052f]/.test(text)) return text;
  return text.replace(WORD, (word) => {
    let latin = false;
    let other: 'cyrillic' | 'greek' | undefined;
    let otherOnly = false;
    for (const ch of word) {
      if (LATIN.test(ch)) latin = true;
      else if (CYRILLIC.test(ch) || GREEK.test(ch)) {
        const script = CYRILLIC.test(ch) ? 'cyrillic' : 'greek';
        // Cyrillic and Greek in one word: no rule here; left as it is.
        if (other !== undefined && other !== script) return word;
        other = script;
        if (!TO_LATIN.has(ch)) otherOnly = true;
      }
    }
    if (!latin || other === undefined) return word;
    const table = other === 'cyrillic' ? TO_CYRILLIC : TO_GREEK;
    let latinOnly = false;
    for (const ch of word) if (LATIN.test(ch) && !table.has(ch)) latinOnly = true;
    if (latinOnly && otherOnly) return word;
    if (otherOnly) {
      let out = '';
      for (const ch of word) out += LATIN.test(ch) ? (table.get(ch) ?? ch) : ch;
      return out;
    }
    let out = '';
    for (const ch of word) out += TO_LATIN.get(ch) ?? ch;
    return out;
  });
}

/**
 * The confusable skeleton of `text`: every Cyrillic or Greek letter of the
 * table above replaced by the Latin letter it prints like, in every word,
 * then {@link answerLabelKey}. Two texts with the same skeleton cannot be
 * told apart in print (a Cyrillic "А" and a Latin "A"), whatever their
 * scripts; the publication guard of the index compares skeletons.
 *
 * @param text - a label
 * @returns its skeleton
 */
export function confusableSkeleton(text: string): string {
  const map = (t: string): string => {
    let out = '';
    for (const ch of t) out += TO_LATIN.get(ch) ?? ch;
    return out;
  };
  return map(map(answerLabelKey(text)).toUpperCase()).toLowerCase();
}
