// Files the reader refuses rather than read a wrong number from: a stray
// quote that swallows rows, and two columns for one item. The oracle is the
// CSV as written in each test (the header is row 1).
import { EduQualityError } from '@edu-quality/core';
import { describe, expect, it } from 'vitest';
import { readResponses, readResponsesSync } from '../read-responses.js';
import { QuestionnaireSchema, type Questionnaire } from '../schema.js';

const questionnaire: Questionnaire = QuestionnaireSchema.parse({
  id: 'refusals',
  version: '1',
  title: { en: 'Q' },
  locales: ['en'],
  defaultLocale: 'en',
  sections: [
    {
      id: 's',
      title: { en: 'S' },
      questions: [
        { id: 'nps', kind: 'nps', text: { en: 'NPS' } },
        { id: 'note', kind: 'text', text: { en: 'Note' } },
      ],
    },
  ],
});

function refusal(csv: string): EduQualityError {
  try {
    readResponsesSync(questionnaire, csv);
  } catch (error) {
    if (EduQualityError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('the file was read');
}

describe('a stray quote that swallows rows', () => {
  // The quote opening row 2 closes at the quote of row 4's note, which has
  // text after it: read as one record, rows 2–4 would be one rejected row and
  // rows 3 and 4 silently lost (the hostile gate's quote-unterminated-start.csv).
  const csv = 'nps;note\n"9;\n8;\n7;"quoted" note\n6;\n';

  it('refuses the file, naming where the quote opened', () => {
    const error = refusal(csv);
    expect(error.code).toBe('invalid-input');
    expect(error.issues?.map((i) => [i.code, i.row, i.column])).toEqual([
      ['unbalanced-quote', 2, 1],
    ]);
  });

  it('refuses it alike when read in 3-byte chunks', async () => {
    const bytes = new TextEncoder().encode(csv);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 3) chunks.push(bytes.slice(i, i + 3));
    const error = await readResponses(questionnaire, chunks).then(
      () => undefined,
      (e: unknown) => e as EduQualityError,
    );
    expect(error?.issues?.map((i) => [i.code, i.row, i.column])).toEqual([
      ['unbalanced-quote', 2, 1],
    ]);
  });

  it('still rejects only its row when a one-line quoted cell has text after its quote', () => {
    const set = readResponsesSync(questionnaire, 'nps;note\n9;"a"b\n8;\n');
    expect(set.counts).toEqual({ read: 2, accepted: 1, rejected: 1, droppedAnswers: 0 });
  });
});

describe('two columns for one item', () => {
  it('refuses the file, naming both columns (different answers)', () => {
    const error = refusal('nps;note;nps\n9;;3\n8;;8\n');
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('columns 1 (nps) and 3 (nps) both hold item nps');
    expect(error.issues?.map((i) => [i.code, i.row, i.column])).toEqual([
      ['duplicate-column', 1, 3],
    ]);
  });

  it('refuses identical copies too: which column is the item cannot be told from the header', () => {
    expect(refusal('nps;nps\n9;9\n').issues?.[0]?.code).toBe('duplicate-column');
  });
});
