/**
 * Runs the shell commands of docs/guides/survey-to-report.md against the built
 * CLI: every ```sh block, in order, as one bash script with `set -euo
 * pipefail`, from a folder that links the repository's examples/ and packages/.
 */
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, root, shell } from './cli.ts';

const guide = join(root, 'docs', 'guides', 'survey-to-report.md');

function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```sh\r?\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

describe('guide survey-to-report.md', () => {
  it('has shell commands', () => {
    expect(shellBlocks(readFileSync(guide, 'utf8')).length).toBeGreaterThanOrEqual(8);
  });

  it('runs every shell command as written', async () => {
    expect(existsSync(bin), `${bin} is missing: build first`).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'edu-quality-guide-'));
    symlinkSync(join(root, 'examples'), join(dir, 'examples'));
    symlinkSync(join(root, 'packages'), join(dir, 'packages'));
    const blocks = shellBlocks(readFileSync(guide, 'utf8'));
    const script = [
      'set -euo pipefail',
      ...blocks.map((b, i) => `echo "=== block ${i + 1}" >&2\n${b}`),
    ].join('\n');
    const r = await shell('bash', ['-c', script], dir);
    expect(r.stderr).not.toContain('internal error');
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    expect(r.stderr).toContain(`=== block ${blocks.length}`);
    expect(r.stdout).toMatch(/^edu-quality \d+\.\d+\.\d+/);
    expect(r.stdout).toContain('Usage: edu-quality report');
    expect(r.stdout).toMatch(/rejected [1-9]/);
    expect(r.stdout).toMatch(/row \d+, column \d+ \(/);
    for (const f of ['report.html', 'report.md', 'tables.xlsx', 'results.json']) {
      expect(existsSync(join(dir, 'reports', '2026', f)), f).toBe(true);
    }
    expect(readFileSync(join(dir, 'reports', '2026', 'report.html'), 'utf8')).toContain(
      'Švietimo paslaugų vartotojų pasitenkinimo indekso tyrimo ataskaita',
    );
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    expect(r.stdout).toContain(`${index.index.score.toFixed(1)} ${index.index.n}`);
    expect(r.stdout).toContain(
      'school-1                  93.80  87.50  58.50  97.33  92.90  86.01',
    );
    expect(existsSync(join(dir, 'reports', 'nok', 'nok-report.html'))).toBe(true);
    expect(existsSync(join(dir, 'reports', 'demo-guide', 'report.html'))).toBe(true);
  });
});
