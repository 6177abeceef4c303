import { EduQualityError } from '@edu-quality/core';
import type { CliIo } from './cli-io.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { CliError } from './internal/cli-error.js';
import { commandHelp, parseCommand, type Command } from './internal/command.js';
import { COMMANDS } from './internal/commands/registry.js';
import { Context, type OutputFormat } from './internal/context.js';
import { VERSION } from './internal/version.js';

function mainHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: edu-quality <command> [options]',
    '',
    'The quality system of municipal education services, on files: questionnaires, survey',
    'exports, satisfaction indices, study reports and NOK 344n assessments.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --help (with examples), --format json and --quiet (nothing on',
    'stdout or stderr but errors; a document asked for on stdout, --format json, is still written).',
    'Control characters and bidirectional overrides from the data are written as \\uXXXX.',
    '',
    'Exit codes:',
    '  0  ok',
    '  1  invalid input: issues were found (each printed with its file, row and column)',
    '  2  usage error: unknown command or option, missing or bad argument',
    '  3  internal error (a bug: please report it with the command line)',
    '  4  a file could not be read or written',
    '  5  withheld: fewer respondents than --min-group-size, no number published',
    '  130  interrupted while writing a report (the unfinished files were removed)',
    '',
    'Start with: edu-quality demo --out reports/demo',
    '',
  ].join('\n');
}

function formatOf(argv: readonly string[]): OutputFormat {
  const i = argv.findIndex((a) => a === '--format' || a.startsWith('--format='));
  if (i < 0) return 'text';
  const value = argv[i]?.includes('=') === true ? argv[i]?.split('=')[1] : argv[i + 1];
  return value === 'json' ? 'json' : 'text';
}

const DEFAULT_IO: CliIo = { stdout: process.stdout, stderr: process.stderr };

/**
 * Runs the `edu-quality` command line: `argv` without the node and script
 * paths, as `process.argv.slice(2)`.
 *
 * @remarks
 * Everything the command reads and writes goes through `io`, so a test (or an
 * app that embeds the CLI) captures stdout and stderr and chooses the working
 * folder. Results go to stdout (a table, or one JSON document under `--format
 * json`); progress, notes, warnings and errors go to stderr. A progress bar is
 * drawn only when stderr is a TTY and `CI` is unset. It never throws: every
 * failure becomes a message on stderr and an exit code (see
 * {@link EXIT_CODES}); under `--format json` stdout gets `{ "ok": false,
 * "error": … }` too. Respondents' answers never appear in messages.
 *
 * @param argv - the arguments, for example `['index', 'answers.csv', '-Q', 'q.json']`
 * @param io - stdout, stderr, the working folder and the environment; default the process's
 * @returns the exit code
 *
 * @example
 * ```ts
 * const out: string[] = [];
 * const io = { stdout: { write: (text: string) => out.push(text) }, stderr: { write: () => true } };
 * await run(['--version'], io); // => 0
 * out.join('').startsWith('edu-quality '); // => true
 * await run(['no-such-command'], io); // => 2
 * await run(['validate', 'builtin:nok-education', '--format', 'json'], io); // => 0
 * JSON.parse(out.at(-1) ?? '').questionnaire.items; // => 16
 * ```
 */
export async function run(argv: readonly string[], io: CliIo = DEFAULT_IO): Promise<ExitCode> {
  const format = formatOf(argv);
  const ctx = new Context(io, format, argv.includes('--quiet') || argv.includes('-q'));
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    ctx.io.stdout.write(topic === undefined ? mainHelp(COMMANDS) : commandHelp(topic));
    return name === undefined ? EXIT_CODES.usage : EXIT_CODES.ok;
  }
  if (name === '--version' || name === '-v') {
    ctx.io.stdout.write(`edu-quality ${VERSION}\n`);
    return EXIT_CODES.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (command === undefined) {
      throw new CliError(EXIT_CODES.usage, `unknown command ${name}`, {
        hint: `Commands: ${COMMANDS.map((c) => c.name).join(', ')}. Run \`edu-quality --help\`.`,
      });
    }
    const parsed = parseCommand(command, rest);
    if (parsed.values.help === true) {
      ctx.io.stdout.write(commandHelp(command));
      return EXIT_CODES.ok;
    }
    const f = parsed.values.format;
    if (f !== undefined && f !== 'text' && f !== 'json') {
      throw new CliError(EXIT_CODES.usage, `--format must be text or json, got ${String(f)}`);
    }
    return (await command.run(ctx, parsed)) as ExitCode;
  } catch (error) {
    return fail(ctx, command?.name ?? '', error);
  }
}

function fail(ctx: Context, command: string, error: unknown): ExitCode {
  const prefix = command === '' ? 'edu-quality' : `edu-quality ${command}`;
  let exit: ExitCode;
  let message: string;
  let hint: string | undefined;
  let issues: readonly { readonly code: string; readonly message: string }[] = [];
  let file: string | undefined;
  if (error instanceof CliError) {
    ({ exitCode: exit, message, hint, issues, file } = error);
  } else if (EduQualityError.isInstance(error)) {
    const code = (error as { code: string }).code;
    exit =
      code === 'invalid-argument'
        ? EXIT_CODES.usage
        : code === 'invalid-input' || code === 'insufficient-data'
          ? EXIT_CODES.invalidInput
          : EXIT_CODES.internal;
    message = (error as Error).message;
    issues = (error as { issues?: readonly { code: string; message: string }[] }).issues ?? [];
    hint =
      code === 'insufficient-data'
        ? 'There are too few valid answers to compute this; check the export with `edu-quality validate`.'
        : undefined;
  } else {
    exit = EXIT_CODES.internal;
    message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
    hint = 'This is a bug in edu-quality: please report it with the command line you ran.';
  }
  ctx.error(`${prefix}: ${message}`);
  if (issues.length > 0) ctx.issues(file ?? '', issues, 50, true);
  if (hint !== undefined) ctx.error(hint);
  if (exit === EXIT_CODES.internal && error instanceof Error && ctx.env.EDU_QUALITY_DEBUG === '1') {
    ctx.io.stderr.write(`${error.stack ?? ''}\n`);
  }
  ctx.json({
    ok: false,
    exitCode: exit,
    error: {
      message,
      ...(file === undefined ? {} : { file: ctx.display(file) }),
      ...(hint === undefined ? {} : { hint }),
    },
    issues,
  });
  return exit;
}
