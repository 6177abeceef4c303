/**
 * Satisfaction and quality indices with the statistics a published study
 * needs.
 *
 * @packageDocumentation
 */

// Satisfaction indices and their statistics
export { satisfactionIndex } from './satisfaction-index.js';
export type {
  DimensionIndex,
  ExplicitWeights,
  IndexWeighting,
  ItemStatistics,
  RespondentCounts,
  SatisfactionIndexOptions,
  SatisfactionIndexResult,
  WeightingReport,
} from './satisfaction-index.js';
export { SatisfactionIndexAccumulator } from './satisfaction-index-accumulator.js';
export type { SatisfactionIndexResultOverrides } from './satisfaction-index-accumulator.js';
export type { SurveyData, SurveyInput, SurveyItemData } from './survey-input.js';
export type { CategoriesInput, ValuesInput } from './values-input.js';
export { BreakdownAccumulator, HIDDEN_GROUP_LABEL, breakdown } from './breakdown.js';
export type {
  BreakdownGroup,
  BreakdownOptions,
  BreakdownResult,
  LabelSource,
  PublishedGroup,
  SuppressedGroup,
  SuppressionReason,
} from './breakdown.js';
export { protectedBreakdowns } from './protected-breakdowns.js';
export type {
  ProtectedBreakdownsOptions,
  ProtectedBreakdownsResult,
} from './protected-breakdowns.js';
export { importancePerformance } from './importance-performance.js';
export type {
  ImportancePerformanceOptions,
  ImportancePerformanceResult,
  IpaPoint,
  IpaQuadrant,
} from './importance-performance.js';
export { compareWaves } from './compare-waves.js';
export type { CompareWavesOptions, CompareWavesResult, WaveEstimate } from './compare-waves.js';
export { scaleScore } from './scale-score.js';
export type { ScaleRange } from './scale-score.js';
export { criticalValue } from './confidence-interval.js';
export type { ConfidenceInterval, IntervalMethod } from './confidence-interval.js';
export { WeightedMeanAccumulator, weightedMean } from './weighted-mean.js';
export type { WeightedMeanOptions, WeightedMeanResult } from './weighted-mean.js';
export { effectiveSampleSize } from './effective-sample-size.js';
export { wilsonInterval } from './wilson-interval.js';
export type { WilsonIntervalOptions } from './wilson-interval.js';
export { ProportionAccumulator, proportion } from './proportion.js';
export type { ProportionOptions, ProportionResult } from './proportion.js';
export { topBoxShare } from './top-box-share.js';
export type { TopBoxShareOptions } from './top-box-share.js';
export { NpsAccumulator, netPromoterScore } from './net-promoter-score.js';
export type { NetPromoterScoreOptions, NetPromoterScoreResult } from './net-promoter-score.js';
export { CronbachAlphaAccumulator, cronbachAlpha } from './cronbach-alpha.js';
export type { CronbachAlphaOptions, CronbachAlphaResult } from './cronbach-alpha.js';
export { marginOfError } from './margin-of-error.js';
export type { MarginOfErrorOptions } from './margin-of-error.js';
export { sampleSize } from './sample-size.js';
export type { SampleSizeOptions } from './sample-size.js';
export { sampleSizePlan } from './sample-size-plan.js';
export type {
  PlannedStratum,
  PlanStratum,
  SampleSizePlan,
  SampleSizePlanOptions,
} from './sample-size-plan.js';
export { designWeights } from './design-weights.js';
export { postStratify } from './post-stratify.js';
export type { PostStratifyResult } from './post-stratify.js';
export { rake } from './rake.js';
export type { RakeMargin, RakeOptions, RakeResult } from './rake.js';
// end satisfaction indices

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
  NokUnrankedEntry,
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
export type {
  NokAnswers,
  NokQuestionMap,
  NokResponsesOptions,
  NokSurveyCounts,
} from './nok-survey.js';
export { nokRequiredSample, nokSampleSizeWarnings } from './nok-sample-size.js';
export type { NokSampleEntry, NokSampleSizeOptions } from './nok-sample-size.js';
export { nokFormat, nokRound } from './nok-round.js';
export { countNokCsv, countNokCsvPart, mergeNokCsvParts } from './nok-csv.js';
export type {
  NokByteSource,
  NokCsvOptions,
  NokCsvPart,
  NokCsvPartOptions,
  NokCsvResult,
} from './nok-csv.js';
// end NOK 344n

// PLS path modelling (ACSI/ECSI)
export { plsPathModel } from './pls-path-model.js';
export type {
  PlsBlock,
  PlsBlockSummary,
  PlsDataMatrix,
  PlsEdge,
  PlsEffect,
  PlsMissing,
  PlsMissingReport,
  PlsMode,
  PlsModel,
  PlsOptions,
  PlsOuterRow,
  PlsPathRow,
  PlsResult,
  PlsScaling,
  PlsScheme,
} from './pls-path-model.js';
export { plsBootstrap, plsBootstrapParallel } from './pls-bootstrap.js';
export type {
  PlsBootstrapEstimate,
  PlsBootstrapOptions,
  PlsBootstrapParallelOptions,
  PlsBootstrapResult,
} from './pls-bootstrap.js';
export { ecsiModel } from './pls-ecsi-model.js';
export type { EcsiItems } from './pls-ecsi-model.js';
export { customerSatisfactionIndex } from './customer-satisfaction-index.js';
export type {
  CustomerSatisfactionIndexOptions,
  CustomerSatisfactionIndexResult,
  LatentVariableIndex,
} from './customer-satisfaction-index.js';
// end PLS path modelling
