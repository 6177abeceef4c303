import type { ItemRole, ResponseSet } from '@edu-quality/questionnaire';
import type { SurveyData, SurveyInput } from '../survey-input.js';
import { checkWeights, ensure } from './fail.js';
import { viewCategories, type CategoriesView } from './values.js';

/** Answer status codes of an item view. */
export const ANSWERED = 0;
export const MISSING = 1;
export const NOT_APPLICABLE = 2;

/** An item as the index reads it. */
export interface ItemView {
  readonly id: string;
  readonly role: ItemRole | undefined;
  readonly dimension: string | undefined;
  readonly importanceOf: string | undefined;
  readonly min: number;
  readonly max: number;
  /** The answer of row i; only meaningful when status(i) is ANSWERED. */
  value(i: number): number;
  status(i: number): number;
}

/** A survey as the index reads it. */
export interface SurveyView {
  readonly size: number;
  readonly weighted: boolean;
  weight(i: number): number;
  readonly items: readonly ItemView[];
  readonly byId: ReadonlyMap<string, ItemView>;
  segment(field: string): CategoriesView | undefined;
}

const cache = new WeakMap<object, SurveyView>();

function isResponseSet(input: SurveyInput): input is ResponseSet {
  return 'columns' in input && input.columns instanceof Map;
}

// Sentinels of a ScaleColumn (SCALE_NOT_APPLICABLE, SCALE_MISSING), as literals
// so that a bundle does not pull the questionnaire runtime.
const NA_CODE = 254;
const MISSING_CODE = 255;

function fromResponseSet(set: ResponseSet): SurveyView {
  const items: ItemView[] = [];
  for (const item of set.items) {
    const column = set.columns.get(item.id);
    if (column?.kind !== 'scale') continue;
    const codes = column.values;
    items.push({
      id: item.id,
      role: item.role,
      dimension: item.dimension,
      importanceOf: item.importanceOf,
      min: column.min,
      max: column.max,
      value: (i) => codes[i]!,
      status: (i) => {
        const c = codes[i]!;
        return c === MISSING_CODE ? MISSING : c === NA_CODE ? NOT_APPLICABLE : ANSWERED;
      },
    });
  }
  const weights = set.weights;
  if (weights !== undefined) checkWeights(weights, set.size, 'readResponses weights');
  return {
    size: set.size,
    weighted: weights !== undefined,
    weight: weights === undefined ? () => 1 : (i) => weights[i]!,
    items,
    byId: new Map(items.map((item) => [item.id, item])),
    segment: (field) => {
      const column = set.columns.get(field);
      return column?.kind === 'category' ? viewCategories(column) : undefined;
    },
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
    for (let i = 0; i < size; i++) {
      const v = item.values[i];
      if (v === 'na') status[i] = NOT_APPLICABLE;
      else if (v === null || v === undefined || Number.isNaN(v)) status[i] = MISSING;
      else {
        ensure(
          v >= item.min && v <= item.max,
          fn,
          `item ${item.id}: answer ${v} at row ${i} is outside ${item.min}–${item.max}`,
        );
        values[i] = v;
      }
    }
    return {
      id: item.id,
      role: item.role,
      dimension: item.dimension,
      importanceOf: item.importanceOf,
      min: item.min,
      max: item.max,
      value: (i) => values[i]!,
      status: (i) => status[i]!,
    };
  });
  ensure(new Set(items.map((i) => i.id)).size === items.length, fn, 'item ids must be unique');
  const weights = data.weights;
  if (weights !== undefined) checkWeights(weights, size, fn);
  const segments = data.segments ?? {};
  for (const [field, values] of Object.entries(segments)) {
    ensure(values.length === size, fn, `segment ${field} must have ${size} entries`);
  }
  return {
    size,
    weighted: weights !== undefined,
    weight: weights === undefined ? () => 1 : (i) => weights[i]!,
    items,
    byId: new Map(items.map((item) => [item.id, item])),
    segment: (field) =>
      Object.hasOwn(segments, field) ? viewCategories(segments[field]!) : undefined,
  };
}

/** Reads a ResponseSet or plain survey data (cached per input object). */
export function viewSurvey(input: SurveyInput, fn: string): SurveyView {
  let view = cache.get(input);
  if (view === undefined) {
    view = isResponseSet(input) ? fromResponseSet(input) : fromPlain(input, fn);
    cache.set(input, view);
  }
  return view;
}
