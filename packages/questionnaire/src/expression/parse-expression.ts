import { EduQualityError, isSafeKey, type Issue } from '@edu-quality/core';
import { IDENTIFIER_PATTERN } from '../schema.js';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH } from '../internal/expression-limits.js';
import type { ComparisonOperator, Expression, Literal, Operand, ReferenceOperand } from './ast.js';

/** The result of {@link safeParseExpression}: the syntax tree, or the issue that stopped parsing. */
export type SafeParseExpressionResult =
  | { readonly success: true; readonly data: Expression }
  | { readonly success: false; readonly issues: Issue[] };

/**
 * Parses a skip-logic expression into its syntax tree ({@link Expression}).
 *
 * @remarks
 * The grammar, in EBNF; keywords are lower case, whitespace (spaces, tabs,
 * line breaks) may stand between any two tokens:
 *
 * ```text
 * expression = or ;
 * or         = and , { "or" , and } ;
 * and        = unary , { "and" , unary } ;
 * unary      = "not" , unary | primary ;
 * primary    = "(" , expression , ")"
 *            | "answered" , "(" , reference , ")"
 *            | reference , "in" , "[" , literal , { "," , literal } , "]"
 *            | reference , "contains" , literal
 *            | operand , comparator , operand ;
 * comparator = "=" | "!=" | "<" | "<=" | ">" | ">=" ;
 * operand    = reference | literal ;
 * literal    = number | string ;
 * reference  = "{" , identifier , "}" ;          (* identifier: IDENTIFIER_PATTERN *)
 * number     = [ "-" ] , digits , [ "." , digits ] , [ ( "e" | "E" ) , [ "+" | "-" ] , digits ] ;
 * string     = "'" , { character - ( "'" | "\" ) | "\'" | "\\" } , "'" ;
 * ```
 *
 * Precedence, loosest first: `or`, `and`, `not`, then comparisons and
 * membership; a comparison never chains (`1 < {q} < 5` is an error). `and`
 * and `or` give one n-ary node for a chain; parentheses only group.
 *
 * `{q} in [1, 2]` is true when the answer equals one of the literals (for a
 * `multi` answer: when any chosen option is among them); `{q} contains 'x'`
 * is true when a `multi` answer includes `'x'` (a single answer contains only
 * itself); `answered({q})` tests presence. See {@link evaluateExpression}.
 *
 * Guards against hostile text: at most 4096 characters, at most 32 nested
 * levels of parentheses and `not`, and references must be identifiers other
 * than `__proto__`, `constructor` and `prototype`.
 *
 * @param text - the expression, for example a question's `visibleIf`
 * @returns the syntax tree
 * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-input` whose one issue
 * (code `invalid-expression`) gives the 0-based character offset in its
 * message and the 1-based position in `column`
 *
 * @example
 * ```ts
 * parseExpression('{q1} >= 4'); // => { type: 'comparison', operator: '>=', left: { type: 'reference', id: 'q1' }, right: { type: 'number', value: 4 } }
 * parseExpression("answered({q2}) and not {q3} in [1, 2]").type; // => 'and'
 * parseExpression("{topics} contains 'food'"); // => { type: 'contains', reference: { id: 'topics' }, value: { value: 'food' } }
 * parseExpression('{q1} >='); // throws
 * parseExpression('{__proto__} = 1'); // throws
 * ```
 */
export function parseExpression(text: string): Expression {
  const result = safeParseExpression(text);
  if (result.success) return result.data;
  const first = result.issues[0];
  throw new EduQualityError(
    'invalid-input',
    `parseExpression: ${first?.message ?? 'invalid expression'}`,
    { issues: result.issues },
  );
}

/**
 * Parses a skip-logic expression without throwing: the syntax tree, or the
 * issue that stopped parsing.
 *
 * @remarks
 * The grammar is given at {@link parseExpression}.
 *
 * @param text - the expression
 * @returns `{ success: true, data }` or `{ success: false, issues }` with one
 * `invalid-expression` issue whose `column` is the 1-based character position
 *
 * @example
 * ```ts
 * safeParseExpression('{q1} = 1').success; // => true
 * const bad = safeParseExpression('{q1} = = 1');
 * bad.success ? [] : bad.issues; // => [{ code: 'invalid-expression', message: "expected a number, a string or a reference at offset 7, found '='", column: 8 }]
 * ```
 */
