import type { Issue } from '@edu-quality/core';
import { safeParseQuestionnaire, type Questionnaire } from '@edu-quality/questionnaire';
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { flag, positionals, str } from '../command.js';
import type { Context } from '../context.js';
import { parseCsv, toCsv, type CsvCell } from '../csv.js';

const QUESTIONNAIRE_FORMATS = ['edu', 'surveyjs', 'xlsform', 'kobo', 'limesurvey'] as const;
const WRITABLE = ['edu', 'surveyjs', 'xlsform'] as const;
type QuestionnaireFormat = (typeof QUESTIONNAIRE_FORMATS)[number];

const DELIMITERS: Readonly<Record<string, string>> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\\t': '\t',
  '\t': '\t',
  '|': '|',
  pipe: '|',
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Guesses the format of an input from its name and content. */
function detect(ctx: Context, file: string): QuestionnaireFormat | 'csv' | 'records' {
  const abs = ctx.path(file);
  if (isDirectory(abs)) return 'xlsform';
  const ext = extname(file).toLowerCase();
  if (ext === '.lss' || ext === '.xml') return 'limesurvey';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  let data: unknown;
  try {
    data = JSON.parse(ctx.readText(file));
  } catch {
    throw new CliError(2, `cannot tell the format of ${ctx.display(file)}`, {
      hint: 'Name it .json, .lss or .csv, or give --from edu|surveyjs|xlsform|kobo|limesurvey|csv|records.',
    });
  }
  if (Array.isArray(data)) return 'records';
  const o = data as Record<string, unknown>;
  if ('sections' in o) return 'edu';
  if ('pages' in o || 'elements' in o) return 'surveyjs';
  if (typeof o.content === 'object' && o.content !== null) return 'kobo';
  if (Array.isArray(o.survey)) return 'xlsform';
  throw new CliError(2, `cannot tell the format of ${ctx.display(file)}`, {
    hint: 'Give --from edu|surveyjs|xlsform|kobo|limesurvey|records.',
  });
}

function decode(bytes: Uint8Array, encoding: string): string {
  try {
    return new TextDecoder(encoding, { fatal: encoding === 'utf-8' })
      .decode(bytes)
      .replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof RangeError) {
      throw new CliError(2, `--encoding ${encoding} is not known`, {
        hint: 'Use an encoding name such as utf-8, windows-1257 (Baltic), windows-1251 (Cyrillic) or iso-8859-13.',
      });
    }
    throw new CliError(1, `the file is not valid ${encoding}`, {
      hint: 'Give its encoding with --encoding (for example windows-1257 for an old Lithuanian Excel export).',
    });
  }
}

function xlsFormSheets(ctx: Context, input: string): Record<string, Record<string, string>[]> {
  const sheets: Record<string, Record<string, string>[]> = {};
  const abs = ctx.path(input);
  if (!isDirectory(abs)) {
    return JSON.parse(ctx.readText(input)) as Record<string, Record<string, string>[]>;
  }
  for (const name of ['survey', 'choices', 'settings']) {
    const file = readdirSync(abs).find((f) => f.toLowerCase() === `${name}.csv`);
    if (file === undefined) continue;
    const { rows } = parseCsv(ctx.readText(join(input, file)));
    const [header = [], ...body] = rows;
    sheets[name] = body
      .filter((r) => r.some((c) => c.trim() !== ''))
      .map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
  }
  if (sheets.survey === undefined) {
    throw new CliError(1, `${ctx.display(input)}: no survey.csv in the folder`, {
      hint: 'An XLSForm folder holds survey.csv, and usually choices.csv and settings.csv.',
    });
  }
  return sheets;
}

async function importQuestionnaire(
  ctx: Context,
  input: string,
  from: QuestionnaireFormat,
): Promise<{
  questionnaire: Questionnaire | undefined;
  issues: Issue[];
  columns?: Readonly<Record<string, string>>;
}> {
  switch (from) {
    case 'edu': {
      const r = safeParseQuestionnaire(JSON.parse(ctx.readText(input)));
      return r.success
        ? { questionnaire: r.data, issues: [] }
        : { questionnaire: undefined, issues: r.issues };
    }
    case 'surveyjs': {
      const { fromSurveyJs } = await import('@edu-quality/questionnaire/surveyjs');
      return fromSurveyJs(ctx.readText(input));
    }
    case 'xlsform': {
      const { fromXlsForm } = await import('@edu-quality/questionnaire/xlsform');
      return fromXlsForm(xlsFormSheets(ctx, input) as never);
    }
    case 'kobo': {
      const { fromKoboAsset } = await import('@edu-quality/questionnaire/kobo');
      return fromKoboAsset(JSON.parse(ctx.readText(input)));
    }
    case 'limesurvey': {
      const { fromLimeSurvey } = await import('@edu-quality/questionnaire/limesurvey');
      return fromLimeSurvey(ctx.readText(input));
    }
  }
}

