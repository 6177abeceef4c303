import { describe, expect, it } from 'vitest';
import { designWeights } from './design-weights.js';
import { postStratify } from './post-stratify.js';
import { rake } from './rake.js';
import { weightedMean } from './weighted-mean.js';
import { readFixture } from '../test/helpers.js';
import { EduQualityError } from '@edu-quality/core';

const fx = readFixture();
const R = fx.expected;
const school = fx.rows.map((r) => r.school!);
const group = fx.rows.map((r) => r.group!);

describe('postStratify', () => {
  it('weights and means equal R survey::postStratify(des, ~school, pop)', () => {
    const r = postStratify(fx.weights, school, R.poststratify.population);
    r.weights.forEach((w, i) => {
      expect(w).toBeCloseTo(R.poststratify.weights[i], 9); // R weights(postStratify(...))
    });
    expect(weightedMean(fx.column('q1'), { weights: r.weights }).estimate).toBeCloseTo(
      R.poststratify.q1_mean,
      9,
    ); // R svymean on the post-stratified design
    expect(weightedMean(fx.column('overall'), { weights: r.weights }).estimate).toBeCloseTo(
      R.poststratify.overall_mean,
      9,
    );
  });
  it('post-stratified SE — R SE(svymean(~q, postStratify(des, ~school, pop), na.rm = TRUE))', () => {
    const r = postStratify(fx.weights, school, R.poststratify.population);
    for (const item of ['q1', 'overall']) {
      const m = weightedMean(fx.column(item), { weights: r.weights, postStrata: school });
      expect(m.estimate).toBeCloseTo(R.poststratify[`${item}_mean`], 9);
      expect(m.se).toBeCloseTo(R.poststratify[`${item}_se`], 6);
      // Calibration can only help here: the plain design SE on the same weights is larger.
      expect(weightedMean(fx.column(item), { weights: r.weights }).se).toBeGreaterThan(m.se);
    }
    expect(() => weightedMean([1, 2], { postStrata: ['a', 'b'] })).toThrow(
      /postStrata needs weights/,
    );
  });
  it('reads a CategoryColumn', () => {
    const column = fx.responseSet.columns.get('school');
    if (column?.kind !== 'category') throw new Error('fixture');
    expect(postStratify(fx.weights, column, R.poststratify.population).weights[0]).toBeCloseTo(
      R.poststratify.weights[0],
      9,
    );
  });
  it('empty or unknown cells throw', () => {
    expect(() => postStratify([1], ['a'], { a: 1, b: 2 })).toThrow(/no respondents/);
    expect(() => postStratify([1], ['c'], { a: 1 })).toThrow(/no population/);
  });
});

describe('rake', () => {
  it('weights and means equal R survey::rake(des, list(~school, ~group), ...) run to convergence', () => {
    const r = rake(fx.weights, [
      { cells: school, population: R.rake.school },
      { cells: group, population: R.rake.group },
    ]);
    expect(r.converged).toBe(true);
    expect(r.iterations).toBeGreaterThan(1);
    r.weights.forEach((w, i) => {
      expect(w).toBeCloseTo(R.rake.weights[i], 8); // R weights(rake(...))
    });
    expect(weightedMean(fx.column('q1'), { weights: r.weights }).estimate).toBeCloseTo(
      R.rake.q1_mean,
      9,
    ); // R svymean on the raked design
    expect(weightedMean(fx.column('overall'), { weights: r.weights }).estimate).toBeCloseTo(
      R.rake.overall_mean,
      9,
    );
    for (const item of ['q1', 'overall']) {
      // R SE(svymean(~q, rake(...), na.rm = TRUE))
      const m = weightedMean(fx.column(item), {
        weights: r.weights,
        rakingMargins: [school, group],
      });
      expect(m.se).toBeCloseTo(R.rake[`${item}_se`], 6);
      expect(m.estimate).toBeCloseTo(R.rake[`${item}_mean`], 9);
    }
    expect(() => weightedMean([1, 2], { rakingMargins: [['a', 'b']] })).toThrow(
      /rakingMargins needs/,
    );
  });
  it('non-convergence is never silent: it throws not-converged, or flags it', () => {
    // Margins that cannot both hold: a and x are the same respondents with different totals.
    const margins = [
      { cells: ['a', 'b'], population: { a: 10, b: 10 } },
      { cells: ['x', 'y'], population: { x: 5, y: 15 } },
      { cells: ['p', 'p'], population: { p: 30 } },
    ];
    try {
      rake([1, 1], margins, { maxIterations: 20 });
      expect.unreachable();
    } catch (error) {
      expect(EduQualityError.isInstance(error) && error.code).toBe('not-converged');
    }
    const flagged = rake([1, 1], margins, { maxIterations: 20, onNotConverged: 'flag' });
    expect(flagged.converged).toBe(false);
    expect(flagged.iterations).toBe(20);
    expect(flagged.maxRelativeError).toBeGreaterThan(0.1);
  });
});

describe('designWeights', () => {
  it('N_h / n_h by hand', () => {
    expect([...designWeights(['a', 'b', 'a', 'a'], { a: 30, b: 5 })]).toEqual([10, 5, 10, 10]);
    expect(() => designWeights(['a', null], { a: 1 })).toThrow(/no stratum/);
  });
});
