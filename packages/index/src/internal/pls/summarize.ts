// Builds the full PLS result from a converged workspace: outer model,
// inner model with standard errors, effects, block quality and GoF.

import { twoSidedP } from '../distributions.js';
import { CHUNK, innerModel, type PlsWorkspace } from './engine.js';
import { invertSpd, symmetricEigen } from './linalg.js';
import type { PreparedPls } from './prepare.js';

/** Correlation over the rows where both values are present (pairwise complete). */
export function pairwiseCorrelation(
  a: Float64Array,
  aBase: number,
  b: Float64Array,
  bBase: number,
  n: number,
): number {
  let sa = 0;
  let sb = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const u = a[aBase + i]!;
    const v = b[bBase + i]!;
    if (u === u && v === v) {
      sa += u;
      sb += v;
      count++;
    }
  }
  if (count < 2) return 0;
  const ma = sa / count;
  const mb = sb / count;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let i = 0; i < n; i++) {
    const u = a[aBase + i]!;
    const v = b[bBase + i]!;
    if (u === u && v === v) {
      saa += (u - ma) ** 2;
      sbb += (v - mb) ** 2;
      sab += (u - ma) * (v - mb);
    }
  }
  const den = Math.sqrt(saa * sbb);
  return den > 0 ? sab / den : 0;
}

function dotRange(
  a: Float64Array,
  aBase: number,
  b: Float64Array,
  bBase: number,
  from: number,
  to: number,
): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[aBase + i]! * b[bBase + i]!;
  return s;
}

function hasMissing(v: Float64Array, base: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (v[base + i] !== v[base + i]) return true;
  return false;
}

/** Correlation of two centred complete columns: one pass. */
function centredCorrelation(
  a: Float64Array,
  aBase: number,
  b: Float64Array,
  bBase: number,
  n: number,
): number {
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let i = 0; i < n; i++) {
    const u = a[aBase + i]!;
    const v = b[bBase + i]!;
    saa += u * u;
    sbb += v * v;
    sab += u * v;
  }
  const den = Math.sqrt(saa * sbb);
  return den > 0 ? sab / den : 0;
}

export interface RawSummary {
  readonly crossLoadings: Float64Array; // p × L
  readonly loadings: Float64Array;
  readonly paths: Float64Array; // L × L (to, from)
  readonly r2: Float64Array;
  readonly pathStats: {
    from: number;
    to: number;
    estimate: number;
    stdError: number;
    t: number;
    p: number;
  }[];
  readonly total: Float64Array; // L × L (to, from)
  readonly reach: Uint8Array;
  readonly unidim: { alpha: number; rho: number; eig1: number; eig2: number }[];
  readonly gof: number | null;
  readonly means: Float64Array;
  readonly rawWeights: Float64Array;
}

