// Which legacy code page a file that is not UTF-8 is most likely in, so that
// the refusal can name the option to pass. Only the code pages that Excel
// writes for the reader's users are candidates.

/** The single-byte code pages the reader decodes on request. */
export const LEGACY_ENCODINGS = ['windows-1257', 'windows-1251', 'koi8-r'] as const;

/** One of {@link LEGACY_ENCODINGS}. */
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];

const LETTERS = /\p{L}+/gu;
const LATIN = /^\p{Script=Latin}+$/u;
const CYRILLIC = /^\p{Script=Cyrillic}+$/u;
const ASCII_LETTER = /[A-Za-z]/;
// A word as people write it: capitalised, all lower case or all capitals.
const CASED = /^(?:\p{Lu}?\p{Ll}*|\p{Lu}+)$/u;
const NON_ASCII = /[^\0-\x7f]/u;

/** The bytes the guess looks at: enough words, and a bounded cost. */
const SAMPLE_BYTES = 1 << 16;

/**
 * The score of a decoding: the non-ASCII lower-case letters in words that
 * read as words of the code page's language.
 *
 * @remarks
 * A word (a run of letters) counts when all its letters are of the code
 * page's script (Latin with at least one ASCII letter for windows-1257, as
 * Lithuanian words are; Cyrillic for the other two) and its case is
 * plausible (`Word`, `word` or `WORD`). Decoded in the wrong code page, the
 * letters of a Lithuanian word turn into Cyrillic ones amid Latin letters,
 * and Russian words into runs of accented Latin capitals or into words
 * whose case flips inside them: KOI8-R and windows-1251 hold the lower- and
 * upper-case Cyrillic letters in swapped halves, so running text read in the
 * other one is mostly capitals. Only lower-case letters score, because
 * running text is mostly lower case.
 */
function score(text: string, encoding: LegacyEncoding): number {
  let total = 0;
  for (const [word] of text.matchAll(LETTERS)) {
    if (!NON_ASCII.test(word) || !CASED.test(word)) continue;
    const fits =
      encoding === 'windows-1257'
        ? LATIN.test(word) && ASCII_LETTER.test(word)
        : CYRILLIC.test(word);
    if (!fits) continue;
    for (const ch of word) if (ch.charCodeAt(0) >= 0x80 && ch !== ch.toUpperCase()) total++;
  }
  return total;
}

/**
 * Guesses which of {@link LEGACY_ENCODINGS} `bytes` are in, from the first
 * 64 KiB; `undefined` when no candidate reads as words of its language.
 */
export function guessLegacyEncoding(bytes: Uint8Array): LegacyEncoding | undefined {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let best: LegacyEncoding | undefined;
  let bestScore = 0;
  for (const encoding of LEGACY_ENCODINGS) {
    const s = score(new TextDecoder(encoding).decode(sample), encoding);
    if (s > bestScore) {
      best = encoding;
      bestScore = s;
    }
  }
  return best;
}
