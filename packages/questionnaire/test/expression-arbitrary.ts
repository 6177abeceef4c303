// fast-check generators of skip-logic syntax trees, shared by the tests of
// printExpression, evaluateExpression and checkQuestionnaire.
import { isSafeKey } from '@edu-quality/core';
import fc from 'fast-check';
import type {
  ComparisonOperator,
  Expression,
  Literal,
  ReferenceOperand,
} from '../src/expression/ast.js';

export const identifierArbitrary: fc.Arbitrary<string> = fc
  .stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,12}$/)
  .filter(isSafeKey);

export function referenceArbitrary(
  ids: fc.Arbitrary<string> = identifierArbitrary,
): fc.Arbitrary<ReferenceOperand> {
  return ids.map((id) => ({ type: 'reference', id }) as const);
}

const nastyString = fc.string({ unit: fc.constantFrom("'", '\\', ' ', 'a', '"', '\n', '{', '}') });

export const literalArbitrary: fc.Arbitrary<Literal> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map((value) => ({ type: 'number', value }) as const),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    // -0 has no literal of its own; the parser reads it as 0.
    .map((value) => ({ type: 'number', value: value === 0 ? 0 : value }) as const),
  fc
    .oneof(fc.string(), fc.string({ unit: 'binary' }), nastyString)
    .map((value) => ({ type: 'string', value }) as const),
);

const operators: fc.Arbitrary<ComparisonOperator> = fc.constantFrom(
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
);

/** Syntax trees as parseExpression can produce them; nesting stays far below the depth limit. */
export function expressionArbitrary(
  ids: fc.Arbitrary<string> = identifierArbitrary,
  literals: fc.Arbitrary<Literal> = literalArbitrary,
): fc.Arbitrary<Expression> {
  const ref = referenceArbitrary(ids);
  const operand = fc.oneof(ref, literals);
  return fc.letrec<{ expression: Expression }>((tie) => ({
    expression: fc.oneof(
      { maxDepth: 5, depthIdentifier: 'expression' },
      fc.record({
        type: fc.constant('comparison' as const),
        operator: operators,
        left: operand,
        right: operand,
      }),
      fc.record({
        type: fc.constant('in' as const),
        reference: ref,
        values: fc.array(literals, { minLength: 1, maxLength: 4 }),
      }),
      fc.record({ type: fc.constant('contains' as const), reference: ref, value: literals }),
      fc.record({ type: fc.constant('answered' as const), reference: ref }),
      fc.record({ type: fc.constant('not' as const), operand: tie('expression') }),
      fc.record({
        type: fc.constant('and' as const),
        operands: fc.array(tie('expression'), { minLength: 2, maxLength: 4 }),
      }),
      fc.record({
        type: fc.constant('or' as const),
        operands: fc.array(tie('expression'), { minLength: 2, maxLength: 4 }),
      }),
    ),
  })).expression;
}
