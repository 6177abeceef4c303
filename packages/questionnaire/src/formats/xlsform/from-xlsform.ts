import { isLocaleTag, isSafeKey, type IssuePath, type LocalizedText } from '@edu-quality/core';
import type { Expression, ReferenceOperand } from '../../expression/ast.js';
import { printExpression } from '../../expression/print-expression.js';
import {
  MAX_SCALE_CODE,
  type MatrixRow,
  type Option,
  type Question,
  type Questionnaire,
  type Scale,
  type Section,
} from '../../schema.js';
import {
  metaOf,
  readQuestionExtension,
  readSurveyExtension,
  type QuestionExtension,
} from '../shared/extension.js';
import {
  IdAllocator,
  Issues,
  conjunction,
  defined,
  fillTranslations,
  finishImport,
  show,
  type FormatImportResult,
} from '../shared/import-support.js';
import { Untranslatable, parseSource, type SourceNode } from '../shared/source-expression.js';
import { XPATH, translateXlsFormExpression } from './xlsform-expression.js';

/** One row of an XLSForm sheet: cell values keyed by column header. */
export type XlsFormRow = Readonly<Record<string, unknown>>;

/** The sheets of an XLSForm, each as a list of rows keyed by header. */
export interface XlsFormSheets {
  /** The `survey` sheet. */
  readonly survey: readonly XlsFormRow[];
  /** The `choices` sheet. */
  readonly choices?: readonly XlsFormRow[];
  /** The `settings` sheet (one row). */
  readonly settings?: readonly XlsFormRow[];
}

/** Options of {@link fromXlsForm}. */
export interface FromXlsFormOptions {
  /** The questionnaire id when `settings.form_id` is absent. Default `xlsform`. */
  readonly id?: string;
  /** The version when `settings.version` is absent. Default `1`. */
  readonly version?: string;
  /** The locale of unsuffixed `label` columns when `default_language` is absent. Default `en`. */
  readonly defaultLocale?: string;
  /** Language names of `label::Name` columns mapped to locale tags, beyond the built-in few. */
  readonly languages?: Readonly<Record<string, string>>;
}

// Language names without a `(code)` suffix, as pyxform fixtures and Kobo write them.
const LANGUAGES: Readonly<Record<string, string>> = {
  english: 'en',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  german: 'de',
  deutsch: 'de',
  lithuanian: 'lt',
  lietuvių: 'lt',
  russian: 'ru',
  русский: 'ru',
  portuguese: 'pt',
  português: 'pt',
  arabic: 'ar',
  swahili: 'sw',
  polish: 'pl',
  polski: 'pl',
  latvian: 'lv',
  estonian: 'et',
  ukrainian: 'uk',
};

const LOCALIZED = new Set([
  'label',
  'hint',
  'constraint_message',
  'required_message',
  'guidance_hint',
]);

const UNSUPPORTED_COLUMNS = [
  'calculation',
  'choice_filter',
  'default',
  'readonly',
  'trigger',
  'repeat_count',
];

interface Cell {
  readonly value: string;
  readonly column: string;
}

