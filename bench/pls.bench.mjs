// PLS path modelling benchmark: the ECSI model on synthetic seeded surveys.
//
//   pnpm exec turbo run build --filter=@edu-quality/index
//   node bench/pls.bench.mjs            # writes bench/results/pls.json
//
// Times are CPU milliseconds of the process (single-threaded parts) unless
// named Wall. Measures (1) fit cost at several n, reported per respondent and per
// respondent-iteration, to show it is linear in n; (2) 5,000 bootstrap
// resamples against 5,000 single fits of the same 250 respondents (target
// ratio ≤ 1.2), serially and on worker threads; (3) the same comparison on
// 100,000 respondents with a few resamples. Runs against the built dist.
import { writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from './prng.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist =
  process.env.PLS_BENCH_DIST ?? join(here, '..', 'packages', 'index', 'dist', 'index.js');
const { plsPathModel, plsBootstrap, plsBootstrapParallel, ecsiModel, customerSatisfactionIndex } =
  await import(pathToFileURL(dist).href);

const items = {
  image: ['imag1', 'imag2', 'imag3', 'imag4', 'imag5'],
  expectations: ['expe1', 'expe2', 'expe3', 'expe4'],
  quality: ['qual1', 'qual2', 'qual3', 'qual4', 'qual5'],
  value: ['val1', 'val2', 'val3'],
  satisfaction: ['sat1', 'sat2', 'sat3'],
  complaints: ['comp1', 'comp2'],
  loyalty: ['loy1', 'loy2', 'loy3'],
};
const model = ecsiModel(items);

/** n synthetic respondents of an ECSI survey, items 1–10, seeded. */
function survey(n, seed) {
  const rand = mulberry32(seed);
  const normal = () =>
    Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-12))) * Math.cos(2 * Math.PI * rand());
  const columns = Object.values(items).flat();
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const image = normal();
    const expectations = 0.5 * image + 0.85 * normal();
    const quality = 0.6 * expectations + 0.8 * normal();
    const value = 0.3 * expectations + 0.5 * quality + 0.75 * normal();
    const satisfaction =
      0.2 * image + 0.1 * expectations + 0.4 * quality + 0.3 * value + 0.6 * normal();
    const complaints = -0.5 * satisfaction + 0.85 * normal();
    const loyalty = 0.3 * image + 0.5 * satisfaction - 0.2 * complaints + 0.7 * normal();
    const lv = { image, expectations, quality, value, satisfaction, complaints, loyalty };
    const row = [];
    for (const [block, ids] of Object.entries(items)) {
      for (let k = 0; k < ids.length; k++) {
        const sign = block === 'complaints' ? -1 : 1; // complaints items: higher = fewer complaints
        row.push(
          Math.min(
            10,
            Math.max(1, Math.round(6.5 + 1.6 * (0.8 * sign * lv[block] + 0.6 * normal()))),
          ),
        );
      }
    }
    rows[i] = row;
  }
  return { columns, rows };
}

// CPU time of this process in ms: on a shared machine it is far less
// disturbed by other processes than wall time. Single-threaded measurements
// use it; the worker-thread run is timed on the wall clock.
/**
 * The same survey as a ResponseSet, as readResponses stores it: one byte per
 * answer in a Uint8Array per item (the columnar input for large surveys).
 */
function responseSet(data) {
  const n = data.rows.length;
  const columns = new Map();
  data.columns.forEach((id, k) => {
    const values = new Uint8Array(n);
    for (let i = 0; i < n; i++) values[i] = data.rows[i][k];
    columns.set(id, { kind: 'scale', id, min: 1, max: 10, values });
  });
  return {
    questionnaire: { id: 'ecsi-bench' },
    items: [],
    size: n,
    columns,
    sourceRows: Uint32Array.from({ length: n }, (_, i) => i + 2),
    counts: { read: n, accepted: n, rejected: 0, droppedAnswers: 0 },
    issues: [],
  };
}

const now = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const wall = () => performance.now();
function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  loadAverageAtStart: loadavg().map((v) => +v.toFixed(2)),
  model:
    'ECSI: 7 latent variables, 25 items, 12 paths, centroid, standardised; ResponseSet input (1–10 scale items)',
  fit: [],
  bootstrap: {},
  bootstrapLarge: {},
};

