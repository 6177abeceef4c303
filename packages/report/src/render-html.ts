import { formatValue } from './format-value.js';
import { escapeHtml as esc } from './internal/escape.js';
import { message } from './internal/messages.js';
import { figureSvg } from './internal/svg.js';
import type {
  ReportBlock,
  ReportDocument,
  ReportTable,
  TableCell,
  TextRun,
} from './report-document.js';

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /** Extra CSS appended to the built-in style sheet (a municipality's colours). */
  readonly css?: string;
  /** Whether to write a table of contents; default `true`. */
  readonly contents?: boolean;
}

const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --accent: #2166ac; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); line-height: 1.5; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .75rem; border-bottom: 2px solid var(--accent); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.meta { color: var(--muted); margin: 0; }
nav ol { padding-left: 1.5rem; }
a { color: var(--accent); }
figure { margin: 1.25rem 0; }
figcaption { font-weight: 600; margin-bottom: .5rem; }
svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0 1.25rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.suppressed { color: var(--muted); font-style: italic; text-align: center; white-space: nowrap; }
.value { font-variant-numeric: tabular-nums; white-space: nowrap; }
blockquote { margin: .5rem 0; padding: .35rem .75rem; border-left: 3px solid var(--rule); color: #333; white-space: pre-wrap; overflow-wrap: anywhere; }
.data-table { overflow-x: auto; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  nav { break-after: page; }
  section.page-break { break-before: page; }
  h2, h3, figcaption, caption { break-after: avoid; }
  figure, tr, blockquote { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .data-table { overflow: visible; }
}
`;

function runs(report: ReportDocument, list: readonly TextRun[]): string {
  return list
    .map((run) => {
      if (run.kind === 'text' || run.kind === 'label') return esc(run.text);
      const bound = report.values[run.key];
      if (bound === undefined) return '—';
      const data = bound.value === null ? '' : ` data-value="${esc(String(bound.value))}"`;
      return `<span class="value" data-value-key="${esc(run.key)}"${data}>${esc(formatValue(bound.value, bound.format, report.locale))}</span>`;
    })
    .join('');
}

function cell(report: ReportDocument, c: TableCell, numeric: boolean, first: boolean): string {
  const tag = first ? 'th scope="row"' : 'td';
  const end = first ? 'th' : 'td';
  switch (c.kind) {
    case 'text':
      return `<${tag}${numeric ? ' class="num"' : ''}>${esc(c.text)}</${end}>`;
    case 'number':
      // No data-value on a missing number: a test reading it gets null, not the string "null".
      return `<${tag} class="num"${c.value === null ? '' : ` data-value="${esc(String(c.value))}"`}>${esc(formatValue(c.value, c.format, report.locale))}</${end}>`;
    case 'suppressed':
      return `<${tag} class="suppressed" data-suppressed="">${esc(c.text)}</${end}>`;
  }
}

function table(report: ReportDocument, t: ReportTable, captionHidden = false): string {
  const head = t.columns
    .map(
      (c) =>
        `<th scope="col" data-column="${esc(c.id)}"${c.numeric ? ' class="num"' : ''}>${esc(c.label)}</th>`,
    )
    .join('');
  const firstIsHeader = !(t.columns[0]?.numeric ?? false);
  const body = t.rows
    .map((r) => {
      const cells: string[] = [];
      for (let i = 0; i < r.cells.length; i++) {
        const c = r.cells[i]!;
        if (c.kind === 'suppressed') {
          // A run of suppressed cells is one cell: the reason is read once, and no number is there to read.
          let span = 1;
          while (r.cells[i + span]?.kind === 'suppressed') span++;
          cells.push(
            `<td class="suppressed" data-suppressed=""${span > 1 ? ` colspan="${span}"` : ''}>${esc(c.text)}</td>`,
          );
          i += span - 1;
        } else {
          cells.push(cell(report, c, t.columns[i]?.numeric ?? false, i === 0 && firstIsHeader));
        }
      }
      return `<tr data-row="${esc(r.key)}">${cells.join('')}</tr>`;
    })
    .join('\n');
  const caption = captionHidden
    ? `<caption>${esc(message('dataTable', report.locale))}: ${esc(t.caption)}</caption>`
    : `<caption>${esc(t.caption)}</caption>`;
  return `<div class="data-table"><table data-table="${esc(t.id)}">${caption}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function block(report: ReportDocument, b: ReportBlock, uid: () => string): string {
  switch (b.kind) {
    case 'heading':
      return `<h3>${esc(b.text)}</h3>`;
    case 'paragraph':
      return `<p>${runs(report, b.runs)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${runs(report, item)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return table(report, b.table);
    case 'figure': {
      const id = uid();
      return (
        `<figure data-figure="${esc(b.figure.id)}" aria-labelledby="${id}-caption">` +
        `<figcaption id="${id}-caption">${esc(b.figure.title)}</figcaption>` +
        figureSvg(b.figure, report.locale, id) +
        table(report, b.figure.table, true) +
        `</figure>`
      );
    }
    case 'quotes':
      return (
        `<div class="quotes" data-quotes="">` +
        b.quotes.map((q) => `<blockquote data-quote="">${esc(q)}</blockquote>`).join('\n') +
        `</div>`
      );
  }
}

/**
 * Renders a report as one self-contained HTML file: inline CSS, SVG charts
 * drawn from the data, print CSS for a clean "print to PDF", and no script.
 *
 * @remarks
 * Everything that comes from data — respondent text, item texts, institution
 * names, titles — is escaped (`& < > " '` and the backtick become entities;
 * control characters become U+FFFD), in element content and in attributes
 * alike. The page has no script, no inline event handler and no external
 * resource (no fonts, no CDN), and a Content-Security-Policy `default-src
 * 'none'` forbids any, so a hostile answer cannot run or fetch anything.
 *
 * Accessibility: `lang` is the report's locale; headings run h1 → h2 → h3;
 * every chart is an `<svg role="img">` with a `<title>` and `<desc>` (alt
 * text) and is followed by the table of its data. Hooks for tests: each
 * chart is `svg[data-chart=<id>]` with one `[data-mark]` per bar, stacked
 * row or point; tables are `table[data-table=<id>]` with `tr[data-row]`;
 * number cells and bound numbers in text carry the full-precision value in
 * `data-value` (absent when the number is missing); suppressed cells are `td[data-suppressed]`.
 *
 * @param report - a report from {@link buildReport} or {@link buildNokReport}
 * @param options - extra CSS, table of contents
 * @returns the HTML document, as a string
 *
 * @example
 * ```ts
 * import { educationSatisfactionQuestionnaire as questionnaire, generateResponses } from '@edu-quality/templates';
 * import { readResponsesSync } from '@edu-quality/questionnaire';
 * const records = generateResponses(questionnaire, { n: 120, seed: 3, institutions: ['a', 'b'] });
 * records[0]!.improve = '<img src=x onerror=alert(1)>';
 * const responses = readResponsesSync(questionnaire, records);
 * const html = renderHtml(buildReport({ questionnaire, responses, options: { locale: 'lt' } }));
 * html.startsWith('<!doctype html>\n<html lang="lt">'); // => true
 * html.includes('<img'); // => false
 * html.includes('&lt;img src=x onerror=alert(1)&gt;'); // => true
 * ```
 */
export function renderHtml(report: ReportDocument, options: RenderHtmlOptions = {}): string {
  let counter = 0;
  const uid = (): string => `fig${++counter}`;
  const { meta, locale } = report;
  const metaLine = [
    meta.organisation,
    meta.period,
    meta.generatedAt === undefined
      ? undefined
      : `${message('generatedAt', locale)}: ${meta.generatedAt}`,
  ].filter((x): x is string => x !== undefined);
  const contents =
    options.contents === false
      ? ''
      : `<nav aria-labelledby="contents"><h2 id="contents">${esc(message('contents', locale))}</h2><ol>` +
        report.sections
          .map((s) => `<li><a href="#${esc(s.id)}">${esc(s.title)}</a></li>`)
          .join('') +
        `</ol></nav>`;
  const sections = report.sections
    .map(
      (s) =>
        `<section id="${esc(s.id)}" data-section="${esc(s.id)}"${s.pageBreakBefore ? ' class="page-break"' : ''} aria-labelledby="${esc(s.id)}-h">` +
        `<h2 id="${esc(s.id)}-h">${esc(s.title)}</h2>\n` +
        s.blocks.map((b) => block(report, b, uid)).join('\n') +
        `</section>`,
    )
    .join('\n');
  // The caller's CSS cannot close the style element: every < becomes the CSS
  // escape \3c (valid in CSS strings; a raw < means nothing in CSS elsewhere).
  const css = (STYLE + (options.css ?? '')).replace(/</g, '\\3c ');
  return (
    `<!doctype html>\n<html lang="${esc(locale)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta name="generator" content="@edu-quality/report">\n` +
    `<title>${esc(meta.title)}</title>\n<style>${css}</style>\n</head>\n<body data-report="${esc(report.kind)}">\n` +
    `<header><h1>${esc(meta.title)}</h1>` +
    (metaLine.length > 0 ? `<p class="meta">${metaLine.map(esc).join(' · ')}</p>` : '') +
    `</header>\n${contents}\n<main>\n${sections}\n</main>\n</body>\n</html>\n`
  );
}
