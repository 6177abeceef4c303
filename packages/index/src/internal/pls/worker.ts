// Parallel bootstrap on Node's worker_threads, loaded only on demand so that
// the package stays browser-safe: nothing here imports a Node module
// statically, and the specifiers are not string literals that a browser
// bundler would try to resolve.
//
// The workers run the built bundle itself (`new Worker(import.meta.url)`),
// marked by an argv flag; the hook at the bottom of this module starts the
// worker loop when it sees the flag. Under the TypeScript sources (tests) the
// module URL ends in .ts, which a plain Node worker cannot load, so the
// bootstrap runs in the calling thread instead.

import { runResamples, type ResampleChunk } from './bootstrap-core.js';
import type { PreparedPls } from './prepare.js';

/** The argv flag that marks a PLS bootstrap worker. */
export const WORKER_FLAG = '--edu-quality-pls-bootstrap-worker';

/** One worker's share of the bootstrap. */
export interface WorkerJob {
  readonly prep: PreparedPls;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
  readonly mins: Float64Array | undefined;
  readonly maxs: Float64Array | undefined;
  readonly reference: Float64Array;
}

interface WorkerLike {
  on(event: 'message', listener: (value: ResampleChunk) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  terminate(): Promise<number>;
}

interface WorkerThreadsModule {
  readonly Worker: new (url: URL, options: { workerData: WorkerJob; argv: string[] }) => WorkerLike;
  readonly parentPort: { postMessage(value: unknown, transfer?: unknown[]): void } | null;
  readonly workerData: unknown;
}

interface OsModule {
  availableParallelism?: () => number;
  cpus: () => unknown[];
}

interface ProcessLike {
  readonly argv?: readonly string[];
  readonly versions?: { readonly node?: string };
}

function nodeProcess(): ProcessLike | undefined {
  return (globalThis as { process?: ProcessLike }).process;
}

// A variable specifier keeps bundlers from resolving Node built-ins for the browser.
async function importNode<T>(name: string): Promise<T> {
  const specifier = `node:${name}`;
  return (await import(/* @vite-ignore */ specifier)) as T;
}

/** Whether worker threads can run this module: Node, and a built .js module. */
export function workersAvailable(): boolean {
  return nodeProcess()?.versions?.node !== undefined && /\.m?js$/.test(import.meta.url);
}

/** The default worker count: the available parallelism, at most 8. */
export async function defaultWorkers(): Promise<number> {
  const os = await importNode<OsModule>('os');
  const count = os.availableParallelism?.() ?? os.cpus().length;
  return Math.max(1, Math.min(8, count));
}

/** Runs the jobs in worker threads, one worker per job. */
export async function runInWorkers(jobs: readonly WorkerJob[]): Promise<ResampleChunk[]> {
  const threads = await importNode<WorkerThreadsModule>('worker_threads');
  const url = new URL(import.meta.url);
  return Promise.all(
    jobs.map(
      (job) =>
        new Promise<ResampleChunk>((resolve, reject) => {
          const worker = new threads.Worker(url, { workerData: job, argv: [WORKER_FLAG] });
          worker.on('message', (chunk) => {
            resolve(chunk);
            void worker.terminate();
          });
          worker.on('error', (error) => {
            reject(error instanceof Error ? error : new Error(String(error)));
          });
        }),
    ),
  );
}

async function workerMain(): Promise<void> {
  const threads = await importNode<WorkerThreadsModule>('worker_threads');
  const job = threads.workerData as WorkerJob;
  const chunk = runResamples(
    job.prep,
    job.seed,
    job.from,
    job.to,
    job.mins,
    job.maxs,
    job.reference,
  );
  threads.parentPort?.postMessage(chunk, [chunk.out.buffer]);
}

if (nodeProcess()?.argv?.includes(WORKER_FLAG) === true) void workerMain();
