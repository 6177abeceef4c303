import { describe, expect, it } from 'vitest';
import { quantileType7 } from './quantile.js';

const q = (x: readonly number[], p: number): number =>
  quantileType7(
    [...x].sort((a, b) => a - b),
    p,
  );

describe('quantileType7', () => {
  it('matches R quantile(x, c(0.5, 0.9), type = 7)', () => {
    // R: quantile(c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5), c(0.5, 0.9), type = 7) = 4 6
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    expect(q(x, 0.5)).toBe(4);
    expect(q(x, 0.9)).toBe(6);
    // R: quantile(c(2, 10), c(0.5, 0.9), type = 7) = 6.0 9.2
    expect(q([2, 10], 0.5)).toBeCloseTo(6, 12);
    expect(q([2, 10], 0.9)).toBeCloseTo(9.2, 12);
    // R: quantile(c(0.5, 12.25, 3, 8, 8, 1), c(0.5, 0.9, 0.25), type = 7) = 5.500 10.125 1.500
    const y = [0.5, 12.25, 3, 8, 8, 1];
    expect(q(y, 0.5)).toBeCloseTo(5.5, 12);
    expect(q(y, 0.9)).toBeCloseTo(10.125, 12);
    expect(q(y, 0.25)).toBeCloseTo(1.5, 12);
  });
  it('returns the value of a single observation: R quantile(7, c(0.5, 0.9)) = 7 7', () => {
    expect(q([7], 0.5)).toBe(7);
    expect(q([7], 0.9)).toBe(7);
  });
  it('gives the minimum at 0 and the maximum at 1', () => {
    expect(q([4, 2, 9], 0)).toBe(2);
    expect(q([4, 2, 9], 1)).toBe(9);
  });
});
