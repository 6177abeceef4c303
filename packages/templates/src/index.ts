/**
 * Ready survey instruments for education services — a client-satisfaction
 * questionnaire (lt, en, ru), the Russian NOK education questionnaire with its
 * indicator mapping and audit checklists (ru, en), ECSI and SERVQUAL-22
 * (en, lt) — and a seeded synthetic response generator with a CSV writer.
 *
 * @packageDocumentation
 */
export { educationSatisfactionQuestionnaire } from './education-satisfaction-questionnaire.js';
export { ecsiQuestionnaire } from './ecsi-questionnaire.js';
export { ecsiBlocks, ecsiPaths } from './ecsi-model.js';
export type { EcsiBlock } from './ecsi-model.js';
export { servqualPairs, servqualQuestionnaire } from './servqual-questionnaire.js';
export type { ServqualDimension, ServqualPair } from './servqual-questionnaire.js';
export { nokEducationQuestionnaire } from './nok-education-questionnaire.js';
export { nokEducationIndicatorMap } from './nok-education-indicator-map.js';
export type { NokIndicatorTerm, NokSurveyIndicator } from './nok-education-indicator-map.js';
export { nokEducationAuditChecklist } from './nok-education-audit-checklist.js';
export type {
  NokAuditItem,
  NokEducationAuditChecklist,
  NokLegalSource,
  NokLegalSourceId,
} from './nok-education-audit-checklist.js';
export { generateResponses } from './generate-responses.js';
export type { GenerateResponsesOptions, SyntheticRecord } from './generate-responses.js';
export { responsesToCsv } from './responses-to-csv.js';
export type { ResponsesToCsvOptions } from './responses-to-csv.js';
