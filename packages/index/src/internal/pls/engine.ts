// The PLS path modelling iteration (Lohmöller's version, as R plspm runs it),
// on column-major Float64Arrays held in a reusable workspace, so that a
// bootstrap refits thousands of resamples without allocating.
//
// Two engines:
// - fitComplete: plspm's get_weights, for raw (centred, not standardised)
//   complete data: start from weights that give every block score unit
//   variance, stop when Σ(|w_old| − |w_new|)² < tol;
// - fitAvailable: plspm's get_weights_nonmetric with numeric scaling, for
//   standardised data with or without missing cells: every sum runs over the
//   available cells, and the stopping rule is Σ(|Y_old| − |Y_new|)² < tol.
//   The Russett reference values follow this engine's trajectory: with the
//   same tolerance, get_weights stops 1.6e-6 away from them (mode B: 4e-5),
//   so matching them to 1e-6 needs this engine.
//
// The sign rule follows the engine, as in plspm: fitComplete ends with
// get_scores' rule (applyScoreSign), fitAvailable with none.

import { cholesky, choleskySolve } from './linalg.js';

export const SCHEME_CENTROID = 0;
export const SCHEME_FACTORIAL = 1;
export const SCHEME_PATH = 2;

/** Engine status: the fit converged. */
export const FIT_OK = 0;
/** Engine status: no convergence within the iteration limit. */
export const FIT_NOT_CONVERGED = 1;
/** Engine status: a constant indicator, a constant score or a singular mode B block. */
export const FIT_DEGENERATE = 2;

/** The model in the engine's terms: latent variables 0..L−1, indicators grouped by block. */
export interface EngineSpec {
  readonly lvs: number;
  readonly mvs: number;
  /** Indicators of block l are blockStart[l] .. blockStart[l+1]−1. */
  readonly blockStart: Int32Array;
  /** 1 for a mode B block. */
  readonly modeB: Uint8Array;
  /** path[to * L + from] = 1 for an arrow from → to. */
  readonly path: Uint8Array;
  /** The predecessors of each latent variable. */
  readonly preds: readonly Int32Array[];
  /** The latent variables adjacent to each one (either direction). */
  readonly neighbours: readonly Int32Array[];
  readonly scheme: number;
  readonly scaled: boolean;
  readonly tolerance: number;
  readonly maxIterations: number;
}

/** Preallocated buffers for one fit of n rows. */
export class PlsWorkspace {
  readonly n: number;
  /** Treated indicators, column-major (column k at k·n). */
  readonly x: Float64Array;
  /** x = (raw − center) / scale. */
  readonly center: Float64Array;
  readonly scale: Float64Array;
  readonly w: Float64Array;
  readonly wOld: Float64Array;
  /** Scores, column-major (latent variable l at l·n). */
  readonly y: Float64Array;
  readonly z: Float64Array;
  /** L × L correlations of the scores. */
  readonly c: Float64Array;
  /** L × L inner weights. */
  readonly e: Float64Array;
  /** Per block X′X (then its Cholesky factor) for mode B. */
  readonly xtx: Float64Array;
  readonly xtxOffset: Int32Array;
  readonly rhs: Float64Array;
  readonly reg: Float64Array;
  readonly regB: Float64Array;
  readonly means: Float64Array;
  readonly vars: Float64Array;
  /** Per block: 1 when it has missing cells. */
  readonly missing: Uint8Array;
  /**
   * Per block: 1 when plspm's get_scores sign rule negated the score (raw
   * fits only), so that the score is −X·w while w keeps the sign get_weights
   * gave it, as plspm reports it.
   */
  readonly negated: Uint8Array;
  yOld: Float64Array | undefined;
  iterations = 0;

