import { checkOptions, EduQualityError } from '@edu-quality/core';
import type { ResponseSet } from '@edu-quality/questionnaire';
import { checkLevel, ensure } from './internal/fail.js';
import { runResamples, statWidth, type ResampleChunk } from './internal/pls/bootstrap-core.js';
import { blockIndex } from './internal/pls/csi.js';
import { PLS_BOOTSTRAP_OPTIONS, PLS_PARALLEL_OPTIONS } from './internal/pls/options.js';
import { preparePls, type PreparedPls } from './internal/pls/prepare.js';
import {
  defaultWorkers,
  runInWorkers,
  workersAvailable,
  type WorkerJob,
} from './internal/pls/worker.js';
import { buildResult, fitPrepared } from './internal/pls/fit.js';
import type { PlsDataMatrix, PlsModel, PlsOptions, PlsResult } from './pls-path-model.js';

/** Options of {@link plsBootstrap}: those of {@link plsPathModel} and the resampling. */
export interface PlsBootstrapOptions extends PlsOptions {
  /** Number of resamples; default 500. */
  readonly resamples?: number;
  /** Seed of the xoshiro128** generator; default 1. The same seed gives the same result. */
  readonly seed?: number;
  /** Level of the percentile intervals, in (0, 1); default 0.95. */
  readonly level?: number;
  /**
   * The answer scale, to bootstrap the 0–100 indices as well; default: the
   * items' own ranges when the data is a ResponseSet of scale items, else no
   * indices.
   */
  readonly scale?: { readonly min: number; readonly max: number };
}

/** Options of {@link plsBootstrapParallel}. */
export interface PlsBootstrapParallelOptions extends PlsBootstrapOptions {
  /** Worker threads; default: the available parallelism, at most 8. Ignored where workers are unavailable. */
  readonly workers?: number;
}

/** The bootstrap distribution of one statistic. */
export interface PlsBootstrapEstimate {
  /** The estimate on the full data. */
  readonly original: number;
  /** The mean over the resamples. */
  readonly mean: number;
  /** The standard deviation over the resamples (divisor B − 1). */
  readonly standardError: number;
  /** original ÷ standardError. */
  readonly t: number;
  /** Lower percentile bound (R quantile type 7). */
  readonly lower: number;
  /** Upper percentile bound. */
  readonly upper: number;
  /** Resamples that gave this statistic. */
  readonly resamples: number;
}

/** The result of {@link plsBootstrap}. */
export interface PlsBootstrapResult {
  /** The fit on the full data. */
  readonly fit: PlsResult;
  /** Resamples drawn. */
  readonly resamples: number;
  /** The seed. */
  readonly seed: number;
  /** The interval level. */
  readonly level: number;
  /** Resamples that failed: no convergence, or degenerate data (a constant indicator in the resample). */
  readonly failed: { readonly notConverged: number; readonly degenerate: number };
  /** Path coefficients. */
  readonly paths: readonly (PlsBootstrapEstimate & {
    readonly from: string;
    readonly to: string;
  })[];
  /** Outer weights. */
  readonly weights: readonly (PlsBootstrapEstimate & {
    readonly indicator: string;
    readonly block: string;
  })[];
  /** Loadings. */
  readonly loadings: readonly (PlsBootstrapEstimate & {
    readonly indicator: string;
    readonly block: string;
  })[];
  /** R² of the endogenous latent variables. */
  readonly r2: readonly (PlsBootstrapEstimate & { readonly latent: string })[];
  /** 0–100 indices, when the scale is known and the full-data weights of the block are non-negative. */
  readonly indices: readonly (PlsBootstrapEstimate & { readonly latent: string })[];
}

interface Plan {
  prep: PreparedPls;
  fit: PlsResult;
  resamples: number;
  seed: number;
  level: number;
  mins: Float64Array | undefined;
  maxs: Float64Array | undefined;
  reference: Float64Array;
}

