import { describe, expect, it } from 'vitest';
import { marginOfError } from './margin-of-error.js';
import { sampleSize } from './sample-size.js';
import { sampleSizePlan } from './sample-size-plan.js';

describe('marginOfError and sampleSize', () => {
  it('R: qnorm(.975)*sqrt(.25/400) and with the correction sqrt(1600/1999)', () => {
    expect(marginOfError({ n: 400 })).toBeCloseTo(0.0489990996135013, 14);
    expect(marginOfError({ n: 400, populationSize: 2000 })).toBeCloseTo(0.0438370876709984, 14);
  });
  it('R: n0 = qnorm(.975)^2*.25/.05^2 = 384.1459 → 385; n0/(1 + (n0 − 1)/1000) = 277.73 → 278', () => {
    expect(sampleSize({ margin: 0.05 })).toBe(385);
    expect(sampleSize({ margin: 0.05, populationSize: 1000 })).toBe(278);
  });
  it('round trip: the margin at the planned n meets the target', () => {
    for (const N of [20, 50, 120, 600, 5000]) {
      const n = sampleSize({ margin: 0.05, populationSize: N });
      expect(marginOfError({ n, populationSize: N })).toBeLessThanOrEqual(0.05 + 1e-12);
      if (n > 1) expect(marginOfError({ n: n - 1, populationSize: N })).toBeGreaterThan(0.05);
    }
  });
  it('a municipal rule: ±5 points per institution, at least 30 or everyone', () => {
    const plan = sampleSizePlan(
      [
        { id: 'gymnasium', populationSize: 800 },
        { id: 'kindergarten', populationSize: 45 },
        { id: 'music-school', populationSize: 20 },
      ],
      { margin: 0.05, minimum: 30 },
    );
    expect(plan.strata.map((s) => s.n)).toEqual([260, 41, 20]);
    expect(plan.strata[2]!.margin).toBe(0); // a census has no sampling error
    expect(plan.strata.every((s) => s.margin <= 0.05 + 1e-12)).toBe(true);
    const proportional = sampleSizePlan(
      [
        { id: 'a', populationSize: 800 },
        { id: 'b', populationSize: 200 },
      ],
      {
        margin: 0.05,
        allocation: 'proportional',
      },
    );
    expect(proportional.strata.map((s) => s.n)).toEqual([223, 56]); // ⌈278·0.8⌉, ⌈278·0.2⌉
  });
  it('edges', () => {
    expect(() => marginOfError({ n: 10, populationSize: 5 })).toThrow(/marginOfError/);
    expect(() => sampleSize({ margin: 1.2 })).toThrow(/sampleSize/);
    expect(() => sampleSizePlan([], { margin: 0.05 })).toThrow(/sampleSizePlan/);
    expect(sampleSize({ margin: 0.5, populationSize: 1 })).toBe(1);
  });
});
