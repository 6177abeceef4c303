// Preconditions, missing-data policies and ResponseSet input of plsPathModel.
import { EduQualityError } from '@edu-quality/core';
import {
  SCALE_MISSING,
  SCALE_NOT_APPLICABLE,
  type Questionnaire,
  type ResponseSet,
  type ScaleColumn,
} from '@edu-quality/questionnaire';
import { describe, expect, it } from 'vitest';
import { ecsiTestModel, syntheticEcsi } from '../test/fixtures/pls-ecsi/synthetic.js';
import { FIRST_NON_SCORE_CODE } from './internal/pls/prepare.js';
import { customerSatisfactionIndex } from './customer-satisfaction-index.js';
import { plsBootstrap } from './pls-bootstrap.js';
import { ecsiModel } from './pls-ecsi-model.js';
import { plsPathModel, type PlsModel } from './pls-path-model.js';

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (error) {
    if (EduQualityError.isInstance(error)) return error.code;
    throw error;
  }
  return undefined;
}

const small: PlsModel = {
  blocks: [
    { name: 'X', indicators: ['a', 'b'] },
    { name: 'Y', indicators: ['c', 'd'] },
  ],
  inner: [['X', 'Y']],
};
const rows = [
  [1, 2, 1, 2],
  [2, 1, 2, 2],
  [3, 3, 3, 4],
  [4, 5, 3, 3],
  [5, 4, 5, 5],
  [3, 4, 4, 3],
];
const matrix = { columns: ['a', 'b', 'c', 'd'], rows };

describe('plsPathModel preconditions', () => {
  it('rejects a cycle, unknown names, an isolated latent variable and a non-0/1 matrix', () => {
    expect(
      code(() =>
        plsPathModel(matrix, {
          ...small,
          inner: [
            ['X', 'Y'],
            ['Y', 'X'],
          ],
        }),
      ),
    ).toBe('invalid-argument');
    expect(code(() => plsPathModel(matrix, { ...small, inner: [['X', 'Z']] }))).toBe(
      'invalid-argument',
    );
    expect(
      code(() =>
        plsPathModel(matrix, {
          blocks: [...small.blocks, { name: 'Z', indicators: ['e'] }],
          inner: [['X', 'Y']],
        }),
      ),
    ).toBe('invalid-argument');
    expect(
      code(() =>
        plsPathModel(matrix, {
          ...small,
          inner: [
            [0, 0],
            [2, 0],
          ],
        }),
      ),
    ).toBe('invalid-argument');
    expect(
      code(() =>
        plsPathModel(matrix, {
          blocks: [
            { name: 'X', indicators: ['a', 'b'] },
            { name: 'Y', indicators: ['b', 'd'] },
          ],
          inner: [['X', 'Y']],
        }),
      ),
    ).toBe('invalid-argument');
    expect(
      code(() =>
        plsPathModel(matrix, { ...small, blocks: [...small.blocks] }, { scheme: 'x' as never }),
      ),
    ).toBe('invalid-argument');
  });

  it('accepts a path matrix in plspm convention (row = to, column = from)', () => {
    const byEdges = plsPathModel(matrix, small);
    const byMatrix = plsPathModel(matrix, {
      ...small,
      inner: [
        [0, 0],
        [1, 0],
      ],
    });
    expect(byMatrix.pathCoefficients).toEqual(byEdges.pathCoefficients);
  });

  it('needs enough respondents and non-constant indicators', () => {
    expect(
      code(() => plsPathModel({ columns: matrix.columns, rows: rows.slice(0, 2) }, small)),
    ).toBe('insufficient-data');
    const constant = rows.map((r) => [r[0]!, 3, r[2]!, r[3]!]);
    expect(code(() => plsPathModel({ columns: matrix.columns, rows: constant }, small))).toBe(
      'insufficient-data',
    );
  });

  it('throws not-converged rather than returning an unconverged fit', () => {
    const data = syntheticEcsi(200, 5);
    expect(
      code(() => plsPathModel(data, ecsiTestModel, { maxIterations: 1, tolerance: 1e-15 })),
    ).toBe('not-converged');
    expect(
      code(() =>
        plsPathModel(data, ecsiTestModel, { maxIterations: 1, tolerance: 1e-15, scaling: 'raw' }),
      ),
    ).toBe('not-converged');
  });

  it('does not mutate its inputs', () => {
    const frozen = Object.freeze({
      columns: Object.freeze([...matrix.columns]),
      rows: Object.freeze(rows.map((r) => Object.freeze([...r]))),
    });
    const model = Object.freeze({
      blocks: Object.freeze(small.blocks.map((b) => Object.freeze({ ...b }))),
      inner: Object.freeze([Object.freeze(['X', 'Y'] as const)]),
    });
    expect(() => plsPathModel(frozen, model)).not.toThrow();
  });
});

