// End-to-end index benchmark (issue 3): from the seeded 1,000,000-row CSV to a
// per-institution satisfaction index, NPS and 95% intervals.
//
//   ours:   readResponses (file stream) → breakdown by institution (the index
//           stage of packages/index/bench/breakdown.bench.mjs)
//   DuckDB: read_csv + the SQL-expressible part of the same job (below)
//
// Both sides run in the same process, alternating, several repetitions after a
// warm-up; medians and the ratio ours/DuckDB, with DuckDB at its default threads
// and at threads = 1 (a busy machine hurts DuckDB's workers more than our single
// thread, so the second ratio is the less load-sensitive figure). Also the 1-minute
// load average at start and end, the peak RSS of ours in a child process (so
// DuckDB's memory is not counted), and the largest difference between the two
// sides' per-institution index and SE, a correctness check of both.
// Writes bench/results/index-e2e.json.
//
// Run through `pnpm bench index-e2e` (which builds first): it imports the built dist.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { readResponses } from '@edu-quality/questionnaire';
import { indexStage } from '../packages/index/bench/breakdown.bench.mjs';
import {
  LIKERT_ITEMS,
  generateSurvey,
  surveyPath,
  surveyQuestionnaire,
} from './generate-survey.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REPS = Number(process.env.BENCH_REPS ?? 7);
// 1 MiB reads, as in the ingestion benchmark.
const HIGH_WATER_MARK = 1 << 20;
const file = surveyPath(ROWS);
const questionnaire = surveyQuestionnaire();

async function ours() {
  const set = await readResponses(
    questionnaire,
    createReadStream(file, { highWaterMark: HIGH_WATER_MARK }),
  );
  if (set.size !== ROWS || set.counts.rejected !== 0) {
    throw new Error(`readResponses read ${set.size} rows, rejected ${set.counts.rejected}`);
  }
  const ingested = performance.now();
  return { result: indexStage(set, 'institution'), ingested };
}

// Child mode: one run of ours, then this process's peak RSS (JSON on stdout).
if (process.argv[2] === '--rss-child') {
  globalThis.gc?.();
  const baseline = process.resourceUsage().maxRSS;
  const { result } = await ours();
  const peak = process.resourceUsage().maxRSS;
  console.log(
    JSON.stringify({
      groups: result.groups.length,
      baselineRssMB: Math.round(baseline / 1024),
      peakRssMB: Math.round(peak / 1024),
    }),
  );
  process.exit(0);
}

const items = Array.from({ length: LIKERT_ITEMS }, (_, i) => `q${String(i + 1).padStart(2, '0')}`);

// The SQL-expressible part of the job, as DuckDB would be asked to do it.
//
// The same as ours:
// - per institution and item, the weighted mean of the answered values (1–5;
//   0 = "don't know" and blanks are not answers) and its 0–100 score;
// - the equal-weight index: the mean of the 30 item scores (every item has
//   answers in every institution of this file, so the weights are all 1/30);
// - its delta-method SE, computed the way R survey::svyby does for a domain of
//   the whole design and the way ours does: var = n/(n−1) Σᵢ zᵢ² with n the rows
//   of the whole file and zᵢ = wᵢ Σⱼ (cⱼ·100/(max − min)) (xᵢⱼ − x̄ⱼ)/Wⱼ over the
//   items respondent i answered (x̄ⱼ, Wⱼ of the institution, cⱼ = 1/30). It
//   needs the institution means first, so the SQL makes two passes: the means,
//   then a join of every row back to them;
// - NPS = 100 (p − d) with SE 100 √((p + d − (p − d)²)/n_eff), n_eff = (Σw)²/Σw²,
//   and a z interval; the groups' n; suppression of groups under 5 respondents.
// Not the same (ours does more):
// - the index interval: ours uses t with n − 1 = 999,999 df, the SQL z (DuckDB
//   has no t quantile), a relative difference of 1e-6 in the half-width, so the
//   SEs are compared, not the bounds;
// - ours also gives per item n, n_eff, "don't know" and missing counts, the answer
//   distribution, top-2-box share, SE and interval; sub-indices per dimension with
//   their intervals; the total; ranks; complementary suppression; the weighting
//   rule. None of that is asked of DuckDB.
const ans = (q) => `(${q} BETWEEN 1 AND 5)`;
const sql = (path) => `
WITH t AS MATERIALIZED (
  SELECT * FROM read_csv('${path.replaceAll("'", "''")}', header = true)
),
design AS (SELECT count(*)::DOUBLE AS n FROM t),
g AS (
  SELECT institution,
    count(*) AS n,
    ${items.map((q) => `sum(weight) FILTER (WHERE ${ans(q)}) AS w_${q}, sum(weight * ${q}) FILTER (WHERE ${ans(q)}) / w_${q} AS m_${q}`).join(',\n    ')},
    sum(weight) FILTER (WHERE nps IS NOT NULL) AS w_nps,
    sum(weight * weight) FILTER (WHERE nps IS NOT NULL) AS w2_nps,
    coalesce(sum(weight) FILTER (WHERE nps >= 9), 0) / w_nps AS p,
    coalesce(sum(weight) FILTER (WHERE nps <= 6), 0) / w_nps AS d
  FROM t GROUP BY institution
),
z AS (
  SELECT t.institution, t.weight * (
    ${items.map((q) => `CASE WHEN ${ans(`t.${q}`)} THEN (t.${q} - g.m_${q}) / g.w_${q} ELSE 0 END`).join(' +\n    ')}
  ) * (100.0 / 4 / ${items.length}) AS z
  FROM t JOIN g USING (institution)
),
v AS (SELECT institution, sum(z * z) AS zz FROM z GROUP BY institution)
SELECT g.institution, g.n,
  CASE WHEN g.n >= 5 THEN (${items.map((q) => `(m_${q} - 1) / 4 * 100`).join(' + ')}) / ${items.length} END AS score,
  CASE WHEN g.n >= 5 THEN sqrt(design.n / (design.n - 1) * v.zz) END AS se,
  score - 1.959963984540054 * se AS lower, score + 1.959963984540054 * se AS upper,
  CASE WHEN g.n >= 5 THEN 100 * (p - d) END AS nps,
  CASE WHEN g.n >= 5 THEN 100 * sqrt((p + d - (p - d) ^ 2) / (w_nps * w_nps / w2_nps)) END AS nps_se,
  ${items.map((q) => `(m_${q} - 1) / 4 * 100 AS s_${q}`).join(', ')}
FROM g JOIN v USING (institution), design
ORDER BY g.institution
`;