  constructor(spec: EngineSpec, n: number) {
    const { mvs: p, lvs: L } = spec;
    this.n = n;
    this.x = new Float64Array(p * n);
    this.center = new Float64Array(p);
    this.scale = new Float64Array(p);
    this.w = new Float64Array(p);
    this.wOld = new Float64Array(p);
    this.y = new Float64Array(L * n);
    this.z = new Float64Array(L * n);
    this.c = new Float64Array(L * L);
    this.e = new Float64Array(L * L);
    this.xtxOffset = new Int32Array(L);
    let size = 0;
    for (let l = 0; l < L; l++) {
      this.xtxOffset[l] = size;
      const k = spec.blockStart[l + 1]! - spec.blockStart[l]!;
      size += k * k;
    }
    this.xtx = new Float64Array(size);
    this.rhs = new Float64Array(p);
    this.reg = new Float64Array(L * L);
    this.regB = new Float64Array(L);
    this.means = new Float64Array(L);
    this.vars = new Float64Array(L);
    this.missing = new Uint8Array(L);
    this.negated = new Uint8Array(L);
    this.yOld = undefined;
  }
}

/**
 * Centres (and, when scaled, divides by the population standard deviation)
 * the complete raw columns into ws.x. Returns FIT_DEGENERATE for a constant
 * column.
 */
export function prepareComplete(spec: EngineSpec, ws: PlsWorkspace, raw: Float64Array): number {
  const { n, x, center, scale } = ws;
  for (let k = 0; k < spec.mvs; k++) {
    const base = k * n;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += raw[base + i]!;
    const mean = sum / n;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const d = raw[base + i]! - mean;
      x[base + i] = d;
      ss += d * d;
    }
    if (!(ss > 1e-12 * Math.max(1, mean * mean) * n)) return FIT_DEGENERATE;
    const sd = spec.scaled ? Math.sqrt(ss / n) : 1;
    if (spec.scaled) for (let i = 0; i < n; i++) x[base + i] = x[base + i]! / sd;
    center[k] = mean;
    scale[k] = sd;
  }
  return FIT_OK;
}

// y_l = X_l w_l, then centred and divided by its population standard deviation.
function scoresFromWeights(spec: EngineSpec, ws: PlsWorkspace, l: number): boolean {
  const { n, x, w, y } = ws;
  const yb = l * n;
  y.fill(0, yb, yb + n);
  for (let k = spec.blockStart[l]!; k < spec.blockStart[l + 1]!; k++) {
    const wk = w[k]!;
    const xb = k * n;
    for (let i = 0; i < n; i++) y[yb + i] = y[yb + i]! + wk * x[xb + i]!;
  }
  return standardize(y, yb, n);
}

function standardize(v: Float64Array, base: number, n: number): boolean {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += v[base + i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = v[base + i]! - mean;
    v[base + i] = d;
    ss += d * d;
  }
  if (!(ss > 0)) return false;
  const inv = 1 / Math.sqrt(ss / n);
  for (let i = 0; i < n; i++) v[base + i] = v[base + i]! * inv;
  return true;
}

function dot(a: Float64Array, aBase: number, b: Float64Array, bBase: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[aBase + i]! * b[bBase + i]!;
  return s;
}

