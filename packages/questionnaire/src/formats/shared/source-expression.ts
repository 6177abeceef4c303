// A small parser for the expression languages of the source formats
// (SurveyJS expressions, XLSForm XPath, LimeSurvey ExpressionScript). It only
// builds a syntax tree, which each importer translates into our expression
// language; nothing is ever evaluated.
import type {
  ComparisonOperator,
  Expression,
  Literal,
  ReferenceOperand,
} from '../../expression/ast.js';
import { coerceLiteral, type KindLookup } from './import-support.js';

export type SourceNode =
  | { readonly t: 'ref'; readonly name: string }
  | { readonly t: 'num'; readonly value: number }
  | { readonly t: 'str'; readonly value: string }
  | { readonly t: 'bool'; readonly value: boolean }
  | { readonly t: 'arr'; readonly items: readonly SourceNode[] }
  | { readonly t: 'call'; readonly name: string; readonly args: readonly SourceNode[] }
  | { readonly t: 'nary'; readonly op: 'and' | 'or'; readonly operands: readonly SourceNode[] }
  | {
      readonly t: 'bin';
      readonly op: string;
      readonly left: SourceNode;
      readonly right: SourceNode;
    }
  | { readonly t: 'not'; readonly operand: SourceNode }
  | { readonly t: 'postfix'; readonly op: string; readonly operand: SourceNode }
  | { readonly t: 'group'; readonly inner: SourceNode };

/** A construct that has no translation; its message says which. */
export class Untranslatable extends Error {}

export interface Dialect {
  /** Reads a reference at `i`, returning its name and end, or undefined. */
  readonly reference: (text: string, i: number) => { name: string; end: number } | undefined;
  /** Word operators (lower case) mapped to a canonical operator. */
  readonly words: Readonly<Record<string, string>>;
  /** Postfix word operators (SurveyJS `empty`/`notempty`). */
  readonly postfix: ReadonlySet<string>;
  /** Whether a bare word that is not an operator nor a call is a reference (LimeSurvey). */
  readonly bareReferences: boolean;
  /** Whether strings may use backslash escapes. */
  readonly escapes: boolean;
  /** Whether a word may hold dots (LimeSurvey `q.NAOK`) and colons. */
  readonly wordPattern: RegExp;
}

type Token =
  | { k: 'ref'; name: string; at: number }
  | { k: 'num'; value: number; at: number }
  | { k: 'str'; value: string; at: number }
  | { k: 'word'; word: string; at: number }
  | { k: 'op'; op: string; at: number }
  | { k: 'end'; at: number };

const SYMBOLS = [
  '===',
  '==',
  '!=',
  '<>',
  '<=',
  '>=',
  '&&',
  '||',
  '=',
  '<',
  '>',
  '!',
  '(',
  ')',
  '[',
  ']',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
];
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+/y;
const MAX_LENGTH = 4096;
const MAX_DEPTH = 32;

function tokenize(text: string, dialect: Dialect): Token[] {
  if (text.length > MAX_LENGTH)
    throw new Untranslatable(`the expression is longer than ${MAX_LENGTH} characters`);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const ref = dialect.reference(text, i);
    if (ref !== undefined) {
      tokens.push({ k: 'ref', name: ref.name, at: i });
      i = ref.end;
      continue;
    }
    if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new Untranslatable('a string is not closed');
        const d = text[j] as string;
        if (d === c) break;
        if (d === '\\' && dialect.escapes && j + 1 < text.length) {
          value += text[j + 1] as string;
          j += 2;
          continue;
        }
        value += d;
        j++;
      }
      tokens.push({ k: 'str', value, at: i });
      i = j + 1;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text);
    if (number !== null) {
      const value = Number(number[0]);
      if (!Number.isFinite(value)) throw new Untranslatable('a number is too large');
      tokens.push({ k: 'num', value, at: i });
      i = NUMBER.lastIndex;
      continue;
    }
    dialect.wordPattern.lastIndex = i;
    const word = dialect.wordPattern.exec(text);
    if (word !== null && word[0].length > 0) {
      tokens.push({ k: 'word', word: word[0], at: i });
      i = dialect.wordPattern.lastIndex;
      continue;
    }
    const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
    if (symbol === undefined) throw new Untranslatable(`unexpected character ${JSON.stringify(c)}`);
    tokens.push({ k: 'op', op: symbol, at: i });
    i += symbol.length;
  }
  tokens.push({ k: 'end', at: text.length });
  return tokens;
}

