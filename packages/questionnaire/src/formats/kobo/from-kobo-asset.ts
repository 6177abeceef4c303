import type { Issue } from '@edu-quality/core';
import { listItems } from '../../items.js';
import { Issues, type FormatImportResult } from '../shared/import-support.js';
import { fromXlsForm, type FromXlsFormOptions, type XlsFormRow } from '../xlsform/from-xlsform.js';

/** The result of {@link fromKoboAsset}: the import, and the export columns of its items. */
export interface KoboImportResult extends FormatImportResult {
  /**
   * The headers of a Kobo data export (`group/question`, group names joined
   * with `/`) mapped to item ids, for the `columns` option of `readResponses`.
   */
  readonly columns: Readonly<Record<string, string>>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Imports the content of a KoboToolbox asset (`{ survey, choices, settings,
 * translations }`, as the Kobo API returns it) into a questionnaire, through
 * `fromXlsForm`.
 *
 * @remarks
 * Kobo's JSON is XLSForm with three differences, undone here: texts
 * (`label`, `hint`, …) are arrays aligned with `translations` (a `null`
 * translation is the unsuffixed default column); a select row has
 * `type: select_one` plus `select_from_list_name`; `required` is a boolean.
 * `$autoname` stands in for a missing `name`; `settings` may be an object,
 * with `id_string` for `form_id`. Everything `fromXlsForm` supports and
 * reports applies (Kobo's own `begin_score`/`begin_rank`/`begin_kobomatrix`
 * blocks are reported as `unsupported-type`). Issues name the `survey` or
 * `choices` row (1-based, counting a header row as XLSForm does).
 *
 * `columns` maps the headers of a Kobo data export to item ids, from the
 * group structure of the asset; pass it as `readResponses`'s `columns`
 * option. The 0/1 columns of a multiple choice (`group/q/option`) are not in
 * it: `readResponses` recognises them by their `q/option` tail.
 *
 * @param content - the asset content as parsed JSON
 * @param options - as for `fromXlsForm`
 * @returns the questionnaire, the issues and the export column map
 *
 * @example
 * ```ts
 * import { fromKoboAsset } from '@edu-quality/questionnaire/kobo';
 * const result = fromKoboAsset({
 *   survey: [
 *     { type: 'begin_group', name: 'service', label: ['Service', 'Paslauga'] },
 *     { type: 'select_one', select_from_list_name: 'yn', name: 'helped', label: ['Were you helped?', 'Ar jums padėjo?'], required: true },
 *     { type: 'end_group' },
 *   ],
 *   choices: [
 *     { list_name: 'yn', name: 'yes', label: ['Yes', 'Taip'] },
 *     { list_name: 'yn', name: 'no', label: ['No', 'Ne'] },
 *   ],
 *   settings: { id_string: 'visit', default_language: 'English (en)' },
 *   translations: ['English (en)', 'Lietuvių (lt)'],
 * });
 * result.questionnaire?.locales; // => ['en', 'lt']
 * result.questionnaire?.sections[0]?.questions[0]?.text; // => { en: 'Were you helped?', lt: 'Ar jums padėjo?' }
 * result.columns; // => { 'service/helped': 'helped' }
 * result.issues; // => []
 * ```
 */
export function fromKoboAsset(
  content: unknown,
  options: FromXlsFormOptions = {},
): KoboImportResult {
  const issues = new Issues();
  if (!isObject(content) || !Array.isArray(content['survey'])) {
    issues.add('invalid-json', 'a Kobo asset content is an object with a survey list', []);
    return { questionnaire: undefined, issues: issues.list, columns: {} };
  }
  const translations: (string | null)[] = Array.isArray(content['translations'])
    ? (content['translations'] as unknown[]).map((t) =>
        typeof t === 'string' && t !== '' ? t : null,
      )
    : [null];
  const rows = (list: unknown, sheet: string): XlsFormRow[] => {
    if (!Array.isArray(list)) return [];
    return list.map((row: unknown, i) => {
      const out: Record<string, unknown> = {};
      if (!isObject(row)) return out;
      for (const [key, value] of Object.entries(row)) {
        if (key.startsWith('$') && key !== '$autoname') continue;
        if (Array.isArray(value)) {
          if (value.length !== translations.length) {
            issues.list.push({
              code: 'misaligned-translations',
              message: `${key} has ${value.length} texts for ${translations.length} translations`,
              path: [sheet],
              row: i + 2,
              field: key,
            });
          }
          translations.forEach((translation, t) => {
            const text: unknown = value[t];
            if (text !== undefined && text !== null)
              out[translation === null ? key : `${key}::${translation}`] = text;
          });
          continue;
        }
        if (key === 'required' && typeof value === 'boolean') out[key] = value ? 'yes' : 'no';
        else out[key] = value;
      }
      if (out['name'] === undefined && out['$autoname'] !== undefined)
        out['name'] = out['$autoname'];
      delete out['$autoname'];
      const type = out['type'];
      const list = out['select_from_list_name'];
      if (
        typeof type === 'string' &&
        typeof list === 'string' &&
        /^select_(one|multiple)$/.test(type)
      ) {
        out['type'] = `${type} ${list}`;
        delete out['select_from_list_name'];
      }
      return out;
    });
  };
  const rawSettings = content['settings'];
  const settingsRow: Record<string, unknown> = isObject(rawSettings)
    ? { ...rawSettings }
    : Array.isArray(rawSettings) && isObject(rawSettings[0])
      ? { ...rawSettings[0] }
      : {};
  if (settingsRow['form_id'] === undefined && settingsRow['id_string'] !== undefined)
    settingsRow['form_id'] = settingsRow['id_string'];
  const survey = rows(content['survey'], 'survey');
  const result = fromXlsForm(
    { survey, choices: rows(content['choices'], 'choices'), settings: [settingsRow] },
    options,
  );
  return {
    ...result,
    issues: [...issues.list, ...result.issues],
    columns: exportColumns(survey, result),
  };
}

// Walks the survey rows as Kobo's export does: group names joined with `/`.
function exportColumns(
  survey: readonly XlsFormRow[],
  result: FormatImportResult,
): Record<string, string> {
  const columns: Record<string, string> = {};
  if (result.questionnaire === undefined) return columns;
  const items = new Set(listItems(result.questionnaire).map((item) => item.id));
  const renamed = new Set(
    result.issues.filter((i: Issue) => i.code === 'renamed-id').map((i) => i.row),
  );
  const groups: string[] = [];
  survey.forEach((row, i) => {
    const type = (typeof row['type'] === 'string' ? row['type'] : '')
      .toLowerCase()
      .replace(/\s+/g, '_');
    const name = typeof row['name'] === 'string' ? row['name'] : '';
    if (type === 'begin_group' || type === 'begin_repeat') groups.push(name);
    else if (type === 'end_group' || type === 'end_repeat') groups.pop();
    else if (name !== '' && items.has(name) && !renamed.has(i + 2))
      columns[[...groups, name].join('/')] = name;
  });
  return columns;
}
