// Half-up rounding on the decimal value of a double, not on its binary value.
//
// 86.005 is stored as 86.00499999999999545…, so Math.round(86.005 * 100) / 100
// gives 86 and toFixed(2) gives "86.00". An operator who writes 86.005 on paper
// rounds it to 86.01. We read the double as its decimal expansion to 15
// significant digits (a double holds 15.95), which also absorbs the last-bit
// noise of a weighted sum such as 0.3·a + 0.3·b + 0.4·c, and round that
// decimal string half-up (half away from zero for negatives).

/** The digits and decimal exponent of |value| to 15 significant digits: value = 0.d₁d₂… × 10^exponent. */
function decimalDigits(value: number): { digits: number[]; exponent: number } {
  const [mantissa = '0', exp = '0'] = Math.abs(value).toExponential(14).split('e');
  const digits = mantissa.replace('.', '').split('').map(Number);
  return { digits, exponent: Number(exp) + 1 };
}

/** '00' … '99'. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) =>
  String(i).padStart(2, '0'),
);

/** The texts of 0.00 … 100.00 built so far, by the value × 100. */
const SHOWN: (string | undefined)[] = new Array<string | undefined>(10_001);

/**
 * The digits of `rounded / 10^decimals` with exactly `decimals` places, for an
 * integer `rounded` below 1e15: the text `(rounded / scale).toFixed(decimals)`
 * prints (the double nearest rounded / scale is off by less than 0.2 units of
 * the last place, so toFixed rounds it back to `rounded`), written without
 * toFixed's runtime call.
 */
function fixedOfInteger(rounded: number, decimals: number, scale: number): string {
  if (decimals === 0) return String(rounded);
  if (decimals === 2 && rounded <= 10_000) {
    // A score shown to 2 places (0.00 … 100.00) is one of 10,001 texts: each
    // is built once and then shared, as strings are immutable.
    let text = SHOWN[rounded];
    if (text === undefined) {
      const fraction = rounded % 100;
      text = `${(rounded - fraction) / 100}.${TWO_DIGITS[fraction]!}`;
      SHOWN[rounded] = text;
    }
    return text;
  }
  const fraction = rounded % scale;
  const whole = (rounded - fraction) / scale;
  return `${whole}.${String(fraction).padStart(decimals, '0')}`;
}

/**
 * round(|value| · 10^decimals) when the binary value rounds like the decimal
 * one (away from a half-way point, below 1e15), else -1.
 */
function roundedAwayFromHalf(value: number, scale: number): number {
  const scaled = Math.abs(value) * scale;
  if (!(scaled < 1e15)) return -1;
  const fraction = scaled - Math.floor(scaled);
  return Math.abs(fraction - 0.5) > 1e-6 ? Math.round(scaled) : -1;
}

/**
 * Rounds `value` half-up to `decimals` places on its decimal representation
 * and returns the result as a decimal string with exactly `decimals` places.
 */
export function formatHalfUp(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  // Fast path: away from a half-way point the binary value rounds like the
  // decimal one, and the rounded integer prints exactly.
  const scale = 10 ** decimals;
  const rounded = roundedAwayFromHalf(value, scale);
  if (rounded >= 0) {
    const text = fixedOfInteger(rounded, decimals, scale);
    return value < 0 && rounded !== 0 ? `-${text}` : text;
  }
  return formatSlow(value, decimals);
}

/** {@link formatHalfUp} near a half-way point: half-up on the 15 significant decimal digits. */
function formatSlow(value: number, decimals: number): string {
  const negative = value < 0;
  const { digits, exponent } = decimalDigits(value);
  // Integer part has `exponent` digits (may be ≤ 0); keep exponent + decimals digits.
  const keep = exponent + decimals;
  let kept: number[];
  if (keep < 0) {
    kept = [];
  } else {
    kept = digits.slice(0, keep);
    while (kept.length < keep) kept.push(0);
    if ((digits[keep] ?? 0) >= 5) {
      let i = kept.length - 1;
      while (i >= 0 && kept[i] === 9) {
        kept[i] = 0;
        i--;
      }
      if (i >= 0) kept[i] = (kept[i] ?? 0) + 1;
      else kept.unshift(1);
    }
  }
  // kept holds the digits of round(|value| × 10^decimals) as an integer.
  let integer = kept.join('').replace(/^0+/, '');
  if (integer.length <= decimals) integer = integer.padStart(decimals + 1, '0');
  const whole = integer.slice(0, integer.length - decimals);
  const fraction = integer.slice(integer.length - decimals);
  const text = decimals > 0 ? `${whole}.${fraction}` : whole;
  const isZero = /^[0.]*$/.test(text);
  return negative && !isZero ? `-${text}` : text;
}

/** {@link formatHalfUp} as a number (the double nearest to the rounded decimal). */
export function roundHalfUpNumber(value: number, decimals: number): number {
  if (Number.isFinite(value)) {
    // rounded / scale is one correctly rounded division of two exact
    // integers: the double nearest the decimal, as Number(text) parses it.
    const scale = 10 ** decimals;
    const rounded = roundedAwayFromHalf(value, scale);
    if (rounded >= 0) return value < 0 && rounded !== 0 ? -(rounded / scale) : rounded / scale;
  }
  return Number(formatHalfUp(value, decimals));
}
