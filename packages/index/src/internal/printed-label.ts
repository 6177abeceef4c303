import { confusableSkeleton } from '@edu-quality/questionnaire';

// Default-ignorable code points (zero-width spaces and joiners, soft hyphen,
// bidi marks, variation selectors) and other format characters print as nothing.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

/**
 * The form under which a label prints: NFC, invisible characters removed,
 * trimmed, case folded (upper then lower case, so that ß and SS, or ς and σ,
 * fold alike), then its confusable skeleton (`confusableSkeleton` of
 * `@edu-quality/questionnaire`: Cyrillic and Greek letters that print like a
 * Latin letter, such as Cyrillic а, е, о, р, с, і, read as that letter, in any
 * word, from Unicode's confusables.txt). Two labels with the same printed
 * form cannot be told apart in a published table.
 */
export function printedForm(label: string): string {
  return label
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .trim()
    .toUpperCase()
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\s]+/gu, confusableSkeleton);
}
