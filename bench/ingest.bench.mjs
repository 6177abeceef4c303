// Ingestion benchmark (issue 2): readResponses on a Node file stream against
// DuckDB's read_csv on the same seeded 1,000,000-row file, in the same run,
// alternating, several repetitions; medians, their ratio (also against DuckDB
// with threads = 1), the peak RSS of our
// ingestion (in a child process, so DuckDB's memory is not counted) and the
// bytes held per scale answer. Writes bench/results/ingest.json.
//
// Run through `pnpm bench` (which builds first): it imports the built dist.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { readResponses } from '@edu-quality/questionnaire';
import { generateSurvey, surveyPath, surveyQuestionnaire } from './generate-survey.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const REPS = Number(process.env.BENCH_REPS ?? 7);
// 1 MiB reads: the chunk size an application would choose for a bulk import.
const HIGH_WATER_MARK = 1 << 20;

const file = surveyPath(ROWS);
if (!existsSync(file)) {
  console.log(`generating ${relative(process.cwd(), file)} …`);
  await generateSurvey({ rows: ROWS, path: file });
}
const fileBytes = statSync(file).size;
// Other work on the machine slows both sides (DuckDB's threads more): recorded with the result.
const loadAtStart = os.loadavg().map((x) => Number(x.toFixed(2)));
const questionnaire = surveyQuestionnaire();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// CPU time (user + system, all threads of this process) beside the wall time:
// on a busy machine the wall time includes waiting for a CPU, the CPU time
// does not. DuckDB with threads = 1 spends about its idle wall time.
const cpuMsSince = (start) => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};
const oursCpuMs = [];

async function ours() {
  globalThis.gc?.();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const set = await readResponses(
    questionnaire,
    createReadStream(file, { highWaterMark: HIGH_WATER_MARK }),
  );
  const ms = performance.now() - start;
  oursCpuMs.push(cpuMsSince(cpuStart));
  if (set.size !== ROWS || set.counts.rejected !== 0) {
    throw new Error(`readResponses read ${set.size} rows, rejected ${set.counts.rejected}`);
  }
  return ms;
}

