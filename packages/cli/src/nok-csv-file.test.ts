import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countNokCsv } from '@edu-quality/index';
import { nokEducationQuestionnaire } from '@edu-quality/templates';
import { NokCsvFilePool, countNokCsvFile } from './nok-csv-file.js';

// The oracle of every test here is countNokCsv on the whole file (itself
// checked against readResponsesSync + NokSurveyAccumulator.addResponses in
// packages/index/src/nok-csv.test.ts).
const q = nokEducationQuestionnaire;
const dir = mkdtempSync(join(tmpdir(), 'edu-quality-nok-pool-'));

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function region(rows: number, seed: number, oddEvery = 0): string {
  const rand = mulberry32(seed);
  const lines = ['id,organisation,q1,q2,q3,q4,q5,q14,q15'];
  const yn = (): string => (rand() < 0.7 ? 'yes' : rand() < 0.5 ? 'no' : '');
  for (let r = 0; r < rows; r++) {
    const org = `Школа №${1 + Math.floor(rand() * 40)}`;
    // A multi-line quoted comment now and then (an ignored column), and a bad answer.
    const comment = rand() < 0.05 ? '"line one\nline, two"' : '';
    const q5 = oddEvery > 0 && r % oddEvery === 0 ? 'maybe' : yn();
    lines.push([r + 1, org, yn(), yn(), yn(), yn(), q5, yn(), comment].join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

function same(a: ReturnType<typeof countNokCsv>, b: ReturnType<typeof countNokCsv>): void {
  expect([...a.accumulator.result()]).toEqual([...b.accumulator.result()]);
  expect(a.accumulator.issues).toEqual(b.accumulator.issues);
  expect(a.counts).toEqual(b.counts);
  expect(a.issues).toEqual(b.issues);
}

describe('NokCsvFilePool', () => {
  it('counts a file in parts on threads exactly as countNokCsv on the whole file', async () => {
    const path = join(dir, 'region.csv');
    writeFileSync(path, region(6000, 7, 97));
    const pool = new NokCsvFilePool({ threads: 3, minPartBytes: 1024 });
    try {
      const parallel = await pool.count(q, path);
      expect(parallel.parts).toBe(3);
      same(parallel, countNokCsv(q, readFileSync(path)));
      // Rows rejected in the last part keep their file rows (row 1 is the header).
      expect(parallel.counts.rejected).toBeGreaterThan(20);
      const rows = parallel.issues.map((i) => i.row ?? 0);
      expect(Math.max(...rows)).toBeGreaterThan(4000);
    } finally {
      await pool.close();
    }
  });

  it('hands more parts than threads out as threads come free, same as countNokCsv', async () => {
    const path = join(dir, 'region-6.csv');
    writeFileSync(path, region(6000, 13, 89));
    const counted = await countNokCsvFile(q, path, {
      threads: 2,
      partsPerThread: 3,
      minPartBytes: 1024,
    });
    expect(counted.parts).toBe(6);
    same(counted, countNokCsv(q, readFileSync(path)));
  });

  it('reads the file in one piece when a cut falls inside a quoted cell', async () => {
    // One organisation with a long quoted comment spanning every cut (100
    // lines: more line feeds in one cell and the reader refuses the file).
    const body = Array.from({ length: 100 }, (_, k) => `line ${k}`).join('\n');
    const csv = `organisation,q1,q15\nschool-1,yes,"${body}"\nschool-2,no,\n`;
    const path = join(dir, 'quoted.csv');
    writeFileSync(path, csv);
    const counted = await countNokCsvFile(q, path, { threads: 2, minPartBytes: 64 });
    expect(counted.parts).toBe(1);
    same(counted, countNokCsv(q, csv));
  });

  it("reads the file in one piece when a later part holds a byte that is not UTF-8: the reader's refusal", async () => {
    const path = join(dir, 'not-utf8.csv');
    const bytes = Buffer.concat([Buffer.from(region(3000, 11, 2500)), Buffer.from([0xff, 0x0a])]);
    writeFileSync(path, bytes);
    const expected = (() => {
      try {
        countNokCsv(q, bytes);
      } catch (error) {
        return error as Error;
      }
      throw new Error('expected a refusal');
    })();
    expect(expected.message).toContain(`byte offset ${bytes.length - 2} is not UTF-8`);
    await expect(
      countNokCsvFile(q, path, { threads: 2, minPartBytes: 1024 }),
    ).rejects.toMatchObject({ message: expected.message });
  });

  it('passes the first invalid row of a later part, with its file row, under onInvalid fail', async () => {
    const path = join(dir, 'fail.csv');
    writeFileSync(path, region(3000, 11, 2500));
    const expected = (() => {
      try {
        countNokCsv(q, readFileSync(path), { onInvalid: 'fail' });
      } catch (error) {
        return error as Error;
      }
      throw new Error('expected a failure');
    })();
    await expect(
      countNokCsvFile(q, path, { threads: 2, minPartBytes: 1024, onInvalid: 'fail' }),
    ).rejects.toMatchObject({ message: expected.message });
  });

  it('starts its threads in a Node run with flags a worker cannot take (--max-old-space-size, --expose-gc)', () => {
    const path = join(dir, 'flags.csv');
    writeFileSync(path, region(3000, 5));
    const script = [
      "import { countNokCsvFile } from '@edu-quality/cli';",
      "import { nokEducationQuestionnaire } from '@edu-quality/templates';",
      `const r = await countNokCsvFile(nokEducationQuestionnaire, ${JSON.stringify(path)}, { threads: 2, minPartBytes: 1024 });`,
      'console.log(JSON.stringify({ parts: r.parts, accepted: r.counts.accepted }));',
    ].join('\n');
    // A script in the repository, so that it loads the built packages (the
    // test job builds first), as an app would.
    const root = join(import.meta.dirname, '..', '..', '..');
    mkdirSync(join(root, '.tmp'), { recursive: true });
    const file = join(root, '.tmp', 'nok-pool-flags.mjs');
    writeFileSync(file, script);
    const out = execFileSync(process.execPath, ['--max-old-space-size=256', '--expose-gc', file], {
      cwd: root,
      encoding: 'utf8',
    });
    const expected = countNokCsv(q, readFileSync(path));
    expect(JSON.parse(out)).toEqual({ parts: 2, accepted: expected.counts.accepted });
  });

  it('rejects a thread count that is not a positive integer', () => {
    expect(() => new NokCsvFilePool({ threads: 0 })).toThrow(/positive integer/);
  });
});
