// How answers are looked up and when an item counts as answered; shared by the
// expression evaluator and validateAnswers so that `answered({q})` and the
// `required` check agree.

/** Answers keyed by item id, as a plain object or a Map. */
export type AnswerLookup = ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;

/** The answer to an item, reading own properties only (never the prototype chain). */
export function answerOf(answers: AnswerLookup, id: string): unknown {
  if (answers instanceof Map) return (answers as ReadonlyMap<string, unknown>).get(id);
  const record = answers as Readonly<Record<string, unknown>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/**
 * Whether a value counts as an answer: not `undefined`, `null`, `NaN`, an
 * empty string or an empty array.
 */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (typeof value === 'string') return value !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
