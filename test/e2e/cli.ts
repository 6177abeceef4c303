/** Runs the built `edu-quality` command in a child process, as a user would. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root: string = resolve(import.meta.dirname, '..', '..');
export const bin: string = join(root, 'packages', 'cli', 'dist', 'bin.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `edu-quality ...args` in `cwd` (CI set, so no progress bar). */
export function edu(args: readonly string[], cwd: string): Promise<CliResult> {
  if (!existsSync(bin)) {
    throw new Error(`${bin} is missing: build first (pnpm build, or npm test which builds)`);
  }
  return shell(process.execPath, [bin, ...args], cwd);
}

/** Runs a program and collects its exit code and output. */
export function shell(
  file: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      file,
      [...args],
      { cwd, env: { ...process.env, CI: '1', ...env }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        done({ code, stdout, stderr });
      },
    );
  });
}
