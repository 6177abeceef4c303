import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { formatIssue, type Issue } from '@edu-quality/core';
import type { CliIo, CliStream } from '../cli-io.js';
import { CliError } from './cli-error.js';
import { createProgress, type Progress } from './progress.js';

/** The output format of a command. */
export type OutputFormat = 'text' | 'json';

// C0 controls but tab, line feed and the carriage return of a CRLF line end;
// DEL; C1 controls; and the bidirectional formatting characters (embeddings,
// overrides, isolates, marks): a terminal acts on them (escape sequences:
// colours, cursor moves, OSC 8 links, title changes, CSI queries; a lone CR
// overwrites the line) or reorders the text the user reads.
const TERMINAL_UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|\r(?!\n)/g;

/**
 * Text safe to write to a terminal: every control character a terminal would
 * act on is written as its `\uXXXX` escape. Inside a JSON string that escape
 * means the same character, so JSON output stays valid and equal in value.
 */
export function neutraliseTerminal(text: string): string {
  return text.replace(
    TERMINAL_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** A stream whose every write is {@link neutraliseTerminal}d. */
function safeStream(stream: CliStream): CliStream {
  return {
    write: (text: string) => stream.write(neutraliseTerminal(text)),
    ...(stream.isTTY === undefined ? {} : { isTTY: stream.isTTY }),
    ...(stream.columns === undefined ? {} : { columns: stream.columns }),
  };
}

/**
 * Creates a folder and its parents one level at a time. Node's recursive
 * `mkdirSync` never returns under `/proc` (it retries the ENOENT it gets
 * there), so a bad `--out` hung the command; each level made here fails at once.
 */
export function makeFolder(abs: string): void {
  if (existsSync(abs)) {
    if (!statSync(abs).isDirectory()) {
      throw Object.assign(new Error(`${abs} is not a folder`), { code: 'ENOTDIR' });
    }
    return;
  }
  const parent = dirname(abs);
  if (parent !== abs) makeFolder(parent);
  mkdirSync(abs);
}

/** What a command runs with: the I/O, resolved paths and output helpers. */
export class Context {
  readonly io: CliIo;
  /** The streams as given: only the progress bar writes its own escape sequences to them. */
  readonly #raw: CliIo;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly format: OutputFormat;
  readonly quiet: boolean;

  constructor(io: CliIo, format: OutputFormat, quiet: boolean) {
    // Everything the command writes passes through neutraliseTerminal: labels,
    // ids and messages can come from the data.
    this.#raw = io;
    this.io = { ...io, stdout: safeStream(io.stdout), stderr: safeStream(io.stderr) };
    this.cwd = io.cwd ?? process.cwd();
    this.env = io.env ?? process.env;
    this.format = format;
    this.quiet = quiet;
  }

  /** A line of results on stdout (text format only; nothing under `--quiet`). */
  out(text = ''): void {
    if (this.format === 'text' && !this.quiet) this.io.stdout.write(`${text}\n`);
  }

  /** An error on stderr: written even under `--quiet`. */
  error(text: string): void {
    this.io.stderr.write(`${text}\n`);
  }

  /** The JSON result on stdout (json format only). */
  json(value: unknown): void {
    if (this.format === 'json') this.io.stdout.write(`${JSON.stringify(value, jsonReplacer, 2)}\n`);
  }

  /** A note or warning on stderr (suppressed by `--quiet`). */
  note(text: string): void {
    if (!this.quiet) this.io.stderr.write(`${text}\n`);
  }

  /**
   * Issues on stderr, each prefixed with its file, at most `limit`. Warnings
   * (rows left out) are not written under `--quiet`; the issues of an error are.
   */
  issues(file: string, issues: readonly Issue[], limit = 50, error = false): void {
    if (this.quiet && !error) return;
    for (const issue of issues.slice(0, limit)) {
      this.io.stderr.write(`${this.display(file)}: ${formatIssue(issue)}\n`);
    }
    if (issues.length > limit) {
      this.io.stderr.write(
        `${this.display(file)}: … and ${issues.length - limit} more (all of them with --format json)\n`,
      );
    }
  }

  /** A path resolved against the working folder. */
  path(path: string): string {
    return isAbsolute(path) ? path : resolve(this.cwd, path);
  }

  /** A path as the user should read it: relative to the working folder when inside it. */
  display(path: string): string {
    const abs = this.path(path);
    const rel = relative(this.cwd, abs);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  }

  /** The size of a file in bytes; a CliError (exit 4) when it cannot be read. */
  size(path: string): number {
    try {
      const stat = statSync(this.path(path));
      if (stat.isDirectory())
        throw new CliError(4, `${this.display(path)} is a folder, not a file`);
      return stat.size;
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw ioError(this.display(path), 'read', error);
    }
  }

  /** Reads a text file (UTF-8, BOM stripped); a CliError (exit 4) when it cannot. */
  readText(path: string): string {
    this.size(path);
    try {
      return readFileSync(this.path(path), 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      throw ioError(this.display(path), 'read', error);
    }
  }

  /** Reads a file's bytes; a CliError (exit 4) when it cannot. */
  readBytes(path: string): Uint8Array {
    this.size(path);
    try {
      return readFileSync(this.path(path));
    } catch (error) {
      throw ioError(this.display(path), 'read', error);
    }
  }

  /** Writes a file, creating its folder; a CliError (exit 4) when it cannot. */
  write(path: string, data: string | Uint8Array): string {
    const abs = this.path(path);
    try {
      makeFolder(dirname(abs));
      writeFileSync(abs, data);
    } catch (error) {
      throw ioError(this.display(path), 'write', error);
    }
    return abs;
  }

  /** Creates a folder (and its parents); a CliError (exit 4) when it cannot. */
  mkdir(path: string): string {
    const abs = this.path(path);
    try {
      makeFolder(abs);
    } catch (error) {
      throw ioError(this.display(path), 'create', error);
    }
    return abs;
  }

  /** A progress bar on stderr, drawn only on a TTY outside CI. */
  progress(label: string, total: number): Progress {
    return createProgress(
      this.#raw.stderr,
      this.env,
      neutraliseTerminal(label),
      this.quiet ? -1 : total,
    );
  }
}

export function ioError(file: string, verb: string, error: unknown): CliError {
  const code = (error as { code?: string } | undefined)?.code;
  const why =
    code === 'ENOENT'
      ? 'no such file or folder'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'ENOTDIR'
            ? 'a part of the path is not a folder'
            : (code ?? 'unknown error');
  const message = `cannot ${verb} ${file}: ${why}`;
  return code === 'ENOENT'
    ? new CliError(4, message, {
        file,
        hint: 'Check the path (a relative path starts at the current folder).',
        cause: error,
      })
    : new CliError(4, message, { file, cause: error });
}

// Typed arrays and Maps as plain JSON; non-finite numbers as null.
function jsonReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries(value as Map<string, unknown>);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}
