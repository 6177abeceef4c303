import { closeSync, fstatSync, openSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { EduQualityError, type ErrorCode } from '@edu-quality/core';
import {
  countNokCsv,
  mergeNokCsvParts,
  type NokCsvOptions,
  type NokCsvPart,
  type NokCsvPartOptions,
  type NokCsvResult,
} from '@edu-quality/index';
import type { Questionnaire } from '@edu-quality/questionnaire';
import { readRange, type PartReply, type PartRequest } from './internal/nok-part.js';

/** Options of {@link NokCsvFilePool}. */
export interface NokCsvFilePoolOptions {
  /** How many worker threads. Default: the available parallelism. */
  readonly threads?: number;
  /** Parts smaller than this many bytes are not worth a thread. Default 4 MiB. */
  readonly minPartBytes?: number;
  /**
   * How many parts per thread the file is cut into; they go to the threads
   * as these come free. Default 1: on the NOK benchmark more parts cost more
   * than they balance (each reply waits for the calling thread, which may be
   * busy, before the next part is handed out).
   */
  readonly partsPerThread?: number;
}

/** What {@link NokCsvFilePool.count} returns: the counts, and how the file was cut. */
export interface NokCsvFileResult extends NokCsvResult {
  /** How many parts were counted in parallel (1: the file was read in one piece). */
  readonly parts: number;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const WINDOW = 1 << 16;
const HEADER_LIMIT = 1 << 20;

/** The worker script beside this module (dist/nok-worker.js; from source, the built one). */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('../dist/nok-worker.js', here)
    : new URL('./nok-worker.js', here);
}

/**
 * The Node flags for the workers: this process's, without the repository's
 * `@edu-quality/source` condition (a test runner's), so that the built
 * worker loads the built packages; undefined (the workers inherit them as
 * Node does, leaving out the flags a worker cannot take, such as
 * `--expose-gc`) when there is no such condition.
 */
function workerArgv(): string[] | undefined {
  const out: string[] = [];
  const argv = process.execArgv;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    if (arg.includes('@edu-quality/source')) continue;
    if ((arg === '-C' || arg === '--conditions') && argv[k + 1]?.includes('@edu-quality/source')) {
      k++;
      continue;
    }
    out.push(arg);
  }
  return out.length === argv.length ? undefined : out;
}

/** A worker; flags a worker cannot take (Node names them in its error) are left out. */
function startWorker(): Worker {
  let execArgv = workerArgv();
  for (;;) {
    try {
      return new Worker(workerUrl(), execArgv === undefined ? {} : { execArgv });
    } catch (error) {
      const e = error as { code?: unknown; message?: unknown };
      if (execArgv === undefined || e.code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
      const invalid = String(e.message).split(': ').at(-1)?.split(', ') ?? [];
      const kept = execArgv.filter((arg) => !invalid.includes(arg));
      if (kept.length === execArgv.length) throw error;
      execArgv = kept;
    }
  }
}

/**
 * The end of the header record of a file (quote-aware), its text, and where
 * the body starts; undefined when the header is not plain enough to hand to
 * the parts (longer than 1 MiB, or not valid UTF-8).
 */
function readHeader(fd: number, size: number): { text: string; bodyStart: number } | undefined {
  // The first 64 KiB usually hold it; up to 1 MiB is read if they do not.
  let head = new Uint8Array(Math.min(size, WINDOW));
  readRange(fd, head, 0);
  if (head.indexOf(LF) < 0 && head.indexOf(CR) < 0 && size > WINDOW) {
    head = new Uint8Array(Math.min(size, HEADER_LIMIT));
    readRange(fd, head, 0);
  }
  let s = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) s = 3;
  if (head[s] === LF || head[s] === CR) return undefined;
  let quoted = false;
  for (let i = s; i < head.length; i++) {
    const c = head[i]!;
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) {
      if (c === CR && head[i + 1] !== LF) return undefined;
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
          head.subarray(0, i),
        );
      } catch {
        return undefined;
      }
      return { text, bodyStart: i + (c === CR ? 2 : 1) };
    }
  }
  return undefined;
}

/** The offset after the first line feed at or after `from`, or -1 within the window. */
function nextLine(fd: number, from: number, size: number): number {
  const window = new Uint8Array(Math.min(WINDOW, size - from));
  readRange(fd, window, from);
  const i = window.indexOf(LF);
  return i < 0 ? -1 : from + i + 1;
}

