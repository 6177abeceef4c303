import { fail } from './fail.js';

// The keys of SatisfactionIndexOptions that a breakdown passes on (its
// interval is the delta method only; a bootstrap per group is not offered).
const INDEX_KEYS = ['items', 'weights', 'derived', 'unit', 'minAnswered', 'topBox', 'level'];
const OWN_KEYS = ['minGroupSize', 'nps', 'interval'];

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}

function fieldList(value: unknown, fn: string, path: string): readonly string[] {
  const fields = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(fields) || fields.length === 0)
    fail(
      'invalid-argument',
      fn,
      `${path} must be a field name or a non-empty array of them (got ${describe(value)})`,
    );
  fields.forEach((field: unknown, i) => {
    if (typeof field !== 'string' || field.length === 0)
      fail(
        'invalid-argument',
        fn,
        `${path}[${i}] must be a non-empty field name (got ${describe(field)})`,
      );
    if (fields.indexOf(field) !== i)
      fail('invalid-argument', fn, `${path}[${i}] repeats the field ${JSON.stringify(field)}`);
  });
  return fields as readonly string[];
}

/**
 * Checks the options of a breakdown (`tables` false) or of protected
 * breakdowns (`tables` true) for unknown keys and invalid values of its own
 * options, naming the option path; the index options are checked by the
 * index accumulator.
 *
 * @returns the tables: `[by]`, or `tables`
 */
export function checkBreakdownOptions(
  options: unknown,
  fn: string,
  tables: boolean,
): readonly (readonly string[])[] {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    fail('invalid-argument', fn, `options must be an object (got ${describe(options)})`);
  const o = options as Record<string, unknown>;
  const known = [...INDEX_KEYS, ...OWN_KEYS, tables ? 'tables' : 'by'];
  for (const key of Object.keys(o)) {
    if (!known.includes(key))
      fail('invalid-argument', fn, `options.${key} is not an option (known: ${known.join(', ')})`);
  }
  const k = o.minGroupSize;
  if (k !== undefined && !(typeof k === 'number' && Number.isInteger(k) && k >= 1))
    fail(
      'invalid-argument',
      fn,
      `options.minGroupSize must be a positive integer (got ${describe(k)})`,
    );
  if (o.nps !== undefined && o.nps !== false && !(typeof o.nps === 'string' && o.nps.length > 0))
    fail(
      'invalid-argument',
      fn,
      `options.nps must be an item id or false (got ${describe(o.nps)})`,
    );
  if (o.interval !== undefined && o.interval !== 'delta-t' && o.interval !== 'delta-z')
    fail(
      'invalid-argument',
      fn,
      `options.interval must be 'delta-t' or 'delta-z' (got ${describe(o.interval)})`,
    );
  if (!tables) return [fieldList(o.by, fn, 'options.by')];
  if (!Array.isArray(o.tables) || o.tables.length === 0)
    fail(
      'invalid-argument',
      fn,
      `options.tables must be a non-empty array of field lists (got ${describe(o.tables)})`,
    );
  const list = o.tables.map((t: unknown, i) => {
    if (!Array.isArray(t))
      fail(
        'invalid-argument',
        fn,
        `options.tables[${i}] must be an array of field names (got ${describe(t)})`,
      );
    return fieldList(t, fn, `options.tables[${i}]`);
  });
  const seen = list.map((t) => JSON.stringify([...t].sort()));
  seen.forEach((id, i) => {
    const first = seen.indexOf(id);
    if (first !== i)
      fail(
        'invalid-argument',
        fn,
        `options.tables[${i}] is the same table as options.tables[${first}]`,
      );
  });
  return list;
}
