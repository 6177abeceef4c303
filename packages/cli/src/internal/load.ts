import { createReadStream } from 'node:fs';
import { EduQualityError, type Issue } from '@edu-quality/core';
import {
  readResponses,
  safeParseQuestionnaire,
  type CsvDelimiter,
  type InvalidAnswerPolicy,
  type Questionnaire,
  type ReadResponsesOptions,
  type ResponseEncoding,
  type ResponseSet,
} from '@edu-quality/questionnaire';
import {
  ecsiQuestionnaire,
  educationSatisfactionQuestionnaire,
  nokEducationQuestionnaire,
  servqualQuestionnaire,
} from '@edu-quality/templates';
import { CliError } from './cli-error.js';
import { str, type Parsed } from './command.js';
import type { Context } from './context.js';

/** The questionnaires that `builtin:<name>` names. */
export const BUILTIN_QUESTIONNAIRES: Readonly<Record<string, Questionnaire>> = {
  'education-satisfaction': educationSatisfactionQuestionnaire,
  'nok-education': nokEducationQuestionnaire,
  ecsi: ecsiQuestionnaire,
  servqual: servqualQuestionnaire,
};

/** The result of loading a questionnaire: it, or its issues. */
export type LoadedQuestionnaire =
  | { readonly ok: true; readonly questionnaire: Questionnaire; readonly source: string }
  | { readonly ok: false; readonly issues: readonly Issue[]; readonly source: string };

/** Reads and checks a questionnaire: a JSON file, or `builtin:<name>`. */
export function loadQuestionnaireOrIssues(ctx: Context, spec: string): LoadedQuestionnaire {
  if (spec.startsWith('builtin:')) {
    const name = spec.slice('builtin:'.length);
    const found = BUILTIN_QUESTIONNAIRES[name];
    if (found === undefined) {
      throw new CliError(2, `unknown built-in questionnaire ${name}`, {
        hint: `Use one of: ${Object.keys(BUILTIN_QUESTIONNAIRES)
          .map((n) => `builtin:${n}`)
          .join(', ')}.`,
      });
    }
    return { ok: true, questionnaire: found, source: spec };
  }
  const text = ctx.readText(spec);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // Node 20 names no position for some errors; Node 22 names a line and column.
    const message = error instanceof Error ? error.message : String(error);
    const where = /position (\d+)/.exec(message)?.[1];
    const issue: Issue = {
      code: 'invalid-json',
      message:
        where === undefined
          ? `the file is not valid JSON: ${message}`
          : `the file is not valid JSON (at ${lineColumn(text, Number(where))})`,
    };
    return { ok: false, issues: [issue], source: spec };
  }
  const parsed = safeParseQuestionnaire(data);
  return parsed.success
    ? { ok: true, questionnaire: parsed.data, source: spec }
    : { ok: false, issues: parsed.issues, source: spec };
}

/** Reads and checks a questionnaire; a CliError (exit 1) listing its issues when it is invalid. */
export function loadQuestionnaire(ctx: Context, spec: string): Questionnaire {
  const loaded = loadQuestionnaireOrIssues(ctx, spec);
  if (loaded.ok) return loaded.questionnaire;
  throw new CliError(
    1,
    `${ctx.display(spec)}: the questionnaire has ${loaded.issues.length} issue(s)`,
    {
      file: spec,
      issues: loaded.issues,
      hint: 'Fix the questionnaire at the paths shown (see docs/schema/questionnaire.schema.json).',
    },
  );
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** The ingestion options every command that reads responses accepts. */
export interface IngestFlags {
  readonly delimiter?: string | undefined;
  readonly encoding?: string | undefined;
  readonly idColumn?: string | undefined;
  readonly weightColumn?: string | undefined;
  readonly onInvalid?: string | undefined;
  readonly decimalMark?: string | undefined;
  readonly duplicateIds?: string | undefined;
}

/** The ingestion flags of a parsed command line. */
export function ingestFlags(parsed: Parsed): IngestFlags {
  return {
    delimiter: str(parsed, 'delimiter'),
    encoding: str(parsed, 'encoding'),
    idColumn: str(parsed, 'id-column'),
    weightColumn: str(parsed, 'weight-column'),
    onInvalid: str(parsed, 'on-invalid'),
    decimalMark: str(parsed, 'decimal-mark'),
    duplicateIds: str(parsed, 'duplicate-ids'),
  };
}

const DECIMAL_MARKS: Readonly<Record<string, ',' | '.'>> = {
  ',': ',',
  comma: ',',
  '.': '.',
  point: '.',
  dot: '.',
};

const DELIMITERS: Readonly<Record<string, CsvDelimiter>> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  tab: '\t',
  '\\t': '\t',
  '|': '|',
  pipe: '|',
};

const ENCODINGS: readonly ResponseEncoding[] = [
  'utf-8',
  'windows-1257',
  'windows-1251',
  'koi8-r',
  'utf-16le',
  'utf-16be',
];

