/** Solves A x = b by Gaussian elimination with partial pivoting; undefined when A is singular. Also returns diag(A⁻¹). */
export function solve(
  a: readonly (readonly number[])[],
  b: readonly number[],
): { x: number[]; inverseDiagonal: number[] } | undefined {
  const n = b.length;
  // Augment with the identity to read the diagonal of the inverse.
  const m = a.map((row, i) => [
    ...row,
    b[i]!,
    ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  ]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) return undefined;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const row = m[col]!;
    const p = row[col]!;
    for (let c = 0; c < row.length; c++) row[c] = row[c]! / p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]!;
      if (f === 0) continue;
      const target = m[r]!;
      for (let c = 0; c < row.length; c++) target[c] = target[c]! - f * row[c]!;
    }
  }
  return { x: m.map((row) => row[n]!), inverseDiagonal: m.map((row, i) => row[n + 1 + i]!) };
}