function rethrow(error: NonNullable<PartReply['error']>, offset: number): never {
  if (!error.library) {
    // Not the counter's own error (a file that cannot be read, say): an
    // Error with the same message and code.
    throw Object.assign(new Error(error.message), { code: error.code });
  }
  const issues = error.issues.map((issue) =>
    issue.row === undefined || issue.row <= 1 ? issue : { ...issue, row: issue.row + offset },
  );
  throw new EduQualityError(error.code as ErrorCode, error.message, { issues });
}

/**
 * Counts the answers of a NOK survey export file per organisation on several
 * threads: the file is cut at line feeds into one part per thread, each part
 * is read from disk straight into its thread's counter
 * (`countNokCsvPart` of `@edu-quality/index`), and the parts are merged.
 * The result is the one `countNokCsv` gives for the whole file.
 *
 * @remarks
 * Node only. Start the pool once and reuse it: its threads start and compile
 * the counter once. A file smaller than two parts, a header that is not
 * plain, or a cut that falls inside a quoted cell (a part comes back
 * incomplete) is read in one piece on the calling thread instead.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { nokEducationQuestionnaire } from '@edu-quality/templates';
 * const file = join(tmpdir(), 'nok-answers.csv');
 * writeFileSync(file, 'organisation,q1,q2\nschool-1,yes,yes\nschool-2,yes,no\n');
 * const pool = new NokCsvFilePool({ threads: 2 });
 * const counted = await pool.count(nokEducationQuestionnaire, file);
 * await pool.close();
 * counted.accumulator.result().get('school-1')?.standsSatisfied; // => 1
 * counted.parts; // => 1
 * ```
 */
export class NokCsvFilePool {
  readonly #threads: number;
  readonly #minPartBytes: number;
  readonly #partsPerThread: number;
  #workers: Worker[] | undefined;

  /**
   * @param options - the number of threads and the smallest part
   * @throws {@link @edu-quality/core!EduQualityError} `invalid-argument` when `threads` is not a positive integer
   */
  constructor(options: NokCsvFilePoolOptions = {}) {
    const threads = options.threads ?? availableParallelism();
    if (!(Number.isInteger(threads) && threads >= 1)) {
      throw new EduQualityError(
        'invalid-argument',
        `NokCsvFilePool: threads must be a positive integer, got ${threads}`,
      );
    }
    this.#threads = threads;
    this.#minPartBytes = options.minPartBytes ?? 4 << 20;
    this.#partsPerThread = options.partsPerThread ?? 1;
  }

