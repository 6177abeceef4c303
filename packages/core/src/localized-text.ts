import * as z from 'zod';
import { EduQualityError } from './errors.js';
import { isSafeKey } from './is-safe-key.js';
import { isLocaleTag, localeChain, type Locale } from './locale.js';

/**
 * Text written in several languages: a map from a BCP 47 tag to the text in
 * that language, for example `{ lt: 'Labai patenkintas', en: 'Very satisfied' }`.
 */
export type LocalizedText = Readonly<Record<Locale, string>>;

/**
 * The zod schema of {@link LocalizedText}: at least one entry, keys that are
 * BCP 47 tags, values that are non-empty strings.
 *
 * @example
 * ```ts
 * LocalizedTextSchema.safeParse({ lt: 'Taip', en: 'Yes' }).success; // => true
 * LocalizedTextSchema.safeParse({ __proto__x: 'x' }).success; // => false
 * ```
 */
export const LocalizedTextSchema: z.ZodType<LocalizedText> = z
  .unknown()
  .superRefine((value, ctx) => {
    // zod's record skips an own `__proto__` key (JSON.parse creates one) rather
    // than reporting it; report it here, so that nothing is dropped silently.
    if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
      ctx.addIssue({
        code: 'custom',
        path: ['__proto__'],
        message: 'must be a BCP 47 language tag such as lt, en or ru',
      });
    }
  })
  .pipe(
    z
      .record(
        z.string().refine((key) => isSafeKey(key) && isLocaleTag(key), {
          message: 'must be a BCP 47 language tag such as lt, en or ru',
        }),
        z.string().min(1, 'must not be empty'),
      )
      .refine((text) => Object.keys(text).length > 0, {
        message: 'needs the text in at least one language',
      }),
  );

/** Options of {@link localize}. */
export interface LocalizeOptions {
  /**
   * Tags to try, in order, when neither the requested tag nor its language has
   * a text. Defaults to `['en']`.
   */
  readonly fallbacks?: readonly Locale[];
}

/**
 * Picks the text for a locale from a {@link LocalizedText}.
 *
 * @remarks
 * The fallback rule: the exact tag, then its truncations (`lt-LT` → `lt`),
 * then each of `options.fallbacks` with its truncations (default `['en']`),
 * and last the first entry of the text, so a label is never blank.
 *
 * @param text - the text in several languages
 * @param locale - the requested locale
 * @param options - fallback locales
 * @returns the text in the best available language
 * @throws {@link EduQualityError} with code `invalid-argument` when `text` has no entry at all
 *
 * @example
 * ```ts
 * const label = { lt: 'Labai patenkintas', en: 'Very satisfied' };
 * localize(label, 'lt-LT'); // => 'Labai patenkintas'
 * localize(label, 'ru'); // => 'Very satisfied'
 * localize({ lt: 'Taip' }, 'ru'); // => 'Taip'
 * ```
 */
export function localize(
  text: LocalizedText,
  locale: Locale,
  options: LocalizeOptions = {},
): string {
  const tried = [locale, ...(options.fallbacks ?? ['en'])];
  for (const tag of tried) {
    for (const candidate of localeChain(tag)) {
      if (Object.hasOwn(text, candidate)) return text[candidate] as string;
    }
  }
  for (const key of Object.keys(text)) return text[key] as string;
  throw new EduQualityError('invalid-argument', 'localize: the text has no entry in any language');
}

/**
 * Lists the locales among `locales` that a text has no entry for.
 *
 * @param text - the text in several languages
 * @param locales - the locales it must cover
 * @returns the missing locales, in the order given
 *
 * @example
 * ```ts
 * missingLocales({ lt: 'Taip', en: 'Yes' }, ['lt', 'en', 'ru']); // => ['ru']
 * ```
 */
export function missingLocales(text: LocalizedText, locales: readonly Locale[]): Locale[] {
  return locales.filter((locale) => !Object.hasOwn(text, locale));
}