interface Row {
  readonly n: number; // 1-based data row (the header is row 1)
  readonly sheet: string;
  readonly cells: ReadonlyMap<string, Cell>;
  readonly texts: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

type Node =
  | { readonly t: 'q'; readonly row: Row }
  | { readonly t: 'group'; readonly row: Row; readonly children: Node[] };

interface Pending {
  question: Question;
  conditions: { text: string; path: IssuePath }[];
}

/** Canonical column name: lower case, `bind:`/`control:` prefixes off, legacy spellings mapped. */
function canonicalColumn(header: string): { name: string; language: string | undefined } {
  const raw = header.trim();
  let base = raw;
  let language: string | undefined;
  const double = raw.indexOf('::');
  if (double >= 0) {
    base = raw.slice(0, double);
    language = raw.slice(double + 2).trim();
  }
  let name = base.trim().toLowerCase().replace(/\s+/g, '_');
  name = name.replace(/^(bind|control|body)::?/, '');
  if (language === undefined) {
    // Single-colon variants: `label:English`, `jr:constraintMsg`.
    const single = /^(label|hint|constraint_message|required_message|media:image|image):(.+)$/.exec(
      name,
    );
    if (single !== null && single[1] !== undefined && single[2] !== undefined) {
      name = single[1];
      language = base
        .trim()
        .slice(base.trim().indexOf(':') + 1)
        .trim();
    }
  }
  const legacy: Record<string, string> = {
    'jr:constraintmsg': 'constraint_message',
    'jr:requiredmsg': 'required_message',
    list: 'list_name',
    'list name': 'list_name',
  };
  return { name: legacy[name] ?? name, language };
}

/**
 * Imports an XLSForm (its `survey`, `choices` and `settings` sheets, each as
 * rows keyed by column header) into a questionnaire, with an issue for every
 * part that does not carry over.
 *
 * @remarks
 * Rows are plain records, so sheets parsed from CSV in a browser work as well
 * as sheets read from an `.xlsx` (see `@edu-quality/questionnaire/xlsx`).
 * Headers are read case-insensitively, with `bind:`/`control:` prefixes,
 * `list name`, `label::English (en)`, `label::English` and `label:English`.
 *
 * Top-level groups become sections (questions outside any group gather in
 * sections of their own); a nested group with `appearance: table-list` whose
 * questions are `select_one` of one integer-coded list becomes a `matrix`;
 * other nested groups are flattened, their `relevant` joined with `and`.
 * Types: `select_one L` → `scale` when `appearance` has `likert` and the
 * codes are integers 0–250, else `single`; `select_multiple L` → `multi`;
 * `text` → `text` (`multiline` appearance); `integer`, `decimal` → `number`;
 * `range` → `rating` (start 0 or 1, step 1) or `scale`; the legacy aliases
 * `select one from L`, `select all that apply from L`, `string`, `int` and
 * `… or specify other`. `relevant` is translated (`${q}`, `=`, `!=`, `<`…,
 * `and`, `or`, `not()`, `selected()`, `${q} != ''`, `count-selected()`,
 * `string-length()`); `required` is read when `yes`/`true`; `constraint`
 * when it bounds a number (`. >= 1 and . <= 5`), a text length
 * (`string-length(.) <= 200`) or a choice count (`count-selected(.) <= 3`).
 * Settings: `form_id`, `form_title`, `version`, `default_language`.
 *
 * Issues (each with `row`, and the `field`): `unsupported-type` (notes,
 * dates, media, repeats… are left out), `unsupported-expression`,
 * `unsupported-constraint`, `unsupported-property`, `unknown-list`,
 * `unknown-language`, `converted`, `renamed-id`, `missing-translation`,
 * `unbalanced-group`; then those of `checkQuestionnaire`.
 *
 * @param sheets - the sheets as rows keyed by header
 * @param options - the id, version, default locale and language names to assume
 * @returns the questionnaire (or `undefined` when nothing importable was found) and the issues
 *
 * @example
 * ```ts
 * import { fromXlsForm } from '@edu-quality/questionnaire/xlsform';
 * const { questionnaire, issues } = fromXlsForm({
 *   survey: [
 *     { type: 'select_one yn', name: 'visited', label: 'Did you visit?', required: 'yes' },
 *     { type: 'range', name: 'score', label: 'Score', parameters: 'start=1 end=10', relevant: "${visited} = 'yes'" },
 *   ],
 *   choices: [
 *     { list_name: 'yn', name: 'yes', label: 'Yes' },
 *     { list_name: 'yn', name: 'no', label: 'No' },
 *   ],
 *   settings: [{ form_id: 'visit', form_title: 'Visit' }],
 * });
 * questionnaire?.sections[0]?.questions[1]; // => { id: 'score', kind: 'rating', min: 1, max: 10, visibleIf: "{visited} = 'yes'" }
 * issues; // => []
 * ```
 */
export function fromXlsForm(
  sheets: XlsFormSheets,
  options: FromXlsFormOptions = {},
): FormatImportResult {
  return new XlsFormImport(sheets, options).run();
}

class XlsFormImport {
  private readonly issues = new Issues();
  private readonly ids = new IdAllocator(this.issues, 'question');
  private readonly sectionIds = new IdAllocator(this.issues, 'group');
  private readonly lists = new Map<string, { name: string; label: LocalizedText; row: Row }[]>();
  private readonly byName = new Map<string, ReferenceOperand>();
  private readonly kinds = new Map<string, Exclude<Question['kind'], 'matrix'>>();
  private readonly languageTags = new Map<string, string | undefined>();
  private readonly quiet = new WeakSet<object>();
  private defaultTag: string;
  private readonly seenLocales: string[] = [];
  private formTitle: LocalizedText | undefined;

  constructor(
    private readonly sheets: XlsFormSheets,
    private readonly options: FromXlsFormOptions,
  ) {
    this.defaultTag = options.defaultLocale ?? 'en';
  }

