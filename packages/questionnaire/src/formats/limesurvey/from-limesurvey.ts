import { isLocaleTag, isSafeKey, type IssuePath, type LocalizedText } from '@edu-quality/core';
import { XMLParser } from 'fast-xml-parser';
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
  IdAllocator,
  Issues,
  defined,
  fillTranslations,
  finishImport,
  show,
  type FormatImportResult,
} from '../shared/import-support.js';
import {
  Translator,
  Untranslatable,
  parseSource,
  type Dialect,
  type SourceNode,
} from '../shared/source-expression.js';

/** Options of {@link fromLimeSurvey}. */
export interface FromLimeSurveyOptions {
  /** The questionnaire id. Default `limesurvey_<sid>`. */
  readonly id?: string;
  /** The version. Default `1`. */
  readonly version?: string;
}

type Table = Record<string, string>[];

const YES_NO: Readonly<Record<string, readonly [string, string]>> = {
  en: ['Yes', 'No'],
  de: ['Ja', 'Nein'],
  fr: ['Oui', 'Non'],
  es: ['Sí', 'No'],
  lt: ['Taip', 'Ne'],
  ru: ['Да', 'Нет'],
};

const LIMESURVEY: Dialect = {
  reference: () => undefined,
  words: {
    and: 'and',
    or: 'or',
    not: 'not',
    eq: '=',
    ne: '!=',
    lt: '<',
    le: '<=',
    gt: '>',
    ge: '>=',
  },
  postfix: new Set(),
  bareReferences: true,
  escapes: true,
  wordPattern: /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z]+)?/y,
};

// Safe settings: no entity expansion (so no "billion laughs" and no external
// entities), no attributes, every value kept as a string. fast-xml-parser 5
// renames a `__proto__` tag and refuses reserved names; we also read tables
// only through Object.hasOwn and copy rows into null-prototype records.
const PARSER_OPTIONS = {
  ignoreAttributes: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  cdataPropName: false,
  isArray: (_name: string, jpath: unknown): boolean =>
    typeof jpath === 'string' &&
    /(?:\.rows\.row|\.fields\.fieldname|languages\.language)$/.test(jpath),
} as const;

const own = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;

function readTable(document: unknown, name: string): Table {
  const rows = own(own(own(document, name), 'rows'), 'row');
  if (!Array.isArray(rows)) return [];
  return rows.map((row: unknown) => {
    const out = Object.create(null) as Record<string, string>;
    if (typeof row === 'object' && row !== null) {
      for (const [key, value] of Object.entries(row)) {
        if (isSafeKey(key))
          out[key] =
            typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
      }
    }
    return out;
  });
}

