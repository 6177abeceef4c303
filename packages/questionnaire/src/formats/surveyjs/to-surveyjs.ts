import type { LocalizedText } from '@edu-quality/core';
import { parseExpression } from '../../expression/parse-expression.js';
import type { ItemMeta, Question, Questionnaire, Scale } from '../../schema.js';
import { metaOf } from '../shared/extension.js';
import { printSurveyJsExpression } from './surveyjs-expression.js';

/** A SurveyJS localizable string: plain, or `{ default, <locale>: … }`. */
export type SurveyJsText = string | Readonly<Record<string, string>>;

/** A SurveyJS question element, as {@link toSurveyJs} writes it. */
export interface SurveyJsElement {
  /** The SurveyJS question type, for example `rating` or `radiogroup`. */
  readonly type: string;
  /** The question name: our question id. */
  readonly name: string;
  /** Further SurveyJS properties (`title`, `choices`, `visibleIf`, …). */
  readonly [property: string]: unknown;
}

/** A SurveyJS page, as {@link toSurveyJs} writes it. */
export interface SurveyJsPage {
  /** The page name: our section id. */
  readonly name: string;
  /** The page title. */
  readonly title: SurveyJsText;
  /** The page description. */
  readonly description?: SurveyJsText;
  /** The page's skip logic, in SurveyJS syntax. */
  readonly visibleIf?: string;
  /** The questions. */
  readonly elements: readonly SurveyJsElement[];
}

/** A SurveyJS survey definition, as {@link toSurveyJs} writes it. */
export interface SurveyJsSurvey {
  /** The survey title. */
  readonly title: SurveyJsText;
  /** The survey description. */
  readonly description?: SurveyJsText;
  /** The locale the survey is shown in: our default locale. */
  readonly locale: string;
  /** The pages. */
  readonly pages: readonly SurveyJsPage[];
  /** Our questionnaire id, version and locales, which SurveyJS has no place for. */
  readonly eduQuality: {
    readonly id: string;
    readonly version: string;
    readonly locales: readonly string[];
  };
}

/** Options of {@link toSurveyJs}. */
export interface ToSurveyJsOptions {
  /** The locale written as SurveyJS's `default` text in a multilingual survey. Default `en`. */
  readonly defaultLocale?: string;
}

/**
 * Exports a questionnaire as a SurveyJS survey definition (JSON), which
 * {@link fromSurveyJs} imports back unchanged.
 *
 * @remarks
 * Sections become pages. `scale` → `radiogroup` with integer choice values
 * (the "not applicable" answer as a last choice); `rating` and `nps` →
 * `rating` (`rateMin`/`rateMax`, `minRateDescription`/`maxRateDescription`);
 * `single` → `radiogroup`; `multi` → `checkbox` (`minSelectedChoices`,
 * `maxSelectedChoices`); `text` → `text` or, multiline, `comment`
 * (`maxLength`); `number` → `text` with `inputType: number`, `min`, `max`
 * and `step: 1` when integer; `matrix` → `matrix` with the scale as columns.
 * Texts are plain strings in a one-locale questionnaire, else objects keyed
 * by locale, with the `defaultLocale` option's text under `default`.
 * Skip logic is printed in SurveyJS syntax: `{q} notempty` for
 * `answered({q})`, `anyof` for `in`, `!( … )` for `not`, and `!=` guarded by
 * `notempty` (SurveyJS's `!=` is true for an unanswered question; ours is
 * not). A matrix row is referred to as `{matrix.row}`.
 *
 * What SurveyJS cannot say — NPS vs. a 0–10 rating, "not applicable" codes,
 * `acceptUnlisted`, dimensions and roles, the questionnaire id, version and
 * locales — goes into an `eduQuality` property on the element or the survey.
 * SurveyJS ignores unknown properties (register them with
 * `Serializer.addProperty` to keep them through the Creator).
 *
 * @param questionnaire - a valid questionnaire
 * @param options - the locale of SurveyJS `default` texts
 * @returns the survey JSON
 *
 * @example
 * ```ts
 * import { toSurveyJs } from '@edu-quality/questionnaire/surveyjs';
 * const survey = toSurveyJs({
 *   id: 'demo', version: '1', title: { en: 'Demo' }, locales: ['en'], defaultLocale: 'en',
 *   sections: [{ id: 's1', title: { en: 'Service' }, questions: [
 *     { id: 'score', kind: 'rating', text: { en: 'Score' }, min: 1, max: 10 },
 *     { id: 'why', kind: 'text', text: { en: 'Why?' }, multiline: true, visibleIf: '{score} <= 6' },
 *   ] }],
 * });
 * survey.pages[0]?.elements[0]; // => { type: 'rating', name: 'score', title: 'Score', rateMin: 1, rateMax: 10 }
 * survey.pages[0]?.elements[1]?.['visibleIf']; // => '{score} <= 6'
 * ```
 */
