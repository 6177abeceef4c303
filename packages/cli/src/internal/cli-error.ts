import type { Issue } from '@edu-quality/core';
import type { ExitCode } from '../exit-codes.js';

/** A failure to report to the user with its exit code (never a stack trace). */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  readonly file: string | undefined;
  readonly issues: readonly Issue[];
  readonly hint: string | undefined;

  constructor(
    exitCode: ExitCode,
    message: string,
    extra: { file?: string; issues?: readonly Issue[]; hint?: string; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.file = extra.file;
    this.issues = extra.issues ?? [];
    this.hint = extra.hint;
  }
}

/** A usage error: exit 2, with the command's `--help` named. */
export function usageError(command: string, message: string): CliError {
  const help = command === '' ? 'edu-quality --help' : `edu-quality ${command} --help`;
  return new CliError(2, message, { hint: `Run \`${help}\` for the options and examples.` });
}