describe('plsPathModel block quality (hand calculation)', () => {
  it('gives standardised α, Dillon–Goldstein ρ and eigenvalues of a two-item block', () => {
    // a = 1..5, b = 2, 1, 4, 3, 5: deviations (−2, −1, 0, 1, 2) and (−1, −2, 1, 0, 2),
    // Σab = 8, Σa² = Σb² = 10, so r = 0.8. Then α = 2r / (1 + r) = 0.888…,
    // eigenvalues 1 ± r = 1.8 and 0.2, loadings on the first component
    // √(1.8 / 2) each, ρ = (Σλ)² / ((Σλ)² + p − λ₁) = 3.6 / (3.6 + 2 − 1.8) = 0.947368….
    const data = {
      columns: ['a', 'b', 'c', 'd'],
      rows: [
        [1, 2, 1, 2],
        [2, 1, 3, 2],
        [3, 4, 2, 4],
        [4, 3, 5, 4],
        [5, 5, 4, 5],
      ],
    };
    const x = plsPathModel(data, small).blocks[0]!;
    expect(x.cronbachAlpha).toBeCloseTo(1.6 / 1.8, 12);
    expect(x.firstEigenvalue).toBeCloseTo(1.8, 12);
    expect(x.secondEigenvalue).toBeCloseTo(0.2, 12);
    expect(x.dillonGoldsteinRho).toBeCloseTo(3.6 / 3.8, 12);
    // AVE = mean squared loading on the PLS score, between λ² of one item and 1.
    expect(x.ave!).toBeGreaterThan(0.8);
    expect(x.ave!).toBeLessThanOrEqual(1);
  });
});

describe('plsPathModel missing data', () => {
  const holed = rows.map((r) => [...r] as (number | null)[]);
  holed[1]![0] = null;
  holed[4]![3] = Number.NaN;
  const data = { columns: matrix.columns, rows: holed };

  it('listwise drops the rows and says so', () => {
    const fit = plsPathModel(data, small);
    expect(fit.missing).toEqual({
      method: 'listwise',
      rowsRead: 6,
      rowsUsed: 4,
      rowsDropped: 2,
      cellsMissing: 2,
      cellsImputed: 0,
    });
    expect(fit.n).toBe(4);
    expect(fit.scores.X).toHaveLength(4);
  });

  it('mean-imputation fills the cells with the indicator mean and says so', () => {
    const fit = plsPathModel(data, small, { missing: 'mean-imputation' });
    expect(fit.missing.cellsImputed).toBe(2);
    expect(fit.n).toBe(6);
    // Hand calculation: mean of a without row 2 = (1 + 3 + 4 + 5 + 3) / 5 = 3.2, unchanged by imputation.
    expect(fit.outer[0]!.mean).toBeCloseTo(3.2, 12);
    const explicit = rows.map((r) => [...r]);
    explicit[1]![0] = 3.2;
    explicit[4]![3] = (2 + 2 + 4 + 3 + 3) / 5;
    const same = plsPathModel({ columns: matrix.columns, rows: explicit }, small);
    expect(fit.outer[0]!.weight).toBeCloseTo(same.outer[0]!.weight, 12);
  });

  it('available-case refuses raw scaling and mode B blocks with missing cells', () => {
    expect(
      code(() => plsPathModel(data, small, { missing: 'available-case', scaling: 'raw' })),
    ).toBe('invalid-argument');
    const modeB: PlsModel = {
      ...small,
      blocks: small.blocks.map((b) => ({ ...b, mode: 'B' as const })),
    };
    expect(code(() => plsPathModel(data, modeB, { missing: 'available-case' }))).toBe(
      'invalid-argument',
    );
  });

  it('never lets NaN escape', () => {
    const fit = plsPathModel(data, small, { missing: 'available-case' });
    const numbers = JSON.stringify(fit, (_, v: unknown) =>
      v instanceof Float64Array ? Array.from(v) : v,
    );
    expect(numbers).not.toMatch(/NaN|null/);
  });
});

