import { describe, expect, it } from 'vitest';
import { importancePerformance } from './importance-performance.js';
import { satisfactionIndex } from './satisfaction-index.js';
import { readFixture } from '../test/helpers.js';

describe('importancePerformance', () => {
  const points = [
    { id: 'staff', importance: 4.6, performance: 80 },
    { id: 'info', importance: 4.4, performance: 55 },
    { id: 'wait', importance: 4.0, performance: 40 },
    { id: 'parking', importance: 3.0, performance: 50 },
    { id: 'cafe', importance: 3.2, performance: 85 },
  ];
  it('cuts at the grand means by hand: importance 19.2/5 = 3.84, performance 310/5 = 62', () => {
    const r = importancePerformance(points);
    expect(r.cuts.importance).toBeCloseTo(3.84, 14);
    expect(r.cuts.performance).toBe(62);
    expect(r.concentrateHere).toEqual(['info', 'wait']);
    expect(r.keepUpTheGoodWork).toEqual(['staff']);
    expect(r.lowPriority).toEqual(['parking']);
    expect(r.possibleOverkill).toEqual(['cafe']);
  });
  it('given cuts; a value on a cut counts as high', () => {
    const r = importancePerformance(points, { cuts: { importance: 4.4, performance: 55 } });
    expect(r.cuts.method).toBe('given');
    expect(r.items.find((i) => i.id === 'info')!.quadrant).toBe('keep-up-the-good-work');
  });
  it('from an index with derived weights', () => {
    const fx = readFixture();
    const r = importancePerformance(satisfactionIndex(fx.survey, { weights: 'derived' }));
    expect(r.items).toHaveLength(5);
    expect(
      r.concentrateHere.length +
        r.keepUpTheGoodWork.length +
        r.lowPriority.length +
        r.possibleOverkill.length,
    ).toBe(5);
  });
  it('edges', () => {
    expect(() => importancePerformance([])).toThrow(/importancePerformance/);
    expect(() => importancePerformance([{ id: 'x', importance: NaN, performance: 1 }])).toThrow(
      /finite/,
    );
  });
});
