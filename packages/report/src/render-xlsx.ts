import ExcelJS from 'exceljs';
import { neutraliseText } from './internal/neutralise.js';
import { message } from './internal/messages.js';
import type { ReportDocument, ValueFormat } from './report-document.js';
import { reportTables } from './report-tables.js';

/** Options of {@link renderXlsx}. */
export interface RenderXlsxOptions {
  /** Only the tables with these ids, in the report's order; default every table. */
  readonly tables?: readonly string[];
}

// Excel number formats matching the report's display formats.
const NUMBER_FORMATS: Readonly<Record<ValueFormat, string>> = {
  score: '0.0',
  share: '0.0%',
  count: '#,##0',
  signed: '+0.0;-0.0;0.0',
  decimal: '0.00',
  'p-value': '0.000',
  level: '0%',
};

function sheetName(id: string, taken: Set<string>): string {
  // Excel forbids : \ / ? * [ ] in sheet names and allows 31 characters.
  const base = id.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'table';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)}_${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * Renders the tables of a report as an XLSX workbook, one worksheet per table
 * (through exceljs). Imported from `@edu-quality/report/xlsx`, so the default
 * entry stays light and browser-safe.
 *
 * @remarks
 * Each sheet is named after its table id (`institutions`, `index-items`,
 * `organisations` …), starts with the caption, then a bold, frozen header
 * row, then the rows. Numbers are stored as numbers at full precision with
 * an Excel number format matching the report (`0.0`, `0.0%` …); missing
 * numbers are empty cells; suppressed cells hold the suppression text.
 * Every text cell — respondent text, institution names, labels — is stored
 * as a string cell, never as a formula, and a text starting with
 * `= + - @`, a tab or a carriage return gets a leading apostrophe, as in
 * the CSV tables: a string cell is not evaluated where it is, but it turns
 * into a live formula when someone edits the cell or saves the sheet as CSV.
 *
 * @param report - a report document
 * @param options - which tables
 * @returns the XLSX file's bytes
 *
 * @example
 * ```ts
 * import { renderXlsx } from '@edu-quality/report/xlsx';
 * import { educationSatisfactionQuestionnaire as questionnaire, generateResponses } from '@edu-quality/templates';
 * import { readResponsesSync } from '@edu-quality/questionnaire';
 * const responses = readResponsesSync(questionnaire, generateResponses(questionnaire, { n: 80, seed: 2 }));
 * const bytes = await renderXlsx(buildReport({ questionnaire, responses, options: { locale: 'en' } }), { tables: ['headline'] });
 * // An XLSX file is a zip archive: it starts with "PK".
 * String.fromCharCode(bytes[0]!, bytes[1]!); // => 'PK'
 * bytes.length > 1000; // => true
 * ```
 */
export async function renderXlsx(
  report: ReportDocument,
  options: RenderXlsxOptions = {},
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = '@edu-quality/report';
  book.title = report.meta.title;
  const taken = new Set<string>();
  const wanted = options.tables === undefined ? undefined : new Set(options.tables);
  for (const table of reportTables(report)) {
    if (wanted !== undefined && !wanted.has(table.id)) continue;
    const sheet = book.addWorksheet(sheetName(table.id, taken));
    const caption = sheet.getCell(1, 1);
    caption.value = neutraliseText(table.caption);
    caption.font = { bold: true, size: 12 };
    const header = sheet.getRow(3);
    table.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = neutraliseText(c.label);
      cell.font = { bold: true };
      if (c.numeric) cell.alignment = { horizontal: 'right' };
    });
    sheet.views = [{ state: 'frozen', ySplit: 3 }];
    table.rows.forEach((row, r) => {
      const line = sheet.getRow(4 + r);
      row.cells.forEach((c, i) => {
        const cell = line.getCell(i + 1);
        if (c.kind === 'number') {
          if (c.value !== null && Number.isFinite(c.value)) {
            cell.value = c.value;
            cell.numFmt = NUMBER_FORMATS[c.format];
          }
        } else {
          // A plain string value is written as a string cell: exceljs writes a
          // formula only for a { formula } value.
          cell.value = neutraliseText(c.text);
          if (c.kind === 'suppressed') cell.font = { italic: true };
        }
      });
    });
    table.columns.forEach((c, i) => {
      sheet.getColumn(i + 1).width = c.numeric ? 14 : 36;
    });
  }
  if (book.worksheets.length === 0) {
    book.addWorksheet('report').getCell(1, 1).value = message('none', report.locale);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
