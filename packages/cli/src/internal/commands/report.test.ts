import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { satisfactionIndex } from '@edu-quality/index';
import { parseQuestionnaire, readResponsesSync } from '@edu-quality/questionnaire';
import { run } from '../../run.js';
import { capture } from '../capture.js';

const lt = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'lt-export');

describe('report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edu-quality-report-'));
  const base = [
    'report',
    join(lt, 'responses.csv'),
    '-Q',
    join(lt, 'questionnaire.json'),
    '--id-column',
    'respondent',
  ];

  it('writes HTML, Markdown, XLSX, CSV tables and results.json; its numbers are the index results', async () => {
    const c = capture(dir);
    expect(
      await run([...base, '--out', 'all', '--format', 'json', '--min-group-size', '3'], c.io),
    ).toBe(0);
    const json = JSON.parse(c.stdout());
    for (const f of [
      'report.html',
      'report.md',
      'tables.xlsx',
      'results.json',
      join('tables', 'index-items.csv'),
    ]) {
      expect(existsSync(join(dir, 'all', f))).toBe(true);
    }
    const q = parseQuestionnaire(JSON.parse(readFileSync(join(lt, 'questionnaire.json'), 'utf8')));
    const set = readResponsesSync(q, readFileSync(join(lt, 'responses.csv')), {
      idColumn: 'respondent',
    });
    const direct = satisfactionIndex(set);
    expect(json.index.score).toBeCloseTo(direct.score, 10);
    const html = readFileSync(join(dir, 'all', 'report.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(direct.score.toFixed(1));
    const items = readFileSync(join(dir, 'all', 'tables', 'index-items.csv'), 'utf8');
    expect(items.split('\r\n').filter((l) => l !== '')).toHaveLength(1 + direct.items.length);
    expect(
      String.fromCharCode(...readFileSync(join(dir, 'all', 'tables.xlsx')).subarray(0, 2)),
    ).toBe('PK');
    expect(c.stderr()).toContain('rejected 2');
  });

  it('writes only the formats asked for, and checks them', async () => {
    const c = capture(dir);
    expect(await run([...base, '--out', 'some', '--formats', 'md'], c.io)).toBe(0);
    expect(existsSync(join(dir, 'some', 'report.md'))).toBe(true);
    expect(existsSync(join(dir, 'some', 'report.html'))).toBe(false);
    expect(c.stdout()).toContain('Files: some/report.md');
    const bad = capture(dir);
    expect(await run([...base, '--formats', 'pdf'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('--formats: unknown format pdf');
  });

  it('compares with a previous wave', async () => {
    const c = capture(dir);
    const code = await run(
      [
        ...base,
        '--previous',
        join(lt, 'responses.csv'),
        '--out',
        'waves',
        '--formats',
        'md',
        '--locale',
        'en',
      ],
      c.io,
    );
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'waves', 'report.md'), 'utf8')).toMatch(/previous wave/i);
  });
});
