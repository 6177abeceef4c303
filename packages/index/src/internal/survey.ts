import type { ItemRole, ResponseColumn, ResponseSet } from '@edu-quality/questionnaire';
import type { SurveyData, SurveyInput } from '../survey-input.js';
import { checkWeights, ensure } from './fail.js';

/** Answer status codes of an item view. */
export const ANSWERED = 0;
export const MISSING = 1;
export const NOT_APPLICABLE = 2;

/** What the index needs to know of an item, without its answers. */
export interface ItemMeta {
  readonly id: string;
  readonly role: ItemRole | undefined;
  readonly dimension: string | undefined;
  readonly importanceOf: string | undefined;
  readonly min: number;
  readonly max: number;
}

/**
 * An item as the index reads it: typed arrays, so that the hot loops of the
 * accumulators read memory rather than call closures.
 */
export interface ItemView extends ItemMeta {
  /** The answer of each row; meaningful where status is ANSWERED. */
  readonly values: Float64Array;
  /** ANSWERED, MISSING or NOT_APPLICABLE per row. */
  readonly status: Uint8Array;
  /**
   * The answers as one byte per row, when every answer is an integer in 0–253:
   * the answer itself, NA_CODE or MISSING_CODE. The batch path reads these,
   * a ninth of the memory of values and status.
   */
  readonly codes: Uint8Array | undefined;
}

/** The items of a survey without their answers. */
export interface SurveyLayout {
  readonly items: readonly ItemMeta[];
  readonly byId: ReadonlyMap<string, ItemMeta>;
}

/** A segment field, dictionary-encoded: code −1 is no answer. */
export interface SegmentView {
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
  /**
   * How many leading dictionary entries are declared options; codes at or
   * above it are unlisted codes as respondents typed them. Every entry of a
   * plain {@link SurveyData} segment counts as declared (the caller wrote it).
   */
  readonly declared: number;
}

/** A survey as the index reads it. */
export interface SurveyView {
  readonly size: number;
  readonly weighted: boolean;
  /** One weight per row (all 1 when unweighted), checked finite, positive and normal. */
  readonly weights: Float64Array;
  /**
   * The power of two at or below the largest weight: sums over the whole
   * survey divide the weights by it, so that they cannot overflow (see
   * checkWeights); accumulators fed row by row keep their own WeightUnit.
   */
  readonly unit: number;
  readonly items: readonly ItemView[];
  readonly byId: ReadonlyMap<string, ItemView>;
  segment(field: string): SegmentView | undefined;
}

function isResponseSet(input: SurveyInput): input is ResponseSet {
  return 'columns' in input && input.columns instanceof Map;
}

// Sentinels of a ScaleColumn (SCALE_NOT_APPLICABLE, SCALE_MISSING), as literals
// so that a bundle does not pull the questionnaire runtime.
const NA_CODE = 254;
const MISSING_CODE = 255;

function encode(labels: ArrayLike<string | null | undefined>): SegmentView {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label === null || label === undefined) {
      codes[i] = -1;
      continue;
    }
    let code = index.get(label);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(label);
      index.set(label, code);
    }
    codes[i] = code;
  }
  return { codes, dictionary, declared: dictionary.length };
}

// A ResponseSet's byte codes, decoded to values and status only when a caller
// reads them: the batch path reads the codes alone, and decoding 30 columns of
// a million rows costs ~270 MB and a pass over each.
function codedItem(meta: ItemMeta, codes: Uint8Array): ItemView {
  let decoded: { values: Float64Array; status: Uint8Array } | undefined;
  const decode = (): { values: Float64Array; status: Uint8Array } => {
    if (decoded === undefined) {
      const values = new Float64Array(codes.length);
      const status = new Uint8Array(codes.length);
      for (let i = 0; i < codes.length; i++) {
        const c = codes[i]!;
        if (c === MISSING_CODE) status[i] = MISSING;
        else if (c === NA_CODE) status[i] = NOT_APPLICABLE;
        else values[i] = c;
      }
      decoded = { values, status };
    }
    return decoded;
  };
  return {
    ...meta,
    codes,
    get values(): Float64Array {
      return decode().values;
    },
    get status(): Uint8Array {
      return decode().status;
    },
  };
}

