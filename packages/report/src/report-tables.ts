import type { ReportDocument, ReportTable } from './report-document.js';

/**
 * Lists every table of a report, in document order: the tables of sections
 * and the data tables behind figures, each once (by id).
 *
 * @remarks
 * Use it to export the tables of a report, for example each as a CSV file
 * with {@link renderCsv}, or to find one by id (`institutions`,
 * `index-items`, `organisations` …).
 *
 * @param report - a report document
 * @returns the tables
 *
 * @example
 * ```ts
 * import { educationSatisfactionQuestionnaire as questionnaire, generateResponses } from '@edu-quality/templates';
 * import { readResponsesSync } from '@edu-quality/questionnaire';
 * const responses = readResponsesSync(questionnaire, generateResponses(questionnaire, { n: 80, seed: 2 }));
 * const tables = reportTables(buildReport({ questionnaire, responses, options: { locale: 'en' } }));
 * tables.map((t) => t.id).slice(0, 4); // => ['headline', 'sample', 'index-dimensions', 'index-items']
 * ```
 */
export function reportTables(report: ReportDocument): ReportTable[] {
  const out: ReportTable[] = [];
  const seen = new Set<string>();
  for (const section of report.sections) {
    for (const block of section.blocks) {
      const table =
        block.kind === 'table'
          ? block.table
          : block.kind === 'figure'
            ? block.figure.table
            : undefined;
      if (table !== undefined && !seen.has(table.id)) {
        seen.add(table.id);
        out.push(table);
      }
    }
  }
  return out;
}
