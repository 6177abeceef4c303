import { checkOptions, type OptionShape } from './check-options.js';

// checkOptions' `unknown` rule marks a key as known and leaves its value
// (a calendar instance, a list of pauses) for the caller to check.

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
  const known: Record<string, OptionShape[string]> = { ...shape };
  for (const key of unchecked) known[key] = { type: 'unknown' };
  checkOptions(fn, options, known, root);
}