function plan(
  fn: string,
  data: ResponseSet | PlsDataMatrix,
  model: PlsModel,
  options: PlsBootstrapOptions,
): Plan {
  const resamples = options.resamples ?? 500;
  ensure(
    Number.isInteger(resamples) && resamples >= 2,
    fn,
    'resamples must be an integer of at least 2',
  );
  const seed = options.seed ?? 1;
  ensure(Number.isSafeInteger(seed) && seed >= 0, fn, 'seed must be a non-negative integer');
  const level = checkLevel(options.level, fn);
  const prep = preparePls(fn, data, model, options);
  const ws = fitPrepared(fn, prep);
  const fit = buildResult(prep, ws, options);
  let mins: Float64Array | undefined;
  let maxs: Float64Array | undefined;
  const { scale } = options;
  if (scale !== undefined) {
    ensure(
      Number.isFinite(scale.min) && Number.isFinite(scale.max) && scale.max > scale.min,
      fn,
      'scale needs finite min < max',
    );
    mins = new Float64Array(prep.spec.mvs).fill(scale.min);
    maxs = new Float64Array(prep.spec.mvs).fill(scale.max);
  } else if (prep.ranges.every((r) => r !== undefined)) {
    mins = Float64Array.from(prep.ranges, (r) => r.min);
    maxs = Float64Array.from(prep.ranges, (r) => r.max);
  }
  // The full-data weights, then whether the sign rule negated each score
  // (the layout runResamples expects).
  const reference = new Float64Array(prep.spec.mvs + prep.spec.lvs);
  fit.outer.forEach((row, k) => (reference[k] = row.weight));
  reference.set(ws.negated, prep.spec.mvs);
  return { prep, fit, resamples, seed, level, mins, maxs, reference };
}

function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function estimate(
  fn: string,
  all: Float64Array,
  width: number,
  column: number,
  count: number,
  original: number,
  level: number,
): PlsBootstrapEstimate {
  const values: number[] = [];
  for (let b = 0; b < count; b++) {
    const v = all[b * width + column]!;
    if (v === v) values.push(v);
  }
  if (values.length < 2) {
    throw new EduQualityError(
      'not-converged',
      `${fn}: fewer than two resamples gave a usable fit (${values.length} of ${count})`,
    );
  }
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const mean = sum / sorted.length;
  let ss = 0;
  for (const v of sorted) ss += (v - mean) ** 2;
  const standardError = Math.sqrt(ss / (sorted.length - 1));
  const t =
    standardError > 0
      ? original / standardError
      : original === 0
        ? 0
        : Math.sign(original) * Infinity;
  return {
    original,
    mean,
    standardError,
    t,
    lower: quantile(sorted, (1 - level) / 2),
    upper: quantile(sorted, 1 - (1 - level) / 2),
    resamples: sorted.length,
  };
}

function assemble(fn: string, p: Plan, chunks: readonly ResampleChunk[]): PlsBootstrapResult {
  const { prep, fit, resamples, level } = p;
  const width = statWidth(prep, p.mins !== undefined);
  const all = new Float64Array(resamples * width);
  let offset = 0;
  let notConverged = 0;
  let degenerate = 0;
  for (const chunk of chunks) {
    all.set(chunk.out, offset);
    offset += chunk.out.length;
    notConverged += chunk.notConverged;
    degenerate += chunk.degenerate;
  }
  let c = 0;
  const paths = prep.edges.map(([from, to]) => {
    const name = { from: prep.latent[from]!, to: prep.latent[to]! };
    const original = fit.pathCoefficients[name.to]![name.from]!;
    return { ...name, ...estimate(fn, all, width, c++, resamples, original, level) };
  });
  const weights = fit.outer.map((row) => ({
    indicator: row.indicator,
    block: row.block,
    ...estimate(fn, all, width, c++, resamples, row.weight, level),
  }));
  const loadings = fit.outer.map((row) => ({
    indicator: row.indicator,
    block: row.block,
    ...estimate(fn, all, width, c++, resamples, row.loading, level),
  }));
  const r2 = fit.latent
    .filter((_, l) => prep.spec.preds[l]!.length > 0)
    .map((latent) => ({
      latent,
      ...estimate(fn, all, width, c++, resamples, fit.r2[latent]!, level),
    }));
  const indices: (PlsBootstrapEstimate & { latent: string })[] = [];
  if (p.mins !== undefined && p.maxs !== undefined) {
    const rawWeights = fit.outer.map((r) => r.unstandardisedWeight);
    const means = fit.outer.map((r) => r.mean);
    fit.latent.forEach((latent, l) => {
      const original = blockIndex(
        rawWeights,
        means,
        p.mins!,
        p.maxs!,
        prep.spec.blockStart[l]!,
        prep.spec.blockStart[l + 1]!,
      );
      const column = c++;
      if (original === original) {
        indices.push({ latent, ...estimate(fn, all, width, column, resamples, original, level) });
      }
    });
  }
  return {
    fit,
    resamples,
    seed: p.seed,
    level,
    failed: { notConverged, degenerate },
    paths,
    weights,
    loadings,
    r2,
    indices,
  };
}

