import { describe, expect, it } from 'vitest';
import { readFixture } from '../test/helpers.js';
import { wilsonInterval } from './wilson-interval.js';

const R = readFixture().expected;

describe('wilsonInterval', () => {
  for (const c of R.wilson as { k: number; n: number; lower: number; upper: number }[]) {
    it(`k = ${c.k}, n = ${c.n} — R prop.test(k, n, correct = FALSE)$conf.int`, () => {
      const ci = wilsonInterval(c.k, c.n);
      expect(ci.lower).toBeCloseTo(c.lower, 12);
      expect(ci.upper).toBeCloseTo(c.upper, 12);
      expect(ci.method).toBe('wilson');
    });
  }
  it('by hand at k = n = 1: lower = 1/(1 + z²) = 0.2065', () => {
    const z = 1.959963984540054; // R: qnorm(0.975)
    expect(wilsonInterval(1, 1).lower).toBeCloseTo(1 / (1 + z * z), 14);
    expect(wilsonInterval(1, 1).upper).toBe(1);
  });
  it('effective n names its method and accepts fractional n', () => {
    const ci = wilsonInterval(0.4 * 37.5, 37.5, { effectiveN: true });
    expect(ci.method).toBe('wilson-effective-n');
    expect(ci.lower).toBeGreaterThan(0);
  });
  it('rejects broken preconditions naming the function', () => {
    expect(() => wilsonInterval(1, 0)).toThrow(/wilsonInterval/);
    expect(() => wilsonInterval(-1, 3)).toThrow(/between 0 and n/);
    expect(() => wilsonInterval(1, 3, { level: 1 })).toThrow(/level/);
  });
});
