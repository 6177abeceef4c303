const POLLUTING_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Tells whether a key read from outside data can be used as an object key
 * without a risk of prototype pollution.
 *
 * @remarks
 * `__proto__`, `constructor` and `prototype` are rejected everywhere a key
 * comes from a file, a header row or a request: as identifiers, mapping keys
 * and locale tags.
 *
 * @param key - the key as read
 * @returns `false` for `__proto__`, `constructor` and `prototype`
 *
 * @example
 * ```ts
 * isSafeKey('q1'); // => true
 * isSafeKey('__proto__'); // => false
 * ```
 */
export function isSafeKey(key: string): boolean {
  return !POLLUTING_KEYS.has(key);
}