function memo(
  make: (field: string) => SegmentView | undefined,
): (field: string) => SegmentView | undefined {
  const seen = new Map<string, SegmentView | undefined>();
  return (field) => {
    if (!seen.has(field)) seen.set(field, make(field));
    return seen.get(field);
  };
}

function fromResponseSet(set: ResponseSet, fn: string): SurveyView {
  const items: ItemView[] = [];
  const size = set.size;
  for (const item of set.items) {
    const column = set.columns.get(item.id);
    if (column?.kind !== 'scale') continue;
    items.push(
      codedItem(
        {
          id: item.id,
          role: item.role,
          dimension: item.dimension,
          importanceOf: item.importanceOf,
          min: column.min,
          max: column.max,
        },
        column.values,
      ),
    );
  }
  const weights = set.weights;
  const unit = weights === undefined ? 1 : checkWeights(weights, size, fn).unit;
  return {
    size,
    weighted: weights !== undefined,
    weights: weights ?? new Float64Array(size).fill(1),
    unit,
    items,
    byId: new Map(items.map((item) => [item.id, item])),
    segment: memo((field) => {
      const column = set.columns.get(field);
      if (column?.kind !== 'category') return undefined;
      // The dictionary holds the item's options first, then unlisted codes as met.
      const options = set.items.find((item) => item.id === field)?.options?.length ?? 0;
      return {
        codes: column.codes,
        dictionary: column.dictionary,
        declared: Math.min(options, column.dictionary.length),
      };
    }),
  };
}

function fromPlain(data: SurveyData, fn: string): SurveyView {
  const size = data.items[0]?.values.length ?? data.weights?.length ?? 0;
  const items = data.items.map((item): ItemView => {
    ensure(item.values.length === size, fn, `item ${item.id} must have ${size} answers`);
    ensure(
      Number.isFinite(item.min) && Number.isFinite(item.max) && item.min < item.max,
      fn,
      `item ${item.id} needs min < max`,
    );
    const values = new Float64Array(size);
    const status = new Uint8Array(size);
    // Byte codes too while every answer is an integer 0–253 (see ItemView.codes).
    let codes: Uint8Array | undefined = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      const v = item.values[i];
      if (v === 'na') {
        status[i] = NOT_APPLICABLE;
        if (codes !== undefined) codes[i] = NA_CODE;
      } else if (v === null || v === undefined || Number.isNaN(v)) {
        status[i] = MISSING;
        if (codes !== undefined) codes[i] = MISSING_CODE;
      } else {
        ensure(
          v >= item.min && v <= item.max,
          fn,
          `item ${item.id}: answer ${v} at row ${i} is outside ${item.min}–${item.max}`,
        );
        values[i] = v;
        if (codes !== undefined) {
          if (Number.isInteger(v) && v >= 0 && v < NA_CODE) codes[i] = v;
          else codes = undefined;
        }
      }
    }
    return {
      codes,
      id: item.id,
      role: item.role,
      dimension: item.dimension,
      importanceOf: item.importanceOf,
      min: item.min,
      max: item.max,
      values,
      status,
    };
  });
  ensure(new Set(items.map((i) => i.id)).size === items.length, fn, 'item ids must be unique');
  const weights = data.weights;
  const unit = weights === undefined ? 1 : checkWeights(weights, size, fn).unit;
  const segments = data.segments ?? {};
  for (const [field, values] of Object.entries(segments)) {
    ensure(values.length === size, fn, `segment ${field} must have ${size} entries`);
  }
  return {
    size,
    weighted: weights !== undefined,
    weights: weights === undefined ? new Float64Array(size).fill(1) : Float64Array.from(weights),
    unit,
    items,
    byId: new Map(items.map((item) => [item.id, item])),
    segment: memo((field) =>
      Object.hasOwn(segments, field) ? encode(segments[field]!) : undefined,
    ),
  };
}

