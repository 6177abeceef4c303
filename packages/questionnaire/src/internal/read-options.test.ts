// The options of readResponses are checked before anything is read: an
// unknown key or an invalid value is an invalid-argument error naming it.
import { EduQualityError } from '@edu-quality/core';
import { describe, expect, it } from 'vitest';
import { readResponsesSync, type ReadResponsesOptions } from '../read-responses.js';
import { QuestionnaireSchema, type Questionnaire } from '../schema.js';

const questionnaire: Questionnaire = QuestionnaireSchema.parse({
  id: 'o',
  version: '1',
  title: { en: 'Q' },
  locales: ['en'],
  defaultLocale: 'en',
  sections: [
    { id: 's', title: { en: 'S' }, questions: [{ id: 'nps', kind: 'nps', text: { en: 'NPS' } }] },
  ],
});

function errorOf(options: unknown): EduQualityError {
  try {
    readResponsesSync(questionnaire, 'nps\n9\n', options as ReadResponsesOptions);
  } catch (error) {
    if (EduQualityError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('readResponses options', () => {
  it.each([
    [{ decimalmark: ',' }, 'readResponses: options.decimalmark is not an option of readResponses'],
    [{ idcolumn: 'id' }, 'readResponses: options.idcolumn is not an option of readResponses'],
    [{ decimalMark: ';' }, 'readResponses: options.decimalMark must be one of ",", "."'],
    [
      { duplicateIds: 'drop' },
      'readResponses: options.duplicateIds must be one of "reject", "keep", "fail"',
    ],
    [
      { onInvalid: 'ignore' },
      'readResponses: options.onInvalid must be one of "reject-row", "drop-answer", "fail"',
    ],
    [{ maxIssues: -1 }, 'readResponses: options.maxIssues must be a non-negative integer'],
    [{ idColumn: 7 }, 'readResponses: options.idColumn must be a non-empty string'],
    [{ onProgress: 'yes' }, 'readResponses: options.onProgress must be a function'],
    [null, 'readResponses: options must be an object'],
  ])('%j is refused with invalid-argument', (options, message) => {
    const error = errorOf(options);
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toBe(message);
  });

  it('undefined values count as absent', () => {
    const set = readResponsesSync(questionnaire, 'nps\n9\n', {
      decimalMark: undefined,
      duplicateIds: undefined,
    } as unknown as ReadResponsesOptions);
    expect(set.counts.accepted).toBe(1);
  });
});
