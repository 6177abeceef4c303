import { describe, expect, it } from 'vitest';
import { ProportionAccumulator, proportion } from './proportion.js';
import { topBoxShare } from './top-box-share.js';
import { readFixture } from '../test/helpers.js';

const fx = readFixture();

describe('proportion and topBoxShare', () => {
  it('unweighted top-2-box of q1 equals R prop.test(sum(q1 >= 4), n, correct = FALSE)', () => {
    const r = topBoxShare(fx.column('q1'), { min: 1, max: 5 });
    const R = fx.expected.wilson[0];
    expect(r.successes).toBe(R.k);
    expect(r.n).toBe(R.n);
    expect(r.interval.lower).toBeCloseTo(R.lower, 12);
    expect(r.interval.upper).toBeCloseTo(R.upper, 12);
  });
  it('reads a ResponseSet scale column with its sentinels', () => {
    const column = fx.responseSet.columns.get('q1');
    if (column?.kind !== 'scale') throw new Error('fixture');
    expect(topBoxShare(column).shareOfRespondents).toBeCloseTo(152 / 280, 14); // R: sum(q1 >= 4)/n
  });
  it('weighted: share Σw·1/Σw, Wilson with n_eff (hand: w = 1, 3 → n_eff = 16/10)', () => {
    const r = proportion([true, false], { weights: [1, 3] });
    expect(r.shareOfRespondents).toBe(0.25);
    expect(r.nEff).toBeCloseTo(1.6, 14);
    expect(r.interval.method).toBe('wilson-effective-n');
  });
  it('accumulator shards agree with one pass', () => {
    const values = fx.column('q2').map((v) => (v === null ? null : v >= 4));
    const one = proportion(values, { weights: fx.weights });
    const a = new ProportionAccumulator();
    const b = new ProportionAccumulator();
    values.forEach((v, i) => (i % 2 === 0 ? a : b).add(v, fx.weights[i]));
    const merged = b.merge(a).result();
    expect(merged.shareOfRespondents).toBeCloseTo(one.shareOfRespondents, 14);
    expect(merged.interval.lower).toBeCloseTo(one.interval.lower, 14);
  });
  it('edges', () => {
    expect(() => proportion([])).toThrow(/insufficient|no answered/);
    expect(() => topBoxShare([1, 2], {})).toThrow(/topBoxShare/);
    expect(() => topBoxShare([1, 2], { min: 1, max: 5, box: 5 })).toThrow(/box/);
    expect(topBoxShare([5, 5], { min: 1, max: 5 }).interval.upper).toBe(1);
  });
});