export function safeParseExpression(text: string): SafeParseExpressionResult {
  try {
    if (typeof text !== 'string') throw new SyntaxIssue('an expression must be a string', 0);
    if (text.length > MAX_EXPRESSION_LENGTH) {
      throw new SyntaxIssue(
        `the expression is longer than ${MAX_EXPRESSION_LENGTH} characters`,
        MAX_EXPRESSION_LENGTH,
      );
    }
    const parser = new Parser(tokenize(text));
    return { success: true, data: parser.parseAll() };
  } catch (error) {
    if (!(error instanceof SyntaxIssue)) throw error;
    return {
      success: false,
      issues: [
        {
          code: 'invalid-expression',
          message: error.message,
          column: error.offset + 1,
        },
      ],
    };
  }
}

// A syntax error at a character offset; caught by safeParseExpression.
class SyntaxIssue extends Error {
  readonly offset: number;
  constructor(what: string, offset: number) {
    super(what.includes('at offset') ? what : `${what} at offset ${offset}`);
    this.offset = offset;
  }
}

type Token =
  | { readonly kind: 'reference'; readonly id: string; readonly offset: number }
  | { readonly kind: 'number'; readonly value: number; readonly offset: number }
  | { readonly kind: 'string'; readonly value: string; readonly offset: number }
  | { readonly kind: 'keyword'; readonly word: Keyword; readonly offset: number }
  | { readonly kind: 'comparator'; readonly operator: ComparisonOperator; readonly offset: number }
  | { readonly kind: 'punct'; readonly char: '(' | ')' | '[' | ']' | ','; readonly offset: number }
  | { readonly kind: 'end'; readonly offset: number };

type Keyword = 'and' | 'or' | 'not' | 'in' | 'contains' | 'answered';
const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'in', 'contains', 'answered']);

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const WHITESPACE = /[ \t\r\n]+/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    WHITESPACE.lastIndex = i;
    if (WHITESPACE.test(text)) {
      i = WHITESPACE.lastIndex;
      continue;
    }
    const c = text[i] as string;
    const start = i;
    if (c === '{') {
      const close = text.indexOf('}', i + 1);
      if (close < 0) throw new SyntaxIssue("a reference is not closed with '}'", start);
      const id = text.slice(i + 1, close);
      if (!IDENTIFIER_PATTERN.test(id)) {
        throw new SyntaxIssue(
          `'{${describe(id)}}' is not a reference to an item id (letters, digits, _ . -)`,
          start,
        );
      }
      if (!isSafeKey(id)) throw new SyntaxIssue(`'${id}' is a reserved name`, start);
      tokens.push({ kind: 'reference', id, offset: start });
      i = close + 1;
      continue;
    }
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new SyntaxIssue('a string is not closed with a quote', start);
        const d = text[i] as string;
        if (d === "'") break;
        if (d === '\\') {
          const e = text[i + 1];
          if (e !== "'" && e !== '\\') {
            throw new SyntaxIssue("only \\' and \\\\ may follow a backslash in a string", i);
          }
          value += e;
          i += 2;
          continue;
        }
        value += d;
        i++;
      }
      tokens.push({ kind: 'string', value, offset: start });
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number !== null) {
      const value = Number(number[0]);
      if (!Number.isFinite(value)) throw new SyntaxIssue('the number is too large', start);
      // -0 and 0 are one literal, so that print and parse agree.
      tokens.push({ kind: 'number', value: value === 0 ? 0 : value, offset: start });
      i = NUMBER.lastIndex;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (word !== null) {
      if (!KEYWORDS.has(word[0])) {
        throw new SyntaxIssue(
          `unknown word '${describe(word[0])}' (write item references in braces: {${describe(word[0])}})`,
          start,
        );
      }
      tokens.push({ kind: 'keyword', word: word[0] as Keyword, offset: start });
      i = WORD.lastIndex;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=') {
      tokens.push({ kind: 'comparator', operator: two, offset: start });
      i += 2;
      continue;
    }
    if (c === '=' || c === '<' || c === '>') {
      tokens.push({ kind: 'comparator', operator: c, offset: start });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',') {
      tokens.push({ kind: 'punct', char: c, offset: start });
      i++;
      continue;
    }
    throw new SyntaxIssue(`unexpected character '${describe(c)}'`, start);
  }
  tokens.push({ kind: 'end', offset: text.length });
  return tokens;
}

