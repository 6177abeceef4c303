// Shared checks that every template questionnaire must pass.
import {
  checkQuestionnaire,
  parseQuestionnaire,
  type Questionnaire,
} from '@edu-quality/questionnaire';
import { expect } from 'vitest';

const TEXT_KEYS = new Set(['title', 'description', 'text', 'label', 'minLabel', 'maxLabel']);

/** Every localized text in a questionnaire, with its path. */
export function localizedTexts(value: unknown, path = ''): [string, Record<string, string>][] {
  const out: [string, Record<string, string>][] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...localizedTexts(v, `${path}[${i}]`)));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (TEXT_KEYS.has(key) && typeof v === 'object' && v !== null && !Array.isArray(v)) {
        out.push([`${path}.${key}`, v as Record<string, string>]);
      } else out.push(...localizedTexts(v, `${path}.${key}`));
    }
  }
  return out;
}

/** Deep-freezes a value, to prove that a function does not modify it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * The checks every template must pass: it parses unchanged, the static checks
 * report nothing, and every text is given, non-blank and trimmed in every
 * declared locale and no other.
 */
export function expectWellFormed(questionnaire: Questionnaire): void {
  expect(checkQuestionnaire(questionnaire)).toEqual([]);
  expect(parseQuestionnaire(structuredClone(questionnaire))).toEqual(questionnaire);
  const texts = localizedTexts(questionnaire);
  expect(texts.length).toBeGreaterThan(10);
  const locales = [...questionnaire.locales].sort();
  for (const [path, text] of texts) {
    expect(Object.keys(text).sort(), path).toEqual(locales);
    for (const locale of locales) {
      const s = text[locale] ?? '';
      expect(s.trim(), `${path}.${locale}`).toBe(s);
      expect(s.length, `${path}.${locale}`).toBeGreaterThan(0);
    }
  }
}
