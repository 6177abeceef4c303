import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { HOSTILE, demoResponses, hostileResponses, questionnaire } from '../test/demo.js';
import { buildReport } from './build-report.js';
import type { ReportDocument } from './report-document.js';
import { reportTables } from './report-tables.js';
import { renderXlsx } from './xlsx.js';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return book;
}

describe('renderXlsx', () => {
  const doc = buildReport({
    questionnaire,
    responses: demoResponses(400, 21),
    options: { locale: 'lt', minGroupSize: 35 },
  });

  it('writes one sheet per table, numbers as numbers equal to the table', async () => {
    const book = await load(await renderXlsx(doc));
    const tables = reportTables(doc);
    expect(book.worksheets.map((s) => s.name)).toEqual(tables.map((t) => t.id));
    const items = tables.find((t) => t.id === 'index-items')!;
    const sheet = book.getWorksheet('index-items')!;
    expect(sheet.getCell(1, 1).value).toBe(items.caption);
    expect(sheet.getRow(3).values).toEqual([undefined, ...items.columns.map((c) => c.label)]);
    items.rows.forEach((row, r) => {
      const cell = sheet.getCell(4 + r, 4);
      const expected = row.cells[3]!;
      if (expected.kind !== 'number') throw new Error('score');
      expect(cell.value).toBe(expected.value);
      expect(cell.numFmt).toBe('0.0');
    });
  });

  it('stores formula-like text as string cells with a leading apostrophe, never as formulas', async () => {
    const hostile = buildReport({
      questionnaire,
      responses: hostileResponses(),
      options: {
        locale: 'en',
        labels: {
          'inst-01': '=HYPERLINK("http://evil.example","x")',
          'inst-02': '@SUM(1)',
          'inst-03': '+1',
          'inst-04': '-1',
        },
        minGroupSize: 1,
      },
    });
    const book = await load(await renderXlsx(hostile, { tables: ['institutions'] }));
    expect(book.worksheets.map((s) => s.name)).toEqual(['institutions']);
    const sheet = book.getWorksheet('institutions')!;
    const names: unknown[] = [];
    sheet.eachRow((row, r) => {
      if (r < 4) return;
      const cell = row.getCell(2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      names.push(cell.value);
    });
    expect(names).toEqual(
      expect.arrayContaining([`'=HYPERLINK("http://evil.example","x")`, "'@SUM(1)", "'+1", "'-1"]),
    );
    expect(HOSTILE.length).toBeGreaterThan(0);
  });

  it('never writes a number in a suppressed row', async () => {
    const book = await load(await renderXlsx(doc, { tables: ['institutions'] }));
    const table = reportTables(doc).find((t) => t.id === 'institutions')!;
    const sheet = book.getWorksheet('institutions')!;
    let suppressed = 0;
    table.rows.forEach((row, r) => {
      if (!row.cells.some((c) => c.kind === 'suppressed')) return;
      suppressed++;
      sheet.getRow(4 + r).eachCell((cell) => {
        expect(typeof cell.value).toBe('string');
      });
    });
    expect(suppressed).toBeGreaterThan(0);
  });

  it('names sheets within Excel rules, unique', async () => {
    const base = reportTables(doc)[0]!;
    const odd: ReportDocument = {
      ...doc,
      sections: [
        {
          id: 's',
          title: 'S',
          pageBreakBefore: false,
          blocks: [
            { kind: 'table', table: { ...base, id: 'a/b:c*d?[e]' } },
            { kind: 'table', table: { ...base, id: 'x'.repeat(40) } },
            { kind: 'table', table: { ...base, id: 'X'.repeat(31) + 'y' } },
          ],
        },
      ],
    };
    const book = await load(await renderXlsx(odd));
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'a_b_c_d__e_',
      'x'.repeat(31),
      `${'X'.repeat(28)}_2`,
    ]);
  });
});
