import { EduQualityError } from '@edu-quality/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expressionArbitrary } from '../../test/expression-arbitrary.js';
import type { Expression } from './ast.js';
import { parseExpression } from './parse-expression.js';
import { printExpression } from './print-expression.js';

const ref = (id: string) => ({ type: 'reference', id }) as const;
const eq = (id: string, value: number): Expression => ({
  type: 'comparison',
  operator: '=',
  left: ref(id),
  right: { type: 'number', value },
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('printExpression', () => {
  it('prints the canonical text with minimal parentheses', () => {
    const cases: [string, string][] = [
      ['{a}=1', '{a} = 1'],
      ['({a}=1)', '{a} = 1'],
      ['{a}=1 and {b}=2 or {c}=3', '{a} = 1 and {b} = 2 or {c} = 3'],
      ['({a}=1 or {b}=2) and {c}=3', '({a} = 1 or {b} = 2) and {c} = 3'],
      ['{a}=1 and ({b}=2 and {c}=3)', '{a} = 1 and ({b} = 2 and {c} = 3)'],
      ['({a}=1 or {b}=2) or {c}=3', '({a} = 1 or {b} = 2) or {c} = 3'],
      ['{a}=1 or ({b}=2 and {c}=3)', '{a} = 1 or {b} = 2 and {c} = 3'],
      ['not ({a}=1)', 'not {a} = 1'],
      ['not({a}=1 and {b}=2)', 'not ({a} = 1 and {b} = 2)'],
      ['not not answered({a})', 'not not answered({a})'],
      ["{a} in [1,'x' , -2.5]", "{a} in [1, 'x', -2.5]"],
      ["{a} contains 'x'", "{a} contains 'x'"],
      ['{a} = -0', '{a} = 0'],
      ['{a} = 1.50', '{a} = 1.5'],
      ['{a} = 1e21', '{a} = 1e+21'],
      ["{a} = 'o\\'k \\\\'", "{a} = 'o\\'k \\\\'"],
    ];
    for (const [input, canonical] of cases) {
      expect(printExpression(parseExpression(input))).toBe(canonical);
    }
  });

  it('does not mutate the tree', () => {
    const tree = deepFreeze(parseExpression("not ({a} = 1 or {b} in [1, 2]) and {c} contains 'x'"));
    expect(() => printExpression(tree)).not.toThrow();
  });

  it('refuses trees that the parser could not produce, so printed text always parses', () => {
    const bad: unknown[] = [
      { type: 'and', operands: [eq('a', 1)] },
      { type: 'or', operands: [] },
      { type: 'in', reference: ref('a'), values: [] },
      { type: 'comparison', operator: '=', left: ref('__proto__'), right: ref('a') },
      { type: 'comparison', operator: '=', left: ref('a}'), right: ref('a') },
      { type: 'comparison', operator: '=', left: ref('a'), right: { type: 'number', value: NaN } },
      {
        type: 'comparison',
        operator: '=',
        left: ref('a'),
        right: { type: 'number', value: Infinity },
      },
      {
        type: 'comparison',
        operator: '=',
        left: ref('a'),
        right: { type: 'boolean', value: true },
      },
      { type: 'xor', operands: [] },
    ];
    for (const tree of bad) {
      try {
        printExpression(tree as Expression);
        expect.unreachable(JSON.stringify(tree));
      } catch (error) {
        expect(EduQualityError.isInstance(error)).toBe(true);
        expect((error as EduQualityError).code).toBe('invalid-argument');
      }
    }
  });

  it('refuses a tree nested deeper than the parser accepts (32 levels)', () => {
    let tree: Expression = eq('a', 1);
    for (let i = 0; i < 32; i++) tree = { type: 'not', operand: tree };
    expect(parseExpression(printExpression(tree))).toEqual(tree);
    expect(() => printExpression({ type: 'not', operand: tree })).toThrow(/deeper than 32/);
    // not ( and ): the parentheses count as a level of their own, as in the parser.
    let grouped: Expression = eq('a', 1);
    for (let i = 0; i < 16; i++)
      grouped = { type: 'not', operand: { type: 'and', operands: [grouped, eq('b', 2)] } };
    expect(() => printExpression(grouped)).not.toThrow();
    expect(parseExpression(printExpression(grouped))).toEqual(grouped);
    const deeper: Expression = {
      type: 'not',
      operand: { type: 'and', operands: [grouped, eq('b', 2)] },
    };
    expect(() => printExpression(deeper)).toThrow(/deeper than 32/);
    expect(() => parseExpression(`not (${printExpression(grouped)} and {b} = 2)`)).toThrow();
  });

  it('round trip: parse(print(ast)) is the identity on generated trees', () => {
    fc.assert(
      fc.property(expressionArbitrary(), (ast) => {
        const text = printExpression(ast);
        expect(parseExpression(text)).toEqual(ast);
        // Printing is canonical: the text is a fixed point.
        expect(printExpression(parseExpression(text))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
