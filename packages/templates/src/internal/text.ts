import type { LocalizedText } from '@edu-quality/core';

/** A text in Lithuanian, English and Russian. */
export function ltEnRu(lt: string, en: string, ru: string): LocalizedText {
  return { lt, en, ru };
}

/** A text in English and Lithuanian. */
export function enLt(en: string, lt: string): LocalizedText {
  return { en, lt };
}

/** A text in Russian and English. */
export function ruEn(ru: string, en: string): LocalizedText {
  return { ru, en };
}
