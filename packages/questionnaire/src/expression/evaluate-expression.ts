import { EduQualityError } from '@edu-quality/core';
import { answerOf, isPresent, type AnswerLookup } from '../internal/answers.js';
import type { ComparisonOperator, Expression, Literal, Operand } from './ast.js';

/**
 * The answers an expression is evaluated against, keyed by item id (a
 * question id, or a matrix row id): a plain object or a `Map`.
 *
 * @remarks
 * Only own properties of a plain object are read; `{constructor}` on `{}` is
 * a missing answer, not `Object`.
 */
export type ExpressionAnswers = ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;

/**
 * Evaluates a skip-logic expression against a respondent's answers.
 *
 * @remarks
 * Semantics, chosen so that a condition on an unanswered question never shows
 * a follow-up by accident:
 *
 * - An answer is *missing* when its key is absent or its value is `undefined`,
 *   `null`, `NaN`, `''` or `[]`. `answered({q})` is true exactly when the
 *   answer is not missing.
 * - A comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`) is true only when both
 *   operands are numbers or both are strings and the relation holds; numbers
 *   compare numerically, strings by UTF-16 code units. Any comparison with a
 *   missing answer, with an array (a `multi` answer), or between a number and
 *   a string is false: `{q} != 1` is false when `q` is unanswered, while
 *   `not {q} = 1` is true. Types are not converted: `'4'` is not `4`.
 * - `{q} in [a, b]` is true when the answer equals one of the literals, by the
 *   same equality; for an array answer, when any of its elements does.
 * - `{q} contains x` is true when an array answer has an element equal to `x`;
 *   a non-array answer contains only itself (`contains` is then `=`).
 * - `not`, `and`, `or` are the Boolean operations; `and` and `or` stop at the
 *   first operand that decides the result.
 *
 * A "not applicable" code is an ordinary number here: write
 * `{q} >= 4 and {q} != 9` if 9 means "don't know" and must not count.
 *
 * @param expression - a syntax tree from {@link parseExpression}
 * @param answers - the answers by item id
 * @returns whether the condition holds
 * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument` on a node of an
 * unknown type
 *
 * @example
 * ```ts
 * const show = parseExpression("{q1} <= 2 or {topics} contains 'food'");
 * evaluateExpression(show, { q1: 1 }); // => true
 * evaluateExpression(show, { q1: 4, topics: ['food', 'safety'] }); // => true
 * evaluateExpression(show, { q1: 4, topics: ['safety'] }); // => false
 * evaluateExpression(show, {}); // => false
 * evaluateExpression(parseExpression('{q1} != 1'), {}); // => false
 * evaluateExpression(parseExpression('not {q1} = 1'), {}); // => true
 * evaluateExpression(parseExpression('answered({q1})'), new Map([['q1', 3]])); // => true
 * ```
 */
export function evaluateExpression(expression: Expression, answers: ExpressionAnswers): boolean {
  return evaluate(expression, answers);
}

const MISSING: unique symbol = Symbol('missing');

function evaluate(node: Expression, answers: AnswerLookup): boolean {
  switch (node.type) {
    case 'comparison':
      return compare(node.operator, valueOf(node.left, answers), valueOf(node.right, answers));
    case 'in': {
      const answer = valueOf(node.reference, answers);
      if (answer === MISSING) return false;
      const candidates = Array.isArray(answer) ? (answer as unknown[]) : [answer];
      return candidates.some((candidate) =>
        node.values.some((value) => compare('=', candidate, literalValue(value))),
      );
    }
    case 'contains': {
      const answer = valueOf(node.reference, answers);
      if (answer === MISSING) return false;
      const wanted = literalValue(node.value);
      if (!Array.isArray(answer)) return compare('=', answer, wanted);
      return (answer as unknown[]).some((element) => compare('=', element, wanted));
    }
    case 'answered':
      return isPresent(answerOf(answers, node.reference.id));
    case 'not':
      return !evaluate(node.operand, answers);
    case 'and':
      return node.operands.every((operand) => evaluate(operand, answers));
    case 'or':
      return node.operands.some((operand) => evaluate(operand, answers));
    default:
      throw new EduQualityError(
        'invalid-argument',
        `evaluateExpression: unknown node type ${JSON.stringify((node as { type?: unknown }).type)}`,
      );
  }
}

function literalValue(node: Literal): unknown {
  return node.value;
}

function valueOf(node: Operand, answers: AnswerLookup): unknown {
  if (node.type !== 'reference') return node.value;
  const answer = answerOf(answers, node.id);
  return isPresent(answer) ? answer : MISSING;
}

function compare(operator: ComparisonOperator, a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return relate(operator, a, b);
  if (typeof a === 'string' && typeof b === 'string') return relate(operator, a, b);
  return false;
}

function relate<T extends number | string>(operator: ComparisonOperator, x: T, y: T): boolean {
  switch (operator) {
    case '=':
      return x === y;
    case '!=':
      return x !== y;
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    default:
      return false;
  }
}
