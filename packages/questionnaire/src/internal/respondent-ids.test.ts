// Repeated respondent ids (readResponses, options.duplicateIds). The oracle
// of every count and row is the CSV as written in the test: the header is
// row 1, the first data row row 2.
import { EduQualityError } from '@edu-quality/core';
import { describe, expect, it } from 'vitest';
import { readResponsesSync } from '../read-responses.js';
import { RespondentIds } from './respondent-ids.js';
import { QuestionnaireSchema, type Questionnaire } from '../schema.js';

const questionnaire: Questionnaire = QuestionnaireSchema.parse({
  id: 'ids',
  version: '1',
  title: { en: 'Q' },
  locales: ['en'],
  defaultLocale: 'en',
  sections: [
    { id: 's', title: { en: 'S' }, questions: [{ id: 'nps', kind: 'nps', text: { en: 'NPS' } }] },
  ],
});

const body = 'R-1001,9\nR-1002,7\nR-1003,10\n';
const doubled = `respondent,nps\n${body}${body}`;

/** Feeds the CSV one byte at a time: every record is cut and scanned again. */
function byteChunks(text: string): Uint8Array[] {
  return Array.from(new TextEncoder().encode(text), (b) => Uint8Array.of(b));
}

describe('duplicate respondent ids', () => {
  it('a file appended to itself: the second copy is rejected, n is not doubled', () => {
    const set = readResponsesSync(questionnaire, doubled, { idColumn: 'respondent' });
    // Hand count: rows 2–4 are the respondents, rows 5–7 repeat rows 2–4.
    expect(set.counts).toEqual({ read: 6, accepted: 3, rejected: 3, droppedAnswers: 0 });
    expect(set.ids).toEqual(['R-1001', 'R-1002', 'R-1003']);
    expect(set.issues.map((i) => [i.code, i.row, i.column, i.field])).toEqual([
      ['duplicate-id', 5, 1, 'respondent'],
      ['duplicate-id', 6, 1, 'respondent'],
      ['duplicate-id', 7, 1, 'respondent'],
    ]);
    expect(set.issues.map((i) => i.message)).toEqual([
      'the respondent id repeats that of row 2',
      'the respondent id repeats that of row 3',
      'the respondent id repeats that of row 4',
    ]);
    // The id may be personal: no message repeats it.
    for (const issue of set.issues) expect(issue.message).not.toContain('R-10');
  });

  it('gives the same result one byte at a time, from records, and with the default id column', () => {
    const whole = readResponsesSync(questionnaire, doubled, { idColumn: 'respondent' });
    const bytes = readResponsesSync(questionnaire, byteChunks(doubled), { idColumn: 'respondent' });
    expect(bytes.counts).toEqual(whole.counts);
    expect(bytes.issues).toEqual(whole.issues);
    const records = doubled
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [respondent, nps] = line.split(',');
        return { respondent, nps };
      });
    const fromRecords = readResponsesSync(questionnaire, records, { idColumn: 'respondent' });
    expect(fromRecords.counts).toEqual(whole.counts);
    expect(fromRecords.issues.map((i) => i.row)).toEqual([5, 6, 7]);
    const byDefault = readResponsesSync(questionnaire, doubled.replace('respondent', 'id'));
    expect(byDefault.counts.rejected).toBe(3);
  });

  it("duplicateIds: 'keep' stores the rows and lists them as notices", () => {
    const set = readResponsesSync(questionnaire, doubled, {
      idColumn: 'respondent',
      duplicateIds: 'keep',
    });
    expect(set.counts).toEqual({ read: 6, accepted: 6, rejected: 0, droppedAnswers: 0 });
    expect(set.issues).toEqual([]);
    expect(set.notices?.map((i) => [i.code, i.row])).toEqual([
      ['duplicate-id', 5],
      ['duplicate-id', 6],
      ['duplicate-id', 7],
    ]);
  });

  it("duplicateIds: 'fail' throws at the first repeated id, naming both rows", () => {
    let error: unknown;
    try {
      readResponsesSync(questionnaire, doubled, { idColumn: 'respondent', duplicateIds: 'fail' });
    } catch (e) {
      error = e;
    }
    expect(EduQualityError.isInstance(error)).toBe(true);
    expect((error as EduQualityError).code).toBe('invalid-input');
    expect((error as EduQualityError).message).toContain(
      'row 5 repeats the respondent id of row 2',
    );
  });

  it('blank ids are never duplicates; spaces around an id are not part of it', () => {
    const csv = 'respondent,nps\n,9\n,8\n 17,7\n17 ,7\n017,5\n';
    const set = readResponsesSync(questionnaire, csv, { idColumn: 'respondent' });
    // Hand check: rows 2 and 3 have no id; " 17" (row 4) and "17 " (row 5)
    // are one id; "017" (row 6) is another.
    expect(set.counts).toEqual({ read: 5, accepted: 4, rejected: 1, droppedAnswers: 0 });
    expect(set.issues.map((i) => [i.code, i.row, i.message])).toEqual([
      ['duplicate-id', 5, 'the respondent id repeats that of row 4'],
    ]);
  });
});

