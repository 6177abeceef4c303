import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listItems, parseQuestionnaire } from '@edu-quality/questionnaire';
import { run } from '../../run.js';
import { capture } from '../capture.js';

const lt = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'lt-export');
const lss = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'questionnaire',
  'test',
  'fixtures',
  'formats',
  'limesurvey',
  'demo_survey.lss',
);

describe('convert', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edu-quality-convert-'));
  const original = parseQuestionnaire(
    JSON.parse(readFileSync(join(lt, 'questionnaire.json'), 'utf8')),
  );
  const ids = listItems(original).map((i) => i.id);

  it('round-trips a questionnaire through SurveyJS and XLSForm (a folder of CSVs)', async () => {
    expect(
      await run(
        ['convert', join(lt, 'questionnaire.json'), '--to', 'surveyjs', '--out', 's.json'],
        capture(dir).io,
      ),
    ).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 's.json'), 'utf8')).pages.length).toBe(
      original.sections.length,
    );
    expect(
      await run(['convert', 's.json', '--to', 'edu', '--out', 'from-s.json'], capture(dir).io),
    ).toBe(0);
    const fromSurveyJs = parseQuestionnaire(
      JSON.parse(readFileSync(join(dir, 'from-s.json'), 'utf8')),
    );
    expect(listItems(fromSurveyJs).map((i) => i.id)).toEqual(ids);
    expect(
      await run(
        ['convert', join(lt, 'questionnaire.json'), '--to', 'xlsform', '--out', 'xf'],
        capture(dir).io,
      ),
    ).toBe(0);
    expect(existsSync(join(dir, 'xf', 'survey.csv'))).toBe(true);
    const c = capture(dir);
    expect(
      await run(
        ['convert', 'xf', '--to', 'edu', '--out', 'from-xf.json', '--format', 'json'],
        c.io,
      ),
    ).toBe(0);
    expect(JSON.parse(c.stdout())).toMatchObject({ ok: true, from: 'xlsform', to: 'edu' });
    const fromXlsForm = parseQuestionnaire(
      JSON.parse(readFileSync(join(dir, 'from-xf.json'), 'utf8')),
    );
    expect(listItems(fromXlsForm).map((i) => i.id)).toEqual(ids);
  });

  it('imports a LimeSurvey .lss, listing what could not be carried over', async () => {
    const c = capture(dir);
    expect(
      await run(['convert', lss, '--to', 'edu', '--out', 'lime.json', '--format', 'json'], c.io),
    ).toBe(0);
    const json = JSON.parse(c.stdout());
    expect(json.from).toBe('limesurvey');
    expect(Array.isArray(json.issues)).toBe(true);
    expect(
      parseQuestionnaire(JSON.parse(readFileSync(join(dir, 'lime.json'), 'utf8'))).sections.length,
    ).toBeGreaterThan(0);
  });

  it('re-encodes an old Excel export (windows-1257, ;) as UTF-8 CSV', async () => {
    // "Žemaitė;=1" in windows-1257: Ž is 0xDE, ė is 0xEB.
    const bytes = Uint8Array.from([
      0x61, 0x3b, 0x62, 0x0d, 0x0a, 0xde, 0x65, 0x6d, 0x61, 0x69, 0x74, 0xeb, 0x3b, 0x3d, 0x31,
      0x0d, 0x0a,
    ]);
    writeFileSync(join(dir, 'w.csv'), bytes);
    const c = capture(dir);
    expect(await run(['convert', 'w.csv', '--to', 'csv', '--encoding', 'windows-1257'], c.io)).toBe(
      0,
    );
    // Data stay data: a cell that looks like a formula is kept as written.
    expect(c.stdout()).toBe('a,b\r\nŽemaitė,=1\r\n');
    const bad = capture(dir);
    expect(await run(['convert', 'w.csv', '--to', 'csv'], bad.io)).toBe(1);
    expect(bad.stderr()).toContain('--encoding');
    expect(
      await run(['convert', 'w.csv', '--to', 'csv', '--encoding', 'klingon'], capture(dir).io),
    ).toBe(2);
  });

  it('writes JSON records as CSV that readResponses reads', async () => {
    writeFileSync(
      join(dir, 'r.json'),
      JSON.stringify([
        { id: 'R1', q: 5, m: ['a', 'b'] },
        { id: 'R2', q: 4, extra: 'x;y' },
      ]),
    );
    const c = capture(dir);
    expect(await run(['convert', 'r.json', '--to', 'csv', '--delimiter', ';', '--bom'], c.io)).toBe(
      0,
    );
    expect(c.stdout()).toBe('\uFEFFid;q;m;extra\r\nR1;5;a b;\r\nR2;4;;"x;y"\r\n');
  });

  it('fails with exit 1 and one JSON document when nothing can be imported', async () => {
    writeFileSync(join(dir, 'empty.json'), JSON.stringify({ pages: [] }));
    const c = capture(dir);
    expect(
      await run(
        ['convert', 'empty.json', '--to', 'edu', '--out', 'x.json', '--format', 'json'],
        c.io,
      ),
    ).toBe(1);
    expect(JSON.parse(c.stdout())).toMatchObject({ ok: false, exitCode: 1 });
    expect(c.stderr()).toContain('empty.json: no questionnaire could be read as surveyjs');
  });

  it('answers wrong requests with exit 2', async () => {
    expect(await run(['convert', join(lt, 'questionnaire.json')], capture(dir).io)).toBe(2);
    expect(
      await run(['convert', join(lt, 'questionnaire.json'), '--to', 'pdf'], capture(dir).io),
    ).toBe(2);
    expect(
      await run(['convert', join(lt, 'responses.csv'), '--to', 'surveyjs'], capture(dir).io),
    ).toBe(2);
    expect(
      await run(['convert', join(lt, 'questionnaire.json'), '--to', 'csv'], capture(dir).io),
    ).toBe(2);
    expect(
      await run(
        ['convert', join(lt, 'questionnaire.json'), '--to', 'edu', '--format', 'json'],
        capture(dir).io,
      ),
    ).toBe(2);
  });
});
