/**
 * The exit codes of the `edu-quality` command, by meaning.
 *
 * @remarks
 * - `ok` (0): done; warnings, if any, were printed on stderr.
 * - `invalidInput` (1): the input was read but is invalid — a questionnaire with
 *   issues, a survey export with rejected rows under `validate` (or `--strict`),
 *   an audit file with errors. Every issue is printed with its file, row and
 *   column.
 * - `usage` (2): the command line is wrong — an unknown command or option, a
 *   missing argument, a value out of range. The message says what to type.
 * - `internal` (3): a bug; the message asks to report it.
 * - `io` (4): a file could not be read or written (missing, a directory,
 *   no permission).
 * - `withheld` (5): the study has fewer respondents than `--min-group-size`,
 *   so nothing was published: stdout, the report files and `results.json` say
 *   so and carry no number.
 * - 130: interrupted (SIGINT or SIGTERM) while writing a report; the
 *   unfinished files were removed and the old report is unchanged.
 *
 * @example
 * ```ts
 * EXIT_CODES.ok; // => 0
 * EXIT_CODES.usage; // => 2
 * ```
 */
export const EXIT_CODES: {
  readonly ok: 0;
  readonly invalidInput: 1;
  readonly usage: 2;
  readonly internal: 3;
  readonly io: 4;
  readonly withheld: 5;
} = { ok: 0, invalidInput: 1, usage: 2, internal: 3, io: 4, withheld: 5 };

/**
 * One of the {@link EXIT_CODES}.
 *
 * @example
 * ```ts
 * const code: ExitCode = EXIT_CODES.invalidInput;
 * code; // => 1
 * ```
 */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
