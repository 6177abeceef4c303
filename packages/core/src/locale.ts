/**
 * A BCP 47 language tag, for example `lt`, `en`, `ru` or `lt-LT`.
 *
 * @remarks
 * The type is an open string so that a municipality can add any language; the
 * locales every built-in text ships with are listed in {@link CORE_LOCALES}.
 */
export type Locale = string;

/**
 * The locales that every built-in text of edu-quality is written in.
 *
 * @example
 * ```ts
 * CORE_LOCALES; // => ['lt', 'en', 'ru']
 * ```
 */
export const CORE_LOCALES: readonly ['lt', 'en', 'ru'] = ['lt', 'en', 'ru'] as const;

/** One of the {@link CORE_LOCALES}. */
export type CoreLocale = (typeof CORE_LOCALES)[number];

// A pragmatic BCP 47 shape check: language (2–3 letters or 5–8), then subtags of
// 1–8 alphanumerics. It accepts every tag Intl accepts for our purposes and
// rejects keys that could never be a language tag (such as `__proto__`).
const BCP47 = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$|^[A-Za-z]{5,8}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * Tells whether a string has the shape of a BCP 47 language tag.
 *
 * @param tag - the candidate tag
 * @returns `true` for tags such as `lt`, `en-GB` or `sr-Latn-RS`
 *
 * @example
 * ```ts
 * isLocaleTag('lt-LT'); // => true
 * isLocaleTag('__proto__'); // => false
 * ```
 */
export function isLocaleTag(tag: string): boolean {
  return BCP47.test(tag);
}

/**
 * The chain of tags to try for a requested locale, most specific first:
 * `sr-Latn-RS` gives `['sr-Latn-RS', 'sr-Latn', 'sr']`.
 *
 * @param tag - a BCP 47 tag
 * @returns the tag and its truncations, longest first
 *
 * @example
 * ```ts
 * localeChain('lt-LT'); // => ['lt-LT', 'lt']
 * ```
 */
export function localeChain(tag: Locale): Locale[] {
  const parts = tag.split('-');
  const chain: Locale[] = [];
  for (let i = parts.length; i > 0; i--) chain.push(parts.slice(0, i).join('-'));
  return chain;
}
