/**
 * Questionnaire definitions for client-satisfaction surveys, and fast
 * columnar ingestion of survey exports into a {@link ResponseSet}.
 *
 * @packageDocumentation
 */

// Definitions
export {
  IDENTIFIER_PATTERN,
  ITEM_ROLES,
  IdentifierSchema,
  ItemRoleSchema,
  MAX_SCALE_CODE,
  MatrixRowSchema,
  OptionSchema,
  QuestionSchema,
  QuestionnaireSchema,
  ScalePointSchema,
  ScaleSchema,
  SectionSchema,
} from './schema.js';
export type {
  ItemMeta,
  ItemRole,
  MatrixQuestion,
  MatrixRow,
  MultiQuestion,
  NotApplicable,
  NpsQuestion,
  NumberQuestion,
  Option,
  Question,
  QuestionBase,
  QuestionKind,
  Questionnaire,
  RatingQuestion,
  Scale,
  ScalePoint,
  ScaleQuestion,
  Section,
  SingleQuestion,
  TextQuestion,
} from './schema.js';
export { listItems, scaleRange } from './items.js';
export type { Item } from './items.js';

// Responses
export { CATEGORY_MISSING, SCALE_MISSING, SCALE_NOT_APPLICABLE } from './response-set.js';
export type {
  CategoryColumn,
  MultiColumn,
  NumberColumn,
  ResponseColumn,
  ResponseCounts,
  ResponseSet,
  ScaleColumn,
  TextColumn,
} from './response-set.js';
