import {
  EduQualityError,
  checkOptions,
  localize,
  type Locale,
  type OptionShape,
} from '@edu-quality/core';
import { listItems, type Item, type Questionnaire } from '@edu-quality/questionnaire';

/** Options of {@link responsesToCsv}. */
export interface ResponsesToCsvOptions {
  /**
   * The questionnaire the records answer: it orders the columns (every item,
   * in questionnaire order, answered or not) and gives the labels. Required
   * for `labels: 'labels'`.
   */
  readonly questionnaire?: Questionnaire;
  /** The cell delimiter. Default `,`. */
  readonly delimiter?: ',' | ';' | '\t' | '|';
  /** Write answer codes (`4`, `parent`) or their labels (`Patenkintas (-a)`). Default `codes`. */
  readonly labels?: 'codes' | 'labels';
  /** The locale of the labels. Default: the questionnaire's default locale. */
  readonly locale?: Locale;
  /** The decimal separator of fractional numbers (weights). Default `.`. */
  readonly decimalSeparator?: '.' | ',';
  /**
   * The separator of the choices of a multiple-choice answer in one cell.
   * Default: a space for codes; for labels `;` in a `,`-delimited file and
   * `,` otherwise.
   */
  readonly multiSeparator?: string;
  /** Start with a UTF-8 byte order mark, as Excel exports do. Default `false`. */
  readonly bom?: boolean;
  /** The line ending. Default `\r\n` (RFC 4180). */
  readonly lineEnding?: '\r\n' | '\n';
}

type Cell = string | number | readonly string[] | undefined;

function labelOf(
  item: Item | undefined,
  value: string | number,
  locale: Locale,
): string | undefined {
  if (item === undefined) return undefined;
  if (typeof value === 'number') {
    if (item.notApplicable === value) {
      const na =
        item.scale?.notApplicable ??
        (item.question.kind === 'rating' ? item.question.notApplicable : undefined);
      return na === undefined ? undefined : localize(na.label, locale);
    }
    const point = item.scale?.points.find((p) => p.value === value);
    return point === undefined ? undefined : localize(point.label, locale);
  }
  const option = item.options?.find((o) => o.value === value);
  return option === undefined ? undefined : localize(option.label, locale);
}

// Every key responsesToCsv knows: a typo is an error, not a default.
const CSV_OPTIONS: OptionShape = {
  questionnaire: { type: 'unknown' },
  delimiter: { type: 'unknown' },
  labels: { type: 'unknown' },
  locale: { type: 'unknown' },
  decimalSeparator: { type: 'unknown' },
  multiSeparator: { type: 'unknown' },
  bom: { type: 'unknown' },
  lineEnding: { type: 'unknown' },
};

/**
 * Writes response records, such as those of {@link generateResponses}, as a
 * CSV text: a header row of item ids, then one row per record.
 *
 * @remarks
 * RFC 4180: a cell that holds the delimiter, a double quote, a carriage
 * return or a line feed is quoted, with quotes doubled. Cells are otherwise
 * written verbatim: text such as `=SUM(A1)` stays as it is, because the file
 * is data for `readResponses` of `@edu-quality/questionnaire`, which never
 * evaluates cells; a report meant for spreadsheet users must neutralise such
 * cells itself.
 *
 * Columns: with a questionnaire, the keys that precede the items in a record
 * (such as `id`), then every item in questionnaire order, then the other keys
 * (such as `weight`) in the order first seen; without one, every key in the
 * order first seen. In `labels` mode a scale or option code is replaced by its
 * label in `locale` (a code without a label stays a code); rating and NPS
 * scores stay numbers. Fractional numbers use `decimalSeparator`, as Excel
 * writes them in the LT and RU locales.
 *
 * @param records - the records, keyed by column
 * @param options - the questionnaire, delimiter, labels and layout
 * @returns the CSV text
 * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` when
 * `labels` is `labels` without a questionnaire, or a separator is empty
 *
 * @example
 * ```ts
 * responsesToCsv([{ id: 'R1', q: 4, note: 'a;b' }, { id: 'R2', note: 'say "hi"' }], { delimiter: ';' }); // => 'id;q;note\r\nR1;4;"a;b"\r\nR2;;"say ""hi"""\r\n'
 * const records = generateResponses(educationSatisfactionQuestionnaire, { n: 3, seed: 7, weights: true });
 * const csv = responsesToCsv(records, { questionnaire: educationSatisfactionQuestionnaire, delimiter: ';', labels: 'labels', decimalSeparator: ',', bom: true });
 * csv.startsWith('\uFEFFid;group;institution;service;info_available'); // => true
 * csv.split('\r\n')[0]?.endsWith('improve;weight'); // => true
 * ```
 */
