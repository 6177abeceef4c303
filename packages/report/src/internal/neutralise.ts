// A spreadsheet reads a cell that starts with = + - @ (or a tab or carriage
// return, which some spreadsheets skip before those) as a formula: CSV
// injection (OWASP). Such text gets a leading apostrophe in CSV.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a text cell would be read as a formula by a spreadsheet. */
function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text with a leading `'` when it would be read as a formula. */
export function neutraliseText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
