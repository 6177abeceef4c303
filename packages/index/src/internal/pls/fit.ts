// Runs the engine on prepared data and builds the public result.

import type {
  PlsBlockSummary,
  PlsEffect,
  PlsMode,
  PlsOptions,
  PlsOuterRow,
  PlsPathRow,
  PlsResult,
} from '../../pls-path-model.js';
import { fail } from '../fail.js';
import {
  FIT_DEGENERATE,
  FIT_NOT_CONVERGED,
  PlsWorkspace,
  fitAvailable,
  fitComplete,
  prepareAvailable,
  prepareComplete,
} from './engine.js';
import type { PreparedPls } from './prepare.js';
import { summarize } from './summarize.js';

/** Runs the engine on prepared data into a workspace; throws on failure. */
export function fitPrepared(fn: string, prep: PreparedPls): PlsWorkspace {
  const ws = new PlsWorkspace(prep.spec, prep.n);
  // Standardised data run plspm's non-metric engine with numeric scaling (the
  // one behind the reference values, and the one that handles missing cells);
  // raw data run its metric engine (get_weights), which does not standardise.
  const standardised = prep.spec.scaled;
  let status = standardised
    ? prepareAvailable(prep.spec, ws, prep.raw)
    : prepareComplete(prep.spec, ws, prep.raw);
  if (status === FIT_DEGENERATE) {
    fail('insufficient-data', fn, 'an indicator is constant (or has fewer than two answers)');
  }
  status = standardised ? fitAvailable(prep.spec, ws) : fitComplete(prep.spec, ws);
  if (status === FIT_NOT_CONVERGED) {
    fail(
      'not-converged',
      fn,
      `no convergence within ${prep.spec.maxIterations} iterations (tolerance ${prep.spec.tolerance})`,
    );
  }
  if (status === FIT_DEGENERATE) {
    fail(
      'insufficient-data',
      fn,
      'the data are degenerate for this model (a constant score, or collinear indicators in a mode B block)',
    );
  }
  return ws;
}

/** Builds the public result from a fitted workspace. */
export function buildResult(prep: PreparedPls, ws: PlsWorkspace, options: PlsOptions): PlsResult {
  const { spec, latent, indicators, n } = prep;
  const L = spec.lvs;
  const s = summarize(prep, ws);
  const r2: Record<string, number> = {};
  latent.forEach((name, l) => (r2[name] = s.r2[l]!));
  const outer: PlsOuterRow[] = indicators.map((indicator, k) => {
    const l = prep.blockOf[k]!;
    const crossLoadings: Record<string, number> = {};
    latent.forEach((name, m) => (crossLoadings[name] = s.crossLoadings[k * L + m]!));
    const loading = s.loadings[k]!;
    const range = prep.ranges[k];
    return {
      indicator,
      block: latent[l]!,
      weight: ws.w[k]!,
      unstandardisedWeight: s.rawWeights[k]!,
      loading,
      communality: loading * loading,
      redundancy: loading * loading * s.r2[l]!,
      crossLoadings,
      mean: s.means[k]!,
      ...(range === undefined ? {} : { range: { min: range.min, max: range.max } }),
    };
  });
  const pathCoefficients: Record<string, Record<string, number>> = {};
  latent.forEach((to, i) => {
    const row: Record<string, number> = {};
    latent.forEach((from, j) => (row[from] = s.paths[i * L + j]!));
    pathCoefficients[to] = row;
  });
  const inner: PlsPathRow[] = s.pathStats.map((ps) => ({
    from: latent[ps.from]!,
    to: latent[ps.to]!,
    estimate: ps.estimate,
    stdError: ps.stdError,
    t: ps.t,
    pValue: ps.p,
  }));
  const effects: PlsEffect[] = [];
  for (let from = 0; from < L; from++)
    for (let to = 0; to < L; to++) {
      if (s.reach[to * L + from] !== 1) continue;
      const direct = s.paths[to * L + from]!;
      const total = s.total[to * L + from]!;
      effects.push({
        from: latent[from]!,
        to: latent[to]!,
        direct,
        indirect: total - direct,
        total,
      });
    }
  const blocks: PlsBlockSummary[] = latent.map((name, l) => {
    const start = spec.blockStart[l]!;
    const end = spec.blockStart[l + 1]!;
    let comm = 0;
    for (let k = start; k < end; k++) comm += s.loadings[k]! ** 2;
    const q = end - start;
    const u = s.unidim[l]!;
    const mode: PlsMode = spec.modeB[l] === 1 ? 'B' : 'A';
    return {
      name,
      mode,
      indicators: q,
      type: spec.preds[l]!.length > 0 ? 'endogenous' : 'exogenous',
      r2: s.r2[l]!,
      blockCommunality: comm / q,
      meanRedundancy: (comm / q) * s.r2[l]!,
      ave: mode === 'A' ? comm / q : null,
      cronbachAlpha: u.alpha,
      dillonGoldsteinRho: u.rho,
      firstEigenvalue: u.eig1,
      secondEigenvalue: u.eig2,
    };
  });
  const scores: Record<string, Float64Array> = {};
  latent.forEach((name, l) => (scores[name] = ws.y.slice(l * n, (l + 1) * n)));
  return {
    latent,
    outer,
    inner,
    pathCoefficients,
    r2,
    effects,
    blocks,
    scores,
    gof: s.gof,
    iterations: ws.iterations,
    converged: true,
    n,
    missing: prep.missing,
    scheme: options.scheme ?? 'centroid',
    scaling: options.scaling ?? 'standardised',
  };
}