// Inner weights E (e[i·L + j]: the weight of Y_i in Z_j) from standardised
// scores, for the chosen scheme; then Z = Y E.
function innerEstimate(spec: EngineSpec, ws: PlsWorkspace): boolean {
  const { lvs: L } = spec;
  const { n, y, z, c, e } = ws;
  // Correlations of every adjacent pair and of the predecessors of each
  // latent variable between themselves (the scores are standardised).
  for (let j = 0; j < L; j++) {
    const neighbours = spec.neighbours[j]!;
    for (let q = 0; q < neighbours.length; q++) {
      const i = neighbours[q]!;
      if (i < j) continue;
      const r = dot(y, i * n, y, j * n, n) / n;
      c[i * L + j] = r;
      c[j * L + i] = r;
    }
    if (spec.scheme === SCHEME_PATH) {
      const ps = spec.preds[j]!;
      for (let a = 0; a < ps.length; a++) {
        c[ps[a]! * L + ps[a]!] = 1;
        for (let b = a + 1; b < ps.length; b++) {
          const r = dot(y, ps[a]! * n, y, ps[b]! * n, n) / n;
          c[ps[a]! * L + ps[b]!] = r;
          c[ps[b]! * L + ps[a]!] = r;
        }
      }
    }
  }
  e.fill(0);
  for (let j = 0; j < L; j++) {
    const ps = spec.preds[j]!;
    const neighbours = spec.neighbours[j]!;
    for (let q = 0; q < neighbours.length; q++) {
      const i = neighbours[q]!;
      const r = c[i * L + j]!;
      if (spec.scheme === SCHEME_CENTROID) e[i * L + j] = Math.sign(r);
      else if (spec.scheme === SCHEME_FACTORIAL) e[i * L + j] = r;
      else if (spec.path[j * L + i] === 0) e[i * L + j] = r; // i is a successor of j
    }
    if (spec.scheme === SCHEME_PATH && ps.length > 0) {
      // Regression of Y_j on its predecessors (no intercept: scores are centred).
      const k = ps.length;
      for (let a = 0; a < k; a++) {
        for (let b = 0; b < k; b++) ws.reg[a * k + b] = c[ps[a]! * L + ps[b]!]!;
        ws.regB[a] = c[ps[a]! * L + j]!;
      }
      if (!cholesky(ws.reg, 0, k)) return false;
      choleskySolve(ws.reg, 0, k, ws.regB, 0);
      for (let a = 0; a < k; a++) e[ps[a]! * L + j] = ws.regB[a]!;
    }
  }
  for (let j = 0; j < L; j++) {
    const zb = j * n;
    z.fill(0, zb, zb + n);
    const neighbours = spec.neighbours[j]!;
    for (let q = 0; q < neighbours.length; q++) {
      const i = neighbours[q]!;
      const eij = e[i * L + j]!;
      if (eij === 0) continue;
      const yb = i * n;
      for (let r = 0; r < n; r++) z[zb + r] = z[zb + r]! + eij * y[yb + r]!;
    }
  }
  return true;
}

function factorModeB(spec: EngineSpec, ws: PlsWorkspace): boolean {
  const { n, x, xtx } = ws;
  for (let l = 0; l < spec.lvs; l++) {
    if (spec.modeB[l] === 0) continue;
    const start = spec.blockStart[l]!;
    const k = spec.blockStart[l + 1]! - start;
    const off = ws.xtxOffset[l]!;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b <= a; b++) {
        const s = dot(x, (start + a) * n, x, (start + b) * n, n);
        xtx[off + a * k + b] = s;
        xtx[off + b * k + a] = s;
      }
    }
    if (!cholesky(xtx, off, k)) return false;
  }
  return true;
}

