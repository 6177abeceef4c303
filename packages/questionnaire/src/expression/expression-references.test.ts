import { describe, expect, it } from 'vitest';
import { expressionReferences } from './expression-references.js';
import { parseExpression } from './parse-expression.js';

describe('expressionReferences', () => {
  it('lists distinct ids in order of first appearance from every kind of node', () => {
    expect(
      expressionReferences(
        parseExpression(
          "not ({c} = {a} or {b} in [1]) and {d} contains 'x' and answered({e}) and {a} > 1",
        ),
      ),
    ).toEqual(['c', 'a', 'b', 'd', 'e']);
  });
  it('is empty for a condition on literals only', () => {
    expect(expressionReferences(parseExpression("1 < 2 and 'a' = 'a'"))).toEqual([]);
  });
});
