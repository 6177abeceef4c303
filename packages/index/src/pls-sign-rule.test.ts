// plsPathModel's sign rule on the two edge cases plspm decides differently
// from a naive majority rule: a block whose indicators split evenly in sign
// (tie) and a block most of whose indicators correlate negatively with its
// score. Every expected number comes from test/fixtures/pls-sign/
// sign-edges.expected.json, written by generate.R beside it: a base-R
// re-implementation of plspm 0.4.x (get_treated_data, get_weights,
// get_scores, get_weights_nonmetric, get_num_scale, get_path_scheme,
// get_paths), which also reproduces the real-plspm Russett fixture.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plsBootstrap } from './pls-bootstrap.js';
import { plsPathModel, type PlsModel, type PlsResult } from './pls-path-model.js';

interface ExpectedFit {
  readonly weights: Record<string, number>;
  readonly loadings: Record<string, number>;
  readonly path: number;
  readonly scoreNegated: readonly boolean[];
  readonly scores: Record<string, number[]>;
}
interface ExpectedCase {
  readonly columns: string[];
  readonly rows: number[][];
  readonly blocks: { name: string; indicators: string[] }[];
  readonly fits: Record<string, ExpectedFit>;
}
const fixture = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../test/fixtures/pls-sign/sign-edges.expected.json'),
    'utf8',
  ),
) as { tolerance: number; maxIterations: number; tie: ExpectedCase; negative: ExpectedCase };

const TOL = 1e-6;
function modelOf(c: ExpectedCase): PlsModel {
  const [from, to] = c.blocks;
  return { blocks: c.blocks, inner: [[from!.name, to!.name]] };
}

function check(fit: PlsResult, want: ExpectedFit, what: string): void {
  for (const row of fit.outer) {
    expect(row.weight, `${what} weight ${row.indicator}`).toBeCloseTo(
      want.weights[row.indicator]!,
      6,
    );
    expect(row.loading, `${what} loading ${row.indicator}`).toBeCloseTo(
      want.loadings[row.indicator]!,
      6,
    );
  }
  const [from, to] = fit.latent;
  expect(fit.pathCoefficients[to!]![from!], `${what} path`).toBeCloseTo(want.path, 6);
  for (const name of fit.latent) {
    const got = fit.scores[name]!;
    const wanted = want.scores[name]!;
    expect(got).toHaveLength(wanted.length);
    let worst = 0;
    for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i]! - wanted[i]!));
    expect(worst, `${what} scores ${name}`).toBeLessThan(TOL);
  }
}

describe('plsPathModel sign rule: plspm get_scores / get_weights (R oracle, 1e-6)', () => {
  const options = { tolerance: fixture.tolerance, maxIterations: fixture.maxIterations };
  for (const name of ['tie', 'negative'] as const) {
    const c = fixture[name];
    const data = Object.freeze({ columns: c.columns, rows: c.rows });
    for (const scheme of ['centroid', 'path'] as const) {
      it(`${name}, raw, ${scheme}: the score is negated (sign sum ≤ 0), the weights are not`, () => {
        const want = c.fits[`metric-raw-${scheme}`]!;
        // R: get_scores negates the first block's score, not the second's.
        expect(want.scoreNegated).toEqual([true, false]);
        check(plsPathModel(data, modelOf(c), { ...options, scheme, scaling: 'raw' }), want, name);
      });
      it(`${name}, standardised, ${scheme}: no sign rule (plspm numeric scaling)`, () => {
        const want = c.fits[`nonmetric-${scheme}`]!;
        expect(want.scoreNegated).toEqual([false, false]);
        check(plsPathModel(data, modelOf(c), { ...options, scheme }), want, name);
      });
    }
  }

  it('bootstrap of a raw fit keeps the full data orientation of a negated tie block', () => {
    const c = fixture.tie;
    const boot = plsBootstrap({ columns: c.columns, rows: c.rows }, modelOf(c), {
      scaling: 'raw',
      resamples: 200,
      seed: 3,
    });
    // R (metric-raw-centroid): path T → S = −0.875, weights t1 = +0.434, t2 = −0.298.
    const path = boot.paths[0]!;
    expect(path.original).toBeCloseTo(c.fits['metric-raw-centroid']!.path, 6);
    expect(path.upper).toBeLessThan(0);
    expect(boot.weights.find((w) => w.indicator === 't1')!.lower).toBeGreaterThan(0);
    expect(boot.weights.find((w) => w.indicator === 't2')!.upper).toBeLessThan(0);
  });
});