  private issue(code: string, message: string, row: Row | undefined, field?: string): void {
    const issue: { code: string; message: string; row?: number; field?: string; path?: IssuePath } =
      { code, message };
    if (row !== undefined) {
      issue.path = [row.sheet];
      issue.row = row.n;
    }
    if (field !== undefined) issue.field = field;
    this.issues.list.push(issue);
  }

  /** The locale tag of a language column suffix, or undefined (reported once). */
  private tagOf(
    language: string | undefined,
    row: Row | undefined,
    column: string,
  ): string | undefined {
    if (language === undefined || language === '') return this.defaultTag;
    if (this.languageTags.has(language)) return this.languageTags.get(language);
    let tag: string | undefined;
    const code = /\(([^()]+)\)\s*$/.exec(language);
    const custom = this.options.languages;
    if (custom !== undefined && Object.hasOwn(custom, language)) tag = custom[language];
    else if (code?.[1] !== undefined) tag = code[1].trim();
    else if (Object.hasOwn(LANGUAGES, language.toLowerCase()))
      tag = LANGUAGES[language.toLowerCase()];
    else if (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language)) tag = language;
    if (tag !== undefined && (!isLocaleTag(tag) || !isSafeKey(tag))) tag = undefined;
    if (tag !== undefined) tag = tag.replace(/^[A-Za-z]+/, (l) => l.toLowerCase());
    this.languageTags.set(language, tag);
    if (tag === undefined) {
      this.issue(
        'unknown-language',
        `the language ${show(language)} has no language code (write it as "Name (code)" or pass options.languages); its texts are ignored`,
        row,
        column,
      );
    } else if (!this.seenLocales.includes(tag)) this.seenLocales.push(tag);
    return tag;
  }

  private rows(sheet: 'survey' | 'choices' | 'settings'): Row[] {
    const list = this.sheets[sheet] ?? [];
    if (!Array.isArray(list)) {
      this.issue('invalid-sheet', `the ${sheet} sheet is not a list of rows`, undefined);
      return [];
    }
    return list.map((record: XlsFormRow, i): Row => {
      const cells = new Map<string, Cell>();
      const texts = new Map<string, Record<string, string>>();
      const n = i + 2;
      const row: Row = { n, sheet, cells, texts };
      if (typeof record !== 'object' || record === null) return row;
      for (const [header, raw] of Object.entries(record)) {
        if (raw === undefined || raw === null) continue;
        const value = (
          typeof raw === 'string'
            ? raw
            : typeof raw === 'number' || typeof raw === 'boolean'
              ? String(raw)
              : ''
        ).trim();
        if (value === '') continue;
        const { name, language } = canonicalColumn(header);
        if (LOCALIZED.has(name)) {
          const tag = this.tagOf(language, row, header);
          if (tag === undefined) continue;
          const into = texts.get(name) ?? {};
          into[tag] = value;
          texts.set(name, into);
          this.seen(tag);
        } else if (!cells.has(name)) cells.set(name, { value, column: header });
      }
      return row;
    });
  }

  private seen(tag: string): void {
    if (!this.seenLocales.includes(tag)) this.seenLocales.push(tag);
  }

  private cell(row: Row, name: string): string | undefined {
    return row.cells.get(name)?.value;
  }

  private text(row: Row, name: string): LocalizedText | undefined {
    const text = row.texts.get(name);
    return text === undefined ? undefined : { ...text };
  }

  private auto(value: string): LocalizedText {
    const text = { [this.defaultTag]: value };
    this.quiet.add(text);
    return text;
  }

