// Respondent weights are validated when they are read: positive, finite,
// within [MIN_WEIGHT, MAX_WEIGHT]. Rows are numbered as the CSV shows them
// (header = row 1); the oracle of every row number is the CSV in the test.
import { describe, expect, it } from 'vitest';
import { readResponsesSync } from './read-responses.js';
import { QuestionnaireSchema, type Questionnaire } from './schema.js';
import { MAX_WEIGHT, MIN_WEIGHT } from './weight-range.js';

const questionnaire: Questionnaire = QuestionnaireSchema.parse({
  id: 'w',
  version: '1',
  title: { en: 'Q' },
  locales: ['en'],
  defaultLocale: 'en',
  sections: [
    { id: 's', title: { en: 'S' }, questions: [{ id: 'nps', kind: 'nps', text: { en: 'NPS' } }] },
  ],
});

describe('weights at read time', () => {
  it('a zero weight is one issue with its CSV row and column, and the row is rejected', () => {
    const set = readResponsesSync(questionnaire, 'nps,weight\n9,1\n8,0\n7,2\n6,0.0\n');
    expect(set.counts).toEqual({ read: 4, accepted: 2, rejected: 2, droppedAnswers: 0 });
    expect(Array.from(set.weights ?? [])).toEqual([1, 2]);
    expect(set.issues.map((i) => [i.code, i.row, i.column, i.field])).toEqual([
      ['zero-weight', 3, 2, 'weight'],
      ['zero-weight', 5, 2, 'weight'],
    ]);
  });

  it('refuses non-finite, negative, subnormal and absurd weights, on the fast and general paths', () => {
    const cells = ['1e308', '1e-320', '5e-324', '-1', 'Infinity', 'NaN', '1000001', '0.0000009'];
    // The last row has no line end, so it is read by the general loop.
    const csv = `nps,weight\n${cells.map((c) => `9,${c}`).join('\n')}\n9,1e400`;
    const set = readResponsesSync(questionnaire, csv, { onInvalid: 'drop-answer' });
    expect(set.counts).toEqual({ read: 9, accepted: 0, rejected: 9, droppedAnswers: 0 });
    expect(set.issues.map((i) => [i.code, i.row])).toEqual(
      [2, 3, 4, 5, 6, 7, 8, 9, 10].map((row) => ['invalid-weight', row]),
    );
    expect(set.issues[3]?.message).toBe('the weight "-1" is negative');
    expect(set.issues[6]?.message).toBe(
      // describe() quotes numbers of up to 6 digits only.
      'the weight an answer of 7 characters is outside the accepted range 0.000001 to 1000000',
    );
  });

  it('accepts the bounds themselves', () => {
    const set = readResponsesSync(questionnaire, 'nps,weight\n9,0.000001\n8,1000000\n7,1e6\n');
    expect(Array.from(set.weights ?? [])).toEqual([MIN_WEIGHT, MAX_WEIGHT, MAX_WEIGHT]);
    expect(set.issues).toEqual([]);
  });

  it('records: a numeric 0, Infinity or -0 weight is refused the same way', () => {
    const set = readResponsesSync(questionnaire, [
      { nps: 9, weight: 0 },
      { nps: 9, weight: Infinity },
      { nps: 9, weight: -0 },
      { nps: 9, weight: 1.5 },
    ]);
    expect(set.counts).toEqual({ read: 4, accepted: 1, rejected: 3, droppedAnswers: 0 });
    expect(set.issues.map((i) => [i.code, i.row])).toEqual([
      ['zero-weight', 2],
      ['invalid-weight', 3],
      ['zero-weight', 4],
    ]);
  });
});
