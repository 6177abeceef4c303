import { ISO_639_1_TO_2T, ISO_639_2B_TO_2T, ISO_639_2_ONLY } from './iso-639.js';

const LANGUAGE_AUTHORITY = 'http://publications.europa.eu/resource/authority/language/';
const TWO_T_CODES: ReadonlySet<string> = new Set([...ISO_639_1_TO_2T.values(), ...ISO_639_2_ONLY]);

/**
 * The EU Publications Office language-authority IRI of a BCP 47 tag, from its
 * primary language subtag: `lt`, `lt-LT` → `…/language/LIT`; a three-letter
 * subtag is taken as ISO 639-2 (`ger` → `DEU`). The authority table uses the
 * ISO 639-2/T codes (`DEU`, `FRA`, `NLD`, `ELL`). `undefined` when the subtag
 * is no ISO 639-1 or 639-2 code.
 */
export function languageIri(tag: string): string | undefined {
  const primary = tag.split('-')[0]?.toLowerCase() ?? '';
  const code =
    primary.length === 2
      ? ISO_639_1_TO_2T.get(primary)
      : (ISO_639_2B_TO_2T.get(primary) ?? (TWO_T_CODES.has(primary) ? primary : undefined));
  return code === undefined ? undefined : `${LANGUAGE_AUTHORITY}${code.toUpperCase()}`;
}