  run(): FormatImportResult {
    // Settings first: default_language decides what unsuffixed columns mean.
    const settings = this.rows('settings')[0];
    const defaultLanguage =
      settings === undefined ? undefined : this.cell(settings, 'default_language');
    if (defaultLanguage !== undefined && defaultLanguage !== 'default') {
      const tag = this.tagOf(defaultLanguage, settings, 'default_language');
      if (tag !== undefined) this.defaultTag = tag;
    }
    const ext =
      settings === undefined
        ? {}
        : readSurveyExtension(this.cell(settings, 'edu_quality'), this.issues, [
            'settings',
            'edu_quality',
          ]);
    for (const row of this.rows('choices')) {
      const list = this.cell(row, 'list_name');
      const name = this.cell(row, 'name');
      if (list === undefined && name === undefined) continue;
      if (list === undefined || name === undefined) {
        this.issue('invalid-choice', 'a choice needs a list_name and a name; it is ignored', row);
        continue;
      }
      const entries = this.lists.get(list) ?? [];
      entries.push({ name, label: this.text(row, 'label') ?? this.auto(name), row });
      this.lists.set(list, entries);
    }
    const formTitleCell = settings === undefined ? undefined : this.cell(settings, 'form_title');
    this.formTitle =
      ext.title ?? (formTitleCell === undefined ? undefined : this.auto(formTitleCell));
    const tree = this.tree(this.rows('survey'));
    const pendingSections = this.sections(tree);
    const sections: Section[] = [];
    for (const { section, condition, questions } of pendingSections) {
      const finished = questions.map(({ question, conditions }) => {
        const visibleIf = this.conditions(conditions);
        return visibleIf === undefined ? question : { ...question, visibleIf };
      });
      const visibleIf = condition === undefined ? undefined : this.conditions([condition]);
      sections.push(defined({ ...section, visibleIf, questions: finished }));
    }
    const formId = settings === undefined ? undefined : this.cell(settings, 'form_id');
    const idFallback = ext.id ?? this.options.id ?? 'xlsform';
    const id =
      formId !== undefined && /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/.test(formId) && isSafeKey(formId)
        ? formId
        : idFallback;
    if (formId !== undefined && id !== formId)
      this.issue(
        'renamed-id',
        `the form_id ${show(formId)} is not a valid id; ${show(id)} is used`,
        settings,
        'form_id',
      );
    const title = this.formTitle ?? this.auto(id);
    const locales =
      ext.locales !== undefined && ext.locales.includes(this.defaultTag)
        ? [...ext.locales]
        : [this.defaultTag, ...this.seenLocales.filter((l) => l !== this.defaultTag)];
    const draft: Questionnaire = defined({
      id,
      version:
        (settings === undefined ? undefined : this.cell(settings, 'version')) ??
        ext.version ??
        this.options.version ??
        '1',
      title,
      description: ext.description,
      locales,
      defaultLocale: this.defaultTag,
      sections,
    });
    const quiet = this.quiet;
    return finishImport(
      fillTranslations(draft, this.issues, (text) => quiet.has(text)),
      this.issues,
    );
  }

  private tree(rows: Row[]): Node[] {
    const root: Node[] = [];
    const stack: { children: Node[]; row: Row | undefined; repeat: boolean }[] = [
      { children: root, row: undefined, repeat: false },
    ];
    for (const row of rows) {
      const type = (this.cell(row, 'type') ?? '').toLowerCase().replace(/\s+/g, ' ');
      if (type === '') {
        if (row.cells.size > 0 || row.texts.size > 0)
          this.issue('unsupported-type', 'a row without a type is ignored', row, 'type');
        continue;
      }
      const top = stack[stack.length - 1] as (typeof stack)[number];
      if (
        type === 'begin group' ||
        type === 'begin_group' ||
        type === 'begin repeat' ||
        type === 'begin_repeat'
      ) {
        const repeat = type.endsWith('repeat');
        if (repeat)
          this.issue(
            'unsupported-type',
            `the repeat ${show(this.cell(row, 'name'))} has no counterpart; it and its questions are not imported`,
            row,
            'type',
          );
        const node: Node = { t: 'group', row, children: [] };
        if (!top.repeat && !repeat) top.children.push(node);
        stack.push({ children: node.children, row, repeat: top.repeat || repeat });
        continue;
      }
      if (
        type === 'end group' ||
        type === 'end_group' ||
        type === 'end repeat' ||
        type === 'end_repeat'
      ) {
        if (stack.length === 1)
          this.issue('unbalanced-group', `an ${type} closes no group; it is ignored`, row, 'type');
        else stack.pop();
        continue;
      }
      if (!top.repeat) top.children.push({ t: 'q', row });
    }
    if (stack.length > 1)
      this.issue(
        'unbalanced-group',
        'a group is not closed; it is closed at the end of the sheet',
        stack[stack.length - 1]?.row,
        'type',
      );
    return root;
  }