/**
 * Bootstraps a PLS path model: resamples respondents with replacement,
 * refits, and gives percentile intervals, standard errors and t values for
 * the paths, outer weights, loadings, R² and 0–100 indices.
 *
 * @remarks
 * Resample b draws its n respondents from its own xoshiro128** stream
 * (Blackman and Vigna 2021), seeded by splitmix32 from (seed, b), so a seed
 * always gives the same result, in one thread or split across workers. Each
 * resample is refitted with the options of the original fit (the missing-data
 * policy is applied once, to the full data). The standard error is the
 * standard deviation of the B resample values (divisor B − 1),
 * t = original / SE, and the interval takes the (1 − level)/2 and
 * 1 − (1 − level)/2 quantiles of the resample values (R's type 7, as plspm's
 * bootstrap). Each resample's latent variables are oriented like the
 * full-data ones (individual sign changes, Tenenhaus et al. 2005, section
 * 4.3: a block whose score weights disagree in sign with the full-data ones
 * is negated), so that a block whose sign is a tie does not flip between
 * resamples; a block whose full-data score the sign rule negated (raw fits,
 * see {@link plsPathModel}) keeps that relation between score and weights in
 * every resample. A resample that does not converge, or whose
 * data are degenerate (a constant indicator), is counted in `failed` and left
 * out, never silently. Every resample reuses preallocated buffers.
 *
 * Reference: Efron and Tibshirani (1993), An Introduction to the Bootstrap;
 * Tenenhaus et al. (2005), section 4.
 *
 * @param data - a ResponseSet or a {@link PlsDataMatrix}
 * @param model - the blocks and the inner model
 * @param options - the fit options, resamples, seed, level and the scale for indices
 * @returns the full-data fit and the bootstrap distribution of each statistic
 * @throws {@link @edu-quality/core!EduQualityError} as {@link plsPathModel} for the full-data fit; `invalid-argument` for bad resampling options or an unknown option key (the option path is named); `not-converged` when fewer than two resamples give a usable fit.
 *
 * @example
 * ```ts
 * const rows = [[1, 2, 1, 2], [2, 1, 2, 2], [3, 3, 3, 4], [4, 5, 3, 3], [5, 4, 5, 5], [3, 4, 4, 3], [2, 2, 3, 2], [4, 4, 4, 5]];
 * const model = { blocks: [{ name: 'QUAL', indicators: ['q1', 'q2'] }, { name: 'SAT', indicators: ['s1', 's2'] }], inner: [['QUAL', 'SAT']] } as const;
 * const boot = plsBootstrap({ columns: ['q1', 'q2', 's1', 's2'], rows }, model, { resamples: 200, seed: 7 });
 * boot.paths[0]?.original; // => 0.86
 * boot.failed.notConverged; // => 0
 * const again = plsBootstrap({ columns: ['q1', 'q2', 's1', 's2'], rows }, model, { resamples: 200, seed: 7 });
 * again.paths[0]?.standardError === boot.paths[0]?.standardError; // => true
 * ```
 */
