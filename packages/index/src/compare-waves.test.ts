import { describe, expect, it } from 'vitest';
import { compareWaves } from './compare-waves.js';
import { weightedMean } from './weighted-mean.js';
import { proportion } from './proportion.js';
import { netPromoterScore } from './net-promoter-score.js';
import { satisfactionIndex } from './satisfaction-index.js';
import { readFixture } from '../test/helpers.js';

const share = (k: number, n: number) => proportion(Array.from({ length: n }, (_, i) => i < k));

describe('compareWaves', () => {
  it('means: Welch t equals R t.test(y, x)', () => {
    const r = compareWaves(
      weightedMean([3, 4, 5, 4, 3, 5, 2, 4]),
      weightedMean([4, 5, 5, 4, 5, 3, 5, 5, 4]),
    );
    expect(r.statistic).toBeCloseTo(1.58249583691107, 10); // R t.test statistic
    expect(r.df).toBeCloseTo(12.393075235908, 9); // R t.test parameter
    expect(r.pValue).toBeCloseTo(0.138709844122037, 10); // R t.test p.value
    expect(r.interval.lower).toBeCloseTo(-0.258328353946104, 9); // R t.test conf.int
    expect(r.interval.upper).toBeCloseTo(1.647217242834994, 9);
    expect(r.test).toMatch(/Welch/);
  });
  it('shares: two-proportion z equals R prop.test(c(60, 45), c(130, 120), correct = FALSE)', () => {
    const r = compareWaves(share(45, 120), share(60, 130));
    expect(r.difference).toBeCloseTo(0.0865384615384616, 14);
    expect(r.pValue).toBeCloseTo(0.166039742315012, 10); // R prop.test p.value
    expect(r.interval.lower).toBeCloseTo(-0.0353079890418878, 10); // R prop.test conf.int
    expect(r.interval.upper).toBeCloseTo(0.208384912118811, 10);
  });
  it('NPS and index: z on √(se₁² + se₂²) by hand', () => {
    const a = netPromoterScore([10, 9, 8, 6]);
    const b = netPromoterScore([10, 10, 10, 2, 9]);
    const r = compareWaves(a, b);
    expect(r.se).toBeCloseTo(Math.hypot(a.se, b.se), 12);
    expect(r.difference).toBeCloseTo(b.score - a.score, 12);
    const fx = readFixture();
    const i1 = satisfactionIndex(fx.survey);
    const same = compareWaves(i1, i1);
    expect(same.difference).toBe(0);
    expect(same.pValue).toBe(1);
  });
  it('different kinds throw', () => {
    expect(() => compareWaves(weightedMean([1, 2]), share(1, 2))).toThrow(/compareWaves/);
  });
});
