// Growable columnar builders, one per questionnaire item, and the label
// tables that turn an exported answer ("Labai patenkintas", "5", "Да") into a
// stored code. Every builder pre-fills new capacity with its missing value so
// that an item without a CSV column, or a short row, needs no per-row write.
import type { LocalizedText } from '@edu-quality/core';
import { EduQualityError } from '@edu-quality/core';
import type { Item } from '../items.js';
import {
  CATEGORY_MISSING,
  SCALE_MISSING,
  SCALE_NOT_APPLICABLE,
  type CategoryColumn,
  type MultiColumn,
  type NumberColumn,
  type ResponseColumn,
  type ScaleColumn,
  type TextColumn,
} from '../response-set.js';
import { MAX_WEIGHT, MIN_WEIGHT } from '../weight-range.js';
import { ByteKeyMap } from './bytes.js';
import { LabelVariants, cleanLabel, labelKey } from './label-variants.js';

/** Explicit label mappings, by item id or `*` for every item. */
export type LabelOptions = Readonly<Record<string, Readonly<Record<string, number | string>>>>;

/**
 * Case-, whitespace-, invisible-character- and normalisation-insensitive form
 * of a label (see labelKey).
 */
export function normalizeLabel(label: string): string {
  return labelKey(label);
}

function allTexts(text: LocalizedText | undefined): string[] {
  return text === undefined ? [] : Object.values(text);
}

function explicitLabels(
  labels: LabelOptions | undefined,
  itemId: string,
): [string, number | string][] {
  if (labels === undefined) return [];
  const out: [string, number | string][] = [];
  // The item's own mapping wins over '*', so it is added last (Map.set overwrites).
  for (const key of ['*', itemId]) {
    if (!Object.hasOwn(labels, key)) continue;
    const table = labels[key];
    if (table === undefined) continue;
    for (const [label, code] of Object.entries(table)) out.push([label, code]);
  }
  return out;
}

/**
 * Copies `old` into the larger `next` and fills the rest with the missing
 * value: each new byte is written once (filling all of `next` first and then
 * copying over half of it wrote the copied half twice, a cost that shows in
 * the profile of a million-row load).
 */
function grown<T extends Uint8Array | Int32Array | Float64Array>(
  old: T,
  next: T,
  missing: number,
): T {
  next.set(old);
  next.fill(missing, old.length);
  return next;
}

/** The answers to a scale, rating or NPS item. */
export class ScaleBuilder {
  readonly kind = 'scale' as const;
  values: Uint8Array;
  /** Stored code by raw integer code 0–255, or -1 when the integer is not a code. */
  readonly codeOf: Int16Array = new Int16Array(256).fill(-1);
  readonly labels: Map<string, number> = new Map<string, number>();
  readonly cache: ByteKeyMap = new ByteKeyMap();
  readonly variants: LabelVariants = new LabelVariants();
  readonly min: number;
  readonly max: number;

  constructor(
    readonly item: Item,
    capacity: number,
    labelOptions: LabelOptions | undefined,
  ) {
    this.values = new Uint8Array(capacity).fill(SCALE_MISSING);
    const range = item.range ?? { min: 0, max: 0 };
    this.min = range.min;
    this.max = range.max;
    const inferred: [string, number][] = [];
    if (item.scale !== undefined) {
      for (const point of item.scale.points) {
        this.codeOf[point.value] = point.value;
        for (const label of allTexts(point.label)) inferred.push([label, point.value]);
      }
    } else {
      for (let code = range.min; code <= range.max; code++) this.codeOf[code] = code;
      const question = item.question;
      if (question.kind === 'rating' || question.kind === 'nps') {
        for (const label of allTexts(question.minLabel)) inferred.push([label, range.min]);
        for (const label of allTexts(question.maxLabel)) inferred.push([label, range.max]);
      }
    }
    const na = item.scale?.notApplicable ?? naOf(item);
    if (na !== undefined) {
      this.codeOf[na.value] = SCALE_NOT_APPLICABLE;
      for (const label of allTexts(na.label)) inferred.push([label, na.value]);
    }
    // Inferred labels: the first locale to claim a label keeps it.
    for (const [label, code] of inferred) {
      this.variants.add(label);
      const key = normalizeLabel(label);
      if (!this.labels.has(key)) this.labels.set(key, this.codeOf[code]!);
    }
    for (const [label, code] of explicitLabels(labelOptions, item.id)) {
      const stored =
        typeof code === 'number' && Number.isInteger(code) && code >= 0 && code < 256
          ? this.codeOf[code]!
          : -1;
      if (stored < 0) {
        if (Object.hasOwn(labelOptions ?? {}, item.id)) {
          throw new EduQualityError(
            'invalid-argument',
            `readResponses: options.labels maps a label of ${item.id} to ${String(code)}, which is not a code of the item`,
          );
        }
        continue; // a '*' mapping that does not fit this item
      }
      this.variants.add(label);
      this.labels.set(normalizeLabel(label), stored);
    }
  }