/** Fits complete, prepared data (ws.x). Returns a FIT_* status; ws.w and ws.y hold the result. */
export function fitComplete(spec: EngineSpec, ws: PlsWorkspace): number {
  const { lvs: L, mvs: p, blockStart } = spec;
  const { n, x, w, wOld, z } = ws;
  if (!factorModeB(spec, ws)) return FIT_DEGENERATE;
  // Initial weights: equal within a block, giving the block score unit variance.
  for (let l = 0; l < L; l++) {
    for (let k = blockStart[l]!; k < blockStart[l + 1]!; k++) w[k] = 1;
    const yb = l * n;
    ws.y.fill(0, yb, yb + n);
    for (let k = blockStart[l]!; k < blockStart[l + 1]!; k++) {
      const xb = k * n;
      for (let i = 0; i < n; i++) ws.y[yb + i] = ws.y[yb + i]! + x[xb + i]!;
    }
    let ss = 0;
    for (let i = 0; i < n; i++) ss += ws.y[yb + i]! ** 2;
    if (!(ss > 0)) return FIT_DEGENERATE;
    const s = 1 / Math.sqrt(ss / n);
    for (let k = blockStart[l]!; k < blockStart[l + 1]!; k++) w[k] = s;
  }
  wOld.set(w);
  let iter = 1;
  for (;;) {
    for (let l = 0; l < L; l++) if (!scoresFromWeights(spec, ws, l)) return FIT_DEGENERATE;
    if (!innerEstimate(spec, ws)) return FIT_DEGENERATE;
    for (let l = 0; l < L; l++) {
      const start = blockStart[l]!;
      const end = blockStart[l + 1]!;
      const zb = l * n;
      if (spec.modeB[l] === 0) {
        for (let k = start; k < end; k++) w[k] = dot(z, zb, x, k * n, n) / n;
      } else {
        for (let k = start; k < end; k++) ws.rhs[k] = dot(z, zb, x, k * n, n);
        choleskySolve(ws.xtx, ws.xtxOffset[l]!, end - start, ws.rhs, start);
        for (let k = start; k < end; k++) w[k] = ws.rhs[k]!;
      }
    }
    let diff = 0;
    for (let k = 0; k < p; k++) diff += (Math.abs(wOld[k]!) - Math.abs(w[k]!)) ** 2;
    if (!Number.isFinite(diff)) return FIT_DEGENERATE;
    ws.iterations = iter;
    if (diff < spec.tolerance) break;
    if (iter >= spec.maxIterations) return FIT_NOT_CONVERGED;
    wOld.set(w);
    iter++;
  }
  // Final weights give unit-variance scores; the scores are X W.
  for (let l = 0; l < L; l++) {
    const yb = l * n;
    ws.y.fill(0, yb, yb + n);
    for (let k = blockStart[l]!; k < blockStart[l + 1]!; k++) {
      const wk = w[k]!;
      const xb = k * n;
      for (let i = 0; i < n; i++) ws.y[yb + i] = ws.y[yb + i]! + wk * x[xb + i]!;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) sum += ws.y[yb + i]!;
    const mean = sum / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (ws.y[yb + i]! - mean) ** 2;
    if (!(ss > 0)) return FIT_DEGENERATE;
    const inv = 1 / Math.sqrt(ss / n);
    for (let k = blockStart[l]!; k < blockStart[l + 1]!; k++) w[k] = w[k]! * inv;
    for (let i = 0; i < n; i++) ws.y[yb + i] = ws.y[yb + i]! * inv;
  }
  applyScoreSign(spec, ws);
  return FIT_OK;
}

/**
 * plspm's sign rule (get_scores, applied after get_weights in its metric
 * engine): for each block, sum the signs of cor(x_k, y) over the block's own
 * indicators; when the sum is ≤ 0 (a majority correlates negatively, or the
 * signs tie: plspm sets a zero sign to −1) the score is negated. The weights
 * are left as get_weights returned them (plspm reports those), so a negated
 * block's score is −X·w; loadings and paths follow the negated score.
 */
function applyScoreSign(spec: EngineSpec, ws: PlsWorkspace): void {
  const { n, x, y } = ws;
  for (let l = 0; l < spec.lvs; l++) {
    const yb = l * n;
    let balance = 0;
    for (let k = spec.blockStart[l]!; k < spec.blockStart[l + 1]!; k++) {
      // x and y are centred, so the sign of Σ x·y is the sign of cor(x, y).
      balance += Math.sign(dot(x, k * n, y, yb, n));
    }
    ws.negated[l] = balance <= 0 ? 1 : 0;
    if (balance <= 0) for (let i = 0; i < n; i++) y[yb + i] = -y[yb + i]!;
  }
}

