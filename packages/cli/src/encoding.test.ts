// `--encoding`: a Lithuanian Excel export saved as plain "CSV" is in
// windows-1257; it is refused without the flag (naming it) and read with it
// exactly as the UTF-8 export.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture } from './internal/capture.js';
import { run } from './run.js';

const lt = join(import.meta.dirname, '..', 'test', 'fixtures', 'lt-export');
const args = ['-Q', 'questionnaire.json', '--id-column', 'respondent', '--format', 'json'];

describe('edu-quality index --encoding', () => {
  it('refuses a windows-1257 export without --encoding, naming --encoding windows-1257', async () => {
    const c = capture(lt);
    expect(await run(['index', 'responses.windows-1257.csv', ...args], c.io)).toBe(1);
    expect(c.stderr()).toContain('is not UTF-8');
    expect(c.stderr()).toContain('pass --encoding windows-1257');
    expect(JSON.parse(c.stdout())).toMatchObject({ ok: false, exitCode: 1 });
  });

  it('gives with --encoding windows-1257 the index of the UTF-8 export (the oracle)', async () => {
    const utf8 = capture(lt);
    expect(await run(['index', 'responses.csv', ...args], utf8.io)).toBe(0);
    const legacy = capture(lt);
    expect(
      await run(
        ['index', 'responses.windows-1257.csv', ...args, '--encoding', 'windows-1257'],
        legacy.io,
      ),
    ).toBe(0);
    const index = JSON.parse(utf8.stdout()) as { index: { n: number } };
    // The UTF-8 export's golden run: rows read 124, accepted 122.
    expect(index.index.n).toBe(122);
    // Everything but the file's name is the same.
    const named = legacy.stdout().replace('"responses.windows-1257.csv"', '"responses.csv"');
    expect(JSON.parse(named)).toEqual(index);
  });

  it('refuses an unknown --encoding as a usage error', async () => {
    const c = capture(lt);
    expect(await run(['index', 'responses.csv', ...args, '--encoding', 'latin-1'], c.io)).toBe(2);
    expect(c.stderr()).toContain('--encoding must be one of');
  });
});
