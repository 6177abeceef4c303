import type { Questionnaire } from '../../schema.js';

/** Options of {@link koboColumnMap} and {@link koboExportColumns}. */
export interface KoboColumnOptions {
  /** The group separator of the export (Kobo's `group_sep`). Default `/`. */
  readonly groupSeparator?: string;
}

/** A column of a Kobo data export, as {@link koboExportColumns} lists it. */
export interface KoboExportColumn {
  /** The column header, for example `service/staff` or `service/topics/food`. */
  readonly header: string;
  /** The item whose answer the column holds. */
  readonly itemId: string;
  /** For a 0/1 column of a multiple-choice item: the option code. */
  readonly option?: string;
}

/**
 * Lists the columns a Kobo data export of the questionnaire has, as
 * exported to XLSForm by `toXlsForm` and deployed in KoboToolbox.
 *
 * @remarks
 * Each section is a group and each matrix a group inside it, so a question
 * is `section/question` and a matrix row `section/matrix/row` (group names
 * joined with `group_sep`, `/` by default). A multiple-choice question has
 * its summary column (codes separated by spaces) followed by one 0/1 column
 * per option, `section/question/option`, as Kobo's `multiple_select: both`
 * writes them.
 *
 * @param questionnaire - a valid questionnaire
 * @param options - the group separator
 * @returns the columns, in questionnaire order
 *
 * @example
 * ```ts
 * import { koboExportColumns } from '@edu-quality/questionnaire/kobo';
 * const columns = koboExportColumns({
 *   id: 'demo', version: '1', title: { en: 'Demo' }, locales: ['en'], defaultLocale: 'en',
 *   sections: [{ id: 's1', title: { en: 'Service' }, questions: [
 *     { id: 'topics', kind: 'multi', text: { en: 'Topics' }, options: [{ value: 'food', label: { en: 'Food' } }, { value: 'staff', label: { en: 'Staff' } }] },
 *   ] }],
 * });
 * columns.map((c) => c.header); // => ['s1/topics', 's1/topics/food', 's1/topics/staff']
 * ```
 */
export function koboExportColumns(
  questionnaire: Questionnaire,
  options: KoboColumnOptions = {},
): KoboExportColumn[] {
  const sep = options.groupSeparator ?? '/';
  const out: KoboExportColumn[] = [];
  for (const section of questionnaire.sections) {
    for (const question of section.questions) {
      if (question.kind === 'matrix') {
        for (const row of question.rows)
          out.push({ header: [section.id, question.id, row.id].join(sep), itemId: row.id });
        continue;
      }
      const header = [section.id, question.id].join(sep);
      out.push({ header, itemId: question.id });
      if (question.kind === 'multi') {
        for (const option of question.options)
          out.push({
            header: `${header}/${option.value}`,
            itemId: question.id,
            option: option.value,
          });
      }
    }
  }
  return out;
}

/**
 * Maps the headers of a Kobo data export to the questionnaire's item ids,
 * for the `columns` option of `readResponses`.
 *
 * @remarks
 * The headers are those of {@link koboExportColumns}: `section/question`
 * and `section/matrix/row`. The 0/1 columns of a multiple choice
 * (`section/question/option`) are left out on purpose: mapped to the item
 * they would be read as its summary column, while `readResponses` already
 * recognises them by their `question/option` tail (and prefers the summary
 * column when both are present).
 *
 * @param questionnaire - a valid questionnaire
 * @param options - the group separator
 * @returns headers mapped to item ids
 *
 * @example
 * ```ts
 * import { koboColumnMap } from '@edu-quality/questionnaire/kobo';
 * const scale = { points: [{ value: 1, label: { en: 'Bad' } }, { value: 2, label: { en: 'Good' } }] };
 * const questionnaire = {
 *   id: 'demo', version: '1', title: { en: 'Demo' }, locales: ['en'], defaultLocale: 'en',
 *   sections: [{ id: 's1', title: { en: 'Service' }, questions: [
 *     { id: 'grid', kind: 'matrix', text: { en: 'Rate' }, scale, rows: [{ id: 'staff', text: { en: 'Staff' } }] },
 *     { id: 'nps', kind: 'nps', text: { en: 'Recommend?' } },
 *   ] }],
 * };
 * koboColumnMap(questionnaire); // => { 's1/grid/staff': 'staff', 's1/nps': 'nps' }
 * ```
 */
export function koboColumnMap(
  questionnaire: Questionnaire,
  options: KoboColumnOptions = {},
): Record<string, string> {
  const map: Record<string, string> = {};
  for (const column of koboExportColumns(questionnaire, options)) {
    if (column.option === undefined) map[column.header] = column.itemId;
  }
  return map;
}
