import { EduQualityError, type Issue } from '@edu-quality/core';
import type * as z from 'zod';
import { checkQuestionnaire } from './check-questionnaire.js';
import { QuestionnaireSchema, type Questionnaire } from './schema.js';

/** The result of {@link safeParseQuestionnaire}: the questionnaire, or every issue found. */
export type SafeParseQuestionnaireResult =
  | { readonly success: true; readonly data: Questionnaire }
  | { readonly success: false; readonly issues: Issue[] };

/**
 * Validates a questionnaire definition, read from JSON or written in code,
 * and returns it typed.
 *
 * @remarks
 * Two stages: the zod schema {@link QuestionnaireSchema} checks the shape of
 * each part, then {@link checkQuestionnaire} checks what spans parts (unique
 * ids, references, skip logic, translations, scale consistency). The second
 * stage runs only when the first passes, since it needs the shape. Zod's
 * issue codes are given in kebab case (`invalid_type` → `invalid-type`).
 * Keys the schema does not know are dropped, as zod objects do. The input is
 * not modified; the result is a new object.
 *
 * @param input - the definition, for example the result of `JSON.parse`
 * @returns the questionnaire
 * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-input` carrying every
 * issue found, each with a path
 *
 * @example
 * ```ts
 * const definition = {
 *   id: 'demo', version: '2025-1', title: { en: 'Demo' }, locales: ['en'], defaultLocale: 'en',
 *   sections: [{ id: 's1', title: { en: 'Service' }, questions: [{ id: 'nps', kind: 'nps', text: { en: 'Recommend us?' } }] }],
 * };
 * parseQuestionnaire(definition).sections[0]?.questions[0]?.kind; // => 'nps'
 * parseQuestionnaire({ ...definition, defaultLocale: 'lt' }); // throws
 * ```
 */
export function parseQuestionnaire(input: unknown): Questionnaire {
  const result = safeParseQuestionnaire(input);
  if (result.success) return result.data;
  const count = result.issues.length;
  throw new EduQualityError(
    'invalid-input',
    `parseQuestionnaire: the questionnaire has ${count} ${count === 1 ? 'issue' : 'issues'}; the first: ${
      result.issues[0]?.message ?? ''
    }`,
    { issues: result.issues },
  );
}

/**
 * Validates a questionnaire definition without throwing: the questionnaire,
 * or every issue found.
 *
 * @remarks
 * The same two stages as {@link parseQuestionnaire}.
 *
 * @param input - the definition
 * @returns `{ success: true, data }` or `{ success: false, issues }`
 *
 * @example
 * ```ts
 * const result = safeParseQuestionnaire({ id: 'demo', version: '1', title: { en: 'Demo' }, locales: ['en'], defaultLocale: 'en', sections: [] });
 * result.success; // => false
 * result.success ? [] : result.issues; // => [{ code: 'too-small', path: ['sections'] }]
 * ```
 */
export function safeParseQuestionnaire(input: unknown): SafeParseQuestionnaireResult {
  const parsed = QuestionnaireSchema.safeParse(input);
  if (!parsed.success) return { success: false, issues: parsed.error.issues.map(fromZodIssue) };
  const issues = checkQuestionnaire(parsed.data);
  return issues.length > 0 ? { success: false, issues } : { success: true, data: parsed.data };
}

function fromZodIssue(issue: z.core.$ZodIssue): Issue {
  return {
    code: issue.code.replaceAll('_', '-'),
    message: issue.message,
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
  };
}