  private sections(nodes: Node[]): {
    section: Omit<Section, 'questions' | 'visibleIf'>;
    condition: Pending['conditions'][number] | undefined;
    questions: Pending[];
  }[] {
    const out: {
      section: Omit<Section, 'questions' | 'visibleIf'>;
      condition: Pending['conditions'][number] | undefined;
      questions: Pending[];
    }[] = [];
    let loose: Pending[] = [];
    const flushLoose = (): void => {
      if (loose.length === 0) return;
      const id = this.sectionIds.claim(
        out.length === 0 ? 'main' : `part_${out.length + 1}`,
        [],
        'section',
      );
      out.push({
        section: { id, title: this.formTitle ?? this.auto(id) },
        condition: undefined,
        questions: loose,
      });
      loose = [];
    };
    for (const node of nodes) {
      if (node.t === 'group' && !this.isMatrix(node)) {
        flushLoose();
        const row = node.row;
        const name = this.cell(row, 'name') ?? '';
        const id = this.sectionIds.claim(name, ['survey', row.n], 'section');
        const questions: Pending[] = [];
        for (const child of node.children) this.node(child, [], questions);
        if (questions.length === 0) {
          this.issue(
            'empty-section',
            `the group ${show(name)} has no question that could be imported; it is left out`,
            row,
          );
          continue;
        }
        const relevant = this.cell(row, 'relevant');
        out.push({
          section: defined({
            id,
            title: this.text(row, 'label') ?? this.auto(name),
            description: this.text(row, 'hint'),
          }),
          condition:
            relevant === undefined
              ? undefined
              : { text: relevant, path: ['survey', row.n, 'relevant'] },
          questions,
        });
        this.unsupportedColumns(row);
      } else this.node(node, [], loose);
    }
    flushLoose();
    return out;
  }

  private isMatrix(node: Node): boolean {
    if (node.t !== 'group') return false;
    const appearance = (this.cell(node.row, 'appearance') ?? '').toLowerCase();
    if (!appearance.split(/\s+/).includes('table-list')) return false;
    const lists = new Set<string>();
    for (const child of node.children) {
      if (child.t !== 'q') return false;
      const select = this.selectOf(child.row);
      if (select === undefined || select.multi) return false;
      lists.add(select.list);
    }
    if (lists.size !== 1) return false;
    const list = this.lists.get([...lists][0] as string);
    return list !== undefined && this.scaleOf(list, {}, undefined) !== undefined;
  }

  private selectOf(row: Row): { list: string; multi: boolean; other: boolean } | undefined {
    const type = (this.cell(row, 'type') ?? '').trim().replace(/\s+/g, ' ');
    const m =
      /^(select_one|select one|select_multiple|select multiple|select all that apply)(?: from)? (\S+)(?: (or_other|or specify other))?$/i.exec(
        type,
      );
    if (m === null) return undefined;
    return { list: m[2] as string, multi: !/one/i.test(m[1] as string), other: m[3] !== undefined };
  }

  private node(node: Node, inherited: Pending['conditions'], into: Pending[]): void {
    const row = node.row;
    const relevant = this.cell(row, 'relevant');
    const conditions =
      relevant === undefined
        ? inherited
        : [...inherited, { text: relevant, path: ['survey', row.n, 'relevant'] }];
    if (node.t === 'group') {
      if (this.isMatrix(node)) {
        const matrix = this.matrix(node);
        if (matrix !== undefined) into.push({ question: matrix, conditions });
        return;
      }
      this.issue(
        'converted',
        `the nested group ${show(this.cell(row, 'name'))} is flattened into its section; its label is not kept`,
        row,
      );
      for (const child of node.children) this.node(child, conditions, into);
      return;
    }
    const question = this.question(row);
    if (question !== undefined) into.push({ question, conditions });
  }

  private unsupportedColumns(row: Row): void {
    for (const column of UNSUPPORTED_COLUMNS) {
      const cell = row.cells.get(column);
      if (
        cell !== undefined &&
        !(column === 'readonly' && /^(no|false|false\(\))$/i.test(cell.value))
      ) {
        this.issue(
          'unsupported-property',
          `the ${column} ${show(cell.value)} is not imported`,
          row,
          cell.column,
        );
      }
    }
  }

  private base(
    row: Row,
    ext: QuestionExtension,
  ): { id: string; text: LocalizedText; description?: LocalizedText; required?: true } & ReturnType<
    typeof metaOf
  > {
    const name = this.cell(row, 'name') ?? '';
    const id = this.ids.claim(name, ['survey', row.n, 'name'], 'q');
    this.byName.set(name, { type: 'reference', id });
    const required = this.cell(row, 'required');
    let isRequired: true | undefined;
    if (required !== undefined) {
      if (/^(yes|true|true\(\)|1)$/i.test(required)) isRequired = true;
      else if (!/^(no|false|false\(\)|0)$/i.test(required)) {
        this.issue(
          'unsupported-property',
          `the required condition ${show(required)} is not imported; the question is optional`,
          row,
          row.cells.get('required')?.column,
        );
      }
    }
    this.unsupportedColumns(row);
    return defined({
      id,
      text: this.text(row, 'label') ?? this.auto(name === '' ? id : name),
      description: this.text(row, 'hint'),
      required: isRequired,
      ...metaOf(ext),
    });
  }

