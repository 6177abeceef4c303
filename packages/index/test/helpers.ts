// Test helpers: build a ResponseSet by hand (readResponses is written
// elsewhere) and read the R oracle fixture.
import { readFileSync } from 'node:fs';
import { EduQualityError } from '@edu-quality/core';
import { join } from 'node:path';
import type {
  CategoryColumn,
  Item,
  ItemRole,
  Questionnaire,
  ResponseColumn,
  ResponseSet,
  ScaleColumn,
} from '@edu-quality/questionnaire';
import type { SurveyData } from '../src/survey-input.js';

export interface HandItem {
  id: string;
  values: readonly (number | null | 'na')[];
  min: number;
  max: number;
  role?: ItemRole;
  dimension?: string;
  importanceOf?: string;
}

/** Builds a ResponseSet from arrays: 255 for missing, 254 for "not applicable". */
export function buildResponseSet(input: {
  items: readonly HandItem[];
  segments?: Record<string, readonly (string | null)[]>;
  weights?: readonly number[];
}): ResponseSet {
  const size = input.items[0]?.values.length ?? 0;
  const columns = new Map<string, ResponseColumn>();
  const items: Item[] = [];
  for (const item of input.items) {
    const values = Uint8Array.from(item.values, (v) => (v === null ? 255 : v === 'na' ? 254 : v));
    const column: ScaleColumn = {
      kind: 'scale',
      id: item.id,
      min: item.min,
      max: item.max,
      values,
    };
    columns.set(item.id, column);
    items.push({
      id: item.id,
      questionId: item.id,
      sectionId: 's',
      kind: 'scale',
      text: { en: item.id },
      range: { min: item.min, max: item.max },
      ...(item.role === undefined ? {} : { role: item.role }),
      ...(item.dimension === undefined ? {} : { dimension: item.dimension }),
      ...(item.importanceOf === undefined ? {} : { importanceOf: item.importanceOf }),
      question: { id: item.id, kind: 'nps', text: { en: item.id } },
    });
  }
  for (const [field, labels] of Object.entries(input.segments ?? {})) {
    const dictionary = [...new Set(labels.filter((l): l is string => l !== null))];
    const column: CategoryColumn = {
      kind: 'category',
      id: field,
      dictionary,
      codes: Int32Array.from(labels, (l) => (l === null ? -1 : dictionary.indexOf(l))),
    };
    columns.set(field, column);
    items.push({
      id: field,
      questionId: field,
      sectionId: 's',
      kind: 'single',
      text: { en: field },
      role: 'segment',
      // The values are the questionnaire's options (none typed by respondents).
      options: dictionary.map((value) => ({ value, label: { en: value } })),
      question: { id: field, kind: 'single', text: { en: field }, options: [] },
    });
  }
  const questionnaire = {
    id: 'hand',
    version: '1',
    title: { en: 'hand' },
    locales: ['en'],
    defaultLocale: 'en',
    sections: [],
  } as unknown as Questionnaire;
  return {
    questionnaire,
    items,
    size,
    columns,
    ...(input.weights === undefined ? {} : { weights: Float64Array.from(input.weights) }),
    sourceRows: Uint32Array.from({ length: size }, (_, i) => i + 2),
    counts: { read: size, accepted: size, rejected: 0, droppedAnswers: 0 },
    issues: [],
  };
}

const FIXTURE = join(import.meta.dirname, 'fixtures', 'satisfaction-survey');

export interface Fixture {
  rows: Record<string, string>[];
  // The oracle JSON written by generate.R; its shape is documented there, and
  // typing every R table would only restate it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  expected: any;
  /** q1..q5 (satisfaction, dimensions), overall, imp1..imp5, nps; school, group segments; weights w. */
  survey: SurveyData;
  responseSet: ResponseSet;
  column(name: string): (number | null)[];
  weights: number[];
}

/** Reads survey.csv and expected.json written by generate.R. */
export function readFixture(): Fixture {
  const [header, ...lines] = readFileSync(join(FIXTURE, 'survey.csv'), 'utf8').trim().split('\n');
  const names = header!.split(',');
  const rows = lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
  const parse = (name: string): (number | null | 'na')[] =>
    rows.map((r) => (r[name] === '' ? null : r[name] === 'dk' ? 'na' : Number(r[name])));
  const dims: Record<string, string> = {
    q1: 'information',
    q2: 'information',
    q3: 'staff',
    q4: 'staff',
    q5: 'timeliness',
  };
  const items: HandItem[] = [
    ...['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => ({
      id,
      values: parse(id),
      min: 1,
      max: 5,
      role: 'satisfaction' as const,
      dimension: dims[id]!,
    })),
    { id: 'overall', values: parse('overall'), min: 1, max: 5, role: 'overall' },
    ...[1, 2, 3, 4, 5].map((j) => ({
      id: `imp${j}`,
      values: parse(`imp${j}`),
      min: 1,
      max: 5,
      role: 'importance' as const,
      importanceOf: `q${j}`,
    })),
    { id: 'nps', values: parse('nps'), min: 0, max: 10, role: 'recommend' },
  ];
  const weights = rows.map((r) => Number(r.w));
  const segments = { school: rows.map((r) => r.school!), group: rows.map((r) => r.group!) };
  const survey: SurveyData = { items, weights, segments };
  const expected: unknown = JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8'));
  return {
    rows,
    expected,
    survey,
    responseSet: buildResponseSet({ items, segments, weights }),
    column: (name) => parse(name).map((v) => (v === 'na' ? null : v)),
    weights,
  };
}

/** The EduQualityError that `f` throws; fails the test when it throws nothing or another error. */
export function caughtError(f: () => unknown): EduQualityError {
  try {
    f();
  } catch (error) {
    if (EduQualityError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an EduQualityError');
}
