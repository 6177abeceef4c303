import type { Locale } from '@edu-quality/core';
import type { Questionnaire, ResponseSet } from '@edu-quality/questionnaire';
import { join } from 'node:path';
import type { Analysis } from './analysis.js';
import type { Context } from './context.js';
import { toCsv } from './csv.js';

/** What the `report` and `demo` commands publish. */
export interface StudyReportInput {
  readonly questionnaire: Questionnaire;
  readonly responses: ResponseSet;
  readonly previous?: ResponseSet;
  readonly analysis: Analysis;
  readonly previousAnalysis?: Analysis;
  readonly title: string;
  readonly locale: Locale;
  /** Labels of the previous and current wave. */
  readonly waves?: readonly [string, string];
  /** Which files to write; default all. */
  readonly formats?: readonly ('html' | 'md' | 'xlsx' | 'csv' | 'json')[];
}

/** The files written, and the main one (the HTML report) when there is one. */
export interface WrittenReport {
  readonly main: string | null;
  readonly files: string[];
}

/** Writes the study report into `out`: results JSON and CSV tables. */
export async function writeStudyReport(
  ctx: Context,
  out: string,
  input: StudyReportInput,
): Promise<WrittenReport> {
  const formats = new Set(input.formats ?? ['html', 'md', 'xlsx', 'csv', 'json']);
  const files: string[] = [];
  const { analysis } = input;
  if (formats.has('json')) {
    const file = join(out, 'results.json');
    ctx.write(
      file,
      `${JSON.stringify({ title: input.title, counts: input.responses.counts, ...analysis }, null, 2)}\n`,
    );
    files.push(file);
  }
  if (formats.has('csv')) {
    const items = join(out, 'tables', 'items.csv');
    ctx.write(
      items,
      toCsv(
        ['item', 'dimension', 'n', 'mean', 'score', 'lower', 'upper', 'top_box_share'],
        analysis.index.items.map((i) => [
          i.id,
          i.dimension,
          i.n,
          i.mean,
          i.score,
          i.interval?.lower,
          i.interval?.upper,
          i.topBoxShare,
        ]),
      ),
    );
    files.push(items);
    for (const b of analysis.breakdowns) {
      const file = join(out, 'tables', `by-${b.by.join('-')}.csv`);
      ctx.write(
        file,
        toCsv(
          ['group', 'rank', 'n', 'score', 'lower', 'upper', 'nps', 'suppressed'],
          b.groups.map((g) =>
            g.suppressed
              ? [g.label, null, null, null, null, null, null, g.reason]
              : [g.label, g.rank, g.n, g.index.score, g.index.interval.lower, g.index.interval.upper, g.nps?.score, ''],
          ),
        ),
      );
      files.push(file);
    }
  }
  return Promise.resolve({ main: null, files });
}
