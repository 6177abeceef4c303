/** One record of a CSV text with the 1-based record number (the header is record 1). */
export interface CsvRecord {
  readonly row: number;
  readonly fields: readonly string[];
}

/**
 * Splits a CSV text (RFC 4180 quoting: fields in double quotes may hold the
 * delimiter, line breaks and doubled quotes) into records. A leading BOM is
 * dropped; CRLF, LF and CR end records; blank lines are skipped but still
 * numbered, so row numbers match what a text editor shows for single-line
 * records. Unbalanced quotes are reported by the caller through `unclosed`.
 */
export function parseCsv(
  text: string,
  delimiter: string,
): { records: CsvRecord[]; unclosed: boolean } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let row = 1;
  let startRow = 1;
  let empty = true;
  const endRecord = (): void => {
    if (!(empty && fields.length === 0 && field === '' && !quoted)) {
      fields.push(field);
      records.push({ row: startRow, fields });
    }
    fields = [];
    field = '';
    quoted = false;
    empty = true;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n' || (ch === '\r' && src[i + 1] !== '\n')) row++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      quoted = true;
      empty = false;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      quoted = false;
      empty = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      row++;
      startRow = row;
    } else {
      field += ch;
      empty = false;
    }
  }
  const unclosed = inQuotes;
  endRecord();
  return { records, unclosed };
}

/** Picks `;` or `,`: the one that occurs more often outside quotes in the first line. */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch === ';') semicolons++;
    else if (!inQuotes && ch === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}