describe('plsPathModel on a ResponseSet', () => {
  const scale = (id: string, values: number[]): ScaleColumn => ({
    kind: 'scale',
    id,
    min: 1,
    max: 5,
    values: Uint8Array.from(values),
  });
  const columns = matrix.columns.map((id, k) =>
    scale(
      id,
      rows.map((r) => r[k]!),
    ),
  );
  const size = rows.length;
  const set = (cols: ScaleColumn[]): ResponseSet => ({
    questionnaire: {} as Questionnaire,
    items: [],
    size,
    columns: new Map(cols.map((c) => [c.id, c])),
    sourceRows: Uint32Array.from({ length: size }, (_, i) => i + 2),
    counts: { read: size, accepted: size, rejected: 0, droppedAnswers: 0 },
    issues: [],
  });

  it('reads scale columns as the matrix would, and records their ranges', () => {
    const fromSet = plsPathModel(set(columns), small);
    const fromMatrix = plsPathModel(matrix, small);
    expect(fromSet.pathCoefficients).toEqual(fromMatrix.pathCoefficients);
    expect(fromSet.outer[0]!.range).toEqual({ min: 1, max: 5 });
  });

  it('treats SCALE_MISSING and SCALE_NOT_APPLICABLE as missing, never as scores', () => {
    expect(FIRST_NON_SCORE_CODE).toBe(SCALE_NOT_APPLICABLE);
    expect(SCALE_MISSING).toBeGreaterThan(FIRST_NON_SCORE_CODE);
    const withCodes = columns.map((c) => ({ ...c, values: c.values.slice() }));
    withCodes[0]!.values[1] = SCALE_NOT_APPLICABLE;
    withCodes[3]!.values[4] = SCALE_MISSING;
    const fit = plsPathModel(set(withCodes), small);
    expect(fit.missing.cellsMissing).toBe(2);
    expect(fit.n).toBe(4);
    expect(fit.outer[0]!.mean).toBeCloseTo((1 + 3 + 4 + 3) / 4, 12);
  });

  it('rejects an item that is not numeric and an unknown item', () => {
    const category = {
      kind: 'category' as const,
      id: 'a',
      dictionary: ['x'],
      codes: new Int32Array(size),
    };
    const bad: ResponseSet = { ...set(columns), columns: new Map([['a', category]]) };
    expect(code(() => plsPathModel(bad, small))).toBe('invalid-argument');
    expect(code(() => plsPathModel(set(columns.slice(1)), small))).toBe('invalid-argument');
  });
});

