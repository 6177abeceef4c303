import { EduQualityError, type Issue } from '@edu-quality/core';
import {
  NOK_FIVE_BANDS,
  nokAssessment,
  type NokAssessmentOptions,
  type NokAssessmentResult,
  type NokOrganisationResult,
  type NokEmptyDenominatorPolicy,
  type NokSurveyAccumulator,
} from '@edu-quality/index';
import type { ResponseCounts, ResponseSet } from '@edu-quality/questionnaire';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { flag, positionals, required, str } from '../command.js';
import { ingestFlags, ingestOptions, loadQuestionnaire, readResponsesFile } from '../load.js';
import { buildNokReport, renderCsv, renderHtml, reportTables } from '@edu-quality/report';
import { readNokAuditCsv } from '../../read-nok-audit-csv.js';
import { countNokCsvFile } from '../../nok-csv-file.js';
import { INGEST_OPTIONS } from './ingest-options.js';

function policyOf(value: string | undefined): NokEmptyDenominatorPolicy {
  if (value === undefined || value === 'redistribute') return 'redistribute';
  if (value === '0') return 0;
  if (value === '100') return 100;
  throw new CliError(2, `--empty-denominator must be redistribute, 0 or 100, got ${value}`, {
    hint: 'Run `edu-quality nok --help` for the options and examples.',
  });
}