async function duckdbRunner(options) {
  const instance = await DuckDBInstance.create(':memory:', options);
  const connection = await instance.connect();
  const threads = Number(
    (await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0],
  );
  const statement = sql(file);
  return {
    threads,
    async run() {
      const start = performance.now();
      const reader = await connection.runAndReadAll(statement);
      const rows = reader.getRowObjects();
      const ms = performance.now() - start;
      return { ms, rows };
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const load = () => os.loadavg().map((x) => Number(x.toFixed(2)));

if (!existsSync(file)) {
  console.log(`generating ${relative(process.cwd(), file)} …`);
  await generateSurvey({ rows: ROWS, path: file });
}
const fileBytes = statSync(file).size;
const loadAtStart = load();

async function timeOurs() {
  globalThis.gc?.();
  const start = performance.now();
  const { result, ingested } = await ours();
  const end = performance.now();
  return { ms: end - start, ingestMs: ingested - start, indexMs: end - ingested, result };
}

const duckDefault = await duckdbRunner({});
const duckSingle = await duckdbRunner({ threads: '1' });
console.log(
  `file: ${(fileBytes / 1e6).toFixed(1)} MB, ${ROWS} rows; ${REPS} alternating repetitions after a warm-up; load ${loadAtStart.join(', ')}`,
);

// Warm-up, and the agreement check on its results.
const first = await timeOurs();
const duckFirst = await duckDefault.run();
await duckSingle.run();
const byLabel = new Map(first.result.groups.map((g) => [g.label, g]));
let maxScoreDiff = 0;
let maxSeDiff = 0;
let maxNpsDiff = 0;
let maxNpsSeDiff = 0;
let maxItemScoreDiff = 0;
let compared = 0;
for (const row of duckFirst.rows) {
  const mine = byLabel.get(row.institution);
  if (mine === undefined) throw new Error(`ours has no group ${row.institution}`);
  if (mine.suppressed !== (row.score === null))
    throw new Error(`suppression differs for ${row.institution}`);
  if (mine.suppressed) continue;
  compared++;
  maxScoreDiff = Math.max(maxScoreDiff, Math.abs(mine.index.score - row.score));
  maxSeDiff = Math.max(maxSeDiff, Math.abs(mine.index.se - row.se));
  maxNpsDiff = Math.max(maxNpsDiff, Math.abs(mine.nps.score - row.nps));
  maxNpsSeDiff = Math.max(maxNpsSeDiff, Math.abs(mine.nps.se - row.nps_se));
  if (Number(row.n) !== mine.n) throw new Error(`n differs for ${row.institution}`);
  for (const item of mine.index.items)
    maxItemScoreDiff = Math.max(maxItemScoreDiff, Math.abs(item.score - row[`s_${item.id}`]));
}
if (compared !== byLabel.size) throw new Error(`compared ${compared} of ${byLabel.size} groups`);
const agreement = {
  institutionsCompared: compared,
  maxAbsDiffIndex: maxScoreDiff,
  maxAbsDiffIndexSe: maxSeDiff,
  maxAbsDiffItemScore: maxItemScoreDiff,
  maxAbsDiffNps: maxNpsDiff,
  maxAbsDiffNpsSe: maxNpsSeDiff,
};
console.log(`agreement over ${compared} institutions: ${JSON.stringify(agreement)}`);
if (maxScoreDiff > 1e-9 || maxSeDiff > 1e-9 || maxItemScoreDiff > 1e-9 || maxNpsDiff > 1e-9)
  throw new Error('ours and DuckDB disagree beyond 1e-9');

const oursRuns = [];
const duckMs = [];
const duck1Ms = [];
// Alternating, so a change of load in the middle of the run hits all three alike.
for (let r = 0; r < REPS; r++) {
  oursRuns.push(await timeOurs());
  duckMs.push((await duckDefault.run()).ms);
  duck1Ms.push((await duckSingle.run()).ms);
  const o = oursRuns.at(-1);
  console.log(
    `  rep ${r + 1}: ours ${o.ms.toFixed(0)} ms (read ${o.ingestMs.toFixed(0)} + breakdown ${o.indexMs.toFixed(0)}), DuckDB ${duckMs.at(-1).toFixed(0)} ms (${duckDefault.threads} threads), ${duck1Ms.at(-1).toFixed(0)} ms (1 thread)`,
  );
}
duckDefault.close();
duckSingle.close();
const loadAtEnd = load();

const child = spawnSync(
  process.execPath,
  ['--expose-gc', fileURLToPath(import.meta.url), '--rss-child'],
  { encoding: 'utf8' },
);
if (child.status !== 0) throw new Error(`RSS child failed: ${child.stderr}`);
const memory = JSON.parse(child.stdout);

const oursMs = oursRuns.map((o) => o.ms);
const result = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadAtEnd,
  },
  input: {
    rows: ROWS,
    bytes: fileBytes,
    columns: '30 Likert + NPS + weight + institution (200)',
  },
  repetitions: REPS,
  ours: {
    medianMs: Math.round(median(oursMs)),
    runsMs: oursMs.map(Math.round),
    readResponsesMedianMs: Math.round(median(oursRuns.map((o) => o.ingestMs))),
    breakdownMedianMs: Math.round(median(oursRuns.map((o) => o.indexMs))),
    pipeline:
      "readResponses(fs.createReadStream) → breakdown(set, { by: 'institution', interval: 'delta-t' })",
  },
  duckdb: {
    medianMs: Math.round(median(duckMs)),
    runsMs: duckMs.map(Math.round),
    threads: duckDefault.threads,
    statement:
      'one query: read_csv (materialised CTE) → per-institution weighted item means → join back for the delta-method residuals → index, SE, interval, NPS, SE',
  },
  duckdbOneThread: {
    medianMs: Math.round(median(duck1Ms)),
    runsMs: duck1Ms.map(Math.round),
    threads: 1,
  },
  ratio: Number((median(oursMs) / median(duckMs)).toFixed(3)),
  ratioOneThread: Number((median(oursMs) / median(duck1Ms)).toFixed(3)),
  targetRatio: 0.5,
  peakRssMB: memory.peakRssMB,
  baselineRssMB: memory.baselineRssMB,
  agreement,
};
if (Math.max(loadAtStart[0], loadAtEnd[0]) > os.cpus().length) {
  result.caveat = `the machine was loaded (1-minute load average above its ${os.cpus().length} CPUs); DuckDB's worker threads lose more to load than our single thread, so the default-threads ratio favours ours; ratioOneThread is the less load-sensitive figure`;
  console.log(`caveat: ${result.caveat}`);
}
console.log(
  `ours median ${result.ours.medianMs} ms (readResponses ${result.ours.readResponsesMedianMs} + breakdown ${result.ours.breakdownMedianMs}); DuckDB median ${result.duckdb.medianMs} ms (${result.duckdb.threads} threads), ${result.duckdbOneThread.medianMs} ms (1 thread)`,
);
console.log(
  `ratio ours/DuckDB ${result.ratio} (target ≤ ${result.targetRatio}); ours/DuckDB(1 thread) ${result.ratioOneThread}`,
);
console.log(`peak RSS of ours ${result.peakRssMB} MB (baseline ${result.baselineRssMB} MB)`);
console.log(
  `load average (1, 5, 15 min) at start ${loadAtStart.join(', ')}; at end ${loadAtEnd.join(', ')}`,
);
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'index-e2e.json'), `${JSON.stringify(result, null, 2)}\n`);
