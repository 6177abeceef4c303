// NOK 344n benchmark: a seeded region of 2,000 organisations and 400,000
// respondents, written as CSV, assessed from the CSV by edu-quality and
// counted by DuckDB in SQL on the same file, in the same run.
//
//   pnpm exec turbo run build --filter=@edu-quality/cli
//   node bench/nok.bench.mjs            # writes bench/results/nok.json
//
// Ours = what `edu-quality nok` does with the survey export: the CSV counted
//         on every CPU by NokCsvFilePool (@edu-quality/cli: the file cut at
//         line feeds, each part read from disk into a worker's
//         countNokCsvPart, merged), then nokAssessment (every П, K, S,
//         shortfalls, ranking and group means) for the 2,000 organisations.
//         The audits are inputs DuckDB is not given: they are parsed before
//         timing (for every variant of ours alike).
// Ours, audits in the timing = the same with the audits' JSON (3.3 MB)
//         parsed inside the timing, on the main thread while the workers
//         count: reported beside the headline figure.
// Ours (one thread) = NokCsvFilePool with one thread: countNokCsv on the
//         calling thread, reading the file straight into its memory, then
//         nokAssessment.
// Reader path = readResponsesSync (the general CSV reader, every column kept
//         as a ResponseSet) + nokAssessment: the path before countNokCsv,
//         kept as a reference.
// DuckDB = read_csv on the same file + GROUP BY organisation with the same 15
//         counts (conditional counts only after a "yes" to their filter), on
//         every CPU (its default) and on one thread.
// All are timed from the file on disk to the result in memory; DuckDB's
// instances and connections, and our worker threads, are started before
// timing. The counts of all are compared, organisation by organisation, and
// the whole results of ours with the reader path's, before anything is
// reported. Each repetition runs the six in a rotated order, so that none
// always follows the same neighbour; medians are reported, with the load
// average at each repetition.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { NOK_DEFAULT_QUESTION_MAP, NOK_FILTERS, nokAssessment } from '@edu-quality/index';
import { NokCsvFilePool } from '@edu-quality/cli';
import * as questionnairePkg from '@edu-quality/questionnaire';
import { nokBenchQuestionnaire } from './nok-questionnaire.mjs';
import {
  ORGANISATIONS,
  RESPONDENTS,
  SEED,
  auditPath,
  csvPath,
  ensureNokData,
} from './nok-data.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = 9;
const resultPath = join(here, 'results', 'nok.json');

// --- seeded data ------------------------------------------------------------

ensureNokData();

// --- ours -------------------------------------------------------------------

const questionnaire = questionnairePkg.QuestionnaireSchema.parse(nokBenchQuestionnaire);

// The scoring reads only the organisation and q1..q14: the respondent id and
// the free-text proposals (q15) are ignored, as DuckDB's projection pushdown
// skips the columns the query does not use.
const readOptions = { delimiter: ',', columns: { id: null, q15: null } };

// The audits (2,000 organisations' checklists, 3.3 MB of JSON) are inputs of
// the assessment that DuckDB is not given: they are parsed once, before
// timing, for ours, ours (one thread) and the reader path alike. The variant
// 'ours, audits in the timing' parses them inside the timed region, on the
// main thread while the workers count, for the record.
const auditsJson = readFileSync(auditPath, 'utf8');
const organisations = JSON.parse(auditsJson);

function readerPath() {
  const t0 = performance.now();
  const bytes = readFileSync(csvPath);
  const t1 = performance.now();
  const responses = questionnairePkg.readResponsesSync(questionnaire, bytes, readOptions);
  const t2 = performance.now();
  const result = nokAssessment({ organisations, responses });
  const t3 = performance.now();
  return {
    accepted: responses.counts.accepted,
    result,
    stages: { readFile: t1 - t0, parseCsv: t2 - t1, nokAssessment: t3 - t2 },
  };
}