  /** Starts the threads now rather than at the first count (so a benchmark does not time it). */
  start(): void {
    this.#workers ??= Array.from({ length: this.#threads }, () => {
      const worker = startWorker();
      worker.unref();
      return worker;
    });
  }

  /**
   * Counts a file.
   *
   * @param questionnaire - the NOK questionnaire the export answers
   * @param path - the CSV file
   * @param options - as `countNokCsv`
   * @returns the counts, rows and issues, and how many parts were counted in parallel
   * @throws {@link @edu-quality/core!EduQualityError} as `countNokCsv` throws
   */
  async count(
    questionnaire: Questionnaire,
    path: string,
    options: NokCsvOptions = {},
  ): Promise<NokCsvFileResult> {
    // One open file for the whole count: the threads read their parts
    // through it, so a file replaced meanwhile is not read half from each.
    const fd = openSync(path, 'r');
    try {
      return await this.#count(questionnaire, fd, options);
    } finally {
      closeSync(fd);
    }
  }

  async #count(
    questionnaire: Questionnaire,
    fd: number,
    options: NokCsvOptions,
  ): Promise<NokCsvFileResult> {
    const size = fstatSync(fd).size;
    const whole = (): NokCsvFileResult => ({
      ...countNokCsv(
        questionnaire,
        {
          byteLength: size,
          read: (into) => {
            readRange(fd, into, 0);
          },
        },
        options,
      ),
      parts: 1,
    });
    const requests = this.#cut(fd, size, questionnaire, options);
    if (requests === undefined) return whole();
    this.start();
    const workers = this.#workers!;
    // The parts go to the threads as they come free: with more parts than
    // threads, a thread slowed by other work (the caller's own, say) takes
    // fewer of them. After a failure no part is handed out; the parts in
    // flight are awaited, so no reply is left to a later count. A thread that
    // dies (or cannot be sent a part) stops the pool: its threads are ended
    // and the next count starts new ones.
    const replies: PartReply[] = new Array<PartReply>(requests.length);
    let next = 0;
    let failure: unknown;
    let broken = false;
    const ask = (worker: Worker, request: PartRequest): Promise<PartReply> =>
      new Promise<PartReply>((resolve, reject) => {
        const done = (): void => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        };
        const onMessage = (reply: PartReply): void => {
          done();
          resolve(reply);
        };
        const onError = (error: unknown): void => {
          done();
          reject(error instanceof Error ? error : new Error(String(error)));
        };
        const onExit = (code: number): void => {
          done();
          reject(new Error(`NokCsvFilePool: a worker thread stopped (exit code ${code})`));
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        try {
          worker.postMessage(request);
        } catch (error) {
          done();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    const drain = async (worker: Worker): Promise<void> => {
      while (next < requests.length && failure === undefined) {
        const k = next++;
        try {
          replies[k] = await ask(worker, requests[k]!);
          if (replies[k].error !== undefined) failure ??= replies[k].error;
        } catch (error) {
          failure ??= error;
          broken = true;
        }
      }
    };
    for (const worker of workers) worker.ref();
    try {
      await Promise.all(workers.map(drain));
    } finally {
      if (broken) await this.close();
      else for (const worker of workers) worker.unref();
    }
    if (broken) throw failure instanceof Error ? failure : new Error(String(failure));
    const parts: NokCsvPart[] = [];
    let offset = 0;
    for (const reply of replies) {
      // The first failed part in file order (earlier parts all came back).
      if (reply === undefined) break;
      if (reply.error !== undefined) rethrow(reply.error, offset);
      parts.push(reply.part!);
      offset += reply.part!.records;
    }
    // A cut inside a quoted cell: the file in one piece.
    if (parts.some((part) => !part.complete)) return whole();
    return { ...mergeNokCsvParts(questionnaire, parts, options), parts: parts.length };
  }

  #cut(
    fd: number,
    size: number,
    questionnaire: Questionnaire,
    options: NokCsvOptions,
  ): PartRequest[] | undefined {
    const n = Math.min(this.#threads * this.#partsPerThread, Math.floor(size / this.#minPartBytes));
    if (n < 2 || this.#threads < 2) return undefined;
    const header = readHeader(fd, size);
    if (header === undefined) return undefined;
    const cuts = [0];
    for (let k = 1; k < n; k++) {
      const at = nextLine(fd, Math.max(header.bodyStart, Math.floor((size * k) / n)), size);
      if (at < 0 || at <= cuts[cuts.length - 1]! || at >= size) return undefined;
      cuts.push(at);
    }
    cuts.push(size);
    return cuts.slice(0, -1).map((start, k) => {
      const last = k === cuts.length - 2;
      const partOptions: NokCsvPartOptions = {
        ...options,
        ...(k === 0 ? {} : { header: header.text }),
        final: last,
      };
      return { fd, start, end: cuts[k + 1]!, questionnaire, options: partOptions };
    });
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    const workers = this.#workers ?? [];
    this.#workers = undefined;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * Counts a NOK survey export file per organisation on every CPU: a
 * {@link NokCsvFilePool} for one file, closed afterwards.
 *
 * @param questionnaire - the NOK questionnaire the export answers
 * @param path - the CSV file
 * @param options - as `countNokCsv`, and the number of threads
 * @returns the counts, rows and issues, and how many parts were counted in parallel
 * @throws {@link @edu-quality/core!EduQualityError} as `countNokCsv` throws
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { nokEducationQuestionnaire } from '@edu-quality/templates';
 * const file = join(tmpdir(), 'nok-answers-2.csv');
 * writeFileSync(file, 'organisation,q14\nschool-1,yes\nschool-1,no\n');
 * const counted = await countNokCsvFile(nokEducationQuestionnaire, file);
 * counted.counts.accepted; // => 2
 * ```
 */
export async function countNokCsvFile(
  questionnaire: Questionnaire,
  path: string,
  options: NokCsvOptions & NokCsvFilePoolOptions = {},
): Promise<NokCsvFileResult> {
  const { threads, minPartBytes, partsPerThread, ...countOptions } = options;
  const pool = new NokCsvFilePool({
    ...(threads === undefined ? {} : { threads }),
    ...(minPartBytes === undefined ? {} : { minPartBytes }),
    ...(partsPerThread === undefined ? {} : { partsPerThread }),
  });
  try {
    return await pool.count(questionnaire, path, countOptions);
  } finally {
    await pool.close();
  }
}
