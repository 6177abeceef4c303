import {
  isLocaleTag,
  isSafeKey,
  missingLocales,
  type Issue,
  type IssuePath,
  type LocalizedText,
} from '@edu-quality/core';
import { expressionReferences } from './expression/expression-references.js';
import { safeParseExpression } from './expression/parse-expression.js';
import {
  IDENTIFIER_PATTERN,
  MAX_SCALE_CODE,
  type ItemRole,
  type NotApplicable,
  type Option,
  type Question,
  type Questionnaire,
  type Scale,
  type Section,
} from './schema.js';

/**
 * Runs the static checks of a questionnaire definition that span more than
 * one field, and reports every problem found, each with a path.
 *
 * @remarks
 * {@link parseQuestionnaire} runs these checks after the zod schema; call this
 * function directly on a definition built in code. The checks and their
 * issue codes:
 *
 * - Locales: each is a BCP 47 tag (`invalid-locale`) listed once
 *   (`duplicate-locale`); `defaultLocale` is one of them (`unknown-locale`).
 * - Labels: the title, descriptions, section titles, question texts, matrix
 *   row texts, scale point labels, "not applicable" labels, option labels and
 *   min/max labels have a text in every declared locale (`missing-translation`).
 * - Ids: each id matches {@link IDENTIFIER_PATTERN} and is not a reserved
 *   JavaScript name (`invalid-id`); question ids and matrix row ids share one
 *   namespace, section ids another, and within each an id is used once
 *   (`duplicate-id`, reported at the second use).
 * - Importance links: `importanceOf` names an existing item whose role is
 *   `satisfaction` (`invalid-reference`), or a dimension that satisfaction
 *   items measure (`unknown-reference` when it is neither),
 *   and is set only on an item whose role is `importance` (`invalid-role`); an
 *   `importance` item has one (`missing-reference`). On a matrix question it
 *   would be ignored, so it is reported there too (`invalid-reference`): set it
 *   on the rows.
 * - Skip logic: each `visibleIf` parses (`invalid-expression`, with `column`
 *   the 1-based character position in the expression), refers only to items —
 *   questions or matrix rows, not a matrix question itself
 *   (`unknown-reference`) — and only to items that come earlier in the
 *   questionnaire (`forward-reference`): a question's condition to items of
 *   earlier questions, a section's condition to items before the section.
 * - Scales: point codes are integers from 0 to {@link MAX_SCALE_CODE}
 *   (`invalid-code`), strictly ascending (`scale-order`), at least two
 *   (`scale-order`); the "not applicable" code is not a point, nor within a
 *   rating's range (`not-applicable-conflict`).
 * - Ranges: a rating has `min < max`, a number question `min <= max`, a multi
 *   question `minSelected <= maxSelected <= options` (`invalid-range`).
 * - Options: values are unique within a question (`duplicate-option`); a
 *   single question without `acceptUnlisted` has at least one (`no-options`).
 *
 * Issues come in a stable order: locales, then invalid and duplicate ids,
 * then the remaining checks section by section, question by question. The
 * input is not modified.
 *
 * @param questionnaire - a questionnaire of the {@link Questionnaire} shape
 * @returns every problem found; empty when the definition is consistent
 *
 * @example
 * ```ts
 * const text = (en: string, lt: string) => ({ en, lt });
 * const scale = { points: [{ value: 1, label: text('Bad', 'Blogai') }, { value: 2, label: text('Good', 'Gerai') }] };
 * const issues = checkQuestionnaire({
 *   id: 'demo', version: '1', title: text('Demo', 'Demo'), locales: ['en', 'lt'], defaultLocale: 'en',
 *   sections: [{ id: 's1', title: text('Service', 'Paslauga'), questions: [
 *     { id: 'q1', kind: 'scale', text: { en: 'Staff' }, scale, visibleIf: '{q2} = 1' },
 *     { id: 'q1', kind: 'nps', text: text('Recommend?', 'Rekomenduotumėte?') },
 *   ] }],
 * });
 * issues.map((issue) => issue.code); // => ['duplicate-id', 'missing-translation', 'unknown-reference']
 * issues[1]; // => { code: 'missing-translation', path: ['sections', 0, 'questions', 0, 'text'] }
 * ```
 */
export function checkQuestionnaire(questionnaire: Questionnaire): Issue[] {
  return new Checker(questionnaire).run();
}

// Where an id was declared and what it names.
interface Declaration {
  readonly path: IssuePath;
  // The position of the item in questionnaire order; a matrix question takes
  // the position of its first row, so "earlier" is well defined for it too.
  readonly position: number;
  // `matrix` for a matrix question (not an item: its rows are), `item` otherwise.
  readonly what: 'item' | 'matrix';
  readonly role: ItemRole | undefined;
}