  private question(row: Row): Question | undefined {
    const typeCell = this.cell(row, 'type') ?? '';
    const type = typeCell.toLowerCase().replace(/\s+/g, ' ');
    const appearance = (this.cell(row, 'appearance') ?? '').toLowerCase().split(/\s+/);
    const ext = readQuestionExtension(this.cell(row, 'edu_quality'), this.issues, [
      'survey',
      row.n,
      'edu_quality',
    ]);
    const select = this.selectOf(row);
    const name = this.cell(row, 'name') ?? '';
    if (select !== undefined) {
      const list = this.lists.get(select.list);
      if (list === undefined) {
        this.issue(
          'unknown-list',
          `the choice list ${show(select.list)} is not on the choices sheet; ${show(name)} is not imported`,
          row,
          'type',
        );
        return undefined;
      }
      const options: Option[] = [];
      for (const choice of list) {
        if (!isSafeKey(choice.name)) {
          this.issue(
            'invalid-choice',
            `the choice name ${show(choice.name)} cannot be an option code; it is ignored`,
            choice.row,
            'name',
          );
          continue;
        }
        options.push({ value: choice.name, label: choice.label });
      }
      if (select.other) {
        options.push({ value: 'other', label: { [this.defaultTag]: 'Other' } });
        this.issue(
          'converted',
          'the "or other" choice is imported as the option other; the text typed beside it is not part of the questionnaire',
          row,
          'type',
        );
      }
      if (select.multi) {
        const base = this.base(row, ext);
        const bounds = this.constraint(row, 'multi');
        if (options.length === 0) {
          this.issue(
            'no-options',
            `the list ${show(select.list)} has no choices; ${show(name)} is not imported`,
            row,
            'type',
          );
          return undefined;
        }
        return this.register(
          defined({
            ...base,
            kind: 'multi' as const,
            options,
            minSelected: bounds.min,
            maxSelected: bounds.max,
          }),
        );
      }
      const scale =
        ext.kind === 'single' || !appearance.includes('likert') || select.other
          ? undefined
          : this.scaleOf(list, ext, row);
      const base = this.base(row, ext);
      this.constraint(row, 'none');
      if (scale !== undefined) return this.register({ ...base, kind: 'scale', scale });
      return this.register(
        defined({
          ...base,
          kind: 'single' as const,
          options,
          acceptUnlisted: ext.acceptUnlisted === true ? true : undefined,
        }),
      );
    }
    switch (type) {
      case 'text':
      case 'string': {
        const base = this.base(row, ext);
        if (ext.kind === 'single') {
          this.constraint(row, 'none');
          return this.register(
            defined({
              ...base,
              kind: 'single' as const,
              options: [],
              acceptUnlisted: ext.acceptUnlisted === true ? true : undefined,
            }),
          );
        }
        const bounds = this.constraint(row, 'text');
        return this.register(
          defined({
            ...base,
            kind: 'text' as const,
            multiline: appearance.includes('multiline') ? true : undefined,
            maxLength: bounds.max,
          }),
        );
      }
      case 'integer':
      case 'int':
      case 'decimal': {
        const base = this.base(row, ext);
        const bounds = this.constraint(row, type === 'decimal' ? 'number' : 'integer');
        return this.register(
          defined({
            ...base,
            kind: 'number' as const,
            min: bounds.min,
            max: bounds.max,
            integer: type === 'decimal' ? undefined : true,
          }),
        );
      }
      case 'range':
        return this.range(row, ext);
      default:
        this.issue(
          'unsupported-type',
          `the type ${show(typeCell)} has no counterpart; ${show(name)} is not imported`,
          row,
          row.cells.get('type')?.column,
        );
        return undefined;
    }
  }

  private register(question: Question): Question {
    if (question.kind === 'matrix')
      for (const row of question.rows) this.kinds.set(row.id, 'scale');
    else this.kinds.set(question.id, question.kind);
    return question;
  }

