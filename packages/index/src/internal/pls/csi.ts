// The ACSI/ECSI 0–100 index of one block (Fornell et al. 1996; plspm rescale):
// Σ w̃_i (x̄_i − min_i) / (max_i − min_i) × 100 with w̃ = w / Σw, the weights on
// the indicators' own metric. With one scale for the block this is
// (Σ w̃_i x̄_i − min) / (max − min) × 100. Returns NaN (kept internal) when a
// weight is negative or all are zero: the index is then meaningless.

export function blockIndex(
  weights: ArrayLike<number>,
  means: ArrayLike<number>,
  mins: ArrayLike<number>,
  maxs: ArrayLike<number>,
  start: number,
  end: number,
): number {
  let sum = 0;
  for (let k = start; k < end; k++) {
    const w = weights[k]!;
    if (w < 0) return NaN;
    sum += w;
  }
  if (!(sum > 0)) return NaN;
  let index = 0;
  for (let k = start; k < end; k++) {
    index += (weights[k]! / sum) * ((means[k]! - mins[k]!) / (maxs[k]! - mins[k]!));
  }
  return index * 100;
}
