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
export { parseQuestionnaire, safeParseQuestionnaire } from './parse-questionnaire.js';
export type { SafeParseQuestionnaireResult } from './parse-questionnaire.js';
export { checkQuestionnaire } from './check-questionnaire.js';
export { parseExpression, safeParseExpression } from './expression/parse-expression.js';
export type { SafeParseExpressionResult } from './expression/parse-expression.js';
export { printExpression } from './expression/print-expression.js';
export { evaluateExpression } from './expression/evaluate-expression.js';
export type { ExpressionAnswers } from './expression/evaluate-expression.js';
export { expressionReferences } from './expression/expression-references.js';
export { validateAnswers } from './validate-answers.js';
export type { ValidateAnswersResult } from './validate-answers.js';
export type {
  AndExpression,
  AnsweredExpression,
  ComparisonExpression,
  ComparisonOperator,
  ContainsExpression,
  Expression,
  InExpression,
  Literal,
  NotExpression,
  NumberLiteral,
  Operand,
  OrExpression,
  ReferenceOperand,
  StringLiteral,
} from './expression/ast.js';

// Responses
export { CATEGORY_MISSING, SCALE_MISSING, SCALE_NOT_APPLICABLE } from './response-set.js';
export { MAX_WEIGHT, MIN_WEIGHT } from './weight-range.js';
export {
  answerLabelKey,
  cleanAnswerLabel,
  confusableSkeleton,
  foldLookalikes,
} from './answer-label.js';
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
export { readResponses, readResponsesSync } from './read-responses.js';
export { checkResponseBytes } from './check-response-bytes.js';
export type {
  CsvDelimiter,
  DecimalMark,
  DuplicateIdPolicy,
  InvalidAnswerPolicy,
  ReadProgress,
  ReadResponsesOptions,
  ResponseChunk,
  ResponseEncoding,
  ResponseRecord,
  ResponseSource,
  SyncResponseSource,
} from './read-responses.js';
