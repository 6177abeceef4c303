// satisfactionIndex reads a survey in memory in two passes (item means, then
// each respondent's linearised value), O(k) per row; SatisfactionIndexAccumulator
// keeps pair sums for streaming and merging, O(k²) per row and in memory. The
// pairwise accumulator is the reference definition; both must agree.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EduQualityError } from '@edu-quality/core';
import {
  satisfactionIndex,
  type IndexWeighting,
  type SatisfactionIndexOptions,
} from './satisfaction-index.js';
import { SatisfactionIndexAccumulator } from './satisfaction-index-accumulator.js';
import { cronbachAlpha } from './cronbach-alpha.js';
import type { SurveyData } from './survey-input.js';

type Outcome =
  | { readonly error: string }
  | { readonly score: number; readonly se: number; readonly parts: readonly number[] };

// The numbers a reader sees: the index, its SE, and per item and dimension the
// score and SE (NaN for none); or the error's message.
function outcome(f: () => ReturnType<typeof satisfactionIndex>): Outcome {
  try {
    const r = f();
    const parts = [
      ...r.items.flatMap((i) => [i.mean ?? NaN, i.se ?? NaN, i.weight]),
      ...r.dimensions.flatMap((d) => [d.score, d.se]),
      r.n,
      r.respondents.excluded,
    ];
    return { score: r.score, se: r.se, parts };
  } catch (error) {
    if (EduQualityError.isInstance(error)) return { error: error.message };
    throw error;
  }
}

// Scores to 1e-9 relative; SEs compared as variances (the pairwise sums cancel
// to ~1e-15 where the true variance is 0, an SE of ~3e-8 that the sum of
// squared residuals does not have).
function close(a: number, b: number, tolerance: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
}

const answer = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant('na' as const) },
);

const surveyArb = fc
  .record({
    n: fc.integer({ min: 2, max: 25 }),
    k: fc.integer({ min: 1, max: 6 }),
    weighted: fc.boolean(),
    seed: fc.integer({ min: 1, max: 1e6 }),
  })
  .chain(({ n, k, weighted }) =>
    fc.record({
      items: fc.tuple(
        ...Array.from({ length: k }, (_, j) =>
          fc.record({
            id: fc.constant(`q${j}`),
            values: fc.array(answer, { minLength: n, maxLength: n }),
            min: fc.constant(1),
            max: fc.constant(5),
            role: fc.constant('satisfaction' as const),
            dimension: fc.constantFrom('a', 'b', undefined),
          }),
        ),
        // The overall item (derived weights) and one importance item per dimension (stated).
        fc.record({
          id: fc.constant('overall'),
          values: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
          min: fc.constant(1),
          max: fc.constant(5),
          role: fc.constant('overall' as const),
        }),
      ),
      weights: weighted
        ? fc.array(fc.double({ min: 0.1, max: 40, noNaN: true }), { minLength: n, maxLength: n })
        : fc.constant(undefined),
      options: fc.record(
        {
          weights: fc.constantFrom<IndexWeighting>('equal', 'derived', {
            items: { q0: 2, q1: 1 },
          }),
          unit: fc.constantFrom<'item' | 'respondent'>('item', 'respondent'),
          minAnswered: fc.constantFrom(0, 0.5),
          interval: fc.constantFrom<'delta-t' | 'delta-z'>('delta-t', 'delta-z'),
        },
        { requiredKeys: [] },
      ),
    }),
  )
  .map(({ items, weights, options }): { survey: SurveyData; options: SatisfactionIndexOptions } => {
    const survey: SurveyData = {
      items: items.map((item) => {
        const { dimension, ...rest } = item as typeof item & { dimension?: string };
        return dimension === undefined ? rest : { ...rest, dimension };
      }),
      ...(weights === undefined ? {} : { weights }),
    };
    let o: SatisfactionIndexOptions = options;
    // Explicit weights for items the survey has; a respondent-level index with
    // derived weights takes them from an item-level pass (satisfactionIndex
    // only), so the reference is compared at item level there.
    if (typeof o.weights === 'object')
      o = { ...o, weights: { items: { q0: 2, ...(items.length > 2 ? { q1: 1 } : {}) } } };
    if (o.weights === 'derived') o = { ...o, unit: 'item', derived: { significance: 1 } };
    return { survey, options: o };
  });

