import type { CategoryColumn, ResponseColumn, ResponseSet } from '@edu-quality/questionnaire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NOK_DEFAULT_QUESTION_MAP,
  NokSurveyAccumulator,
  nokAssessment,
  type NokAnswers,
  type NokAudit,
} from './index.js';

// The column-wise counting of addResponses is checked against the row-by-row
// `add`, which states the rules one respondent at a time: the two must agree
// on every count, whatever the answers.

const KEYS = Object.entries(NOK_DEFAULT_QUESTION_MAP) as [keyof NokAnswers, string][];

// Yes and no in several spellings, answers that are neither, and no answer (null).
const ANSWERS = ['yes', 'no', 'Да', 'да', 'нет', 'Yes', 'NO', '«Да»', 'true', '0', 'maybe', '2'];
const READABLE = ['yes', 'no'];

type Row = { readonly organisation: string | null; readonly answers: readonly (string | null)[] };

const answerArb = (pool: readonly string[]): fc.Arbitrary<string | null> =>
  fc.option(fc.constantFrom(...pool), { freq: 4 });
// A row without an organisation answers only yes/no: `add` never sees it, so an
// unreadable answer there would be reported by one path and not the other.
const rowArb: fc.Arbitrary<Row> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record({
      organisation: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      answers: fc.array(answerArb(ANSWERS), { minLength: KEYS.length, maxLength: KEYS.length }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      organisation: fc.constant(null),
      answers: fc.array(answerArb(READABLE), { minLength: KEYS.length, maxLength: KEYS.length }),
    }),
  },
);

function category(id: string, values: readonly (string | null)[]): CategoryColumn {
  // Dictionary in order of first appearance, as the CSV reader builds it.
  const dictionary: string[] = [];
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    if (v === null) {
      codes[i] = -1;
      return;
    }
    let c = dictionary.indexOf(v);
    if (c < 0) c = dictionary.push(v) - 1;
    codes[i] = c;
  });
  return { kind: 'category', id, dictionary, codes };
}

function responseSet(rows: readonly Row[]): ResponseSet {
  const columns = new Map<string, ResponseColumn>();
  columns.set(
    'organisation',
    category(
      'organisation',
      rows.map((r) => r.organisation),
    ),
  );
  KEYS.forEach(([, q], k) =>
    columns.set(
      q,
      category(
        q,
        rows.map((r) => r.answers[k]!),
      ),
    ),
  );
  return {
    questionnaire: {} as never,
    items: [],
    size: rows.length,
    columns,
    sourceRows: new Uint32Array(rows.length),
    counts: { read: rows.length, accepted: rows.length, rejected: 0, droppedAnswers: 0 },
    issues: [],
  };
}

function rowByRow(rows: readonly Row[]): NokSurveyAccumulator {
  const acc = new NokSurveyAccumulator();
  for (const row of rows) {
    if (row.organisation === null) continue;
    const answers: Record<string, string | null> = {};
    KEYS.forEach(([key], k) => {
      answers[key] = row.answers[k]!;
    });
    acc.add(row.organisation, answers);
  }
  return acc;
}

const audit: NokAudit = {
  stands: { required: ['s1', 's2'], present: ['s1'] },
  site: { required: ['w1', 'w2', 'w3'], present: ['w1', 'w3'] },
  remoteChannels: ['phone', 'email'],
  comfortConditions: ['rest-area'],
  accessiblePremises: ['ramps'],
  accessibilityConditions: ['braille'],
};

describe('NokSurveyAccumulator.addResponses (nok): the column-wise fast path', () => {
  it('counts exactly what add counts row by row (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 120 }), (rows) => {
        const fast = new NokSurveyAccumulator().addResponses(responseSet(rows));
        const slow = rowByRow(rows);
        expect([...fast.result()]).toEqual([...slow.result()]);
        // Rows without an organisation are reported, with their number.
        const skipped = rows.filter((r) => r.organisation === null).length;
        const noOrg = fast.issues.filter((i) => i.code === 'nok-no-organisation');
        expect(noOrg.map((i) => i.message)).toEqual(
          skipped === 0 ? [] : [`${skipped} response(s) name no organisation and were not counted`],
        );
        // An unreadable answer is reported by both paths, for the same questions.
        const fastFields = fast.issues
          .filter((i) => i.code === 'nok-unreadable-answer')
          .map((i) => i.field);
        const slowKeys = new Set(
          slow.issues.filter((i) => i.code === 'nok-unreadable-answer').map((i) => i.path?.[1]),
        );
        expect(fastFields).toEqual(KEYS.filter(([key]) => slowKeys.has(key)).map(([, q]) => q));
      }),
      { numRuns: 300 },
    );
  });

  it('gives nokAssessment the same results as the row-by-row counts, with organisations absent from the audit (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 80 }),
        fc.subarray(['a', 'b', 'c', 'd', 'e']),
        (rows, audited) => {
          // 'z' is audited but answered by nobody; unaudited organisations are warned about.
          const organisations = [...audited, 'z'].map((id) => ({ id, audit }));
          const fast = nokAssessment({ organisations, responses: responseSet(rows) });
          const slow = nokAssessment({ organisations, responses: rowByRow(rows) });
          expect(fast.organisations).toEqual(slow.organisations);
          expect(fast.ranking).toEqual(slow.ranking);
          expect(fast.overall).toEqual(slow.overall);
          // The unreadable answers are reported per question by one, per answer by the other.
          const others = (w: typeof fast.warnings): unknown[] =>
            w.filter((i) => i.code !== 'nok-unreadable-answer' && i.code !== 'nok-no-organisation');
          expect(others(fast.warnings)).toEqual(others(slow.warnings));
          const unknown = new Set(
            rows.map((r) => r.organisation).filter((o) => o !== null && !audited.includes(o)),
          );
          expect(
            fast.warnings
              .filter((w) => w.code === 'nok-unknown-organisation')
              .map((w) => w.path?.[0])
              .sort(),
          ).toEqual([...unknown].sort());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('counts a large set in one pass per question without losing a row', () => {
    // 50,000 rows over 300 organisations, every fourth answer missing.
    const n = 50_000;
    const orgs = Array.from({ length: 300 }, (_, i) => `org-${i}`);
    const orgCodes = new Int32Array(n);
    const answers = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      orgCodes[i] = i % 301 === 300 ? -1 : i % 300;
      answers[i] = i % 4 === 3 ? -1 : i % 2;
    }
    const columns = new Map<string, ResponseColumn>([
      ['organisation', { kind: 'category', id: 'organisation', dictionary: orgs, codes: orgCodes }],
    ]);
    for (const [, q] of KEYS)
      columns.set(q, { kind: 'category', id: q, dictionary: ['yes', 'no'], codes: answers });
    const set: ResponseSet = {
      questionnaire: {} as never,
      items: [],
      size: n,
      columns,
      sourceRows: new Uint32Array(n),
      counts: { read: n, accepted: n, rejected: 0, droppedAnswers: 0 },
      issues: [],
    };
    const counts = [...new NokSurveyAccumulator().addResponses(set).result().values()];
    const total = (key: 'respondents' | 'recommend' | 'standsSatisfied'): number =>
      counts.reduce((s, c) => s + c[key], 0);
    let respondents = 0;
    let yes = 0;
    for (let i = 0; i < n; i++) {
      if (orgCodes[i]! < 0) continue;
      respondents++;
      if (answers[i] === 0) yes++;
    }
    expect(total('respondents')).toBe(respondents);
    expect(total('recommend')).toBe(yes);
    // The same column as filter and answer: a yes counts after a yes.
    expect(total('standsSatisfied')).toBe(yes);
  });
});
