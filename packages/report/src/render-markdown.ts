import { formatValue } from './format-value.js';
import { escapeMarkdown as md } from './internal/escape.js';
import { message } from './internal/messages.js';
import type {
  ReportBlock,
  ReportDocument,
  ReportTable,
  TableCell,
  TextRun,
} from './report-document.js';

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /** The level of the title heading (1 by default; 2 to nest the report in another document). */
  readonly headingLevel?: 1 | 2;
}

/** A number formatted by the package: digits, separators, signs and `%`; only `<` (in `< 0.001`) needs care. */
function num(text: string): string {
  return text.replace(/</g, '&lt;');
}

function runs(report: ReportDocument, list: readonly TextRun[]): string {
  return list
    .map((run) => {
      // Message text is the package's own and is written as it stands; labels
      // and values can come from data and are escaped.
      if (run.kind === 'text') return run.text;
      if (run.kind === 'label') return md(run.text);
      const bound = report.values[run.key];
      return bound === undefined ? '—' : num(formatValue(bound.value, bound.format, report.locale));
    })
    .join('');
}

function cell(report: ReportDocument, c: TableCell): string {
  switch (c.kind) {
    case 'text':
      return md(c.text);
    case 'number':
      return num(formatValue(c.value, c.format, report.locale));
    case 'suppressed':
      return md(c.text);
  }
}

function table(report: ReportDocument, t: ReportTable): string {
  const header = `| ${t.columns.map((c) => md(c.label)).join(' | ')} |`;
  const rule = `| ${t.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`;
  // A run of suppressed cells states its reason once; the others stay blank.
  const rows = t.rows.map(
    (r) =>
      `| ${r.cells
        .map((c, i) =>
          c.kind === 'suppressed' && r.cells[i - 1]?.kind === 'suppressed'
            ? ' '
            : cell(report, c) || ' ',
        )
        .join(' | ')} |`,
  );
  return [`*${md(t.caption)}*`, '', header, rule, ...rows].join('\n');
}

function block(report: ReportDocument, b: ReportBlock, level: number): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(level + 2)} ${md(b.text)}`;
    case 'paragraph':
      return runs(report, b.runs);
    case 'list':
      return b.items
        .map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${runs(report, item)}`)
        .join('\n');
    case 'table':
      return table(report, b.table);
    case 'figure':
      // A chart cannot be drawn in Markdown: its data table stands in for it.
      return `**${md(b.figure.title)}**\n\n${md(b.figure.alt)}\n\n${table(report, b.figure.table)}`;
    case 'quotes':
      return b.quotes.map((q) => `> ${md(q) || ' '}`).join('\n>\n');
  }
}

/**
 * Renders a report as Markdown (CommonMark with GFM tables): headings,
 * paragraphs with the bound numbers formatted for the locale, and every
 * figure as its data table.
 *
 * @remarks
 * Text from data — respondent answers, item texts, institution names, the
 * title — is escaped: `& < > " '` become HTML entities, so no raw HTML
 * reaches a Markdown renderer, and every Markdown-significant ASCII
 * punctuation character gets a backslash, so no emphasis, link, image,
 * heading, list or table cell can be made from an answer; line breaks in an
 * answer become spaces. The package's own message text is written as it
 * stands. Suppressed groups show "suppressed (n < k)" and no number.
 *
 * @param report - a report from {@link buildReport} or {@link buildNokReport}
 * @param options - the heading level of the title
 * @returns the Markdown text, ending with a newline
 *
 * @example
 * ```ts
 * import { educationSatisfactionQuestionnaire as questionnaire, generateResponses } from '@edu-quality/templates';
 * import { readResponsesSync } from '@edu-quality/questionnaire';
 * const records = generateResponses(questionnaire, { n: 60, seed: 5 });
 * records[0]!.improve = '**bold** [link](http://x) <b>';
 * const responses = readResponsesSync(questionnaire, records);
 * const text = renderMarkdown(buildReport({ questionnaire, responses, options: { locale: 'en', title: 'Demo' } }));
 * text.startsWith('# Demo\n'); // => true
 * text.includes('> \\*\\*bold\\*\\* \\[link\\]\\(http\\://x\\) &lt;b&gt;'); // => true
 * ```
 */
export function renderMarkdown(
  report: ReportDocument,
  options: RenderMarkdownOptions = {},
): string {
  const level = options.headingLevel ?? 1;
  const { meta, locale } = report;
  const metaLine = [
    meta.organisation,
    meta.period,
    meta.generatedAt === undefined
      ? undefined
      : `${message('generatedAt', locale)}: ${meta.generatedAt}`,
  ].filter((x): x is string => x !== undefined);
  const parts: string[] = [`${'#'.repeat(level)} ${md(meta.title)}`];
  if (metaLine.length > 0) parts.push(metaLine.map(md).join(' · '));
  for (const section of report.sections) {
    parts.push(`${'#'.repeat(level + 1)} ${md(section.title)}`);
    for (const b of section.blocks) parts.push(block(report, b, level));
  }
  return `${parts.join('\n\n')}\n`;
}