  /** The stored code of an answer given as a number code, or -1. */
  private numericCode(text: string): number {
    const trimmed = text.trim();
    if (/^\+?\d{1,3}$/.test(trimmed)) {
      const raw = Number(trimmed);
      if (raw < 256) return this.codeOf[raw]!;
    }
    return -1;
  }

  /** The stored code of an answer given as text, or -1. */
  resolve(text: string): number {
    const code = this.numericCode(text);
    return code >= 0 ? code : (this.labels.get(normalizeLabel(text)) ?? -1);
  }

  /**
   * The variant index (see LabelVariants) of an answer that {@link resolve}
   * read as `code`, or -1 when it is a number code or an exact label.
   */
  variantOf(text: string, code: number): number {
    return this.numericCode(text) >= 0 ? -1 : this.variants.classify(text, code);
  }

  grow(capacity: number): void {
    this.values = grown(this.values, new Uint8Array(capacity), SCALE_MISSING);
  }

  clear(slot: number): void {
    this.values[slot] = SCALE_MISSING;
  }

  finish(size: number): ScaleColumn {
    return {
      kind: 'scale',
      id: this.item.id,
      min: this.min,
      max: this.max,
      values: this.values.slice(0, size),
    };
  }
}

function naOf(item: Item): { value: number; label: LocalizedText } | undefined {
  const question = item.question;
  return question.kind === 'rating' ? question.notApplicable : undefined;
}

/** Option lookup shared by single and multi items. */
class OptionTable {
  readonly dictionary: string[] = [];
  readonly index: Map<string, number> = new Map<string, number>();
  readonly variants: LabelVariants = new LabelVariants();

  constructor(item: Item, labelOptions: LabelOptions | undefined, acceptUnlisted: boolean) {
    const options = item.options ?? [];
    for (const option of options) this.dictionary.push(option.value);
    // Codes first, so that a label can never shadow another option's code.
    options.forEach((option, i) => {
      this.variants.add(option.value);
      this.index.set(normalizeLabel(option.value), i);
    });
    options.forEach((option, i) => {
      for (const label of allTexts(option.label)) {
        this.variants.add(label);
        const key = normalizeLabel(label);
        if (!this.index.has(key)) this.index.set(key, i);
      }
    });
    for (const [label, code] of explicitLabels(labelOptions, item.id)) {
      const target = this.index.get(normalizeLabel(String(code)));
      if (target === undefined || this.dictionary[target] !== String(code)) {
        if (acceptUnlisted && typeof code === 'string' && cleanLabel(code) !== '') {
          this.variants.add(label);
          this.index.set(normalizeLabel(label), this.add(code));
          continue;
        }
        if (Object.hasOwn(labelOptions ?? {}, item.id)) {
          throw new EduQualityError(
            'invalid-argument',
            `readResponses: options.labels maps a label of ${item.id} to a code that is not one of its options`,
          );
        }
        continue;
      }
      this.variants.add(label);
      this.index.set(normalizeLabel(label), target);
    }
  }

  /**
   * Adds an unlisted code to the dictionary as {@link cleanLabel} writes it,
   * returning its index; a look-alike of a code already there is that code.
   */
  add(code: string): number {
    const key = normalizeLabel(code);
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const clean = cleanLabel(code);
    this.variants.add(clean);
    this.dictionary.push(clean);
    this.index.set(key, this.dictionary.length - 1);
    return this.dictionary.length - 1;
  }
}

/** The answers to a `single` item. */
export class CategoryBuilder {
  readonly kind = 'category' as const;
  codes: Int32Array;
  readonly options: OptionTable;
  readonly cache: ByteKeyMap = new ByteKeyMap();
  readonly acceptUnlisted: boolean;

  constructor(
    readonly item: Item,
    capacity: number,
    labelOptions: LabelOptions | undefined,
  ) {
    this.codes = new Int32Array(capacity).fill(CATEGORY_MISSING);
    this.acceptUnlisted = item.question.kind === 'single' && item.question.acceptUnlisted === true;
    this.options = new OptionTable(item, labelOptions, this.acceptUnlisted);
  }

  /** The dictionary index of an answer given as text, or -1. */
  resolve(text: string): number {
    return this.options.index.get(normalizeLabel(text)) ?? -1;
  }

  grow(capacity: number): void {
    this.codes = grown(this.codes, new Int32Array(capacity), CATEGORY_MISSING);
  }

