import { isLocaleTag, isSafeKey, type IssuePath, type LocalizedText } from '@edu-quality/core';
import JSON5 from 'json5';
import type { Expression, ReferenceOperand } from '../../expression/ast.js';
import { printExpression } from '../../expression/print-expression.js';
import { MAX_SCALE_CODE, type Question, type Questionnaire, type Section } from '../../schema.js';
import {
  metaOf,
  readQuestionExtension,
  readSurveyExtension,
  type QuestionExtension,
} from '../shared/extension.js';
import {
  IdAllocator,
  Issues,
  addText,
  conjunction,
  defined,
  fillTranslations,
  finishImport,
  show,
  usedLocales,
  type FormatImportResult,
} from '../shared/import-support.js';
import { Untranslatable } from '../shared/source-expression.js';
import { translateSurveyJsExpression } from './surveyjs-expression.js';

/** Options of {@link fromSurveyJs}. */
export interface FromSurveyJsOptions {
  /** The questionnaire id when the JSON carries none. Default `surveyjs`. */
  readonly id?: string;
  /** The version when the JSON carries none. Default `1`. */
  readonly version?: string;
  /**
   * The locale of the `default` texts of a multilingual survey (SurveyJS's
   * own default locale). Default `en`. In a survey with plain texts only,
   * they are taken to be in the survey's `locale`.
   */
  readonly defaultLocale?: string;
}

type Json = Record<string, unknown>;
type Kind = Exclude<Question['kind'], 'matrix'>;

interface Pending {
  question: Question;
  conditions: { text: string; path: IssuePath }[];
}

interface PendingSection {
  section: Omit<Section, 'questions' | 'visibleIf'>;
  condition: { text: string; path: IssuePath } | undefined;
  questions: Pending[];
  path: IssuePath;
}

interface Choice {
  value: string | number;
  label: LocalizedText | undefined;
  path: IssuePath;
}

const LOCALIZABLE = new Set([
  'title',
  'description',
  'text',
  'minRateDescription',
  'maxRateDescription',
  'mininumRateDescription',
  'otherText',
  'noneText',
  'labelTrue',
  'labelFalse',
  'placeholder',
]);