// One thread: the pool's own path for a file it does not cut (countNokCsv
// reading the file straight into its memory, on the calling thread).
const onePool = new NokCsvFilePool({ threads: 1 });

async function oursOneThread() {
  const t0 = performance.now();
  const counted = await onePool.count(questionnaire, csvPath);
  const t1 = performance.now();
  const result = nokAssessment({ organisations, responses: counted.accumulator });
  const t2 = performance.now();
  return {
    accepted: counted.counts.accepted,
    fastRows: counted.fastRows,
    result,
    stages: { countCsv: t1 - t0, nokAssessment: t2 - t1 },
  };
}

// Started before timing, as DuckDB's instance is.
const pool = new NokCsvFilePool({ threads: cpus().length });
pool.start();

async function ours() {
  const t0 = performance.now();
  const counted = await pool.count(questionnaire, csvPath);
  const t1 = performance.now();
  const result = nokAssessment({ organisations, responses: counted.accumulator });
  const t2 = performance.now();
  return {
    accepted: counted.counts.accepted,
    parts: counted.parts,
    fastRows: counted.fastRows,
    result,
    stages: { countCsv: t1 - t0, nokAssessment: t2 - t1 },
  };
}

async function oursWithAudits() {
  const t0 = performance.now();
  const counting = pool.count(questionnaire, csvPath);
  // The audits are parsed while the workers count.
  const parsed = JSON.parse(readFileSync(auditPath, 'utf8'));
  const counted = await counting;
  const t1 = performance.now();
  const result = nokAssessment({ organisations: parsed, responses: counted.accumulator });
  const t2 = performance.now();
  return {
    accepted: counted.counts.accepted,
    result,
    stages: { countCsvAndAudits: t1 - t0, nokAssessment: t2 - t1 },
  };
}

// --- DuckDB -------------------------------------------------------------------

const keyToQuestion = NOK_DEFAULT_QUESTION_MAP;
const countExprs = Object.entries(keyToQuestion).map(([key, q]) => {
  const filterKey = NOK_FILTERS[key];
  const cond =
    filterKey === undefined
      ? `${q} = 'yes'`
      : `${keyToQuestion[filterKey]} = 'yes' AND ${q} = 'yes'`;
  return `count_if(${cond}) AS "${key}"`;
});
const sql = `SELECT organisation, count(*) AS respondents, ${countExprs.join(', ')}
  FROM read_csv('${csvPath}', header = true, delim = ',', quote = '"', all_varchar = true)
  GROUP BY organisation`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const instance1 = await DuckDBInstance.create(':memory:', { threads: '1' });
const connection1 = await instance1.connect();
async function duckOn(conn) {
  const res = await conn.runAndReadAll(sql);
  return res.getRowObjects();
}
const duck = () => duckOn(connection);
const duck1 = () => duckOn(connection1);

