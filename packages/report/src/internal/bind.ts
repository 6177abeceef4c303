import type { BoundValue, TableCell, TextRun, ValueFormat } from '../report-document.js';
import { message, type MessageKey } from './messages.js';

/** Collects the bound values of a report while its sections are built. */
export class ValueStore {
  readonly values: Record<string, BoundValue> = {};

  /** Binds `value` under `key` and returns a run that references it. */
  bind(key: string, value: number | null, format: ValueFormat, source: string): TextRun {
    this.values[key] = {
      value: value === null || Number.isFinite(value) ? value : null,
      format,
      source,
    };
    return { kind: 'value', key };
  }
}

/** A value for a `{name}` placeholder: a run, or plain text that comes from data (a label). */
export type Param = TextRun | string;

/**
 * Splits a message template at its `{name}` placeholders into runs: the
 * template's words as text, each placeholder as the run given for it.
 */
function fill(template: string, params: Readonly<Record<string, Param>> = {}): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) runs.push({ kind: 'text', text: template.slice(last, m.index) });
    const param = params[m[1] ?? ''];
    if (param === undefined) runs.push({ kind: 'text', text: m[0] });
    else runs.push(typeof param === 'string' ? { kind: 'label', text: param } : param);
    last = m.index + m[0].length;
  }
  if (last < template.length) runs.push({ kind: 'text', text: template.slice(last) });
  return runs;
}

/** A message of the table with its placeholders filled. */
export function say(
  key: MessageKey,
  locale: string,
  params: Readonly<Record<string, Param>> = {},
): TextRun[] {
  return fill(message(key, locale), params);
}

/** A message with its placeholders replaced by plain strings (for headings, captions, alt text). */
export function sayPlain(
  key: MessageKey,
  locale: string,
  params: Readonly<Record<string, string>> = {},
): string {
  return message(key, locale).replace(/\{(\w+)\}/g, (all, name: string) => params[name] ?? all);
}

/** A text cell. */
export function textCell(text: string): TableCell {
  return { kind: 'text', text };
}

/** A number cell. */
export function numberCell(value: number | null, format: ValueFormat): TableCell {
  return { kind: 'number', value: value === null || Number.isFinite(value) ? value : null, format };
}
