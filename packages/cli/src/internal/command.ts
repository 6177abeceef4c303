import { parseArgs } from 'node:util';
import { CliError } from './cli-error.js';
import type { Context } from './context.js';

/** An option of a command, as `util.parseArgs` takes it, with its help text. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  /** The value's name in the help, for example `FILE`. */
  readonly value?: string;
  readonly description: string;
}

/** The parsed command line of a command. */
export interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
}

/** A subcommand: its help and what it does. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly description: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples: readonly string[];
  readonly run: (ctx: Context, parsed: Parsed) => Promise<number>;
}

/** Options every command takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  format: {
    type: 'string',
    value: 'text|json',
    description: 'text for people (default), json for machines (one JSON document on stdout)',
  },
  quiet: {
    type: 'boolean',
    short: 'q',
    description: 'nothing on stdout or stderr but errors (--format json still writes its document)',
  },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

/** Parses a command's arguments; unknown options and stray values are usage errors (exit 2). */
export function parseCommand(command: Command, argv: readonly string[]): Parsed {
  const options: Record<
    string,
    { type: 'string' | 'boolean'; short?: string; multiple?: boolean }
  > = {};
  for (const [name, spec] of Object.entries({ ...command.options, ...COMMON_OPTIONS })) {
    options[name] = {
      type: spec.type,
      ...(spec.short === undefined ? {} : { short: spec.short }),
      ...(spec.multiple === true ? { multiple: true } : {}),
    };
  }
  const parsed = (() => {
    try {
      return parseArgs({
        args: [...argv],
        options,
        allowPositionals: true,
        strict: true,
        tokens: true,
      });
    } catch (error) {
      const message = (error as Error).message.replace(/\. To specify .*$/s, '');
      throw new CliError(2, message, {
        hint: `Run \`edu-quality ${command.name} --help\` for the options and examples.`,
      });
    }
  })();
  // parseArgs keeps the last of a repeated option: `--format json --format text`
  // would silently be text. An option that takes one value takes it once.
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || options[token.name]?.multiple === true) continue;
    if (seen.has(token.name)) {
      throw new CliError(2, `--${token.name} is given more than once; it takes one value`, {
        hint: `Run \`edu-quality ${command.name} --help\` for the options and examples.`,
      });
    }
    seen.add(token.name);
  }
  return { values: parsed.values as Parsed['values'], positionals: parsed.positionals };
}

/** The help text of a command. */
export function commandHelp(command: Command): string {
  const lines = [`Usage: edu-quality ${command.usage}`, '', command.summary, ''];
  if (command.description !== '') lines.push(command.description, '');
  lines.push('Options:');
  const all = { ...command.options, ...COMMON_OPTIONS };
  const rows = Object.entries(all).map(([name, spec]) => {
    const flag = `${spec.short === undefined ? '    ' : `-${spec.short}, `}--${name}${
      spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''
    }`;
    return [flag, spec.description + (spec.multiple === true ? ' (repeatable)' : '')] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  for (const [flag, text] of rows) lines.push(`  ${flag.padEnd(width)}  ${text}`);
  lines.push('', 'Examples:');
  for (const example of command.examples) lines.push(`  ${example}`);
  lines.push(
    '',
    'Exit codes: 0 ok, 1 invalid input, 2 usage error, 3 internal error, 4 file error,',
    '5 withheld (fewer respondents than the minimum group size), 130 interrupted.',
  );
  return `${lines.join('\n')}\n`;
}

/** A string option's value, or undefined. */
export function str(parsed: Parsed, name: string): string | undefined {
  const v = parsed.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A repeatable string option's values, comma-separated values split. */
export function list(parsed: Parsed, name: string): string[] {
  const v = parsed.values[name];
  const raw = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  return raw
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A boolean option's value. */
export function flag(parsed: Parsed, name: string): boolean {
  return parsed.values[name] === true;
}

/** A required string option, else a usage error. */
export function required(command: string, parsed: Parsed, name: string): string {
  const v = str(parsed, name);
  if (v === undefined || v === '') {
    throw new CliError(2, `--${name} is required`, {
      hint: `Run \`edu-quality ${command} --help\` for the options and examples.`,
    });
  }
  return v;
}

/** A numeric option within bounds, else a usage error. */
export function num(
  command: string,
  parsed: Parsed,
  name: string,
  fallback: number,
  check: { min?: number; max?: number; integer?: boolean } = {},
): number {
  const raw = str(parsed, name);
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(',', '.'));
  const bad =
    raw.trim() === '' ||
    !Number.isFinite(value) ||
    (check.integer === true && !Number.isInteger(value)) ||
    (check.min !== undefined && value < check.min) ||
    (check.max !== undefined && value > check.max);
  if (bad) {
    const range = [
      check.integer === true ? 'a whole number' : 'a number',
      check.min === undefined ? '' : `≥ ${check.min}`,
      check.max === undefined ? '' : `≤ ${check.max}`,
    ]
      .filter((s) => s !== '')
      .join(' ');
    throw new CliError(2, `--${name} must be ${range}, got ${raw}`, {
      hint: `Run \`edu-quality ${command} --help\` for the options and examples.`,
    });
  }
  return value;
}

/** Exactly `count` positional arguments, else a usage error. */
export function positionals(
  command: string,
  parsed: Parsed,
  names: readonly string[],
  optional = 0,
): string[] {
  const got = parsed.positionals;
  if (got.length < names.length - optional || got.length > names.length) {
    const what = got.length < names.length - optional ? 'missing' : 'too many arguments';
    throw new CliError(
      2,
      `${what}: expected ${names.map((n) => `<${n}>`).join(' ')}${got.length > 0 ? `, got ${got.join(' ')}` : ''}`,
      { hint: `Run \`edu-quality ${command} --help\` for the options and examples.` },
    );
  }
  return [...got];
}