// DuckDB twice: with its default threads (one per CPU; the ratio issue 2 asks
// for) and with threads = 1, a second comparison that a busy machine distorts
// less (under load DuckDB's worker threads lose more than our single thread).
async function duckdbRunner(options) {
  const instance = await DuckDBInstance.create(':memory:', options);
  const connection = await instance.connect();
  const threads = Number(
    (await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0],
  );
  const sqlPath = file.replaceAll("'", "''");
  const cpuMs = [];
  return {
    threads,
    cpuMs,
    async run() {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${sqlPath}', header = true)`);
      const ms = performance.now() - start;
      cpuMs.push(cpuMsSince(cpuStart));
      const rows = (await connection.runAndReadAll('SELECT count(*) FROM t')).getRows()[0][0];
      if (Number(rows) !== ROWS) throw new Error(`DuckDB loaded ${rows} rows`);
      await connection.run('DROP TABLE t');
      return ms;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
const duckDefault = await duckdbRunner({});
const duckSingle = await duckdbRunner({ threads: '1' });
const threads = duckDefault.threads;

console.log(
  `file: ${(fileBytes / 1e6).toFixed(1)} MB, ${ROWS} rows; ${REPS} alternating repetitions after a warm-up`,
);
await ours();
await duckDefault.run();
await duckSingle.run();
oursCpuMs.length = 0;
duckDefault.cpuMs.length = 0;
duckSingle.cpuMs.length = 0;
const oursMs = [];
const duckMs = [];
const duck1Ms = [];
// Alternating, so a change of load in the middle of the run hits all three alike.
for (let r = 0; r < REPS; r++) {
  oursMs.push(await ours());
  duckMs.push(await duckDefault.run());
  duck1Ms.push(await duckSingle.run());
  console.log(
    `  rep ${r + 1}: readResponses ${oursMs.at(-1).toFixed(0)} ms, DuckDB ${duckMs.at(-1).toFixed(0)} ms (${threads} threads), ${duck1Ms.at(-1).toFixed(0)} ms (1 thread)`,
  );
}
duckDefault.close();
duckSingle.close();

const child = spawnSync(process.execPath, ['--expose-gc', join(here, 'ingest-rss.mjs'), file], {
  encoding: 'utf8',
});
if (child.status !== 0) throw new Error(`ingest-rss.mjs failed: ${child.stderr}`);
const memory = JSON.parse(child.stdout);

const result = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))),
  },
  input: { rows: ROWS, bytes: fileBytes, columns: '30 Likert + NPS + weight + institution (200)' },
  repetitions: REPS,
  readResponses: {
    medianMs: Math.round(median(oursMs)),
    runsMs: oursMs.map(Math.round),
    medianCpuMs: Math.round(median(oursCpuMs)),
    source: `fs.createReadStream, highWaterMark ${HIGH_WATER_MARK}`,
  },
  duckdb: {
    medianMs: Math.round(median(duckMs)),
    runsMs: duckMs.map(Math.round),
    medianCpuMs: Math.round(median(duckDefault.cpuMs)),
    threads: Number(threads),
    statement: 'CREATE TABLE t AS SELECT * FROM read_csv(file, header = true)',
  },
  duckdbOneThread: {
    medianMs: Math.round(median(duck1Ms)),
    runsMs: duck1Ms.map(Math.round),
    medianCpuMs: Math.round(median(duckSingle.cpuMs)),
    threads: 1,
  },
  ratio: Number((median(oursMs) / median(duckMs)).toFixed(3)),
  ratioOneThread: Number((median(oursMs) / median(duck1Ms)).toFixed(3)),
  // Load-insensitive: our CPU time against DuckDB's single-threaded CPU time.
  ratioCpuOneThread: Number((median(oursCpuMs) / median(duckSingle.cpuMs)).toFixed(3)),
  targetRatio: 0.5,
  peakRssMB: memory.peakRssMB,
  baselineRssMB: memory.baselineRssMB,
  targetPeakRssMB: 300,
  bytesPerScaleAnswer: memory.bytesPerScaleAnswer,
};
if (Math.max(loadAtStart[0], result.machine.loadAverageAtEnd[0]) > os.cpus().length) {
  // Say so in the result: under load DuckDB's worker threads lose more than our single thread.
  result.caveat = `the machine was loaded (1-minute load average above its ${os.cpus().length} CPUs); the ratio favours readResponses and should be re-measured on an idle machine`;
  console.log(`caveat: ${result.caveat}`);
}

console.log(
  `readResponses median ${result.readResponses.medianMs} ms; DuckDB median ${result.duckdb.medianMs} ms (${threads} threads)`,
);
console.log(`ratio ours/DuckDB ${result.ratio} (target ≤ ${result.targetRatio})`);
console.log(
  `DuckDB threads = 1 median ${result.duckdbOneThread.medianMs} ms; ratio ours/DuckDB(1 thread) ${result.ratioOneThread}`,
);
console.log(
  `CPU time medians: readResponses ${result.readResponses.medianCpuMs} ms, DuckDB ${result.duckdb.medianCpuMs} ms (${threads} threads), ${result.duckdbOneThread.medianCpuMs} ms (1 thread); ratio ours/DuckDB(1 thread) ${result.ratioCpuOneThread}`,
);
console.log(
  `peak RSS of ingestion ${result.peakRssMB} MB (process baseline ${result.baselineRssMB} MB; target ≤ 300)`,
);
console.log(`bytes per scale answer ${result.bytesPerScaleAnswer}`);
console.log(
  `load average (1, 5, 15 min) at start ${loadAtStart.join(', ')}; at end ${result.machine.loadAverageAtEnd.join(', ')} on ${result.machine.cpus} CPUs`,
);
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'ingest.json'), `${JSON.stringify(result, null, 2)}\n`);
