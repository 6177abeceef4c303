/**
 * Extracts the code of TSDoc `@example` blocks and of Markdown guides, and
 * turns the result comments in them into assertions, so that every example in
 * the docs is run by a test.
 *
 * The convention, from simple-statistics: a line `expr; // => value` asserts
 * that `expr` equals `value` (numbers to the precision written), a line
 * `const x = expr; // => value` asserts the value of `x`, and a line
 * `expr; // throws` asserts that `expr` throws.
 */
import { readFileSync } from 'node:fs';

export interface ExtractedExample {
  /** Where the block starts: `file:line`. */
  readonly location: string;
  /** The code as written. */
  readonly code: string;
}

const FENCE = /```(?:ts|typescript)\r?\n([\s\S]*?)```/g;

/** The `@example` code blocks of a TypeScript source file. */
export function extractTsdocExamples(file: string): ExtractedExample[] {
  const text = readFileSync(file, 'utf8');
  const examples: ExtractedExample[] = [];
  const commentRe = /\/\*\*([\s\S]*?)\*\//g;
  for (const comment of text.matchAll(commentRe)) {
    const body = comment[1] ?? '';
    const start = comment.index;
    const parts = body.split(/^\s*\*\s?@example\b/m).slice(1);
    for (const part of parts) {
      const section = part.split(/^\s*\*\s?@\w+/m)[0] ?? '';
      const unstarred = section
        .split('\n')
        .map((line) => line.replace(/^\s*\*( |$)/, ''))
        .join('\n');
      for (const match of unstarred.matchAll(FENCE)) {
        const line = text.slice(0, start).split('\n').length;
        examples.push({ location: `${file}:${line}`, code: match[1] ?? '' });
      }
    }
  }
  return examples;
}

/** The `ts` code blocks of a Markdown guide, except those fenced as `ts nocheck`. */
export function extractMarkdownExamples(file: string): ExtractedExample[] {
  const text = readFileSync(file, 'utf8');
  const examples: ExtractedExample[] = [];
  for (const match of text.matchAll(FENCE)) {
    const line = text.slice(0, match.index).split('\n').length;
    examples.push({ location: `${file}:${line}`, code: match[1] ?? '' });
  }
  return examples;
}

function decimalsIn(valueSource: string): number | undefined {
  let max: number | undefined;
  for (const m of valueSource.matchAll(/(?<![\w.])-?\d+\.(\d+)(?![\w.])/g)) {
    const d = (m[1] ?? '').length;
    max = max === undefined ? d : Math.max(max, d);
  }
  return max;
}

/**
 * Rewrites an example into a module body whose result comments are
 * assertions. `__expect` and `__expectThrows` come from {@link runtimePrelude}.
 */
export function instrumentExample(code: string, location: string): string {
  const out: string[] = [];
  code.split('\n').forEach((raw, i) => {
    const where = JSON.stringify(`${location} +${i + 1}`);
    const arrow = /^(\s*)(.*?);?\s*\/\/\s*=>\s*(.+?)\s*$/.exec(raw);
    const throws = /^(\s*)(.*?);?\s*\/\/\s*throws\b.*$/.exec(raw);
    if (arrow && (arrow[2] ?? '').trim() !== '') {
      const stmt = arrow[2] ?? '';
      const value = arrow[3] ?? '';
      const decimals = decimalsIn(value);
      const decl = /^(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=/.exec(stmt.trim());
      if (decl) {
        out.push(`${stmt};`);
        out.push(`__expect(${decl[1] ?? ''}, (${value}), ${decimals ?? 'undefined'}, ${where});`);
      } else {
        out.push(`__expect((${stmt}), (${value}), ${decimals ?? 'undefined'}, ${where});`);
      }
    } else if (throws && (throws[2] ?? '').trim() !== '') {
      out.push(`__expectThrows(() => { ${throws[2] ?? ''}; }, ${where});`);
    } else {
      out.push(raw);
    }
  });
  return out.join('\n');
}

/** Helpers every instrumented example module starts with. */
export const runtimePrelude: string = `
function __close(a, b, tol, path) {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) && Number.isNaN(b)) return;
    const ok = tol === undefined ? Object.is(a, b) || a === b : Math.abs(a - b) <= tol;
    if (!ok) throw new Error(path + ': expected ' + b + ', got ' + a);
    return;
  }
  if (a instanceof Map) a = Object.fromEntries(a);
  if (a instanceof Set) a = [...a];
  if (ArrayBuffer.isView(a)) a = Array.from(a);
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    if (a !== b) throw new Error(path + ': expected ' + JSON.stringify(b) + ', got ' + JSON.stringify(a));
    return;
  }
  if (Array.isArray(b)) {
    if (!Array.isArray(a) || a.length !== b.length) throw new Error(path + ': expected ' + JSON.stringify(b) + ', got ' + JSON.stringify(a));
    b.forEach((v, i) => __close(a[i], v, tol, path + '[' + i + ']'));
    return;
  }
  for (const key of Object.keys(b)) __close(a[key], b[key], tol, path + '.' + key);
}
function __expect(actual, expected, decimals, where) {
  const tol = decimals === undefined ? undefined : 0.5 * Math.pow(10, -decimals) + 1e-12;
  __close(actual, expected, tol, where);
}
function __expectThrows(fn, where) {
  try { fn(); } catch { return; }
  throw new Error(where + ': expected the call to throw');
}
`;