/** `edu-quality nok`: NOK 344n scores of organisations from an audit file and a survey export. */
export const nokCommand: Command = {
  name: 'nok',
  summary:
    'Score organisations by the NOK 344n method (audit CSV + survey CSV): a table (CSV, XLSX) and an HTML report with a page per organisation.',
  usage: 'nok --audit FILE --responses FILE [--out DIR] [options]',
  description: [
    'The audit file lists every item by name, in one of two layouts (see packages/cli/README.md):',
    '  wide: one row per organisation — organisation, name, municipality, founder, type, sector,',
    '        recipients, stands_required, stands_present, site_required, site_present,',
    '        remote_channels, comfort_conditions, accessible_premises, accessibility_conditions',
    '        (list cells hold item names separated by |);',
    '  long: one row per organisation × item — organisation, list, item, present (yes/no, да/нет).',
    'The survey export answers the NOK education questionnaire (builtin:nok-education): an',
    'organisation column with the ids of the audit file and q1 … q14 answered Да/Нет (or yes/no).',
    'A CSV export is counted straight from its bytes on every CPU (only the organisation and',
    'q1 … q14 are read; rows that are not plain are read, and reported, as `validate` reads them);',
    'a .json export (an array of records) is read whole.',
    'Writes into --out: organisations.csv (the table of organisations), organisations.xlsx (that',
    'table, the means by group and, per organisation, its criteria, indicators and what would add',
    'the most points) and nok-report.html (the ranking, then a printed page per organisation).',
  ].join('\n'),
  options: {
    audit: {
      type: 'string',
      short: 'a',
      value: 'FILE',
      description: 'the audit CSV (wide or long layout)',
    },
    responses: { type: 'string', short: 'r', value: 'FILE', description: 'the survey export' },
    out: {
      type: 'string',
      short: 'o',
      value: 'DIR',
      description: 'the output folder (default reports/nok)',
    },
    questionnaire: {
      type: 'string',
      short: 'Q',
      value: 'FILE',
      description: 'the survey questionnaire (default builtin:nok-education)',
    },
    'empty-denominator': {
      type: 'string',
      value: 'POLICY',
      description: 'redistribute (default: not applicable), 0 or 100',
    },
    rounding: {
      type: 'string',
      value: 'MODE',
      description: 'full (default: round for display only) or operator (2 decimals at every step)',
    },
    bands: {
      type: 'boolean',
      description: 'add the five rating bands (unverified: see the method note)',
    },
    locale: {
      type: 'string',
      value: 'LOCALE',
      description: 'the report language: ru (default) or en',
    },
    ...INGEST_OPTIONS,
  },
  examples: [
    'edu-quality nok --audit audit.csv --responses answers.csv',
    'edu-quality nok -a packages/cli/examples/nok/audit.csv -r packages/cli/examples/nok/answers.csv --out reports/nok --locale en',
    'edu-quality nok -a audit-long.csv -r answers.csv --rounding operator --format json',
  ],
  async run(ctx, parsed) {
    positionals('nok', parsed, []);
    const auditFile = required('nok', parsed, 'audit');
    const responsesFile = required('nok', parsed, 'responses');
    const out = str(parsed, 'out') ?? join('reports', 'nok');
    const localeRaw = str(parsed, 'locale') ?? 'ru';
    if (localeRaw !== 'ru' && localeRaw !== 'en') {
      throw new CliError(2, `--locale must be ru or en, got ${localeRaw}`);
    }
    const locale = localeRaw;
    const rounding = str(parsed, 'rounding') ?? 'full';
    if (rounding !== 'full' && rounding !== 'operator') {
      throw new CliError(2, `--rounding must be full or operator, got ${rounding}`);
    }
    const options: NokAssessmentOptions = {
      emptyDenominator: policyOf(str(parsed, 'empty-denominator')),
      rounding,
      ...(flag(parsed, 'bands') ? { bands: NOK_FIVE_BANDS } : {}),
    };
    const audit = readNokAuditCsv(ctx.readText(auditFile));
    const auditErrors = audit.issues.filter((i) => i.code !== 'nok-audit-unknown-column');
    if (audit.issues.length > auditErrors.length) {
      ctx.issues(
        auditFile,
        audit.issues.filter((i) => i.code === 'nok-audit-unknown-column'),
      );
    }
    if (auditErrors.length > 0 || audit.organisations.length === 0) {
      throw new CliError(
        1,
        audit.organisations.length === 0 && auditErrors.length === 0
          ? `${ctx.display(auditFile)}: no organisations`
          : `${ctx.display(auditFile)}: ${auditErrors.length} issue(s) in the audit file`,
        {
          file: auditFile,
          issues: auditErrors,
          hint: 'Correct the cells named above (row 1 is the header); `edu-quality nok --help` shows the layouts.',
        },
      );
    }
    const questionnaire = loadQuestionnaire(
      ctx,
      str(parsed, 'questionnaire') ?? 'builtin:nok-education',
    );
    const ingest = ingestOptions('nok', ingestFlags(parsed));
    // A CSV export is counted straight from its bytes on every CPU (only the
    // organisation and the scored questions are read); a JSON export is read
    // as records.
    let set: { counts: ResponseCounts; issues: readonly Issue[] };
    let responses: ResponseSet | NokSurveyAccumulator;
    if (responsesFile.toLowerCase().endsWith('.json')) {
      const read = await readResponsesFile(ctx, questionnaire, responsesFile, ingest);
      set = read;
      responses = read;
    } else {
      if (ingest.encoding !== undefined && ingest.encoding !== 'utf-8') {
        // The NOK counter reads UTF-8 bytes only.
        throw new CliError(
          2,
          `--encoding ${ingest.encoding} is not supported for a NOK CSV export`,
          {
            hint: 'Save the export as "CSV UTF-8 (Comma delimited)", or read it with `edu-quality index`.',
          },
        );
      }
      const counted = await countNokCsvFile(questionnaire, ctx.path(responsesFile), {
        ...(ingest.delimiter === undefined ? {} : { delimiter: ingest.delimiter }),
        ...(ingest.onInvalid === undefined ? {} : { onInvalid: ingest.onInvalid }),
      });
      set = counted;
      responses = counted.accumulator;
    }
    const { read, accepted, rejected } = set.counts;
    ctx.note(
      `${ctx.display(responsesFile)}: rows read ${read}, accepted ${accepted}, rejected ${rejected}`,
    );
    if (set.issues.length > 0) ctx.issues(responsesFile, set.issues, 20);
    let result: NokAssessmentResult;
    try {
      result = nokAssessment({ organisations: audit.organisations, responses }, options);
    } catch (error) {
      if (
        EduQualityError.isInstance(error) &&
        (error as { code: string }).code === 'invalid-input'
      ) {
        const issues = ((error as { issues?: readonly Issue[] }).issues ?? []).map(
          (issue): Issue => {
            const cell =
              issue.path === undefined ? undefined : audit.cells.get(issue.path.join('.'));
            if (cell === undefined) return issue;
            const located: Issue = { code: issue.code, message: issue.message, ...cell };
            return located;
          },
        );
        throw new CliError(
          1,
          `${ctx.display(auditFile)}: ${issues.length} issue(s) in the audits`,
          {
            file: auditFile,
            issues,
            hint: 'Use the item ids of the NOK catalogues (NOK_REMOTE_CHANNELS …, see docs/guides/nok-assessment.md); a present item must also be required.',
          },
        );
      }
      throw error;
    }
    for (const w of result.warnings) ctx.note(`warning: ${w.message} [${w.code}]`);
    ctx.mkdir(out);
    const document = buildNokReport(result, {
      locale,
      generatedAt: new Date().toISOString().slice(0, 10),
    });
    const table = reportTables(document).find((t) => t.id === 'organisations');
    // A subpath of its own: exceljs loads only when a workbook is written.
    const { renderXlsx } = await import('@edu-quality/report/xlsx');
    const files = [
      ctx.write(join(out, 'organisations.csv'), table === undefined ? '' : renderCsv(table)),
      ctx.write(join(out, 'organisations.xlsx'), await renderXlsx(document)),
      ctx.write(join(out, 'nok-report.html'), renderHtml(document)),
    ];
    ctx.json({
      ok: true,
      out: ctx.path(out),
      files: files.map((f) => ctx.display(f)),
      audit: { file: ctx.display(auditFile), layout: audit.layout, issues: audit.issues },
      responses: { file: ctx.display(responsesFile), counts: set.counts, issues: set.issues },
      result,
    });
    ctx.out(`NOK 344n: ${result.organisations.length} organisations, ${accepted} respondents`);
    ctx.out('');
    const row = (rank: string, o: NokOrganisationResult, total: string): string => {
      const k = o.criteria;
      return `  ${rank.padStart(4)}  ${o.id.padEnd(24)} ${[k.K1.display, k.K2.display, k.K3.display, k.K4.display, k.K5.display, total].map((v) => v.padStart(6)).join(' ')}`;
    };
    ctx.out(
      `  ${'rank'.padStart(4)}  ${'organisation'.padEnd(24)} ${'K1'.padStart(6)} ${'K2'.padStart(6)} ${'K3'.padStart(6)} ${'K4'.padStart(6)} ${'K5'.padStart(6)} ${'S'.padStart(6)}`,
    );
    const byId = new Map(result.organisations.map((o) => [o.id, o]));
    for (const entry of result.ranking) {
      ctx.out(row(String(entry.rank), byId.get(entry.id)!, entry.display));
    }
    if (result.ranking.length === 0) ctx.out('  (no organisation has complete data: no ranking)');
    if (result.unranked.length > 0) {
      // An incomplete organisation's S rests on fewer than five criteria: it
      // is neither shown nor ranked.
      ctx.out('');
      ctx.out(`Not ranked (incomplete data): ${result.unranked.length}`);
      for (const entry of result.unranked) {
        ctx.out(row('—', byId.get(entry.id)!, '—'));
        ctx.out(`        ${entry.reason}`);
      }
    }
    ctx.out('');
    ctx.out(
      `Report: ${ctx.display(join(out, 'nok-report.html'))} (open ${pathToFileURL(ctx.path(join(out, 'nok-report.html'))).href})`,
    );
    ctx.out(
      `Tables: ${ctx.display(join(out, 'organisations.csv'))}, ${ctx.display(join(out, 'organisations.xlsx'))}`,
    );
    return 0;
  },
};
