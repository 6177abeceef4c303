/**
 * A stream the command writes to: `process.stdout` or anything with a `write`.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const stream: CliStream = { write: (text: string) => lines.push(text), isTTY: false };
 * stream.write('ok\n');
 * lines; // => ['ok\n']
 * ```
 */
export interface CliStream {
  /** Writes text. */
  write(text: string): unknown;
  /** Whether it is a terminal; progress bars are drawn only on one. */
  readonly isTTY?: boolean;
  /** The terminal width, when it is one. */
  readonly columns?: number;
}

/**
 * Where {@link run} reads and writes: injectable, so that tests capture the
 * output and run in a temporary folder.
 *
 * @example
 * ```ts
 * const out: string[] = [];
 * const io: CliIo = { stdout: { write: (text: string) => out.push(text) }, stderr: { write: () => true }, cwd: '/tmp' };
 * io.cwd; // => '/tmp'
 * ```
 */
export interface CliIo {
  /** Results: tables, or JSON under `--format json`. */
  readonly stdout: CliStream;
  /** Progress, warnings and errors. */
  readonly stderr: CliStream;
  /** The folder relative paths are resolved against. Default `process.cwd()`. */
  readonly cwd?: string;
  /**
   * The environment. A progress bar is drawn only when stderr is a TTY and
   * `CI` is unset. Default `process.env`.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}
