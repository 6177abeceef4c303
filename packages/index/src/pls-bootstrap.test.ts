import { describe, expect, it } from 'vitest';
import { ecsiTestModel, syntheticEcsi } from '../test/fixtures/pls-ecsi/synthetic.js';
import { russettData, russettModel } from '../test/fixtures/pls-russett/russett.js';
import { runResamples } from './internal/pls/bootstrap-core.js';
import { preparePls } from './internal/pls/prepare.js';
import { nextUint32, seedStream } from './internal/pls/prng.js';
import { plsBootstrap, plsBootstrapParallel } from './pls-bootstrap.js';

describe('plsBootstrap PRNG: xoshiro128** seeded by splitmix32', () => {
  it('matches the reference recurrence on a known state', () => {
    // Reference C code (Blackman and Vigna) from state {1, 2, 3, 4}:
    // result = rotl(2 * 5, 7) * 9 = 1280 * 9 = 11520; t = 2 << 9 = 1024; s2 = 3 ^ 1 = 2, s3 = 4 ^ 2 = 6,
    // s1 = 2 ^ 2 = 0, s0 = 1 ^ 6 = 7, s2 = 2 ^ 1024 = 1026, s3 = rotl(6, 11) = 12288;
    // then result = rotl(0 * 5, 7) * 9 = 0.
    const s = Uint32Array.from([1, 2, 3, 4]);
    expect(nextUint32(s)).toBe(11520);
    expect(Array.from(s)).toEqual([7, 0, 1026, 12288]);
    expect(nextUint32(s)).toBe(0);
  });
  it('gives distinct streams for distinct resamples and seeds', () => {
    const a = new Uint32Array(4);
    const b = new Uint32Array(4);
    seedStream(a, 1, 0);
    seedStream(b, 1, 1);
    expect(Array.from(a)).not.toEqual(Array.from(b));
    seedStream(b, 2, 0);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });
});

describe('plsBootstrap', () => {
  const data = syntheticEcsi(150, 21);

  it('is reproducible with a fixed seed and changes with the seed', () => {
    const one = plsBootstrap(data, ecsiTestModel, { resamples: 60, seed: 42 });
    const two = plsBootstrap(data, ecsiTestModel, { resamples: 60, seed: 42 });
    const other = plsBootstrap(data, ecsiTestModel, { resamples: 60, seed: 43 });
    expect(two.paths).toEqual(one.paths);
    expect(two.indices).toEqual(one.indices);
    expect(other.paths[0]!.standardError).not.toBe(one.paths[0]!.standardError);
  });

  it('does not depend on how the resamples are split (as between workers)', () => {
    const prep = preparePls('test', data, ecsiTestModel, {});
    const reference = new Float64Array(prep.spec.mvs).fill(1);
    const whole = runResamples(prep, 9, 0, 40, undefined, undefined, reference);
    const first = runResamples(prep, 9, 0, 13, undefined, undefined, reference);
    const rest = runResamples(prep, 9, 13, 40, undefined, undefined, reference);
    expect(Array.from(first.out).concat(Array.from(rest.out))).toEqual(Array.from(whole.out));
  });

  it('gives SEs, t and percentile intervals that bracket the estimate', () => {
    const boot = plsBootstrap(data, ecsiTestModel, {
      resamples: 200,
      seed: 1,
      scale: { min: 1, max: 10 },
    });
    expect(boot.failed).toEqual({ notConverged: 0, degenerate: 0 });
    expect(boot.paths).toHaveLength(ecsiTestModel.inner.length);
    expect(boot.weights).toHaveLength(boot.fit.outer.length);
    expect(boot.loadings).toHaveLength(boot.fit.outer.length);
    expect(boot.r2.map((r) => r.latent)).toEqual(['EXPE', 'QUAL', 'VAL', 'SAT', 'LOY']);
    expect(boot.indices.map((r) => r.latent)).toEqual(boot.fit.latent);
    for (const e of [...boot.paths, ...boot.loadings, ...boot.indices]) {
      expect(e.resamples).toBe(200);
      expect(e.standardError).toBeGreaterThan(0);
      expect(e.t).toBeCloseTo(e.original / e.standardError, 12);
      expect(e.lower).toBeLessThanOrEqual(e.upper);
    }
    const sat = boot.paths.find((p) => p.from === 'QUAL' && p.to === 'SAT')!;
    expect(sat.lower).toBeLessThan(sat.original);
    expect(sat.upper).toBeGreaterThan(sat.original);
    for (const index of boot.indices) {
      expect(index.lower).toBeGreaterThanOrEqual(0);
      expect(index.upper).toBeLessThanOrEqual(100);
    }
  });

  it('counts the resamples that fail instead of dropping them silently', () => {
    // 6 respondents on a 1–3 scale: some resamples repeat one answer and make an item constant.
    const rows = [
      [1, 1, 1, 2],
      [2, 2, 1, 1],
      [3, 3, 3, 3],
      [2, 1, 2, 3],
      [3, 2, 3, 2],
      [1, 2, 2, 1],
    ];
    const boot = plsBootstrap(
      { columns: ['a', 'b', 'c', 'd'], rows },
      {
        blocks: [
          { name: 'X', indicators: ['a', 'b'] },
          { name: 'Y', indicators: ['c', 'd'] },
        ],
        inner: [['X', 'Y']],
      },
      { resamples: 300, seed: 5 },
    );
    expect(boot.failed.degenerate).toBeGreaterThan(0);
    expect(boot.paths[0]!.resamples).toBe(300 - boot.failed.degenerate - boot.failed.notConverged);
  });

  it('runs in the calling thread under the TypeScript sources, with the same result', async () => {
    const serial = plsBootstrap(data, ecsiTestModel, { resamples: 30, seed: 8 });
    const parallel = await plsBootstrapParallel(data, ecsiTestModel, {
      resamples: 30,
      seed: 8,
      workers: 2,
    });
    expect(parallel.paths).toEqual(serial.paths);
  });

  it('orients every resample like the full data (Russett IND, whose sign is a tie)', () => {
    const { columns, rows } = russettData();
    const boot = plsBootstrap({ columns, rows }, russettModel(), { resamples: 200, seed: 11 });
    const gnpr = boot.weights.find((w) => w.indicator === 'gnpr')!;
    const labo = boot.weights.find((w) => w.indicator === 'labo')!;
    expect(gnpr.upper).toBeLessThan(0);
    expect(labo.lower).toBeGreaterThan(0);
    const ind = boot.paths.find((p) => p.from === 'IND')!;
    expect(ind.lower).toBeGreaterThan(0);
  });

  it('checks its options', () => {
    expect(() => plsBootstrap(data, ecsiTestModel, { resamples: 1 })).toThrow(/resamples/);
    expect(() => plsBootstrap(data, ecsiTestModel, { seed: -1 })).toThrow(/seed/);
    expect(() => plsBootstrap(data, ecsiTestModel, { level: 1 })).toThrow(/level/);
  });
});
