import type { CliIo } from '../cli-io.js';

/** An in-memory {@link CliIo} for tests: what was written to stdout and stderr. */
export interface Captured {
  readonly io: CliIo;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/** A captured I/O working in `cwd`, not a TTY unless asked. */
export function capture(cwd: string, tty = false, env: Record<string, string> = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (text: string) => out.push(text), isTTY: false },
      stderr: { write: (text: string) => err.push(text), isTTY: tty, columns: 100 },
      cwd,
      env,
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
