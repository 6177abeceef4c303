import { LocalizedTextSchema, isLocaleTag, isSafeKey, type LocalizedText } from '@edu-quality/core';
import * as z from 'zod';

/**
 * The pattern every identifier of a questionnaire follows (questionnaire,
 * section, question, matrix row): a letter or underscore, then letters, digits,
 * underscores, dots or hyphens, at most 64 characters. `__proto__`,
 * `constructor` and `prototype` are refused.
 *
 * @example
 * ```ts
 * IDENTIFIER_PATTERN.test('staff_politeness'); // => true
 * IDENTIFIER_PATTERN.test('1st'); // => false
 * ```
 */
export const IDENTIFIER_PATTERN: RegExp = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

/**
 * The zod schema of an identifier: see {@link IDENTIFIER_PATTERN}.
 *
 * @example
 * ```ts
 * IdentifierSchema.safeParse('q1_staff').success; // => true
 * IdentifierSchema.safeParse('__proto__').success; // => false
 * ```
 */
export const IdentifierSchema: z.ZodType<string> = z
  .string()
  .regex(IDENTIFIER_PATTERN, 'must start with a letter or _ and hold only letters, digits, _ . -')
  .refine(isSafeKey, { message: 'is a reserved JavaScript property name' });

/**
 * What an item is for, as the index reads it.
 *
 * - `satisfaction`: an attribute of the service rated by the respondent.
 * - `importance`: how much an attribute matters; it names the satisfaction item it weighs in `importanceOf`.
 * - `overall`: overall satisfaction, the criterion for derived importance.
 * - `recommend`: likelihood to recommend (NPS).
 * - `segment`: a breakdown field (institution, service, respondent group).
 * - `demographic`: a description of the respondent, not used in the index.
 *
 * @example
 * ```ts
 * ITEM_ROLES.includes('importance'); // => true
 * ```
 */
export const ITEM_ROLES: readonly [
  'satisfaction',
  'importance',
  'overall',
  'recommend',
  'segment',
  'demographic',
] = ['satisfaction', 'importance', 'overall', 'recommend', 'segment', 'demographic'] as const;

/** One of {@link ITEM_ROLES}. */
export type ItemRole = (typeof ITEM_ROLES)[number];

/**
 * The zod schema of {@link ItemRole}.
 *
 * @example
 * ```ts
 * ItemRoleSchema.safeParse('overall').success; // => true
 * ItemRoleSchema.safeParse('favourite').success; // => false
 * ```
 */
export const ItemRoleSchema: z.ZodType<ItemRole> = z.enum(ITEM_ROLES);

/**
 * The largest code a scale, rating or NPS answer may have. Answers are held in
 * one byte each; the two codes above it are the missing and "not applicable"
 * sentinels of a `ResponseSet`.
 *
 * @example
 * ```ts
 * MAX_SCALE_CODE < SCALE_NOT_APPLICABLE; // => true
 * ```
 */
export const MAX_SCALE_CODE = 250;

const ScaleCodeSchema: z.ZodInt = z.int().min(0).max(MAX_SCALE_CODE);

/** A point of a Likert scale: its code and its label. */
export interface ScalePoint {
  /** The code of the point, 0–250; higher means more satisfied. */
  readonly value: number;
  /** The label of the point, for example "Labai patenkintas" / "Very satisfied". */
  readonly label: LocalizedText;
}

/**
 * The zod schema of {@link ScalePoint}.
 *
 * @example
 * ```ts
 * ScalePointSchema.safeParse({ value: 5, label: { lt: 'Labai patenkintas' } }).success; // => true
 * ScalePointSchema.safeParse({ value: 251, label: { en: 'Too high' } }).success; // => false
 * ```
 */
export const ScalePointSchema: z.ZodType<ScalePoint> = z.strictObject({
  value: ScaleCodeSchema,
  label: LocalizedTextSchema,
});

