// Peak memory of `edu-quality index` on a ~1 GB survey export: the seeded
// generator of generate-survey.mjs writes ~12.6 million rows (30 Likert items,
// NPS, weight, 200 institutions; about 82 bytes a row), then the built CLI runs
// `index FILE -Q survey-questionnaire.json --by institution --format json` as a
// child process, and its peak resident set size is read from the kernel:
// `/usr/bin/time -v` ("Maximum resident set size") when present, else the
// child's VmHWM polled from /proc/<pid>/status. The result goes to
// bench/results/index-1gb-rss.json; the data file is deleted afterwards (set
// BENCH_KEEP=1 to keep it). This records the figure; it is not a gate.
//
// Run through `pnpm bench index-1gb` (which builds first): it runs the built dist.
//   BENCH_BYTES   target size of the export in bytes (default 1e9)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSurvey } from './generate-survey.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
const TARGET_BYTES = Number(process.env.BENCH_BYTES ?? 1e9);
// Measured on the generator's output: 79,514,901 bytes for 1,000,000 rows.
const BYTES_PER_ROW = 79.5;
const ROWS = Math.round(TARGET_BYTES / BYTES_PER_ROW);
const SEED = 20261125;
const file = join(here, 'data', `survey-1gb-${ROWS}-${SEED}.csv`);

if (!existsSync(bin)) {
  console.error(`${relative(root, bin)} is missing: run through \`pnpm bench index-1gb\``);
  process.exit(1);
}

if (!existsSync(file)) {
  console.log(`generating ${ROWS} rows …`);
  await generateSurvey({ rows: ROWS, seed: SEED, path: file });
}
const bytes = statSync(file).size;
console.log(`${relative(root, file)}: ${(bytes / 1e9).toFixed(3)} GB`);

const cliArgs = [
  bin,
  'index',
  file,
  '-Q',
  join(here, 'survey-questionnaire.json'),
  '--by',
  'institution',
  '--format',
  'json',
];
const useTime = existsSync('/usr/bin/time');
const [command, args] = useTime
  ? ['/usr/bin/time', ['-v', process.execPath, ...cliArgs]]
  : [process.execPath, cliArgs];

const started = performance.now();
const child = spawn(command, args, { env: { ...process.env, CI: '1' } });
let stdout = '';
let stderr = '';
child.stdout.on('data', (d) => (stdout += d));
child.stderr.on('data', (d) => (stderr += d));

// The fallback: the kernel's high-water mark of the child's resident set.
let polledKB = 0;
const poll = useTime
  ? undefined
  : setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        if (kb > polledKB) polledKB = kb;
      } catch {
        // The child has exited.
      }
    }, 50);
const code = await new Promise((resolve) => child.on('close', resolve));
if (poll !== undefined) clearInterval(poll);
const wallMs = Math.round(performance.now() - started);
if (code !== 0) {
  console.error(stderr);
  throw new Error(`edu-quality index exited ${code}`);
}
const peakKB = useTime
  ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN)
  : polledKB;
const out = JSON.parse(stdout);

const result = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100),
  },
  input: {
    rows: out.responses.counts.read,
    accepted: out.responses.counts.accepted,
    bytes,
    columns: '30 Likert + NPS + weight + institution (200)',
  },
  command: `edu-quality index <file> -Q bench/survey-questionnaire.json --by institution --format json`,
  measuredWith: useTime
    ? '/usr/bin/time -v (maximum resident set size)'
    : '/proc/<pid>/status VmHWM',
  peakRssMB: Math.round(peakKB / 1024),
  peakRssBytesPerInputByte: Math.round(((peakKB * 1024) / bytes) * 100) / 100,
  wallMs,
  index: out.index.score,
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'index-1gb-rss.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
if (process.env.BENCH_KEEP !== '1') rmSync(file);