/** Centres and scales raw columns that may hold NaN, as plspm's get_treated_data does for non-metric data. */
export function prepareAvailable(spec: EngineSpec, ws: PlsWorkspace, raw: Float64Array): number {
  const { n, x, center, scale } = ws;
  const correction = Math.sqrt(n / (n - 1));
  for (let k = 0; k < spec.mvs; k++) {
    const base = k * n;
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const v = raw[base + i]!;
      if (v === v) {
        sum += v;
        count++;
      }
    }
    if (count < 2) return FIT_DEGENERATE;
    const mean = sum / count;
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const v = raw[base + i]!;
      if (v === v) ss += (v - mean) ** 2;
    }
    if (!(ss > 1e-12 * Math.max(1, mean * mean) * count)) return FIT_DEGENERATE;
    // R: scale(MV) / sqrt((n − 1)/n), the sd taken over the available cells.
    const sd = Math.sqrt(ss / (count - 1)) / correction;
    for (let i = 0; i < n; i++) x[base + i] = (raw[base + i]! - mean) / sd;
    center[k] = mean;
    scale[k] = sd;
  }
  return FIT_OK;
}

function blockHasMissing(spec: EngineSpec, ws: PlsWorkspace, l: number): boolean {
  const { n, x } = ws;
  for (let k = spec.blockStart[l]!; k < spec.blockStart[l + 1]!; k++) {
    const xb = k * n;
    for (let i = 0; i < n; i++) if (x[xb + i] !== x[xb + i]) return true;
  }
  return false;
}

// Rows per chunk in the cache-blocked loops: 2,048 doubles (16 KiB) per column
// keep a chunk of a few columns in L1/L2 while the others stream. On data
// larger than the caches this roughly halves the memory traffic. Up to
// CHUNK rows the sums are exactly those of a single pass; beyond, they add
// per-chunk partial sums, which differs in rounding only.
export const CHUNK = 2048;

// Mode A on a complete block (plspm get_weights_nonmetric): w = X′z / z′z,
// then y = X w, both in row chunks so that z and y stay in cache while the
// indicator columns stream.
function modeAComplete(ws: PlsWorkspace, start: number, end: number, l: number): void {
  const { n, x, w, y, z } = ws;
  const zb = l * n;
  const yb = l * n;
  let zz = 0;
  for (let i = 0; i < n; i++) zz += z[zb + i]! ** 2;
  for (let k = start; k < end; k++) w[k] = 0;
  for (let c0 = 0; c0 < n; c0 += CHUNK) {
    const c1 = Math.min(n, c0 + CHUNK);
    for (let k = start; k < end; k++) {
      const xb = k * n;
      let s = 0;
      for (let i = c0; i < c1; i++) s += z[zb + i]! * x[xb + i]!;
      w[k] = w[k]! + s;
    }
  }
  for (let k = start; k < end; k++) w[k] = w[k]! / zz;
  y.fill(0, yb, yb + n);
  for (let c0 = 0; c0 < n; c0 += CHUNK) {
    const c1 = Math.min(n, c0 + CHUNK);
    for (let k = start; k < end; k++) {
      const wk = w[k]!;
      const xb = k * n;
      for (let i = c0; i < c1; i++) y[yb + i] = y[yb + i]! + wk * x[xb + i]!;
    }
  }
}

// out_l = X_l w_l (no rescaling), column by column.
function blockProduct(spec: EngineSpec, ws: PlsWorkspace, l: number, out: Float64Array): void {
  const { n, x, w } = ws;
  const ob = l * n;
  out.fill(0, ob, ob + n);
  for (let k = spec.blockStart[l]!; k < spec.blockStart[l + 1]!; k++) {
    const wk = w[k]!;
    const xb = k * n;
    for (let i = 0; i < n; i++) out[ob + i] = out[ob + i]! + wk * x[xb + i]!;
  }
}