/**
 * A refusal of the file's encoding in the words of the command line: the
 * library names its option (`encoding: 'windows-1257'`), the user passes
 * `--encoding windows-1257`.
 */
function encodingRefusal(ctx: Context, file: string, error: unknown): unknown {
  if (!EduQualityError.isInstance(error) || error.issues[0]?.code !== 'invalid-encoding') {
    return error;
  }
  const message = error.message
    .replace(/^readResponses: /, '')
    .replace(/`encoding: '([^']+)'`/g, '--encoding $1')
    .replace(/the file's encoding as `encoding`/, "the file's encoding with --encoding")
    .replace(/options\.encoding/g, '--encoding');
  return new CliError(1, `${ctx.display(file)}: ${message}`, {
    file,
    cause: error,
    hint: 'Excel writes "CSV UTF-8 (Comma delimited)" in UTF-8; plain "CSV" is in the code page of Windows.',
  });
}

/** The `readResponses` options from the command-line flags. */
export function ingestOptions(command: string, flags: IngestFlags): ReadResponsesOptions {
  const options: { -readonly [K in keyof ReadResponsesOptions]: ReadResponsesOptions[K] } = {};
  if (flags.delimiter !== undefined) {
    const d = DELIMITERS[flags.delimiter];
    if (d === undefined) {
      throw new CliError(2, `--delimiter must be one of , ; tab |, got ${flags.delimiter}`, {
        hint: `Run \`edu-quality ${command} --help\` for the options.`,
      });
    }
    options.delimiter = d;
  }
  if (flags.encoding !== undefined) {
    const encoding = ENCODINGS.find((e) => e === flags.encoding?.toLowerCase());
    if (encoding === undefined) {
      throw new CliError(
        2,
        `--encoding must be one of ${ENCODINGS.join(', ')}, got ${flags.encoding}`,
        { hint: `Run \`edu-quality ${command} --help\` for the options.` },
      );
    }
    options.encoding = encoding;
  }
  if (flags.decimalMark !== undefined) {
    const mark = DECIMAL_MARKS[flags.decimalMark];
    if (mark === undefined) {
      throw new CliError(
        2,
        `--decimal-mark must be , or . (comma or point), got ${flags.decimalMark}`,
        {
          hint: `Run \`edu-quality ${command} --help\` for the options.`,
        },
      );
    }
    options.decimalMark = mark;
  }
  if (flags.duplicateIds !== undefined) {
    if (flags.duplicateIds !== 'reject' && flags.duplicateIds !== 'keep') {
      throw new CliError(2, `--duplicate-ids must be reject or keep, got ${flags.duplicateIds}`, {
        hint: `Run \`edu-quality ${command} --help\` for the options.`,
      });
    }
    options.duplicateIds = flags.duplicateIds;
  }
  if (flags.idColumn !== undefined) options.idColumn = flags.idColumn;
  if (flags.weightColumn !== undefined) options.weightColumn = flags.weightColumn;
  if (flags.onInvalid !== undefined) {
    if (flags.onInvalid !== 'reject-row' && flags.onInvalid !== 'drop-answer') {
      throw new CliError(
        2,
        `--on-invalid must be reject-row or drop-answer, got ${flags.onInvalid}`,
        {
          hint: `Run \`edu-quality ${command} --help\` for the options.`,
        },
      );
    }
    options.onInvalid = flags.onInvalid satisfies InvalidAnswerPolicy;
  }
  return options;
}

/**
 * Reads a survey export (CSV, or a JSON array of records when the name ends
 * in `.json`) with a progress bar on a TTY.
 */
export async function readResponsesFile(
  ctx: Context,
  questionnaire: Questionnaire,
  file: string,
  options: ReadResponsesOptions,
): Promise<ResponseSet> {
  const total = ctx.size(file);
  if (file.toLowerCase().endsWith('.json')) {
    let records: unknown;
    try {
      records = JSON.parse(ctx.readText(file));
    } catch {
      throw new CliError(1, `${ctx.display(file)}: not valid JSON`, {
        file,
        hint: 'A JSON export is an array of records, one object per respondent keyed by item id.',
      });
    }
    if (!Array.isArray(records)) {
      throw new CliError(1, `${ctx.display(file)}: a JSON export must be an array of records`, {
        file,
      });
    }
    return readResponses(questionnaire, records as Record<string, unknown>[], options);
  }
  const bar = ctx.progress(`Reading ${ctx.display(file)}`, total);
  try {
    return await readResponses(questionnaire, createReadStream(ctx.path(file)), {
      ...options,
      onProgress: ({ bytes, rows }) => {
        bar.update(bytes, `${rows.toLocaleString('en')} rows`);
      },
    });
  } catch (error) {
    throw encodingRefusal(ctx, file, error);
  } finally {
    bar.finish();
  }
}