export function responsesToCsv(
  records: readonly Readonly<Record<string, string | number | readonly string[] | undefined>>[],
  options: ResponsesToCsvOptions = {},
): string {
  checkOptions('responsesToCsv', options, CSV_OPTIONS);
  const delimiter = options.delimiter ?? ',';
  const mode = options.labels ?? 'codes';
  const { questionnaire } = options;
  if (mode === 'labels' && questionnaire === undefined) {
    throw new EduQualityError(
      'invalid-argument',
      "responsesToCsv: labels: 'labels' needs the questionnaire",
    );
  }
  const locale = options.locale ?? questionnaire?.defaultLocale ?? 'en';
  const decimal = options.decimalSeparator ?? '.';
  const multiSeparator =
    options.multiSeparator ?? (mode === 'codes' ? ' ' : delimiter === ',' ? ';' : ',');
  if (multiSeparator === '')
    throw new EduQualityError('invalid-argument', 'responsesToCsv: multiSeparator is empty');
  const eol = options.lineEnding ?? '\r\n';

  const items = new Map<string, Item>();
  if (questionnaire !== undefined)
    for (const item of listItems(questionnaire)) items.set(item.id, item);

  // Column order.
  const leading: string[] = [];
  const trailing: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    let afterItem = false;
    for (const key of Object.keys(record)) {
      if (items.has(key)) {
        afterItem = true;
        continue;
      }
      if (seen.has(key)) continue;
      seen.add(key);
      (afterItem || questionnaire === undefined ? trailing : leading).push(key);
    }
  }
  const columns = [...leading, ...items.keys(), ...trailing];

  const number = (value: number): string => {
    const text = String(value);
    return decimal === '.' ? text : text.replace('.', decimal);
  };
  // Labels by column and code, looked up once per distinct answer.
  const labelCache = new Map<string, Map<string | number, string | undefined>>();
  const cachedLabel = (
    item: Item | undefined,
    column: string,
    value: string | number,
  ): string | undefined => {
    let byValue = labelCache.get(column);
    if (byValue === undefined) {
      byValue = new Map();
      labelCache.set(column, byValue);
    }
    if (byValue.has(value)) return byValue.get(value);
    const label = labelOf(item, value, locale);
    byValue.set(value, label);
    return label;
  };
  const plain = (column: string, value: string | number): string => {
    if (mode === 'labels') {
      const item = items.get(column);
      const kind = item?.kind;
      if (typeof value === 'string' || kind === 'scale') {
        const label = cachedLabel(item, column, value);
        if (label !== undefined) return label;
      } else if (item?.notApplicable === value) {
        const label = cachedLabel(item, column, value);
        if (label !== undefined) return label;
      }
    }
    return typeof value === 'number' ? number(value) : value;
  };
  const quote = (text: string): string =>
    text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  const cell = (column: string, value: Cell): string => {
    if (value === undefined) return '';
    if (Array.isArray(value)) {
      return quote((value as readonly string[]).map((v) => plain(column, v)).join(multiSeparator));
    }
    return quote(plain(column, value as string | number));
  };

  const lines = [columns.map(quote).join(delimiter)];
  for (const record of records) {
    lines.push(
      columns
        .map((column) => cell(column, Object.hasOwn(record, column) ? record[column] : undefined))
        .join(delimiter),
    );
  }
  return `${options.bom === true ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}
