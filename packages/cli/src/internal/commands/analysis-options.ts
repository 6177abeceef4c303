import type { Locale } from '@edu-quality/core';
import type { ResponseSet } from '@edu-quality/questionnaire';
import type { AnalysisOptions } from '../analysis.js';
import { CliError, usageError } from '../cli-error.js';
import type { OptionSpec, Parsed } from '../command.js';
import { list, num, str } from '../command.js';
import type { Context } from '../context.js';

/** The options of commands that compute the index. */
export const ANALYSIS_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  by: {
    type: 'string',
    multiple: true,
    value: 'FIELD',
    description: 'break down by a segment field (institution, group …); a+b crosses two',
  },
  'min-group-size': {
    type: 'string',
    value: 'N',
    description: 'groups with fewer respondents are suppressed (default 5)',
  },
  items: {
    type: 'string',
    value: 'IDS',
    description: 'the index items, comma-separated (default: the satisfaction items)',
  },
  weights: {
    type: 'string',
    value: 'RULE',
    description: 'equal (default), stated (mean importance) or derived (from overall)',
  },
  interval: {
    type: 'string',
    value: 'METHOD',
    description: 'delta-t (default), delta-z or bootstrap',
  },
  replicates: { type: 'string', value: 'B', description: 'bootstrap replicates (default 1000)' },
  seed: { type: 'string', value: 'N', description: 'bootstrap seed (default 1)' },
  level: { type: 'string', value: 'P', description: 'confidence level (default 0.95)' },
  nps: {
    type: 'string',
    value: 'ITEM',
    description: 'the 0–10 recommend item (default: the item with role recommend; none for no NPS)',
  },
  locale: { type: 'string', value: 'LOCALE', description: 'lt, en or ru (default en)' },
  strict: {
    type: 'boolean',
    description: 'exit 1 when any row of the export was rejected',
  },
};

function oneOf<T extends string>(
  command: string,
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(2, `--${name} must be one of ${allowed.join(', ')}, got ${value}`, {
      hint: `Run \`edu-quality ${command} --help\` for the options and examples.`,
    });
  }
  return value as T;
}

/** The analysis options from the command line. */
export function analysisOptions(
  command: string,
  parsed: Parsed,
  defaultBy: readonly string[] = [],
): AnalysisOptions {
  const by = list(parsed, 'by');
  const items = list(parsed, 'items');
  const nps = str(parsed, 'nps');
  return {
    command,
    weights: oneOf(
      command,
      'weights',
      str(parsed, 'weights'),
      ['equal', 'stated', 'derived'],
      'equal',
    ),
    interval: oneOf(
      command,
      'interval',
      str(parsed, 'interval'),
      ['delta-t', 'delta-z', 'bootstrap'],
      'delta-t',
    ),
    replicates: num(command, parsed, 'replicates', 1000, { min: 50, max: 100_000, integer: true }),
    seed: num(command, parsed, 'seed', 1, { integer: true }),
    level: num(command, parsed, 'level', 0.95, { min: 0.5, max: 0.999 }),
    by: by.length > 0 ? by : defaultBy,
    minGroupSize: num(command, parsed, 'min-group-size', 5, { min: 1, integer: true }),
    ...(items.length > 0 ? { items } : {}),
    ...(nps === undefined ? {} : { nps: nps === 'none' ? false : nps }),
  };
}

const LOCALES = ['lt', 'en', 'ru'] as const;

/** The locale to print labels in: lt, en or ru, else a usage error (exit 2). */
export function localeOption(parsed: Parsed, fallback: Locale = 'en'): Locale {
  const value = str(parsed, 'locale');
  if (value === undefined) return fallback;
  if (!(LOCALES as readonly string[]).includes(value)) {
    throw usageError('', `--locale must be one of ${LOCALES.join(', ')}, got ${value}`);
  }
  return value;
}

/** Warns of rejected rows (stderr) and says whether `--strict` fails the run. */
export function reportIngestion(
  ctx: Context,
  file: string,
  set: ResponseSet,
  strict: boolean,
): boolean {
  const { read, accepted, rejected, droppedAnswers } = set.counts;
  ctx.note(
    `${ctx.display(file)}: rows read ${read}, accepted ${accepted}, rejected ${rejected}, answers dropped ${droppedAnswers}`,
  );
  if (set.issues.length > 0) {
    ctx.issues(file, set.issues, 20);
    ctx.note(
      `Check the rows above (run \`edu-quality validate\` for the full list)${strict ? '' : '; the results use the accepted rows'}.`,
    );
  }
  return strict && (rejected > 0 || droppedAnswers > 0);
}
