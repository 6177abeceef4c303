import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoResponses, questionnaire } from '../test/demo.js';
import { buildReport } from './build-report.js';
import { renderCsv } from './render-csv.js';
import type { ReportTable } from './report-document.js';
import { reportTables } from './report-tables.js';

/** A strict RFC 4180 reader for the round trip (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
    i++;
  }
  return rows;
}

const table = (texts: readonly string[]): ReportTable => ({
  id: 't',
  caption: 'T',
  columns: [
    { id: 'text', label: 'Text', numeric: false },
    { id: 'value', label: 'Value', numeric: true },
  ],
  rows: texts.map((text, i) => ({
    key: String(i),
    cells: [
      { kind: 'text', text },
      { kind: 'number', value: i === 0 ? null : -i / 3, format: 'score' },
    ],
  })),
});

describe('renderCsv', () => {
  it('neutralises text that a spreadsheet would read as a formula, with a leading apostrophe', () => {
    const csv = renderCsv(table(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', 'ok=1', ' -a']));
    const rows = parseCsv(csv);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      "'=1+1",
      "'+SUM(A1)",
      "'-2+3",
      "'@cmd",
      "'\tx",
      "'\rx",
      'ok=1',
      ' -a',
    ]);
  });

  it('writes numbers as numbers (negative ones too), missing ones empty', () => {
    const rows = parseCsv(renderCsv(table(['a', 'b'])));
    expect(rows).toEqual([
      ['Text', 'Value'],
      ['a', ''],
      ['b', String(-1 / 3)],
    ]);
  });

  it('round-trips any text through a CSV reader, neutralised only where needed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { minLength: 1, maxLength: 6 }),
        fc.constantFrom<',' | ';' | '\t'>(',', ';', '\t'),
        (texts, delimiter) => {
          const rows = parseCsv(renderCsv(table(texts), { delimiter }), delimiter);
          expect(rows).toHaveLength(texts.length + 1);
          rows.slice(1).forEach((r, i) => {
            const t = texts[i]!;
            expect(r[0]).toBe(/^[=+\-@\t\r]/.test(t) ? `'${t}` : t);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('formats numbers for a locale on request and can start with a BOM', () => {
    const csv = renderCsv(table(['a', 'b']), { numbers: 'lt', delimiter: ';', bom: true });
    expect(csv.startsWith('\uFEFFText;Value\r\n')).toBe(true);
    expect(csv).toContain('b;−0,3\r\n');
  });

  it('exports every report table, suppressed rows without numbers', () => {
    const doc = buildReport({
      questionnaire,
      responses: demoResponses(300, 9),
      options: { locale: 'en', minGroupSize: 30 },
    });
    const institutions = reportTables(doc).find((t) => t.id === 'institutions')!;
    const rows = parseCsv(renderCsv(institutions));
    expect(rows[0]).toEqual([
      'Rank',
      'Institution',
      'n',
      'Index',
      'Lower bound',
      'Upper bound',
      'NPS',
    ]);
    const suppressed = rows.filter((r) => r[2] === 'suppressed (n < 30)');
    expect(suppressed.length).toBeGreaterThan(0);
    for (const r of suppressed)
      expect(r.slice(2).every((c) => c === 'suppressed (n < 30)')).toBe(true);
  });
});