// Σ over the available cells of row i of x_k w_k, over Σ of the matching w_k².
function availableScores(spec: EngineSpec, ws: PlsWorkspace, l: number): boolean {
  const { n, x, w, y } = ws;
  const yb = l * n;
  for (let i = 0; i < n; i++) {
    let num = 0;
    let den = 0;
    for (let k = spec.blockStart[l]!; k < spec.blockStart[l + 1]!; k++) {
      const v = x[k * n + i]!;
      if (v === v) {
        num += v * w[k]!;
        den += w[k]! ** 2;
      }
    }
    if (!(den > 0)) return false;
    y[yb + i] = num / den;
  }
  return true;
}

/**
 * Fits data with missing cells (NaN in ws.x after prepareAvailable) as plspm
 * does: every weight and score is a regression over the available cells.
 * Mode B blocks must be complete.
 */
export function fitAvailable(spec: EngineSpec, ws: PlsWorkspace): number {
  const { lvs: L, blockStart } = spec;
  const { n, x, w, y, z, c } = ws;
  const yOld = (ws.yOld ??= new Float64Array(L * n));
  const { missing } = ws;
  for (let l = 0; l < L; l++) missing[l] = blockHasMissing(spec, ws, l) ? 1 : 0;
  // Initial weights 1/√p; initial scores not standardised (plspm).
  for (let l = 0; l < L; l++) {
    const k0 = blockStart[l]!;
    const k1 = blockStart[l + 1]!;
    for (let k = k0; k < k1; k++) w[k] = 1 / Math.sqrt(k1 - k0);
    if (missing[l] === 1) {
      if (!availableScores(spec, ws, l)) return FIT_DEGENERATE;
    } else {
      blockProduct(spec, ws, l, y);
    }
  }
  let iter = 0;
  for (;;) {
    iter++;
    yOld.set(y);
    // Correlations of the (possibly unstandardised) scores; the path scheme's
    // regressions use the raw cross-products (lm without an intercept in plspm).
    const { means, vars } = ws;
    // Sums, sums of squares and the cross-products of adjacent scores in one
    // chunked pass (ws.e is free until the inner weights are set).
    const acc = ws.e;
    acc.fill(0);
    means.fill(0);
    for (let c0 = 0; c0 < n; c0 += CHUNK) {
      const c1 = Math.min(n, c0 + CHUNK);
      for (let j = 0; j < L; j++) {
        const jb = j * n;
        let s = 0;
        let ss = 0;
        for (let r = c0; r < c1; r++) {
          const v = y[jb + r]!;
          s += v;
          ss += v * v;
        }
        means[j] = means[j]! + s;
        acc[j * L + j] = acc[j * L + j]! + ss;
        const neighbours = spec.neighbours[j]!;
        for (let q = 0; q < neighbours.length; q++) {
          const i = neighbours[q]!;
          if (i >= j) continue;
          const ib = i * n;
          let sij = 0;
          for (let r = c0; r < c1; r++) sij += y[ib + r]! * y[jb + r]!;
          acc[i * L + j] = acc[i * L + j]! + sij;
        }
      }
    }
    for (let l = 0; l < L; l++) {
      means[l] = means[l]! / n;
      vars[l] = (acc[l * L + l]! - n * means[l]! * means[l]!) / (n - 1);
    }
    for (let j = 0; j < L; j++) {
      const neighbours = spec.neighbours[j]!;
      for (let q = 0; q < neighbours.length; q++) {
        const i = neighbours[q]!;
        if (i >= j) continue;
        const cov = (acc[i * L + j]! - n * means[i]! * means[j]!) / (n - 1);
        // The factorial scheme of plspm's non-metric engine uses cov(Y).
        const r = spec.scheme === SCHEME_FACTORIAL ? cov : cov / Math.sqrt(vars[i]! * vars[j]!);
        c[i * L + j] = r;
        c[j * L + i] = r;
      }
    }
    if (spec.scheme === SCHEME_PATH) {
      for (let j = 0; j < L; j++) {
        const ps = spec.preds[j]!;
        const k = ps.length;
        if (k === 0) continue;
        for (let a = 0; a < k; a++) {
          for (let b = 0; b < k; b++) ws.reg[a * k + b] = dot(y, ps[a]! * n, y, ps[b]! * n, n);
          ws.regB[a] = dot(y, ps[a]! * n, y, j * n, n);
        }
        if (!cholesky(ws.reg, 0, k)) return FIT_DEGENERATE;
        choleskySolve(ws.reg, 0, k, ws.regB, 0);
        // Stash the coefficients where innerEstimate reads them.
        for (let a = 0; a < k; a++) c[ps[a]! * L + j] = ws.regB[a]!;
      }
    }
    if (!innerEstimateFromC(spec, ws)) return FIT_DEGENERATE;
    if (iter === 1) {
      // plspm re-scales each quantified indicator to unit population variance
      // over its available cells (get_num_scale) inside the loop; it is
      // idempotent after the first pass.
      for (let k = 0; k < spec.mvs; k++) {
        const base = k * n;
        let sum = 0;
        let count = 0;
        for (let i = 0; i < n; i++) {
          const v = x[base + i]!;
          if (v === v) {
            sum += v;
            count++;
          }
        }
        const mean = sum / count;
        let ss = 0;
        for (let i = 0; i < n; i++) {
          const v = x[base + i]!;
          if (v === v) ss += (v - mean) ** 2;
        }
        const sd = Math.sqrt(ss / count);
        for (let i = 0; i < n; i++) x[base + i] = (x[base + i]! - mean) / sd;
        ws.center[k] = ws.center[k]! + mean * ws.scale[k]!;
        ws.scale[k] = ws.scale[k]! * sd;
      }
      if (!factorModeB(spec, ws)) return FIT_DEGENERATE;
    }
    for (let l = 0; l < L; l++) {
      const start = blockStart[l]!;
      const end = blockStart[l + 1]!;
      const zb = l * n;
      if (spec.modeB[l] === 1) {
        for (let k = start; k < end; k++) ws.rhs[k] = dot(z, zb, x, k * n, n);
        choleskySolve(ws.xtx, ws.xtxOffset[l]!, end - start, ws.rhs, start);
        for (let k = start; k < end; k++) w[k] = ws.rhs[k]!;
        scoresFromWeights(spec, ws, l);
      } else if (missing[l] === 1) {
        for (let k = start; k < end; k++) {
          let num = 0;
          let den = 0;
          const xb = k * n;
          for (let i = 0; i < n; i++) {
            const v = x[xb + i]!;
            if (v === v) {
              num += v * z[zb + i]!;
              den += z[zb + i]! ** 2;
            }
          }
          w[k] = num / den;
        }
        if (!availableScores(spec, ws, l)) return FIT_DEGENERATE;
      } else {
        modeAComplete(ws, start, end, l);
      }
      if (!standardize(y, l * n, n)) return FIT_DEGENERATE;
    }
    let diff = 0;
    for (let i = 0; i < L * n; i++) diff += (Math.abs(yOld[i]!) - Math.abs(y[i]!)) ** 2;
    if (!Number.isFinite(diff)) return FIT_DEGENERATE;
    ws.iterations = iter;
    if (diff < spec.tolerance) break;
    if (iter >= spec.maxIterations) return FIT_NOT_CONVERGED;
  }
  // plspm rescales the weights by the sd of X w over the rows complete in the
  // block (sd with divisor n_c − 1, times √((n − 1)/n)); the scores stay.
  const correction = Math.sqrt(n / (n - 1));
  for (let l = 0; l < L; l++) {
    const zb = l * n;
    let count = 0;
    if (missing[l] === 0) {
      // Column by column: the data are column-major.
      blockProduct(spec, ws, l, z);
      count = n;
    } else {
      for (let i = 0; i < n; i++) {
        let s = 0;
        let complete = true;
        for (let k = blockStart[l]!; k < blockStart[l + 1]!; k++) {
          const v = x[k * n + i]!;
          if (v !== v) complete = false;
          else s += v * w[k]!;
        }
        if (complete) z[zb + count++] = s;
      }
    }
    let sum = 0;
    for (let i = 0; i < count; i++) sum += z[zb + i]!;
    const mean = sum / count;
    let ss = 0;
    for (let i = 0; i < count; i++) ss += (z[zb + i]! - mean) ** 2;
    const sd = Math.sqrt(ss / (count - 1)) / correction;
    if (!(sd > 0)) return FIT_DEGENERATE;
    for (let k = blockStart[l]!; k < blockStart[l + 1]!; k++) w[k] = w[k]! / sd;
  }
  // plspm's non-metric engine has no sign rule: its scores are the
  // iteration's Y (plspm.R: LV = weights$Y), whose sign the equal positive
  // starting weights decide.
  ws.negated.fill(0);
  return FIT_OK;
}

