/**
 * Shared primitives of edu-quality: localized text and locales, the error base
 * class and the issue shape that every package reports input problems with.
 *
 * @packageDocumentation
 */
export { CORE_LOCALES, isLocaleTag, localeChain } from './locale.js';
export type { CoreLocale, Locale } from './locale.js';
export { LocalizedTextSchema, localize, missingLocales } from './localized-text.js';
export type { LocalizedText, LocalizeOptions } from './localized-text.js';
export { EduQualityError } from './errors.js';
export type { ErrorCode, EduQualityErrorOptions } from './errors.js';
export { formatIssue } from './issue.js';
export type { Issue, IssuePath } from './issue.js';
export { isSafeKey } from './is-safe-key.js';
export { checkOptions } from './check-options.js';
export type { OptionRule, OptionShape } from './check-options.js';