describe('satisfactionIndex (two passes) against the pairwise accumulator', () => {
  it('agree on random surveys: equal, explicit and derived weights, item and respondent level, minAnswered, weights, missing and NA', () => {
    fc.assert(
      fc.property(surveyArb, ({ survey, options }) => {
        const twoPass = outcome(() => satisfactionIndex(survey, options));
        const pairwise = outcome(() =>
          new SatisfactionIndexAccumulator(survey, options).addAll(survey).result(),
        );
        if ('error' in pairwise || 'error' in twoPass) {
          expect(twoPass).toEqual(pairwise);
          return;
        }
        expect(close(twoPass.score, pairwise.score, 1e-9), 'score').toBe(true);
        expect(close(twoPass.se ** 2, pairwise.se ** 2, 1e-9), 'se').toBe(true);
        twoPass.parts.forEach((x, i) => {
          expect(close(x, pairwise.parts[i]!, 1e-7), `part ${i}: ${x} ≠ ${pairwise.parts[i]}`).toBe(
            true,
          );
        });
      }),
      { numRuns: 300 },
    );
  });

  it('stated weights and a bootstrap take the same two passes (same results as the pairwise reference)', () => {
    const survey: SurveyData = {
      items: [
        {
          id: 'q1',
          values: [5, 4, 3, null, 2, 4],
          min: 1,
          max: 5,
          dimension: 'a',
          role: 'satisfaction',
        },
        {
          id: 'q2',
          values: [4, 4, 'na', 3, 1, 5],
          min: 1,
          max: 5,
          dimension: 'a',
          role: 'satisfaction',
        },
        {
          id: 'q3',
          values: [2, 5, 4, 4, 3, 3],
          min: 1,
          max: 5,
          dimension: 'b',
          role: 'satisfaction',
        },
        {
          id: 'ia',
          values: [5, 4, 4, 5, 3, 4],
          min: 1,
          max: 5,
          role: 'importance',
          importanceOf: 'a',
        },
        {
          id: 'ib',
          values: [3, 3, 4, 2, 3, 2],
          min: 1,
          max: 5,
          role: 'importance',
          importanceOf: 'b',
        },
      ],
      weights: [1, 2, 0.5, 1, 3, 1],
    };
    const options = { weights: 'stated' } as const;
    const twoPass = satisfactionIndex(survey, options);
    const pairwise = new SatisfactionIndexAccumulator(survey, options).addAll(survey).result();
    expect(twoPass.score).toBeCloseTo(pairwise.score, 12);
    expect(twoPass.se).toBeCloseTo(pairwise.se, 12);
    expect(twoPass.dimensions.map((d) => d.se)).toEqual(
      pairwise.dimensions.map((d) => expect.closeTo(d.se, 12) as unknown as number),
    );
    const boot = satisfactionIndex(survey, {
      interval: 'bootstrap',
      bootstrap: { replicates: 50 },
    });
    expect(boot.bootstrap?.replicates).toBe(50);
    expect(boot.interval.lower).toBeLessThanOrEqual(boot.score);
  });
});

// Regression: a 10,000-item questionnaire took 80 s and 5.5 GB through the
// CLI: the accumulator kept sums for all 50 million pairs of items.
describe('many items', () => {
  const k = 10_000;
  // Every item has the answers 1…5: the index is one item's score, and
  // perfectly correlated items make the composite's SE that item's SE.
  // By hand (R: svymean(~x, svydesign(ids = ~1, data = data.frame(x = 1:5)))):
  // mean 3 → score 50; SE of the mean sd(1:5)/√5 = √(2.5/5) = 0.7071068, in
  // score points ×100/4 = 17.67767.
  const survey: SurveyData = {
    items: Array.from({ length: k }, (_, j) => ({
      id: `q${j}`,
      values: [1, 2, 3, 4, 5],
      min: 1,
      max: 5,
      dimension: `d${j % 5}`,
    })),
  };
  it('satisfactionIndex over 10,000 items: linear in items, same numbers as one item', () => {
    const r = satisfactionIndex(survey);
    expect(r.score).toBeCloseTo(50, 9);
    expect(r.se).toBeCloseTo(17.67767, 5);
    expect(r.items).toHaveLength(k);
    expect(r.dimensions.map((d) => d.se)).toEqual(Array(5).fill(expect.closeTo(17.67767, 5)));
  });
  it('the pairwise accumulator and Cronbach α refuse more than 1,000 items with a clear error', () => {
    const wide: SurveyData = { items: survey.items.slice(0, 1001) };
    const acc = new SatisfactionIndexAccumulator(wide);
    expect(() => acc.addAll(wide)).toThrow(
      /^satisfactionIndex: SatisfactionIndexAccumulator keeps sums for every pair of its 1001 items, more than the 1000 it takes/,
    );
    expect(() => acc.addAll(wide)).toThrow(
      expect.objectContaining({ code: 'unsupported' }) as unknown,
    );
    const columns = wide.items.map((i) => i.values as readonly number[]);
    expect(() => cronbachAlpha(columns)).toThrow(
      /^cronbachAlpha: Cronbach's α keeps sums for every pair of its 1001 items/,
    );
    // At the limit both still work (α of identical items is 1: hand, α = k/(k−1)(1 − k/k²)·… = 1).
    expect(cronbachAlpha(columns.slice(0, 3)).alpha).toBeCloseTo(1, 12);
  });
});
