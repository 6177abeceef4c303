/**
 * XLSX export of report tables, through exceljs. A subpath of its own
 * (`@edu-quality/report/xlsx`) so that the default entry does not load
 * exceljs and stays light and browser-safe.
 *
 * @packageDocumentation
 */
export { renderXlsx } from './render-xlsx.js';
export type { RenderXlsxOptions } from './render-xlsx.js';