// --- run ---------------------------------------------------------------------

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn) {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

// Warm-up (JIT, file cache, the workers' compiled code) of every variant.
for (let k = 0; k < 3; k++) await ours();
for (let k = 0; k < 2; k++) await oursWithAudits();
for (let k = 0; k < 2; k++) await oursOneThread();
const warmOurs = await ours();
const warmAudits = await oursWithAudits();
const warmOne = await oursOneThread();
const warmReader = readerPath();
const warmDuck = await duck();
const warmDuck1 = await duck1();

// Same counts, organisation by organisation, in every one of ours and DuckDB.
for (const [name, run] of [
  ['ours', warmOurs],
  ['ours, audits in the timing', warmAudits],
  ['ours (one thread)', warmOne],
  ['reader path', warmReader],
]) {
  const ourCounts = new Map(run.result.organisations.map((o) => [o.id, o.counts]));
  let mismatches = 0;
  for (const row of warmDuck) {
    const mine = ourCounts.get(row.organisation);
    for (const [key, value] of Object.entries(row)) {
      if (key === 'organisation') continue;
      if (mine === undefined || mine[key] !== Number(value)) mismatches++;
    }
  }
  if (warmDuck.length !== ORGANISATIONS || mismatches > 0 || run.accepted !== RESPONDENTS) {
    throw new Error(
      `${name}: counts differ: ${mismatches} cells, ${warmDuck.length} DuckDB groups, ${run.accepted} rows`,
    );
  }
}
// The whole results (every score, shortfall, rank) of ours and of the reader path agree.
if (JSON.stringify(warmOurs.result) !== JSON.stringify(warmReader.result))
  throw new Error('ours and the reader path give different results');
if (JSON.stringify(warmAudits.result) !== JSON.stringify(warmReader.result))
  throw new Error('ours (audits in the timing) and the reader path give different results');
if (JSON.stringify(warmOne.result) !== JSON.stringify(warmReader.result))
  throw new Error('ours (one thread) and the reader path give different results');
if (warmOurs.parts !== cpus().length) throw new Error(`ours: ${warmOurs.parts} parts`);
const byOrg = (rows) =>
  JSON.stringify(
    rows
      .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])))
      .sort((a, b) => (a.organisation < b.organisation ? -1 : 1)),
  );
if (byOrg(warmDuck1) !== byOrg(warmDuck)) throw new Error('DuckDB threads = 1 counts differ');

const timings = { ours: [], audits: [], one: [], reader: [], duckdb: [], duckdb1: [] };
const stages = { ours: {}, audits: {}, one: {}, reader: {} };
const record = (name, run) => {
  for (const [k, ms] of Object.entries(run.value.stages)) (stages[name][k] ??= []).push(ms);
  return run.ms;
};
const loadPerRun = [];
const variants = [
  ['ours', async () => record('ours', await time(ours))],
  ['duckdb', async () => (await time(duck)).ms],
  ['one', async () => record('one', await time(oursOneThread))],
  ['duckdb1', async () => (await time(duck1)).ms],
  ['reader', async () => record('reader', await time(readerPath))],
  ['audits', async () => record('audits', await time(oursWithAudits))],
];
const loadAtStart = loadavg();
for (let i = 0; i < RUNS; i++) {
  loadPerRun.push(Math.round(loadavg()[0] * 100) / 100);
  for (let j = 0; j < variants.length; j++) {
    const [name, run] = variants[(i + j) % variants.length];
    timings[name].push(await run());
  }
}
await pool.close();
await onePool.close();
const loadAtEnd = loadavg();
const threads = Number(
  (await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0],
);
const threads1 = Number(
  (await connection1.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0],
);
connection.closeSync?.();
connection1.closeSync?.();

const r1 = (x) => Math.round(x * 10) / 10;
const r3 = (x) => Math.round(x * 1000) / 1000;
const summary = (xs) => ({ median: r1(median(xs)), all: xs.map((x) => Math.round(x)) });
const stageMedians = (name) =>
  Object.fromEntries(Object.entries(stages[name]).map(([k, xs]) => [k, r1(median(xs))]));
