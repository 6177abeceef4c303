import type { ValueFormat } from './report-document.js';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/**
 * Formats a bound number for a reader in a locale.
 *
 * @remarks
 * Formats, by {@link ValueFormat}: `score` one decimal; `share` a percentage
 * with one decimal; `count` a whole number with grouping; `signed` one decimal
 * with its sign; `decimal` two decimals; `p-value` three decimals, or
 * `< 0.001`; `level` a whole percentage. Digits, separators and the percent
 * sign follow `Intl.NumberFormat` for the locale (a decimal comma in lt and
 * ru). A `null` or non-finite value is shown as an em dash, so `NaN` never
 * reaches a reader.
 *
 * @param value - the number, or `null`
 * @param format - how to show it
 * @param locale - a BCP 47 tag
 * @returns the formatted text
 *
 * @example
 * ```ts
 * formatValue(80.0524, 'score', 'en'); // => '80.1'
 * formatValue(80.0524, 'score', 'lt'); // => '80,1'
 * formatValue(0.853, 'share', 'en'); // => '85.3%'
 * formatValue(2.04, 'signed', 'en'); // => '+2.0'
 * formatValue(0.0004, 'p-value', 'en'); // => '< 0.001'
 * formatValue(null, 'score', 'en'); // => '—'
 * ```
 */
export function formatValue(value: number | null, format: ValueFormat, locale: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (format) {
    case 'score':
      return numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
        value,
      );
    case 'share':
      return numberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(value);
    case 'count':
      return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case 'signed':
      return numberFormat(locale, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }).format(value);
    case 'decimal':
      return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        value,
      );
    case 'p-value':
      return value < 0.001
        ? `< ${numberFormat(locale, { minimumFractionDigits: 3 }).format(0.001)}`
        : numberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(
            value,
          );
    case 'level':
      return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  }
}
