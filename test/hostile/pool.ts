/**
 * Runs jobs in child processes (runner.ts), `size` at a time, each with a
 * timeout: a job that does not answer in time is a hang; its child is killed
 * and a fresh one takes the next job.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Job, JobResult, Stage } from './protocol.ts';

/** A job's outcome: its result, or the stage it hung (or died) in. */
export type Outcome =
  | { readonly kind: 'done'; readonly result: JobResult; readonly ms: number }
  | { readonly kind: 'hang' | 'died'; readonly stage: Stage | 'start'; readonly ms: number };

interface Worker {
  child: ChildProcess;
  /** Resolves when the child has loaded the sources. */
  ready: Promise<void>;
}

function spawn(root: string): Worker {
  const child = fork(join(import.meta.dirname, 'runner.ts'), [], {
    cwd: root,
    execArgv: ['--conditions=@edu-quality/source', '--import', 'tsx'],
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      if ((message as { ready?: boolean }).ready === true) {
        child.off('message', onMessage);
        resolve();
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => {
      reject(new Error(`the runner exited with ${String(code)} before it was ready`));
    });
  });
  // A rejection is awaited before the first job; keep Node from reporting it early.
  ready.catch(() => undefined);
  return { child, ready };
}

function once(worker: Worker, job: Job, timeoutMs: number): Promise<Outcome> {
  const started = performance.now();
  let stage: Stage | 'start' = 'start';
  return new Promise((resolve) => {
    const finish = (outcome: Outcome): void => {
      clearTimeout(timer);
      worker.child.off('message', onMessage);
      worker.child.off('exit', onExit);
      resolve(outcome);
    };
    const onMessage = (message: { stage: Stage } | JobResult): void => {
      if ('stage' in message) stage = message.stage;
      else finish({ kind: 'done', result: message, ms: performance.now() - started });
    };
    const onExit = (): void => {
      finish({ kind: 'died', stage, ms: performance.now() - started });
    };
    const timer = setTimeout(() => {
      finish({ kind: 'hang', stage, ms: performance.now() - started });
    }, timeoutMs);
    worker.child.on('message', onMessage);
    worker.child.on('exit', onExit);
    worker.child.send(job);
  });
}

/** Runs every job; the outcomes are in the jobs' order. */
export async function runAll(
  root: string,
  jobs: readonly Job[],
  options: { size: number; timeoutMs: number },
): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(jobs.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    let worker = spawn(root);
    while (next < jobs.length) {
      await worker.ready;
      const i = next++;
      const job = jobs[i]!;
      const outcome = await once(worker, job, options.timeoutMs);
      outcomes[i] = outcome;
      if (outcome.kind !== 'done') {
        worker.child.kill('SIGKILL');
        worker = spawn(root);
      }
    }
    worker.child.kill();
  };
  await Promise.all(Array.from({ length: options.size }, lane));
  return outcomes;
}
