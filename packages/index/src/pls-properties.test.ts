// Properties of plsPathModel, customerSatisfactionIndex and plsBootstrap (fast-check).
import { EduQualityError } from '@edu-quality/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ecsiTestModel, syntheticEcsi } from '../test/fixtures/pls-ecsi/synthetic.js';
import { customerSatisfactionIndex } from './customer-satisfaction-index.js';
import { plsBootstrap } from './pls-bootstrap.js';
import { plsPathModel, type PlsResult } from './pls-path-model.js';

const base = syntheticEcsi(120, 77);

function expectSameFit(a: PlsResult, b: PlsResult, tol = 1e-9): void {
  a.outer.forEach((row, k) => {
    expect(Math.abs(row.weight - b.outer[k]!.weight)).toBeLessThan(tol);
    expect(Math.abs(row.loading - b.outer[k]!.loading)).toBeLessThan(tol);
  });
  for (const to of a.latent)
    for (const from of a.latent)
      expect(
        Math.abs(a.pathCoefficients[to]![from]! - b.pathCoefficients[to]![from]!),
      ).toBeLessThan(tol);
  for (const lv of a.latent) expect(Math.abs(a.r2[lv]! - b.r2[lv]!)).toBeLessThan(tol);
  expect(Math.abs(a.gof! - b.gof!)).toBeLessThan(tol);
}

describe('plsPathModel properties', () => {
  const scheme = fc.constantFrom('centroid' as const, 'factorial' as const, 'path' as const);
  const scaling = fc.constantFrom('standardised' as const, 'raw' as const);

  it('permuting respondents changes nothing (scores follow their respondents)', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          base.rows.map((_, i) => i),
          { minLength: base.rows.length, maxLength: base.rows.length },
        ),
        scheme,
        scaling,
        (order, s, sc) => {
          const original = plsPathModel(base, ecsiTestModel, {
            scheme: s,
            scaling: sc,
            tolerance: 1e-10,
          });
          const permuted = plsPathModel(
            { columns: base.columns, rows: order.map((i) => base.rows[i]!) },
            ecsiTestModel,
            { scheme: s, scaling: sc, tolerance: 1e-10 },
          );
          expectSameFit(original, permuted, 1e-7);
          order.forEach((i, r) => {
            expect(Math.abs(permuted.scores.SAT![r]! - original.scores.SAT![i]!)).toBeLessThan(
              1e-6,
            );
          });
        },
      ),
      { numRuns: 12 },
    );
  });

  it('multiplying a block’s indicators by positive constants leaves standardised results unchanged', () => {
    const blocks = ecsiTestModel.blocks;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: blocks.length - 1 }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 5, maxLength: 5 }),
        scheme,
        (b, factors, s) => {
          const names = blocks[b]!.indicators;
          const columns = names.map((name) => base.columns.indexOf(name));
          const rows = base.rows.map((row) => {
            const copy = [...(row as number[])];
            columns.forEach((c, k) => (copy[c] = copy[c]! * factors[k % factors.length]!));
            return copy;
          });
          const a = plsPathModel(base, ecsiTestModel, { scheme: s });
          const m = plsPathModel({ columns: base.columns, rows }, ecsiTestModel, { scheme: s });
          expectSameFit(a, m, 1e-9);
          for (const lv of a.latent)
            a.scores[lv]!.forEach((v, i) => {
              expect(Math.abs(v - m.scores[lv]![i]!)).toBeLessThan(1e-9);
            });
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('customerSatisfactionIndex of a pls fit: properties', () => {
  it('stays in [0, 100] for any data on any scale, or refuses a negative weight', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 20, max: 80 }),
        fc.constantFrom(0, 1),
        fc.constantFrom('standardised' as const, 'raw' as const),
        (seed, n, min, sc) => {
          // Items on 1–10 shifted to a min…min+9 scale.
          const data = syntheticEcsi(n, seed);
          const shifted = {
            columns: data.columns,
            rows: data.rows.map((r) => r.map((v) => v! - 1 + min)),
          };
          let fit: PlsResult;
          try {
            fit = plsPathModel(shifted, ecsiTestModel, { scaling: sc });
          } catch (error) {
            // A tiny sample can make an item constant.
            expect(EduQualityError.isInstance(error) && error.code).toBe('insufficient-data');
            return;
          }
          try {
            const index = customerSatisfactionIndex(fit, { scale: { min, max: min + 9 } });
            for (const lv of fit.latent) {
              expect(index.score[lv]!).toBeGreaterThanOrEqual(0);
              expect(index.score[lv]!).toBeLessThanOrEqual(100);
            }
          } catch (error) {
            expect(EduQualityError.isInstance(error) && error.code).toBe('invalid-argument');
            expect(fit.outer.some((r) => r.unstandardisedWeight < 0)).toBe(true);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('plsBootstrap properties', () => {
  it('a fixed seed reproduces the bootstrap exactly', () => {
    const data = syntheticEcsi(60, 3);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (seed) => {
        const a = plsBootstrap(data, ecsiTestModel, { resamples: 12, seed });
        const b = plsBootstrap(data, ecsiTestModel, { resamples: 12, seed });
        expect(b.paths).toEqual(a.paths);
        expect(b.weights).toEqual(a.weights);
        expect(b.failed).toEqual(a.failed);
      }),
      { numRuns: 5 },
    );
  });
});
