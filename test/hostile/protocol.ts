/** The messages between hostile.test.ts and its child processes (runner.ts). */

/** One corpus file to run. */
export interface Job {
  readonly file: string;
  readonly questionnaire: string;
  /** The folder the report is written to (and the CLI's working folder). */
  readonly out: string;
  readonly minGroupSize: number;
  /** Extra CLI arguments, such as `--encoding windows-1257`. */
  readonly args?: readonly string[];
  /** Extra `readResponsesSync` options, such as `{ encoding: 'windows-1257' }`. */
  readonly library?: Readonly<Record<string, unknown>>;
}

/** A thrown error as data. */
export interface ThrownError {
  /** An `EduQualityError` (a refusal); anything else is a crash. */
  readonly eduQuality: boolean;
  readonly name: string;
  readonly code: string | null;
  readonly message: string;
}

/** What the library did with a file. */
export interface LibraryResult {
  readonly counts: {
    readonly read: number;
    readonly accepted: number;
    readonly rejected: number;
    readonly droppedAnswers: number;
  } | null;
  readonly score: number | null;
  readonly n: number | null;
  /** `protectedBreakdowns()` of institution and institution × group (one joint pattern), as JSON. */
  readonly breakdowns: readonly unknown[];
  readonly error: ThrownError | null;
  /** `readResponses` of the same file in 7-byte chunks, then `satisfactionIndex`. */
  readonly streamed: {
    readonly counts: LibraryResult['counts'];
    readonly score: number | null;
    readonly n: number | null;
    readonly error: ThrownError | null;
  };
}

/** One in-process run of the CLI. */
export interface CliRun {
  /** The exit code, or null when `run()` threw. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly threw: ThrownError | null;
}

/** The stage a job is in, reported before it starts (to name what hung). */
export type Stage = 'library' | 'library stream' | 'cli index' | 'cli report';

/** What a job returned. */
export interface JobResult {
  readonly file: string;
  readonly library: LibraryResult;
  readonly index: CliRun;
  readonly report: CliRun;
}
