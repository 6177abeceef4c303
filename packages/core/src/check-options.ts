import { EduQualityError } from './errors.js';
import type { Issue, IssuePath } from './issue.js';

/**
 * What one option may hold, for {@link checkOptions}.
 *
 * - `number`: a finite number, optionally an integer, within `min`/`max`
 *   (inclusive unless `exclusiveMin`/`exclusiveMax`).
 * - `boolean`, `string`, `function`: a value of that type.
 * - `numbers`: an array or typed array of numbers (its entries are the
 *   function's to check, e.g. weights); `strings`: an array of strings.
 * - `literal`: one of the listed values.
 * - `object`: a plain object whose keys are all in `shape` (checked in turn).
 * - `record`: a plain object with any keys, each value matching `value`.
 * - `union`: any one of the rules in `of`.
 * - `unknown`: any value; for an option that carries data the function checks
 *   itself (segment labels, a column), so that only its key is checked here.
 */
export type OptionRule =
  | {
      readonly type: 'number';
      readonly integer?: boolean;
      readonly min?: number;
      readonly max?: number;
      readonly exclusiveMin?: boolean;
      readonly exclusiveMax?: boolean;
    }
  | { readonly type: 'boolean' | 'string' | 'function' | 'numbers' | 'strings' | 'unknown' }
  | { readonly type: 'literal'; readonly values: readonly (string | number | boolean)[] }
  | { readonly type: 'object'; readonly shape: OptionShape }
  | { readonly type: 'record'; readonly value: OptionRule }
  | { readonly type: 'union'; readonly of: readonly OptionRule[] };

/** The options a function takes: each known key and its {@link OptionRule}. */
export type OptionShape = Readonly<Record<string, OptionRule>>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isArrayLikeOf(value: unknown, type: 'number' | 'string'): boolean {
  if (type === 'number' && ArrayBuffer.isView(value) && !(value instanceof DataView)) return true;
  if (!Array.isArray(value)) return false;
  return value.every((v) => typeof v === type);
}