function plain(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/**
 * Imports a LimeSurvey survey structure (`.lss`, the XML export) into a
 * questionnaire, with an issue for every part that does not carry over.
 *
 * @remarks
 * Reads the tables `surveys`, `surveys_languagesettings`, `groups`,
 * `questions`, `subquestions`, `answers`, `question_attributes` and the
 * texts in `group_l10ns`, `question_l10ns` and `answer_l10ns` (DB version
 * 400 and later; older files with a `language` column on the main tables are
 * read too). Texts are HTML in LimeSurvey and become plain text. Groups
 * become sections (`grelevance` their condition), in `group_order`.
 *
 * Question types: `L`, `!` → `scale` when the answer codes are integers
 * 0–250, else `single` (`O` too, without its comment); `5` → `scale` 1–5;
 * `Y` → `single` `Y`/`N`; `G` → `single` `F`/`M`; `M`, `P` → `multi` whose
 * options are the subquestion codes (P's comments are not kept); `F`, `A`
 * (1–5), `B` (1–10) → `matrix` with rows `code_subcode` when the codes are
 * integers, else one `single` per row (also `C`, `E`); `N` → `number`
 * (`min_num_value_n`, `max_num_value_n`, `num_value_int_only`); `S` →
 * `text`, `T`, `U` → multiline `text` (`maximum_chars`). `other: Y` adds the
 * option `-oth-`. `mandatory: Y` → `required`. Other types (`X` text
 * display, `D`, `K`, `Q`, `R`, `1`, `:`, `;`, `*`, `|`, `I`) are reported as
 * `unsupported-type`. Questions hidden by the `hidden` attribute are imported
 * with an `unsupported-property` issue.
 *
 * `relevance` is translated from ExpressionScript: `==`, `!=`, `<`, `<=`,
 * `>`, `>=` and `eq`…`ge`, `and`/`&&`, `or`/`||`, `!`/`not`, `.NAOK` and
 * `.value`, `is_empty()`, `code_subcode` for a matrix row, and
 * `code_subcode == "Y"` for a multiple-choice option. Anything else is
 * reported (`unsupported-expression`) and the question shows always. Issue
 * paths name the table, its row (0-based) and column.
 *
 * The XML is parsed without expanding entities, and keys such as
 * `__proto__` are never assigned.
 *
 * @param lss - the text of the `.lss` file
 * @param options - the id and version to give the questionnaire
 * @returns the questionnaire (or `undefined` when nothing importable was found) and the issues
 *
 * @example
 * ```ts
 * import { fromLimeSurvey } from '@edu-quality/questionnaire/limesurvey';
 * const cell = (name: string, value: string) => `<${name}><![CDATA[${value}]]></${name}>`;
 * const lss = `<document><LimeSurveyDocType>Survey</LimeSurveyDocType><languages><language>en</language></languages>
 *   <groups><rows><row>${cell('gid', '1')}${cell('group_order', '0')}</row></rows></groups>
 *   <group_l10ns><rows><row>${cell('gid', '1')}${cell('group_name', 'Service')}${cell('language', 'en')}</row></rows></group_l10ns>
 *   <questions><rows><row>${cell('qid', '10')}${cell('parent_qid', '0')}${cell('gid', '1')}${cell('type', '5')}${cell('title', 'overall')}${cell('mandatory', 'Y')}${cell('question_order', '1')}</row></rows></questions>
 *   <question_l10ns><rows><row>${cell('qid', '10')}${cell('question', '<p>Overall?</p>')}${cell('language', 'en')}</row></rows></question_l10ns>
 *   <surveys><rows><row>${cell('sid', '123')}${cell('language', 'en')}</row></rows></surveys></document>`;
 * const { questionnaire } = fromLimeSurvey(lss);
 * questionnaire?.sections[0]?.questions[0]?.text; // => { en: 'Overall?' }
 * questionnaire?.sections[0]?.questions[0]?.required; // => true
 * ```
 */
export function fromLimeSurvey(
  lss: string,
  options: FromLimeSurveyOptions = {},
): FormatImportResult {
  const issues = new Issues();
  let document: unknown;
  try {
    if (typeof lss !== 'string') throw new Error('the input is not a string');
    document = own(new XMLParser(PARSER_OPTIONS).parse(lss), 'document');
  } catch (error) {
    issues.add(
      'invalid-xml',
      `the text is not well-formed XML: ${error instanceof Error ? error.message.slice(0, 200) : 'unreadable'}`,
      [],
    );
    return finishImport(undefined, issues);
  }
  if (
    document === undefined ||
    (own(document, 'LimeSurveyDocType') !== undefined &&
      own(document, 'LimeSurveyDocType') !== 'Survey')
  ) {
    issues.add(
      'invalid-xml',
      'the XML is not a LimeSurvey survey structure (<document> with LimeSurveyDocType Survey)',
      [],
    );
    return finishImport(undefined, issues);
  }
  return new LimeSurveyImport(document, options, issues).run();
}

interface Pending {
  question: Question;
  relevance: { text: string; path: IssuePath } | undefined;
}

class LimeSurveyImport {
  private readonly ids: IdAllocator;
  private readonly byName = new Map<string, ReferenceOperand>();
  private readonly multiOptions = new Map<string, { id: string; option: string }>();
  private readonly kinds = new Map<string, Exclude<Question['kind'], 'matrix'>>();
  private readonly locales: string[] = [];
  private readonly defaultLocale: string;
  private readonly questionTexts: Map<string, Record<string, { question: string; help: string }>>;
  private readonly answerTexts: Map<string, Record<string, string>>;
  private readonly attributes = new Map<string, Map<string, string>>();
  private readonly answersByQ = new Map<string, Table>();
  private readonly subByParent = new Map<string, Table>();

  constructor(
    private readonly doc: unknown,
    private readonly options: FromLimeSurveyOptions,
    private readonly issues: Issues,
  ) {
    this.ids = new IdAllocator(issues, 'question');
    const survey = readTable(doc, 'surveys')[0];
    const languages = own(own(doc, 'languages'), 'language');
    const tags = [
      ...(survey?.['language'] !== undefined && survey['language'] !== ''
        ? [survey['language']]
        : []),
      ...(survey?.['additional_languages'] ?? '').split(/\s+/),
      ...(Array.isArray(languages)
        ? languages.filter((l): l is string => typeof l === 'string')
        : []),
    ];
    for (const tag of tags)
      if (tag !== '' && isLocaleTag(tag) && isSafeKey(tag) && !this.locales.includes(tag))
        this.locales.push(tag);
    if (this.locales.length === 0) this.locales.push('en');
    this.defaultLocale = this.locales[0] as string;

    this.questionTexts = new Map();
    const ql10n = readTable(doc, 'question_l10ns');
    const qSource =
      ql10n.length > 0
        ? ql10n
        : [...readTable(doc, 'questions'), ...readTable(doc, 'subquestions')];
    for (const row of qSource) {
      const qid = row['qid'] ?? '';
      const language = row['language'] ?? this.defaultLocale;
      if (!this.locales.includes(language) || row['question'] === undefined) continue;
      const texts =
        this.questionTexts.get(qid) ??
        (Object.create(null) as Record<string, { question: string; help: string }>);
      texts[language] = { question: plain(row['question']), help: plain(row['help'] ?? '') };
      this.questionTexts.set(qid, texts);
    }
    this.answerTexts = new Map();
    const answers = readTable(doc, 'answers');
    const al10n = readTable(doc, 'answer_l10ns');
    const seen = new Set<string>();
    for (const row of answers) {
      const key = `${row['qid'] ?? ''}|${row['code'] ?? ''}|${row['scale_id'] ?? '0'}`;
      if (row['answer'] !== undefined) {
        // Before DB version 400 an answer row per language carries its text.
        const texts = this.answerTexts.get(key) ?? (Object.create(null) as Record<string, string>);
        const language = row['language'] ?? this.defaultLocale;
        if (this.locales.includes(language)) texts[language] = plain(row['answer']);
        this.answerTexts.set(key, texts);
      }
      if (seen.has(key)) continue;
      seen.add(key);
      const list = this.answersByQ.get(row['qid'] ?? '') ?? [];
      list.push(row);
      this.answersByQ.set(row['qid'] ?? '', list);
    }
    const aidKey = new Map(
      answers.map((row) => [
        row['aid'] ?? '',
        `${row['qid'] ?? ''}|${row['code'] ?? ''}|${row['scale_id'] ?? '0'}`,
      ]),
    );
    for (const row of al10n) {
      const key = aidKey.get(row['aid'] ?? '');
      const language = row['language'] ?? '';
      if (key === undefined || !this.locales.includes(language)) continue;
      const texts = this.answerTexts.get(key) ?? (Object.create(null) as Record<string, string>);
      texts[language] = plain(row['answer'] ?? '');
      this.answerTexts.set(key, texts);
    }
    for (const row of readTable(doc, 'question_attributes')) {
      const map = this.attributes.get(row['qid'] ?? '') ?? new Map<string, string>();
      if (
        row['language'] === undefined ||
        row['language'] === '' ||
        row['language'] === this.defaultLocale
      )
        map.set(row['attribute'] ?? '', row['value'] ?? '');
      this.attributes.set(row['qid'] ?? '', map);
    }
    const subs = [
      ...readTable(doc, 'subquestions'),
      ...readTable(doc, 'questions').filter((q) => (q['parent_qid'] ?? '0') !== '0'),
    ];
    const seenSub = new Set<string>();
    for (const row of subs) {
      if (seenSub.has(row['qid'] ?? '')) continue;
      seenSub.add(row['qid'] ?? '');
      const list = this.subByParent.get(row['parent_qid'] ?? '') ?? [];
      list.push(row);
      this.subByParent.set(row['parent_qid'] ?? '', list);
    }
  }

  private text(byLocale: Record<string, string> | undefined): LocalizedText | undefined {
    if (byLocale === undefined) return undefined;
    const out: Record<string, string> = {};
    for (const locale of this.locales) {
      const value = byLocale[locale];
      if (value !== undefined && value !== '') out[locale] = value;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }

  private questionText(qid: string, part: 'question' | 'help'): LocalizedText | undefined {
    const texts = this.questionTexts.get(qid);
    if (texts === undefined) return undefined;
    const out: Record<string, string> = {};
    for (const locale of this.locales) {
      const value = texts[locale]?.[part];
      if (value !== undefined && value !== '') out[locale] = value;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }

  run(): FormatImportResult {
    const survey = readTable(this.doc, 'surveys')[0];
    const sid = survey?.['sid'] ?? '';
    const groups = readTable(this.doc, 'groups');
    const groupTexts = new Map<
      string,
      { name: Record<string, string>; description: Record<string, string> }
    >();
    const gl10n = readTable(this.doc, 'group_l10ns');
    for (const row of gl10n.length > 0 ? gl10n : groups) {
      const entry = groupTexts.get(row['gid'] ?? '') ?? {
        name: Object.create(null) as Record<string, string>,
        description: Object.create(null) as Record<string, string>,
      };
      const language = row['language'] ?? this.defaultLocale;
      entry.name[language] = plain(row['group_name'] ?? '');
      entry.description[language] = plain(row['description'] ?? '');
      groupTexts.set(row['gid'] ?? '', entry);
    }
    const uniqueGroups = [...new Map(groups.map((g) => [g['gid'] ?? '', g])).values()].sort(
      (a, b) => Number(a['group_order'] ?? 0) - Number(b['group_order'] ?? 0),
    );
    const questionRows = readTable(this.doc, 'questions');
    const questionIndex = new Map(questionRows.map((row, i) => [row, i]));
    const topLevel = [
      ...new Map(
        questionRows
          .filter((q) => (q['parent_qid'] ?? '0') === '0')
          .map((q) => [q['qid'] ?? '', q]),
      ).values(),
    ];
    const sectionIds = new IdAllocator(this.issues, 'group');
    const pendingSections: {
      section: Omit<Section, 'questions' | 'visibleIf'>;
      relevance: Pending['relevance'];
      questions: Pending[];
      gid: string;
    }[] = [];
    for (const group of uniqueGroups) {
      const gid = group['gid'] ?? '';
      const texts = groupTexts.get(gid);
      const id = sectionIds.claim(`g${gid}`, ['groups', 'gid'], 'group');
      const grelevance = (group['grelevance'] ?? '').trim();
      const questions: Pending[] = [];
      const inGroup = topLevel
        .filter((q) => q['gid'] === gid)
        .sort((a, b) => Number(a['question_order'] ?? 0) - Number(b['question_order'] ?? 0));
      for (const row of inGroup) {
        const path: IssuePath = ['questions', questionIndex.get(row) ?? 0];
        const relevance = (row['relevance'] ?? '').trim();
        for (const question of this.question(row, path)) {
          questions.push({
            question,
            relevance:
              relevance === '' || relevance === '1'
                ? undefined
                : { text: relevance, path: [...path, 'relevance'] },
          });
        }
      }
      const title = this.text(texts?.name) ?? { [this.defaultLocale]: id };
      if (questions.length === 0) {
        this.issues.add(
          'empty-section',
          `the group ${show(Object.values(title)[0])} has no question that could be imported; it is left out`,
          ['groups', groups.indexOf(group)],
        );
        continue;
      }
      pendingSections.push({
        section: defined({ id, title, description: this.text(texts?.description) }),
        relevance:
          grelevance === '' || grelevance === '1'
            ? undefined
            : { text: grelevance, path: ['groups', groups.indexOf(group), 'grelevance'] },
        questions,
        gid,
      });
    }
    const sections: Section[] = pendingSections.map(({ section, relevance, questions }) =>
      defined({
        ...section,
        visibleIf: this.condition(relevance),
        questions: questions.map(({ question, relevance: r }) => {
          const visibleIf = this.condition(r);
          return visibleIf === undefined ? question : { ...question, visibleIf };
        }),
      }),
    );
    const settings = readTable(this.doc, 'surveys_languagesettings');
    const title: Record<string, string> = {};
    const description: Record<string, string> = {};
    for (const row of settings) {
      const language = row['surveyls_language'] ?? '';
      if (!this.locales.includes(language)) continue;
      if ((row['surveyls_title'] ?? '') !== '')
        title[language] = plain(row['surveyls_title'] ?? '');
      if (plain(row['surveyls_description'] ?? '') !== '')
        description[language] = plain(row['surveyls_description'] ?? '');
    }
    const id = this.options.id ?? (/^\d+$/.test(sid) ? `limesurvey_${sid}` : 'limesurvey');
    const draft: Questionnaire = defined({
      id,
      version: this.options.version ?? '1',
      title: Object.keys(title).length > 0 ? title : { [this.defaultLocale]: id },
      description: Object.keys(description).length > 0 ? description : undefined,
      locales: this.locales,
      defaultLocale: this.defaultLocale,
      sections,
    });
    return finishImport(fillTranslations(draft, this.issues), this.issues);
  }

  private answers(qid: string, scaleId = '0'): { code: string; label: LocalizedText }[] {
    return (this.answersByQ.get(qid) ?? [])
      .filter((a) => (a['scale_id'] ?? '0') === scaleId)
      .sort((a, b) => Number(a['sortorder'] ?? 0) - Number(b['sortorder'] ?? 0))
      .map((a) => {
        const code = a['code'] ?? '';
        return {
          code,
          label: this.text(this.answerTexts.get(`${qid}|${code}|${scaleId}`)) ?? {
            [this.defaultLocale]: code,
          },
        };
      });
  }

  private subquestions(qid: string): { code: string; label: LocalizedText; qid: string }[] {
    return (this.subByParent.get(qid) ?? [])
      .filter((s) => (s['scale_id'] ?? '0') === '0')
      .sort((a, b) => Number(a['question_order'] ?? 0) - Number(b['question_order'] ?? 0))
      .map((s) => ({
        code: s['title'] ?? '',
        qid: s['qid'] ?? '',
        label: this.questionText(s['qid'] ?? '', 'question') ?? {
          [this.defaultLocale]: s['title'] ?? '',
        },
      }));
  }

  private static integerScale(
    entries: { code: string; label: LocalizedText }[],
  ): Scale | undefined {
    if (
      entries.length < 2 ||
      !entries.every((e) => /^\d{1,3}$/.test(e.code) && Number(e.code) <= MAX_SCALE_CODE)
    )
      return undefined;
    const points = entries
      .map((e) => ({ value: Number(e.code), label: e.label }))
      .sort((a, b) => a.value - b.value);
    if (new Set(points.map((p) => p.value)).size !== points.length) return undefined;
    return { points };
  }

  private numbered(from: number, to: number): Scale {
    const points = [];
    for (let value = from; value <= to; value++) {
      const label: Record<string, string> = {};
      for (const locale of this.locales) label[locale] = String(value);
      points.push({ value, label });
    }
    return { points };
  }

  private question(row: Record<string, string>, path: IssuePath): Question[] {
    const qid = row['qid'] ?? '';
    const type = row['type'] ?? '';
    const code = row['title'] ?? '';
    const attrs = this.attributes.get(qid) ?? new Map<string, string>();
    const supported = 'L!O5YGMPFABCENSTU';
    if (!supported.includes(type) || type === '') {
      this.issues.add(
        'unsupported-type',
        `the question type ${show(type)} has no counterpart; ${show(code)} is not imported`,
        [...path, 'type'],
      );
      return [];
    }
    if (attrs.get('hidden') === '1')
      this.issues.add(
        'unsupported-property',
        `${show(code)} is hidden in LimeSurvey; it is imported as shown`,
        [...path, 'hidden'],
      );
    const id = this.ids.claim(code, [...path, 'title'], 'q');
    this.byName.set(code, { type: 'reference', id });
    const base = defined({
      id,
      text: this.questionText(qid, 'question') ?? { [this.defaultLocale]: code },
      description: this.questionText(qid, 'help'),
      required: row['mandatory'] === 'Y' ? (true as const) : undefined,
    });
    if (row['mandatory'] === 'S')
      this.issues.add(
        'unsupported-property',
        'soft mandatory has no counterpart; the question is optional',
        [...path, 'mandatory'],
      );
    const other = row['other'] === 'Y';
    const otherOption = (): Option => {
      this.issues.add(
        'converted',
        'the "other" answer is imported as the option -oth-; the text typed beside it is not part of the questionnaire',
        [...path, 'other'],
      );
      const label: Record<string, string> = {};
      const replace = attrs.get('other_replace_text');
      for (const locale of this.locales)
        label[locale] = replace !== undefined && replace !== '' ? replace : 'Other';
      return { value: '-oth-', label };
    };
    const register = (question: Question): Question[] => {
      if (question.kind === 'matrix') for (const r of question.rows) this.kinds.set(r.id, 'scale');
      else this.kinds.set(question.id, question.kind);
      return [question];
    };
    const options = (entries: { code: string; label: LocalizedText }[]): Option[] =>
      entries
        .filter((e) => e.code !== '' && isSafeKey(e.code))
        .map((e) => ({ value: e.code, label: e.label }));
    switch (type) {
      case 'L':
      case '!':
      case 'O': {
        if (type === 'O')
          this.issues.add(
            'converted',
            'the comment of a "list with comment" is not part of the questionnaire',
            [...path, 'type'],
          );
        const entries = this.answers(qid);
        const scale = other ? undefined : LimeSurveyImport.integerScale(entries);
        if (scale !== undefined) return register({ ...base, kind: 'scale', scale });
        return register({
          ...base,
          kind: 'single',
          options: [...options(entries), ...(other ? [otherOption()] : [])],
        });
      }
      case '5':
        return register({ ...base, kind: 'scale', scale: this.numbered(1, 5) });
      case 'Y':
      case 'G': {
        const pairs =
          type === 'Y'
            ? ([
                ['Y', 0],
                ['N', 1],
              ] as const)
            : ([
                ['F', 0],
                ['M', 1],
              ] as const);
        const opts = pairs.map(([value, i]) => {
          const label: Record<string, string> = {};
          for (const locale of this.locales) {
            label[locale] =
              type === 'Y'
                ? (YES_NO[locale.split('-')[0] as string] ?? YES_NO['en'] ?? ['Yes', 'No'])[i]
                : i === 0
                  ? 'Female'
                  : 'Male';
          }
          return { value, label };
        });
        if (type === 'G')
          this.issues.add(
            'converted',
            'the gender options are labelled Female/Male in every language',
            [...path, 'type'],
          );
        return register({ ...base, kind: 'single', options: opts });
      }
      case 'M':
      case 'P': {
        if (type === 'P')
          this.issues.add(
            'converted',
            'the comments of a "multiple choice with comments" are not part of the questionnaire',
            [...path, 'type'],
          );
        const subs = this.subquestions(qid);
        for (const sub of subs)
          this.multiOptions.set(`${code}_${sub.code}`, { id, option: sub.code });
        const opts = [...options(subs), ...(other ? [otherOption()] : [])];
        if (opts.length === 0) {
          this.issues.add(
            'no-options',
            `${show(code)} has no subquestions; it is not imported`,
            path,
          );
          return [];
        }
        const count = (key: string): number | undefined =>
          /^\d+$/.test(attrs.get(key) ?? '') && Number(attrs.get(key)) > 0
            ? Number(attrs.get(key))
            : undefined;
        return register(
          defined({
            ...base,
            kind: 'multi' as const,
            options: opts,
            minSelected: count('min_answers'),
            maxSelected: count('max_answers'),
          }),
        );
      }
      case 'F':
      case 'A':
      case 'B':
      case 'C':
      case 'E': {
        const subs = this.subquestions(qid);
        if (subs.length === 0) {
          this.issues.add(
            'no-options',
            `${show(code)} has no subquestions; it is not imported`,
            path,
          );
          return [];
        }
        const entries =
          type === 'F'
            ? this.answers(qid)
            : type === 'C'
              ? this.fixed(['Y', 'U', 'N'], ['Yes', 'Uncertain', 'No'])
              : type === 'E'
                ? this.fixed(['I', 'S', 'D'], ['Increase', 'Same', 'Decrease'])
                : [];
        const scale =
          type === 'A'
            ? this.numbered(1, 5)
            : type === 'B'
              ? this.numbered(1, 10)
              : LimeSurveyImport.integerScale(entries);
        if (scale === undefined) {
          this.issues.add(
            'converted',
            `the array ${show(code)} has answer codes that are not integers; each row is imported as a single-choice question`,
            path,
          );
          return subs.map((sub) => {
            const rowId = this.ids.claim(
              `${code}_${sub.code}`,
              [...path, 'subquestions', sub.code],
              'row',
            );
            this.byName.set(`${code}_${sub.code}`, { type: 'reference', id: rowId });
            this.kinds.set(rowId, 'single');
            return defined({
              id: rowId,
              kind: 'single' as const,
              text: sub.label,
              description: base.text,
              required: base.required,
              options: options(entries),
            });
          });
        }
        const rows: MatrixRow[] = subs.map((sub) => {
          const rowId = this.ids.claim(
            `${code}_${sub.code}`,
            [...path, 'subquestions', sub.code],
            'row',
          );
          this.byName.set(`${code}_${sub.code}`, { type: 'reference', id: rowId });
          return { id: rowId, text: sub.label };
        });
        return register({ ...base, kind: 'matrix', scale, rows });
      }
      case 'N': {
        const num = (key: string): number | undefined => {
          const value = attrs.get(key);
          return value !== undefined && /^-?\d+(\.\d+)?$/.test(value.trim())
            ? Number(value)
            : undefined;
        };
        return register(
          defined({
            ...base,
            kind: 'number' as const,
            min: num('min_num_value_n'),
            max: num('max_num_value_n'),
            integer: attrs.get('num_value_int_only') === '1' ? (true as const) : undefined,
          }),
        );
      }
      case 'S':
      case 'T':
      case 'U': {
        const max = attrs.get('maximum_chars');
        return register(
          defined({
            ...base,
            kind: 'text' as const,
            multiline: type === 'S' ? undefined : (true as const),
            maxLength:
              max !== undefined && /^\d+$/.test(max) && Number(max) > 0 ? Number(max) : undefined,
          }),
        );
      }
      default:
        return [];
    }
  }

  private fixed(codes: string[], labels: string[]): { code: string; label: LocalizedText }[] {
    return codes.map((code, i) => {
      const label: Record<string, string> = {};
      for (const locale of this.locales) label[locale] = labels[i] as string;
      return { code, label };
    });
  }

  private condition(relevance: Pending['relevance']): string | undefined {
    if (relevance === undefined) return undefined;
    let text = relevance.text.trim();
    if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1);
    try {
      const resolve = (name: string): ReferenceOperand => {
        const bare = name.replace(/\.(NAOK|value|code)$/i, '');
        const found = this.byName.get(bare);
        if (found === undefined) throw new Untranslatable(`${name} names no imported question`);
        return found;
      };
      const special = (node: SourceNode, self: Translator): Expression | undefined => {
        if (
          node.t === 'not' &&
          node.operand.t === 'call' &&
          node.operand.name === 'is_empty' &&
          node.operand.args.length === 1
        ) {
          return {
            type: 'answered',
            reference: self.reference(node.operand.args[0] as SourceNode),
          };
        }
        if (node.t === 'call' && node.name === 'is_empty' && node.args.length === 1) {
          return {
            type: 'not',
            operand: { type: 'answered', reference: self.reference(node.args[0] as SourceNode) },
          };
        }
        if (node.t === 'bin' && (node.op === '=' || node.op === '!=') && node.left.t === 'ref') {
          const option = this.multiOptions.get(node.left.name.replace(/\.(NAOK|value)$/i, ''));
          if (option !== undefined && node.right.t === 'str') {
            const contains: Expression = {
              type: 'contains',
              reference: { type: 'reference', id: option.id },
              value: { type: 'string', value: option.option },
            };
            const checked = node.right.value === 'Y';
            if (!checked && node.right.value !== '')
              throw new Untranslatable(
                `a multiple-choice option is "Y" or empty, not ${show(node.right.value)}`,
              );
            return (node.op === '=') === checked ? contains : { type: 'not', operand: contains };
          }
        }
        if (node.t === 'bin' && node.op === '!=')
          return { type: 'not', operand: self.comparison('=', node.left, node.right) };
        return undefined;
      };
      const translated = new Translator(resolve, (id) => this.kinds.get(id), special).condition(
        parseSource(text, LIMESURVEY),
      );
      return printExpression(translated);
    } catch (error) {
      if (!(error instanceof Untranslatable)) throw error;
      this.issues.add(
        'unsupported-expression',
        `the relevance ${show(relevance.text)} is not imported (${error.message}); the question shows always`,
        relevance.path,
      );
      return undefined;
    }
  }
}