// 1. Fit cost against n.
// Beyond ~10,000 respondents the columns no longer fit in the CPU caches;
// 300,000 shows that the cost per respondent levels off again there.
for (const [n, reps] of [
  [250, 400],
  [1_000, 100],
  [10_000, 20],
  [30_000, 8],
  [100_000, 5],
  [300_000, 3],
]) {
  const matrix = survey(n, 20260101 + n);
  const data = responseSet(matrix);
  plsPathModel(data, model); // warm-up
  const times = [];
  let iterations = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = now();
    const fit = plsPathModel(data, model);
    times.push(now() - t0);
    iterations = fit.iterations;
  }
  const ms = median(times);
  // The same data as an array of rows, for comparison: reading JS arrays of
  // numbers costs more, and their objects weigh on the garbage collector.
  const matrixTimes = [];
  for (let r = 0; r < Math.max(3, Math.ceil(reps / 4)); r++) {
    const t0 = now();
    plsPathModel(matrix, model);
    matrixTimes.push(now() - t0);
  }
  const row = {
    n,
    repetitions: reps,
    input: 'ResponseSet',
    medianMs: +ms.toFixed(3),
    iterations,
    microsecondsPerRespondent: +((ms * 1000) / n).toFixed(4),
    nanosecondsPerRespondentIteration: +((ms * 1e6) / (n * iterations)).toFixed(2),
    matrixInputMedianMs: +median(matrixTimes).toFixed(3),
  };
  results.fit.push(row);
  console.log('fit', row);
}
{
  // Least squares of time on n over the sizes: a straight line means linear cost.
  const xs = results.fit.map((f) => f.n);
  const ys = results.fit.map((f) => f.medianMs);
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  });
  const slope = sxy / sxx;
  results.linearity = {
    msPerThousandRespondents: +(slope * 1000).toFixed(3),
    interceptMs: +(my - slope * mx).toFixed(3),
    r2: +((sxy * sxy) / (sxx * syy)).toFixed(5),
  };
  console.log('linearity', results.linearity);
}
{
  const sat = customerSatisfactionIndex(plsPathModel(survey(250, 1), model, { scaling: 'raw' }), {
    scale: { min: 1, max: 10 },
  }).score;
  results.exampleIndices = Object.fromEntries(
    Object.entries(sat).map(([k, v]) => [k, +v.toFixed(1)]),
  );
}

// 2. 5,000 resamples against 5,000 single fits, 250 respondents.
{
  const B = 5_000;
  const data = responseSet(survey(250, 250));
  for (let r = 0; r < 50; r++) plsPathModel(data, model);
  plsBootstrap(data, model, { resamples: 50, seed: 1 });
  // Interleaved in rounds of 1,000, so that a change in machine load hits
  // both sides alike.
  let fitsMs = 0;
  let serialMs = 0;
  const rounds = 5;
  for (let round = 0; round < rounds; round++) {
    let t0 = now();
    for (let r = 0; r < B / rounds; r++) plsPathModel(data, model);
    fitsMs += now() - t0;
    t0 = now();
    plsBootstrap(data, model, { resamples: B / rounds, seed: 100 + round });
    serialMs += now() - t0;
  }
  let t0 = now();
  const serial = plsBootstrap(data, model, { resamples: B, seed: 1 });
  const serialOnceMs = now() - t0;
  let w0 = wall();
  plsBootstrap(data, model, { resamples: B, seed: 1 });
  const serialWallMs = wall() - w0;
  w0 = wall();
  const parallel = await plsBootstrapParallel(data, model, { resamples: B, seed: 1 });
  const parallelMs = wall() - w0;
  const same = JSON.stringify(serial.paths) === JSON.stringify(parallel.paths);
  results.bootstrap = {
    n: 250,
    resamples: B,
    singleFitsMs: Math.round(fitsMs),
    bootstrapSerialMs: Math.round(serialMs),
    bootstrapSerialOneCallMs: Math.round(serialOnceMs),
    bootstrapSerialWallMs: Math.round(serialWallMs),
    bootstrapWorkersWallMs: Math.round(parallelMs),
    workers: Math.min(8, availableParallelism()),
    ratioSerial: +(serialMs / fitsMs).toFixed(3),
    workerSpeedupWall: +(serialWallMs / parallelMs).toFixed(3),
    failed: serial.failed,
    workersGiveSameResult: same,
    satisfactionPathFromQuality: {
      original: +serial.paths.find((p) => p.from === 'QUAL' && p.to === 'SAT').original.toFixed(4),
      standardError: +serial.paths
        .find((p) => p.from === 'QUAL' && p.to === 'SAT')
        .standardError.toFixed(4),
    },
  };
  console.log('bootstrap', results.bootstrap);
}

// 3. The same on 100,000 respondents, a few resamples. A bootstrap call also
// fits the full data once; the cost of one resample is taken as the
// difference between calls with 4 and with 2 resamples, interleaved with
// single fits so that a change in machine load hits both sides alike.
{
  const data = responseSet(survey(100_000, 100_000));
  plsPathModel(data, model);
  const rounds = 3;
  let fitMs = 0;
  let twoMs = 0;
  let fourMs = 0;
  for (let round = 0; round < rounds; round++) {
    let t0 = now();
    plsPathModel(data, model);
    fitMs += now() - t0;
    t0 = now();
    plsBootstrap(data, model, { resamples: 2, seed: round });
    twoMs += now() - t0;
    t0 = now();
    plsBootstrap(data, model, { resamples: 4, seed: round });
    fourMs += now() - t0;
  }
  const perResampleMs = (fourMs - twoMs) / (2 * rounds);
  const B = 10;
  let t0 = now();
  const serial = plsBootstrap(data, model, { resamples: B, seed: 2 });
  const serialMs = now() - t0;
  const w0 = wall();
  await plsBootstrapParallel(data, model, { resamples: B, seed: 2 });
  const parallelMs = wall() - w0;
  results.bootstrapLarge = {
    n: 100_000,
    singleFitMs: Math.round(fitMs / rounds),
    perResampleMs: Math.round(perResampleMs),
    ratio: +(perResampleMs / (fitMs / rounds)).toFixed(3),
    [`bootstrap${B}SerialMs`]: Math.round(serialMs),
    [`bootstrap${B}WorkersWallMs`]: Math.round(parallelMs),
    failed: serial.failed,
  };
  console.log('bootstrap (large)', results.bootstrapLarge);
}

results.loadAverageAtEnd = loadavg().map((v) => +v.toFixed(2));
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'pls.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench/results/pls.json');
