import type { Locale } from '@edu-quality/core';
import type { Questionnaire, ResponseSet } from '@edu-quality/questionnaire';
import {
  buildReport,
  renderCsv,
  renderHtml,
  renderMarkdown,
  reportTables,
  type ReportDocument,
} from '@edu-quality/report';
import { join } from 'node:path';
import type { Analysis, AnalysisOptions } from './analysis.js';
import type { Context } from './context.js';
import { publishableAnalysis, withheldNotice } from './publish.js';
import { StagedFolder } from './staged-folder.js';

/** The report formats the CLI writes. */
export const REPORT_FORMATS = ['html', 'md', 'xlsx', 'csv', 'json'] as const;

/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What the `report` and `demo` commands publish. */
export interface StudyReportInput {
  readonly questionnaire: Questionnaire;
  readonly responses: ResponseSet;
  readonly previous?: ResponseSet;
  readonly analysis: Analysis;
  readonly options: AnalysisOptions;
  readonly title?: string;
  readonly organisation?: string;
  readonly period?: string;
  readonly locale: Locale;
  /** Redact e-mails, phone numbers, personal codes and person names from open text; default true. */
  readonly redact?: boolean;
  /** A target score: items below it get a recommendation. */
  readonly target?: number;
  /** The number of service recipients (response rate, finite-population margin of error). */
  readonly populationSize?: number;
  /** Which files to write; default all. */
  readonly formats?: readonly ReportFormat[];
  /** Other files of the folder (paths relative to it), written with the report. */
  readonly extraFiles?: readonly { readonly path: string; readonly data: string | Uint8Array }[];
}

/** The files written, the main one (the HTML report when written), and the document. */
export interface WrittenReport {
  readonly main: string | null;
  readonly files: string[];
  readonly document: ReportDocument;
}

/**
 * Builds the study report (`@edu-quality/report`) from the analysis already
 * computed (nothing is computed twice, so every file shows the same numbers)
 * and writes it into `out` all at once: into a temporary folder beside it,
 * then swapped in (see {@link StagedFolder}). A study too small to publish
 * gets files that say so and hold no number.
 */
export async function writeStudyReport(
  ctx: Context,
  out: string,
  input: StudyReportInput,
): Promise<WrittenReport> {
  const formats = new Set<ReportFormat>(input.formats ?? REPORT_FORMATS);
  const { options, analysis, responses } = input;
  const redact = input.redact ?? true;
  const folder = new StagedFolder(ctx, out);
  return folder.run(async () => {
    const document = buildReport({
      questionnaire: input.questionnaire,
      responses,
      results: { index: analysis.index, nps: analysis.nps, breakdowns: analysis.breakdowns },
      options: {
        locale: input.locale,
        level: options.level,
        interval: options.interval,
        minGroupSize: options.minGroupSize,
        weighting: options.weights,
        redact,
        generatedAt: new Date().toISOString().slice(0, 10),
        ...(input.previous === undefined ? {} : { previous: input.previous }),
        ...(input.title === undefined ? {} : { title: input.title }),
        ...(input.organisation === undefined ? {} : { organisation: input.organisation }),
        ...(input.period === undefined ? {} : { period: input.period }),
        ...(input.target === undefined ? {} : { target: input.target }),
        ...(input.populationSize === undefined ? {} : { populationSize: input.populationSize }),
      },
    });
    const files: string[] = [];
    for (const extra of input.extraFiles ?? []) await folder.write(extra.path, extra.data);
    let main: string | null = null;
    if (formats.has('html')) {
      main = await folder.write('report.html', renderHtml(document));
      files.push(main);
    }
    if (formats.has('md')) files.push(await folder.write('report.md', renderMarkdown(document)));
    if (formats.has('xlsx')) {
      // A subpath of its own: exceljs loads only when a workbook is asked for.
      const { renderXlsx } = await import('@edu-quality/report/xlsx');
      files.push(await folder.write('tables.xlsx', await renderXlsx(document)));
    }
    if (formats.has('csv')) {
      for (const table of reportTables(document)) {
        files.push(await folder.write(join('tables', `${table.id}.csv`), renderCsv(table)));
      }
    }
    if (formats.has('json')) {
      const json =
        document.kind === 'withheld'
          ? { withheld: document.results, notice: withheldNotice(options.minGroupSize) }
          : { counts: responses.counts, ...publishableAnalysis(responses, analysis, redact) };
      files.push(await folder.write('results.json', `${JSON.stringify(json, null, 2)}\n`));
    }
    return { main, files, document };
  });
}
