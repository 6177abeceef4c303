import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFixture } from '../test/helpers.js';
import { satisfactionIndex } from './satisfaction-index.js';
import { SatisfactionIndexAccumulator } from './satisfaction-index-accumulator.js';
import type { SurveyData } from './survey-input.js';

const fx = readFixture();
const R = fx.expected;
const ITEMS = ['q1', 'q2', 'q3', 'q4', 'q5'];

describe('satisfactionIndex against R (fixture satisfaction-survey)', () => {
  const r = satisfactionIndex(fx.survey);
  it('index items default to role satisfaction; equal weights', () => {
    expect(r.items.map((i) => i.id)).toEqual(ITEMS);
    expect(r.weighting.method).toBe('equal');
    expect(Object.values(r.weighting.itemWeights)).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
  });
  it('item means and SEs — R survey::svymean(~q, na.rm = TRUE)', () => {
    for (const item of r.items) {
      expect(item.mean).toBeCloseTo(R.svymean[item.id].mean, 9);
      expect(item.se).toBeCloseTo(R.svymean[item.id].se, 6);
      expect(item.score).toBeCloseTo(((R.svymean[item.id].mean - 1) / 4) * 100, 9);
      expect(item.notApplicable).toBe(8); // generate.R: 8 "dk" per item
      expect(item.missing).toBe(12); // generate.R: 12 blanks per item
      expect(item.n).toBe(280);
    }
  });
  it('index and delta-method SE — R: sum of item scores/5 and SE(svytotal(~L)) of the linearised variable', () => {
    expect(r.score).toBeCloseTo(R.csi_equal.estimate, 9);
    expect(r.se).toBeCloseTo(R.csi_equal.se, 6);
    expect(r.interval.method).toBe('delta-t');
    expect(r.interval.df).toBe(299);
    expect(r.designSize).toBe(300);
  });
  it('the same from a ResponseSet built by hand', () => {
    const s = satisfactionIndex(fx.responseSet);
    expect(s.score).toBeCloseTo(R.csi_equal.estimate, 9);
    expect(s.se).toBeCloseTo(R.csi_equal.se, 6);
    expect(s.items[0]!.distribution.reduce((t, d) => t + d.count, 0)).toBe(280);
  });
  it('derived (correlation) weights — R cov.wt(cbind(q, overall), wt = w, cor = TRUE) per item', () => {
    const d = satisfactionIndex(fx.survey, { weights: 'derived' });
    expect(d.weighting.method).toBe('derived');
    expect(d.weighting.rule).toMatch(/r ≤ 0 or p ≥ 0.05/);
    d.weighting.derived!.forEach((row, i) => {
      expect(row.value).toBeCloseTo(R.cor_overall[i], 12);
      expect(row.kept).toBe(true);
    });
    const total = (R.cor_overall as number[]).reduce((a, b) => a + b, 0);
    expect(d.weighting.itemWeights.q1).toBeCloseTo(R.cor_overall[0] / total, 12);
  });
  it('sub-indices per dimension: information = mean of q1, q2 scores', () => {
    const info = r.dimensions.find((d) => d.dimension === 'information')!;
    const expected =
      (((R.svymean.q1.mean - 1) / 4) * 100 + ((R.svymean.q2.mean - 1) / 4) * 100) / 2;
    expect(info.score).toBeCloseTo(expected, 9);
    expect(info.items).toEqual(['q1', 'q2']);
    expect(r.dimensions.map((d) => d.dimension)).toEqual(['information', 'staff', 'timeliness']);
  });
  it('reports bootstrap progress after each replicate, without changing the result', () => {
    const survey = { items: [{ id: 'q', values: [1, 2, 3, 4, 5, 4, 3], min: 1, max: 5 }] };
    const seen: [number, number][] = [];
    const withProgress = satisfactionIndex(survey, {
      interval: 'bootstrap',
      bootstrap: { replicates: 20, seed: 7, onProgress: (done, total) => seen.push([done, total]) },
    });
    const without = satisfactionIndex(survey, {
      interval: 'bootstrap',
      bootstrap: { replicates: 20, seed: 7 },
    });
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => [i + 1, 20]));
    expect(withProgress.interval).toEqual(without.interval);
  });

  it('stated weights from an importance item of a whole dimension are shared by its items (hand calculation)', () => {
    // a, b measure d1 and c measures d2; one importance item per dimension, all answers 4.
    // Item scores on 1–5: a = 100, b = 0, c = 100. Raw weights: a = 4/2, b = 4/2, c = 4/1.
    // Index = (2·100 + 2·0 + 4·100) / 8 = 75 (per-item weights 4, 4, 4 would give 66.67).
    const survey = Object.freeze({
      items: [
        { id: 'a', values: [5, 5, 5], min: 1, max: 5, role: 'satisfaction', dimension: 'd1' },
        { id: 'b', values: [1, 1, 1], min: 1, max: 5, role: 'satisfaction', dimension: 'd1' },
        { id: 'c', values: [5, 5, 5], min: 1, max: 5, role: 'satisfaction', dimension: 'd2' },
        { id: 'i1', values: [4, 4, 4], min: 1, max: 5, role: 'importance', importanceOf: 'd1' },
        { id: 'i2', values: [4, 4, 4], min: 1, max: 5, role: 'importance', importanceOf: 'd2' },
      ],
    } as const);
    const s = satisfactionIndex(survey, { weights: 'stated' });
    expect(s.score).toBeCloseTo(75, 12);
    expect(s.weighting.rule).toMatch(/shared equally by the dimension's items/);
    // An item's own importance item takes precedence over its dimension's.
    const own = satisfactionIndex(
      {
        items: [
          ...survey.items,
          { id: 'ib', values: [1, 1, 1], min: 1, max: 5, role: 'importance', importanceOf: 'b' },
        ],
      },
      { weights: 'stated' },
    );
    // Raw weights: a = 4/1 (d1 now shared by a alone), b = 1, c = 4 → (400 + 0 + 400) / 9.
    expect(own.score).toBeCloseTo(800 / 9, 12);
  });

  it('stated weights use the mean importance (R svymean of imp items)', () => {
    const s = satisfactionIndex(fx.survey, { weights: 'stated' });
    expect(s.weighting.method).toBe('stated');
    const means = [1, 2, 3, 4, 5].map((j) => {
      const v = fx.column(`imp${j}`);
      let sw = 0;
      let swx = 0;
      v.forEach((x, i) => {
        if (x !== null) {
          sw += fx.weights[i]!;
          swx += fx.weights[i]! * x;
        }
      });
      return swx / sw;
    });
    const total = means.reduce((a, b) => a + b, 0);
    expect(s.weighting.itemWeights.q3).toBeCloseTo(means[2]! / total, 12);
  });
  it('regression weights are reported with p-values and the rule', () => {
    const g = satisfactionIndex(fx.survey, {
      weights: 'derived',
      derived: { method: 'regression' },
    });
    expect(g.weighting.rule).toMatch(/standardised coefficients/);
    expect(g.weighting.derived).toHaveLength(5);
    expect(g.score).toBeGreaterThan(0);
  });
  it('respondent level with derived weights takes the weights from an item-level first pass', () => {
    const itemLevel = satisfactionIndex(fx.survey, { weights: 'derived' });
    const r = satisfactionIndex(fx.survey, { weights: 'derived', unit: 'respondent' });
    expect(r.unit).toBe('respondent');
    expect(r.weighting).toEqual(itemLevel.weighting);
    expect(r.interval.method).toBe('linearisation-t');
    expect(Math.abs(r.score - itemLevel.score)).toBeLessThan(3); // close, not equal: missing answers differ by respondent
  });
  it('seeded bootstrap states B and seed and is reproducible', () => {
    const a = satisfactionIndex(fx.survey, {
      interval: 'bootstrap',
      bootstrap: { replicates: 200, seed: 7 },
    });
    const b = satisfactionIndex(fx.survey, {
      interval: 'bootstrap',
      bootstrap: { replicates: 200, seed: 7 },
    });
    expect(a.interval).toEqual(b.interval);
    expect(a.bootstrap).toEqual({ replicates: 200, seed: 7 });
    expect(a.interval.method).toBe('bootstrap-percentile');
    // The bootstrap SE is near the delta SE (R: 1.3837).
    expect(Math.abs(a.se - R.csi_equal.se)).toBeLessThan(0.3);
  });
});

