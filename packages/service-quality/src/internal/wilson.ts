import { normalQuantile } from './normal-quantile.js';

/** A Wilson score interval with its level. */
export interface WilsonBounds {
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly method: 'wilson';
}

/**
 * The Wilson score interval of k successes in n trials, equal to R
 * `prop.test(k, n, correct = FALSE)$conf.int`: with p̂ = k/n and
 * z = Φ⁻¹(1 − α/2), `(p̂ + z²/2n ± z √(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n)`.
 * Wilson (1927), JASA 22, 209–212. Preconditions (checked by callers):
 * integers 0 ≤ k ≤ n, n ≥ 1, 0 < level < 1.
 */
export function wilson(k: number, n: number, level: number): WilsonBounds {
  const p = k / n;
  const z = normalQuantile(1 - (1 - level) / 2);
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  // As prop.test: exactly 0 (or 1) at p̂ = 0 (or 1), not a rounding residue.
  return {
    lower: k === 0 ? 0 : Math.max(0, (centre - half) / denominator),
    upper: k === n ? 1 : Math.min(1, (centre + half) / denominator),
    level,
    method: 'wilson',
  };
}
