// `--decimal-mark` and `--duplicate-ids`: the reader's decimalMark and
// duplicateIds from the command line. The fixture is the LT export with its
// last column, the weight, set to 1 for every respondent but R0001, who weighs
// `1,250`: 1.25 with a decimal comma, 1250 with a decimal point, and refused
// without the flag.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { capture } from './internal/capture.js';
import { run } from './run.js';

const lt = join(import.meta.dirname, '..', 'test', 'fixtures', 'lt-export');
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eq-ingest-flags-'));
  const text = readFileSync(join(lt, 'responses.csv'), 'utf8');
  // Weights end their records (`;0,79` before a line break); the first one is
  // R0001's. Cells with line breaks of their own lie before it, in `improve`.
  let first = true;
  const weighted = text.replace(/;\d+,\d+(?=\r?\n)/g, () => {
    const cell = first ? ';"1,250"' : ';1';
    first = false;
    return cell;
  });
  writeFileSync(join(dir, 'weighted.csv'), weighted);
  // R0001's record once more at the end: its respondent id repeated.
  const r0001 = /\nR0001;[^\n]*\n/.exec(weighted)![0].slice(1);
  writeFileSync(join(dir, 'repeated.csv'), `${weighted.replace(/\r?\n?$/, '\n')}${r0001}`);
  writeFileSync(join(dir, 'questionnaire.json'), readFileSync(join(lt, 'questionnaire.json')));
});

interface Result {
  readonly responses: { counts: { read: number; accepted: number; rejected: number } };
  readonly index: { score: number; n: number };
}

async function index(file: string, ...flags: string[]): Promise<Result> {
  const c = capture(dir);
  const args = ['index', file, '-Q', 'questionnaire.json', '--id-column', 'respondent'];
  expect(await run([...args, '--format', 'json', ...flags], c.io)).toBe(0);
  return JSON.parse(c.stdout()) as Result;
}

describe('edu-quality index --decimal-mark', () => {
  it('refuses an ambiguous weight without the flag and reads it by the mark given', async () => {
    // The golden LT run: 124 rows read, 122 accepted; R0001 is one of them.
    const refused = await index('weighted.csv');
    expect(refused.responses.counts).toMatchObject({ read: 124, accepted: 121, rejected: 3 });
    const comma = await index('weighted.csv', '--decimal-mark', ',');
    const point = await index('weighted.csv', '--decimal-mark', 'point');
    expect(comma.responses.counts).toMatchObject({ accepted: 122, rejected: 2 });
    expect(point.responses.counts).toMatchObject({ accepted: 122, rejected: 2 });
    // 1.25 and 1250 weigh R0001 differently, so the two indices differ.
    expect(comma.index.score).not.toBeCloseTo(point.index.score, 6);
  });

  it('refuses an unknown mark as a usage error', async () => {
    const c = capture(dir);
    const args = ['index', 'weighted.csv', '-Q', 'questionnaire.json', '--decimal-mark', ';'];
    expect(await run(args, c.io)).toBe(2);
    expect(c.stderr()).toContain('--decimal-mark must be , or .');
  });
});

describe('edu-quality index --duplicate-ids', () => {
  it('rejects a repeated respondent by default and keeps it when asked', async () => {
    const rejected = await index('repeated.csv', '--decimal-mark', ',');
    // 125 rows: the 124 of the export and R0001 again, which is rejected.
    expect(rejected.responses.counts).toMatchObject({ read: 125, accepted: 122, rejected: 3 });
    const kept = await index('repeated.csv', '--decimal-mark', ',', '--duplicate-ids', 'keep');
    expect(kept.responses.counts).toMatchObject({ read: 125, accepted: 123, rejected: 2 });
  });
});
