import { describe, expect, it } from 'vitest';
import { CronbachAlphaAccumulator, cronbachAlpha } from './cronbach-alpha.js';
import { readFixture } from '../test/helpers.js';

const fx = readFixture();
const items = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => fx.column(id));

describe('cronbachAlpha', () => {
  it('pairwise: R psych::alpha(d[, items])$total$raw_alpha and $alpha.drop$raw_alpha', () => {
    const r = cronbachAlpha(items, { missing: 'pairwise', names: ['q1', 'q2', 'q3', 'q4', 'q5'] });
    expect(r.alpha).toBeCloseTo(fx.expected.alpha.pairwise.raw_alpha, 12);
    r.alphaIfDeleted.forEach((d, i) => {
      expect(d.alpha).toBeCloseTo(fx.expected.alpha.pairwise.alpha_drop[i], 12);
    });
  });
  it('complete cases: R psych::alpha(na.omit(d[, items]))', () => {
    const r = cronbachAlpha(items);
    expect(r.n).toBe(fx.expected.alpha.complete.n);
    expect(r.alpha).toBeCloseTo(fx.expected.alpha.complete.raw_alpha, 12);
    r.alphaIfDeleted.forEach((d, i) => {
      expect(d.alpha).toBeCloseTo(fx.expected.alpha.complete.alpha_drop[i], 12);
    });
  });
  it('by hand: [1,2,3] and [2,3,3] give 2(1 − (4/3)/(7/3)) = 6/7', () => {
    expect(
      cronbachAlpha([
        [1, 2, 3],
        [2, 3, 3],
      ]).alpha,
    ).toBeCloseTo(6 / 7, 14);
  });
  it('shards merged equal one pass', () => {
    const one = cronbachAlpha(items, { missing: 'pairwise' }).alpha;
    const a = new CronbachAlphaAccumulator(5, { missing: 'pairwise' });
    const b = new CronbachAlphaAccumulator(5, { missing: 'pairwise' });
    for (let r = 0; r < 300; r++) (r < 123 ? a : b).add(items.map((c) => c[r]));
    expect(b.merge(a).result().alpha).toBeCloseTo(one, 12);
  });
  it('edges', () => {
    expect(() => cronbachAlpha([[1, 2]])).toThrow(/two items/);
    expect(() =>
      cronbachAlpha([
        [1, 1, 1],
        [2, 2, 2],
      ]),
    ).toThrow(/no variance/);
    expect(() => cronbachAlpha([[1], [2]])).toThrow(/at least 2/);
    expect(() => cronbachAlpha([[1, 2], [1]])).toThrow(/one answer per respondent/);
  });
});
