/**
 * A reference to the answer of an item, written `{id}` in an expression.
 *
 * @example
 * ```ts
 * const ref: ReferenceOperand = { type: 'reference', id: 'q1' };
 * printExpression({ type: 'answered', reference: ref }); // => 'answered({q1})'
 * ```
 */
export interface ReferenceOperand {
  /** Discriminant. */
  readonly type: 'reference';
  /** The item id: a question id, or the id of a matrix row. */
  readonly id: string;
}

/**
 * A number literal such as `4`, `-1` or `2.5`.
 *
 * @remarks
 * The value is finite; `-0` is read and printed as `0`.
 */
export interface NumberLiteral {
  /** Discriminant. */
  readonly type: 'number';
  /** The number, finite. */
  readonly value: number;
}

/** A single-quoted string literal such as `'yes'`; `\'` and `\\` are its escapes. */
export interface StringLiteral {
  /** Discriminant. */
  readonly type: 'string';
  /** The string, unescaped. */
  readonly value: string;
}

/** A number or string literal. */
export type Literal = NumberLiteral | StringLiteral;

/** What a comparison compares: an item's answer or a literal. */
export type Operand = ReferenceOperand | Literal;

/** The comparison operators of the expression language. */
export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * A comparison of two operands, such as `{q1} >= 4` or `{q2} = 'yes'`.
 *
 * @remarks
 * See {@link evaluateExpression} for the semantics, in particular of a
 * missing answer (every comparison with it is false).
 */
export interface ComparisonExpression {
  /** Discriminant. */
  readonly type: 'comparison';
  /** The operator. */
  readonly operator: ComparisonOperator;
  /** The left operand. */
  readonly left: Operand;
  /** The right operand. */
  readonly right: Operand;
}

/** Membership in a list of literals: `{q1} in [1, 2, 3]`. */
export interface InExpression {
  /** Discriminant. */
  readonly type: 'in';
  /** The item whose answer is tested. */
  readonly reference: ReferenceOperand;
  /** The literals, at least one. */
  readonly values: readonly Literal[];
}

/** A choice among the answers of a `multi` item: `{q1} contains 'x'`. */
export interface ContainsExpression {
  /** Discriminant. */
  readonly type: 'contains';
  /** The item whose answer is tested. */
  readonly reference: ReferenceOperand;
  /** The choice looked for. */
  readonly value: Literal;
}

/** Whether an item was answered: `answered({q1})`. */
export interface AnsweredExpression {
  /** Discriminant. */
  readonly type: 'answered';
  /** The item. */
  readonly reference: ReferenceOperand;
}

/** The negation of an expression: `not {q1} = 1`. */
export interface NotExpression {
  /** Discriminant. */
  readonly type: 'not';
  /** The negated expression. */
  readonly operand: Expression;
}

/** The conjunction of two or more expressions: `a and b and c`. */
export interface AndExpression {
  /** Discriminant. */
  readonly type: 'and';
  /** The conjuncts, at least two. */
  readonly operands: readonly Expression[];
}

/** The disjunction of two or more expressions: `a or b or c`. */
export interface OrExpression {
  /** Discriminant. */
  readonly type: 'or';
  /** The disjuncts, at least two. */
  readonly operands: readonly Expression[];
}

/**
 * The syntax tree of a skip-logic expression: a condition that is true or
 * false for a set of answers; a union discriminated by `type`.
 *
 * @remarks
 * `and` and `or` are n-ary: `a and b and c` is one {@link AndExpression}
 * with three operands, while `a and (b and c)` nests a second one, so that
 * printing and parsing again gives back the same tree. Parentheses leave no
 * node of their own. Built by {@link parseExpression}, printed by
 * {@link printExpression}, evaluated by {@link evaluateExpression}.
 *
 * @example
 * ```ts
 * const ast: Expression = {
 *   type: 'and',
 *   operands: [
 *     { type: 'answered', reference: { type: 'reference', id: 'q1' } },
 *     { type: 'comparison', operator: '>=', left: { type: 'reference', id: 'q1' }, right: { type: 'number', value: 4 } },
 *   ],
 * };
 * printExpression(ast); // => 'answered({q1}) and {q1} >= 4'
 * ```
 */
export type Expression =
  | ComparisonExpression
  | InExpression
  | ContainsExpression
  | AnsweredExpression
  | NotExpression
  | AndExpression
  | OrExpression;
