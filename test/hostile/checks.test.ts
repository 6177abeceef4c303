/**
 * The checks of the hostile-input gate, on hand-made inputs: a gate whose
 * checks cannot fail would pass anything.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditCells, breakdownCells, determinedColumns, type Cell } from './audit.ts';
import { activeHtml, isFormulaCell, parseCsv, unzip, workbookStrings, xmlText } from './outputs.ts';

const cell = (key: Record<string, string>, value: number | null): Cell => ({
  measure: 'n',
  key,
  value,
  source: 'hand-made',
});

describe('determinedColumns', () => {
  it('finds the unknowns that the equations pin down, and only those', () => {
    // x0 + x1 = c: neither is determined (hand calculation: rank 1, two unknowns).
    expect(determinedColumns([[1, 1]], 2)).toEqual([]);
    // and x0 = d: then x1 = c − d as well.
    expect(
      determinedColumns(
        [
          [1, 1],
          [1, 0],
        ],
        2,
      ),
    ).toEqual([0, 1]);
    // x0 + x1 = a, x1 + x2 = b, x0 + x2 = c: rank 3, all three determined
    // (x0 = (a − b + c)/2): rational elimination, not integer.
    expect(
      determinedColumns(
        [
          [1, 1, 0],
          [0, 1, 1],
          [1, 0, 1],
        ],
        3,
      ),
    ).toEqual([0, 1, 2]);
    // x0 − x1 = a, x0 − x1 = b: rank 1, nothing determined.
    expect(
      determinedColumns(
        [
          [1, -1],
          [1, -1],
        ],
        2,
      ),
    ).toEqual([]);
  });
});

describe('auditCells', () => {
  it('recovers a single suppressed group from the total (33 − 30 = 3)', () => {
    const found = auditCells([cell({}, 33), cell({ i: 'a' }, 30), cell({ i: 'b' }, null)], 5);
    expect(found.recoverable).toEqual(['suppressed n(i=b) is determined by the published cells']);
  });

  it('accepts complementary suppression (two unknowns, one equation)', () => {
    const found = auditCells(
      [cell({}, 41), cell({ i: 'a' }, 30), cell({ i: 'b' }, null), cell({ i: 'c' }, null)],
      5,
    );
    expect(found).toEqual({ recoverable: [], small: [] });
  });

  it('recovers a nested cell from its parent in a coarser table (12 − 10 = 2)', () => {
    const found = auditCells(
      [
        cell({}, 20),
        cell({ i: 'a' }, 12),
        cell({ i: 'b' }, 8),
        cell({ i: 'a', g: 'x' }, 10),
        cell({ i: 'a', g: 'y' }, null),
        cell({ i: 'b', g: 'x' }, 8),
      ],
      5,
    );
    expect(found.recoverable).toEqual([
      'suppressed n(i=a, g=y) is determined by the published cells',
    ]);
  });

  it('lists published groups below the minimum, not the total', () => {
    const found = auditCells([cell({}, 3), cell({ i: 'a' }, 3)], 5);
    expect(found.small).toEqual(['n(i=a) = 3 published in hand-made']);
  });

  it('reads breakdown() JSON: a suppressed group has no n', () => {
    const cells = breakdownCells(
      [
        {
          by: ['i'],
          total: { n: 33 },
          groups: [
            { key: { i: 'a' }, suppressed: false, n: 30 },
            { key: { i: 'b' }, suppressed: true },
          ],
        },
      ],
      'json',
    );
    expect(auditCells(cells, 5).recoverable).toHaveLength(1);
  });
});

describe('output checks', () => {
  it('flags formula cells, not numbers or neutralised text', () => {
    for (const bad of ['=1+1', '+cmd|x', '-2+3', '@SUM(1)', '\t=1', '\r=1']) {
      expect(isFormulaCell(bad), bad).toBe(true);
    }
    for (const good of ['-2.5', '+5', '1e-3', "'=1+1", '-', 'Gimnazija A', '—']) {
      expect(isFormulaCell(good), good).toBe(false);
    }
  });

  it('flags live markup, not escaped text', () => {
    expect(activeHtml('<p>&lt;img src=x onerror=alert(1)&gt;</p>')).toEqual([]);
    expect(activeHtml('<td title="x onerror=y">t</td>')).toEqual([]);
    expect(activeHtml('<img src=x onerror=alert(1)>')).toHaveLength(1);
    expect(activeHtml('<a href=" javascript:alert(1)">x</a>')).toHaveLength(1);
    expect(activeHtml('<script>alert(1)</script>')).toHaveLength(1);
  });

  it('parses quoted CSV with doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b ""c""\r\nd"\r\n1,2\n')).toEqual([
      ['a', 'b "c"\r\nd'],
      ['1', '2'],
    ]);
  });

  it('unzips deflated entries and decodes workbook strings', () => {
    const parts = unzip(readFileSync(join(import.meta.dirname, 'corpus', 'enc-xlsx-renamed.csv')));
    expect([...parts.keys()]).toEqual([
      '[Content_Types].xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(
      workbookStrings(new Map([['xl/sharedStrings.xml', '<sst><si><t>=1&amp;2</t></si></sst>']])),
    ).toEqual(['=1&2']);
    expect(xmlText('&lt;&#x41;&#66;&gt;')).toBe('<AB>');
  });
});
