/**
 * Imports the built packages as users do: a plain ESM script on Node, and a
 * TypeScript program compiled with moduleResolution nodenext against the
 * published declaration files (no source condition), then run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const root = join(here, '..', '..');

function node(file: string): unknown {
  return JSON.parse(execFileSync(process.execPath, [file], { cwd: here, encoding: 'utf8' }));
}

describe('built packages', () => {
  it('have been built (run the build first)', () => {
    for (const pkg of ['core', 'questionnaire']) {
      expect(existsSync(join(root, 'packages', pkg, 'dist', 'index.js'))).toBe(true);
      expect(existsSync(join(root, 'packages', pkg, 'dist', 'index.d.ts'))).toBe(true);
    }
  });

  it('load in a plain ESM script', () => {
    expect(node(join(here, 'esm', 'index.mjs'))).toEqual({
      title: 'Satisfaction with education services',
      items: expect.any(Number),
      missing: 255,
      errorMarker: true,
    });
  });

  it('type-check and run under TypeScript with moduleResolution nodenext', () => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', join(here, 'ts-nodenext', 'tsconfig.json')], {
      cwd: here,
      encoding: 'utf8',
    });
    const out = join(root, '.tmp', 'consumers', 'ts-nodenext', 'index.js');
    expect(node(out)).toEqual({ title: 'Survey', role: 'recommend', issues: 1, isInstance: true });
  });
});
