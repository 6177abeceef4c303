import { checkOptions, type OptionShape } from './check-options.js';

// checkOptions has no rule for a class instance (a calendar) or a list of
// objects (pauses, closures): such options are named in `unchecked`, so that
// they count as known keys, and left for the caller to check.
const UNCHECKED: OptionShape[string] = { type: 'union', of: [] };

/**
 * Checks an options object with {@link checkOptions}, where the keys in
 * `unchecked` are known but their values are the caller's to check.
 *
 * @param fn - the public function's name, for the message
 * @param options - the options as the caller passed them (`undefined` for none)
 * @param shape - the known options with a rule
 * @param unchecked - more known options, whose values are checked by the caller
 * @param root - the name of the options parameter in the path; default `options`
 * @throws `EduQualityError` `invalid-argument` as {@link checkOptions} does
 *
 * @example
 * ```ts
 * checkKnownOptions('dueDate', { timeZone: 'Europe/Vilnius', pauses: [] }, { timeZone: { type: 'string' } }, ['pauses']); // passes
 * // 'dueDate: options.pause is not an option (known: timeZone, pauses)'
 * checkKnownOptions('dueDate', { pause: [] }, { timeZone: { type: 'string' } }, ['pauses']); // throws
 * ```
 */
export function checkKnownOptions(
  fn: string,
  options: unknown,
  shape: OptionShape,
  unchecked: readonly string[],
  root = 'options',
): void {
  const plain = typeof options === 'object' && options !== null && !Array.isArray(options);
  const top: unknown = plain
    ? { ...options, ...Object.fromEntries(unchecked.map((key) => [key, undefined])) }
    : options;
  const known = { ...shape, ...Object.fromEntries(unchecked.map((key) => [key, UNCHECKED])) };
  checkOptions(fn, top, known, root);
}
