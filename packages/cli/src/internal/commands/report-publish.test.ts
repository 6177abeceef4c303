import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  educationSatisfactionQuestionnaire as questionnaire,
  generateResponses,
  responsesToCsv,
} from '@edu-quality/templates';
import { run } from '../../run.js';
import { capture } from '../capture.js';

const Q = ['-Q', 'builtin:education-satisfaction', '--locale', 'en'];

function exportOf(
  dir: string,
  name: string,
  n: number,
  seed: number,
  edit?: (records: Record<string, unknown>[]) => void,
): string {
  const records = generateResponses(questionnaire, { n, seed });
  edit?.(records);
  writeFileSync(join(dir, name), responsesToCsv(records, { questionnaire }));
  return name;
}

/** Every file of a folder, read as text, joined. */
function readAll(folder: string): string {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.xlsx'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

describe('report and index publish no wrong number', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edu-quality-publish-'));

  it('refuses --population below the responses (a response rate over 100 %), exit 2', async () => {
    const file = exportOf(dir, 'sixty.csv', 60, 3);
    const c = capture(dir);
    // 60 responses accepted (generateResponses n = 60), 59 recipients: 101.7 %.
    expect(await run(['report', file, ...Q, '--population', '59', '--out', 'pop'], c.io)).toBe(2);
    expect(c.stderr()).toContain(
      '--population 59 is smaller than the 60 responses accepted: the response rate would exceed 100 %',
    );
    expect(readdirSync(dir)).not.toContain('pop');
    const ok = capture(dir);
    expect(
      await run(
        ['report', file, ...Q, '--population', '60', '--out', 'pop', '--formats', 'md'],
        ok.io,
      ),
    ).toBe(0);
  }, 60_000);

  it('withholds a whole study below the minimum group size: no number anywhere, exit 5', async () => {
    // 4 respondents, minimum group size 5.
    const file = exportOf(dir, 'four.csv', 4, 9);
    const c = capture(dir);
    expect(await run(['report', file, ...Q, '--out', 'small'], c.io)).toBe(5);
    const files = readdirSync(join(dir, 'small'), { recursive: true }).map(String).sort();
    // No table is written: the document has none.
    expect(files).toEqual(['report.html', 'report.md', 'results.json', 'tables.xlsx']);
    const read = (f: string) => readFileSync(join(dir, 'small', f), 'utf8');
    const published = [read('report.md'), read('results.json'), c.stdout()].join('\n');
    expect(published).toContain('no results are published');
    // The only digits left are those of the threshold (5), the generation date and file names.
    expect(
      published
        .replace(/\(5\)/g, '')
        .replace(/\d{4}\\?-\d{2}\\?-\d{2}/g, '')
        .replace(/"minGroupSize": 5/g, ''),
    ).not.toMatch(/\d/);
    expect(read('report.html')).toContain('no results are published');
    expect(read('report.html')).not.toContain('data-value');
    const json = capture(dir);
    expect(await run(['index', file, ...Q, '--format', 'json'], json.io)).toBe(5);
    expect(JSON.parse(json.stdout())).toMatchObject({
      withheld: { reason: 'below-minimum', minGroupSize: 5 },
    });
    expect(json.stdout()).not.toContain('score');
    const text = capture(dir);
    expect(await run(['index', file, ...Q, '--by', 'group'], text.io)).toBe(5);
    expect(text.stdout().replace('(5)', '')).not.toMatch(/\d/);
  }, 60_000);

  it('redacts personal data typed into a free-text segment in every output', async () => {
    const file = exportOf(dir, 'typed.csv', 120, 21, (records) => {
      // `institution` accepts unlisted codes: six respondents typed an e-mail
      // (published, n = 6 ≥ 5), one a phone number and one a personal code (n = 1, suppressed).
      for (let i = 0; i < 6; i++) records[i]!.institution = 'ona.jonaitiene@example.lt';
      records[6]!.institution = '+370 612 34567';
      records[7]!.institution = '38703181745';
    });
    const secrets = ['ona.jonaitiene@example.lt', '612 34567', '38703181745'];
    const text = capture(dir);
    expect(await run(['index', file, ...Q, '--by', 'institution'], text.io)).toBe(0);
    const json = capture(dir);
    expect(
      await run(['index', file, ...Q, '--by', 'institution', '--format', 'json'], json.io),
    ).toBe(0);
    const report = capture(dir);
    expect(await run(['report', file, ...Q, '--out', 'typed', '--format', 'json'], report.io)).toBe(
      0,
    );
    const everything = [
      text.stdout(),
      json.stdout(),
      report.stdout(),
      readAll(join(dir, 'typed')),
    ].join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(text.stdout()).toContain('(another answer, not shown)');
    const results = JSON.parse(readFileSync(join(dir, 'typed', 'results.json'), 'utf8'));
    const labels = results.breakdowns[0].groups.map((g: { label: string }) => g.label);
    expect(labels).toContain('[removed]');
  }, 60_000);
});