describe('duplicate respondent ids with different answers', () => {
  it('refuse the file under the default duplicateIds: reject, naming both rows', () => {
    // Rows 2 and 4 share id 17 with nps 9 and 6: keeping the first would
    // publish an answer that may not be the respondent's (the hostile gate's
    // id-duplicates-conflicting.csv: its oracle drops both rows, or refuses).
    const csv = 'respondent,nps\n17,9\n18,8\n17,6\n';
    let error: unknown;
    try {
      readResponsesSync(questionnaire, csv, { idColumn: 'respondent' });
    } catch (e) {
      error = e;
    }
    expect(EduQualityError.isInstance(error)).toBe(true);
    const refusal = error as EduQualityError;
    expect(refusal.code).toBe('invalid-input');
    expect(refusal.message).toContain(
      'rows 2 and 4 have the same respondent id and different answers',
    );
    expect(refusal.issues?.map((i) => [i.code, i.row])).toEqual([['duplicate-id', 4]]);
    // keep reads both, with a notice.
    const kept = readResponsesSync(questionnaire, csv, {
      idColumn: 'respondent',
      duplicateIds: 'keep',
    });
    expect(kept.counts.accepted).toBe(3);
  });

  it('a repeat with the same answers and weight is rejected, the first row kept', () => {
    const csv = 'respondent,nps\n17,9\n18,8\n17,9\n';
    const set = readResponsesSync(questionnaire, csv, { idColumn: 'respondent' });
    expect(set.counts).toEqual({ read: 3, accepted: 2, rejected: 1, droppedAnswers: 0 });
    expect(set.issues.map((i) => [i.code, i.row])).toEqual([['duplicate-id', 4]]);
  });
});

describe('RespondentIds', () => {
  it('keeps 20,000 ids through its growth, and ids whose hashes collide apart', () => {
    const ids = new RespondentIds('reject');
    // Rows as a spreadsheet numbers them: id i on row i + 2.
    for (let i = 0; i < 20_000; i++) expect(ids.firstRow(`R-${i}`, i + 2)).toBe(0);
    for (let i = 0; i < 20_000; i += 997) expect(ids.firstRow(`R-${i}`, 99_999)).toBe(i + 2);
    // Equal 32-bit FNV-1a hashes (the pair ingest.test.ts uses): the ids are still compared.
    expect(ids.firstRow('opt-oxfrw', 30_000)).toBe(0);
    expect(ids.firstRow('opt-ukexa', 30_001)).toBe(0);
    expect(ids.firstRow('opt-ukexa', 30_002)).toBe(30_001);
    expect(ids.firstRow(' opt-oxfrw ', 30_003)).toBe(30_000);
  });
});
