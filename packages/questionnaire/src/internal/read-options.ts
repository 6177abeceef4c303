// The options of readResponses, checked before a byte is read: an unknown key
// (a typo such as `decimalmark`) or a value of the wrong kind is an error
// naming the option, never silently ignored.
import { EduQualityError } from '@edu-quality/core';

type Check = (value: unknown) => string | undefined;

const oneOf =
  (...allowed: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value)
      ? undefined
      : `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;

const text: Check = (value) =>
  typeof value === 'string' && value !== '' ? undefined : 'must be a non-empty string';

const object: Check = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? undefined
    : 'must be an object';

const CHECKS: Readonly<Record<string, Check>> = {
  delimiter: oneOf(',', ';', '\t', '|'),
  columns: object,
  weightColumn: text,
  idColumn: text,
  labels: object,
  multiSeparator: text,
  onInvalid: oneOf('reject-row', 'drop-answer', 'fail'),
  onProgress: (value) => (typeof value === 'function' ? undefined : 'must be a function'),
  signal: (value) =>
    typeof value === 'object' && value !== null && 'aborted' in value
      ? undefined
      : 'must be an AbortSignal',
  maxIssues: (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0
      ? undefined
      : 'must be a non-negative integer',
  decimalMark: oneOf(',', '.'),
  duplicateIds: oneOf('reject', 'keep', 'fail'),
  // Which encodings: checked by the source decoder (checkEncoding).
  encoding: text,
};

/**
 * Throws an `invalid-argument` EduQualityError naming the first unknown
 * option key or invalid option value; `undefined` values count as absent.
 */
export function checkReadOptions(options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new EduQualityError('invalid-argument', 'readResponses: options must be an object');
  }
  for (const [key, value] of Object.entries(options)) {
    const check = Object.hasOwn(CHECKS, key) ? CHECKS[key] : undefined;
    if (check === undefined) {
      throw new EduQualityError(
        'invalid-argument',
        `readResponses: options.${key.length > 64 ? `${key.slice(0, 61)}...` : key} is not an option of readResponses`,
      );
    }
    const problem = value === undefined ? undefined : check(value);
    if (problem !== undefined) {
      throw new EduQualityError('invalid-argument', `readResponses: options.${key} ${problem}`);
    }
  }
}
