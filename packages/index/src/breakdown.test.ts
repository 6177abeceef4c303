import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFixture } from '../test/helpers.js';
import { BreakdownAccumulator, breakdown, type PublishedGroup } from './breakdown.js';
import type { SurveyData } from './survey-input.js';

const fx = readFixture();
const R = fx.expected;

describe('breakdown against R survey::svyby (fixture satisfaction-survey)', () => {
  it('school groups: q1 means and SEs as svyby(~q1, ~school, svymean, na.rm = TRUE); D and E suppressed', () => {
    const r = breakdown(fx.survey, { by: 'school', items: ['q1'] });
    const published = r.groups.filter((g): g is PublishedGroup => !g.suppressed);
    expect(published.map((g) => g.label).sort()).toEqual(['A', 'B', 'C']);
    for (const g of published) {
      const row = (R.svyby_school.q1 as { key: string; mean: number; se: number }[]).find(
        (x) => x.key === g.label,
      )!;
      expect(g.index.items[0]!.mean).toBeCloseTo(row.mean, 9); // R svyby coef
      expect(g.index.items[0]!.se).toBeCloseTo(row.se, 6); // R svyby SE
      expect(g.index.designSize).toBe(300);
    }
    // E has 3 respondents (below 5); D (7) is the next smallest and is suppressed with it.
    const suppressed = r.groups.filter((g) => g.suppressed);
    expect(suppressed).toEqual([
      {
        key: { school: 'D' },
        label: 'D',
        labelSource: 'option',
        suppressed: true,
        reason: 'complementary',
      },
      {
        key: { school: 'E' },
        label: 'E',
        labelSource: 'option',
        suppressed: true,
        reason: 'below-minimum',
      },
    ]);
  });
  it('ranks published groups by index and carries NPS per group', () => {
    const r = breakdown(fx.responseSet, { by: 'group' });
    const published = r.groups.filter((g): g is PublishedGroup => !g.suppressed);
    expect(published.map((g) => g.rank)).toEqual([1, 2, 3]);
    for (let i = 1; i < published.length; i++) {
      expect(published[i - 1]!.index.score).toBeGreaterThanOrEqual(published[i]!.index.score);
    }
    expect(published[0]!.nps?.n).toBeGreaterThan(0);
    expect(r.totalNps?.score).toBeCloseTo(
      ((): number => {
        // R-free hand formula on the weighted data: 100·(Σw·1[≥9] − Σw·1[≤6])/Σw.
        let w = 0;
        let s = 0;
        fx.column('nps').forEach((x, i) => {
          if (x === null) return;
          w += fx.weights[i]!;
          s += fx.weights[i]! * (x >= 9 ? 1 : x <= 6 ? -1 : 0);
        });
        return (100 * s) / w;
      })(),
      10,
    );
  });
  it('two fields cross-classify; shards merged agree with one pass', () => {
    const one = breakdown(fx.survey, { by: ['school', 'group'] });
    const a = new BreakdownAccumulator(fx.survey, { by: ['school', 'group'] });
    const b = new BreakdownAccumulator(fx.survey, { by: ['school', 'group'] });
    for (let r = 0; r < 300; r++) (r % 3 === 0 ? a : b).add(fx.survey, r);
    const merged = b.merge(a).result();
    expect(merged.groups.map((g) => g.label)).toEqual(one.groups.map((g) => g.label));
    merged.groups.forEach((g, i) => {
      const o = one.groups[i]!;
      if (!g.suppressed && !o.suppressed)
        expect(Math.abs(g.index.score - o.index.score)).toBeLessThan(1e-12);
    });
  });
  it('ties share a rank; a missing segment value is its own group', () => {
    const r = breakdown(
      {
        items: [{ id: 'q', values: [5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 3, 3, 3], min: 1, max: 5 }],
        segments: {
          s: ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'b', 'b', null, null, null],
        },
      },
      { by: 's', minGroupSize: 3 },
    );
    const ranks = r.groups.map((g) => (g.suppressed ? null : [g.label, g.rank]));
    expect(ranks).toEqual([
      ['a', 1],
      ['b', 2],
      ['(not stated)', 3],
    ]);
  });
  it('a whole sample under the threshold suppresses the total too', () => {
    const r = breakdown(
      { items: [{ id: 'q', values: [5, 4, 3], min: 1, max: 5 }], segments: { s: ['a', 'a', 'b'] } },
      { by: 's' },
    );
    expect(r.total).toBeNull();
    expect(r.groups.every((g) => g.suppressed)).toBe(true);
  });
  it('unknown segment fields throw', () => {
    expect(() => breakdown(fx.survey, { by: 'nope' })).toThrow(/segment field nope/);
  });
});

describe('suppression is never leaked (fast-check)', () => {
  it('small groups carry no numbers; total − published never isolates fewer than k respondents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 2, max: 6 }),
        (sizes, k) => {
          const labels = sizes.flatMap((n, g) => Array.from({ length: n }, () => `g${g}`));
          const values = labels.map((_, i) => 1 + (i % 5));
          const survey: SurveyData = {
            items: [{ id: 'q', values, min: 1, max: 5 }],
            segments: { s: labels },
          };
          if (labels.length < 2) return;
          const r = breakdown(survey, { by: 's', minGroupSize: k });
          const size = new Map(sizes.map((n, g) => [`g${g}`, n]));
          const hidden = r.groups.filter((g) => g.suppressed);
          for (const g of r.groups) {
            if (size.get(g.label)! < k) expect(g.suppressed).toBe(true);
            if (g.suppressed)
              expect(Object.keys(g).sort()).toEqual([
                'key',
                'label',
                'labelSource',
                'reason',
                'suppressed',
              ]);
          }
          if (r.total !== null && hidden.length > 0) {
            expect(hidden.length).toBeGreaterThanOrEqual(2);
            expect(hidden.reduce((s, g) => s + size.get(g.label)!, 0)).toBeGreaterThanOrEqual(k);
          }
          if (r.total === null) expect(labels.length).toBeLessThan(k);
          expect(JSON.stringify(r)).not.toMatch(/NaN/);
        },
      ),
    );
  });
});
