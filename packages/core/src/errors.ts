import type { Issue } from './issue.js';

/**
 * The codes of errors thrown by edu-quality packages.
 *
 * - `invalid-input`: external data failed validation; the error carries its issues.
 * - `invalid-argument`: a function was called against its precondition.
 * - `not-converged`: an iterative algorithm stopped before it converged.
 * - `insufficient-data`: too few observations for the requested statistic.
 * - `unsupported`: a format or feature that the library does not handle.
 * - `aborted`: the caller aborted a long operation.
 * - `out-of-range`: an argument is of the right kind but beyond the documented
 *   bounds of the function (a deadline of more than ten years).
 */
export type ErrorCode =
  | 'invalid-input'
  | 'invalid-argument'
  | 'not-converged'
  | 'insufficient-data'
  | 'unsupported'
  | 'aborted'
  | 'out-of-range';

const MARKER: unique symbol = Symbol.for('@edu-quality/core/EduQualityError') as never;

/** Options of the {@link EduQualityError} constructor. */
export interface EduQualityErrorOptions {
  /** The underlying error, if any. */
  readonly cause?: unknown;
  /** The input problems behind an `invalid-input` error. */
  readonly issues?: readonly Issue[];
}

/**
 * The base class of every error that edu-quality throws.
 *
 * @remarks
 * Check errors with {@link EduQualityError.isInstance} rather than
 * `instanceof`: it recognises errors from a second copy of the package (two
 * versions installed side by side, or a bundle and a Node module) through a
 * `Symbol.for` marker.
 *
 * @example
 * ```ts
 * const error = new EduQualityError('invalid-argument', 'cronbachAlpha: needs at least two items');
 * EduQualityError.isInstance(error); // => true
 * error.code; // => 'invalid-argument'
 * ```
 */
export class EduQualityError extends Error {
  /** What kind of failure this is. */
  readonly code: ErrorCode;
  /** The input problems behind an `invalid-input` error; empty otherwise. */
  readonly issues: readonly Issue[];

  /**
   * @param code - what kind of failure this is
   * @param message - a message naming the function and the broken precondition
   * @param options - the cause and the issues
   */
  constructor(code: ErrorCode, message: string, options: EduQualityErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EduQualityError';
    this.code = code;
    this.issues = options.issues ?? [];
    Object.defineProperty(this, MARKER, { value: true });
  }

  /**
   * Tells whether a value is an {@link EduQualityError}, from any copy of the package.
   *
   * @param value - anything caught
   * @returns `true` when the value carries the edu-quality error marker
   */
  static isInstance(value: unknown): value is EduQualityError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[MARKER] === true
    );
  }
}