// Z = Y E with E from ws.c as left by fitAvailable.
function innerEstimateFromC(spec: EngineSpec, ws: PlsWorkspace): boolean {
  const { lvs: L } = spec;
  const { n, y, z, c, e } = ws;
  e.fill(0);
  for (let j = 0; j < L; j++) {
    const neighbours = spec.neighbours[j]!;
    for (let q = 0; q < neighbours.length; q++) {
      const i = neighbours[q]!;
      const r = c[i * L + j]!;
      if (spec.scheme === SCHEME_CENTROID) e[i * L + j] = Math.sign(r);
      else e[i * L + j] = r; // factorial: cov; path: cor for successors, β for predecessors
    }
  }
  z.fill(0);
  // In row chunks, so that the chunks of all scores stay in cache.
  for (let c0 = 0; c0 < n; c0 += CHUNK) {
    const c1 = Math.min(n, c0 + CHUNK);
    for (let j = 0; j < L; j++) {
      const zb = j * n;
      const neighbours = spec.neighbours[j]!;
      for (let q = 0; q < neighbours.length; q++) {
        const i = neighbours[q]!;
        const eij = e[i * L + j]!;
        if (eij === 0) continue;
        const yb = i * n;
        for (let r = c0; r < c1; r++) z[zb + r] = z[zb + r]! + eij * y[yb + r]!;
      }
    }
  }
  return true;
}

