/**
 * Import and export of SurveyJS survey definitions (JSON or JSON5).
 *
 * @remarks
 * A subpath of its own (`@edu-quality/questionnaire/surveyjs`) because it
 * loads a JSON5 parser, which the main entry does not need.
 *
 * @packageDocumentation
 */
export { fromSurveyJs } from './from-surveyjs.js';
export type { FromSurveyJsOptions } from './from-surveyjs.js';
export { toSurveyJs } from './to-surveyjs.js';
export type {
  SurveyJsElement,
  SurveyJsPage,
  SurveyJsSurvey,
  SurveyJsText,
  ToSurveyJsOptions,
} from './to-surveyjs.js';
export type { FormatImportResult } from '../shared/import-support.js';
