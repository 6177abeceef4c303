import { localize } from '@edu-quality/core';
// Every word a reader sees comes from this table, in lt, en and ru; logic never
// holds a language. `{name}` marks a place where a bound value or a label goes.
// The table is JSON so that its key union needs no hand-written type under
// isolatedDeclarations.
import M from './messages.json' with { type: 'json' };

/** A key of the message table. */
export type MessageKey = keyof typeof M;

/** Whether a string is a key of the message table (for keys built from data, such as quadrants). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(M, key);
}

/** The message in a locale (lt, en, ru; other locales fall back to English). */
export function message(key: MessageKey, locale: string): string {
  return localize(M[key], locale);
}