export function plsBootstrap(
  data: ResponseSet | PlsDataMatrix,
  model: PlsModel,
  options: PlsBootstrapOptions = {},
): PlsBootstrapResult {
  const fn = 'plsBootstrap';
  checkOptions(fn, options, PLS_BOOTSTRAP_OPTIONS);
  const p = plan(fn, data, model, options);
  const chunk = runResamples(p.prep, p.seed, 0, p.resamples, p.mins, p.maxs, p.reference);
  return assemble(fn, p, [chunk]);
}

/**
 * {@link plsBootstrap} spread over worker threads where Node's
 * `worker_threads` can run the built package; elsewhere (a browser, or the
 * TypeScript sources) it runs in the calling thread. The result is the same
 * for any number of workers.
 *
 * @remarks
 * The resamples 0..B−1 are split into contiguous ranges, one per worker; each
 * resample's stream depends only on (seed, b), so the split does not change
 * the result. Node modules are imported on demand only, so the package stays
 * browser-safe. Each worker loads the module file of this package itself
 * (`import.meta.url`); when an application bundles the package into its own
 * file, the workers would load that bundle, so call {@link plsBootstrap} (or
 * pass `workers: 1`) there.
 *
 * @param data - a ResponseSet or a {@link PlsDataMatrix}
 * @param model - the blocks and the inner model
 * @param options - as {@link plsBootstrap}, and the number of workers
 * @returns a promise of the same result as {@link plsBootstrap}
 * @throws {@link @edu-quality/core!EduQualityError} as {@link plsBootstrap} (the promise rejects).
 *
 * @example
 * ```ts
 * const rows = [[1, 2, 1, 2], [2, 1, 2, 2], [3, 3, 3, 4], [4, 5, 3, 3], [5, 4, 5, 5], [3, 4, 4, 3], [2, 2, 3, 2], [4, 4, 4, 5]];
 * const model = { blocks: [{ name: 'QUAL', indicators: ['q1', 'q2'] }, { name: 'SAT', indicators: ['s1', 's2'] }], inner: [['QUAL', 'SAT']] } as const;
 * const data = { columns: ['q1', 'q2', 's1', 's2'], rows };
 * const parallel = await plsBootstrapParallel(data, model, { resamples: 100, seed: 3, workers: 2 });
 * parallel.paths[0]?.standardError === plsBootstrap(data, model, { resamples: 100, seed: 3 }).paths[0]?.standardError; // => true
 * ```
 */
export async function plsBootstrapParallel(
  data: ResponseSet | PlsDataMatrix,
  model: PlsModel,
  options: PlsBootstrapParallelOptions = {},
): Promise<PlsBootstrapResult> {
  const fn = 'plsBootstrapParallel';
  checkOptions(fn, options, PLS_PARALLEL_OPTIONS);
  const p = plan(fn, data, model, options);
  const requested = options.workers;
  if (requested !== undefined) {
    ensure(Number.isInteger(requested) && requested >= 1, fn, 'workers must be a positive integer');
  }
  if (!workersAvailable() || requested === 1) {
    return assemble(fn, p, [
      runResamples(p.prep, p.seed, 0, p.resamples, p.mins, p.maxs, p.reference),
    ]);
  }
  const workers = Math.min(requested ?? (await defaultWorkers()), p.resamples);
  const jobs: WorkerJob[] = [];
  for (let w = 0; w < workers; w++) {
    const from = Math.floor((w * p.resamples) / workers);
    const to = Math.floor(((w + 1) * p.resamples) / workers);
    jobs.push({
      prep: p.prep,
      seed: p.seed,
      from,
      to,
      mins: p.mins,
      maxs: p.maxs,
      reference: p.reference,
    });
  }
  return assemble(fn, p, await runInWorkers(jobs));
}