describe('satisfactionIndex by hand', () => {
  const survey: SurveyData = {
    items: [
      { id: 'a', values: [5, 4, null, 1], min: 1, max: 5, dimension: 'x' },
      { id: 'b', values: [3, 'na', null, null], min: 1, max: 5, dimension: 'x' },
      { id: 'c', values: [10, 0, null, 5], min: 0, max: 10 },
    ],
  };
  it('item level: scores a = (10/3 − 1)/4·100 = 58.33, b = 50, c = 50 → 52.78', () => {
    const r = satisfactionIndex(survey);
    expect(r.items[0]!.score).toBeCloseTo((10 / 3 - 1) * 25, 12);
    expect(r.items.slice(1).map((i) => i.score)).toEqual([50, 50]);
    expect(r.score).toBeCloseTo(((10 / 3 - 1) * 25 + 50 + 50) / 3, 12);
    expect(r.respondents).toEqual({ rows: 4, included: 3, excluded: 0, noAnswer: 1 });
    expect(r.items[1]!.notApplicable).toBe(1);
    expect(r.items[1]!.missing).toBe(2);
    expect(r.unit).toBe('item');
  });
  it('respondent level: (100+50+100)/3, (75+0)/2, (0+50)/2 → mean 52.78 differs', () => {
    const r = satisfactionIndex(survey, { unit: 'respondent' });
    const expected = ((100 + 50 + 100) / 3 + 75 / 2 + 25) / 3;
    expect(r.score).toBeCloseTo(expected, 12);
    expect(r.unit).toBe('respondent');
  });
  it('minAnswered excludes and counts: rows 2 and 4 answered 2 of 3 (< 0.9)', () => {
    const r = satisfactionIndex(survey, { minAnswered: 0.9 });
    expect(r.respondents).toEqual({ rows: 4, included: 1, excluded: 2, noAnswer: 1 });
    expect(r.score).toBeCloseTo((100 + 50 + 100) / 3, 12);
    expect(r.designSize).toBe(4);
  });
  it('distribution and top-2-box', () => {
    const r = satisfactionIndex(survey);
    expect(r.items[0]!.distribution).toEqual([
      { value: 1, count: 1, share: 1 / 3 },
      { value: 4, count: 1, share: 1 / 3 },
      { value: 5, count: 1, share: 1 / 3 },
    ]);
    expect(r.items[0]!.topBoxShare).toBeCloseTo(2 / 3, 14);
  });
  it('an item nobody answered gets nulls and weight 0, never NaN', () => {
    const r = satisfactionIndex({
      items: [
        { id: 'a', values: [4, 5], min: 1, max: 5 },
        { id: 'b', values: [null, 'na'], min: 1, max: 5 },
      ],
    });
    expect(r.items[1]).toMatchObject({ mean: null, score: null, se: null, weight: 0, n: 0 });
    expect(r.score).toBeCloseTo(87.5, 12);
    expect(JSON.stringify(r)).not.toMatch(/NaN|null,"se":NaN/);
  });
  it('reads the data afresh on every call and never mutates it', () => {
    const values: (number | null)[] = [5, 4, 3];
    const data: SurveyData = { items: [{ id: 'a', values, min: 1, max: 5 }] };
    expect(satisfactionIndex(data).score).toBe(75);
    values[2] = 5;
    expect(satisfactionIndex(data).score).toBeCloseTo(((14 / 3 - 1) / 4) * 100, 12); // mean of 5, 4, 5
    const frozen: SurveyData = Object.freeze({
      items: Object.freeze([
        Object.freeze({ id: 'a', values: Object.freeze([1, 5]), min: 1, max: 5 }),
      ]),
      weights: Object.freeze([1, 3]),
    });
    expect(satisfactionIndex(frozen).score).toBe(75);
  });
  it('a ResponseSet streamed row by row equals one pass', () => {
    const one = new SatisfactionIndexAccumulator(fx.responseSet).addAll(fx.responseSet).result();
    const stream = new SatisfactionIndexAccumulator(fx.responseSet);
    for (let r = 0; r < fx.responseSet.size; r++) stream.add(fx.responseSet, r);
    expect(Math.abs(stream.result().score - one.score)).toBeLessThan(1e-12);
    expect(Math.abs(stream.result().se - one.se)).toBeLessThan(1e-12);
    expect(() => stream.add(fx.responseSet, 300)).toThrow(/out of range/);
  });
  it('edges throw naming the function', () => {
    expect(() => satisfactionIndex({ items: [] })).toThrow(/satisfactionIndex/);
    expect(() =>
      satisfactionIndex({ items: [{ id: 'a', values: [null, null], min: 1, max: 5 }] }),
    ).toThrow(/no index item/);
    expect(() => satisfactionIndex({ items: [{ id: 'a', values: [3], min: 1, max: 5 }] })).toThrow(
      /2 respondents/,
    );
    expect(() =>
      satisfactionIndex({ items: [{ id: 'a', values: [7, 1], min: 1, max: 5 }] }),
    ).toThrow(/outside/);
    expect(() => satisfactionIndex(survey, { weights: 'derived' })).toThrow(/overall/);
    expect(() => satisfactionIndex(survey, { weights: 'stated' })).toThrow(/importance item/);
    expect(() => satisfactionIndex(survey, { items: ['zz'] })).toThrow(/unknown/);
  });
});

