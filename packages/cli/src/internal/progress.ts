import type { CliStream } from '../cli-io.js';

/** A progress bar drawn on a TTY only; elsewhere every method does nothing. */
export interface Progress {
  update(done: number, detail?: string): void;
  finish(): void;
}

const NOOP: Progress = { update: () => undefined, finish: () => undefined };

/**
 * A progress bar on `stream`, when it is a terminal and not in CI (CI logs
 * get no carriage-return noise). `total` 0 or less draws a counter only.
 */
export function createProgress(
  stream: CliStream,
  env: Readonly<Record<string, string | undefined>>,
  label: string,
  total: number,
): Progress {
  if (stream.isTTY !== true || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false')) {
    return NOOP;
  }
  let last = 0;
  let drawn = false;
  const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 30));
  const draw = (done: number, detail: string): void => {
    let line: string;
    if (total > 0) {
      const share = Math.min(1, done / total);
      const filled = Math.round(share * width);
      line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${detail}`;
    } else {
      line = `${label} ${detail}`;
    }
    stream.write(`\r${line}\u001b[K`);
    drawn = true;
  };
  return {
    update(done, detail = '') {
      const now = Date.now();
      if (now - last < 80) return;
      last = now;
      draw(done, detail);
    },
    finish() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
