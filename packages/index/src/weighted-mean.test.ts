import { describe, expect, it } from 'vitest';
import { readFixture } from '../test/helpers.js';
import { WeightedMeanAccumulator, weightedMean } from './weighted-mean.js';
import { effectiveSampleSize } from './effective-sample-size.js';
import { criticalValue } from './confidence-interval.js';

const fx = readFixture();
const R = fx.expected;

describe('weightedMean against R survey::svymean (fixture satisfaction-survey)', () => {
  for (const item of ['q1', 'q2', 'q3', 'q4', 'q5', 'overall', 'nps']) {
    it(`${item}: mean (1e-9), SE (1e-6), confint z and t — R survey::svymean(~${item}, na.rm = TRUE)`, () => {
      const values = Object.freeze(fx.column(item));
      const z = weightedMean(values, { weights: fx.weights, interval: 'z' });
      expect(z.estimate).toBeCloseTo(R.svymean[item].mean, 9); // R survey::svymean coef
      expect(z.se).toBeCloseTo(R.svymean[item].se, 6); // R survey::SE(svymean)
      expect(z.interval.lower).toBeCloseTo(R.svymean[item].ci_z[0], 6); // R confint(svymean)
      expect(z.interval.upper).toBeCloseTo(R.svymean[item].ci_z[1], 6);
      expect(z.interval.method).toBe('linearisation-z');
      const t = weightedMean(values, { weights: fx.weights });
      expect(t.interval.df).toBe(R.svymean[item].df); // R degf(design)
      expect(t.interval.lower).toBeCloseTo(R.svymean[item].ci_t[0], 6); // R confint(svymean, df = degf)
      expect(t.interval.upper).toBeCloseTo(R.svymean[item].ci_t[1], 6);
      expect(t.designSize).toBe(300);
    });
  }
  for (const item of ['q1', 'q2', 'q3', 'q4', 'q5']) {
    it(`${item} unweighted — R survey::svymean with weights = ~1`, () => {
      const r = weightedMean(fx.column(item));
      expect(r.estimate).toBeCloseTo(R.svymean_unweighted[item].mean, 9);
      expect(r.se).toBeCloseTo(R.svymean_unweighted[item].se, 6);
    });
  }
  it('domain means by school and group — R survey::svyby(~q, ~school, svymean, na.rm = TRUE)', () => {
    for (const [by, table] of [
      ['school', R.svyby_school],
      ['group', R.svyby_group],
    ] as const) {
      for (const [item, rows] of Object.entries(
        table as Record<string, { key: string; mean: number; se: number }[]>,
      )) {
        const values = fx.column(item);
        for (const row of rows) {
          const domain = values.map((v, i) => (fx.rows[i]![by] === row.key ? v : null));
          const r = weightedMean(domain, { weights: fx.weights });
          expect(r.estimate, `${item} ${row.key}`).toBeCloseTo(row.mean, 9); // R svyby coef
          expect(r.se, `${item} ${row.key}`).toBeCloseTo(row.se, 6); // R svyby SE
        }
      }
    }
  });
  it('Kish effective n — R: sum(w)^2 / sum(w^2)', () => {
    expect(effectiveSampleSize(fx.weights)).toBeCloseTo(R.kish_neff, 9);
  });
});

describe('weightedMean by hand', () => {
  it('three values: x̄ = 3, v = 3/2 · Σ(x − 3)²/9 = 1/3', () => {
    const r = weightedMean([2, 3, 4]);
    expect(r.estimate).toBe(3);
    expect(r.se).toBeCloseTo(Math.sqrt(1 / 3), 14);
    // t(0.975, 2) = 4.302653 (R: qt(0.975, 2))
    expect(r.interval.lower).toBeCloseTo(3 - 4.302653 * Math.sqrt(1 / 3), 5);
  });
  it('a missing answer stays in the design: n = 3 in n/(n − 1)', () => {
    // answered 2 and 4 (x̄ = 3); z = ±1/2; v = 3/2 · (1/4 + 1/4) = 3/4.
    const r = weightedMean([2, null, 4]);
    expect(r.se).toBeCloseTo(Math.sqrt(3 / 4), 14);
    expect(r.n).toBe(2);
    expect(r.designSize).toBe(3);
  });
  it('weights: x̄ = (3·4 + 1·2)/4 = 3.5', () => {
    expect(weightedMean([4, 2], { weights: [3, 1] }).estimate).toBe(3.5);
  });
  it('edges: empty, all missing and a single row throw; all equal has SE 0', () => {
    expect(() => weightedMean([])).toThrow(/weightedMean/);
    expect(() => weightedMean([null, NaN])).toThrow(/no answered value/);
    expect(() => weightedMean([3])).toThrow(/at least 2 rows/);
    expect(weightedMean([4, 4, 4]).se).toBe(0);
    expect(() => weightedMean([1, 2], { weights: [1, 0] })).toThrow(/positive/);
    expect(() => weightedMean([1, Infinity])).toThrow(/finite/);
  });
  it('does not mutate its input', () => {
    const values = Object.freeze([1, 2, 3]);
    const weights = Object.freeze([1, 2, 3]);
    expect(() => weightedMean(values, { weights })).not.toThrow();
  });
  it('criticalValue matches R qnorm/qt', () => {
    expect(criticalValue()).toBeCloseTo(1.959963984540054, 12); // R: qnorm(0.975)
    expect(criticalValue(0.95, 299)).toBeCloseTo(1.96792966906567, 11); // R: qt(0.975, 299)
    expect(criticalValue(0.9, 3.5)).toBeCloseTo(2.2224334936496, 11); // R: qt(0.95, 3.5)
    expect(criticalValue(0.99)).toBeCloseTo(2.575829303548901, 12); // R: qnorm(0.995)
  });
});

describe('WeightedMeanAccumulator', () => {
  it('one pass equals merged shards', () => {
    const values = fx.column('q1');
    const one = new WeightedMeanAccumulator();
    values.forEach((v, i) => one.add(v, fx.weights[i]));
    const shards = [0, 1, 2].map(() => new WeightedMeanAccumulator());
    values.forEach((v, i) => shards[i % 3]!.add(v, fx.weights[i]));
    const merged = shards[2]!.merge(shards[0]!).merge(shards[1]!).result();
    expect(merged.estimate).toBeCloseTo(one.result().estimate, 12);
    expect(merged.se).toBeCloseTo(one.result().se, 12);
    expect(one.result().se).toBeCloseTo(R.svymean.q1.se, 6); // R survey::svymean
  });
});
