import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal-quantile.js';
import { wilson } from './wilson.js';

describe('wilson', () => {
  // R 4.x: prop.test(k, n, correct = FALSE)$conf.int, printed with options(digits = 15).
  const cases: readonly [number, number, number, number][] = [
    [3, 7, 0.15821985525147, 0.749541635472343],
    [0, 10, 0, 0.277532799862889],
    [10, 10, 0.722467200137111, 1],
    [95, 100, 0.888249530768081, 0.978456320845632],
    [1, 1, 0.206549314377238, 1],
    [19, 20, 0.763868806553258, 0.991118551199205],
    [943, 1000, 0.926862932340514, 0.955746559641284],
  ];
  for (const [k, n, lower, upper] of cases) {
    it(`matches prop.test(${k}, ${n}, correct = FALSE)`, () => {
      const ci = wilson(k, n, 0.95);
      expect(ci.lower).toBeCloseTo(lower, 8);
      expect(ci.upper).toBeCloseTo(upper, 8);
    });
  }
  it('honours the level: R prop.test(19, 20, correct = FALSE, conf.level = 0.9)$conf.int = 0.803992763225984 0.988765183149148', () => {
    const ci = wilson(19, 20, 0.9);
    expect(ci.lower).toBeCloseTo(0.803992763225984, 8);
    expect(ci.upper).toBeCloseTo(0.988765183149148, 8);
  });
  it('is exactly 0 and 1 at the edges, as prop.test', () => {
    expect(wilson(0, 3, 0.95).lower).toBe(0);
    expect(wilson(3, 3, 0.95).upper).toBe(1);
  });
});

describe('normalQuantile', () => {
  it('matches R qnorm(0.975), qnorm(0.95), qnorm(0.995)', () => {
    // R: qnorm(c(0.975, 0.95, 0.995)) = 1.95996398454005 1.64485362695147 2.5758293035489
    expect(normalQuantile(0.975)).toBeCloseTo(1.95996398454005, 8);
    expect(normalQuantile(0.95)).toBeCloseTo(1.64485362695147, 8);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 8);
    expect(normalQuantile(0.025)).toBeCloseTo(-1.95996398454005, 8);
  });
});
