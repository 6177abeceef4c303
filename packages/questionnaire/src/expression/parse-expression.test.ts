import { EduQualityError } from '@edu-quality/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExpression, safeParseExpression } from './parse-expression.js';
import type { Expression } from './ast.js';

const ref = (id: string) => ({ type: 'reference', id }) as const;
const num = (value: number) => ({ type: 'number', value }) as const;
const str = (value: string) => ({ type: 'string', value }) as const;
const eq = (id: string, value: number): Expression => ({
  type: 'comparison',
  operator: '=',
  left: ref(id),
  right: num(value),
});

function issueOf(text: string) {
  const result = safeParseExpression(text);
  if (result.success) throw new Error(`expected ${JSON.stringify(text)} not to parse`);
  expect(result.issues).toHaveLength(1);
  return result.issues[0]!;
}

describe('parseExpression', () => {
  it('parses each comparison operator', () => {
    for (const operator of ['=', '!=', '<', '<=', '>', '>='] as const) {
      expect(parseExpression(`{q1} ${operator} 4`)).toEqual({
        type: 'comparison',
        operator,
        left: ref('q1'),
        right: num(4),
      });
    }
  });

  it('reads literals on either side, negative and decimal numbers, and references on both sides', () => {
    expect(parseExpression('-2.5 < {q}')).toEqual({
      type: 'comparison',
      operator: '<',
      left: num(-2.5),
      right: ref('q'),
    });
    expect(parseExpression('{a}={b}')).toEqual({
      type: 'comparison',
      operator: '=',
      left: ref('a'),
      right: ref('b'),
    });
    expect(parseExpression('{a} = 1e3')).toMatchObject({ right: num(1000) });
    // -0 is read as 0 so that print → parse is the identity.
    expect(
      Object.is((parseExpression('{a} = -0') as { right: { value: number } }).right.value, 0),
    ).toBe(true);
  });

  it("unescapes \\' and \\\\ in strings and keeps every other character as written", () => {
    expect(parseExpression("{a} = 'it\\'s \\\\ \"ok\" \n ünï'")).toMatchObject({
      right: str('it\'s \\ "ok" \n ünï'),
    });
    expect(parseExpression("{a} = ''")).toMatchObject({ right: str('') });
  });

  it('gives and precedence over or, and not precedence over and', () => {
    // Hand-built tree of `not a and b or c`: or(and(not a, b), c).
    expect(parseExpression('not {a} = 1 and {b} = 2 or {c} = 3')).toEqual({
      type: 'or',
      operands: [
        { type: 'and', operands: [{ type: 'not', operand: eq('a', 1) }, eq('b', 2)] },
        eq('c', 3),
      ],
    });
  });

  it('makes one n-ary node of a chain and nests a parenthesised one', () => {
    expect(parseExpression('{a} = 1 and {b} = 2 and {c} = 3')).toEqual({
      type: 'and',
      operands: [eq('a', 1), eq('b', 2), eq('c', 3)],
    });
    expect(parseExpression('{a} = 1 and ({b} = 2 and {c} = 3)')).toEqual({
      type: 'and',
      operands: [eq('a', 1), { type: 'and', operands: [eq('b', 2), eq('c', 3)] }],
    });
    expect(parseExpression('((({a} = 1)))')).toEqual(eq('a', 1));
  });

  it('parses membership, contains and answered', () => {
    expect(parseExpression("{q} in [1, 'x', -3]")).toEqual({
      type: 'in',
      reference: ref('q'),
      values: [num(1), str('x'), num(-3)],
    });
    expect(parseExpression("{m} contains 'food'")).toEqual({
      type: 'contains',
      reference: ref('m'),
      value: str('food'),
    });
    expect(parseExpression(' answered ( {q.1-x} ) ')).toEqual({
      type: 'answered',
      reference: ref('q.1-x'),
    });
  });

  it('accepts whitespace of every kind between tokens and none where unambiguous', () => {
    expect(parseExpression('{a}\t=\r\n1\nand{b}>=2')).toEqual({
      type: 'and',
      operands: [eq('a', 1), { type: 'comparison', operator: '>=', left: ref('b'), right: num(2) }],
    });
  });

  it('throws an invalid-input EduQualityError carrying the issue', () => {
    try {
      parseExpression('{q1} >=');
      expect.unreachable();
    } catch (error) {
      expect(EduQualityError.isInstance(error)).toBe(true);
      expect((error as EduQualityError).code).toBe('invalid-input');
      expect((error as EduQualityError).issues[0]?.code).toBe('invalid-expression');
      expect((error as EduQualityError).message).toMatch(/^parseExpression: /);
    }
  });
});