// Semantic properties with no counterpart: reported, never silently dropped.
const UNSUPPORTED = [
  'enableIf',
  'requiredIf',
  'validators',
  'defaultValue',
  'defaultValueExpression',
  'correctAnswer',
  'choicesByUrl',
  'choicesFromQuestion',
  'choicesVisibleIf',
  'choicesEnableIf',
  'setValueIf',
  'resetValueIf',
  'rowsVisibleIf',
  'columnsVisibleIf',
  'triggers',
  'calculatedValues',
];

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Imports a SurveyJS survey definition (JSON, or a JavaScript-literal text
 * read as JSON5) into a questionnaire, with an issue for every part that does
 * not carry over.
 *
 * @remarks
 * Pages become sections; panels are flattened into their page (their
 * `visibleIf` joins the questions' with `and`). Question types:
 *
 * - `rating` → `rating` when it runs 0 or 1 to `max` by 1, else `scale`
 *   (also for `rateValues`); `nps` when marked by our `eduQuality` extension.
 * - `radiogroup`, `dropdown` → `scale` when every choice value is a JSON
 *   integer 0–250, else `single`; `checkbox`, `tagbox` → `multi`;
 *   `boolean` → `single` with the codes `true`/`false` (or `valueTrue`/`valueFalse`).
 * - `comment` → multiline `text`; `text` → `text`, or `number` for `inputType: number`.
 * - `matrix` → `matrix` when its columns are integer codes (else one `single`
 *   per row); a `matrixdropdown` with one column → `matrix`.
 *
 * Choices may be strings, `"value|text"` or `{ value, text }`; localizable
 * strings may be strings or `{ default, de, … }`. `questions` is read as
 * `elements` and `mininumRateDescription` as `minRateDescription`.
 * `showOtherItem`/`hasOther` and `showNoneItem` add the options `other` and
 * `none`. `visibleIf` is translated (`=`, `!=`, `<`…, `and`, `or`, `!`,
 * `empty`, `notempty`, `anyof`, `allof`, `noneof`, `contains`,
 * `notcontains`, `{matrix.row}`); a condition that uses anything else
 * (functions, arithmetic, variables) is dropped with an
 * `unsupported-expression` issue, so the question shows always. Other issue
 * codes: `invalid-json`, `unsupported-type`, `unsupported-property`,
 * `renamed-id`, `missing-translation` (a text filled from the default
 * locale, as SurveyJS shows it), `converted` (a lossy but faithful
 * conversion), `empty-section`; then those of `checkQuestionnaire`.
 *
 * @param input - the survey JSON as an object, or its text (JSON or JSON5)
 * @param options - the id, version and default locale to assume
 * @returns the questionnaire (or `undefined` when nothing importable was found) and the issues
 *
 * @example
 * ```ts
 * import { fromSurveyJs } from '@edu-quality/questionnaire/surveyjs';
 * const { questionnaire, issues } = fromSurveyJs({
 *   title: 'Service',
 *   pages: [{ name: 'p1', elements: [
 *     { type: 'rating', name: 'overall', title: 'How satisfied are you?', rateMax: 10 },
 *     { type: 'comment', name: 'why', title: 'Why?', visibleIf: '{overall} < 7' },
 *   ] }],
 * });
 * questionnaire?.sections[0]?.questions[1]; // => { id: 'why', kind: 'text', multiline: true, visibleIf: '{overall} < 7' }
 * issues; // => []
 * fromSurveyJs('{ pages: [ { name: "p", elements: [ { type: "html", name: "h" } ] } ] }').issues[0]?.code; // => 'unsupported-type'
 * ```
 */
export function fromSurveyJs(
  input: string | object,
  options: FromSurveyJsOptions = {},
): FormatImportResult {
  const issues = new Issues();
  let root: unknown = input;
  if (typeof input === 'string') {
    try {
      root = JSON5.parse(input);
    } catch (error) {
      issues.add(
        'invalid-json',
        `the text is not JSON or JSON5: ${error instanceof Error ? error.message : 'unreadable'}`,
        [],
      );
      return finishImport(undefined, issues);
    }
  }
  if (!isObject(root)) {
    issues.add('invalid-json', 'a SurveyJS survey is a JSON object', []);
    return finishImport(undefined, issues);
  }
  return new SurveyJsImport(root, options, issues).run();
}

class SurveyJsImport {
  private readonly ids: IdAllocator;
  private readonly sectionIds: IdAllocator;
  private readonly defaultTag: string;
  private readonly quiet = new WeakSet<object>();
  private readonly byName = new Map<string, ReferenceOperand>();
  private readonly kinds = new Map<string, Kind>();
  private readonly surveyLocale: string | undefined;

  constructor(
    private readonly root: Json,
    private readonly options: FromSurveyJsOptions,
    private readonly issues: Issues,
  ) {
    this.ids = new IdAllocator(issues, 'question');
    this.sectionIds = new IdAllocator(issues, 'page');
    const locale = root['locale'];
    if (typeof locale === 'string' && locale !== '') {
      if (isLocaleTag(locale) && isSafeKey(locale)) this.surveyLocale = locale;
      else
        issues.add('invalid-locale', `the survey locale ${show(locale)} is not a language tag`, [
          'locale',
        ]);
    }
    const fallback = options.defaultLocale ?? 'en';
    this.defaultTag = multilingual(root) ? fallback : (this.surveyLocale ?? fallback);
  }

  run(): FormatImportResult {
    const root = this.root;
    const ext = readSurveyExtension(root['eduQuality'], this.issues, ['eduQuality']);
    for (const key of UNSUPPORTED) {
      if (root[key] !== undefined)
        this.issues.add('unsupported-property', `the survey's ${key} is not imported`, [key]);
    }
    const pages: { page: Json; path: IssuePath }[] = [];
    if (Array.isArray(root['pages'])) {
      root['pages'].forEach((page, p) => {
        if (isObject(page)) pages.push({ page, path: ['pages', p] });
        else
          this.issues.add('invalid-element', 'a page is not an object; it is ignored', [
            'pages',
            p,
          ]);
      });
    }
    if (root['elements'] !== undefined || root['questions'] !== undefined)
      pages.unshift({ page: root, path: [] });
    const sections: PendingSection[] = [];
    for (const { page, path } of pages) sections.push(this.page(page, path));
    // Expressions are translated once every id is known.
    const finished: Section[] = [];
    for (const pending of sections) {
      const questions = pending.questions.map(({ question, conditions }) => {
        const visibleIf = this.conditions(conditions);
        return visibleIf === undefined ? question : { ...question, visibleIf };
      });
      if (questions.length === 0) {
        this.issues.add(
          'empty-section',
          'the page has no question that could be imported; it is left out',
          pending.path,
        );
        continue;
      }
      const visibleIf =
        pending.condition === undefined ? undefined : this.conditions([pending.condition]);
      finished.push(defined({ ...pending.section, visibleIf, questions }));
    }
    const id = ext.id ?? this.options.id ?? 'surveyjs';
    const title = this.text(root['title'], ['title']) ?? ext.title;
    const draft: Questionnaire = defined({
      id,
      version: ext.version ?? this.options.version ?? '1',
      title: title ?? this.auto(id),
      description: this.text(root['description'], ['description']) ?? ext.description,
      locales: [],
      defaultLocale: this.surveyLocale ?? this.defaultTag,
      sections: finished,
    });
    if (title === undefined)
      this.issues.add('missing-title', `the survey has no title; its id ${show(id)} is used`, [
        'title',
      ]);
    const used = usedLocales(draft);
    const locales =
      ext.locales !== undefined && ext.locales.includes(draft.defaultLocale)
        ? [...ext.locales]
        : [draft.defaultLocale, ...used.filter((l) => l !== draft.defaultLocale)];
    const withLocales = { ...draft, locales };
    const quiet = this.quiet;
    const filled = fillTranslations(withLocales, this.issues, (text) => quiet.has(text));
    return finishImport(filled, this.issues);
  }

  /** A label SurveyJS derives from a name or value: the same in every language. */
  private auto(value: string): LocalizedText {
    const text = { [this.defaultTag]: value };
    this.quiet.add(text);
    return text;
  }

  private text(value: unknown, path: IssuePath): LocalizedText | undefined {
    const out: Record<string, string> = {};
    if (isObject(value)) {
      for (const [key, text] of Object.entries(value)) {
        addText(out, key === 'default' ? this.defaultTag : key, text, this.issues, [...path, key]);
      }
    } else addText(out, this.defaultTag, value, this.issues, path);
    return Object.keys(out).length > 0 ? out : undefined;
  }

  private page(page: Json, path: IssuePath): PendingSection {
    const name = typeof page['name'] === 'string' ? page['name'] : '';
    const id = this.sectionIds.claim(name, [...path, 'name'], 'page');
    const visibleIf = page['visibleIf'];
    const pending: PendingSection = {
      section: defined({
        id,
        title: this.text(page['title'], [...path, 'title']) ?? this.auto(name === '' ? id : name),
        description: this.text(page['description'], [...path, 'description']),
      }),
      condition:
        typeof visibleIf === 'string' && visibleIf.trim() !== ''
          ? { text: visibleIf, path: [...path, 'visibleIf'] }
          : undefined,
      questions: [],
      path,
    };
    this.elements(page, path, pending, []);
    return pending;
  }

  private elements(
    container: Json,
    path: IssuePath,
    into: PendingSection,
    inherited: Pending['conditions'],
  ): void {
    const key = container['elements'] !== undefined ? 'elements' : 'questions';
    const list = container[key];
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      this.issues.add('invalid-element', `${key} is not a list`, [...path, key]);
      return;
    }
    list.forEach((element, e) => {
      const at = [...path, key, e];
      if (!isObject(element)) {
        this.issues.add('invalid-element', 'an element is not an object; it is ignored', at);
        return;
      }
      const conditions = [...inherited];
      const visibleIf = element['visibleIf'];
      if (typeof visibleIf === 'string' && visibleIf.trim() !== '')
        conditions.push({ text: visibleIf, path: [...at, 'visibleIf'] });
      if (element['type'] === 'panel') {
        if (element['title'] !== undefined || element['description'] !== undefined) {
          this.issues.add(
            'converted',
            'the panel is flattened into its page; its title and description are not kept',
            at,
          );
        }
        this.unsupported(element, at);
        this.elements(element, at, into, conditions);
        return;
      }
      for (const question of this.question(element, at))
        into.questions.push({ question, conditions });
    });
  }

  private unsupported(element: Json, at: IssuePath): void {
    for (const key of UNSUPPORTED) {
      if (element[key] !== undefined)
        this.issues.add('unsupported-property', `${key} is not imported`, [...at, key]);
    }
    if (element['visible'] === false) {
      this.issues.add(
        'unsupported-property',
        'the element is hidden (visible: false); it is imported as visible',
        [...at, 'visible'],
      );
    }
  }

  private choices(value: unknown, path: IssuePath): Choice[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.issues.add('invalid-element', 'the choices are not a list', path);
      return [];
    }
    const out: Choice[] = [];
    value.forEach((item, i) => {
      const at = [...path, i];
      if (typeof item === 'number') out.push({ value: item, label: undefined, path: at });
      else if (typeof item === 'string') {
        const bar = item.indexOf('|');
        out.push(
          bar < 0
            ? { value: item, label: undefined, path: at }
            : { value: item.slice(0, bar), label: this.text(item.slice(bar + 1), at), path: at },
        );
      } else if (
        isObject(item) &&
        (typeof item['value'] === 'string' || typeof item['value'] === 'number')
      ) {
        out.push({
          value: item['value'],
          label: this.text(item['text'], [...at, 'text']),
          path: at,
        });
      } else if (typeof item === 'boolean')
        out.push({ value: String(item), label: undefined, path: at });
      else
        this.issues.add(
          'invalid-choice',
          'a choice has no string or number value; it is ignored',
          at,
        );
    });
    return out;
  }

  private question(el: Json, at: IssuePath): Question[] {
    const type = typeof el['type'] === 'string' ? el['type'] : '';
    const name =
      typeof el['name'] === 'string' || typeof el['name'] === 'number' ? String(el['name']) : '';
    const handled = [
      'rating',
      'radiogroup',
      'dropdown',
      'checkbox',
      'tagbox',
      'boolean',
      'comment',
      'text',
      'matrix',
      'matrixdropdown',
    ];
    if (!handled.includes(type)) {
      this.issues.add(
        'unsupported-type',
        `the element type ${show(type)} has no counterpart; ${show(name)} is not imported`,
        [...at, 'type'],
      );
      return [];
    }
    this.unsupported(el, at);
    const ext = readQuestionExtension(el['eduQuality'], this.issues, [...at, 'eduQuality']);
    const id = this.ids.claim(name, [...at, 'name'], 'q');
    const base = defined({
      id,
      text: this.text(el['title'], [...at, 'title']) ?? this.auto(name === '' ? id : name),
      description: this.text(el['description'], [...at, 'description']),
      required: el['isRequired'] === true ? true : undefined,
      ...metaOf(ext),
    });
    const made = this.kindOf(type, el, at, base, ext, name);
    if (made.length === 0) return [];
    for (const question of made) {
      if (question.kind === 'matrix') {
        for (const row of question.rows) this.kinds.set(row.id, 'scale');
      } else this.kinds.set(question.id, question.kind);
    }
    const first = made[0] as Question;
    if (first.id === id) {
      this.byName.set(name, { type: 'reference', id });
      if (first.kind === 'matrix') {
        for (const row of first.rows)
          this.byName.set(`${name}.${row.id}`, { type: 'reference', id: row.id });
      }
    }
    return made;
  }

  private kindOf(
    type: string,
    el: Json,
    at: IssuePath,
    base: Pick<Question, 'id' | 'text'> & Partial<Question>,
    ext: QuestionExtension,
    name: string,
  ): Question[] {
    const minLabel = this.text(el['minRateDescription'] ?? el['mininumRateDescription'], [
      ...at,
      'minRateDescription',
    ]);
    const maxLabel = this.text(el['maxRateDescription'], [...at, 'maxRateDescription']);
    switch (type) {
      case 'rating': {
        if (ext.kind === 'nps')
          return [defined({ ...base, kind: 'nps' as const, minLabel, maxLabel })];
        const rateValues = this.choices(el['rateValues'], [...at, 'rateValues']);
        if (rateValues.length > 0)
          return this.choiceQuestion(base, rateValues, ext, at, el, 'rating');
        const num = (key: string, fallback: number): number =>
          typeof el[key] === 'number' ? el[key] : fallback;
        const min = num('rateMin', 1);
        const step = num('rateStep', 1);
        const max = num(
          'rateMax',
          typeof el['rateCount'] === 'number' ? min + (el['rateCount'] - 1) * step : 5,
        );
        const ints =
          [min, max, step].every(Number.isInteger) &&
          step > 0 &&
          min >= 0 &&
          max > min &&
          max <= MAX_SCALE_CODE;
        if (!ints) {
          this.issues.add(
            'unsupported-type',
            `a rating from ${min} to ${max} by ${step} is not an integer scale of codes 0–${MAX_SCALE_CODE}; ${show(name)} is not imported`,
            at,
          );
          return [];
        }
        const notApplicable = this.extNotApplicable(ext, at);
        if (step === 1 && min <= 1)
          return [
            defined({
              ...base,
              kind: 'rating' as const,
              min,
              max,
              minLabel,
              maxLabel,
              notApplicable,
            }),
          ];
        const points = [];
        for (let value = min; value <= max; value += step)
          points.push({ value, label: this.auto(String(value)) });
        if (minLabel !== undefined) points[0] = { value: min, label: minLabel };
        if (maxLabel !== undefined && points.length > 1)
          points[points.length - 1] = {
            value: (points[points.length - 1] as { value: number }).value,
            label: maxLabel,
          };
        this.issues.add(
          'converted',
          `a rating from ${min} by ${step} is imported as a scale with the points ${points.map((p) => p.value).join(', ')}`,
          at,
        );
        return [
          defined({ ...base, kind: 'scale' as const, scale: defined({ points, notApplicable }) }),
        ];
      }
      case 'radiogroup':
      case 'dropdown':
        return this.choiceQuestion(
          base,
          this.withExtras(el, at, this.choices(el['choices'], [...at, 'choices'])),
          ext,
          at,
          el,
          'single',
        );
      case 'checkbox':
      case 'tagbox': {
        const options = this.toOptions(
          this.withExtras(el, at, this.choices(el['choices'], [...at, 'choices'])),
        );
        if (options.length === 0) {
          this.issues.add(
            'no-options',
            `the checkbox ${show(name)} has no choices; it is not imported`,
            at,
          );
          return [];
        }
        const count = (key: string): number | undefined =>
          Number.isInteger(el[key]) && (el[key] as number) > 0 ? (el[key] as number) : undefined;
        return [
          defined({
            ...base,
            kind: 'multi' as const,
            options,
            minSelected: count('minSelectedChoices'),
            maxSelected: count('maxSelectedChoices'),
          }),
        ];
      }
      case 'boolean': {
        const code = (key: string, fallback: string): string =>
          typeof el[key] === 'string' || typeof el[key] === 'number' || typeof el[key] === 'boolean'
            ? String(el[key])
            : fallback;
        const options = [
          {
            value: code('valueTrue', 'true'),
            label: this.text(el['labelTrue'], [...at, 'labelTrue']) ?? { [this.defaultTag]: 'Yes' },
          },
          {
            value: code('valueFalse', 'false'),
            label: this.text(el['labelFalse'], [...at, 'labelFalse']) ?? {
              [this.defaultTag]: 'No',
            },
          },
        ];
        return [{ ...base, kind: 'single' as const, options }];
      }
      case 'comment':
        return [
          defined({
            ...base,
            kind: 'text' as const,
            multiline: true,
            maxLength: positiveInt(el['maxLength']),
          }),
        ];
      case 'text': {
        const inputType = typeof el['inputType'] === 'string' ? el['inputType'] : 'text';
        if (inputType === 'number' || inputType === 'range') {
          const bound = (key: string): number | undefined =>
            typeof el[key] === 'number' && Number.isFinite(el[key]) ? el[key] : undefined;
          for (const key of ['min', 'max']) {
            if (el[key] !== undefined && bound(key) === undefined)
              this.issues.add(
                'unsupported-property',
                `the ${key} ${show(el[key])} is not a number; it is not imported`,
                [...at, key],
              );
          }
          return [
            defined({
              ...base,
              kind: 'number' as const,
              min: bound('min'),
              max: bound('max'),
              integer: el['step'] === 1 ? true : undefined,
            }),
          ];
        }
        if (inputType !== 'text') {
          this.issues.add(
            'converted',
            `the input type ${show(inputType)} is imported as free text`,
            [...at, 'inputType'],
          );
        }
        return [
          defined({ ...base, kind: 'text' as const, maxLength: positiveInt(el['maxLength']) }),
        ];
      }
      case 'matrix':
      case 'matrixdropdown': {
        let columns: Choice[];
        if (type === 'matrixdropdown') {
          const cols = Array.isArray(el['columns']) ? el['columns'] : [];
          const column: unknown = cols[0];
          if (cols.length !== 1 || !isObject(column)) {
            this.issues.add(
              'unsupported-type',
              `a matrixdropdown with ${cols.length} columns has no counterpart; ${show(name)} is not imported`,
              [...at, 'type'],
            );
            return [];
          }
          columns = this.choices(
            column['choices'] ?? el['choices'],
            column['choices'] !== undefined ? [...at, 'columns', 0, 'choices'] : [...at, 'choices'],
          );
          this.issues.add(
            'converted',
            `the matrixdropdown's one column ${show(column['name'])} is imported as a matrix: answers are read per row, not per row and column`,
            at,
          );
        } else columns = this.choices(el['columns'], [...at, 'columns']);
        const rows = this.choices(el['rows'], [...at, 'rows']);
        if (rows.length === 0) {
          this.issues.add(
            'unsupported-type',
            `the matrix ${show(name)} has no rows; it is not imported`,
            at,
          );
          return [];
        }
        const scale = this.scaleOf(columns, ext, at);
        if (scale === undefined) {
          this.issues.add(
            'converted',
            `the matrix ${show(name)} has columns that are not integer codes; each row is imported as a single-choice question`,
            at,
          );
          const options = this.toOptions(columns);
          return rows.map((row, r) => {
            const rowId = this.ids.claim(String(row.value), [...at, 'rows', r], 'row');
            return defined({
              id: rowId,
              kind: 'single' as const,
              text: row.label ?? this.auto(String(row.value)),
              description: base.text,
              required: base.required,
              options,
            });
          });
        }
        const matrixRows = rows.map((row, r) => {
          const raw = String(row.value);
          const rowId =
            this.ids.has(raw) || this.ids.has(`${base.id}.${raw}`)
              ? this.ids.claim(`${base.id}.${raw}`, [...at, 'rows', r], 'row')
              : this.ids.claim(raw, [...at, 'rows', r], 'row');
          const meta =
            ext.rows !== undefined && Object.hasOwn(ext.rows, raw)
              ? metaOf(ext.rows[raw] as object)
              : {};
          this.byName.set(`${name}.${raw}`, { type: 'reference', id: rowId });
          return { id: rowId, text: row.label ?? this.auto(raw), ...meta };
        });
        return [{ ...base, kind: 'matrix' as const, scale, rows: matrixRows }];
      }
      default:
        return [];
    }
  }

  private withExtras(el: Json, at: IssuePath, choices: Choice[]): Choice[] {
    const out = [...choices];
    if (el['showOtherItem'] === true || el['hasOther'] === true) {
      out.push({
        value: 'other',
        label: this.text(el['otherText'], [...at, 'otherText']) ?? { [this.defaultTag]: 'Other' },
        path: [...at, 'showOtherItem'],
      });
      this.issues.add(
        'converted',
        'the "other" item is imported as the option other; the text typed beside it (<name>-Comment) is not part of the questionnaire',
        [...at, el['showOtherItem'] === true ? 'showOtherItem' : 'hasOther'],
      );
    }
    if (el['showNoneItem'] === true || el['hasNone'] === true) {
      out.push({
        value: 'none',
        label: this.text(el['noneText'], [...at, 'noneText']) ?? { [this.defaultTag]: 'None' },
        path: [...at, 'showNoneItem'],
      });
    }
    return out;
  }

  private toOptions(choices: Choice[]): { value: string; label: LocalizedText }[] {
    const out: { value: string; label: LocalizedText }[] = [];
    for (const choice of choices) {
      const value = String(choice.value);
      if (value === '' || !isSafeKey(value)) {
        this.issues.add(
          'invalid-choice',
          `the choice value ${show(value)} cannot be an option code; it is ignored`,
          choice.path,
        );
        continue;
      }
      out.push({ value, label: choice.label ?? this.auto(value) });
    }
    return out;
  }

  private extNotApplicable(
    ext: QuestionExtension,
    at: IssuePath,
  ): { value: number; label: LocalizedText } | undefined {
    const na = ext.notApplicable;
    if (na === undefined) return undefined;
    if (na.label === undefined) {
      this.issues.add(
        'invalid-extension',
        'the "not applicable" answer of the extension has no label; it is ignored',
        [...at, 'eduQuality'],
      );
      return undefined;
    }
    return { value: na.value, label: na.label };
  }

  /** A scale from integer choice codes, or undefined when the codes are not integers 0–250. */
  private scaleOf(
    choices: Choice[],
    ext: QuestionExtension,
    at: IssuePath,
  ):
    | {
        points: { value: number; label: LocalizedText }[];
        notApplicable?: { value: number; label: LocalizedText };
      }
    | undefined {
    if (choices.length < 2 || ext.kind === 'single') return undefined;
    if (
      !choices.every(
        (c) =>
          typeof c.value === 'number' &&
          Number.isInteger(c.value) &&
          c.value >= 0 &&
          c.value <= MAX_SCALE_CODE,
      )
    )
      return undefined;
    const naValue = ext.notApplicable?.value;
    let notApplicable: { value: number; label: LocalizedText } | undefined;
    const points = [];
    for (const choice of choices) {
      const value = choice.value as number;
      const label = choice.label ?? this.auto(String(value));
      if (value === naValue) notApplicable = { value, label: ext.notApplicable?.label ?? label };
      else points.push({ value, label });
    }
    if (naValue !== undefined && notApplicable === undefined)
      notApplicable = this.extNotApplicable(ext, at);
    // A scale's points ascend; SurveyJS lists them in display order (often 5 … 1).
    points.sort((a, b) => a.value - b.value);
    if (points.length < 2) return undefined;
    return notApplicable === undefined ? { points } : { points, notApplicable };
  }

  private choiceQuestion(
    base: Pick<Question, 'id' | 'text'> & Partial<Question>,
    choices: Choice[],
    ext: QuestionExtension,
    at: IssuePath,
    el: Json,
    from: 'rating' | 'single',
  ): Question[] {
    const scale = this.scaleOf(choices, ext, at);
    if (scale !== undefined) {
      const contiguous = scale.points.every(
        (p, i) => p.value === (scale.points[0]?.value ?? 0) + i,
      );
      const first = scale.points[0]?.value ?? 0;
      const numeric = choices.every((c) => c.label === undefined);
      if (from === 'rating' && contiguous && first <= 1 && numeric) {
        return [
          defined({
            ...base,
            kind: 'rating' as const,
            min: first,
            max: first + scale.points.length - 1,
            notApplicable: scale.notApplicable,
          }),
        ];
      }
      return [defined({ ...base, kind: 'scale' as const, scale })];
    }
    const options = this.toOptions(choices);
    if (options.length === 0 && ext.acceptUnlisted !== true) {
      this.issues.add('no-options', `${show(el['name'])} has no choices; it is not imported`, at);
      return [];
    }
    return [
      defined({
        ...base,
        kind: 'single' as const,
        options,
        acceptUnlisted: ext.acceptUnlisted === true ? true : undefined,
      }),
    ];
  }

  private conditions(list: { text: string; path: IssuePath }[]): string | undefined {
    const parts: Expression[] = [];
    for (const { text, path } of list) {
      try {
        parts.push(
          translateSurveyJsExpression(
            text,
            (name) => this.resolve(name),
            (id) => this.kinds.get(id),
          ),
        );
      } catch (error) {
        if (!(error instanceof Untranslatable)) throw error;
        this.issues.add(
          'unsupported-expression',
          `the condition ${show(text)} is not imported (${error.message}); the element shows always`,
          path,
        );
      }
    }
    const all = conjunction(parts);
    return all === undefined ? undefined : printExpression(all);
  }

  private resolve(name: string): ReferenceOperand {
    const found = this.byName.get(name);
    if (found === undefined) throw new Untranslatable(`{${name}} names no imported question`);
    return found;
  }
}

function positiveInt(value: unknown): number | undefined {
  return Number.isInteger(value) && (value as number) > 0 ? (value as number) : undefined;
}

function multilingual(root: unknown): boolean {
  const stack: unknown[] = [root];
  let seen = 0;
  while (stack.length > 0 && seen++ < 100_000) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...(value as unknown[]));
    else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (
          LOCALIZABLE.has(key) &&
          isObject(child) &&
          Object.keys(child).some((k) => k !== 'default')
        )
          return true;
        if (typeof child === 'object') stack.push(child);
      }
    }
  }
  return false;
}
