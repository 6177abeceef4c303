import type { ResponseSet } from '@edu-quality/questionnaire';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXIT_CODES } from '../../exit-codes.js';
import { analyseWithProgress, fixed, levelLabel, segmentFields } from '../analysis.js';
import { publishableAnalysis, withheldNotice } from '../publish.js';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { flag, list, num, positionals, required, str } from '../command.js';
import { ingestFlags, ingestOptions, loadQuestionnaire, readResponsesFile } from '../load.js';
import { REPORT_FORMATS, writeStudyReport, type ReportFormat } from '../write-report.js';
import {
  ANALYSIS_OPTIONS,
  analysisOptions,
  localeOption,
  reportIngestion,
} from './analysis-options.js';
import { INGEST_OPTIONS } from './ingest-options.js';

/** `edu-quality report`: the study report of a survey export. */
export const reportCommand: Command = {
  name: 'report',
  summary:
    'Write the study report of a survey export: HTML (SVG charts, print to PDF), Markdown, XLSX and CSV tables.',
  usage: 'report <responses.csv> --questionnaire FILE --out DIR [options]',
  description: [
    'Sections: summary; methodology and sample; the index by dimension and item; institutions',
    'ranked (with suppression); respondent groups; importance–performance; change from the',
    'previous wave (--previous); NPS; open-text answers (escaped; e-mails, phone numbers,',
    'personal codes and person names redacted unless --no-redact); recommendations. Files in',
    '--out: report.html, report.md, tables.xlsx, tables/*.csv and results.json (the index',
    'results, for machines).',
    'Every file, results.json and stdout come from one computation: --items, --nps, --by and',
    '--interval apply to all of them. Without --by the report is broken down by institution and',
    'by group (when the data have them); --by replaces that list (a+b crosses two fields, each',
    'breakdown a section). Segment codes typed by respondents (not options of the question) are',
    'redacted like open text; a suppressed group of such a code is not named. The files are',
    'written into a temporary folder beside --out and then replace it whole, so an error or an',
    'interrupt (Ctrl-C: exit 130) leaves the old report as it was. --population below the',
    'number of responses is refused (exit 2). A study with fewer respondents than',
    '--min-group-size publishes no number: the files say so, exit 5.',
  ].join('\n'),
  options: {
    questionnaire: {
      type: 'string',
      short: 'Q',
      value: 'FILE',
      description: 'the questionnaire (JSON file or builtin:NAME)',
    },
    out: {
      type: 'string',
      short: 'o',
      value: 'DIR',
      description: 'the output folder (default reports/report)',
    },
    previous: {
      type: 'string',
      value: 'FILE',
      description: 'the previous wave’s export, for the change section',
    },
    formats: {
      type: 'string',
      value: 'LIST',
      description: `which files, comma-separated: ${REPORT_FORMATS.join(',')} (default all)`,
    },
    title: { type: 'string', value: 'TEXT', description: 'the report title' },
    organisation: { type: 'string', value: 'TEXT', description: 'who publishes it' },
    period: { type: 'string', value: 'TEXT', description: 'the period of the study' },
    target: {
      type: 'string',
      value: 'SCORE',
      description: 'items scoring below it (0–100) get a recommendation',
    },
    population: {
      type: 'string',
      value: 'N',
      description: 'service recipients, for the response rate',
    },
    'no-redact': {
      type: 'boolean',
      description: 'show open text unredacted (it is still escaped)',
    },
    ...INGEST_OPTIONS,
    ...ANALYSIS_OPTIONS,
  },
  examples: [
    'edu-quality report answers.csv --questionnaire questionnaire.json --out reports/2026',
    'edu-quality report 2026.csv -Q builtin:education-satisfaction --previous 2025.csv --locale lt --out reports/lt',
    'edu-quality report answers.csv -Q q.json --formats html,xlsx --target 75 --format json',
  ],
  async run(ctx, parsed) {
    const [file] = positionals('report', parsed, ['responses']) as [string];
    const questionnaire = loadQuestionnaire(ctx, required('report', parsed, 'questionnaire'));
    const options = analysisOptions('report', parsed);
    const out = str(parsed, 'out') ?? join('reports', 'report');
    const formats = list(parsed, 'formats');
    for (const f of formats) {
      if (!(REPORT_FORMATS as readonly string[]).includes(f)) {
        throw new CliError(2, `--formats: unknown format ${f}; use ${REPORT_FORMATS.join(', ')}`);
      }
    }
    const target =
      str(parsed, 'target') === undefined
        ? undefined
        : num('report', parsed, 'target', 0, { min: 0, max: 100 });
    const population =
      str(parsed, 'population') === undefined
        ? undefined
        : num('report', parsed, 'population', 0, { min: 1, integer: true });
    // Without --by the report is broken down by institution and by group, as
    // results.json and stdout are: one computation for every output.
    const byGiven = list(parsed, 'by').length > 0;
    const ingest = ingestOptions('report', ingestFlags(parsed));
    const strict = flag(parsed, 'strict');
    const set = await readResponsesFile(ctx, questionnaire, file, ingest);
    if (reportIngestion(ctx, file, set, strict)) return 1;
    const previousFile = str(parsed, 'previous');
    let previous: ResponseSet | undefined;
    if (previousFile !== undefined) {
      previous = await readResponsesFile(ctx, questionnaire, previousFile, ingest);
      if (reportIngestion(ctx, previousFile, previous, strict)) return 1;
    }
    if (population !== undefined && population < set.counts.accepted) {
      throw new CliError(
        2,
        `--population ${population} is smaller than the ${set.counts.accepted} responses accepted: the response rate would exceed 100 %`,
        { hint: 'Give the number of service recipients the survey was sent to.' },
      );
    }
    const fields = segmentFields(set);
    const settings = byGiven
      ? options
      : { ...options, by: ['institution', 'group'].filter((f) => fields.includes(f)) };
    const analysis = analyseWithProgress(ctx, set, settings);
    const redact = !flag(parsed, 'no-redact');
    const written = await writeStudyReport(ctx, out, {
      questionnaire,
      responses: set,
      analysis,
      options: settings,
      locale: localeOption(parsed, questionnaire.defaultLocale),
      redact,
      ...(previous === undefined ? {} : { previous }),
      ...(formats.length === 0 ? {} : { formats: formats as ReportFormat[] }),
      ...(str(parsed, 'title') === undefined ? {} : { title: str(parsed, 'title')! }),
      ...(str(parsed, 'organisation') === undefined
        ? {}
        : { organisation: str(parsed, 'organisation')! }),
      ...(str(parsed, 'period') === undefined ? {} : { period: str(parsed, 'period')! }),
      ...(target === undefined ? {} : { target }),
      ...(population === undefined ? {} : { populationSize: population }),
    });
    const files = written.files.map((f) => ctx.display(f));
    if (written.document.kind === 'withheld') {
      ctx.json({
        ok: true,
        out: ctx.path(out),
        files,
        withheld: written.document.results,
        notice: withheldNotice(settings.minGroupSize),
      });
      ctx.out(withheldNotice(settings.minGroupSize));
      ctx.out(`Files: ${files.join(', ')}`);
      return EXIT_CODES.withheld;
    }
    const published = publishableAnalysis(set, analysis, redact);
    ctx.json({
      ok: true,
      out: ctx.path(out),
      report: written.main === null ? null : ctx.path(written.main),
      files,
      responses: { file: ctx.display(file), counts: set.counts, issues: set.issues },
      index: {
        score: analysis.index.score,
        interval: analysis.index.interval,
        n: analysis.index.n,
      },
      nps:
        analysis.nps === null
          ? null
          : { score: analysis.nps.score, interval: analysis.nps.interval, n: analysis.nps.n },
      breakdowns: published.breakdowns,
    });
    ctx.out(
      `Satisfaction index ${fixed(analysis.index.score)} (${levelLabel(analysis.index.interval.level)} CI ${fixed(analysis.index.interval.lower)}–${fixed(analysis.index.interval.upper)}), n = ${analysis.index.n}`,
    );
    if (written.main !== null) {
      ctx.out(`Report: ${ctx.display(written.main)} (open ${pathToFileURL(written.main).href})`);
    }
    ctx.out(`Files: ${files.join(', ')}`);
    return 0;
  },
};