export function toSurveyJs(
  questionnaire: Questionnaire,
  options: ToSurveyJsOptions = {},
): SurveyJsSurvey {
  const defaultTag = options.defaultLocale ?? 'en';
  const single = questionnaire.locales.length === 1 ? questionnaire.locales[0] : undefined;
  const text = (value: LocalizedText): SurveyJsText => {
    if (single !== undefined && Object.hasOwn(value, single)) return value[single] as string;
    const out: Record<string, string> = {};
    if (Object.hasOwn(value, defaultTag)) out['default'] = value[defaultTag] as string;
    for (const [locale, t] of Object.entries(value)) if (locale !== defaultTag) out[locale] = t;
    return out;
  };
  const optional = (key: string, value: LocalizedText | undefined): Record<string, SurveyJsText> =>
    value === undefined ? {} : { [key]: text(value) };
  const names = new Map<string, string>();
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      if (question.kind === 'matrix')
        for (const row of question.rows) names.set(row.id, `${question.id}.${row.id}`);
    }
  }
  const condition = (value: string | undefined): { visibleIf?: string } =>
    value === undefined
      ? {}
      : { visibleIf: printSurveyJsExpression(parseExpression(value), (id) => names.get(id) ?? id) };
  const choices = (scale: Scale): { value: number; text: SurveyJsText }[] => [
    ...scale.points.map((p) => ({ value: p.value, text: text(p.label) })),
    ...(scale.notApplicable === undefined
      ? []
      : [{ value: scale.notApplicable.value, text: text(scale.notApplicable.label) }]),
  ];
  const element = (question: Question): SurveyJsElement => {
    const ext: Record<string, unknown> = { ...metaOf(question) };
    const head = {
      name: question.id,
      title: text(question.text),
      ...optional('description', question.description),
      ...(question.required === true ? { isRequired: true } : {}),
      ...condition(question.visibleIf),
    };
    let body: Record<string, unknown> & { type: string };
    switch (question.kind) {
      case 'scale':
        body = { type: 'radiogroup', choices: choices(question.scale) };
        if (question.scale.notApplicable !== undefined)
          ext['notApplicable'] = { value: question.scale.notApplicable.value };
        break;
      case 'rating':
      case 'nps':
        body = {
          type: 'rating',
          rateMin: question.kind === 'nps' ? 0 : question.min,
          rateMax: question.kind === 'nps' ? 10 : question.max,
          ...optional('minRateDescription', question.minLabel),
          ...optional('maxRateDescription', question.maxLabel),
        };
        if (question.kind === 'nps') ext['kind'] = 'nps';
        else if (question.notApplicable !== undefined)
          ext['notApplicable'] = question.notApplicable;
        break;
      case 'single':
        body = {
          type: 'radiogroup',
          choices: question.options.map((o) => ({ value: o.value, text: text(o.label) })),
        };
        if (question.acceptUnlisted === true) ext['acceptUnlisted'] = true;
        if (question.options.length === 0) ext['kind'] = 'single';
        break;
      case 'multi':
        body = {
          type: 'checkbox',
          choices: question.options.map((o) => ({ value: o.value, text: text(o.label) })),
          ...(question.minSelected === undefined
            ? {}
            : { minSelectedChoices: question.minSelected }),
          ...(question.maxSelected === undefined
            ? {}
            : { maxSelectedChoices: question.maxSelected }),
        };
        break;
      case 'text':
        body = {
          type: question.multiline === true ? 'comment' : 'text',
          ...(question.maxLength === undefined ? {} : { maxLength: question.maxLength }),
        };
        break;
      case 'number':
        body = {
          type: 'text',
          inputType: 'number',
          ...(question.min === undefined ? {} : { min: question.min }),
          ...(question.max === undefined ? {} : { max: question.max }),
          ...(question.integer === true ? { step: 1 } : {}),
        };
        break;
      case 'matrix': {
        body = {
          type: 'matrix',
          columns: choices(question.scale),
          rows: question.rows.map((row) => ({ value: row.id, text: text(row.text) })),
        };
        if (question.scale.notApplicable !== undefined)
          ext['notApplicable'] = { value: question.scale.notApplicable.value };
        const rows: Record<string, ItemMeta> = {};
        for (const row of question.rows) {
          const meta = metaOf(row);
          if (Object.keys(meta).length > 0) rows[row.id] = meta;
        }
        if (Object.keys(rows).length > 0) ext['rows'] = rows;
        break;
      }
    }
    const { type, ...rest } = body;
    return { type, ...head, ...rest, ...(Object.keys(ext).length > 0 ? { eduQuality: ext } : {}) };
  };
  return {
    title: text(questionnaire.title),
    ...optional('description', questionnaire.description),
    locale: questionnaire.defaultLocale,
    pages: questionnaire.sections.map((section) => ({
      name: section.id,
      title: text(section.title),
      ...optional('description', section.description),
      ...condition(section.visibleIf),
      elements: section.questions.map(element),
    })),
    eduQuality: {
      id: questionnaire.id,
      version: questionnaire.version,
      locales: [...questionnaire.locales],
    },
  };
}
