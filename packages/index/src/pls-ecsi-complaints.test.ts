// ecsiModel with complaints fitted by plsPathModel against an R oracle: every
// expected number comes from test/fixtures/pls-ecsi/complaints.expected.json,
// written by generate-complaints.R beside it (the base-R re-implementation of
// plspm 0.4.x in test/fixtures/pls-sign/plspm-base.R, which reproduces the
// real-plspm Russett fixture), on the same seeded survey and the twelve ECSI
// paths with SAT → LOY beside SAT → COMP → LOY.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsiModel } from './pls-ecsi-model.js';
import { plsPathModel } from './pls-path-model.js';

interface ExpectedFit {
  readonly weights: Record<string, number>;
  readonly loadings: Record<string, number>;
  readonly paths: [string, string, number][];
  readonly r2: Record<string, number>;
}
const fixture = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../test/fixtures/pls-ecsi/complaints.expected.json'),
    'utf8',
  ),
) as {
  tolerance: number;
  maxIterations: number;
  columns: string[];
  rows: number[][];
  fits: Record<'standardised-centroid' | 'raw-centroid', ExpectedFit>;
};

const items = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const model = ecsiModel({
  image: items('imag', 3),
  expectations: items('expe', 3),
  quality: items('qual', 3),
  value: items('val', 2),
  satisfaction: items('sat', 3),
  complaints: items('comp', 2),
  loyalty: items('loy', 2),
});

describe('ecsiModel with complaints: plsPathModel against the R oracle (1e-6)', () => {
  const data = { columns: fixture.columns, rows: fixture.rows };
  for (const scaling of ['standardised', 'raw'] as const) {
    it(`${scaling}: weights, loadings, the twelve paths (SAT → LOY included) and R²`, () => {
      const want = fixture.fits[`${scaling}-centroid`];
      const fit = plsPathModel(data, model, {
        scaling,
        tolerance: fixture.tolerance,
        maxIterations: fixture.maxIterations,
      });
      for (const row of fit.outer) {
        expect(row.weight, `weight ${row.indicator}`).toBeCloseTo(want.weights[row.indicator]!, 6);
        expect(row.loading, `loading ${row.indicator}`).toBeCloseTo(
          want.loadings[row.indicator]!,
          6,
        );
      }
      const arrows = (list: (readonly [string, string])[]): string[] =>
        list.map(([f, t]) => `${f}→${t}`).sort();
      expect(arrows(fit.inner.map((p) => [p.from, p.to]))).toEqual(
        arrows(want.paths.map(([f, t]) => [f, t])),
      );
      for (const [from, to, value] of want.paths) {
        expect(fit.pathCoefficients[to]![from], `${from} → ${to}`).toBeCloseTo(value, 6);
      }
      for (const [lv, r2] of Object.entries(want.r2)) {
        expect(fit.r2[lv], `R² ${lv}`).toBeCloseTo(r2, 6);
      }
    });
  }
});