  private range(row: Row, ext: QuestionExtension): Question | undefined {
    const parameters = this.cell(row, 'parameters') ?? '';
    const params = new Map<string, number>();
    for (const m of parameters.matchAll(/(\w+)\s*=\s*(-?[\d.]+)/g))
      params.set((m[1] as string).toLowerCase(), Number(m[2]));
    const start = params.get('start') ?? 0;
    const end = params.get('end') ?? 10;
    const step = params.get('step') ?? 1;
    const base = this.base(row, ext);
    this.constraint(row, 'none');
    if (ext.kind === 'nps' && start === 0 && end === 10 && step === 1) {
      return this.register(
        defined({ ...base, kind: 'nps' as const, minLabel: ext.minLabel, maxLabel: ext.maxLabel }),
      );
    }
    if (
      ![start, end, step].every(Number.isInteger) ||
      step <= 0 ||
      start < 0 ||
      end <= start ||
      end > MAX_SCALE_CODE
    ) {
      this.issue(
        'unsupported-type',
        `a range from ${start} to ${end} by ${step} is not an integer scale of codes 0–${MAX_SCALE_CODE}; it is not imported`,
        row,
        'parameters',
      );
      return undefined;
    }
    const notApplicable =
      ext.notApplicable?.label === undefined
        ? undefined
        : { value: ext.notApplicable.value, label: ext.notApplicable.label };
    if (step === 1 && start <= 1) {
      return this.register(
        defined({
          ...base,
          kind: 'rating' as const,
          min: start,
          max: end,
          minLabel: ext.minLabel,
          maxLabel: ext.maxLabel,
          notApplicable,
        }),
      );
    }
    const points = [];
    for (let value = start; value <= end; value += step)
      points.push({ value, label: this.auto(String(value)) });
    this.issue(
      'converted',
      `a range from ${start} by ${step} is imported as a scale with the points ${points.map((p) => p.value).join(', ')}`,
      row,
      'parameters',
    );
    return this.register({
      ...base,
      kind: 'scale',
      scale: notApplicable === undefined ? { points } : { points, notApplicable },
    });
  }

  private scaleOf(
    list: { name: string; label: LocalizedText; row: Row }[],
    ext: QuestionExtension,
    row: Row | undefined,
  ): Scale | undefined {
    if (!list.every((c) => /^\d{1,3}$/.test(c.name) && Number(c.name) <= MAX_SCALE_CODE))
      return undefined;
    const naValue = ext.notApplicable?.value;
    const points: { value: number; label: LocalizedText }[] = [];
    let notApplicable: { value: number; label: LocalizedText } | undefined;
    for (const choice of list) {
      const value = Number(choice.name);
      if (value === naValue)
        notApplicable = { value, label: ext.notApplicable?.label ?? choice.label };
      else points.push({ value, label: choice.label });
    }
    if (naValue !== undefined && notApplicable === undefined && row !== undefined) {
      this.issue(
        'invalid-extension',
        `the "not applicable" code ${naValue} is not in the list; it is ignored`,
        row,
        'edu_quality',
      );
    }
    points.sort((a, b) => a.value - b.value);
    if (points.length < 2 || new Set(points.map((p) => p.value)).size !== points.length)
      return undefined;
    return notApplicable === undefined ? { points } : { points, notApplicable };
  }

  private matrix(node: Extract<Node, { t: 'group' }>): Question | undefined {
    const row = node.row;
    const ext = readQuestionExtension(this.cell(row, 'edu_quality'), this.issues, [
      'survey',
      row.n,
      'edu_quality',
    ]);
    const name = this.cell(row, 'name') ?? '';
    const id = this.ids.claim(name, ['survey', row.n, 'name'], 'q');
    const firstRow = node.children[0]?.row as Row;
    const list = this.lists.get(this.selectOf(firstRow)?.list ?? '') ?? [];
    const scale = this.scaleOf(list, ext, row);
    if (scale === undefined) return undefined;
    const rows: MatrixRow[] = [];
    let required = true;
    for (const child of node.children) {
      const r = child.row;
      const rowExt = readQuestionExtension(this.cell(r, 'edu_quality'), this.issues, [
        'survey',
        r.n,
        'edu_quality',
      ]);
      const rowName = this.cell(r, 'name') ?? '';
      const rowId = this.ids.claim(rowName, ['survey', r.n, 'name'], 'row');
      this.byName.set(rowName, { type: 'reference', id: rowId });
      if (!/^(yes|true|true\(\)|1)$/i.test(this.cell(r, 'required') ?? '')) required = false;
      if (this.cell(r, 'relevant') !== undefined)
        this.issue(
          'unsupported-expression',
          'a row of a table-list matrix cannot have its own relevant; it is ignored',
          r,
          'relevant',
        );
      this.unsupportedColumns(r);
      this.constraint(r, 'none');
      rows.push({
        id: rowId,
        text: this.text(r, 'label') ?? this.auto(rowName),
        ...metaOf(rowExt),
      });
    }
    this.unsupportedColumns(row);
    return this.register(
      defined({
        id,
        kind: 'matrix' as const,
        text: this.text(row, 'label') ?? this.auto(name === '' ? id : name),
        description: this.text(row, 'hint'),
        required: required ? (true as const) : undefined,
        ...metaOf(ext),
        scale,
        rows,
      }),
    );
  }

