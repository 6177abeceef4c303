// Limits that keep hostile skip-logic text from exhausting the stack or the
// CPU. Real visibleIf conditions are a line or two; the limits are far above.

/** The longest expression text accepted, in UTF-16 code units. */
export const MAX_EXPRESSION_LENGTH = 4096;

/** The deepest nesting of parentheses and `not` accepted. */
export const MAX_EXPRESSION_DEPTH = 32;
