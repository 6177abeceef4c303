import { describe, expect, it } from 'vitest';
import { EduQualityError } from './errors.js';
import { formatIssue } from './issue.js';
import { isSafeKey } from './is-safe-key.js';

describe('EduQualityError', () => {
  it('carries its code, cause and issues', () => {
    const cause = new Error('root');
    const issues = [{ code: 'x', message: 'y', row: 2 }];
    const error = new EduQualityError('invalid-input', 'readResponses: bad file', {
      cause,
      issues,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('EduQualityError');
    expect(error.code).toBe('invalid-input');
    expect(error.cause).toBe(cause);
    expect(error.issues).toEqual(issues);
  });
  it('is recognised across copies of the package through the Symbol.for marker', () => {
    // A second copy of the class has its own identity but the same registered symbol.
    const foreign = new Error('from another copy');
    Object.defineProperty(foreign, Symbol.for('@edu-quality/core/EduQualityError'), {
      value: true,
    });
    expect(EduQualityError.isInstance(foreign)).toBe(true);
    expect(EduQualityError.isInstance(new Error('plain'))).toBe(false);
    expect(EduQualityError.isInstance(null)).toBe(false);
    expect(EduQualityError.isInstance('EduQualityError')).toBe(false);
  });
});

describe('formatIssue', () => {
  it('puts row, column and field before the message', () => {
    expect(formatIssue({ code: 'c', message: 'm', row: 3, column: 2, field: 'q1' })).toBe(
      'row 3, column 2 (q1): m [c]',
    );
    expect(formatIssue({ code: 'c', message: 'm' })).toBe('m [c]');
    expect(formatIssue({ code: 'c', message: 'm', row: 1, field: 'q' })).toBe(
      'row 1, field q: m [c]',
    );
  });
});

describe('isSafeKey', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('rejects %s', (key) => {
    expect(isSafeKey(key)).toBe(false);
  });
  it('accepts ordinary keys', () => {
    expect(isSafeKey('proto')).toBe(true);
  });
});
