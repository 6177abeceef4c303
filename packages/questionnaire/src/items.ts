import type { LocalizedText } from '@edu-quality/core';
import type { ItemRole, Option, Question, QuestionKind, Questionnaire, Scale } from './schema.js';

/**
 * One answerable item of a questionnaire, as the index and the response
 * storage see it: a question, or a row of a matrix question.
 */
export interface Item {
  /** The item id: the question id, or the row id for a matrix row. */
  readonly id: string;
  /** The id of the question that holds the item (equal to `id` except for matrix rows). */
  readonly questionId: string;
  /** The id of the section that holds the item. */
  readonly sectionId: string;
  /** The question kind; a matrix row has kind `scale`. */
  readonly kind: Exclude<QuestionKind, 'matrix'>;
  /** The item text (a matrix row's own text). */
  readonly text: LocalizedText;
  /** The dimension it measures, if any. */
  readonly dimension?: string;
  /** Its role for the index, if any. */
  readonly role?: ItemRole;
  /** For an importance item: the satisfaction item it weighs. */
  readonly importanceOf?: string;
  /** The scale of a scale item or matrix row. */
  readonly scale?: Scale;
  /** The lowest and highest score code of a scale, rating or NPS item. */
  readonly range?: { readonly min: number; readonly max: number };
  /** The "not applicable / don't know" code of a scale or rating item. */
  readonly notApplicable?: number;
  /** The choices of a single or multi item. */
  readonly options?: readonly Option[];
  /** The question it belongs to. */
  readonly question: Question;
}

/**
 * Lists the answerable items of a questionnaire in order: each question, with
 * each row of a matrix question as an item of its own that shares the matrix's
 * scale.
 *
 * @remarks
 * A matrix row takes the dimension and role of its row, or else those of the
 * matrix question.
 *
 * @param questionnaire - a parsed questionnaire
 * @returns the items, in questionnaire order
 *
 * @example
 * ```ts
 * const label = (en: string) => ({ en });
 * const scale = { points: [1, 2, 3, 4, 5].map((value) => ({ value, label: label(String(value)) })) };
 * const q = parseQuestionnaire({
 *   id: 'demo', version: '1', title: label('Demo'), locales: ['en'], defaultLocale: 'en',
 *   sections: [{ id: 's1', title: label('Service'), questions: [
 *     { id: 'grid', kind: 'matrix', text: label('Rate'), scale, rows: [
 *       { id: 'staff', text: label('Staff'), dimension: 'staff' },
 *       { id: 'info', text: label('Information'), dimension: 'information' },
 *     ] },
 *     { id: 'nps', kind: 'nps', text: label('Recommend?') },
 *   ] }],
 * });
 * listItems(q).map((item) => item.id); // => ['staff', 'info', 'nps']
 * listItems(q)[1]?.range; // => { min: 1, max: 5 }
 * ```
 */
export function listItems(questionnaire: Questionnaire): Item[] {
  const items: Item[] = [];
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      if (question.kind === 'matrix') {
        for (const row of question.rows) {
          items.push(
            defined({
              id: row.id,
              questionId: question.id,
              sectionId: section.id,
              kind: 'scale' as const,
              text: row.text,
              dimension: row.dimension ?? question.dimension,
              role: row.role ?? question.role,
              importanceOf: row.importanceOf,
              scale: question.scale,
              range: scaleRange(question.scale),
              notApplicable: question.scale.notApplicable?.value,
              question,
            }),
          );
        }
        continue;
      }
      const base = {
        id: question.id,
        questionId: question.id,
        sectionId: section.id,
        kind: question.kind,
        text: question.text,
        dimension: question.dimension,
        role: question.role ?? (question.kind === 'nps' ? ('recommend' as const) : undefined),
        importanceOf: question.importanceOf,
        question,
      };
      switch (question.kind) {
        case 'scale':
          items.push(
            defined({
              ...base,
              scale: question.scale,
              range: scaleRange(question.scale),
              notApplicable: question.scale.notApplicable?.value,
            }),
          );
          break;
        case 'rating':
          items.push(
            defined({
              ...base,
              range: { min: question.min, max: question.max },
              notApplicable: question.notApplicable?.value,
            }),
          );
          break;
        case 'nps':
          items.push(defined({ ...base, range: { min: 0, max: 10 } }));
          break;
        case 'single':
        case 'multi':
          items.push(defined({ ...base, options: question.options }));
          break;
        default:
          items.push(defined(base));
      }
    }
  }
  return items;
}

/**
 * The lowest and highest point codes of a scale.
 *
 * @param scale - a Likert scale
 * @returns its smallest and largest point values
 *
 * @example
 * ```ts
 * scaleRange({ points: [{ value: 1, label: { en: 'Bad' } }, { value: 4, label: { en: 'Good' } }] }); // => { min: 1, max: 4 }
 * ```
 */
export function scaleRange(scale: Scale): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const point of scale.points) {
    if (point.value < min) min = point.value;
    if (point.value > max) max = point.value;
  }
  return { min, max };
}

// Drops keys whose value is undefined, so results satisfy exactOptionalPropertyTypes.
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}
