/**
 * Import and export of XLSForm, the spreadsheet form format of ODK and
 * KoboToolbox, as sheets of rows keyed by header.
 *
 * @remarks
 * Browser-safe: it reads no files. To read an `.xlsx` workbook in Node, use
 * `@edu-quality/questionnaire/xlsx`.
 *
 * @packageDocumentation
 */
export { fromXlsForm } from './from-xlsform.js';
export type { FromXlsFormOptions, XlsFormRow, XlsFormSheets } from './from-xlsform.js';
export { toXlsForm } from './to-xlsform.js';
export type { XlsFormOutput } from './to-xlsform.js';
export type { FormatImportResult } from '../shared/import-support.js';