// Random surveys for the properties: k items on 1–5 with missing and NA.
const surveyArb = fc
  .record({
    k: fc.integer({ min: 1, max: 4 }),
    n: fc.integer({ min: 2, max: 40 }),
    seed: fc.integer(),
  })
  .chain(({ k, n }) =>
    fc.record({
      answers: fc.array(
        fc.array(
          fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(null), fc.constant('na' as const)),
          {
            minLength: k,
            maxLength: k,
          },
        ),
        { minLength: n, maxLength: n },
      ),
      weights: fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), {
        minLength: n,
        maxLength: n,
      }),
    }),
  )
  .filter(({ answers }) => answers.some((row) => row.some((v) => typeof v === 'number')));

function toSurvey(
  answers: readonly (readonly (number | null | 'na')[])[],
  weights: readonly number[],
  map: (x: number) => number = (x) => x,
  range = { min: 1, max: 5 },
): SurveyData {
  const k = answers[0]!.length;
  return {
    items: Array.from({ length: k }, (_, j) => ({
      id: `q${j}`,
      values: answers.map((row) => {
        const v = row[j]!;
        return typeof v === 'number' ? map(v) : v;
      }),
      ...range,
    })),
    weights,
  };
}

describe('satisfactionIndex properties (fast-check)', () => {
  it('the index and every item score stay in [0, 100]', () => {
    fc.assert(
      fc.property(surveyArb, ({ answers, weights }) => {
        const r = satisfactionIndex(toSurvey(answers, weights));
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.interval.lower).toBeGreaterThanOrEqual(0);
        expect(r.interval.upper).toBeLessThanOrEqual(100);
        for (const item of r.items)
          if (item.score !== null) expect(item.score).toBeLessThanOrEqual(100);
        expect(Number.isNaN(r.se)).toBe(false);
      }),
    );
  });
  it('permuting respondents changes nothing', () => {
    fc.assert(
      fc.property(surveyArb, fc.integer(), ({ answers, weights }, seed) => {
        const order = answers.map((_, i) => i);
        let s = seed >>> 0;
        for (let i = order.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) >>> 0;
          const j = s % (i + 1);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        const a = satisfactionIndex(toSurvey(answers, weights));
        const b = satisfactionIndex(
          toSurvey(
            order.map((i) => answers[i]!),
            order.map((i) => weights[i]!),
          ),
        );
        expect(b.score).toBeCloseTo(a.score, 10);
        expect(b.se).toBeCloseTo(a.se, 10);
      }),
    );
  });
  it('scale invariance: 1–5, 0–4 and 1–10 mapped linearly give the same scores', () => {
    fc.assert(
      fc.property(surveyArb, ({ answers, weights }) => {
        const a = satisfactionIndex(toSurvey(answers, weights));
        const b = satisfactionIndex(toSurvey(answers, weights, (x) => x - 1, { min: 0, max: 4 }));
        const c = satisfactionIndex(
          toSurvey(answers, weights, (x) => 1 + ((x - 1) * 9) / 4, { min: 1, max: 10 }),
        );
        for (const other of [b, c]) {
          expect(other.score).toBeCloseTo(a.score, 10);
          expect(other.se).toBeCloseTo(a.se, 10);
        }
      }),
    );
  });
  it('one pass, a stream and shards merged in any order agree to 1e-12', () => {
    fc.assert(
      fc.property(
        surveyArb,
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }),
        fc.boolean(),
        ({ answers, weights }, shardOf, reverse) => {
          const survey = toSurvey(answers, weights);
          const one = new SatisfactionIndexAccumulator(survey).addAll(survey).result();
          const stream = new SatisfactionIndexAccumulator(survey);
          for (let r = 0; r < answers.length; r++) stream.add(survey, r);
          const shards = [0, 1, 2, 3].map(() => new SatisfactionIndexAccumulator(survey));
          answers.forEach((_, r) => shards[shardOf[r]!]!.add(survey, r));
          const order = reverse ? [3, 1, 0, 2] : [0, 1, 2, 3];
          // ((s_a + s_b) + (s_c + s_d)) against a left fold: associativity.
          const left = shards[order[0]!]!.merge(shards[order[1]!]!);
          const right = shards[order[2]!]!.merge(shards[order[3]!]!);
          const merged = left.merge(right).result();
          for (const other of [stream.result(), merged]) {
            expect(Math.abs(other.score - one.score)).toBeLessThan(1e-12);
            expect(Math.abs(other.se - one.se)).toBeLessThan(1e-12);
            other.items.forEach((item, i) => {
              if (item.mean !== null)
                expect(Math.abs(item.mean - one.items[i]!.mean!)).toBeLessThan(1e-12);
            });
          }
        },
      ),
    );
  });
});
