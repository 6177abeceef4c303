// The `eduQuality` extension that our exporters write beside the parts a
// format cannot say natively (NPS vs. rating, "not applicable" codes, item
// roles, the questionnaire id), so that an export imports back unchanged.
import { LocalizedTextSchema, type IssuePath, type LocalizedText } from '@edu-quality/core';
import * as z from 'zod';
import { IdentifierSchema, ItemRoleSchema, MAX_SCALE_CODE, type ItemMeta } from '../../schema.js';
import type { Issues } from './import-support.js';

export interface QuestionExtension extends ItemMeta {
  readonly kind?: 'nps' | 'scale' | 'single' | 'rating';
  readonly notApplicable?: { readonly value: number; readonly label?: LocalizedText };
  readonly minLabel?: LocalizedText;
  readonly maxLabel?: LocalizedText;
  readonly acceptUnlisted?: boolean;
  readonly rows?: Readonly<Record<string, ItemMeta>>;
}

export interface SurveyExtension {
  readonly id?: string;
  readonly version?: string;
  readonly locales?: readonly string[];
  readonly title?: LocalizedText;
  readonly description?: LocalizedText;
}

const meta = {
  dimension: IdentifierSchema.exactOptional(),
  role: ItemRoleSchema.exactOptional(),
  importanceOf: IdentifierSchema.exactOptional(),
};

const QuestionExtensionSchema: z.ZodType<QuestionExtension> = z.strictObject({
  ...meta,
  kind: z.enum(['nps', 'scale', 'single', 'rating']).exactOptional(),
  notApplicable: z
    .strictObject({
      value: z.int().min(0).max(MAX_SCALE_CODE),
      label: LocalizedTextSchema.exactOptional(),
    })
    .exactOptional(),
  minLabel: LocalizedTextSchema.exactOptional(),
  maxLabel: LocalizedTextSchema.exactOptional(),
  acceptUnlisted: z.boolean().exactOptional(),
  rows: z.record(IdentifierSchema, z.strictObject(meta)).exactOptional(),
});

const SurveyExtensionSchema: z.ZodType<SurveyExtension> = z.strictObject({
  id: IdentifierSchema.exactOptional(),
  version: z.string().min(1).exactOptional(),
  locales: z.array(z.string()).min(1).exactOptional(),
  title: LocalizedTextSchema.exactOptional(),
  description: LocalizedTextSchema.exactOptional(),
});

function read<T>(
  schema: z.ZodType<T>,
  value: unknown,
  issues: Issues,
  path: IssuePath,
): T | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      issues.add('invalid-extension', 'the eduQuality extension is not JSON; it is ignored', path);
      return undefined;
    }
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  issues.add(
    'invalid-extension',
    `the eduQuality extension is ignored: ${parsed.error.issues[0]?.message ?? 'invalid'} at ${parsed.error.issues[0]?.path.join('.') ?? ''}`,
    path,
  );
  return undefined;
}

export function readQuestionExtension(
  value: unknown,
  issues: Issues,
  path: IssuePath,
): QuestionExtension {
  return read(QuestionExtensionSchema, value, issues, path) ?? {};
}

export function readSurveyExtension(
  value: unknown,
  issues: Issues,
  path: IssuePath,
): SurveyExtension {
  return read(SurveyExtensionSchema, value, issues, path) ?? {};
}

/** Copies the item metadata present on `from`. */
export function metaOf(from: ItemMeta): ItemMeta {
  const out: { dimension?: string; role?: NonNullable<ItemMeta['role']>; importanceOf?: string } =
    {};
  if (from.dimension !== undefined) out.dimension = from.dimension;
  if (from.role !== undefined) out.role = from.role;
  if (from.importanceOf !== undefined) out.importanceOf = from.importanceOf;
  return out;
}
