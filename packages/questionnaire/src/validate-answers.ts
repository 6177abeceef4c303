import { EduQualityError, isSafeKey, type Issue, type IssuePath } from '@edu-quality/core';
import type { Expression } from './expression/ast.js';
import { evaluateExpression } from './expression/evaluate-expression.js';
import { safeParseExpression } from './expression/parse-expression.js';
import { isPresent } from './internal/answers.js';
import { listItems, type Item } from './items.js';
import type { Question, Questionnaire } from './schema.js';

/** The result of {@link validateAnswers}. */
export interface ValidateAnswersResult {
  /** `true` when there is no issue. */
  readonly valid: boolean;
  /** Every problem found, in questionnaire order after the problems with keys. */
  readonly issues: Issue[];
  /** The ids of the items that skip logic hid for these answers, in questionnaire order. */
  readonly hidden: string[];
}

/**
 * Checks one respondent's answers against a questionnaire: types and ranges,
 * required questions, and answers to questions that skip logic hid.
 *
 * @remarks
 * `answers` maps item ids to answers: a question id, or — for a matrix — each
 * row id at the top level (`{ staff: 4, info: 5 }`), which is how responses
 * are stored. The nested form `{ grid: { staff: 4 } }` under the matrix
 * question id is accepted too. Answer types: a number code for `scale`,
 * matrix rows, `rating` and `nps`; an option value (string) for `single`; an
 * array of option values for `multi`; a string for `text`; a number for
 * `number`. Types are not converted (`'4'` is not `4`). A value that is
 * `undefined`, `null`, `NaN`, `''` or `[]` is no answer, as in skip logic.
 *
 * Visibility is decided in questionnaire order with
 * {@link evaluateExpression}: a section is shown when its `visibleIf` holds, a
 * question when its section is shown and its own `visibleIf` holds. The
 * answers to hidden items count as missing in later conditions, as a form
 * clears them.
 *
 * Issue codes; each issue has the `path` of the answer (`[id]`, or
 * `[matrixId, rowId]` in the nested form; `[id, index]` for a choice of a
 * multi answer) and the item id as `field`:
 *
 * - `unsafe-key`: a key such as `__proto__` (never read further);
 * - `unknown-question`: a key that is no item of the questionnaire;
 * - `duplicate-answer`: a matrix row given both at the top level and nested;
 * - `invalid-type`: an answer of the wrong type for its question;
 * - `out-of-range`: a scale code that is neither a point nor the "not
 *   applicable" code, a rating or NPS outside its range, a number outside
 *   `min`–`max`;
 * - `not-integer`: a fraction where a whole number is required;
 * - `unknown-option`: a choice that is not an option (unless `acceptUnlisted`);
 * - `duplicate-option`: a multi answer that lists a choice twice;
 * - `selection-count`: fewer than `minSelected` or more than `maxSelected` choices;
 * - `too-long`: a text longer than `maxLength` characters (code points);
 * - `required`: a required question that is shown and not answered (for a
 *   matrix, each row);
 * - `answered-hidden`: an answer to an item that skip logic hid.
 *
 * Messages name the item and never repeat a free-text answer.
 *
 * @param questionnaire - a questionnaire that passed {@link checkQuestionnaire}
 * @param answers - one respondent's answers by item id
 * @returns whether the answers are valid, every issue, and the hidden items
 * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` when a
 * `visibleIf` of the questionnaire does not parse (run
 * {@link parseQuestionnaire} first)
 *
 * @example
 * ```ts
 * const label = (en: string) => ({ en });
 * const q = parseQuestionnaire({
 *   id: 'demo', version: '1', title: label('Demo'), locales: ['en'], defaultLocale: 'en',
 *   sections: [{ id: 's1', title: label('Service'), questions: [
 *     { id: 'nps', kind: 'nps', text: label('Recommend us?'), required: true },
 *     { id: 'why', kind: 'text', text: label('Why not?'), visibleIf: '{nps} <= 6' },
 *   ] }],
 * });
 * validateAnswers(q, { nps: 9 }); // => { valid: true, issues: [], hidden: ['why'] }
 * validateAnswers(q, { nps: 11 }).issues; // => [{ code: 'out-of-range', path: ['nps'], field: 'nps' }]
 * validateAnswers(q, {}).issues.map((issue) => issue.code); // => ['required']
 * validateAnswers(q, { nps: 9, why: 'slow' }).issues.map((issue) => issue.code); // => ['answered-hidden']
 * validateAnswers(q, { nps: 3, why: 'slow', extra: 1 }).issues.map((issue) => issue.code); // => ['unknown-question']
 * ```
 */