describe('ecsiModel for plsPathModel', () => {
  it('gives the standard ECSI inner model; complaints add SAT → COMP → LOY beside SAT → LOY', () => {
    const model = ecsiModel({
      image: ['i'],
      expectations: ['e'],
      quality: ['q'],
      value: ['v'],
      satisfaction: ['s'],
      complaints: ['c'],
      loyalty: ['l'],
    });
    expect(model.blocks.map((b) => b.name)).toEqual([
      'IMAG',
      'EXPE',
      'QUAL',
      'VAL',
      'SAT',
      'COMP',
      'LOY',
    ]);
    // The ECSI Technical Committee (1998) model, as @edu-quality/templates'
    // ecsiPaths writes it (image → IMAG, …), in that order: twelve paths, the
    // direct SAT → LOY kept beside SAT → COMP → LOY.
    expect(model.inner).toEqual([
      ['IMAG', 'EXPE'],
      ['IMAG', 'SAT'],
      ['IMAG', 'LOY'],
      ['EXPE', 'QUAL'],
      ['EXPE', 'VAL'],
      ['EXPE', 'SAT'],
      ['QUAL', 'VAL'],
      ['QUAL', 'SAT'],
      ['VAL', 'SAT'],
      ['SAT', 'COMP'],
      ['SAT', 'LOY'],
      ['COMP', 'LOY'],
    ]);
  });

  it('recovers the drivers of satisfaction of a synthetic ECSI survey', () => {
    const fit = plsPathModel(syntheticEcsi(2000, 11), ecsiTestModel);
    const sat = fit.pathCoefficients.SAT!;
    // The generator's strongest direct drivers of SAT are QUAL (0.4) and VAL (0.3).
    expect(sat.QUAL!).toBeGreaterThan(sat.EXPE!);
    expect(sat.VAL!).toBeGreaterThan(sat.EXPE!);
    expect(fit.r2.SAT!).toBeGreaterThan(0.4);
    for (const block of fit.blocks) {
      expect(block.cronbachAlpha).toBeGreaterThan(0.6);
      expect(block.firstEigenvalue).toBeGreaterThan(block.secondEigenvalue);
    }
    const effect = fit.effects.find((e) => e.from === 'QUAL' && e.to === 'LOY')!;
    // No direct arrow QUAL → LOY: its effect is all indirect, through SAT (and VAL → SAT).
    expect(effect.direct).toBe(0);
    expect(effect.total).toBeCloseTo(
      sat.QUAL! * fit.pathCoefficients.LOY!.SAT! +
        fit.pathCoefficients.VAL!.QUAL! * sat.VAL! * fit.pathCoefficients.LOY!.SAT!,
      12,
    );
  });
});

describe('options of the PLS functions: unknown keys and wrong values name the option path', () => {
  /** The error's code and message, or undefined when nothing is thrown. */
  function error(f: () => unknown): { code: string; message: string } | undefined {
    try {
      f();
    } catch (e) {
      if (EduQualityError.isInstance(e)) return { code: e.code, message: e.message };
      throw e;
    }
    return undefined;
  }

  it('plsPathModel refuses a misspelt option and an unknown scheme', () => {
    const typo = error(() => plsPathModel(matrix, small, { shceme: 'path' } as never));
    expect(typo?.code).toBe('invalid-argument');
    expect(typo?.message).toContain('options.shceme is not an option');
    const scheme = error(() => plsPathModel(matrix, small, { scheme: 'Path' } as never));
    expect(scheme?.message).toContain('options.scheme must be one of');
    expect(error(() => plsPathModel(matrix, small, { tolerance: Number.NaN }))?.message).toContain(
      'options.tolerance',
    );
  });

  it('plsBootstrap and customerSatisfactionIndex refuse unknown keys', () => {
    expect(error(() => plsBootstrap(matrix, small, { resample: 50 } as never))?.message).toContain(
      'options.resample is not an option',
    );
    expect(
      error(() => plsBootstrap(matrix, small, { scale: { min: 1, max: 5, step: 1 } } as never))
        ?.message,
    ).toContain('options.scale.step is not an option');
    const fit = plsPathModel(matrix, small, { scaling: 'raw' });
    expect(
      error(() => customerSatisfactionIndex(fit, { scales: { min: 1, max: 5 } } as never))?.message,
    ).toContain('options.scales is not an option');
  });

  it('ecsiModel refuses a misspelt block instead of dropping it', () => {
    const items = {
      image: ['i'],
      expectations: ['e'],
      quality: ['q'],
      value: ['v'],
      satisfaction: ['s'],
      complaint: ['c'],
      loyalty: ['l'],
    };
    const e = error(() => ecsiModel(items));
    expect(e?.code).toBe('invalid-argument');
    expect(e?.message).toContain('items.complaint is not an option');
    expect(
      error(() => ecsiModel({ ...items, complaint: undefined, loyalty: 'l' } as never))?.message,
    ).toContain('items.loyalty must be an array of strings');
  });
});
