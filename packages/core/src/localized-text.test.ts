import { describe, expect, it } from 'vitest';
import { LocalizedTextSchema, localize, missingLocales } from './localized-text.js';
import { EduQualityError } from './errors.js';

describe('localize', () => {
  const text = Object.freeze({
    lt: 'Labai patenkintas',
    en: 'Very satisfied',
    'sr-Latn': 'Veoma zadovoljan',
  });

  it('returns the exact tag first', () => {
    expect(localize(text, 'en')).toBe('Very satisfied');
  });
  it('falls back from a region tag to its language', () => {
    expect(localize(text, 'lt-LT')).toBe('Labai patenkintas');
    expect(localize(text, 'sr-Latn-RS')).toBe('Veoma zadovoljan');
  });
  it('falls back to the given fallbacks, then to English, then to the first entry', () => {
    expect(localize(text, 'ru', { fallbacks: ['lt'] })).toBe('Labai patenkintas');
    expect(localize(text, 'ru')).toBe('Very satisfied');
    expect(localize({ ru: 'Да' }, 'lt')).toBe('Да');
  });
  it('throws a named precondition error on an empty text', () => {
    expect(() => localize({}, 'lt')).toThrow(/localize/);
    try {
      localize({}, 'lt');
    } catch (error) {
      expect(EduQualityError.isInstance(error)).toBe(true);
    }
  });
  it('does not read inherited properties', () => {
    expect(localize({ en: 'x' }, 'constructor')).toBe('x');
  });
});

describe('LocalizedTextSchema', () => {
  it('accepts BCP 47 keys and rejects others, empty texts and empty maps', () => {
    expect(LocalizedTextSchema.safeParse({ lt: 'a', 'en-GB': 'b' }).success).toBe(true);
    expect(LocalizedTextSchema.safeParse({ 'not a tag': 'a' }).success).toBe(false);
    expect(LocalizedTextSchema.safeParse(JSON.parse('{"__proto__":"x"}')).success).toBe(false);
    expect(LocalizedTextSchema.safeParse({ lt: '' }).success).toBe(false);
    expect(LocalizedTextSchema.safeParse({}).success).toBe(false);
  });
});

describe('missingLocales', () => {
  it('lists the locales without a text, in order', () => {
    expect(missingLocales({ en: 'x' }, ['lt', 'en', 'ru'])).toEqual(['lt', 'ru']);
  });
});
