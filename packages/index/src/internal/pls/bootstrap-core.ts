// The bootstrap loop: resample respondents with replacement, refit, record
// the statistics of each resample in one row of a preallocated matrix. All
// buffers are made once per call, so a resample allocates nothing; the
// workers of the parallel bootstrap run this same function on a range of
// resample numbers, each resample drawing from its own seeded stream.

import { blockIndex } from './csi.js';
import {
  FIT_NOT_CONVERGED,
  FIT_OK,
  PlsWorkspace,
  fitAvailable,
  fitComplete,
  innerModel,
  prepareAvailable,
  prepareComplete,
} from './engine.js';
import type { PreparedPls } from './prepare.js';
import { nextIndex, seedStream } from './prng.js';

/** What a range of resamples produced. */
export interface ResampleChunk {
  /** (to − from) rows of `width` statistics; NaN marks a failed resample or an undefined index. */
  readonly out: Float64Array;
  readonly notConverged: number;
  readonly degenerate: number;
}

/** The number of statistics per resample: paths, weights, loadings, R² of endogenous LVs, indices. */
export function statWidth(prep: PreparedPls, withIndex: boolean): number {
  const endogenous = prep.spec.preds.filter((p) => p.length > 0).length;
  return prep.edges.length + 2 * prep.spec.mvs + endogenous + (withIndex ? prep.spec.lvs : 0);
}

/**
 * Fits the model on a workspace whose raw buffer holds the data; fills `row`
 * (from `at`) with the statistics. Returns the engine status.
 */
export function fitAndRecord(
  prep: PreparedPls,
  ws: PlsWorkspace,
  raw: Float64Array,
  scratch: { paths: Float64Array; r2: Float64Array; means: Float64Array; rawWeights: Float64Array },
  mins: Float64Array | undefined,
  maxs: Float64Array | undefined,
  reference: Float64Array,
  row: Float64Array,
  at: number,
): number {
  const { spec, n } = prep;
  const L = spec.lvs;
  const p = spec.mvs;
  let status = spec.scaled ? prepareAvailable(spec, ws, raw) : prepareComplete(spec, ws, raw);
  if (status === FIT_OK) status = spec.scaled ? fitAvailable(spec, ws) : fitComplete(spec, ws);
  if (status !== FIT_OK) return status;
  // Individual sign changes (Tenenhaus et al. 2005, section 4.3): orient each
  // latent variable of the resample like the full-data one, so that a block
  // whose sign is a tie does not flip between resamples. The comparison uses
  // the weights that give the score (−w when the sign rule negated it); the
  // resample then keeps the full data's relation between score and weights.
  for (let l = 0; l < L; l++) {
    const start = spec.blockStart[l]!;
    const end = spec.blockStart[l + 1]!;
    const referenceSign = reference[p + l] === 1 ? -1 : 1;
    const sampleSign = ws.negated[l] === 1 ? -1 : 1;
    let agreement = 0;
    for (let k = start; k < end; k++) agreement += reference[k]! * ws.w[k]!;
    agreement *= referenceSign * sampleSign;
    if (agreement < 0) for (let i = l * n; i < (l + 1) * n; i++) ws.y[i] = -ws.y[i]!;
    // The recorded weights are those whose score relation matches the full
    // data's: w_b = referenceSign · (score weights of the resample).
    const weightSign = (agreement < 0 ? -1 : 1) * sampleSign * referenceSign;
    if (weightSign < 0) for (let k = start; k < end; k++) ws.w[k] = -ws.w[k]!;
  }
  if (!innerModel(spec, ws, scratch.paths, scratch.r2)) status = 2;
  if (status !== FIT_OK) return status;
  let c = at;
  for (let e = 0; e < prep.edges.length; e++) {
    const edge = prep.edges[e]!; // no destructuring: it would allocate an iterator
    row[c++] = scratch.paths[edge[1] * L + edge[0]]!;
  }
  for (let k = 0; k < p; k++) row[c++] = ws.w[k]!;
  const { x, y } = ws;
  for (let k = 0; k < p; k++) {
    const l = prep.blockOf[k]!;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      const v = x[k * n + i]!;
      if (v === v) {
        const u = y[l * n + i]!;
        sxy += v * u;
        sxx += v * v;
        syy += u * u;
      }
    }
    // x is centred and y standardised; with missing cells this is the
    // available-case correlation up to the centring of the subset.
    row[c++] = sxy / Math.sqrt(sxx * syy);
  }
  for (let l = 0; l < L; l++) if (spec.preds[l]!.length > 0) row[c++] = scratch.r2[l]!;
  if (mins !== undefined && maxs !== undefined) {
    for (let k = 0; k < p; k++) {
      let s = 0;
      let count = 0;
      for (let i = 0; i < n; i++) {
        const v = raw[k * n + i]!;
        if (v === v) {
          s += v;
          count++;
        }
      }
      scratch.means[k] = s / count;
      scratch.rawWeights[k] = ws.w[k]! / ws.scale[k]!;
    }
    for (let l = 0; l < L; l++) {
      row[c++] = blockIndex(
        scratch.rawWeights,
        scratch.means,
        mins,
        maxs,
        spec.blockStart[l]!,
        spec.blockStart[l + 1]!,
      );
    }
  }
  return FIT_OK;
}

/**
 * Runs resamples from..to−1 of `seed`; `reference` holds the full-data
 * weights (p values) followed by one flag per latent variable, 1 when the
 * sign rule negated its full-data score.
 */
export function runResamples(
  prep: PreparedPls,
  seed: number,
  from: number,
  to: number,
  mins: Float64Array | undefined,
  maxs: Float64Array | undefined,
  reference: Float64Array,
): ResampleChunk {
  const { spec, n } = prep;
  const p = spec.mvs;
  const width = statWidth(prep, mins !== undefined);
  const out = new Float64Array((to - from) * width);
  const ws = new PlsWorkspace(spec, n);
  if (spec.scaled) ws.yOld = new Float64Array(spec.lvs * n);
  const raw = new Float64Array(p * n);
  const pick = new Int32Array(n);
  const state = new Uint32Array(4);
  const scratch = {
    paths: new Float64Array(spec.lvs * spec.lvs),
    r2: new Float64Array(spec.lvs),
    means: new Float64Array(p),
    rawWeights: new Float64Array(p),
  };
  let notConverged = 0;
  let degenerate = 0;
  for (let b = from; b < to; b++) {
    seedStream(state, seed, b);
    for (let r = 0; r < n; r++) pick[r] = nextIndex(state, n);
    for (let k = 0; k < p; k++) {
      const base = k * n;
      for (let r = 0; r < n; r++) raw[base + r] = prep.raw[base + pick[r]!]!;
    }
    const at = (b - from) * width;
    const status = fitAndRecord(prep, ws, raw, scratch, mins, maxs, reference, out, at);
    if (status !== FIT_OK) {
      out.fill(NaN, at, at + width);
      if (status === FIT_NOT_CONVERGED) notConverged++;
      else degenerate++;
    }
  }
  return { out, notConverged, degenerate };
}
