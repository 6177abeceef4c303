/**
 * The p-quantile of ascending sorted values by Hyndman and Fan's definition 7
 * (R's default `quantile(x, p, type = 7)`): with h = (n − 1)p,
 * `x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋])` (0-based). Hyndman, R. J. and
 * Fan, Y. (1996), The American Statistician 50, 361–365. Precondition: at
 * least one value, sorted ascending, 0 ≤ p ≤ 1.
 */
export function quantileType7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}
