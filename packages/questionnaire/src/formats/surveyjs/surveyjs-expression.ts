// SurveyJS expressions ⇄ our skip-logic language. Parsed into a tree and
// translated; never evaluated.
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

const SURVEYJS: Dialect = {
  reference: (text, i) => {
    if (text[i] !== '{') return undefined;
    const close = text.indexOf('}', i + 1);
    if (close < 0) throw new Untranslatable("a reference is not closed with '}'");
    return { name: text.slice(i + 1, close).trim(), end: close + 1 };
  },
  words: {
    and: 'and',
    or: 'or',
    not: 'not',
    contains: 'contains',
    contain: 'contains',
    notcontains: 'notcontains',
    notcontain: 'notcontains',
    anyof: 'anyof',
    allof: 'allof',
    noneof: 'noneof',
    empty: 'empty',
    notempty: 'notempty',
    equal: '=',
    notequal: '!=',
    greater: '>',
    less: '<',
    greaterorequal: '>=',
    lessorequal: '<=',
  },
  postfix: new Set(['empty', 'notempty']),
  bareReferences: false,
  escapes: true,
  wordPattern: /[A-Za-z_][A-Za-z0-9_]*/y,
};

function special(node: SourceNode, self: Translator): Expression | undefined {
  switch (node.t) {
    case 'postfix': {
      const reference = self.reference(node.operand);
      const answered: Expression = { type: 'answered', reference };
      return node.op === 'notempty' ? answered : { type: 'not', operand: answered };
    }
    case 'nary': {
      // `{a} notempty and {a} != x` is how toSurveyJs writes our `{a} != x`,
      // whose semantics (false when unanswered) SurveyJS's `!=` lacks.
      const last = node.operands[node.operands.length - 1];
      if (node.op === 'and' && last?.t === 'bin' && last.op === '!=') {
        const guards = node.operands.slice(0, -1);
        const refs = [last.left, last.right].filter((o) => o.t === 'ref');
        if (
          guards.length === refs.length &&
          guards.every(
            (g, i) =>
              g.t === 'postfix' &&
              g.op === 'notempty' &&
              g.operand.t === 'ref' &&
              g.operand.name === (refs[i] as { name: string }).name,
          )
        ) {
          return self.comparison('!=', last.left, last.right);
        }
      }
      return undefined;
    }
    case 'bin':
      switch (node.op) {
        case '!=':
          // SurveyJS: an unanswered question is "not equal" to anything; so is `not =` in ours.
          return { type: 'not', operand: self.comparison('=', node.left, node.right) };
        case 'contains':
        case 'notcontains': {
          const reference = self.reference(node.left);
          const contains: Expression = {
            type: 'contains',
            reference,
            value: self.literal(node.right, reference),
          };
          return node.op === 'contains' ? contains : { type: 'not', operand: contains };
        }
        case 'anyof':
        case 'noneof':
        case 'allof': {
          const reference = self.reference(node.left);
          const right = node.right.t === 'group' ? node.right.inner : node.right;
          const values =
            right.t === 'arr'
              ? right.items.map((item) => self.literal(item, reference))
              : [self.literal(right, reference)];
          if (values.length === 0)
            throw new Untranslatable(`'${node.op}' needs at least one value`);
          if (node.op === 'allof') {
            const each = values.map((value): Expression => ({
              type: 'contains',
              reference,
              value,
            }));
            return each.length === 1 ? each[0] : { type: 'and', operands: each };
          }
          const inList: Expression = { type: 'in', reference, values };
          return node.op === 'anyof' ? inList : { type: 'not', operand: inList };
        }
        default:
          return undefined;
      }
    default:
      return undefined;
  }
}

/** Translates a SurveyJS expression; throws {@link Untranslatable} with the reason. */
export function translateSurveyJsExpression(
  text: string,
  resolve: ReferenceResolver,
  kindOf: KindLookup,
): Expression {
  return new Translator(resolve, kindOf, special).condition(parseSource(text, SURVEYJS));
}

function literal(node: Literal): string {
  if (node.type === 'number') return String(node.value);
  const quote = node.value.includes("'") && !node.value.includes('"') ? '"' : "'";
  return `${quote}${node.value.replace(/\\/g, '\\\\').replaceAll(quote, `\\${quote}`)}${quote}`;
}

/** Prints our expression as a SurveyJS expression with the same meaning; `name` gives a reference's SurveyJS name (`matrix.row` for a row). */
export function printSurveyJsExpression(
  node: Expression,
  name: (id: string) => string = (id) => id,
): string {
  const operand = (o: Operand): string => (o.type === 'reference' ? `{${name(o.id)}}` : literal(o));
  const printSurveyJsExpression = (n: Expression): string => printSurveyJs(n, operand);
  return printSurveyJs(node, operand, printSurveyJsExpression);
}

function printSurveyJs(
  node: Expression,
  operand: (o: Operand) => string,
  printSurveyJsExpression: (n: Expression) => string = (n) => printSurveyJs(n, operand),
): string {
  switch (node.type) {
    case 'comparison': {
      const text = `${operand(node.left)} ${node.operator} ${operand(node.right)}`;
      if (node.operator !== '!=') return text;
      const guards = [node.left, node.right]
        .filter((o) => o.type === 'reference')
        .map((o) => `${operand(o)} notempty and `);
      return guards.length === 0 ? text : `(${guards.join('')}${text})`;
    }
    case 'in':
      return `${operand(node.reference)} anyof [${node.values.map(literal).join(', ')}]`;
    case 'contains':
      return `${operand(node.reference)} contains ${literal(node.value)}`;
    case 'answered':
      return `${operand(node.reference)} notempty`;
    case 'not':
      return `!(${printSurveyJsExpression(node.operand)})`;
    case 'and':
    case 'or':
      return node.operands
        .map((child) =>
          child.type === 'and' || child.type === 'or'
            ? `(${printSurveyJsExpression(child)})`
            : printSurveyJsExpression(child),
        )
        .join(` ${node.type} `);
  }
}
