/** A cell of a CSV table. */
export type CsvCell = string | number | null | undefined;

// A spreadsheet would run a cell that starts with = + - @ (or a tab or CR) as a
// formula; prefix it with an apostrophe (OWASP "CSV injection").
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

/** One CSV cell, quoted when needed (RFC 4180), formulas neutralised unless `safe` is false. */
export function csvCell(value: CsvCell, delimiter = ',', safe = true): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = safe ? neutralise(value) : value;
  return text.includes(delimiter) || /["\r\n]/.test(text)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/** A CSV text from a header and rows (CRLF, RFC 4180). */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  delimiter = ',',
  safe = true,
): string {
  return (
    [header, ...rows]
      .map((row) => row.map((c) => csvCell(c, delimiter, safe)).join(delimiter))
      .join('\r\n') + '\r\n'
  );
}

/**
 * Parses a CSV text into rows of cells (RFC 4180: quoted cells with
 * delimiters, line breaks and doubled quotes). The delimiter is detected from
 * the first line (, ; tab |) unless given. A BOM is skipped.
 */
export function parseCsv(
  text: string,
  delimiter?: string,
): { delimiter: string; rows: string[][] } {
  const src = text.replace(/^\uFEFF/, '');
  const d = delimiter ?? detectDelimiter(src);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === d) {
      row.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return { delimiter: d, rows };
}

/** The most frequent of , ; tab | in the first line (outside quotes). */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const count = first.replace(/"[^"]*"/g, '').split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}
