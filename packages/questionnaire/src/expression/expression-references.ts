import type { Expression, Operand } from './ast.js';

/**
 * Lists the item ids an expression refers to.
 *
 * @remarks
 * Each id appears once, in the order of its first appearance in the text.
 * {@link checkQuestionnaire} uses it to check that a condition only looks at
 * items that come earlier in the questionnaire.
 *
 * @param expression - a syntax tree from {@link parseExpression}
 * @returns the distinct item ids, in order of first appearance
 *
 * @example
 * ```ts
 * expressionReferences(parseExpression('{q2} = 1 or answered({q1}) and {q2} in [3, 4]')); // => ['q2', 'q1']
 * expressionReferences(parseExpression('1 = 1')); // => []
 * ```
 */
export function expressionReferences(expression: Expression): string[] {
  const seen = new Set<string>();
  const visitOperand = (node: Operand): void => {
    if (node.type === 'reference') seen.add(node.id);
  };
  const visit = (node: Expression): void => {
    switch (node.type) {
      case 'comparison':
        visitOperand(node.left);
        visitOperand(node.right);
        break;
      case 'in':
      case 'contains':
      case 'answered':
        visitOperand(node.reference);
        break;
      case 'not':
        visit(node.operand);
        break;
      case 'and':
      case 'or':
        node.operands.forEach(visit);
        break;
    }
  };
  visit(expression);
  return [...seen];
}
