// XLSForm (ODK XPath) conditions ⇄ our skip-logic language. Parsed into a
// tree and translated; never evaluated.
import type { Expression, Literal, Operand } from '../../expression/ast.js';
import {
  Translator,
  Untranslatable,
  parseSource,
  type Dialect,
  type ReferenceResolver,
  type SourceNode,
} from '../shared/source-expression.js';
import type { KindLookup } from '../shared/import-support.js';

export const XPATH: Dialect = {
  reference: (text, i) => {
    if (text.startsWith('${', i)) {
      const close = text.indexOf('}', i + 2);
      if (close < 0) throw new Untranslatable("a reference is not closed with '}'");
      return { name: text.slice(i + 2, close).trim(), end: close + 1 };
    }
    // `.`: the current question, in constraints.
    if (text[i] === '.' && !/[\d.]/.test(text[i + 1] ?? '')) return { name: '.', end: i + 1 };
    return undefined;
  },
  words: { and: 'and', or: 'or', div: 'div', mod: 'mod' },
  postfix: new Set(),
  bareReferences: false,
  escapes: false,
  wordPattern: /[A-Za-z_][A-Za-z0-9_:-]*/y,
};

const isEmptyString = (node: SourceNode): boolean => node.t === 'str' && node.value === '';

/** `${q} != ''`, `string-length(${q}) > 0`, `count-selected(${q}) > 0`: the question is answered. */
function answeredRef(node: SourceNode): SourceNode | undefined {
  if (node.t !== 'bin') return undefined;
  if (node.op === '!=' && isEmptyString(node.right) && node.left.t === 'ref') return node.left;
  if (
    (node.op === '>' || node.op === '!=') &&
    node.right.t === 'num' &&
    node.right.value === 0 &&
    node.left.t === 'call' &&
    (node.left.name === 'string-length' || node.left.name === 'count-selected') &&
    node.left.args.length === 1 &&
    node.left.args[0]?.t === 'ref'
  ) {
    return node.left.args[0];
  }
  return undefined;
}

function special(node: SourceNode, self: Translator): Expression | undefined {
  const answered = answeredRef(node);
  if (answered !== undefined) return { type: 'answered', reference: self.reference(answered) };
  switch (node.t) {
    case 'call':
      if (node.name === 'not' && node.args.length === 1) {
        return { type: 'not', operand: self.condition(node.args[0] as SourceNode) };
      }
      if (node.name === 'selected' && node.args.length === 2) {
        const reference = self.reference(node.args[0] as SourceNode);
        return {
          type: 'contains',
          reference,
          value: self.literal(node.args[1] as SourceNode, reference),
        };
      }
      return undefined;
    case 'nary': {
      // `${a} != '' and ${a} != x` is how toXlsForm writes our `{a} != x`
      // (false when unanswered), which XPath's `!=` is not.
      const last = node.operands[node.operands.length - 1];
      if (
        node.op === 'and' &&
        last?.t === 'bin' &&
        last.op === '!=' &&
        !isEmptyString(last.right)
      ) {
        const guards = node.operands.slice(0, -1);
        const refs = [last.left, last.right].filter((o) => o.t === 'ref');
        if (
          guards.length === refs.length &&
          guards.every((g, i) => {
            const ref = answeredRef(g);
            return (
              ref?.t === 'ref' &&
              g.t === 'bin' &&
              isEmptyString(g.right) &&
              ref.name === (refs[i] as { name: string }).name
            );
          })
        ) {
          return self.comparison('!=', last.left, last.right);
        }
      }
      return undefined;
    }
    case 'bin':
      if (node.op === '=' && isEmptyString(node.right) && node.left.t === 'ref') {
        return { type: 'not', operand: { type: 'answered', reference: self.reference(node.left) } };
      }
      if (node.op === '!=')
        return { type: 'not', operand: self.comparison('=', node.left, node.right) };
      return undefined;
    default:
      return undefined;
  }
}

/** Translates an XLSForm `relevant` condition; throws {@link Untranslatable} with the reason. */
export function translateXlsFormExpression(
  text: string,
  resolve: ReferenceResolver,
  kindOf: KindLookup,
): Expression {
  return new Translator(resolve, kindOf, special).condition(parseSource(text, XPATH));
}

export function xpathLiteral(node: Literal): string {
  if (node.type === 'number') return String(node.value);
  // XPath 1.0 strings have no escapes: pick the quote the text does not hold.
  return node.value.includes("'") ? `"${node.value}"` : `'${node.value}'`;
}

function operand(node: Operand): string {
  return node.type === 'reference' ? `\${${node.id}}` : xpathLiteral(node);
}

/** Prints our expression as an XLSForm condition with the same meaning. */
export function printXlsFormExpression(node: Expression, isMulti: (id: string) => boolean): string {
  const print = (n: Expression): string => printXlsFormExpression(n, isMulti);
  switch (node.type) {
    case 'comparison': {
      const text = `${operand(node.left)} ${node.operator} ${operand(node.right)}`;
      if (node.operator !== '!=') return text;
      const guards = [node.left, node.right]
        .filter((o) => o.type === 'reference')
        .map((o) => `${operand(o)} != '' and `);
      return guards.length === 0 ? text : `(${guards.join('')}${text})`;
    }
    case 'in': {
      const ref = operand(node.reference);
      const parts = node.values.map((v) =>
        isMulti(node.reference.id)
          ? `selected(${ref}, ${xpathLiteral(v)})`
          : `${ref} = ${xpathLiteral(v)}`,
      );
      return `(${parts.join(' or ')})`;
    }
    case 'contains':
      return `selected(${operand(node.reference)}, ${xpathLiteral(node.value)})`;
    case 'answered':
      return `${operand(node.reference)} != ''`;
    case 'not':
      return `not(${print(node.operand)})`;
    case 'and':
    case 'or':
      return node.operands
        .map((c) => (c.type === 'and' || c.type === 'or' ? `(${print(c)})` : print(c)))
        .join(` ${node.type} `);
  }
}
