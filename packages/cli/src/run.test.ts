import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResponsesSync, parseQuestionnaire } from '@edu-quality/questionnaire';
import { satisfactionIndex } from '@edu-quality/index';
import { run } from './run.js';
import { capture } from './internal/capture.js';
import { VERSION } from './internal/version.js';

const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures');
const lt = join(fixtures, 'lt-export');
const golden = join(fixtures, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

// Golden outputs: regenerated only on purpose (UPDATE_GOLDEN=1) and reviewed as a diff.
function expectGolden(name: string, actual: string): void {
  const file = join(golden, name);
  if (update || !existsSync(file)) {
    mkdirSync(golden, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'edu-quality-cli-'));
});

describe('run', () => {
  it('prints the version of package.json', async () => {
    const c = capture(dir);
    expect(await run(['--version'], c.io)).toBe(0);
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));
    expect(VERSION).toBe(pkg.version);
    expect(c.stdout()).toBe(`edu-quality ${pkg.version}\n`);
  });

  it('lists the commands and the exit codes; no command is a usage error', async () => {
    const c = capture(dir);
    expect(await run([], c.io)).toBe(2);
    for (const name of ['validate', 'convert', 'index', 'report', 'demo', 'nok'])
      expect(c.stdout()).toContain(`  ${name} `);
    expect(c.stdout()).toContain('2  usage error');
    expect(await run(['--help'], capture(dir).io)).toBe(0);
  });

  it('gives every command a --help with examples', async () => {
    for (const name of ['validate', 'convert', 'index', 'report', 'demo', 'nok']) {
      const c = capture(dir);
      expect(await run([name, '--help'], c.io)).toBe(0);
      expect(c.stdout()).toMatch(new RegExp(`^Usage: edu-quality ${name}`));
      expect(c.stdout()).toContain(`Examples:\n  edu-quality ${name}`);
      expect(c.stdout()).toContain('--format text|json');
    }
  });

  it('answers an unknown command or option with exit 2 and what to do', async () => {
    let c = capture(dir);
    expect(await run(['frobnicate'], c.io)).toBe(2);
    expect(c.stderr()).toContain('edu-quality: unknown command frobnicate');
    expect(c.stderr()).toContain('Commands: validate, convert, index, report, demo, nok');
    c = capture(dir);
    expect(await run(['index', 'a.csv', '--frob'], c.io)).toBe(2);
    expect(c.stderr()).toMatch(/edu-quality index: Unknown option '--frob'/);
    expect(c.stderr()).toContain('edu-quality index --help');
    c = capture(dir);
    expect(await run(['index', 'a.csv'], c.io)).toBe(2);
    expect(c.stderr()).toContain('--questionnaire is required');
    c = capture(dir);
    expect(await run(['index', 'a.csv', '-Q', 'q.json', '--format', 'yaml'], c.io)).toBe(2);
    c = capture(dir);
    expect(
      await run(
        ['index', join(lt, 'responses.csv'), '-Q', join(lt, 'questionnaire.json'), '--level', '2'],
        c.io,
      ),
    ).toBe(2);
    expect(c.stderr()).toContain('--level must be a number ≥ 0.5 ≤ 0.999, got 2');
  });

  it('reports a missing file with exit 4, in JSON too', async () => {
    const c = capture(dir);
    expect(await run(['validate', 'nope.json', '--format', 'json'], c.io)).toBe(4);
    expect(c.stderr()).toContain('cannot read nope.json: no such file or folder');
    const json = JSON.parse(c.stdout());
    expect(json).toMatchObject({ ok: false, exitCode: 4, error: { file: 'nope.json' } });
  });
});

