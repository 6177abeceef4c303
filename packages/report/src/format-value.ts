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

const DECIMALS: Readonly<Record<ValueFormat, number>> = {
  score: 1,
  share: 3, // a percentage with one decimal
  count: 0,
  signed: 1,
  decimal: 2,
  'p-value': 3,
  level: 3,
};

/**
 * Rounds half-up (away from zero) on the decimal value as written, not on
 * its binary approximation: 86.005 gives 86.01, as NOK operators publish it,
 * where `Intl` alone would see 86.00499… and give 86.00.
 */
function roundHalfUp(value: number, decimals: number): number {
  const sign = value < 0 ? -1 : 1;
  const text = String(Math.abs(value));
  if (text.includes('e'))
    return (sign * Math.round(Math.abs(value) * 10 ** decimals)) / 10 ** decimals;
  return sign * Number(`${Math.round(Number(`${text}e${decimals}`))}e-${decimals}`);
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
 * ru). Rounding is half-up on the decimal value (86.005 → 86.01). A `null` or non-finite value is shown as an em dash, so `NaN` never
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
 * formatValue(86.005, 'decimal', 'ru'); // => '86,01'
 * formatValue(null, 'score', 'en'); // => '—'
 * ```
 */
export function formatValue(value: number | null, format: ValueFormat, locale: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (format !== 'p-value' || value >= 0.001) value = roundHalfUp(value, DECIMALS[format]);
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
