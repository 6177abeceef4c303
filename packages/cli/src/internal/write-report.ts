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
  /** Redact e-mails, phone numbers and personal codes from open text; default true. */
  readonly redact?: boolean;
  /** A target score: items below it get a recommendation. */
  readonly target?: number;
  /** The number of service recipients (response rate, finite-population margin of error). */
  readonly populationSize?: number;
  /** Which files to write; default all. */
  readonly formats?: readonly ReportFormat[];
}

/** The files written, the main one (the HTML report when written), and the document. */
export interface WrittenReport {
  readonly main: string | null;
  readonly files: string[];
  readonly document: ReportDocument;
}

/** Builds the study report (`@edu-quality/report`) and writes it into `out`. */
export async function writeStudyReport(
  ctx: Context,
  out: string,
  input: StudyReportInput,
): Promise<WrittenReport> {
  const formats = new Set<ReportFormat>(input.formats ?? REPORT_FORMATS);
  const { options } = input;
  const document = buildReport({
    questionnaire: input.questionnaire,
    responses: input.responses,
    options: {
      locale: input.locale,
      level: options.level,
      interval: options.interval,
      ...(options.interval === 'bootstrap'
        ? { bootstrap: { replicates: options.replicates, seed: options.seed } }
        : {}),
      minGroupSize: options.minGroupSize,
      weighting: options.weights,
      redact: input.redact ?? true,
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
  let main: string | null = null;
  if (formats.has('html')) {
    main = ctx.write(join(out, 'report.html'), renderHtml(document));
    files.push(main);
  }
  if (formats.has('md')) files.push(ctx.write(join(out, 'report.md'), renderMarkdown(document)));
  if (formats.has('xlsx')) {
    // A subpath of its own: exceljs loads only when a workbook is asked for.
    const { renderXlsx } = await import('@edu-quality/report/xlsx');
    files.push(ctx.write(join(out, 'tables.xlsx'), await renderXlsx(document)));
  }
  if (formats.has('csv')) {
    for (const table of reportTables(document)) {
      files.push(ctx.write(join(out, 'tables', `${table.id}.csv`), renderCsv(table)));
    }
  }
  if (formats.has('json')) {
    const { analysis, responses } = input;
    files.push(
      ctx.write(
        join(out, 'results.json'),
        `${JSON.stringify({ counts: responses.counts, ...analysis }, null, 2)}\n`,
      ),
    );
  }
  return { main, files, document };
}
