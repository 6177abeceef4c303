/**
 * The study report of edu-quality: a document model built from index results
 * (numbers bound, never typed in), rendered to one self-contained HTML file
 * with SVG charts, to Markdown and to CSV tables; XLSX is in the
 * `@edu-quality/report/xlsx` subpath.
 *
 * @packageDocumentation
 */
export { buildReport } from './build-report.js';
export type { BuildReportInput, BuildReportOptions, BuildReportResults } from './build-report.js';
export { buildNokReport } from './build-nok-report.js';
export type { BuildNokReportOptions } from './build-nok-report.js';
export { formatValue } from './format-value.js';
export { renderHtml } from './render-html.js';
export type { RenderHtmlOptions } from './render-html.js';
export { renderMarkdown } from './render-markdown.js';
export type { RenderMarkdownOptions } from './render-markdown.js';
export { renderCsv } from './render-csv.js';
export type { RenderCsvOptions } from './render-csv.js';
export { reportTables } from './report-tables.js';
export { redactText } from './redact-text.js';
export type { RedactTextOptions } from './redact-text.js';
export type {
  BoundValue,
  ChartBar,
  ChartPoint,
  ChartStack,
  ReportBlock,
  ReportDocument,
  ReportFigure,
  ReportMeta,
  ReportSection,
  ReportTable,
  SatisfactionReportResults,
  TableCell,
  TableColumn,
  TextRun,
  ValueFormat,
  WithheldReportResults,
} from './report-document.js';
