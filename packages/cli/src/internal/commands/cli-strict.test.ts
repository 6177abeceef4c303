import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../run.js';
import { capture } from '../capture.js';

const lt = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'lt-export');
const responses = join(lt, 'responses.csv');
const questionnaire = join(lt, 'questionnaire.json');
const ingest = ['--id-column', 'respondent'];
const nok = join(import.meta.dirname, '..', '..', '..', 'examples', 'nok');

describe('the command line is strict', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edu-quality-strict-'));

  it('labels the report interval by --level (it printed "95% CI" whatever the level)', async () => {
    const c = capture(dir);
    const args = ['report', responses, '-Q', questionnaire, ...ingest, '--formats', 'md'];
    expect(await run([...args, '--out', 'level', '--level', '0.9'], c.io)).toBe(0);
    expect(c.stdout()).toMatch(/\(90% CI /);
    expect(c.stdout()).not.toContain('95%');
  });

  it.each([
    [['--format', 'json', '--format', 'text'], '--format is given more than once'],
    [['--format', 'text,json'], '--format must be text or json'],
    [['--level', '0.9', '--level', '0.8'], '--level is given more than once'],
    [['--no-such-option'], "Unknown option '--no-such-option'"],
    [['--quiet=yes'], '--quiet'],
    [['--locale', 'xx'], '--locale must be one of lt, en, ru, got xx'],
    [['--level', 'abc'], '--level must be a number'],
  ])('index %j → exit 2 with a message', async (extra, message) => {
    const c = capture(dir);
    expect(await run(['index', responses, '-Q', questionnaire, ...ingest, ...extra], c.io)).toBe(2);
    expect(c.stderr()).toContain(message);
  });

  it('bounds deadline --extend (99999999 days took 14 s and 724 MB)', async () => {
    const c = capture(dir);
    const started = performance.now();
    expect(
      await run(['deadline', '2026-04-03', '--days', '20', '--extend', '99999999'], c.io),
    ).toBe(2);
    expect(c.stderr()).toContain('--extend must be a whole number of days from 1 to 3660');
    expect(performance.now() - started).toBeLessThan(1000);
    const sum = capture(dir);
    expect(
      await run(['deadline', '2026-04-03', '--days', '3000', '--extend', '600,100'], sum.io),
    ).toBe(2);
    expect(sum.stderr()).toContain('add up to more than 3660 days');
    const ok = capture(dir);
    expect(await run(['deadline', '2026-04-03', '--days', '20', '--extend', '10'], ok.io)).toBe(0);
  });

  describe('--quiet writes nothing but errors, in every command', () => {
    const cases: [string, string[]][] = [
      ['validate', ['validate', questionnaire, '--responses', responses, ...ingest]],
      ['index', ['index', responses, '-Q', questionnaire, ...ingest, '--by', 'group']],
      [
        'report',
        ['report', responses, '-Q', questionnaire, ...ingest, '--out', 'quiet', '--formats', 'md'],
      ],
      ['convert', ['convert', questionnaire, '--to', 'surveyjs', '--out', 'quiet-convert.json']],
      ['deadline', ['deadline', '2026-04-03', '--days', '20']],
      ['demo', ['demo', '--out', 'quiet-demo']],
      [
        'nok',
        ['nok', '-a', join(nok, 'audit.csv'), '-r', join(nok, 'answers.csv'), '-o', 'quiet-nok'],
      ],
      ['compliance', ['compliance', 'log.csv', '--now', '2026-06-01T00:00:00Z']],
    ];
    // A log with a rejected row (R4: fax is no channel), as in the compliance test.
    writeFileSync(
      join(dir, 'log.csv'),
      'id;kind;institution;channel;received;answered\nR1;request;school-1;email;2026-04-03T20:30:00Z;2026-05-05\nR4;complaint;school-1;fax;2026-04-03;\n',
    );
    it.each(cases)(
      '%s',
      async (_name, args) => {
        const c = capture(dir);
        const code = await run([...args, '--quiet'], c.io);
        // validate exits 1 on the export's rejected rows; that is its result, not an error message.
        expect([0, 1]).toContain(code);
        expect(c.stdout()).toBe('');
        expect(c.stderr()).toBe('');
      },
      120_000,
    );

    it('but errors are still written', async () => {
      const c = capture(dir);
      expect(await run(['index', 'missing.csv', '-Q', questionnaire, '--quiet'], c.io)).toBe(4);
      expect(c.stderr()).toContain('cannot read missing.csv');
    });
  });
});