/** A "not applicable / don't know" answer: an answer, never a score. */
export interface NotApplicable {
  /** Its code, outside the scale's points. */
  readonly value: number;
  /** Its label, for example "Nežinau" / "Don't know". */
  readonly label: LocalizedText;
}

const NotApplicableSchema: z.ZodType<NotApplicable> = z.strictObject({
  value: ScaleCodeSchema,
  label: LocalizedTextSchema,
});

/**
 * A Likert scale: its points in ascending order of satisfaction, each with a
 * label, and an optional "not applicable / don't know" code.
 */
export interface Scale {
  /** At least two points, in ascending order of code. */
  readonly points: readonly ScalePoint[];
  /** The "not applicable / don't know" answer, if offered. */
  readonly notApplicable?: NotApplicable;
}

/**
 * The zod schema of {@link Scale}.
 *
 * @example
 * ```ts
 * ScaleSchema.safeParse({ points: [{ value: 1, label: { en: 'No' } }] }).success; // => false
 * ```
 */
export const ScaleSchema: z.ZodType<Scale> = z.strictObject({
  points: z.array(ScalePointSchema).min(2, 'a scale needs at least two points'),
  notApplicable: NotApplicableSchema.exactOptional(),
});

/** A choice of a `single` or `multi` question. */
export interface Option {
  /** The code as it appears in exports. */
  readonly value: string;
  /** The label shown to respondents. */
  readonly label: LocalizedText;
}

/**
 * The zod schema of {@link Option}.
 *
 * @example
 * ```ts
 * OptionSchema.safeParse({ value: 'parent', label: { en: 'Parent' } }).success; // => true
 * OptionSchema.safeParse({ value: '__proto__', label: { en: 'x' } }).success; // => false
 * ```
 */
export const OptionSchema: z.ZodType<Option> = z.strictObject({
  value: z.string().min(1).refine(isSafeKey, { message: 'is a reserved JavaScript property name' }),
  label: LocalizedTextSchema,
});

/** What the index needs to know of an item. */
export interface ItemMeta {
  /** The dimension the item measures, for example `information`, `staff`, `timeliness`. */
  readonly dimension?: string;
  /** What the item is for; see {@link ITEM_ROLES}. */
  readonly role?: ItemRole;
  /** For an `importance` item: the id of the satisfaction item it weighs. */
  readonly importanceOf?: string;
}

/** The fields every question has. */
export interface QuestionBase extends ItemMeta {
  /** The question id: unique in the questionnaire; the column header in exports. */
  readonly id: string;
  /** The question as shown to the respondent. */
  readonly text: LocalizedText;
  /** A help text. */
  readonly description?: LocalizedText;
  /** Whether a visible question must be answered. Default `false`. */
  readonly required?: boolean;
  /** Skip logic: the question is shown only when this expression is true. */
  readonly visibleIf?: string;
}

const itemMeta = {
  dimension: IdentifierSchema.exactOptional(),
  role: ItemRoleSchema.exactOptional(),
  importanceOf: IdentifierSchema.exactOptional(),
};

const questionBase = {
  id: IdentifierSchema,
  text: LocalizedTextSchema,
  description: LocalizedTextSchema.exactOptional(),
  required: z.boolean().exactOptional(),
  visibleIf: z.string().min(1).exactOptional(),
  ...itemMeta,
};

/** A Likert question. */
export interface ScaleQuestion extends QuestionBase {
  /** Discriminant. */
  readonly kind: 'scale';
  /** The scale. */
  readonly scale: Scale;
}

/** A numeric rating from 0 or 1 up to `max` (usually 10). */
export interface RatingQuestion extends QuestionBase {
  /** Discriminant. */
  readonly kind: 'rating';
  /** The lowest rating: 0 or 1. */
  readonly min: number;
  /** The highest rating, usually 10. */
  readonly max: number;
  /** The label of the lowest rating. */
  readonly minLabel?: LocalizedText;
  /** The label of the highest rating. */
  readonly maxLabel?: LocalizedText;
  /** The "not applicable / don't know" answer, if offered. */
  readonly notApplicable?: NotApplicable;
}

