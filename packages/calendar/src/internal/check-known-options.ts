import { checkOptions, type OptionShape } from '@edu-quality/core';

// checkOptions has no rule for a list of objects: such options (pauses,
// closures) are named in `lists`, so that they count as known keys, and left
// for the caller to check entry by entry.
const LIST: OptionShape[string] = { type: 'union', of: [] };

/**
 * Checks an options object with `checkOptions`, where the keys in `lists` are
 * known but their values are left to the caller.
 */
export function checkKnownOptions(
  fn: string,
  options: unknown,
  shape: OptionShape,
  lists: readonly string[],
  root = 'options',
): void {
  const plain = typeof options === 'object' && options !== null && !Array.isArray(options);
  const top: unknown = plain
    ? { ...options, ...Object.fromEntries(lists.map((key) => [key, undefined])) }
    : options;
  const known = { ...shape, ...Object.fromEntries(lists.map((key) => [key, LIST])) };
  checkOptions(fn, top, known, root);
}
