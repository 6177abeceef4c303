// NOK 344n scoring benchmark: nokAssessment on counts already counted.
//
//   pnpm exec turbo run build --filter=@edu-quality/index
//   node bench/nok.bench.mjs            # once, to generate bench/data
//   node bench/nok-scoring.bench.mjs
//
// The survey of bench/nok.bench.mjs (2,000 organisations, 400,000
// respondents) is read and counted into a NokSurveyAccumulator once, before
// timing. Timed:
// - scoring: nokAssessment({ organisations, responses: accumulator }) with the
//   audits already parsed: validation, every П, K and S, shortfalls, ranking,
//   the group means and the warnings;
// - with JSON parse: the same, preceded by JSON.parse of the audit file (its
//   text is read before timing, so the disk is out of the figure).
// Medians of RUNS repetitions after WARMUP untimed ones, with the load average
// and the CPU time (see measure).
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { NokSurveyAccumulator, nokAssessment } from '@edu-quality/index';
import { QuestionnaireSchema, readResponsesSync } from '@edu-quality/questionnaire';
import { nokBenchQuestionnaire } from './nok-questionnaire.mjs';
import { auditPath, csvPath, ensureNokData } from './nok-data.mjs';

const WARMUP = 10;
const RUNS = Number(process.env.RUNS ?? 31);

ensureNokData();

const questionnaire = QuestionnaireSchema.parse(nokBenchQuestionnaire);

const responses = readResponsesSync(questionnaire, readFileSync(csvPath), {
  delimiter: ',',
  columns: { id: null, q15: null },
});
const accumulator = new NokSurveyAccumulator().addResponses(responses);
const auditText = readFileSync(auditPath, 'utf8');
const organisations = JSON.parse(auditText);

const scoring = () => nokAssessment({ organisations, responses: accumulator });
const withParse = () =>
  nokAssessment({ organisations: JSON.parse(auditText), responses: accumulator });

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// Wall time, and the process's CPU time over the same call (user + system,
// every thread, so the GC's helper threads count): on a loaded machine the
// wall time also holds the time the process waited for a CPU, the CPU time
// does not.
function measure(fn) {
  for (let i = 0; i < WARMUP; i++) fn();
  const ms = [];
  const cpuMs = [];
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpuMs.push((d.user + d.system) / 1000);
  }
  return { ms, cpuMs };
}

const load = loadavg()[0];
const result = scoring();
const scoringMs = measure(scoring);
const parseMs = measure(withParse);
const f = (x) => x.toFixed(2);
const line = (name, { ms, cpuMs }) =>
  `${name}: median ${f(median(ms))} ms (min ${f(Math.min(...ms))}, max ${f(Math.max(...ms))}, ${ms.length} runs); CPU time median ${f(median(cpuMs))} ms`;
console.log(
  `NOK scoring, ${result.organisations.length} organisations, ${accumulator.result().size} counted; node ${process.version}, ${cpus().length} CPUs, load ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
);
console.log(line('nokAssessment on counts', scoringMs));
console.log(line('JSON.parse(audits) + nokAssessment on counts', parseMs));