function recordsToRows(records: readonly unknown[]): { header: string[]; rows: CsvCell[][] } {
  const header: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) continue;
    for (const key of Object.keys(r)) {
      if (!seen.has(key)) {
        seen.add(key);
        header.push(key);
      }
    }
  }
  const rows = records.map((r) =>
    header.map((key): CsvCell => {
      const v = (r as Record<string, unknown>)[key];
      if (v === null || v === undefined) return '';
      if (Array.isArray(v)) return v.join(' ');
      if (typeof v === 'number' || typeof v === 'string') return v;
      return JSON.stringify(v);
    }),
  );
  return { header, rows };
}

/** `edu-quality convert`: questionnaire formats, and survey exports between CSV dialects. */
export const convertCommand: Command = {
  name: 'convert',
  summary:
    'Convert a questionnaire between formats (ours, SurveyJS, XLSForm, Kobo, LimeSurvey) or a survey export to a plain CSV.',
  usage: 'convert <input> --to FORMAT [--out FILE] [options]',
  description: [
    'Questionnaires: --to edu (our JSON), surveyjs or xlsform, from edu, surveyjs (.json),',
    'xlsform (a folder with survey.csv and choices.csv, or a JSON of sheets), kobo (an asset',
    'JSON) or limesurvey (.lss). Whatever could not be carried over is listed as an issue.',
    'Survey exports: --to csv from a CSV (another delimiter or encoding: an old Excel export in',
    'windows-1257) or from a JSON array of records (one object per respondent).',
    'The result goes to --out, or to stdout.',
  ].join('\n'),
  options: {
    to: {
      type: 'string',
      short: 't',
      value: 'FORMAT',
      description: 'edu, surveyjs, xlsform or csv',
    },
    from: {
      type: 'string',
      value: 'FORMAT',
      description: 'edu, surveyjs, xlsform, kobo, limesurvey, csv or records (default: detected)',
    },
    out: {
      type: 'string',
      short: 'o',
      value: 'PATH',
      description: 'the output file (a folder for xlsform)',
    },
    delimiter: {
      type: 'string',
      value: 'CHAR',
      description: 'the output CSV delimiter: , ; tab | (default ,)',
    },
    'input-delimiter': {
      type: 'string',
      value: 'CHAR',
      description: 'the input CSV delimiter (default: detected)',
    },
    encoding: {
      type: 'string',
      value: 'NAME',
      description: 'the input encoding (default utf-8), e.g. windows-1257',
    },
    bom: { type: 'boolean', description: 'start the CSV with a byte order mark (for Excel)' },
    strict: { type: 'boolean', description: 'exit 1 when the import reports any issue' },
  },
  examples: [
    'edu-quality convert survey.json --from surveyjs --to edu --out questionnaire.json',
    'edu-quality convert questionnaire.json --to xlsform --out xlsform/',
    'edu-quality convert limesurvey_survey.lss --to edu --out questionnaire.json',
    'edu-quality convert export.csv --to csv --encoding windows-1257 --delimiter ";" --bom --out export-utf8.csv',
    'edu-quality convert answers.json --to csv --out answers.csv',
  ],
  async run(ctx, parsed) {
    const [input] = positionals('convert', parsed, ['input']) as [string];
    const to = str(parsed, 'to');
    const out = str(parsed, 'out');
    if (to === undefined) {
      throw new CliError(2, '--to is required', {
        hint: 'Run `edu-quality convert --help` for the formats.',
      });
    }
    if (ctx.format === 'json' && out === undefined) {
      throw new CliError(2, '--format json needs --out (stdout carries the summary)');
    }
    const fromOption = str(parsed, 'from');
    if (
      fromOption !== undefined &&
      ![...QUESTIONNAIRE_FORMATS, 'csv', 'records'].includes(fromOption)
    ) {
      throw new CliError(
        2,
        `--from must be one of ${[...QUESTIONNAIRE_FORMATS, 'csv', 'records'].join(', ')}`,
      );
    }
    const from = (fromOption ?? detect(ctx, input)) as QuestionnaireFormat | 'csv' | 'records';
    const emit = (path: string | undefined, text: string): string | undefined => {
      if (path === undefined) {
        ctx.io.stdout.write(text);
        return undefined;
      }
      return ctx.display(ctx.write(path, text));
    };
    if (to === 'csv') {
      const outDelimiter = DELIMITERS[str(parsed, 'delimiter') ?? ','];
      if (outDelimiter === undefined) throw new CliError(2, '--delimiter must be one of , ; tab |');
      let header: string[];
      let rows: CsvCell[][];
      if (from === 'records') {
        const data: unknown = JSON.parse(
          decode(ctx.readBytes(input), str(parsed, 'encoding') ?? 'utf-8'),
        );
        if (!Array.isArray(data))
          throw new CliError(1, `${ctx.display(input)}: not a JSON array of records`);
        ({ header, rows } = recordsToRows(data));
      } else if (from === 'csv') {
        const inDelimiter = str(parsed, 'input-delimiter');
        const text = decode(ctx.readBytes(input), str(parsed, 'encoding') ?? 'utf-8');
        const parsedCsv = parseCsv(
          text,
          inDelimiter === undefined ? undefined : DELIMITERS[inDelimiter],
        );
        [header = [], ...rows] = parsedCsv.rows;
        while (rows.length > 0 && (rows.at(-1) ?? []).every((c) => c === '')) rows.pop();
      } else {
        throw new CliError(
          2,
          `--to csv converts survey exports (csv or records), not a ${from} questionnaire`,
        );
      }
      // A survey export keeps its cells as they are: no formula neutralising here,
      // since the file is data for edu-quality, not a sheet for people.
      const text = `${flag(parsed, 'bom') ? '\uFEFF' : ''}${toCsv(header, rows, outDelimiter, false)}`;
      const written = emit(out, text);
      ctx.json({ ok: true, from, to, out: written, rows: rows.length, columns: header.length });
      ctx.note(
        `${ctx.display(input)}: ${rows.length} rows, ${header.length} columns → ${written ?? 'stdout'}`,
      );
      return 0;
    }
    if (!(WRITABLE as readonly string[]).includes(to)) {
      throw new CliError(2, `--to must be one of ${[...WRITABLE, 'csv'].join(', ')}`);
    }
    if (from === 'csv' || from === 'records') {
      throw new CliError(
        2,
        `${ctx.display(input)} is a survey export; --to ${to} converts questionnaires`,
      );
    }
    const imported = await importQuestionnaire(ctx, input, from);
    if (imported.questionnaire === undefined) {
      throw new CliError(1, `${ctx.display(input)}: no questionnaire could be read as ${from}`, {
        file: input,
        issues: imported.issues,
        hint: 'Check the format (--from) and the issues.',
      });
    }
    if (imported.issues.length > 0) ctx.issues(input, imported.issues);
    const q = imported.questionnaire;
    let written: string | undefined;
    if (to === 'edu') {
      written = emit(out, `${JSON.stringify(q, null, 2)}\n`);
    } else if (to === 'surveyjs') {
      const { toSurveyJs } = await import('@edu-quality/questionnaire/surveyjs');
      written = emit(out, `${JSON.stringify(toSurveyJs(q), null, 2)}\n`);
    } else {
      const { toXlsForm } = await import('@edu-quality/questionnaire/xlsform');
      const sheets = toXlsForm(q);
      if (out === undefined || out.toLowerCase().endsWith('.json')) {
        written = emit(out, `${JSON.stringify(sheets, null, 2)}\n`);
      } else {
        for (const name of ['survey', 'choices', 'settings'] as const) {
          const rows = sheets[name];
          const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
          ctx.write(
            join(out, `${name}.csv`),
            toCsv(
              header,
              rows.map((r) => header.map((h) => r[h] ?? '')),
              ',',
              false,
            ),
          );
        }
        written = ctx.display(out);
      }
    }
    if (imported.columns !== undefined && Object.keys(imported.columns).length > 0) {
      ctx.note(
        'Kobo export headers map to item ids; the CLI reads group/question headers by their last part.',
      );
    }
    ctx.json({ ok: true, from, to, out: written, id: q.id, issues: imported.issues });
    ctx.note(
      `${ctx.display(input)} (${from}) → ${written ?? 'stdout'} (${to}), ${imported.issues.length} issue(s)`,
    );
    return flag(parsed, 'strict') && imported.issues.length > 0 ? 1 : 0;
  },
};
