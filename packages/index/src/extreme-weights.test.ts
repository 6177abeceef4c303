// Regression: weights of 1e308, 1e-320 or a mix of 1e300 and 1e-300 gave an
// index of null (NaN) or a wrong number with no error: Σw² overflowed to
// Infinity or underflowed to 0. Weights are now checked (finite, positive,
// normal) and summed in units of the largest weight. Oracles: R survey on the
// committed fixture (test/fixtures/satisfaction-survey, generate.R) for the
// base case, and scale invariance — every statistic here is a ratio of
// weighted sums, so multiplying all weights by c changes nothing.
import { describe, expect, it } from 'vitest';
import { caughtError, readFixture } from '../test/helpers.js';
import { breakdown } from './breakdown.js';
import { effectiveSampleSize } from './effective-sample-size.js';
import { NpsAccumulator, netPromoterScore } from './net-promoter-score.js';
import { proportion } from './proportion.js';
import { satisfactionIndex } from './satisfaction-index.js';
import { SatisfactionIndexAccumulator } from './satisfaction-index-accumulator.js';
import type { SurveyData } from './survey-input.js';
import { WeightedMeanAccumulator, weightedMean } from './weighted-mean.js';

const fx = readFixture();
const R = fx.expected;
const scaled = (c: number): number[] => fx.weights.map((w) => w * c);
const withWeights = (weights: readonly number[]): SurveyData => ({ ...fx.survey, weights });

describe('extreme weights: scale invariance', () => {
  for (const c of [1e300, 1e-300]) {
    it(`the index with weights × ${c} is R's (survey::svytotal of the linearised variable)`, () => {
      const r = satisfactionIndex(withWeights(scaled(c)));
      expect(r.score).toBeCloseTo(R.csi_equal.estimate, 9); // R, as satisfaction-index.test.ts
      expect(r.se).toBeCloseTo(R.csi_equal.se, 6);
      expect(r.nEff).toBeCloseTo(satisfactionIndex(fx.survey).nEff, 9);
      const streamed = new SatisfactionIndexAccumulator(fx.survey);
      const survey = withWeights(scaled(c));
      for (let row = 0; row < 300; row++) streamed.add(survey, row);
      expect(streamed.result().se).toBeCloseTo(R.csi_equal.se, 6);
    });
    it(`weightedMean, proportion, NPS, n_eff and breakdown with weights × ${c} equal the unscaled ones`, () => {
      const q1 = fx.column('q1');
      const base = weightedMean(q1, { weights: fx.weights });
      const big = weightedMean(q1, { weights: scaled(c) });
      expect(big.estimate).toBeCloseTo(R.svymean.q1.mean, 9); // R survey::svymean
      expect(big.se).toBeCloseTo(R.svymean.q1.se, 6);
      // Σw is not scale-invariant: reported in the weights' own units.
      expect(big.sumWeights / c).toBeCloseTo(base.sumWeights, 9);
      const acc = new WeightedMeanAccumulator();
      q1.forEach((x, i) => acc.add(x, fx.weights[i]! * c));
      expect(acc.result().se).toBeCloseTo(R.svymean.q1.se, 6);
      const top = q1.map((x) => (x === null ? null : x >= 4));
      expect(proportion(top, { weights: scaled(c) }).shareOfRespondents).toBeCloseTo(
        proportion(top, { weights: fx.weights }).shareOfRespondents,
        12,
      );
      const nps = fx.column('nps');
      expect(netPromoterScore(nps, { weights: scaled(c) }).se).toBeCloseTo(
        netPromoterScore(nps, { weights: fx.weights }).se,
        9,
      );
      expect(effectiveSampleSize(scaled(c))).toBeCloseTo(effectiveSampleSize(fx.weights), 9);
      const groups = breakdown(withWeights(scaled(c)), { by: 'school' }).groups;
      expect(groups.map((g) => g.label)).toEqual(
        breakdown(fx.survey, { by: 'school' }).groups.map((g) => g.label),
      );
      expect(breakdown(withWeights(scaled(c)), { by: 'school' }).total?.se).toBeCloseTo(
        R.csi_equal.se,
        6,
      );
    });
  }
  it('weights of 1e308 (Σw² = Infinity before)', () => {
    const r = satisfactionIndex(withWeights(fx.weights.map(() => 1e308)));
    const unweighted = satisfactionIndex({ items: fx.survey.items });
    expect(r.score).toBeCloseTo(unweighted.score, 9); // equal weights = unweighted
    expect(r.se).toBeCloseTo(unweighted.se, 9);
    expect(netPromoterScore([10, 9, 0], { weights: [1e308, 1e308, 1e308] }).score).toBeCloseTo(
      100 / 3, // hand: (2 − 1)/3
      9,
    );
  });
  it('a mix of 1e300 and 1e-300: the limit of the light weights → 0 (continuity: as with 1 and 1e-200)', () => {
    const mix = fx.weights.map((_, i) => (i % 3 === 0 ? 1e-300 : 1e300));
    const limit = fx.weights.map((_, i) => (i % 3 === 0 ? 1e-200 : 1));
    const a = satisfactionIndex(withWeights(mix));
    const b = satisfactionIndex(withWeights(limit));
    expect(Number.isFinite(a.score) && Number.isFinite(a.se)).toBe(true);
    expect(a.score).toBeCloseTo(b.score, 10);
    expect(a.se).toBeCloseTo(b.se, 10);
    const q1 = fx.column('q1');
    expect(weightedMean(q1, { weights: mix }).se).toBeCloseTo(
      weightedMean(q1, { weights: limit }).se,
      12,
    );
    const acc = new NpsAccumulator().add(10, 1e-300).add(0, 1e300).add(9, 1e300);
    expect(acc.result().score).toBeCloseTo(0, 12); // hand: (1e300 − 1e300)/(2e300 + 1e-300)
  });
});

describe('extreme weights: refused with their position', () => {
  it('subnormal, infinite, negative and NaN weights', () => {
    for (const bad of [1e-320, Infinity, -1, Number.NaN, 0]) {
      const error = caughtError(() =>
        satisfactionIndex(withWeights(fx.weights.map((w, i) => (i === 7 ? bad : w)))),
      );
      expect(error.code).toBe('invalid-argument');
      expect(error.message).toContain(`row 7 has ${bad}`);
    }
    expect(caughtError(() => weightedMean([1, 2], { weights: [1, 1e-320] })).message).toMatch(
      /^weightedMean: weights must be finite, positive and at least 2\.2250738585072014e-308 \(row 1 has 1e-320\)/,
    );
    expect(caughtError(() => new NpsAccumulator().add(9, 1e-320)).code).toBe('invalid-argument');
    expect(caughtError(() => new WeightedMeanAccumulator().add(3, Infinity)).code).toBe(
      'invalid-argument',
    );
  });
});
