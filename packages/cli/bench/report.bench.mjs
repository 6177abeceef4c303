// Wall time of `edu-quality demo` and of `edu-quality report` on 1,000,000
// responses, with the built CLI in a child process, as a user runs it.
// The 1M export answers the education client-satisfaction questionnaire of
// @edu-quality/templates: generateResponses in 10 seeded chunks of 100,000,
// written as a ;-separated export with Lithuanian labels (as Excel writes it),
// to bench/data/ (not committed). Results go to bench/results/report.json.
//
//   pnpm build && node packages/cli/bench/report.bench.mjs [rows]
import { execFileSync } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import {
  educationSatisfactionQuestionnaire as questionnaire,
  generateResponses,
  responsesToCsv,
} from '@edu-quality/templates';

const root = new URL('../../..', import.meta.url).pathname;
const bin = join(root, 'packages', 'cli', 'dist', 'bin.js');
const rows = Number(process.argv[2] ?? 1_000_000);
const CHUNK = 100_000;
const data = join(root, 'bench', 'data', `education-${rows}.csv`);
const institutions = Array.from(
  { length: 60 },
  (_, i) => `Institution ${String(i + 1).padStart(2, '0')}`,
);

async function generate() {
  mkdirSync(join(root, 'bench', 'data'), { recursive: true });
  const out = createWriteStream(data);
  for (let done = 0, chunk = 0; done < rows; done += CHUNK, chunk++) {
    const n = Math.min(CHUNK, rows - done);
    const records = generateResponses(questionnaire, { n, seed: 1000 + chunk, institutions });
    for (const r of records)
      r.id = `R${String(done + Number(String(r.id).slice(1))).padStart(7, '0')}`;
    let csv = responsesToCsv(records, {
      questionnaire,
      delimiter: ';',
      labels: 'labels',
      locale: 'lt',
      bom: chunk === 0,
    });
    if (chunk > 0) csv = csv.slice(csv.indexOf('\n') + 1);
    if (!out.write(csv)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function timed(args, cwd) {
  const started = performance.now();
  const stdout = execFileSync(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, CI: '1' },
    maxBuffer: 256 << 20,
  });
  return { seconds: (performance.now() - started) / 1000, json: JSON.parse(String(stdout)) };
}

if (!existsSync(data)) {
  const t = performance.now();
  await generate();
  console.error(`generated ${data} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const loadAtStart = loadavg();
const dir = mkdtempSync(join(tmpdir(), 'edu-quality-bench-'));
const demoRuns = [1, 2, 3].map(
  () => timed(['demo', '--out', join(dir, 'demo'), '--format', 'json'], dir).seconds,
);
// Stages, to see where the time goes: reading only (validate), reading + index, the full report.
const validateSeconds = (() => {
  const started = performance.now();
  try {
    execFileSync(
      process.execPath,
      [bin, 'validate', 'builtin:education-satisfaction', '--responses', data, '--quiet'],
      { cwd: dir, env: { ...process.env, CI: '1' }, maxBuffer: 256 << 20 },
    );
  } catch (error) {
    if (error.status !== 1) throw error; // 1 = issues found, still a full read
  }
  return (performance.now() - started) / 1000;
})();
const indexRun = timed(
  [
    'index',
    data,
    '--questionnaire',
    'builtin:education-satisfaction',
    '--by',
    'institution',
    '--format',
    'json',
    '--quiet',
  ],
  dir,
);
const reportRun = timed(
  [
    'report',
    data,
    '--questionnaire',
    'builtin:education-satisfaction',
    '--out',
    join(dir, 'report'),
    '--by',
    'institution',
    '--format',
    'json',
    '--quiet',
  ],
  dir,
);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const result = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadAtStart.map((x) => Number(x.toFixed(2))),
    loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))),
  },
  method:
    'wall time of the built CLI (node packages/cli/dist/bin.js) in a child process, CI=1 (no progress bar), output to a temporary folder',
  demo: {
    command: 'edu-quality demo --out DIR --format json',
    what: '12 institutions, 2 waves (1,200 + 1,300 respondents): generate, write CSV, read back, index, report (HTML, Markdown, XLSX, CSV)',
    runsSeconds: demoRuns.map((s) => Number(s.toFixed(2))),
    medianSeconds: Number(median(demoRuns).toFixed(2)),
  },
  report: {
    command:
      'edu-quality report education-1000000.csv --questionnaire builtin:education-satisfaction --out DIR --by institution --format json --quiet',
    input: {
      rows,
      bytes: statSync(data).size,
      what: 'education client-satisfaction questionnaire (25 items: 12 satisfaction, 5 importance, overall, NPS, 3 segments, 2 open text), 60 institutions, ;-separated with Lithuanian labels',
    },
    accepted: reportRun.json.responses.counts.accepted,
    index: Number(reportRun.json.index.score.toFixed(4)),
    seconds: Number(reportRun.seconds.toFixed(2)),
    stages: {
      'validate (read 1M rows only)': Number(validateSeconds.toFixed(2)),
      'index --by institution (read + index + breakdown)': Number(indexRun.seconds.toFixed(2)),
      'report (read + every section + HTML, Markdown, XLSX, CSV)': Number(
        reportRun.seconds.toFixed(2),
      ),
    },
    files: reportRun.json.files,
  },
  note: 'The machine was shared with other builds and tests (load average above 2 CPUs at start and end, recorded above): the figures are upper bounds.',
};
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'report.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
console.log(JSON.stringify(result, null, 2));