describe('safeParseExpression errors give the character offset', () => {
  it.each([
    // [text, offset (0-based), message fragment]
    ['', 0, 'expected a number, a string or a reference'],
    ['   ', 3, 'found the end'],
    ['{q1} >=', 7, 'found the end'],
    ['{q1} = = 1', 7, "found '='"],
    ['{q1} = 1 {q2} = 2', 9, "expected 'and', 'or' or the end"],
    ['{q1}', 4, "a comparison ('=', '!=', '<', '<=', '>', '>='), 'in' or 'contains'"],
    ["'a' in ['a']", 4, "expected a comparison ('=', '!=', '<', '<=', '>', '>=') at offset 4"],
    ['{q1 = 1', 0, "not closed with '}'"],
    ['{q 1} = 1', 0, 'not a reference to an item id'],
    ['{q1', 0, "not closed with '}'"],
    ['{} = 1', 0, 'not a reference'],
    ['{1q} = 1', 0, 'not a reference'],
    ['{__proto__} = 1', 0, "'__proto__' is a reserved name"],
    ['{constructor} = 1', 0, 'reserved'],
    ["{a} = 'abc", 6, 'string is not closed'],
    ["{a} = 'a\\n'", 8, 'backslash'],
    ['q1 = 1', 0, "unknown word 'q1'"],
    ['{a} = 1 AND {b} = 2', 8, "unknown word 'AND'"],
    ['{a} == 1', 5, "found '='"],
    ['{a} = 1 && {b} = 2', 8, "unexpected character '&'"],
    ['{a} in []', 8, 'expected a number or a string'],
    ['{a} in [1 2]', 10, "expected ',' or ']'"],
    ['{a} in 1', 7, "expected '['"],
    ['{a} in [{b}]', 8, 'expected a number or a string'],
    ['{a} contains {b}', 13, 'expected a number or a string'],
    ['answered {a}', 9, "expected '('"],
    ['answered(1)', 9, 'expected a reference'],
    ['({a} = 1', 8, "expected ')'"],
    ['1 < {q} < 5', 8, "expected 'and', 'or' or the end"],
    ['{a} = 1e999', 6, 'too large'],
    ['not', 3, 'found the end'],
  ])('%j fails at offset %i', (text, offset, fragment) => {
    const issue = issueOf(text);
    expect(issue.code).toBe('invalid-expression');
    expect(issue.column).toBe(offset + 1);
    expect(issue.message).toContain(fragment);
    expect(issue.message).toContain(`at offset ${offset}`);
  });

  it('rejects text that is not a string', () => {
    expect(safeParseExpression(42 as unknown as string).success).toBe(false);
  });

  it('rejects text longer than 4096 characters before reading it', () => {
    const clause = '{a} = 1 or ';
    const long = clause.repeat(Math.ceil(4097 / clause.length)) + '{a} = 1';
    expect(long.length).toBeGreaterThan(4096);
    expect(issueOf(long).message).toContain('longer than 4096');
    // Just under the limit parses: 4096 characters of a valid chain.
    const ok = ('{a} = 1 or '.repeat(371) + '{a} = 1').padEnd(4096, ' ');
    expect(ok.length).toBe(4096);
    expect(safeParseExpression(ok).success).toBe(true);
  });

  it('limits nesting to 32 levels of parentheses and not', () => {
    const nested = (n: number) => `${'('.repeat(n)}{a} = 1${')'.repeat(n)}`;
    expect(safeParseExpression(nested(32)).success).toBe(true);
    // The 33rd '(' is at offset 32.
    expect(issueOf(nested(33))).toMatchObject({ column: 33 });
    expect(issueOf(nested(33)).message).toContain('deeper than 32');
    expect(safeParseExpression(`${'not '.repeat(32)}{a} = 1`).success).toBe(true);
    expect(issueOf(`${'not '.repeat(33)}{a} = 1`).message).toContain('deeper than 32');
    expect(issueOf(`${'not ('.repeat(17)}{a} = 1${')'.repeat(17)}`).message).toContain(
      'deeper than 32',
    );
    // A long flat chain is not deep: the and-node is n-ary.
    expect(safeParseExpression(Array(300).fill('{a} = 1').join(' and ')).success).toBe(true);
  });

  it('never throws on arbitrary text, and fails with one located issue or succeeds', () => {
    const token = fc.constantFrom(
      '{q1}',
      '{__proto__}',
      '{',
      '}',
      "'",
      "\\'",
      '(',
      ')',
      '[',
      ']',
      ',',
      ' ',
      '=',
      '!=',
      '<',
      '<=',
      '>',
      '>=',
      'and',
      'or',
      'not',
      'in',
      'contains',
      'answered',
      '1',
      '-2.5',
      "'x'",
      'q',
    );
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.array(token, { maxLength: 30 }).map((parts) => parts.join('')),
      fc.array(token, { maxLength: 30 }).map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(text, (input) => {
        const result = safeParseExpression(input);
        if (!result.success) {
          expect(result.issues).toHaveLength(1);
          const column = result.issues[0]?.column ?? -1;
          expect(column).toBeGreaterThanOrEqual(1);
          expect(column).toBeLessThanOrEqual(input.length + 1);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