// Quotes a piece of user text in a message, shortened and without line breaks.
function describe(text: string): string {
  const flat = text.replace(/[\r\n\t]/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
}

function show(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end';
    case 'reference':
      return `'{${token.id}}'`;
    case 'number':
      return `'${String(token.value)}'`;
    case 'string':
      return 'a string';
    case 'keyword':
      return `'${token.word}'`;
    case 'comparator':
      return `'${token.operator}'`;
    case 'punct':
      return `'${token.char}'`;
  }
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parseAll(): Expression {
    const expression = this.parseOr(0);
    const next = this.peek();
    if (next.kind !== 'end') this.fail(next, "'and', 'or' or the end");
    return expression;
  }

  private peek(): Token {
    return this.tokens[this.position] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.position++;
    return token;
  }

  private fail(token: Token, expected: string): never {
    throw new SyntaxIssue(
      `expected ${expected} at offset ${token.offset}, found ${show(token)}`,
      token.offset,
    );
  }

  private isKeyword(token: Token, word: Keyword): boolean {
    return token.kind === 'keyword' && token.word === word;
  }

  private expectPunct(char: '(' | ')' | '[' | ']' | ','): void {
    const token = this.next();
    if (token.kind !== 'punct' || token.char !== char) this.fail(token, `'${char}'`);
  }

  private parseOr(depth: number): Expression {
    const operands = [this.parseAnd(depth)];
    while (this.isKeyword(this.peek(), 'or')) {
      this.next();
      operands.push(this.parseAnd(depth));
    }
    return operands.length === 1 ? (operands[0] as Expression) : { type: 'or', operands };
  }

  private parseAnd(depth: number): Expression {
    const operands = [this.parseUnary(depth)];
    while (this.isKeyword(this.peek(), 'and')) {
      this.next();
      operands.push(this.parseUnary(depth));
    }
    return operands.length === 1 ? (operands[0] as Expression) : { type: 'and', operands };
  }

  private parseUnary(depth: number): Expression {
    const token = this.peek();
    if (this.isKeyword(token, 'not')) {
      this.enter(token, depth);
      this.next();
      return { type: 'not', operand: this.parseUnary(depth + 1) };
    }
    return this.parsePrimary(depth);
  }

  private enter(token: Token, depth: number): void {
    if (depth + 1 > MAX_EXPRESSION_DEPTH) {
      throw new SyntaxIssue(
        `the expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`,
        token.offset,
      );
    }
  }

  private parsePrimary(depth: number): Expression {
    const token = this.peek();
    if (token.kind === 'punct' && token.char === '(') {
      this.enter(token, depth);
      this.next();
      const inner = this.parseOr(depth + 1);
      this.expectPunct(')');
      return inner;
    }
    if (this.isKeyword(token, 'answered')) {
      this.next();
      this.expectPunct('(');
      const reference = this.parseReference();
      this.expectPunct(')');
      return { type: 'answered', reference };
    }
    const left = this.parseOperand();
    const op = this.peek();
    if (left.type === 'reference' && this.isKeyword(op, 'in')) {
      this.next();
      return { type: 'in', reference: left, values: this.parseList() };
    }
    if (left.type === 'reference' && this.isKeyword(op, 'contains')) {
      this.next();
      return { type: 'contains', reference: left, value: this.parseLiteral() };
    }
    if (op.kind !== 'comparator') {
      this.fail(
        op,
        left.type === 'reference'
          ? "a comparison ('=', '!=', '<', '<=', '>', '>='), 'in' or 'contains'"
          : "a comparison ('=', '!=', '<', '<=', '>', '>=')",
      );
    }
    this.next();
    const right = this.parseOperand();
    return { type: 'comparison', operator: op.operator, left, right };
  }

  private parseList(): Literal[] {
    this.expectPunct('[');
    const values = [this.parseLiteral()];
    for (;;) {
      const token = this.next();
      if (token.kind === 'punct' && token.char === ']') return values;
      if (token.kind !== 'punct' || token.char !== ',') this.fail(token, "',' or ']'");
      values.push(this.parseLiteral());
    }
  }

  private parseReference(): ReferenceOperand {
    const token = this.next();
    if (token.kind !== 'reference') this.fail(token, 'a reference such as {q1}');
    return { type: 'reference', id: token.id };
  }

  private parseLiteral(): Literal {
    const token = this.next();
    if (token.kind === 'number') return { type: 'number', value: token.value };
    if (token.kind === 'string') return { type: 'string', value: token.value };
    return this.fail(token, 'a number or a string');
  }

  private parseOperand(): Operand {
    const token = this.next();
    if (token.kind === 'reference') return { type: 'reference', id: token.id };
    if (token.kind === 'number') return { type: 'number', value: token.value };
    if (token.kind === 'string') return { type: 'string', value: token.value };
    return this.fail(token, 'a number, a string or a reference');
  }
}
