/**
 * The customer-service quality standard of municipal education services: its
 * principles and measurable norms, compliance of an interaction log with
 * them, and the citizens' charter.
 *
 * @packageDocumentation
 */
export { EVENT_NAMES, INTERACTION_CHANNELS, INTERACTION_KINDS } from './interaction-case.js';
export type {
  EventName,
  InteractionCase,
  InteractionChannel,
  InteractionKind,
  Timestamp,
} from './interaction-case.js';
export {
  NormSchema,
  NormScopeSchema,
  PrincipleSchema,
  ServiceQualityStandardSchema,
} from './service-quality-standard.js';
export type {
  CaseNormBase,
  LatencyLimit,
  LatencyNorm,
  LatencyUnit,
  Norm,
  NormBase,
  NormCondition,
  NormKind,
  NormScope,
  OpeningHoursNorm,
  OpeningHoursPeriod,
  PhoneAnswerNorm,
  Principle,
  ReplyChannelNorm,
  ResponseDeadlineNorm,
  SatisfactionTargetNorm,
  ServiceQualityStandard,
  WaitingTimeNorm,
} from './service-quality-standard.js';
export { validateServiceQualityStandard } from './validate-service-quality-standard.js';
export type { ValidateServiceQualityStandardResult } from './validate-service-quality-standard.js';
export { LT_SERVICE_QUALITY_STANDARD } from './lt-service-quality-standard.js';
export { RU_SERVICE_QUALITY_STANDARD } from './ru-service-quality-standard.js';
export { LOG_FIELDS, readInteractionLog } from './read-interaction-log.js';
export type {
  InteractionLog,
  LogField,
  ReadInteractionLogOptions,
} from './read-interaction-log.js';
export { ComplianceAccumulator } from './compliance-accumulator.js';
export type { ComplianceOptions, SatisfactionValue } from './compliance-accumulator.js';
export type {
  Breach,
  CaseNormResult,
  ComplianceCounts,
  ComplianceGroup,
  ComplianceResult,
  MeasureUnit,
  NormResult,
  PublishedComplianceGroup,
  ShareInterval,
  SuppressedComplianceGroup,
  TargetNormResult,
} from './compliance-result.js';
export { evaluateCompliance } from './evaluate-compliance.js';
export { renderCharter } from './render-charter.js';
export type { CharterService, RenderCharterOptions } from './render-charter.js';
