import { describe, expect, it } from 'vitest';
import { NpsAccumulator, netPromoterScore } from './net-promoter-score.js';
import { caughtError, buildResponseSet, readFixture } from '../test/helpers.js';
import { breakdown } from './breakdown.js';

const fx = readFixture();

describe('netPromoterScore', () => {
  it('fixture, unweighted — R: 100*(mean(r >= 9) - mean(r <= 6)), SE by the multinomial formula', () => {
    const r = netPromoterScore(fx.column('nps'));
    expect(r.n).toBe(fx.expected.nps.n);
    expect(r.score).toBeCloseTo(fx.expected.nps.score, 9);
    expect(r.se).toBeCloseTo(fx.expected.nps.se, 9);
    expect(r.interval.method).toBe('multinomial-z');
    expect(r.interval.lower).toBeCloseTo(r.score - 1.959963984540054 * r.se, 9); // R: qnorm(0.975)
  });
  it('by hand: 10, 9, 8, 6 → p = 1/2, d = 1/4, NPS 25, SE = 100√((3/4 − 1/16)/4)', () => {
    const r = netPromoterScore([10, 9, 8, 6]);
    expect(r.score).toBe(25);
    expect(r.se).toBeCloseTo(41.4578098794425, 10); // R: 100*sqrt((0.75-0.0625)/4)
    expect(r.passives).toBeCloseTo(0.25, 14);
  });
  it('weighted: shares by weight, n_eff in the variance', () => {
    const r = netPromoterScore([10, 0], { weights: [3, 1] });
    expect(r.score).toBe(50);
    expect(r.nEff).toBeCloseTo(16 / 10, 14);
    expect(r.se).toBeCloseTo(100 * Math.sqrt((1 - 0.25) / 1.6), 12);
    expect(r.interval.upper).toBeLessThanOrEqual(100);
  });
  it('accumulator merge equals one pass; edges', () => {
    const a = new NpsAccumulator().add(10).add(3);
    const b = new NpsAccumulator().add(7, 2);
    expect(a.merge(b).result().score).toBeCloseTo(
      netPromoterScore([10, 3, 7], { weights: [1, 1, 2] }).score,
      14,
    );
    expect(() => netPromoterScore([null])).toThrow(/netPromoterScore/);
    expect(() => netPromoterScore([11])).toThrow(/not an integer in 0–10/);
    expect(netPromoterScore([10, 10]).se).toBe(0);
  });
});

// Regression: an NPS on a 1–5 item scored −100 (every answer ≤ 6 is a
// "detractor") with no error. The NPS is defined on the 0–10 scale only.
describe('an NPS needs a 0–10 item', () => {
  const set = buildResponseSet({
    items: [
      { id: 'q_overall', values: [5, 4, 5, 3], min: 1, max: 5, role: 'recommend' },
      { id: 'q1', values: [5, 4, 4, 3], min: 1, max: 5, role: 'satisfaction' },
    ],
    segments: { school: ['a', 'a', 'b', 'b'] },
  });
  it('netPromoterScore refuses a scale column of another range, naming the item and its range', () => {
    const error = caughtError(() => netPromoterScore(set.columns.get('q_overall') as never));
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toBe(
      'netPromoterScore: the NPS needs a 0–10 item; q_overall is on a 1–5 scale',
    );
  });
  it('plain values must be integers 0..10 (7.5 is not an NPS answer)', () => {
    expect(caughtError(() => netPromoterScore([7.5, 9])).message).toMatch(/7\.5 is not an integer/);
    expect(() => new NpsAccumulator().add(-1)).toThrow(/not an integer in 0–10/);
    expect(() => new NpsAccumulator().add(9.5)).toThrow(/not an integer in 0–10/);
  });
  it('breakdown refuses nps: a 1–5 item, and does not take a 1–5 recommend item by default', () => {
    expect(
      caughtError(() => breakdown(set, { by: 'school', nps: 'q_overall', minGroupSize: 1 }))
        .message,
    ).toMatch(/^breakdown: the NPS needs a 0–10 item; q_overall is on a 1–5 scale/);
    const r = breakdown(set, { by: 'school', items: ['q1'], minGroupSize: 1 });
    expect(r.totalNps).toBeUndefined();
  });
});
