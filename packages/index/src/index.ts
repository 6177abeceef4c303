/**
 * Satisfaction and quality indices with the statistics a published study
 * needs.
 *
 * @packageDocumentation
 */

// NOK 344n
export { nokAssessment } from './nok-assessment.js';
export type {
  NokAssessmentInput,
  NokAssessmentOptions,
  NokAssessmentResult,
  NokAudit,
  NokChecklist,
  NokCriterionResult,
  NokEmptyDenominatorPolicy,
  NokIndicatorResult,
  NokOrganisation,
  NokOrganisationResult,
  NokPart,
  NokPolicyNote,
  NokRankEntry,
  NokRounding,
  NokShortfall,
  NokTotal,
} from './nok-assessment.js';
export { NOK_FIVE_BANDS, nokAggregate, nokBand } from './nok-aggregate.js';
export type {
  NokAggregate,
  NokAggregateOptions,
  NokCriterionMean,
  NokGrouping,
  NokRatingBand,
} from './nok-aggregate.js';
export {
  NOK_ACCESSIBILITY_CONDITIONS,
  NOK_ACCESSIBLE_PREMISES,
  NOK_COMFORT_CONDITIONS,
  NOK_EDUCATION_COMFORT_CONDITIONS,
  NOK_PROFILES,
  NOK_REMOTE_CHANNELS,
} from './nok-profiles.js';
export type {
  NokAuditList,
  NokCatalogueItem,
  NokCountKey,
  NokCriterionDefinition,
  NokCriterionId,
  NokIndicatorDefinition,
  NokIndicatorSource,
  NokProfile,
  NokSector,
  NokSharePart,
} from './nok-profiles.js';
export {
  NOK_COUNT_KEYS,
  NOK_DEFAULT_QUESTION_MAP,
  NOK_FILTERS,
  NokSurveyAccumulator,
  normaliseYesNo,
} from './nok-survey.js';
export type { NokAnswers, NokQuestionMap, NokResponsesOptions, NokSurveyCounts } from './nok-survey.js';
export { nokRequiredSample, nokSampleSizeWarnings } from './nok-sample-size.js';
export type { NokSampleEntry, NokSampleSizeOptions } from './nok-sample-size.js';
export { nokFormat, nokRound } from './nok-round.js';
// end NOK 344n
