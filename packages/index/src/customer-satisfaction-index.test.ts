import { EduQualityError } from '@edu-quality/core';
import { describe, expect, it } from 'vitest';
import { ecsiTestModel, syntheticEcsi } from '../test/fixtures/pls-ecsi/synthetic.js';
import { russettData, russettModel } from '../test/fixtures/pls-russett/russett.js';
import { customerSatisfactionIndex } from './customer-satisfaction-index.js';
import { plsPathModel, type PlsModel } from './pls-path-model.js';

const twoSingles: PlsModel = {
  blocks: [
    { name: 'Q', indicators: ['q'] },
    { name: 'S', indicators: ['s'] },
  ],
  inner: [['Q', 'S']],
};

describe('customerSatisfactionIndex of a pls fit', () => {
  it('is the rescaled mean for a one-item block (hand calculation)', () => {
    // q = 1..5 on a 1–5 scale: mean 3 → (3 − 1) / 4 × 100 = 50.
    // s = 2, 3, 5, 5, 5: mean 4 → (4 − 1) / 4 × 100 = 75.
    const data = {
      columns: ['q', 's'],
      rows: [
        [1, 2],
        [2, 3],
        [3, 5],
        [4, 5],
        [5, 5],
      ],
    };
    const index = customerSatisfactionIndex(plsPathModel(data, twoSingles, { scaling: 'raw' }), {
      scale: { min: 1, max: 5 },
    });
    expect(index.score.Q).toBeCloseTo(50, 12);
    expect(index.score.S).toBeCloseTo(75, 12);
    // The same data on a 0–10 reading of the scale: (3 − 0) / 10 × 100 = 30.
    const wide = customerSatisfactionIndex(plsPathModel(data, twoSingles, { scaling: 'raw' }), {
      scale: { min: 0, max: 10 },
    });
    expect(wide.score.Q).toBeCloseTo(30, 12);
  });

  it('weights the item means by the unstandardised weights normalised to 1 (Fornell et al. 1996)', () => {
    const fit = plsPathModel(syntheticEcsi(300, 2), ecsiTestModel, { scaling: 'raw' });
    const index = customerSatisfactionIndex(fit, { scale: { min: 1, max: 10 } });
    const sat = fit.outer.filter((r) => r.block === 'SAT');
    const sum = sat.reduce((s, r) => s + r.unstandardisedWeight, 0);
    // ACSI on a 1–10 scale: (Σ w̃ x̄ − 1) / 9 × 100.
    const byHand =
      ((sat.reduce((s, r) => s + (r.unstandardisedWeight / sum) * r.mean, 0) - 1) / 9) * 100;
    expect(index.score.SAT).toBeCloseTo(byHand, 10);
    const weights = index.latent.find((l) => l.latent === 'SAT')!.indicators;
    expect(weights.reduce((s, w) => s + w.normalisedWeight, 0)).toBeCloseTo(1, 12);
  });

  it('uses each standardised weight divided by its standard deviation on a standardised fit', () => {
    const fit = plsPathModel(syntheticEcsi(300, 2), ecsiTestModel);
    for (const row of fit.outer) expect(row.unstandardisedWeight * 1).toBeGreaterThan(0);
    const index = customerSatisfactionIndex(fit, { scale: { min: 1, max: 10 } });
    for (const name of fit.latent) {
      expect(index.score[name]!).toBeGreaterThan(0);
      expect(index.score[name]!).toBeLessThan(100);
    }
  });

  it('refuses a block with a negative weight, naming it (Russett IND: gnpr weighs −0.52)', () => {
    const { columns, rows } = russettData();
    const fit = plsPathModel({ columns, rows }, russettModel());
    let error: unknown;
    try {
      customerSatisfactionIndex(fit, { scale: { min: 0, max: 100 } });
    } catch (e) {
      error = e;
    }
    expect(EduQualityError.isInstance(error) && error.code).toBe('invalid-argument');
    expect(String(error)).toMatch(/block IND/);
  });

  it('needs a scale it can trust', () => {
    const data = {
      columns: ['q', 's'],
      rows: [
        [1, 2],
        [2, 3],
        [3, 5],
        [4, 5],
        [5, 5],
      ],
    };
    const fit = plsPathModel(data, twoSingles, { scaling: 'raw' });
    expect(() => customerSatisfactionIndex(fit)).toThrow(/scale/);
    expect(() => customerSatisfactionIndex(fit, { scale: { min: 5, max: 1 } })).toThrow(
      /min < max/,
    );
    expect(() => customerSatisfactionIndex(fit, { scale: { min: 1, max: 3 } })).toThrow(/outside/);
  });
});
