import { formatValue } from './format-value.js';
import { neutraliseText } from './internal/neutralise.js';
import type { ReportTable } from './report-document.js';

/** Options of {@link renderCsv}. */
export interface RenderCsvOptions {
  /** The field delimiter; default `,`. Use `;` for spreadsheets in lt and ru locales. */
  readonly delimiter?: ',' | ';' | '\t';
  /**
   * `raw` (default): numbers at full precision with a `.` decimal point, shares
   * in 0–1, for machines. A locale tag (`lt`, `en`, `ru`): numbers formatted
   * as in the report, for people.
   */
  readonly numbers?: string;
  /** Start with a UTF-8 byte order mark, so spreadsheet programs read UTF-8; default `false`. */
  readonly bom?: boolean;
}

function quote(field: string, delimiter: string): string {
  return field.includes(delimiter) || /["\r\n]/.test(field) || /^\s|\s$/.test(field)
    ? `"${field.replace(/"/g, '""')}"`
    : field;
}

/**
 * Renders a report table as CSV (RFC 4180): a header row of column labels,
 * then one row per table row, lines ending in CRLF.
 *
 * @remarks
 * Text cells that a spreadsheet would read as a formula — starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return — are neutralised with a
 * leading apostrophe `'` (OWASP's advice against CSV injection); the
 * apostrophe is visible in a text editor and hidden by spreadsheets.
 * Number cells are the report's own numbers and are written as numbers.
 * Missing numbers are empty; suppressed cells hold the suppression text and
 * no number. Fields with the delimiter, a quote, a line break or an outer
 * space are quoted, quotes doubled.
 *
 * @param table - a table of a report (see {@link reportTables})
 * @param options - delimiter, number style, byte order mark
 * @returns the CSV text
 *
 * @example
 * ```ts
 * const table = {
 *   id: 't', caption: 'Demo',
 *   columns: [{ id: 'name', label: 'Name', numeric: false }, { id: 'score', label: 'Score', numeric: true }],
 *   rows: [
 *     { key: 'a', cells: [{ kind: 'text', text: '=HYPERLINK("http://x")' }, { kind: 'number', value: 80.25, format: 'score' }] },
 *     { key: 'b', cells: [{ kind: 'text', text: 'Small, school' }, { kind: 'suppressed', text: 'suppressed (n < 5)' }] },
 *   ],
 * } as const;
 * renderCsv(table); // => 'Name,Score\r\n"\'=HYPERLINK(""http://x"")",80.25\r\n"Small, school",suppressed (n < 5)\r\n'
 * renderCsv(table, { delimiter: ';', numbers: 'lt' }).split('\r\n')[1]; // => '"\'=HYPERLINK(""http://x"")";80,3'
 * ```
 */
export function renderCsv(table: ReportTable, options: RenderCsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const numbers = options.numbers ?? 'raw';
  const line = (fields: readonly string[]): string =>
    fields.map((f) => quote(f, delimiter)).join(delimiter);
  const lines = [line(table.columns.map((c) => neutraliseText(c.label)))];
  for (const row of table.rows) {
    lines.push(
      line(
        row.cells.map((c) => {
          if (c.kind === 'number') {
            if (c.value === null || !Number.isFinite(c.value)) return '';
            return numbers === 'raw' ? String(c.value) : formatValue(c.value, c.format, numbers);
          }
          return neutraliseText(c.text);
        }),
      ),
    );
  }
  return `${options.bom === true ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
