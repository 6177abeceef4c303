import { EduQualityError } from '@edu-quality/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expressionArbitrary } from '../../test/expression-arbitrary.js';
import type { Expression } from './ast.js';
import { evaluateExpression } from './evaluate-expression.js';
import { parseExpression } from './parse-expression.js';

const run = (text: string, answers: Record<string, unknown> | Map<string, unknown>) =>
  evaluateExpression(
    parseExpression(text),
    Object.isFrozen(answers) ? answers : Object.freeze(answers),
  );

describe('evaluateExpression', () => {
  it('compares numbers numerically (truth table by hand for q = 3)', () => {
    const answers = { q: 3 };
    // 3 = 3 T, 3 != 3 F, 3 < 3 F, 3 <= 3 T, 3 > 3 F, 3 >= 3 T; against 4: F T T T F F.
    expect(['=', '!=', '<', '<=', '>', '>='].map((op) => run(`{q} ${op} 3`, answers))).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
    ]);
    expect(['=', '!=', '<', '<=', '>', '>='].map((op) => run(`{q} ${op} 4`, answers))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(run('{q} = 3.0', answers)).toBe(true);
    expect(run('10 > {q}', answers)).toBe(true);
  });

  it('compares strings by code units and never converts types', () => {
    expect(run("{s} = 'b'", { s: 'b' })).toBe(true);
    expect(run("{s} < 'c'", { s: 'b' })).toBe(true);
    // 'B' (U+0042) < 'a' (U+0061) by code units.
    expect(run("{s} < 'a'", { s: 'B' })).toBe(true);
    expect(run("{s} = '4'", { s: 4 })).toBe(false);
    expect(run('{s} = 4', { s: '4' })).toBe(false);
    expect(run('{s} != 4', { s: '4' })).toBe(false);
    expect(run('{s} < 5', { s: '4' })).toBe(false);
  });

  it('compares two references', () => {
    expect(run('{a} = {b}', { a: 2, b: 2 })).toBe(true);
    expect(run('{a} < {b}', { a: 2, b: 5 })).toBe(true);
    expect(run('{a} = {b}', { a: 2 })).toBe(false);
  });

  it('makes every comparison with a missing answer false, and answered() tests presence', () => {
    for (const missing of [{}, { q: undefined }, { q: null }, { q: '' }, { q: [] }, { q: NaN }]) {
      for (const op of ['=', '!=', '<', '<=', '>', '>='])
        expect(run(`{q} ${op} 1`, missing)).toBe(false);
      expect(run("{q} in [1, '']", missing)).toBe(false);
      expect(run("{q} contains ''", missing)).toBe(false);
      expect(run('answered({q})', missing)).toBe(false);
      expect(run('not answered({q})', missing)).toBe(true);
      expect(run('not {q} = 1', missing)).toBe(true);
    }
    for (const present of [{ q: 0 }, { q: 'x' }, { q: ['a'] }, { q: false }]) {
      expect(run('answered({q})', present)).toBe(true);
    }
  });

  it('treats a multi answer as a set: in and contains', () => {
    const answers = { m: ['food', 'safety'], s: 'food', n: 2 };
    expect(run("{m} contains 'food'", answers)).toBe(true);
    expect(run("{m} contains 'staff'", answers)).toBe(false);
    expect(run("{m} in ['staff', 'safety']", answers)).toBe(true);
    expect(run("{m} in ['staff']", answers)).toBe(false);
    // A single answer contains only itself.
    expect(run("{s} contains 'food'", answers)).toBe(true);
    expect(run("{s} contains 'foo'", answers)).toBe(false);
    expect(run('{n} in [1, 2, 3]', answers)).toBe(true);
    expect(run("{n} in ['2']", answers)).toBe(false);
    // Comparisons with an array are false, whatever the operator.
    expect(run("{m} = 'food'", answers)).toBe(false);
    expect(run("{m} != 'food'", answers)).toBe(false);
  });

  it('combines with not, and, or (De Morgan on a hand table)', () => {
    const table = [
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ];
    for (const [a, b] of table) {
      const answers = { a, b };
      const A = a === 1;
      const B = b === 1;
      expect(run('{a} = 1 and {b} = 1', answers)).toBe(A && B);
      expect(run('{a} = 1 or {b} = 1', answers)).toBe(A || B);
      expect(run('not ({a} = 1 and {b} = 1)', answers)).toBe(
        run('not {a} = 1 or not {b} = 1', answers),
      );
    }
  });

  it('reads own properties only, from objects and Maps', () => {
    expect(run('answered({constructor.x})', {})).toBe(false);
    expect(run('answered({toString})', {})).toBe(false);
    expect(run('answered({hasOwnProperty})', {})).toBe(false);
    const inherited = Object.create({ q: 5 }) as Record<string, unknown>;
    expect(run('{q} = 5', inherited)).toBe(false);
    expect(run('{q} = 5', Object.create(null) as Record<string, unknown>)).toBe(false);
    expect(run('{q} = 5', new Map([['q', 5]]))).toBe(true);
    // An own __proto__ key (as JSON.parse makes it) is never reachable: the parser refuses the reference.
    expect(() => parseExpression('{__proto__} = 5')).toThrow();
  });

  it('throws invalid-argument on an unknown node', () => {
    try {
      evaluateExpression({ type: 'xor' } as unknown as Expression, {});
      expect.unreachable();
    } catch (error) {
      expect(EduQualityError.isInstance(error)).toBe(true);
      expect((error as EduQualityError).code).toBe('invalid-argument');
    }
  });

  it('never throws on generated trees and arbitrary answers, and not is the complement', () => {
    const ids = fc.constantFrom('a', 'b', 'c');
    const answers = fc.dictionary(
      ids,
      fc.oneof(
        fc.integer({ min: -3, max: 3 }),
        fc.constantFrom('x', 'y', ''),
        fc.array(fc.constantFrom('x', 'y', 1)),
        fc.anything(),
      ),
    );
    fc.assert(
      fc.property(expressionArbitrary(ids), answers, (ast, given) => {
        const value = evaluateExpression(ast, Object.freeze(given));
        expect(typeof value).toBe('boolean');
        expect(evaluateExpression({ type: 'not', operand: ast }, given)).toBe(!value);
      }),
      { numRuns: 500 },
    );
  });
});