function describeRule(rule: OptionRule): string {
  switch (rule.type) {
    case 'number': {
      const kind = rule.integer === true ? 'an integer' : 'a finite number';
      const lo =
        rule.min === undefined ? '' : ` ${rule.exclusiveMin === true ? '>' : '≥'} ${rule.min}`;
      const hi =
        rule.max === undefined ? '' : ` ${rule.exclusiveMax === true ? '<' : '≤'} ${rule.max}`;
      return `${kind}${lo}${lo !== '' && hi !== '' ? ' and' : ''}${hi}`;
    }
    case 'boolean':
      return 'a boolean';
    case 'string':
      return 'a string';
    case 'function':
      return 'a function';
    case 'numbers':
      return 'an array of numbers';
    case 'strings':
      return 'an array of strings';
    case 'literal':
      return `one of ${rule.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'object':
      return `an object with the keys ${Object.keys(rule.shape).join(', ')}`;
    case 'record':
      return `an object whose values are ${describeRule(rule.value)}`;
    case 'union':
      return rule.of.map(describeRule).join(', or ');
    case 'unknown':
      return 'any value';
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

// The issues of one value against its rule (empty when it matches).
function check(value: unknown, rule: OptionRule, path: IssuePath): Issue[] {
  const mismatch = (): Issue[] => [
    {
      code: 'invalid-option',
      path,
      message: `${path.join('.')} must be ${describeRule(rule)}, got ${describeValue(value)}`,
    },
  ];
  switch (rule.type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return mismatch();
      if (rule.integer === true && !Number.isInteger(value)) return mismatch();
      if (
        rule.min !== undefined &&
        (rule.exclusiveMin === true ? value <= rule.min : value < rule.min)
      )
        return mismatch();
      if (
        rule.max !== undefined &&
        (rule.exclusiveMax === true ? value >= rule.max : value > rule.max)
      )
        return mismatch();
      return [];
    }
    case 'boolean':
    case 'string':
    case 'function':
      return typeof value === rule.type ? [] : mismatch();
    case 'numbers':
      return isArrayLikeOf(value, 'number') ? [] : mismatch();
    case 'strings':
      return isArrayLikeOf(value, 'string') ? [] : mismatch();
    case 'literal':
      return rule.values.includes(value as string) ? [] : mismatch();
    case 'object':
      return isPlainObject(value) ? checkShape(value, rule.shape, path) : mismatch();
    case 'record': {
      if (!isPlainObject(value)) return mismatch();
      return Object.keys(value).flatMap((key) => check(value[key], rule.value, [...path, key]));
    }
    case 'unknown':
      return [];
    case 'union': {
      // The first alternative that matches wins; else the issues of the
      // closest one (an object alternative for an object), so that a typo in
      // a nested key is named rather than "must be a or b".
      const tries = rule.of.map((alternative) => check(value, alternative, path));
      if (tries.some((issues) => issues.length === 0)) return [];
      const nested = tries.find(
        (issues, i) =>
          isPlainObject(value) &&
          rule.of[i]!.type === 'object' &&
          issues.every((issue) => issue.path !== undefined && issue.path.length > path.length),
      );
      return nested ?? mismatch();
    }
  }
}

function checkShape(
  value: Readonly<Record<string, unknown>>,
  shape: OptionShape,
  path: IssuePath,
): Issue[] {
  const issues: Issue[] = [];
  for (const key of Object.keys(value)) {
    const rule = Object.hasOwn(shape, key) ? shape[key] : undefined;
    const at = [...path, key];
    if (rule === undefined) {
      issues.push({
        code: 'unknown-option',
        path: at,
        message: `${at.join('.')} is not an option (known: ${Object.keys(shape).join(', ') || 'none'})`,
      });
    } else if (value[key] !== undefined) issues.push(...check(value[key], rule, at));
  }
  return issues;
}

/**
 * Checks an options object against the options a function knows: every key
 * must be known, and every value given must match its rule.
 *
 * @remarks
 * An option set to `undefined` counts as absent (the default applies). Keys
 * not in `shape` are errors, never silently ignored: a typo such as `levl`
 * would otherwise leave the default in force without a word. The rules check
 * types and ranges of the options themselves; data carried in an option (the
 * entries of a weights array) stay for the function to check against its
 * input. A tiny hand-written checker rather than zod schemas, because
 * options hold typed arrays and callbacks, and every package can use it
 * without a schema per function.
 *
 * @param fn - the public function's name, for the message
 * @param options - the options as the caller passed them (`undefined` for none)
 * @param shape - the known options and their rules
 * @param root - the name of the options parameter in the path; default `options`
 * @throws `EduQualityError` `invalid-argument` naming the function and each offending option path; its `issues` carry the codes `unknown-option` and `invalid-option` with their paths
 *
 * @example
 * ```ts
 * const shape = { level: { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true } } as const;
 * checkOptions('weightedMean', { level: 0.9 }, shape); // passes
 * // 'weightedMean: options.levl is not an option (known: level)':
 * checkOptions('weightedMean', { levl: 0.9 }, shape); // throws
 * // 'weightedMean: options.level must be a finite number > 0 and < 1, got 95':
 * checkOptions('weightedMean', { level: 95 }, shape); // throws
 * ```
 */
export function checkOptions(
  fn: string,
  options: unknown,
  shape: OptionShape,
  root = 'options',
): void {
  if (options === undefined) return;
  const issues = isPlainObject(options)
    ? checkShape(options, shape, [root])
    : [
        {
          code: 'invalid-option',
          path: [root],
          message: `${root} must be a plain object, got ${describeValue(options)}`,
        },
      ];
  if (issues.length === 0) return;
  throw new EduQualityError(
    'invalid-argument',
    `${fn}: ${issues.map((issue) => issue.message).join('; ')}`,
    { issues },
  );
}
