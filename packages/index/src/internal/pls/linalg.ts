// Small dense linear algebra for PLS path modelling: the matrices are at most
// (indicators of a block)² or (latent variables)², so plain loops over
// row-major Float64Arrays are fast enough and allocate nothing.

/**
 * Cholesky factor in place: `a` (k × k, row-major, symmetric positive
 * definite, read from its lower triangle) becomes L with A = L Lᵀ.
 * Returns false when A is not numerically positive definite.
 */
export function cholesky(a: Float64Array, offset: number, k: number): boolean {
  for (let j = 0; j < k; j++) {
    let d = a[offset + j * k + j]!;
    for (let m = 0; m < j; m++) d -= a[offset + j * k + m]! ** 2;
    if (!(d > 1e-12 * Math.max(1, Math.abs(a[offset + j * k + j]!)))) return false;
    const root = Math.sqrt(d);
    a[offset + j * k + j] = root;
    for (let i = j + 1; i < k; i++) {
      let s = a[offset + i * k + j]!;
      for (let m = 0; m < j; m++) s -= a[offset + i * k + m]! * a[offset + j * k + m]!;
      a[offset + i * k + j] = s / root;
    }
  }
  return true;
}

/** Solves L Lᵀ x = b in place in `b` (from `bOffset`, length k) with the factor from {@link cholesky}. */
export function choleskySolve(
  l: Float64Array,
  offset: number,
  k: number,
  b: Float64Array,
  bOffset: number,
): void {
  for (let i = 0; i < k; i++) {
    let s = b[bOffset + i]!;
    for (let m = 0; m < i; m++) s -= l[offset + i * k + m]! * b[bOffset + m]!;
    b[bOffset + i] = s / l[offset + i * k + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = b[bOffset + i]!;
    for (let m = i + 1; m < k; m++) s -= l[offset + m * k + i]! * b[bOffset + m]!;
    b[bOffset + i] = s / l[offset + i * k + i]!;
  }
}

/**
 * Eigenvalues of a symmetric k × k matrix (row-major, copied), by cyclic
 * Jacobi rotations, in decreasing order, with the eigenvector of the largest.
 */
export function symmetricEigen(
  matrix: ArrayLike<number>,
  k: number,
): { values: number[]; first: number[] } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p * k + q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * k + q]! - a[p * k + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p]!;
          const arq = a[r * k + q]!;
          a[r * k + p] = c * arp - s * arq;
          a[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r]!;
          const aqr = a[q * k + r]!;
          a[p * k + r] = c * apr - s * aqr;
          a[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p]!;
          const vrq = v[r * k + q]!;
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort(
    (i, j) => a[j * k + j]! - a[i * k + i]!,
  );
  const top = order[0] ?? 0;
  return {
    values: order.map((i) => a[i * k + i]!),
    first: Array.from({ length: k }, (_, r) => v[r * k + top]!),
  };
}

/** Inverse of a small symmetric positive definite matrix (row-major), or undefined when singular. */
export function invertSpd(matrix: ArrayLike<number>, k: number): Float64Array | undefined {
  const l = Float64Array.from(matrix);
  if (!cholesky(l, 0, k)) return undefined;
  const inv = new Float64Array(k * k);
  const col = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    col.fill(0);
    col[j] = 1;
    choleskySolve(l, 0, k, col, 0);
    for (let i = 0; i < k; i++) inv[i * k + j] = col[i]!;
  }
  return inv;
}
