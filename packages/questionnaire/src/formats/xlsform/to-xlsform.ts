import type { LocalizedText } from '@edu-quality/core';
import { parseExpression } from '../../expression/parse-expression.js';
import type { Question, Questionnaire, Scale } from '../../schema.js';
import { metaOf } from '../shared/extension.js';
import { printXlsFormExpression } from './xlsform-expression.js';

/** The sheets {@link toXlsForm} writes: rows of cell texts keyed by column header. */
export interface XlsFormOutput {
  /** The `survey` sheet. */
  readonly survey: Readonly<Record<string, string>>[];
  /** The `choices` sheet. */
  readonly choices: Readonly<Record<string, string>>[];
  /** The `settings` sheet: one row. */
  readonly settings: Readonly<Record<string, string>>[];
}

function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag);
    return name !== undefined && name !== tag && !/[()]/.test(name) ? name : tag;
  } catch {
    return tag;
  }
}

/**
 * Exports a questionnaire as an XLSForm: `survey`, `choices` and `settings`
 * sheets as rows keyed by header, which {@link fromXlsForm} imports back
 * unchanged.
 *
 * @remarks
 * Each section is a `begin_group`/`end_group` (label, `hint` for its
 * description, `relevant`). `scale` → `select_one` with `appearance: likert`
 * and a list of integer codes; `rating` and `nps` → `range` with
 * `parameters: start=… end=… step=1`; `single` → `select_one`; `multi` →
 * `select_multiple` (choice counts as a `count-selected(.)` constraint);
 * `text` → `text` (`multiline` appearance, `string-length(.)` constraint);
 * `number` → `integer` or `decimal` (bounds as a `.` constraint); `matrix` →
 * a nested `table-list` group of `select_one` rows sharing one list. Each
 * question's list is named after it. Texts go in `label::Name (tag)` and
 * `hint::Name (tag)` columns; `default_language` names the default locale.
 * Skip logic is printed in XPath (`${q}`, `selected()`, `not()`,
 * `${q} != ''` for `answered`, and `!=` guarded by `${q} != ''`, since
 * XPath's `!=` is true for an unanswered question and ours is not).
 *
 * What XLSForm cannot say — NPS vs. a 0–10 range, "not applicable" codes,
 * min/max labels of a rating, `acceptUnlisted`, dimensions and roles,
 * the questionnaire's translated title, description and locales — goes as
 * JSON into an `edu_quality` column, which XLSForm tools ignore.
 *
 * @param questionnaire - a valid questionnaire
 * @returns the sheets
 *
 * @example
 * ```ts
 * import { toXlsForm } from '@edu-quality/questionnaire/xlsform';
 * const sheets = toXlsForm({
 *   id: 'demo', version: '1', title: { en: 'Demo' }, locales: ['en'], defaultLocale: 'en',
 *   sections: [{ id: 's1', title: { en: 'Service' }, questions: [
 *     { id: 'topics', kind: 'multi', text: { en: 'Topics' }, options: [{ value: 'food', label: { en: 'Food' } }] },
 *     { id: 'why', kind: 'text', text: { en: 'Why?' }, visibleIf: "{topics} contains 'food'" },
 *   ] }],
 * });
 * sheets.survey.map((row) => row['type']); // => ['begin_group', 'select_multiple topics', 'text', 'end_group']
 * sheets.survey[2]?.['relevant']; // => "selected(${topics}, 'food')"
 * sheets.settings[0]; // => { form_id: 'demo', version: '1', form_title: 'Demo', default_language: 'English (en)' }
 * ```
 */