const COMPARATORS: Readonly<Record<string, ComparisonOperator>> = {
  '=': '=',
  '==': '=',
  '===': '=',
  '!=': '!=',
  '<>': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

/** Parses source-format text into a {@link SourceNode} tree; throws {@link Untranslatable}. */
export function parseSource(text: string, dialect: Dialect): SourceNode {
  const tokens = tokenize(text, dialect);
  let pos = 0;
  let depth = 0;
  const peek = (): Token => tokens[pos] as Token;
  const canon = (token: Token): string | undefined => {
    if (token.k === 'op') return token.op === '&&' ? 'and' : token.op === '||' ? 'or' : token.op;
    if (token.k === 'word') return dialect.words[token.word.toLowerCase()];
    return undefined;
  };
  const expect = (op: string): void => {
    const token = peek();
    if (token.k !== 'op' || token.op !== op)
      throw new Untranslatable(`expected '${op}' at offset ${token.at}`);
    pos++;
  };
  const nary = (op: 'and' | 'or', next: () => SourceNode): SourceNode => {
    const operands = [next()];
    while (canon(peek()) === op) {
      pos++;
      operands.push(next());
    }
    return operands.length === 1 ? (operands[0] as SourceNode) : { t: 'nary', op, operands };
  };
  const or = (): SourceNode => nary('or', and);
  const and = (): SourceNode => nary('and', unary);
  const unary = (): SourceNode => {
    const token = peek();
    const op = canon(token);
    if (
      op === '!' ||
      (op === 'not' &&
        !(
          token.k === 'word' &&
          tokens[pos + 1]?.k === 'op' &&
          (tokens[pos + 1] as { op: string }).op === '('
        ))
    ) {
      pos++;
      if (++depth > MAX_DEPTH) throw new Untranslatable('the expression nests too deeply');
      const operand = unary();
      depth--;
      return { t: 'not', operand };
    }
    return comparison();
  };
  const comparison = (): SourceNode => {
    const left = additive();
    const token = peek();
    const op = canon(token);
    if (op === undefined) return left;
    if (dialect.postfix.has(op)) {
      pos++;
      return { t: 'postfix', op, operand: left };
    }
    if (op === 'and' || op === 'or' || op === ')' || op === ']' || op === ',') return left;
    if (Object.hasOwn(COMPARATORS, op) || /^[a-z]+$/.test(op)) {
      pos++;
      return { t: 'bin', op: COMPARATORS[op] ?? op, left, right: additive() };
    }
    return left;
  };
  const additive = (): SourceNode => {
    let left = primary();
    for (;;) {
      const op = canon(peek());
      if (
        op !== '+' &&
        op !== '-' &&
        op !== '*' &&
        op !== '/' &&
        op !== '%' &&
        op !== 'div' &&
        op !== 'mod'
      )
        return left;
      pos++;
      left = { t: 'bin', op, left, right: primary() };
    }
  };
  const primary = (): SourceNode => {
    const token = peek();
    pos++;
    switch (token.k) {
      case 'ref':
        return { t: 'ref', name: token.name };
      case 'num':
        return { t: 'num', value: token.value };
      case 'str':
        return { t: 'str', value: token.value };
      case 'op':
        if (token.op === '(') {
          if (++depth > MAX_DEPTH) throw new Untranslatable('the expression nests too deeply');
          const inner = or();
          depth--;
          expect(')');
          return { t: 'group', inner };
        }
        if (token.op === '[') {
          const items: SourceNode[] = [];
          if (!(peek().k === 'op' && (peek() as { op: string }).op === ']')) {
            items.push(additive());
            while (peek().k === 'op' && (peek() as { op: string }).op === ',') {
              pos++;
              items.push(additive());
            }
          }
          expect(']');
          return { t: 'arr', items };
        }
        if (token.op === '-') {
          const next = peek();
          if (next.k === 'num') {
            pos++;
            return { t: 'num', value: -next.value };
          }
        }
        throw new Untranslatable(`unexpected '${token.op}' at offset ${token.at}`);
      case 'word': {
        const lower = token.word.toLowerCase();
        const next = peek();
        if (next.k === 'op' && next.op === '(') {
          pos++;
          const args: SourceNode[] = [];
          if (!(peek().k === 'op' && (peek() as { op: string }).op === ')')) {
            args.push(or());
            while (peek().k === 'op' && (peek() as { op: string }).op === ',') {
              pos++;
              args.push(or());
            }
          }
          expect(')');
          return { t: 'call', name: lower, args };
        }
        if (lower === 'true' || lower === 'false') return { t: 'bool', value: lower === 'true' };
        if (dialect.bareReferences) return { t: 'ref', name: token.word };
        throw new Untranslatable(
          `unexpected word ${JSON.stringify(token.word)} at offset ${token.at}`,
        );
      }
      case 'end':
        throw new Untranslatable('the expression ends too early');
    }
  };
  const tree = or();
  if (peek().k !== 'end') throw new Untranslatable(`unexpected text at offset ${peek().at}`);
  return tree;
}

/** Resolves a source reference to an item id and its kind, or throws {@link Untranslatable}. */
export type ReferenceResolver = (name: string) => ReferenceOperand;

/** The parts of translation every format shares; the format handles calls and its own operators. */
export class Translator {
  constructor(
    readonly resolve: ReferenceResolver,
    readonly kindOf: KindLookup,
    private readonly special: (node: SourceNode, self: Translator) => Expression | undefined,
  ) {}

  condition(node: SourceNode): Expression {
    const special = this.special(node, this);
    if (special !== undefined) return special;
    switch (node.t) {
      case 'group':
        return this.condition(node.inner);
      case 'nary':
        return { type: node.op, operands: node.operands.map((o) => this.condition(o)) };
      case 'not':
        return { type: 'not', operand: this.condition(node.operand) };
      case 'bin': {
        const operator = COMPARATORS[node.op];
        if (operator !== undefined && operator === node.op)
          return this.comparison(operator, node.left, node.right);
        break;
      }
      default:
        break;
    }
    throw new Untranslatable(`${describe(node)} has no equivalent`);
  }

  comparison(
    operator: ComparisonOperator,
    leftNode: SourceNode,
    rightNode: SourceNode,
  ): Expression {
    const left = this.operand(leftNode);
    const right = this.operand(rightNode);
    const ref = [left, right].find(
      (o): o is ReferenceOperand => typeof o !== 'boolean' && o.type === 'reference',
    );
    const kind = ref === undefined ? undefined : this.kindOf(ref.id);
    const fix = (o: ReferenceOperand | Literal | boolean): ReferenceOperand | Literal => {
      if (typeof o !== 'boolean' && o.type === 'reference') return o;
      const literal = coerceLiteral(o, kind);
      if (literal === undefined)
        throw new Untranslatable(
          `the value ${describeValue(o)} does not fit the answers it is compared with`,
        );
      return literal;
    };
    return { type: 'comparison', operator, left: fix(left), right: fix(right) };
  }

  reference(node: SourceNode): ReferenceOperand {
    const inner = node.t === 'group' ? node.inner : node;
    if (inner.t !== 'ref') throw new Untranslatable(`${describe(inner)} is not a question`);
    return this.resolve(inner.name);
  }

  literal(node: SourceNode, reference: ReferenceOperand): Literal {
    const value = this.operand(node);
    if (typeof value !== 'boolean' && value.type === 'reference')
      throw new Untranslatable('a list may hold only values');
    const literal = coerceLiteral(value, this.kindOf(reference.id));
    if (literal === undefined)
      throw new Untranslatable(
        `the value ${describeValue(value)} does not fit the answers of ${reference.id}`,
      );
    return literal;
  }

  operand(node: SourceNode): ReferenceOperand | Literal | boolean {
    switch (node.t) {
      case 'group':
        return this.operand(node.inner);
      case 'ref':
        return this.resolve(node.name);
      case 'num':
        return { type: 'number', value: node.value === 0 ? 0 : node.value };
      case 'str':
        return { type: 'string', value: node.value };
      case 'bool':
        return node.value;
      default:
        throw new Untranslatable(`${describe(node)} is not a question nor a value`);
    }
  }
}

function describeValue(value: ReferenceOperand | Literal | boolean): string {
  if (typeof value === 'boolean') return String(value);
  return value.type === 'reference' ? `{${value.id}}` : JSON.stringify(value.value);
}

export function describe(node: SourceNode): string {
  switch (node.t) {
    case 'call':
      return `the function ${node.name}()`;
    case 'bin':
      return `the operator '${node.op}'`;
    case 'postfix':
      return `the operator '${node.op}'`;
    case 'arr':
      return 'a list';
    case 'ref':
      return `the reference ${JSON.stringify(node.name)}`;
    case 'group':
      return describe(node.inner);
    default:
      return `a ${node.t === 'nary' ? node.op : node.t === 'num' || node.t === 'str' || node.t === 'bool' ? 'bare value' : node.t}`;
  }
}