  /** Reads the bounds a `constraint` sets; anything else is reported. */
  private constraint(
    row: Row,
    kind: 'number' | 'integer' | 'text' | 'multi' | 'none',
  ): { min?: number; max?: number } {
    const text = this.cell(row, 'constraint');
    if (text === undefined) return {};
    const field = row.cells.get('constraint')?.column;
    const fail = (why: string): { min?: number; max?: number } => {
      const message = row.texts.get('constraint_message');
      this.issue(
        'unsupported-constraint',
        `the constraint ${show(text)} is not imported (${why})${message === undefined ? '' : ` nor its message`}`,
        row,
        field,
      );
      return {};
    };
    if (kind === 'none') return fail('only bounds of numbers, text lengths and choice counts are');
    let tree: SourceNode;
    try {
      tree = parseSource(text, XPATH);
    } catch (error) {
      if (error instanceof Untranslatable) return fail(error.message);
      throw error;
    }
    const parts = tree.t === 'nary' && tree.op === 'and' ? tree.operands : [tree];
    const bounds: { min?: number; max?: number } = {};
    for (const part of parts) {
      if (part.t !== 'bin' || part.right.t !== 'num') return fail('it is not a bound');
      const subject = part.left;
      const ok =
        kind === 'number' || kind === 'integer'
          ? subject.t === 'ref' && subject.name === '.'
          : subject.t === 'call' &&
            subject.name === (kind === 'text' ? 'string-length' : 'count-selected') &&
            subject.args.length === 1 &&
            subject.args[0]?.t === 'ref' &&
            subject.args[0].name === '.';
      if (!ok) return fail('it is not a bound of this question');
      const value = part.right.value;
      if (part.op === '>=' && bounds.min === undefined) bounds.min = value;
      else if (part.op === '<=' && bounds.max === undefined) bounds.max = value;
      else if (
        kind !== 'number' &&
        Number.isInteger(value) &&
        part.op === '>' &&
        bounds.min === undefined
      )
        bounds.min = value + 1;
      else if (
        kind !== 'number' &&
        Number.isInteger(value) &&
        part.op === '<' &&
        bounds.max === undefined
      )
        bounds.max = value - 1;
      else return fail(`the bound '${part.op}' has no counterpart`);
    }
    if (
      (kind === 'text' || kind === 'multi') &&
      ((bounds.min !== undefined && (!Number.isInteger(bounds.min) || bounds.min < 0)) ||
        (bounds.max !== undefined && (!Number.isInteger(bounds.max) || bounds.max < 1)))
    ) {
      return fail('a count bound must be a whole number');
    }
    if (kind === 'text' && bounds.min !== undefined)
      return fail('a least text length has no counterpart');
    return bounds;
  }

  private conditions(list: { text: string; path: IssuePath }[]): string | undefined {
    const parts: Expression[] = [];
    for (const { text, path } of list) {
      try {
        parts.push(
          translateXlsFormExpression(
            text,
            (name) => this.resolve(name),
            (id) => this.kinds.get(id),
          ),
        );
      } catch (error) {
        if (!(error instanceof Untranslatable)) throw error;
        const issue = {
          code: 'unsupported-expression',
          message: `the condition ${show(text)} is not imported (${error.message}); the question shows always`,
          path: [path[0] as string],
          row: path[1] as number,
          field: 'relevant',
        };
        this.issues.list.push(issue);
      }
    }
    const all = conjunction(parts);
    return all === undefined ? undefined : printExpression(all);
  }

  private resolve(name: string): ReferenceOperand {
    const found = this.byName.get(name);
    if (found === undefined) throw new Untranslatable(`\${${name}} names no imported question`);
    return found;
  }
}
