import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressGroups } from './disclosure.js';

describe('suppressGroups', () => {
  it('suppresses nothing when every group reaches k', () => {
    expect(
      suppressGroups(
        [
          { label: 'a', size: 5 },
          { label: 'b', size: 9 },
        ],
        5,
      ).size,
    ).toBe(0);
  });
  it('adds the next smallest group when exactly one is below k (as the index breakdown)', () => {
    // a: 6, b: 5, c: 2 with k = 5: c is below the minimum; b, the next smallest, is suppressed too.
    const r = suppressGroups(
      [
        { label: 'a', size: 6 },
        { label: 'b', size: 5 },
        { label: 'c', size: 2 },
      ],
      5,
    );
    expect([...r.entries()]).toEqual([
      ['c', 'below-minimum'],
      ['b', 'complementary'],
    ]);
  });
  it('keeps adding while the suppressed groups hold fewer than k together', () => {
    // c 1 + d 1 = 2 < 5 although they are two groups: add b (6), the next smallest: 8, stop.
    const r = suppressGroups(
      [
        { label: 'a', size: 9 },
        { label: 'b', size: 6 },
        { label: 'c', size: 1 },
        { label: 'd', size: 1 },
      ],
      5,
    );
    expect(r.get('c')).toBe('below-minimum');
    expect(r.get('d')).toBe('below-minimum');
    expect(r.get('b')).toBe('complementary');
    expect(r.has('a')).toBe(false);
  });
  it('property: the suppressed groups are never one, and hold at least k cases, unless all are suppressed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 10 }),
        (sizes, k) => {
          const groups = sizes.map((size, i) => ({ label: `g${i}`, size }));
          const r = suppressGroups(groups, k);
          for (const g of groups) if (g.size < k) expect(r.get(g.label)).toBe('below-minimum');
          if (r.size > 0 && r.size < groups.length) {
            expect(r.size).toBeGreaterThanOrEqual(2);
            const pooled = groups.filter((g) => r.has(g.label)).reduce((s, g) => s + g.size, 0);
            expect(pooled).toBeGreaterThanOrEqual(k);
          }
        },
      ),
    );
  });
});
