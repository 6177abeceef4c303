import { ensure } from './internal/fail.js';
import { formatHalfUp, roundHalfUpNumber } from './internal/nok/decimal.js';

function check(value: number, decimals: number, fn: string): void {
  ensure(Number.isFinite(value), fn, 'value must be finite');
  ensure(
    Number.isInteger(decimals) && decimals >= 0 && decimals <= 10,
    fn,
    'decimals must be an integer in [0, 10]',
  );
}

/**
 * Rounds a NOK score half-up on its decimal value, as an operator rounds on
 * paper: 86.005 gives 86.01 although the double nearest 86.005 is slightly
 * below it.
 *
 * @remarks
 * The double is read as its decimal expansion to 15 significant digits (which
 * also absorbs last-bit noise of weighted sums such as 0.3·a + 0.3·b + 0.4·c),
 * and that decimal is rounded half-up (half away from zero). `Math.round(x *
 * 100) / 100` and `toFixed` round the binary value instead and give 86 and
 * "86.00". The method document asks for full precision rounded only for
 * display, half-up on the decimal value (`methods/nok-344n.md`, policies);
 * operator mode rounds every П, K and S with this function.
 *
 * @param value - a finite number
 * @param decimals - the decimal places, an integer in [0, 10]
 * @returns the double nearest to the rounded decimal
 * @throws `EduQualityError` `invalid-argument` when value is not finite or decimals is out of range
 *
 * @example
 * ```ts
 * nokRound(86.005, 2); // => 86.01
 * nokRound(86.0066667, 2); // => 86.01
 * nokRound(88.4, 0); // => 88
 * nokRound(0.125, 2); // => 0.13
 * nokRound(NaN, 2); // throws
 * ```
 */
export function nokRound(value: number, decimals: number): number {
  check(value, decimals, 'nokRound');
  return roundHalfUpNumber(value, decimals);
}

/**
 * Formats a NOK score for display: {@link nokRound} written with exactly
 * `decimals` places.
 *
 * @remarks
 * Same rounding as {@link nokRound} (half-up on the decimal value); the
 * string keeps trailing zeros, as published tables do.
 *
 * @param value - a finite number
 * @param decimals - the decimal places, an integer in [0, 10]; default 2
 * @returns the rounded decimal as text, for example `"86.01"`
 * @throws `EduQualityError` `invalid-argument` when value is not finite or decimals is out of range
 *
 * @example
 * ```ts
 * nokFormat(86.005); // => '86.01'
 * nokFormat(100); // => '100.00'
 * nokFormat(88.4, 0); // => '88'
 * ```
 */
export function nokFormat(value: number, decimals = 2): string {
  check(value, decimals, 'nokFormat');
  return formatHalfUp(value, decimals);
}