export function summarize(prep: PreparedPls, ws: PlsWorkspace): RawSummary {
  const { spec, n } = prep;
  const { lvs: L, mvs: p } = spec;
  const { x, y } = ws;
  const crossLoadings = new Float64Array(p * L);
  const loadings = new Float64Array(p);
  // The treated indicators and the scores are centred; a complete column
  // needs no pairwise bookkeeping.
  const complete = new Uint8Array(p);
  for (let k = 0; k < p; k++) complete[k] = hasMissing(x, k * n, n) ? 0 : 1;
  const cor = (k: number, base: Float64Array, baseOffset: number, other: number): number =>
    complete[k] === 1 && (other < 0 || complete[other] === 1)
      ? centredCorrelation(x, k * n, base, baseOffset, n)
      : pairwiseCorrelation(x, k * n, base, baseOffset, n);
  // Cross-loadings of the complete columns: Σ x_k y_l in row chunks (a chunk
  // of x_k is reused for every score), over √(Σx_k² Σy_l²).
  const xx = new Float64Array(p);
  const yy = new Float64Array(L);
  const xy = new Float64Array(p * L);
  for (let k = 0; k < p; k++) if (complete[k] === 1) xx[k] = dotRange(x, k * n, x, k * n, 0, n);
  for (let l = 0; l < L; l++) yy[l] = dotRange(y, l * n, y, l * n, 0, n);
  for (let c0 = 0; c0 < n; c0 += CHUNK) {
    const c1 = Math.min(n, c0 + CHUNK);
    for (let k = 0; k < p; k++) {
      if (complete[k] === 0) continue;
      for (let l = 0; l < L; l++)
        xy[k * L + l] = xy[k * L + l]! + dotRange(x, k * n, y, l * n, c0, c1);
    }
  }
  for (let k = 0; k < p; k++) {
    for (let l = 0; l < L; l++) {
      if (complete[k] === 1) {
        const den = Math.sqrt(xx[k]! * yy[l]!);
        crossLoadings[k * L + l] = den > 0 ? xy[k * L + l]! / den : 0;
      } else {
        crossLoadings[k * L + l] = cor(k, y, l * n, -1);
      }
    }
    loadings[k] = crossLoadings[k * L + prep.blockOf[k]!]!;
  }
  const paths = new Float64Array(L * L);
  const r2 = new Float64Array(L);
  innerModel(spec, ws, paths, r2);
  const pathStats: RawSummary['pathStats'] = [];
  for (let to = 0; to < L; to++) {
    const ps = spec.preds[to]!;
    const k = ps.length;
    if (k === 0) continue;
    const sub = new Float64Array(k * k);
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) sub[a * k + b] = ws.c[ps[a]! * L + ps[b]!]!;
    const inv = invertSpd(sub, k);
    const df = n - k - 1;
    const sigma2 = Math.max(0, 1 - r2[to]!) / df;
    for (let a = 0; a < k; a++) {
      const estimate = paths[to * L + ps[a]!]!;
      const stdError = Math.sqrt(sigma2 * (inv?.[a * k + a] ?? 0));
      const t =
        stdError > 0 ? estimate / stdError : estimate === 0 ? 0 : Math.sign(estimate) * Infinity;
      pathStats.push({ from: ps[a]!, to, estimate, stdError, t, p: twoSidedP(t, df) });
    }
  }
  // Total effects Σ P^k (P nilpotent: the inner model is acyclic).
  const total = new Float64Array(L * L);
  const reach = new Uint8Array(L * L);
  let power = paths.slice();
  let reachPower = spec.path.slice();
  for (let step = 0; step < L; step++) {
    let anyPath = false;
    for (let i = 0; i < L * L; i++) {
      total[i] = total[i]! + power[i]!;
      if (reachPower[i] === 1) {
        reach[i] = 1;
        anyPath = true;
      }
    }
    if (!anyPath) break;
    const next = new Float64Array(L * L);
    const nextReach = new Uint8Array(L * L);
    for (let i = 0; i < L; i++)
      for (let m = 0; m < L; m++) {
        const a = power[i * L + m]!;
        const ra = reachPower[i * L + m]!;
        for (let j = 0; j < L; j++) {
          next[i * L + j] = next[i * L + j]! + a * paths[m * L + j]!;
          if (ra === 1 && spec.path[m * L + j] === 1) nextReach[i * L + j] = 1;
        }
      }
    power = next;
    reachPower = nextReach;
  }
  // Block quality on the block's correlation matrix (pairwise with missing cells).
  const unidim: RawSummary['unidim'] = [];
  for (let l = 0; l < L; l++) {
    const start = spec.blockStart[l]!;
    const q = spec.blockStart[l + 1]! - start;
    if (q === 1) {
      unidim.push({ alpha: 1, rho: 1, eig1: 1, eig2: 0 });
      continue;
    }
    const r = new Float64Array(q * q);
    let offSum = 0;
    for (let a = 0; a < q; a++) {
      r[a * q + a] = 1;
      for (let b = a + 1; b < q; b++) {
        const v = cor(start + a, x, (start + b) * n, start + b);
        r[a * q + b] = v;
        r[b * q + a] = v;
        offSum += v;
      }
    }
    const alphaRaw = ((2 * offSum) / (q + 2 * offSum)) * (q / (q - 1));
    const { values, first } = symmetricEigen(r, q);
    const eig1 = values[0]!;
    let sumLambda = 0;
    for (const v of first) sumLambda += Math.sqrt(Math.max(eig1, 0)) * v;
    const rho = (sumLambda * sumLambda) / (sumLambda * sumLambda + q - eig1);
    unidim.push({ alpha: Math.max(0, alphaRaw), rho, eig1, eig2: values[1]! });
  }
  // GoF (plspm get_gof): communalities of every block with more than one indicator.
  let comm = 0;
  let commCount = 0;
  for (let k = 0; k < p; k++) {
    const l = prep.blockOf[k]!;
    if (spec.blockStart[l + 1]! - spec.blockStart[l]! > 1) {
      comm += loadings[k]! ** 2;
      commCount++;
    }
  }
  let r2Sum = 0;
  let endo = 0;
  for (let l = 0; l < L; l++)
    if (spec.preds[l]!.length > 0) {
      r2Sum += r2[l]!;
      endo++;
    }
  const gof = commCount > 0 ? Math.sqrt((comm / commCount) * (r2Sum / endo)) : null;
  // Means of the raw indicators and weights on their raw metric.
  const means = new Float64Array(p);
  const rawWeights = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    let s = 0;
    let c = 0;
    for (let i = 0; i < n; i++) {
      const v = prep.raw[k * n + i]!;
      if (v === v) {
        s += v;
        c++;
      }
    }
    means[k] = s / c;
    rawWeights[k] = ws.w[k]! / ws.scale[k]!;
  }
  return {
    crossLoadings,
    loadings,
    paths,
    r2,
    pathStats,
    total,
    reach,
    unidim,
    gof,
    means,
    rawWeights,
  };
}