describe('validate', () => {
  it('accepts a valid questionnaire', async () => {
    const c = capture(lt);
    expect(await run(['validate', 'questionnaire.json'], c.io)).toBe(0);
    expectGolden('validate-questionnaire.txt', c.stdout());
  });

  it('lists the issues of an invalid questionnaire with their paths (exit 1)', async () => {
    const q = JSON.parse(readFileSync(join(lt, 'questionnaire.json'), 'utf8'));
    q.defaultLocale = 'de';
    q.sections[0].questions[0].id = 'info_clear';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(q));
    const c = capture(dir);
    expect(await run(['validate', 'bad.json', '--format', 'json'], c.io)).toBe(1);
    const json = JSON.parse(c.stdout());
    expect(json.ok).toBe(false);
    expect(json.questionnaire.issues.length).toBeGreaterThan(0);
    expect(json.questionnaire.issues[0].path).toBeDefined();
    writeFileSync(join(dir, 'broken.json'), '{ "id": "x",\n  "version": }');
    const t = capture(dir);
    expect(await run(['validate', 'broken.json'], t.io)).toBe(1);
    expect(t.stdout()).toMatch(/the file is not valid JSON.*\[invalid-json\]/);
  });

  it('reads an export against it: counts, issues with row and column, exit 1', async () => {
    const c = capture(lt);
    const code = await run(
      [
        'validate',
        'questionnaire.json',
        '--responses',
        'responses.csv',
        '--id-column',
        'respondent',
      ],
      c.io,
    );
    if (code !== 1) console.log(c.stderr());
    expect(code).toBe(1);
    expectGolden('validate-responses.txt', c.stdout());
    expect(c.stdout()).toContain('rows read 124, accepted 122, rejected 2');
    expect(c.stdout()).toContain('row 8, column 8 (staff_politeness)');
    expect(c.stderr()).toContain('responses.csv: 2 row(s) rejected. Correct the cells named above');
  });

  it('gives the same under --format json, and keeps respondents’ words out of the output', async () => {
    const csv = readFileSync(join(lt, 'responses.csv'), 'utf8').replace(
      'Gimnazija A;Bendrasis ugdymas;Patenkintas;Labai patenkintas;Nepatenkintas',
      'Gimnazija A;Bendrasis ugdymas;Patenkintas;Labai patenkintas;My name is Jonas Jonaitis',
    );
    writeFileSync(join(dir, 'pii.csv'), csv);
    const c = capture(dir);
    const code = await run(
      [
        'validate',
        join(lt, 'questionnaire.json'),
        '-r',
        'pii.csv',
        '--id-column',
        'respondent',
        '--format',
        'json',
      ],
      c.io,
    );
    expect(code).toBe(1);
    const json = JSON.parse(c.stdout());
    expect(json.responses.counts).toEqual({
      read: 124,
      accepted: 121,
      rejected: 3,
      droppedAnswers: 0,
    });
    expect(json.responses.issues[0]).toMatchObject({
      code: 'invalid-answer',
      row: 2,
      column: 7,
      field: 'staff_competence',
    });
    expect(c.stdout() + c.stderr()).not.toContain('Jonas');
  });

  it('knows the built-in questionnaires', async () => {
    const c = capture(dir);
    expect(await run(['validate', 'builtin:education-satisfaction'], c.io)).toBe(0);
    expect(await run(['validate', 'builtin:nope'], capture(dir).io)).toBe(2);
  });
});

describe('index', () => {
  const args = ['index', 'responses.csv', '-Q', 'questionnaire.json', '--id-column', 'respondent'];

  it('prints the index by dimension, item, segment and the NPS', async () => {
    const c = capture(lt);
    expect(await run([...args, '--by', 'institution', '--min-group-size', '5'], c.io)).toBe(0);
    expectGolden('index.txt', c.stdout());
    expect(c.stderr()).toContain('rows read 124, accepted 122, rejected 2');
    expect(c.stderr()).toContain('row 21, column 3 (institution)');
  });

  it('computes what satisfactionIndex computes on the same rows (--format json)', async () => {
    const c = capture(lt);
    expect(await run([...args, '--by', 'group', '--format', 'json'], c.io)).toBe(0);
    const json = JSON.parse(c.stdout());
    const q = parseQuestionnaire(JSON.parse(readFileSync(join(lt, 'questionnaire.json'), 'utf8')));
    const set = readResponsesSync(q, readFileSync(join(lt, 'responses.csv')), {
      idColumn: 'respondent',
    });
    const direct = satisfactionIndex(set);
    expect(json.index.score).toBeCloseTo(direct.score, 10);
    expect(json.index.interval.lower).toBeCloseTo(direct.interval.lower, 10);
    expect(json.index.n).toBe(122);
    expect(json.nps.n).toBeGreaterThan(0);
    expect(json.breakdowns[0].by).toEqual(['group']);
    expect(json.responses.counts.rejected).toBe(2);
  });

  // Regression: --nps on a 1–5 item printed an NPS of −100 with exit 0.
  it('refuses --nps on an item that is not 0–10 (exit 2)', async () => {
    const c = capture(lt);
    expect(await run([...args, '--nps', 'overall'], c.io)).toBe(2);
    expect(c.stderr()).toContain(
      '--nps overall: the NPS needs a 0–10 item; overall is on a 1–5 scale',
    );
    expect(c.stdout()).not.toContain('Net Promoter Score');
  });

  it('fails under --strict when rows were rejected (exit 1)', async () => {
    expect(await run([...args, '--strict'], capture(lt).io)).toBe(1);
  });

  it('names the segment fields when --by is wrong', async () => {
    const c = capture(lt);
    expect(await run([...args, '--by', 'school'], c.io)).toBe(2);
    expect(c.stderr()).toContain('--by school: not a segment field');
    expect(c.stderr()).toContain('Segment fields: group, institution, service');
  });

  it('bootstraps with a seed: the same interval twice', async () => {
    const a = capture(lt);
    const b = capture(lt);
    const boot = [
      ...args,
      '--interval',
      'bootstrap',
      '--replicates',
      '200',
      '--seed',
      '7',
      '--format',
      'json',
    ];
    expect(await run(boot, a.io)).toBe(0);
    expect(await run(boot, b.io)).toBe(0);
    const ja = JSON.parse(a.stdout());
    expect(ja.index.interval.method).toBe('bootstrap-percentile');
    expect(ja.index.interval).toEqual(JSON.parse(b.stdout()).index.interval);
  });

  it('draws a progress bar on a TTY only, never in CI', async () => {
    const tty = capture(lt, true);
    expect(await run(args, tty.io)).toBe(0);
    expect(tty.stderr()).toContain('\r');
    const ci = capture(lt, true, { CI: 'true' });
    expect(await run(args, ci.io)).toBe(0);
    expect(ci.stderr()).not.toContain('\r');
    const pipe = capture(lt, false);
    expect(await run(args, pipe.io)).toBe(0);
    expect(pipe.stderr()).not.toContain('\r');
  });
});