/**
 * Correlations of the final (standardised) scores, all pairs, into ws.c; then
 * the OLS path coefficients of each endogenous latent variable on its
 * predecessors into `paths` (to·L + from) and R² into `r2`. Allocation-free.
 */
export function innerModel(
  spec: EngineSpec,
  ws: PlsWorkspace,
  paths: Float64Array,
  r2: Float64Array,
): boolean {
  const { lvs: L } = spec;
  const { n, y, c } = ws;
  for (let i = 0; i < L; i++) {
    for (let j = i; j < L; j++) {
      const r = i === j ? 1 : dot(y, i * n, y, j * n, n) / n;
      c[i * L + j] = r;
      c[j * L + i] = r;
    }
  }
  paths.fill(0);
  r2.fill(0);
  for (let j = 0; j < L; j++) {
    const ps = spec.preds[j]!;
    const k = ps.length;
    if (k === 0) continue;
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) ws.reg[a * k + b] = c[ps[a]! * L + ps[b]!]!;
      ws.regB[a] = c[ps[a]! * L + j]!;
    }
    if (!cholesky(ws.reg, 0, k)) return false;
    choleskySolve(ws.reg, 0, k, ws.regB, 0);
    let fit = 0;
    for (let a = 0; a < k; a++) {
      paths[j * L + ps[a]!] = ws.regB[a]!;
      fit += ws.regB[a]! * c[ps[a]! * L + j]!;
    }
    r2[j] = fit;
  }
  return true;
}