/** Likelihood to recommend on 0–10, for the Net Promoter Score. */
export interface NpsQuestion extends QuestionBase {
  /** Discriminant. */
  readonly kind: 'nps';
  /** The label of 0. */
  readonly minLabel?: LocalizedText;
  /** The label of 10. */
  readonly maxLabel?: LocalizedText;
}

/** A single-choice question; segments such as the institution are of this kind. */
export interface SingleQuestion extends QuestionBase {
  /** Discriminant. */
  readonly kind: 'single';
  /** The choices. */
  readonly options: readonly Option[];
  /**
   * Accept codes that are not among `options` and add them to the dictionary
   * (for example an institution list too long to enumerate). Default `false`:
   * an unlisted code is invalid.
   */
  readonly acceptUnlisted?: boolean;
}

/** A multiple-choice question. */
export interface MultiQuestion extends QuestionBase {
  /** Discriminant. */
  readonly kind: 'multi';
  /** The choices. */
  readonly options: readonly Option[];
  /** The least number of choices in an answer. */
  readonly minSelected?: number;
  /** The most choices in an answer. */
  readonly maxSelected?: number;
}

/** An open-text question. */
export interface TextQuestion extends QuestionBase {
  /** Discriminant. */
  readonly kind: 'text';
  /** Whether the answer is a long text. */
  readonly multiline?: boolean;
  /** The longest answer accepted, in characters. */
  readonly maxLength?: number;
}

/** A numeric question. */
export interface NumberQuestion extends QuestionBase {
  /** Discriminant. */
  readonly kind: 'number';
  /** The least value accepted. */
  readonly min?: number;
  /** The largest value accepted. */
  readonly max?: number;
  /** Whether only whole numbers are accepted. */
  readonly integer?: boolean;
}

/** A row of a matrix question: an item of its own that shares the matrix's scale. */
export interface MatrixRow extends ItemMeta {
  /** The item id: unique in the questionnaire. */
  readonly id: string;
  /** The row text. */
  readonly text: LocalizedText;
}

/**
 * The zod schema of {@link MatrixRow}.
 *
 * @example
 * ```ts
 * MatrixRowSchema.safeParse({ id: 'staff', text: { en: 'Staff' }, dimension: 'staff' }).success; // => true
 * ```
 */
export const MatrixRowSchema: z.ZodType<MatrixRow> = z.strictObject({
  id: IdentifierSchema,
  text: LocalizedTextSchema,
  ...itemMeta,
});

/** A grid of rows that share one scale; each row is an item. */
export interface MatrixQuestion extends QuestionBase {
  /** Discriminant. */
  readonly kind: 'matrix';
  /** The scale every row is rated on. */
  readonly scale: Scale;
  /** The rows. */
  readonly rows: readonly MatrixRow[];
}

/** A question of any kind, discriminated by `kind`. */
export type Question =
  | ScaleQuestion
  | RatingQuestion
  | NpsQuestion
  | SingleQuestion
  | MultiQuestion
  | TextQuestion
  | NumberQuestion
  | MatrixQuestion;

/** The kinds of question. */
export type QuestionKind = Question['kind'];

/**
 * The zod schema of {@link Question}: a union discriminated by `kind`
 * (`scale`, `rating`, `nps`, `single`, `multi`, `text`, `number`, `matrix`).
 *
 * @example
 * ```ts
 * QuestionSchema.safeParse({ id: 'recommend', kind: 'nps', text: { en: 'Recommend?' } }).success; // => true
 * QuestionSchema.safeParse({ id: 'x', kind: 'slider', text: { en: 'X' } }).success; // => false
 * ```
 */
