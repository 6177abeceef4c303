/**
 * Import of LimeSurvey survey structures (`.lss`).
 *
 * @remarks
 * A subpath of its own (`@edu-quality/questionnaire/limesurvey`) because it
 * loads an XML parser (fast-xml-parser), which the main entry does not need.
 *
 * @packageDocumentation
 */
export { fromLimeSurvey } from './from-limesurvey.js';
export type { FromLimeSurveyOptions } from './from-limesurvey.js';
export type { FormatImportResult } from '../shared/import-support.js';
