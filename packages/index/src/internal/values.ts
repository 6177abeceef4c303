import type { CategoryColumn, ScaleColumn } from '@edu-quality/questionnaire';
import type { CategoriesInput, ValuesInput } from '../values-input.js';

export type { CategoriesInput, ValuesInput };

// The sentinels of a ScaleColumn (SCALE_NOT_APPLICABLE = 254, SCALE_MISSING =
// 255). Written as literals so that a bundle does not pull the questionnaire
// runtime for two constants.
const FIRST_SENTINEL = 254;

/** A uniform view: NaN for no answer or "not applicable". */
export interface ValuesView {
  /** The item id of a scale column; undefined for plain values. */
  readonly id: string | undefined;
  readonly length: number;
  readonly min: number | undefined;
  readonly max: number | undefined;
  at(i: number): number;
}

function isScaleColumn(values: ValuesInput): values is ScaleColumn {
  return (values as Partial<ScaleColumn>).kind === 'scale' && 'values' in values;
}

/** Reads plain values or a scale column. */
export function viewValues(values: ValuesInput): ValuesView {
  if (isScaleColumn(values)) {
    const codes = values.values;
    return {
      id: values.id,
      length: codes.length,
      min: values.min,
      max: values.max,
      at: (i) => {
        const c = codes[i]!;
        return c >= FIRST_SENTINEL ? NaN : c;
      },
    };
  }
  return {
    id: undefined,
    length: values.length,
    min: undefined,
    max: undefined,
    at: (i) => {
      const v = values[i];
      return v === null || v === undefined ? NaN : v;
    },
  };
}

/** A uniform view of categories: undefined for no answer. */
export interface CategoriesView {
  readonly length: number;
  at(i: number): string | undefined;
}

function isCategoryColumn(input: CategoriesInput): input is CategoryColumn {
  return (input as Partial<CategoryColumn>).kind === 'category' && 'codes' in input;
}

/** Reads plain labels or a category column (code −1 is no answer). */
export function viewCategories(input: CategoriesInput): CategoriesView {
  if (isCategoryColumn(input)) {
    const { codes, dictionary } = input;
    return { length: codes.length, at: (i) => dictionary[codes[i]!] };
  }
  return { length: input.length, at: (i) => input[i] ?? undefined };
}
