// What NokCsvFilePool and its worker exchange, and reading a byte range.
import { readSync } from 'node:fs';
import { EduQualityError, type Issue } from '@edu-quality/core';
import type { NokCsvPart, NokCsvPartOptions } from '@edu-quality/index';
import type { Questionnaire } from '@edu-quality/questionnaire';

/** A part of a file to count. */
export interface PartRequest {
  /** The file, opened by the pool (descriptors are shared by the threads of a process). */
  readonly fd: number;
  readonly start: number;
  readonly end: number;
  readonly questionnaire: Questionnaire;
  readonly options: NokCsvPartOptions;
}

/** A counted part, or the error that stopped it. */
export interface PartReply {
  readonly part?: NokCsvPart;
  readonly error?: {
    /** Whether it is an `EduQualityError` (its code is then an `ErrorCode`). */
    readonly library: boolean;
    readonly code: string;
    readonly message: string;
    readonly issues: Issue[];
  };
}

/** Fills `into` with the bytes of the file from `position` on (a short read is an error). */
export function readRange(fd: number, into: Uint8Array, position: number): void {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) {
      throw new EduQualityError(
        'invalid-input',
        'countNokCsvFile: the file is shorter than it was when it was measured (it changed while it was read)',
      );
    }
    done += n;
  }
}
