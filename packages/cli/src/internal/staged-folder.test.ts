import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../run.js';
import { capture } from './capture.js';
import { Context } from './context.js';
import { StagedFolder } from './staged-folder.js';

const root = resolve(import.meta.dirname, '..', '..', '..', '..');

describe('StagedFolder: a report folder is replaced whole or not at all', () => {
  it('leaves the old folder as it was when a write fails, and no temporary folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edu-quality-staged-'));
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'report.md'), 'old');
    const ctx = new Context(capture(dir).io, 'text', false);
    const folder = new StagedFolder(ctx, 'out');
    await expect(
      folder.run(async (f) => {
        await f.write('report.md', 'new');
        throw new Error('rendering failed');
      }),
    ).rejects.toThrow('rendering failed');
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.md']);
    expect(readFileSync(join(dir, 'out', 'report.md'), 'utf8')).toBe('old');
  });

  it('replaces the old folder: no old file survives beside the new ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edu-quality-staged-'));
    mkdirSync(join(dir, 'out', 'tables'), { recursive: true });
    writeFileSync(join(dir, 'out', 'tables', 'stale.csv'), 'old');
    const ctx = new Context(capture(dir).io, 'text', false);
    await new StagedFolder(ctx, 'out').run(async (f) => f.write('report.md', 'new'));
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.md']);
  });

  it('fails fast with exit 4 for --out under /proc (recursive mkdir never returned there)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edu-quality-staged-'));
    const c = capture(dir);
    const started = performance.now();
    const code = await run(
      ['demo', '--out', '/proc/edu-quality-no-such/report', '--locale', 'en'],
      c.io,
    );
    expect(code).toBe(4);
    expect(c.stderr()).toContain('cannot create /proc/edu-quality-no-such/report');
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 90_000);

  it('on SIGINT removes the temporary folder, says so and exits 130; the old report stays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edu-quality-sigint-'));
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'report.html'), 'old report');
    // The child interrupts itself with a real SIGINT as soon as the report's
    // temporary folder appears (inotify), so the signal always lands mid-write,
    // however loaded the machine is.
    const script = join(dir, 'cli.mjs');
    writeFileSync(
      script,
      [
        `import { watch } from 'node:fs';`,
        `import { run } from ${JSON.stringify(pathToFileURL(join(root, 'packages', 'cli', 'src', 'run.ts')).href)};`,
        `const watcher = watch('.', (_event, name) => {`,
        `  if (String(name).startsWith('.out.partial-')) { watcher.close(); process.kill(process.pid, 'SIGINT'); }`,
        `});`,
        `process.exitCode = await run(process.argv.slice(2));`,
        `watcher.close();`,
      ].join('\n'),
    );
    const tsx = pathToFileURL(createRequire(join(root, 'package.json')).resolve('tsx')).href;
    const child = spawn(
      process.execPath,
      ['--conditions=@edu-quality/source', '--import', tsx, script, 'demo', '--out', 'out'],
      { cwd: dir, env: { ...process.env, CI: '1' } },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toMatch(
      /interrupted \(SIGINT\): removed the unfinished \.out\.partial-\w+; out is unchanged/,
    );
    expect(code).toBe(130);
    expect(readdirSync(dir).sort()).toEqual(['cli.mjs', 'out']);
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.html']);
    expect(existsSync(join(dir, 'out', 'report.md'))).toBe(false);
  }, 180_000);
});