// The checks are typed for a Questionnaire but also run on definitions built
// in plain JavaScript; a missing list is read as empty instead of throwing.
function list<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [];
}

class Checker {
  private readonly issues: Issue[] = [];
  private readonly locales: readonly string[];
  private readonly items = new Map<string, Declaration>();
  private readonly sections = new Map<string, IssuePath>();
  // Dimensions measured by at least one satisfaction item: an importance item
  // may weigh a whole dimension (one importance question per dimension is how
  // municipal questionnaires pair them).
  private readonly satisfactionDimensions = new Set<string>();

  constructor(private readonly questionnaire: Questionnaire) {
    this.locales = list(questionnaire.locales);
  }

  private report(code: string, message: string, path: IssuePath, extra: Partial<Issue> = {}): void {
    this.issues.push({ ...extra, code, message, path });
  }

  run(): Issue[] {
    const q = this.questionnaire;
    this.checkLocales();
    this.checkId(q.id, ['id']);
    this.text(q.title, ['title']);
    if (q.description !== undefined) this.text(q.description, ['description']);

    const sections: readonly Section[] = list(q.sections);
    // First pass: declare every id, so that references in either direction resolve.
    let position = 0;
    const sectionStart: number[] = [];
    const questionStart: number[][] = [];
    sections.forEach((section, s) => {
      sectionStart.push(position);
      const starts: number[] = [];
      questionStart.push(starts);
      const sectionPath = ['sections', s];
      if (this.checkId(section.id, [...sectionPath, 'id'])) {
        const first = this.sections.get(section.id);
        if (first === undefined) this.sections.set(section.id, [...sectionPath, 'id']);
        else this.duplicate(section.id, 'section', first, [...sectionPath, 'id']);
      }
      list(section.questions).forEach((question, i) => {
        starts.push(position);
        const path = [...sectionPath, 'questions', i];
        if (question.kind === 'matrix') {
          this.declare(question.id, [...path, 'id'], position, 'matrix', question.role);
          list(question.rows).forEach((row, r) => {
            this.declare(
              row.id,
              [...path, 'rows', r, 'id'],
              position++,
              'item',
              row.role ?? question.role,
            );
            const dimension = row.dimension ?? question.dimension;
            if ((row.role ?? question.role) === 'satisfaction' && dimension !== undefined)
              this.satisfactionDimensions.add(dimension);
          });
        } else {
          const role = question.role ?? (question.kind === 'nps' ? 'recommend' : undefined);
          this.declare(question.id, [...path, 'id'], position++, 'item', role);
          if (role === 'satisfaction' && question.dimension !== undefined)
            this.satisfactionDimensions.add(question.dimension);
        }
      });
    });

    // Second pass: everything else, in document order.
    sections.forEach((section, s) => {
      const sectionPath = ['sections', s];
      this.text(section.title, [...sectionPath, 'title']);
      if (section.description !== undefined)
        this.text(section.description, [...sectionPath, 'description']);
      if (section.visibleIf !== undefined) {
        this.expression(
          section.visibleIf,
          [...sectionPath, 'visibleIf'],
          sectionStart[s] ?? 0,
          `section ${section.id}`,
        );
      }
      list(section.questions).forEach((question, i) => {
        this.question(question, [...sectionPath, 'questions', i], questionStart[s]?.[i] ?? 0);
      });
    });
    return this.issues;
  }

  private checkLocales(): void {
    const seen = new Set<string>();
    this.locales.forEach((locale, i) => {
      if (!isLocaleTag(locale) || !isSafeKey(locale)) {
        this.report('invalid-locale', `${JSON.stringify(locale)} is not a BCP 47 language tag`, [
          'locales',
          i,
        ]);
      } else if (seen.has(locale)) {
        this.report('duplicate-locale', `locale ${locale} is listed twice`, ['locales', i]);
      }
      seen.add(locale);
    });
    const fallback = this.questionnaire.defaultLocale;
    if (!seen.has(fallback)) {
      this.report(
        'unknown-locale',
        `the default locale ${JSON.stringify(fallback)} is not one of the locales (${this.locales.join(', ')})`,
        ['defaultLocale'],
      );
    }
  }

  private checkId(id: string, path: IssuePath): boolean {
    if (typeof id === 'string' && IDENTIFIER_PATTERN.test(id) && isSafeKey(id)) return true;
    this.report(
      'invalid-id',
      `${JSON.stringify(id)} is not a valid id (a letter or _, then letters, digits, _ . -; not a reserved name)`,
      path,
    );
    return false;
  }