  clear(slot: number): void {
    this.codes[slot] = CATEGORY_MISSING;
  }

  finish(size: number): CategoryColumn {
    return {
      kind: 'category',
      id: this.item.id,
      dictionary: [...this.options.dictionary],
      codes: this.codes.slice(0, size),
    };
  }
}

/** The answers to a `multi` item. */
export class MultiBuilder {
  readonly kind = 'multi' as const;
  selected: Uint8Array[];
  readonly options: OptionTable;
  readonly minSelected: number;
  readonly maxSelected: number;

  constructor(
    readonly item: Item,
    capacity: number,
    labelOptions: LabelOptions | undefined,
  ) {
    this.options = new OptionTable(item, labelOptions, false);
    this.selected = this.options.dictionary.map(() => new Uint8Array(capacity).fill(SCALE_MISSING));
    const question = item.question;
    this.minSelected = question.kind === 'multi' ? (question.minSelected ?? 0) : 0;
    this.maxSelected = question.kind === 'multi' ? (question.maxSelected ?? Infinity) : Infinity;
  }

  grow(capacity: number): void {
    this.selected = this.selected.map((old) => grown(old, new Uint8Array(capacity), SCALE_MISSING));
  }

  clear(slot: number): void {
    for (const column of this.selected) column[slot] = SCALE_MISSING;
  }

  /** After a row of Kobo-style 0/1 columns: an answered question has no missing option. */
  settle(slot: number): void {
    let answered = false;
    for (const column of this.selected) if (column[slot] !== SCALE_MISSING) answered = true;
    if (!answered) return;
    for (const column of this.selected) if (column[slot] === SCALE_MISSING) column[slot] = 0;
  }

  finish(size: number): MultiColumn {
    return {
      kind: 'multi',
      id: this.item.id,
      options: [...this.options.dictionary],
      selected: this.selected.map((column) => column.slice(0, size)),
    };
  }
}

/** The answers to a `number` item, and the respondent weights. */
export class NumberBuilder {
  readonly kind = 'number' as const;
  values: Float64Array;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;

  constructor(
    readonly item: Item | undefined,
    capacity: number,
  ) {
    this.values = new Float64Array(capacity).fill(NaN);
    const question = item?.question;
    // Without an item the builder holds the respondent weights.
    this.min = question?.kind === 'number' ? (question.min ?? -Infinity) : MIN_WEIGHT;
    this.max = question?.kind === 'number' ? (question.max ?? Infinity) : MAX_WEIGHT;
    this.integer = question?.kind === 'number' && question.integer === true;
  }

  /** Whether a parsed value is acceptable. */
  accepts(value: number): boolean {
    return (
      Number.isFinite(value) &&
      value >= this.min &&
      value <= this.max &&
      (!this.integer || Number.isInteger(value))
    );
  }

  grow(capacity: number): void {
    this.values = grown(this.values, new Float64Array(capacity), NaN);
  }

  clear(slot: number): void {
    this.values[slot] = NaN;
  }

  finish(size: number): NumberColumn {
    return { kind: 'number', id: this.item?.id ?? '', values: this.values.slice(0, size) };
  }
}

/** The answers to an open-text item, sparse. */
export class TextBuilder {
  readonly kind = 'text' as const;
  rows: number[] = [];
  values: string[] = [];
  readonly maxLength: number;

  constructor(readonly item: Item) {
    const question = item.question;
    this.maxLength = question.kind === 'text' ? (question.maxLength ?? Infinity) : Infinity;
  }

  grow(): void {
    // Sparse: nothing to grow.
  }

  clear(): void {
    // Text is only added when a row is committed.
  }

  finish(): TextColumn {
    return {
      kind: 'text',
      id: this.item.id,
      rows: Uint32Array.from(this.rows),
      values: this.values,
    };
  }
}

/** A builder of any kind. */
export type Builder = ScaleBuilder | CategoryBuilder | MultiBuilder | NumberBuilder | TextBuilder;

/** Creates the builder of an item. */
export function builderFor(
  item: Item,
  capacity: number,
  labels: LabelOptions | undefined,
): Builder {
  switch (item.kind) {
    case 'scale':
    case 'rating':
    case 'nps':
      return new ScaleBuilder(item, capacity, labels);
    case 'single':
      return new CategoryBuilder(item, capacity, labels);
    case 'multi':
      return new MultiBuilder(item, capacity, labels);
    case 'number':
      return new NumberBuilder(item, capacity);
    case 'text':
      return new TextBuilder(item);
  }
}

/** The finished column of a builder. */
export function finishColumn(builder: Builder, size: number): ResponseColumn {
  return builder.kind === 'text' ? builder.finish() : builder.finish(size);
}
