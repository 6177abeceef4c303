/**
 * The child process of the hostile-input test: it runs one corpus file at a
 * time through the library and the CLI (in-process, `run()` from
 * `@edu-quality/cli`) and sends back what they returned, printed and threw.
 * A child of its own so that the test can kill it on a hang (a synchronous
 * endless loop would block the test's own thread) and start another.
 * Started by hostile.test.ts with `node --conditions=@edu-quality/source --import tsx`.
 */
import { readFileSync } from 'node:fs';
import { EduQualityError } from '@edu-quality/core';
import { protectedBreakdowns, satisfactionIndex, type BreakdownResult } from '@edu-quality/index';
import { parseQuestionnaire, readResponses, readResponsesSync } from '@edu-quality/questionnaire';
import { run } from '@edu-quality/cli';
import type { Job, JobResult, LibraryResult, CliRun, Stage } from './protocol.ts';

function send(message: { stage: Stage } | JobResult): void {
  process.send?.(message);
}

/** An error as data: an EduQualityError is a refusal, any other error a crash. */
function thrown(error: unknown): LibraryResult['error'] {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    eduQuality: EduQualityError.isInstance(error),
    name: e.name,
    code:
      (error as { code?: unknown }).code === undefined
        ? null
        : String((error as { code?: unknown }).code),
    message: e.message,
  };
}

/** The cells of a breakdown, as the auditor reads them from results.json. */
function cells(b: BreakdownResult): unknown {
  return JSON.parse(JSON.stringify(b)) as unknown;
}

/** The bytes in 7-byte chunks: every multi-byte character and CRLF gets split somewhere. */
async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += 7) {
    await Promise.resolve();
    yield bytes.subarray(at, at + 7);
  }
}

/** readResponses on a stream of small chunks: the same counts and index as one read, or a refusal. */
async function streamed(job: Job): Promise<LibraryResult['streamed']> {
  const questionnaire = parseQuestionnaire(JSON.parse(readFileSync(job.questionnaire, 'utf8')));
  try {
    const set = await readResponses(
      questionnaire,
      chunks(readFileSync(job.file)),
      job.library ?? {},
    );
    try {
      const { score, n } = satisfactionIndex(set);
      return { counts: { ...set.counts }, score, n, error: null };
    } catch (error) {
      return { counts: { ...set.counts }, score: null, n: null, error: thrown(error) };
    }
  } catch (error) {
    return { counts: null, score: null, n: null, error: thrown(error) };
  }
}

function library(job: Job): Omit<LibraryResult, 'streamed'> {
  const questionnaire = parseQuestionnaire(JSON.parse(readFileSync(job.questionnaire, 'utf8')));
  let counts: LibraryResult['counts'] = null;
  try {
    const set = readResponsesSync(questionnaire, readFileSync(job.file), job.library ?? {});
    counts = { ...set.counts };
    const index = satisfactionIndex(set);
    // The two tables published together, as the CLI and buildReport publish
    // them: through protectedBreakdowns, the library's API for several linked
    // tables. Two separate breakdown() calls each protect one table alone and
    // do not claim to protect against differencing across tables (a cell of
    // institution × group against its institution), so auditing them jointly
    // checked a guarantee the library never gives for that use.
    const breakdowns = protectedBreakdowns(set, {
      tables: [['institution'], ['institution', 'group']],
      minGroupSize: job.minGroupSize,
    }).tables.map(cells);
    return { counts, score: index.score, n: index.n, breakdowns, error: null };
  } catch (error) {
    return { counts, score: null, n: null, breakdowns: [], error: thrown(error) };
  }
}

async function cli(argv: readonly string[], cwd: string): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io = {
    stdout: { write: (text: string) => (stdout.push(text), true) },
    stderr: { write: (text: string) => (stderr.push(text), true) },
    cwd,
    env: { CI: '1' },
  };
  try {
    const code = await run(argv, io);
    return { code, stdout: stdout.join(''), stderr: stderr.join(''), threw: null };
  } catch (error) {
    // run() documents that it never throws: a throw is a crash.
    return { code: null, stdout: stdout.join(''), stderr: stderr.join(''), threw: thrown(error) };
  }
}

async function handle(job: Job): Promise<JobResult> {
  send({ stage: 'library' });
  const sync = library(job);
  send({ stage: 'library stream' });
  const lib: LibraryResult = { ...sync, streamed: await streamed(job) };
  const by = ['--by', 'institution', '--by', 'institution+group'];
  const common = ['-Q', job.questionnaire, ...by, '--format', 'json', ...(job.args ?? [])];
  send({ stage: 'cli index' });
  const index = await cli(['index', job.file, ...common], job.out);
  send({ stage: 'cli report' });
  const report = await cli(['report', job.file, ...common, '--out', job.out], job.out);
  return { file: job.file, library: lib, index, report };
}

process.on('message', (job: Job) => {
  void handle(job).then(send);
});

// Load what the first report would load (the workbook writer), then say so:
// the test times each job from here, so a slow start is no hang.
await import('@edu-quality/report/xlsx');
process.send?.({ ready: true });