  private declare(
    id: string,
    path: IssuePath,
    position: number,
    what: Declaration['what'],
    role: ItemRole | undefined,
  ): void {
    if (!this.checkId(id, path)) return;
    const first = this.items.get(id);
    if (first !== undefined) {
      this.duplicate(id, what === 'matrix' ? 'question' : 'item', first.path, path);
      return;
    }
    this.items.set(id, { path, position, what, role });
  }

  private duplicate(id: string, what: string, first: IssuePath, path: IssuePath): void {
    this.report('duplicate-id', `${what} id ${id} is already used at ${first.join('.')}`, path);
  }

  private text(text: LocalizedText, path: IssuePath): void {
    if (typeof text !== 'object' || text === null) return;
    const missing = missingLocales(text, this.locales);
    if (missing.length > 0) {
      this.report('missing-translation', `the text has no ${missing.join(', ')} translation`, path);
    }
  }

  private expression(source: string, path: IssuePath, before: number, owner: string): void {
    const parsed = safeParseExpression(source);
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        this.report(
          issue.code,
          `${owner}: visibleIf: ${issue.message}`,
          path,
          issue.column === undefined ? {} : { column: issue.column },
        );
      }
      return;
    }
    for (const id of expressionReferences(parsed.data)) {
      const target = this.items.get(id);
      if (target === undefined) {
        this.report(
          'unknown-reference',
          `${owner}: visibleIf refers to ${id}, which is not an item`,
          path,
        );
      } else if (target.what === 'matrix') {
        this.report(
          'unknown-reference',
          `${owner}: visibleIf refers to the matrix question ${id}; refer to one of its rows`,
          path,
        );
      } else if (target.position >= before) {
        this.report(
          'forward-reference',
          `${owner}: visibleIf refers to ${id}, which does not come before it`,
          path,
        );
      }
    }
  }

  private importance(
    owner: string,
    role: ItemRole | undefined,
    importanceOf: string | undefined,
    path: IssuePath,
  ): void {
    if (importanceOf === undefined) {
      if (role === 'importance') {
        this.report(
          'missing-reference',
          `${owner}: an importance item needs importanceOf, the satisfaction item it weighs`,
          path,
        );
      }
      return;
    }
    const at = [...path, 'importanceOf'];
    if (role !== 'importance') {
      this.report(
        'invalid-role',
        `${owner}: importanceOf is set but the role is ${role ?? 'not set'}, not importance`,
        at,
      );
    }
    const target = this.items.get(importanceOf);
    if (target === undefined && this.satisfactionDimensions.has(importanceOf)) return;
    if (target === undefined) {
      this.report(
        'unknown-reference',
        `${owner}: importanceOf refers to ${importanceOf}, which is neither an item nor a dimension of satisfaction items`,
        at,
      );
    } else if (target.what === 'matrix') {
      this.report(
        'invalid-reference',
        `${owner}: importanceOf refers to the matrix question ${importanceOf}; refer to one of its rows`,
        at,
      );
    } else if (target.role !== 'satisfaction') {
      this.report(
        'invalid-reference',
        `${owner}: importanceOf refers to ${importanceOf}, whose role is ${target.role ?? 'not set'}, not satisfaction`,
        at,
      );
    }
  }

  private question(question: Question, path: IssuePath, start: number): void {
    const owner = `question ${question.id}`;
    this.text(question.text, [...path, 'text']);
    if (question.description !== undefined)
      this.text(question.description, [...path, 'description']);
    if (question.visibleIf !== undefined)
      this.expression(question.visibleIf, [...path, 'visibleIf'], start, owner);
    if (question.kind === 'matrix') {
      if (question.importanceOf !== undefined) {
        this.report(
          'invalid-reference',
          `${owner}: importanceOf on a matrix question is ignored; set it on its rows`,
          [...path, 'importanceOf'],
        );
      }
    } else {
      const role = question.role ?? (question.kind === 'nps' ? 'recommend' : undefined);
      this.importance(owner, role, question.importanceOf, path);
    }

    switch (question.kind) {
      case 'scale':
        this.scale(owner, question.scale, [...path, 'scale']);
        break;
      case 'matrix':
        this.scale(owner, question.scale, [...path, 'scale']);
        list(question.rows).forEach((row, r) => {
          const rowPath = [...path, 'rows', r];
          this.text(row.text, [...rowPath, 'text']);
          this.importance(`row ${row.id}`, row.role ?? question.role, row.importanceOf, rowPath);
        });
        break;
      case 'rating':
        this.labels(question, path);
        if (!(question.min < question.max)) {
          this.report(
            'invalid-range',
            `${owner}: min ${question.min} is not below max ${question.max}`,
            [...path, 'max'],
          );
        }
        if (question.notApplicable !== undefined) {
          this.notApplicable(question.notApplicable, [...path, 'notApplicable']);
          const na = question.notApplicable.value;
          if (na >= question.min && na <= question.max) {
            this.report(
              'not-applicable-conflict',
              `${owner}: the "not applicable" code ${na} lies within the rating ${question.min}–${question.max}`,
              [...path, 'notApplicable', 'value'],
            );
          }
        }
        break;
      case 'nps':
        this.labels(question, path);
        break;
      case 'single':
        this.options(owner, list(question.options), [...path, 'options']);
        if (list(question.options).length === 0 && question.acceptUnlisted !== true) {
          this.report(
            'no-options',
            `${owner}: a single-choice question needs options unless acceptUnlisted is set`,
            [...path, 'options'],
          );
        }
        break;
      case 'multi': {
        this.options(owner, list(question.options), [...path, 'options']);
        const { minSelected, maxSelected } = question;
        const count = list(question.options).length;
        if (minSelected !== undefined && maxSelected !== undefined && minSelected > maxSelected) {
          this.report(
            'invalid-range',
            `${owner}: minSelected ${minSelected} is above maxSelected ${maxSelected}`,
            [...path, 'minSelected'],
          );
        }
        if (maxSelected !== undefined && maxSelected > count) {
          this.report(
            'invalid-range',
            `${owner}: maxSelected ${maxSelected} is above the ${count} options`,
            [...path, 'maxSelected'],
          );
        }
        if (minSelected !== undefined && minSelected > count) {
          this.report(
            'invalid-range',
            `${owner}: minSelected ${minSelected} is above the ${count} options`,
            [...path, 'minSelected'],
          );
        }
        break;
      }
      case 'number':
        if (
          question.min !== undefined &&
          question.max !== undefined &&
          !(question.min <= question.max)
        ) {
          this.report(
            'invalid-range',
            `${owner}: min ${question.min} is above max ${question.max}`,
            [...path, 'max'],
          );
        }
        break;
      case 'text':
        break;
    }
  }

  private labels(
    question: { readonly minLabel?: LocalizedText; readonly maxLabel?: LocalizedText },
    path: IssuePath,
  ): void {
    if (question.minLabel !== undefined) this.text(question.minLabel, [...path, 'minLabel']);
    if (question.maxLabel !== undefined) this.text(question.maxLabel, [...path, 'maxLabel']);
  }

  private notApplicable(na: NotApplicable, path: IssuePath): void {
    this.text(na.label, [...path, 'label']);
    this.code(na.value, [...path, 'value']);
  }

  private code(value: number, path: IssuePath): boolean {
    if (Number.isInteger(value) && value >= 0 && value <= MAX_SCALE_CODE) return true;
    this.report(
      'invalid-code',
      `${String(value)} is not an integer code from 0 to ${MAX_SCALE_CODE}`,
      path,
    );
    return false;
  }

  private scale(owner: string, scale: Scale, path: IssuePath): void {
    if (typeof scale !== 'object' || scale === null) return;
    const points = list(scale.points);
    if (points.length < 2) {
      this.report('scale-order', `${owner}: a scale needs at least two points`, [
        ...path,
        'points',
      ]);
    }
    let previous: number | undefined;
    points.forEach((point, i) => {
      const at = [...path, 'points', i];
      this.text(point.label, [...at, 'label']);
      if (!this.code(point.value, [...at, 'value'])) return;
      if (previous !== undefined && point.value <= previous) {
        this.report(
          'scale-order',
          point.value === previous
            ? `${owner}: the code ${point.value} is used by two points`
            : `${owner}: the points are not in ascending order (${point.value} after ${previous})`,
          [...at, 'value'],
        );
      }
      previous = previous === undefined ? point.value : Math.max(previous, point.value);
    });
    if (scale.notApplicable !== undefined) {
      this.notApplicable(scale.notApplicable, [...path, 'notApplicable']);
      const na = scale.notApplicable.value;
      if (points.some((point) => point.value === na)) {
        this.report(
          'not-applicable-conflict',
          `${owner}: the "not applicable" code ${na} is also a point of the scale`,
          [...path, 'notApplicable', 'value'],
        );
      }
    }
  }

  private options(owner: string, options: readonly Option[], path: IssuePath): void {
    const seen = new Set<string>();
    options.forEach((option, i) => {
      this.text(option.label, [...path, i, 'label']);
      if (seen.has(option.value)) {
        this.report(
          'duplicate-option',
          `${owner}: the option value ${JSON.stringify(option.value)} is used twice`,
          [...path, i, 'value'],
        );
      }
      seen.add(option.value);
    });
  }
}