// Views live only while a call that reads the survey runs (see withSurvey), so
// that data changed between calls is read afresh and no copy outlives the call.
const scoped = new WeakMap<object, SurveyView>();

function build(input: SurveyInput, fn: string): SurveyView {
  return isResponseSet(input) ? fromResponseSet(input, fn) : fromPlain(input, fn);
}

/** The typed view of a survey: the one of the running call, or a fresh one. */
export function viewSurvey(input: SurveyInput, fn: string): SurveyView {
  return scoped.get(input) ?? build(input, fn);
}

/** Runs `body` with one view of `input` shared by every read inside it. */
export function withSurvey<T>(input: SurveyInput, fn: string, body: (view: SurveyView) => T): T {
  const existing = scoped.get(input);
  if (existing !== undefined) return body(existing);
  const view = build(input, fn);
  scoped.set(input, view);
  try {
    return body(view);
  } finally {
    scoped.delete(input);
  }
}

/** One row: the shared view inside a call, else a one-row view of just that row. */
export function viewRow(
  input: SurveyInput,
  row: number,
  fn: string,
): { view: SurveyView; row: number } {
  const view = scoped.get(input);
  if (view !== undefined) {
    ensure(Number.isInteger(row) && row >= 0 && row < view.size, fn, `row ${row} is out of range`);
    return { view, row };
  }
  return { view: build(oneRow(input, row, fn), fn), row: 0 };
}

/** The survey made of row `row` alone. */
export function oneRow(input: SurveyInput, row: number, fn: string): SurveyInput {
  const size = isResponseSet(input)
    ? input.size
    : (input.items[0]?.values.length ?? input.weights?.length ?? 0);
  ensure(Number.isInteger(row) && row >= 0 && row < size, fn, `row ${row} is out of range`);
  return sliceRow(input, row);
}

function sliceRow(input: SurveyInput, row: number): SurveyInput {
  if (isResponseSet(input)) {
    const columns = new Map<string, ResponseColumn>();
    for (const [id, column] of input.columns) {
      if (column.kind === 'scale')
        columns.set(id, { ...column, values: column.values.subarray(row, row + 1) });
      else if (column.kind === 'category')
        columns.set(id, { ...column, codes: column.codes.subarray(row, row + 1) });
    }
    return {
      ...input,
      size: 1,
      columns,
      ...(input.weights === undefined ? {} : { weights: input.weights.subarray(row, row + 1) }),
    };
  }
  const segments: Record<string, (string | null | undefined)[]> = {};
  for (const [field, labels] of Object.entries(input.segments ?? {}))
    segments[field] = [labels[row]];
  return {
    items: input.items.map((item) => ({ ...item, values: [item.values[row]] })),
    ...(input.weights === undefined ? {} : { weights: [input.weights[row]!] }),
    segments,
  };
}

/** The items of a survey (ids, scales, roles), without reading its answers. */
export function layoutOf(input: SurveyInput, fn: string): SurveyLayout {
  const view = scoped.get(input);
  if (view !== undefined) return view;
  let items: ItemMeta[];
  if (isResponseSet(input)) {
    items = [];
    for (const item of input.items) {
      const column = input.columns.get(item.id);
      if (column?.kind !== 'scale') continue;
      items.push({
        id: item.id,
        role: item.role,
        dimension: item.dimension,
        importanceOf: item.importanceOf,
        min: column.min,
        max: column.max,
      });
    }
  } else {
    items = input.items.map((item) => {
      ensure(
        Number.isFinite(item.min) && Number.isFinite(item.max) && item.min < item.max,
        fn,
        `item ${item.id} needs min < max`,
      );
      return {
        id: item.id,
        role: item.role,
        dimension: item.dimension,
        importanceOf: item.importanceOf,
        min: item.min,
        max: item.max,
      };
    });
    ensure(new Set(items.map((i) => i.id)).size === items.length, fn, 'item ids must be unique');
  }
  return { items, byId: new Map(items.map((item) => [item.id, item])) };
}