const m = Object.fromEntries(Object.entries(timings).map(([k, xs]) => [k, median(xs)]));
const result = {
  benchmark: 'NOK 344n assessment of a region from CSV vs DuckDB counts in SQL',
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  organisations: ORGANISATIONS,
  respondents: RESPONDENTS,
  seed: SEED,
  fileBytes: statSync(csvPath).size,
  // The code measured: the last commits of the counter, the pool and the
  // scoring (a working tree with uncommitted changes is measured as it is).
  commits: Object.fromEntries(
    [
      [
        'counter',
        ['packages/index/src/nok-csv.ts', 'packages/index/src/internal/nok', 'packages/index/wasm'],
      ],
      ['pool', ['packages/cli/src/nok-csv-file.ts', 'packages/cli/src/nok-worker.ts']],
      ['scoring', ['packages/index/src/nok-assessment.ts', 'packages/index/src/nok-aggregate.ts']],
    ].map(([k, paths]) => [
      k,
      execFileSync('git', ['log', '-1', '--format=%h %s', '--', ...paths], {
        cwd: join(here, '..'),
      })
        .toString()
        .trim(),
    ]),
  ),
  rowsAccepted: warmOurs.accepted,
  rowsCountedFromBytes: warmOurs.fastRows,
  parts: warmOurs.parts,
  countsMatch: true,
  resultsMatchReaderPath: true,
  runs: RUNS,
  order:
    'each repetition runs ours, DuckDB, ours (one thread), DuckDB (1 thread), reader path, ours with the audits parsed in the timing, rotated by one per repetition',
  audits:
    'the 2,000 audits (3.3 MB JSON) are parsed before timing for ours, ours (one thread) and the reader path: DuckDB is not given them; the scoring (nokAssessment) is inside the timing. oursWithAuditsMs parses them inside the timing, on the main thread while the workers count.',
  oursMs: { threads: cpus().length, ...summary(timings.ours), stages: stageMedians('ours') },
  oursWithAuditsMs: { ...summary(timings.audits), stages: stageMedians('audits') },
  oursOneThreadMs: { ...summary(timings.one), stages: stageMedians('one') },
  readerPathMs: { ...summary(timings.reader), stages: stageMedians('reader') },
  duckdbMs: { threads, ...summary(timings.duckdb) },
  duckdbThreads1Ms: { threads: threads1, ...summary(timings.duckdb1) },
  duckdbStatement: sql.replace(csvPath, 'file').replace(/\s+/g, ' '),
  loadAverageAtStart: loadAtStart.map((x) => Math.round(x * 100) / 100),
  loadAverageAtEnd: loadAtEnd.map((x) => Math.round(x * 100) / 100),
  loadAverage1mPerRun: loadPerRun,
  // The Acceptance figure: ours (what `edu-quality nok` runs, on every CPU)
  // against DuckDB as configured by default (every CPU).
  ratio: r3(m.ours / m.duckdb),
  // One thread each: less disturbed by other work on the machine.
  ratioOneThread: r3(m.one / m.duckdb1),
  // Ours on one thread against DuckDB on every CPU.
  ratioOneThreadVsDuckdb: r3(m.one / m.duckdb),
  // Ours with the audit file parsed inside the timing.
  ratioWithAudits: r3(m.audits / m.duckdb),
  // The path before countNokCsv, for the record.
  ratioReaderPath: r3(m.reader / m.duckdb),
  target: 0.5,
};
result.meetsTarget = result.ratio <= result.target;
result.caveat =
  Math.max(...loadPerRun, loadAtStart[0]) > cpus().length
    ? `The machine was loaded (1-minute load ${Math.min(...loadPerRun)}–${Math.max(...loadPerRun)} on ${cpus().length} CPUs, other work running): the times are inflated and noisy, re-measure on an idle machine.`
    : 'The machine was not overloaded.';
mkdirSync(dirname(resultPath), { recursive: true });
writeFileSync(resultPath, JSON.stringify(result, null, 2) + '\n');
console.log(
  `NOK region (${ORGANISATIONS} organisations, ${RESPONDENTS} respondents): ours ${result.oursMs.median} ms on ${cpus().length} threads vs DuckDB ${result.duckdbMs.median} ms (${threads} threads): ratio ${result.ratio} (target ≤ ${result.target})`,
);
console.log(
  `one thread: ours ${result.oursOneThreadMs.median} ms vs DuckDB ${result.duckdbThreads1Ms.median} ms: ratio ${result.ratioOneThread}; audits in the timing ${result.oursWithAuditsMs.median} ms (ratio ${result.ratioWithAudits}); reader path ${result.readerPathMs.median} ms (ratio ${result.ratioReaderPath}); load ${loadPerRun.join(' ')}`,
);