export function validateAnswers(
  questionnaire: Questionnaire,
  answers: Readonly<Record<string, unknown>>,
): ValidateAnswersResult {
  const plan = planOf(questionnaire);
  const issues: Issue[] = [];
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    issues.push({
      code: 'invalid-type',
      message: 'the answers must be an object keyed by item id',
      path: [],
    });
    return { valid: false, issues, hidden: [] };
  }

  // Flatten the answers to item id → value, remembering where each was given.
  const given = new Map<string, { readonly value: unknown; readonly path: IssuePath }>();
  const put = (id: string, value: unknown, path: IssuePath): void => {
    if (given.has(id)) {
      issues.push({
        code: 'duplicate-answer',
        message: `${id} is answered both at the top level and under its matrix`,
        path,
        field: id,
      });
      return;
    }
    given.set(id, { value, path });
  };
  for (const key of Object.keys(answers)) {
    const value = answers[key];
    if (!isSafeKey(key)) {
      issues.push({ code: 'unsafe-key', message: `the key ${key} is not allowed`, path: [key] });
    } else if (plan.items.has(key)) {
      put(key, value, [key]);
    } else if (plan.matrices.has(key)) {
      if (!isPresent(value)) continue;
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        issues.push({
          code: 'invalid-type',
          message: `${key}: a matrix answer must be an object keyed by row id`,
          path: [key],
          field: key,
        });
        continue;
      }
      const rows = plan.matrices.get(key) as ReadonlySet<string>;
      const nested = value as Readonly<Record<string, unknown>>;
      for (const row of Object.keys(nested)) {
        if (!isSafeKey(row)) {
          issues.push({
            code: 'unsafe-key',
            message: `the key ${row} is not allowed`,
            path: [key, row],
          });
        } else if (rows.has(row)) {
          put(row, nested[row], [key, row]);
        } else {
          issues.push({
            code: 'unknown-question',
            message: `${key} has no row ${describe(row)}`,
            path: [key, row],
          });
        }
      }
    } else {
      issues.push({
        code: 'unknown-question',
        message: `the questionnaire has no item ${describe(key)}`,
        path: [key],
      });
    }
  }

  // Decide visibility in order; hidden answers count as missing further on.
  const effective = new Map<string, unknown>();
  const hidden: string[] = [];
  for (const section of plan.sections) {
    const sectionShown =
      section.visibleIf === undefined || evaluateExpression(section.visibleIf, effective);
    for (const question of section.questions) {
      const shown =
        sectionShown &&
        (question.visibleIf === undefined || evaluateExpression(question.visibleIf, effective));
      for (const item of question.items) {
        const answer = given.get(item.id);
        const present = answer !== undefined && isPresent(answer.value);
        if (!shown) {
          hidden.push(item.id);
          if (present) {
            issues.push({
              code: 'answered-hidden',
              message: `${item.id} is answered but skip logic hides it`,
              path: answer.path,
              field: item.id,
            });
          }
          continue;
        }
        if (present) {
          checkAnswer(item, answer.value, answer.path, issues);
          effective.set(item.id, answer.value);
        } else if (question.required) {
          issues.push({
            code: 'required',
            message: `${item.id} is required and not answered`,
            path: answer?.path ?? [item.id],
            field: item.id,
          });
        }
      }
    }
  }
  return { valid: issues.length === 0, issues, hidden };
}

interface PlannedQuestion {
  readonly visibleIf: Expression | undefined;
  readonly required: boolean;
  readonly items: readonly Item[];
}

interface Plan {
  readonly items: ReadonlyMap<string, Item>;
  readonly matrices: ReadonlyMap<string, ReadonlySet<string>>;
  readonly sections: readonly {
    readonly visibleIf: Expression | undefined;
    readonly questions: readonly PlannedQuestion[];
  }[];
}

// Validating many responses against one questionnaire parses its skip logic
// once: the plan is kept as long as the questionnaire object lives.
const plans = new WeakMap<Questionnaire, Plan>();

function planOf(questionnaire: Questionnaire): Plan {
  const cached = plans.get(questionnaire);
  if (cached !== undefined) return cached;
  const all = listItems(questionnaire);
  const items = new Map<string, Item>();
  const byQuestion = new Map<Question, Item[]>();
  const matrices = new Map<string, Set<string>>();
  for (const item of all) {
    if (!items.has(item.id)) items.set(item.id, item);
    const list = byQuestion.get(item.question) ?? [];
    list.push(item);
    byQuestion.set(item.question, list);
    if (item.question.kind === 'matrix') {
      const rows = matrices.get(item.questionId) ?? new Set<string>();
      rows.add(item.id);
      matrices.set(item.questionId, rows);
    }
  }
  const plan: Plan = {
    items,
    matrices,
    sections: questionnaire.sections.map((section) => ({
      visibleIf: condition(section.visibleIf, `section ${section.id}`),
      questions: section.questions.map((question) => ({
        visibleIf: condition(question.visibleIf, `question ${question.id}`),
        required: question.required === true,
        items: byQuestion.get(question) ?? [],
      })),
    })),
  };
  plans.set(questionnaire, plan);
  return plan;
}