export function toXlsForm(questionnaire: Questionnaire): XlsFormOutput {
  const columns = new Map(
    questionnaire.locales.map((tag) => [tag, `${languageName(tag)} (${tag})`]),
  );
  const multis = new Set<string>();
  for (const section of questionnaire.sections)
    for (const q of section.questions) if (q.kind === 'multi') multis.add(q.id);
  const texts = (column: string, value: LocalizedText | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    if (value === undefined) return out;
    for (const [tag, text] of Object.entries(value))
      out[`${column}::${columns.get(tag) ?? tag}`] = text;
    return out;
  };
  const relevant = (value: string | undefined): Record<string, string> =>
    value === undefined
      ? {}
      : { relevant: printXlsFormExpression(parseExpression(value), (id) => multis.has(id)) };
  const extension = (ext: Record<string, unknown>): Record<string, string> =>
    Object.keys(ext).length === 0 ? {} : { edu_quality: JSON.stringify(ext) };
  const survey: Record<string, string>[] = [];
  const choices: Record<string, string>[] = [];
  const list = (
    name: string,
    entries: readonly { value: string | number; label: LocalizedText }[],
  ): void => {
    for (const entry of entries)
      choices.push({ list_name: name, name: String(entry.value), ...texts('label', entry.label) });
  };
  const scaleList = (name: string, scale: Scale): void => {
    list(
      name,
      scale.notApplicable === undefined ? scale.points : [...scale.points, scale.notApplicable],
    );
  };
  const head = (question: Question): Record<string, string> => ({
    name: question.id,
    ...texts('label', question.text),
    ...texts('hint', question.description),
    ...(question.required === true ? { required: 'yes' } : {}),
    ...relevant(question.visibleIf),
  });
  const bounds = (
    subject: string,
    min: number | undefined,
    max: number | undefined,
  ): Record<string, string> => {
    const parts = [
      ...(min === undefined ? [] : [`${subject} >= ${min}`]),
      ...(max === undefined ? [] : [`${subject} <= ${max}`]),
    ];
    return parts.length === 0 ? {} : { constraint: parts.join(' and ') };
  };
  for (const section of questionnaire.sections) {
    survey.push({
      type: 'begin_group',
      name: section.id,
      ...texts('label', section.title),
      ...texts('hint', section.description),
      ...relevant(section.visibleIf),
    });
    for (const question of section.questions) {
      const ext: Record<string, unknown> = { ...metaOf(question) };
      switch (question.kind) {
        case 'scale':
          scaleList(question.id, question.scale);
          if (question.scale.notApplicable !== undefined)
            ext['notApplicable'] = { value: question.scale.notApplicable.value };
          survey.push({
            type: `select_one ${question.id}`,
            ...head(question),
            appearance: 'likert',
            ...extension(ext),
          });
          break;
        case 'rating':
        case 'nps': {
          const min = question.kind === 'nps' ? 0 : question.min;
          const max = question.kind === 'nps' ? 10 : question.max;
          if (question.kind === 'nps') ext['kind'] = 'nps';
          if (question.minLabel !== undefined) ext['minLabel'] = question.minLabel;
          if (question.maxLabel !== undefined) ext['maxLabel'] = question.maxLabel;
          if (question.kind === 'rating' && question.notApplicable !== undefined)
            ext['notApplicable'] = question.notApplicable;
          survey.push({
            type: 'range',
            ...head(question),
            parameters: `start=${min} end=${max} step=1`,
            ...extension(ext),
          });
          break;
        }
        case 'single':
          if (question.acceptUnlisted === true) ext['acceptUnlisted'] = true;
          if (question.options.length === 0) {
            // XLSForm has no empty list: an open code is asked as text.
            ext['kind'] = 'single';
            survey.push({ type: 'text', ...head(question), ...extension(ext) });
            break;
          }
          list(question.id, question.options);
          survey.push({ type: `select_one ${question.id}`, ...head(question), ...extension(ext) });
          break;
        case 'multi':
          list(question.id, question.options);
          survey.push({
            type: `select_multiple ${question.id}`,
            ...head(question),
            ...bounds('count-selected(.)', question.minSelected, question.maxSelected),
            ...extension(ext),
          });
          break;
        case 'text':
          survey.push({
            type: 'text',
            ...head(question),
            ...(question.multiline === true ? { appearance: 'multiline' } : {}),
            ...bounds('string-length(.)', undefined, question.maxLength),
            ...extension(ext),
          });
          break;
        case 'number':
          survey.push({
            type: question.integer === true ? 'integer' : 'decimal',
            ...head(question),
            ...bounds('.', question.min, question.max),
            ...extension(ext),
          });
          break;
        case 'matrix': {
          scaleList(question.id, question.scale);
          if (question.scale.notApplicable !== undefined)
            ext['notApplicable'] = { value: question.scale.notApplicable.value };
          const { required, ...group } = head(question);
          survey.push({
            type: 'begin_group',
            ...group,
            appearance: 'table-list',
            ...extension(ext),
          });
          for (const row of question.rows) {
            survey.push({
              type: `select_one ${question.id}`,
              name: row.id,
              ...texts('label', row.text),
              ...(required === undefined ? {} : { required }),
              ...extension({ ...metaOf(row) }),
            });
          }
          survey.push({ type: 'end_group', name: question.id });
          break;
        }
      }
    }
    survey.push({ type: 'end_group', name: section.id });
  }
  const defaultName = columns.get(questionnaire.defaultLocale) ?? questionnaire.defaultLocale;
  const ext: Record<string, unknown> = {};
  const titleText =
    questionnaire.title[questionnaire.defaultLocale] ??
    Object.values(questionnaire.title)[0] ??
    questionnaire.id;
  if (questionnaire.locales.length > 1 || Object.keys(questionnaire.title).length > 1)
    ext['title'] = questionnaire.title;
  if (questionnaire.description !== undefined) ext['description'] = questionnaire.description;
  if (questionnaire.locales.length > 1) ext['locales'] = questionnaire.locales;
  return {
    survey,
    choices,
    settings: [
      {
        form_id: questionnaire.id,
        version: questionnaire.version,
        form_title: titleText,
        default_language: defaultName,
        ...extension(ext),
      },
    ],
  };
}
