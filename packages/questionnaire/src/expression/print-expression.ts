import { EduQualityError, isSafeKey } from '@edu-quality/core';
import { IDENTIFIER_PATTERN } from '../schema.js';
import { MAX_EXPRESSION_DEPTH } from '../internal/expression-limits.js';
import type { Expression, Literal, Operand } from './ast.js';

/**
 * Prints a skip-logic syntax tree as canonical text.
 *
 * @remarks
 * The canonical form has one space around each operator and keyword, `, `
 * between list items, single-quoted strings with `'` and `\` escaped, numbers
 * as JavaScript prints them (`-0` as `0`), and parentheses only where the tree
 * needs them: around an `or` inside an `and` or a `not`, around an `and`
 * inside an `and` or a `not`, and around an `or` inside an `or`. Hence
 * `parseExpression(printExpression(ast))` gives back `ast` for every tree
 * that {@link parseExpression} can produce, and printing is a way to
 * normalise a hand-written condition.
 *
 * @param expression - the syntax tree
 * @returns the canonical text
 * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` when the tree
 * could not have come from {@link parseExpression} (an invalid or reserved
 * reference id, a number that is not finite, an `and`/`or` with fewer than two
 * operands, an empty `in` list, nesting deeper than 32 levels, or an unknown
 * node type), so that printed text always parses
 *
 * @example
 * ```ts
 * printExpression(parseExpression('{q1}>=4')); // => '{q1} >= 4'
 * printExpression(parseExpression("not({a}=1 or {b} in [1,2]) and {c} contains 'x'")); // => "not ({a} = 1 or {b} in [1, 2]) and {c} contains 'x'"
 * printExpression({ type: 'contains', reference: { type: 'reference', id: 'c' }, value: { type: 'string', value: "it's" } }); // => "{c} contains 'it\\'s'"
 * printExpression({ type: 'and', operands: [] }); // throws
 * ```
 */
export function printExpression(expression: Expression): string {
  return print(expression, 0);
}

function fail(what: string): never {
  throw new EduQualityError('invalid-argument', `printExpression: ${what}`);
}

function print(node: Expression, depth: number): string {
  if (depth > MAX_EXPRESSION_DEPTH)
    fail(`the tree nests deeper than ${MAX_EXPRESSION_DEPTH} levels`);
  switch (node.type) {
    case 'comparison':
      return `${operand(node.left)} ${node.operator} ${operand(node.right)}`;
    case 'in':
      if (node.values.length === 0) fail("an 'in' list needs at least one value");
      return `${operand(node.reference)} in [${node.values.map(literal).join(', ')}]`;
    case 'contains':
      return `${operand(node.reference)} contains ${literal(node.value)}`;
    case 'answered':
      return `answered(${operand(node.reference)})`;
    case 'not': {
      const inner = node.operand;
      const group = inner.type === 'and' || inner.type === 'or';
      return group ? `not (${print(inner, depth + 2)})` : `not ${print(inner, depth + 1)}`;
    }
    case 'and':
    case 'or': {
      if (node.operands.length < 2) fail(`an '${node.type}' needs at least two operands`);
      const parts = node.operands.map((child) => {
        const group = child.type === node.type || (node.type === 'and' && child.type === 'or');
        return group ? `(${print(child, depth + 1)})` : print(child, depth);
      });
      return parts.join(` ${node.type} `);
    }
    default:
      return fail(`unknown node type ${JSON.stringify((node as { type?: unknown }).type)}`);
  }
}

function operand(node: Operand): string {
  if (node.type === 'reference') {
    if (!IDENTIFIER_PATTERN.test(node.id) || !isSafeKey(node.id)) {
      fail(`${JSON.stringify(node.id)} is not a valid item id`);
    }
    return `{${node.id}}`;
  }
  return literal(node);
}

function literal(node: Literal): string {
  if (node.type === 'number') {
    if (typeof node.value !== 'number' || !Number.isFinite(node.value)) {
      fail(`${String(node.value)} is not a finite number`);
    }
    return node.value === 0 ? '0' : String(node.value);
  }
  if (node.type === 'string') {
    if (typeof node.value !== 'string') fail('a string literal needs a string value');
    return `'${node.value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
  }
  return fail(`unknown literal type ${JSON.stringify((node as { type?: unknown }).type)}`);
}
