/**
 * Import of KoboToolbox asset content (its JSON form of XLSForm), and the
 * column names of Kobo data exports for `readResponses`.
 *
 * @packageDocumentation
 */
export { fromKoboAsset } from './from-kobo-asset.js';
export type { KoboImportResult } from './from-kobo-asset.js';
export { koboColumnMap, koboExportColumns } from './kobo-column-map.js';
export type { KoboColumnOptions, KoboExportColumn } from './kobo-column-map.js';
export type { FormatImportResult } from '../shared/import-support.js';
export type { FromXlsFormOptions } from '../xlsform/from-xlsform.js';