export const QuestionSchema: z.ZodType<Question> = z.discriminatedUnion('kind', [
  z.strictObject({ ...questionBase, kind: z.literal('scale'), scale: ScaleSchema }),
  z.strictObject({
    ...questionBase,
    kind: z.literal('rating'),
    min: z.int().min(0).max(1),
    max: z.int().min(2).max(MAX_SCALE_CODE),
    minLabel: LocalizedTextSchema.exactOptional(),
    maxLabel: LocalizedTextSchema.exactOptional(),
    notApplicable: NotApplicableSchema.exactOptional(),
  }),
  z.strictObject({
    ...questionBase,
    kind: z.literal('nps'),
    minLabel: LocalizedTextSchema.exactOptional(),
    maxLabel: LocalizedTextSchema.exactOptional(),
  }),
  z.strictObject({
    ...questionBase,
    kind: z.literal('single'),
    options: z.array(OptionSchema),
    acceptUnlisted: z.boolean().exactOptional(),
  }),
  z.strictObject({
    ...questionBase,
    kind: z.literal('multi'),
    options: z.array(OptionSchema).min(1),
    minSelected: z.int().min(0).exactOptional(),
    maxSelected: z.int().min(1).exactOptional(),
  }),
  z.strictObject({
    ...questionBase,
    kind: z.literal('text'),
    multiline: z.boolean().exactOptional(),
    maxLength: z.int().min(1).exactOptional(),
  }),
  z.strictObject({
    ...questionBase,
    kind: z.literal('number'),
    min: z.number().exactOptional(),
    max: z.number().exactOptional(),
    integer: z.boolean().exactOptional(),
  }),
  z.strictObject({
    ...questionBase,
    kind: z.literal('matrix'),
    scale: ScaleSchema,
    rows: z.array(MatrixRowSchema).min(1),
  }),
]);

/** A section (page) of a questionnaire. */
export interface Section {
  /** The section id: unique in the questionnaire. */
  readonly id: string;
  /** The section title. */
  readonly title: LocalizedText;
  /** An introduction. */
  readonly description?: LocalizedText;
  /** Skip logic for the whole section. */
  readonly visibleIf?: string;
  /** The questions, in order. */
  readonly questions: readonly Question[];
}

/**
 * The zod schema of {@link Section}.
 *
 * @example
 * ```ts
 * SectionSchema.safeParse({ id: 's', title: { en: 'S' }, questions: [] }).success; // => false
 * ```
 */
export const SectionSchema: z.ZodType<Section> = z.strictObject({
  id: IdentifierSchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.exactOptional(),
  visibleIf: z.string().min(1).exactOptional(),
  questions: z.array(QuestionSchema).min(1),
});

const LocaleTagSchema: z.ZodType<string> = z
  .string()
  .refine((tag) => isLocaleTag(tag) && isSafeKey(tag), {
    message: 'must be a BCP 47 language tag',
  });

/** A questionnaire definition. */
export interface Questionnaire {
  /** The questionnaire id. */
  readonly id: string;
  /** Its version, for example `2025-1`; results name the version they come from. */
  readonly version: string;
  /** The title. */
  readonly title: LocalizedText;
  /** An introduction for respondents. */
  readonly description?: LocalizedText;
  /** The locales every text must be given in. */
  readonly locales: readonly string[];
  /** The locale shown when none is asked for; one of `locales`. */
  readonly defaultLocale: string;
  /** The sections, in order. */
  readonly sections: readonly Section[];
}

/**
 * The zod schema of a questionnaire definition: its metadata (id, version,
 * title, description, locales, default locale) and its sections of questions.
 *
 * @remarks
 * The schema checks the shape of each part. The checks that span parts
 * (unique ids, references, expressions, labels in every locale, scale
 * consistency) are done by {@link checkQuestionnaire}, which
 * {@link parseQuestionnaire} runs after the schema.
 *
 * @example
 * ```ts
 * const result = QuestionnaireSchema.safeParse({ id: 'x' });
 * result.success; // => false
 * ```
 */
export const QuestionnaireSchema: z.ZodType<Questionnaire> = z.strictObject({
  id: IdentifierSchema,
  version: z.string().min(1),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.exactOptional(),
  locales: z.array(LocaleTagSchema).min(1),
  defaultLocale: LocaleTagSchema,
  sections: z.array(SectionSchema).min(1),
});