function condition(text: string | undefined, owner: string): Expression | undefined {
  if (text === undefined) return undefined;
  const parsed = safeParseExpression(text);
  if (parsed.success) return parsed.data;
  throw new EduQualityError(
    'invalid-argument',
    `validateAnswers: the visibleIf of ${owner} does not parse (${parsed.issues[0]?.message ?? ''}); check the questionnaire with parseQuestionnaire first`,
    { issues: parsed.issues },
  );
}

// Quotes a key or a code in a message: JSON-escaped and shortened.
function describe(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

function checkAnswer(item: Item, value: unknown, path: IssuePath, issues: Issue[]): void {
  const id = item.id;
  const report = (code: string, message: string, at: IssuePath = path): void => {
    issues.push({ code, message: `${id}: ${message}`, path: at, field: id });
  };
  const question = item.question;
  switch (item.kind) {
    case 'scale':
    case 'rating':
    case 'nps': {
      if (typeof value !== 'number') {
        report('invalid-type', `expected a number code, got ${typeName(value)}`);
        return;
      }
      if (value === item.notApplicable) return;
      if (item.kind === 'scale') {
        const points = item.scale?.points ?? [];
        if (!points.some((point) => point.value === value)) {
          const na =
            item.notApplicable === undefined
              ? ''
              : ` nor the "not applicable" code ${item.notApplicable}`;
          report(
            'out-of-range',
            `${value} is not a point of the scale (${points.map((p) => p.value).join(', ')})${na}`,
          );
        }
        return;
      }
      const { min, max } = item.range ?? { min: 0, max: 10 };
      if (!Number.isInteger(value)) report('not-integer', `${value} is not a whole number`);
      else if (value < min || value > max) {
        const na =
          item.notApplicable === undefined
            ? ''
            : ` or the "not applicable" code ${item.notApplicable}`;
        report('out-of-range', `${value} is outside ${min}–${max}${na}`);
      }
      return;
    }
    case 'single': {
      if (typeof value !== 'string') {
        report('invalid-type', `expected an option value (a string), got ${typeName(value)}`);
        return;
      }
      const unlisted = question.kind === 'single' && question.acceptUnlisted === true;
      if (!unlisted && !(item.options ?? []).some((option) => option.value === value)) {
        report('unknown-option', `${describe(value)} is not one of its options`);
      }
      return;
    }
    case 'multi': {
      if (!Array.isArray(value)) {
        report('invalid-type', `expected an array of option values, got ${typeName(value)}`);
        return;
      }
      const options = new Set((item.options ?? []).map((option) => option.value));
      const seen = new Set<string>();
      (value as unknown[]).forEach((choice, index) => {
        if (typeof choice !== 'string') {
          report('invalid-type', `choice ${index} is ${typeName(choice)}, not an option value`, [
            ...path,
            index,
          ]);
        } else if (!options.has(choice)) {
          report('unknown-option', `${describe(choice)} is not one of its options`, [
            ...path,
            index,
          ]);
        } else if (seen.has(choice)) {
          report('duplicate-option', `${describe(choice)} is chosen twice`, [...path, index]);
        }
        if (typeof choice === 'string') seen.add(choice);
      });
      if (question.kind === 'multi') {
        const count = value.length;
        if (question.minSelected !== undefined && count < question.minSelected) {
          report('selection-count', `${count} chosen, at least ${question.minSelected} required`);
        } else if (question.maxSelected !== undefined && count > question.maxSelected) {
          report('selection-count', `${count} chosen, at most ${question.maxSelected} allowed`);
        }
      }
      return;
    }
    case 'text': {
      if (typeof value !== 'string') {
        report('invalid-type', `expected a text, got ${typeName(value)}`);
        return;
      }
      if (question.kind === 'text' && question.maxLength !== undefined) {
        // Characters as people count them: code points, not UTF-16 units.
        const length = Array.from(value).length;
        if (length > question.maxLength) {
          report(
            'too-long',
            `the text has ${length} characters, at most ${question.maxLength} allowed`,
          );
        }
      }
      return;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        report(
          'invalid-type',
          `expected a finite number, got ${typeof value === 'number' ? String(value) : typeName(value)}`,
        );
        return;
      }
      if (question.kind !== 'number') return;
      if (question.integer === true && !Number.isInteger(value))
        report('not-integer', `${value} is not a whole number`);
      if (question.min !== undefined && value < question.min)
        report('out-of-range', `${value} is below the minimum ${question.min}`);
      else if (question.max !== undefined && value > question.max)
        report('out-of-range', `${value} is above the maximum ${question.max}`);
      return;
    }
  }
}
