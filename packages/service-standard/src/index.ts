/**
 * Service standards of municipal education services: CPSV-AP-aligned
 * descriptions, validation, due dates, JSON-LD export and service cards.
 *
 * @packageDocumentation
 */
export {
  CHANNEL_TYPES,
  ChannelSchema,
  ContactPointSchema,
  CostSchema,
  DeadlineRuleSchema,
  LegalBasisSchema,
  OrganisationSchema,
  ProcessStepSchema,
  QualityCommitmentSchema,
  ServiceStandardSchema,
  TitledItemSchema,
} from './service-standard.js';
export type {
  Channel,
  ChannelType,
  ContactPoint,
  Cost,
  LegalBasis,
  Organisation,
  ProcessStep,
  QualityCommitment,
  ServiceStandard,
  TitledItem,
} from './service-standard.js';
export { validateService } from './validate-service.js';
export type { ValidateServiceResult } from './validate-service.js';
export { defineService } from './define-service.js';
export { serviceDueDate } from './service-due-date.js';
export type { ServiceDueDateOptions } from './service-due-date.js';
export { CPSV_AP_CONTEXT_URL, toCpsvJsonLd } from './to-cpsv-json-ld.js';
export type { JsonLdDocument, JsonLdValue, ToCpsvJsonLdOptions } from './to-cpsv-json-ld.js';
export { renderServiceCard } from './render-service-card.js';
export type { RenderServiceCardOptions } from './render-service-card.js';
export { EXAMPLE_SERVICES } from './example-services.js';
