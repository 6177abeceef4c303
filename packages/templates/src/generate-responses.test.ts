import { EduQualityError } from '@edu-quality/core';
import {
  listItems,
  readResponsesSync,
  validateAnswers,
  type Questionnaire,
} from '@edu-quality/questionnaire';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../test/well-formed.js';
import { ecsiQuestionnaire } from './ecsi-questionnaire.js';
import { educationSatisfactionQuestionnaire as edu } from './education-satisfaction-questionnaire.js';
import { generateResponses, type SyntheticRecord } from './generate-responses.js';
import { nokEducationQuestionnaire as nok } from './nok-education-questionnaire.js';
import { responsesToCsv } from './responses-to-csv.js';
import { servqualQuestionnaire } from './servqual-questionnaire.js';

const templates: readonly Questionnaire[] = [edu, ecsiQuestionnaire, servqualQuestionnaire, nok];

function answersOf(record: SyntheticRecord): SyntheticRecord {
  return Object.fromEntries(
    Object.entries(record).filter(([key]) => key !== 'id' && key !== 'weight'),
  );
}

function numbers(
  records: readonly SyntheticRecord[],
  id: string,
  exclude: readonly number[] = [],
): number[] {
  return records
    .map((r) => r[id])
    .filter((v): v is number => typeof v === 'number' && !exclude.includes(v));
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

// Pearson correlation over the respondents who answered both items (codes below 9).
function correlation(records: readonly SyntheticRecord[], a: string, b: string): number {
  const pairs = records
    .map((r) => [r[a], r[b]])
    .filter((p): p is [number, number] => p.every((v) => typeof v === 'number' && v < 9));
  const mx = mean(pairs.map((p) => p[0]));
  const my = mean(pairs.map((p) => p[1]));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('generateResponses', () => {
  it('is deterministic: the same seed gives identical records, another seed different ones', () => {
    const a = generateResponses(edu, { n: 300, seed: 2026, weights: true });
    const b = generateResponses(edu, { n: 300, seed: 2026, weights: true });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(generateResponses(edu, { n: 300, seed: 2027, weights: true })).not.toEqual(a);
    // A prefix of a larger sample is the smaller sample.
    expect(generateResponses(edu, { n: 100, seed: 2026 })).toEqual(
      generateResponses(edu, { n: 300, seed: 2026 }).slice(0, 100),
    );
  });

  it('does not modify the questionnaire', () => {
    const frozen = deepFreeze(structuredClone(nok));
    expect(() => generateResponses(frozen, { n: 50, seed: 1 })).not.toThrow();
    expect(frozen).toEqual(nok);
  });

  it.each(templates.map((q) => [q.id, q] as const))(
    'gives answers that %s accepts: validateAnswers and readResponses find no issue',
    (_, q) => {
      const records = generateResponses(q, { n: 400, seed: 11, weights: true });
      for (const record of records)
        expect(validateAnswers(q, answersOf(record)).issues).toEqual([]);
      const set = readResponsesSync(q, records);
      expect(set.issues).toEqual([]);
      expect(set.counts).toEqual({ read: 400, accepted: 400, rejected: 0, droppedAnswers: 0 });
    },
  );

  it('handles the edges: no respondent, one respondent', () => {
    expect(generateResponses(edu, { n: 0, seed: 1 })).toEqual([]);
    const [one, ...rest] = generateResponses(edu, { n: 1, seed: 1, weights: true });
    expect(rest).toEqual([]);
    expect(one?.id).toBe('R00001');
    expect(one?.weight).toBe(1); // one weight, rescaled to mean 1
  });

  it('rejects broken preconditions with an invalid-argument error that names the function', () => {
    const cases: [string, () => unknown][] = [
      ['n', () => generateResponses(edu, { n: -1, seed: 1 })],
      ['n', () => generateResponses(edu, { n: 1.5, seed: 1 })],
      ['seed', () => generateResponses(edu, { n: 1, seed: Number.NaN })],
      ['missingRate', () => generateResponses(edu, { n: 1, seed: 1, missingRate: 2 })],
      [
        'institutionItem',
        () => generateResponses(edu, { n: 1, seed: 1, institutionItem: 'overall' }),
      ],
      ['idColumn', () => generateResponses(edu, { n: 1, seed: 1, idColumn: 'overall' })],
      [
        'shares',
        () => generateResponses(edu, { n: 1, seed: 1, shares: { group: { parent: -1 } } }),
      ],
    ];
    for (const [name, call] of cases) {
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(EduQualityError.isInstance(caught), name).toBe(true);
      expect((caught as EduQualityError).code).toBe('invalid-argument');
      expect((caught as Error).message).toMatch(/^generateResponses: /);
      expect((caught as Error).message).toContain(name);
    }
  });

  it('respects skip logic: a filtered question is answered exactly when its filter is yes', () => {
    const records = generateResponses(nok, {
      n: 1000,
      seed: 5,
      shares: { q6: { yes: 0.1, no: 0.9 } },
    });
    for (const [filter, follow] of [
      ['q1', 'q2'],
      ['q3', 'q4'],
      ['q6', 'q7'],
      ['q10', 'q11'],
    ] as const) {
      for (const r of records)
        expect(r[follow] !== undefined, `${filter} → ${follow}`).toBe(r[filter] === 'yes');
    }
    // q6 follows the given shares: about 10% (binomial SD √(0.09/1000) ≈ 0.0095).
    const disabled = records.filter((r) => r.q6 === 'yes').length / records.length;
    expect(disabled).toBeGreaterThan(0.07);
    expect(disabled).toBeLessThan(0.13);
    // Required questions are always answered when shown.
    for (const r of records)
      for (const id of ['organisation', 'q1', 'q3', 'q5', 'q14']) expect(r[id]).toBeDefined();

    const eduRecords = generateResponses(edu, { n: 1000, seed: 5, textRate: 0.5 });
    for (const r of eduRecords) {
      if (r.why_dissatisfied !== undefined) expect(r.overall).toBeLessThanOrEqual(2);
    }
    expect(eduRecords.some((r) => r.why_dissatisfied !== undefined)).toBe(true);
  });

  it('leaves out answers and answers "don\'t know" at the given rates (hand-checkable extremes)', () => {
    const satisfaction = listItems(edu)
      .filter((i) => i.role === 'satisfaction')
      .map((i) => i.id);
    // Rates 0: every satisfaction item answered with a point 1–5.
    for (const r of generateResponses(edu, {
      n: 200,
      seed: 3,
      missingRate: 0,
      notApplicableRate: 0,
    })) {
      for (const id of satisfaction) expect([1, 2, 3, 4, 5]).toContain(r[id]);
    }
    // notApplicableRate 1: every satisfaction item is "don't know" (9).
    for (const r of generateResponses(edu, {
      n: 50,
      seed: 3,
      missingRate: 0,
      notApplicableRate: 1,
    })) {
      for (const id of satisfaction) expect(r[id]).toBe(9);
    }
    // missingRate 1: only the required questions (group, institution, overall) remain.
    for (const r of generateResponses(edu, { n: 50, seed: 3, missingRate: 1, textRate: 0 })) {
      expect(Object.keys(r).sort()).toEqual(['group', 'id', 'institution', 'overall']);
    }
    // The defaults: about 3% missing and 5% "don't know" over 12 items × 2000 respondents.
    const records = generateResponses(edu, { n: 2000, seed: 3 });
    const cells = records.length * satisfaction.length;
    const missing = records.reduce(
      (s, r) => s + satisfaction.filter((id) => r[id] === undefined).length,
      0,
    );
    const na = records.reduce((s, r) => s + satisfaction.filter((id) => r[id] === 9).length, 0);
    expect(missing / cells).toBeCloseTo(0.03, 2);
    expect(na / cells).toBeGreaterThan(0.04);
    expect(na / cells).toBeLessThan(0.06);
  });

  it('makes the latent structure visible: items correlate, within a dimension more than across', () => {
    const records = generateResponses(edu, { n: 3000, seed: 8 });
    const within = [
      correlation(records, 'staff_competence', 'staff_politeness'),
      correlation(records, 'info_available', 'info_clear'),
      correlation(records, 'time_waiting', 'time_deadlines'),
    ];
    const across = [
      correlation(records, 'staff_competence', 'info_clear'),
      correlation(records, 'info_available', 'time_deadlines'),
      correlation(records, 'time_waiting', 'staff_politeness'),
    ];
    for (const r of [...within, ...across]) expect(r).toBeGreaterThan(0.2);
    expect(mean(within)).toBeGreaterThan(mean(across) + 0.05);
    // Overall satisfaction and NPS go together.
    expect(correlation(records, 'overall', 'recommend')).toBeGreaterThan(0.3);
    // Respondents are mostly satisfied by default: the mean of a 1–5 item is above the middle.
    expect(mean(numbers(records, 'overall'))).toBeGreaterThan(3.4);
  });

  it('shifts means with the institution effect and with offsets', () => {
    const institutions = ['a', 'b', 'c', 'd', 'e', 'f'];
    const spread = (effect: number): number => {
      const records = generateResponses(edu, {
        n: 6000,
        seed: 9,
        institutions,
        institutionEffect: effect,
      });
      const means = institutions.map((code) =>
        mean(
          numbers(
            records.filter((r) => r.institution === code),
            'overall',
          ),
        ),
      );
      return Math.max(...means) - Math.min(...means);
    };
    // Without effects the institution means differ only by sampling error (SE of a
    // mean of ~1000 answers with SD ~1 is ~0.03); with SD 1 on the latent scale they spread.
    expect(spread(0)).toBeLessThan(0.2);
    expect(spread(1)).toBeGreaterThan(0.6);
    // An offset of −1 on a dimension lowers its items and nothing else.
    const base = generateResponses(edu, { n: 2000, seed: 4, notApplicableRate: 0 });
    const shifted = generateResponses(edu, {
      n: 2000,
      seed: 4,
      notApplicableRate: 0,
      offsets: { timeliness: -1 },
    });
    expect(mean(numbers(shifted, 'time_waiting'))).toBeLessThan(
      mean(numbers(base, 'time_waiting')) - 0.4,
    );
    expect(mean(numbers(shifted, 'staff_politeness'))).toBeCloseTo(
      mean(numbers(base, 'staff_politeness')),
      10,
    );
    // The mean satisfaction moves every item.
    const low = generateResponses(edu, { n: 2000, seed: 4, meanSatisfaction: -1 });
    expect(mean(numbers(low, 'overall'))).toBeLessThan(mean(numbers(base, 'overall')) - 1);
  });

  it('draws institutions from the given list, else the question options, else inst-01 … inst-12', () => {
    expect(
      new Set(
        generateResponses(edu, { n: 500, seed: 1, institutions: ['x', 'y'] }).map(
          (r) => r.institution,
        ),
      ),
    ).toEqual(new Set(['x', 'y']));
    const codes = new Set(generateResponses(nok, { n: 2000, seed: 1 }).map((r) => r.organisation));
    expect([...codes].sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `inst-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('adds weights with mean 1, and open text in the default locale', () => {
    const records = generateResponses(nok, { n: 500, seed: 12, weights: true, textRate: 1 });
    const weights = records.map((r) => r.weight as number);
    expect(weights.every((w) => w > 0)).toBe(true);
    expect(mean(weights)).toBeCloseTo(1, 3);
    const texts = records.map((r) => r.q15).filter((t) => typeof t === 'string');
    expect(texts).toHaveLength(500);
    expect(texts.filter((t) => /[а-яё]/i.test(t)).length).toBeGreaterThan(300);
  });

  it('keeps formula-like and hostile strings as plain data, through the CSV and back', () => {
    const hostile = [
      '=HYPERLINK("http://example.invalid","click")',
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      '+1; -2\r\n@SUM(A1)',
      'a "quoted" word, and a comma',
      '__proto__',
    ];
    const records = generateResponses(edu, { n: 300, seed: 13, textRate: 1, textSamples: hostile });
    const texts = records.map((r) => r.improve).filter((t): t is string => typeof t === 'string');
    expect(new Set(texts)).toEqual(new Set(hostile));
    for (const delimiter of [',', ';'] as const) {
      const csv = responsesToCsv(records, { questionnaire: edu, delimiter });
      const set = readResponsesSync(edu, csv, { delimiter });
      expect(set.issues).toEqual([]);
      const column = set.columns.get('improve');
      expect(column?.kind === 'text' ? column.values : []).toEqual(texts);
    }
  });
});

describe('generateResponses and responsesToCsv: option keys', () => {
  it('names an unknown option key instead of applying a default', () => {
    expect(() => generateResponses(edu, { n: 3, seed: 1, seeds: 2 } as never)).toThrow(
      /generateResponses: options\.seeds is not an option/,
    );
    expect(() => responsesToCsv([], { delimeter: ';' } as never)).toThrow(
      /responsesToCsv: options\.delimeter is not an option/,
    );
  });
});
