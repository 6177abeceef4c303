// breakdown() takes the batch path (per-item bins and per-respondent residuals,
// O(n·k)) when it applies; BreakdownAccumulator keeps the pairwise sums (O(n·k²))
// for streaming and shards. The two must give the same result to 1e-12.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EduQualityError } from '@edu-quality/core';
import { buildResponseSet, type HandItem } from '../test/helpers.js';
import { BreakdownAccumulator, breakdown, type BreakdownOptions } from './breakdown.js';
import { indexBatch } from './internal/index-batch.js';
import { indexSpecs } from './internal/index-result.js';
import { withSurvey } from './internal/survey.js';
import type { SurveyData, SurveyInput } from './survey-input.js';

// Numbers agree to 1e-12 relative to their size (scores are 0–100), with SEs
// compared as variances (se², to 1e-10 relative to max(1, se²)). The
// accumulator forms Σw²(x − x̄)(y − ȳ) from shifted power sums, which cancel to
// ~3e-12 relative when weights differ 400-fold; and where the true
// variance is ~0 (all-equal answers, a dimension whose items cancel) the
// accumulator's quadratic form of pairwise covariances leaves ~1e-15 of
// rounding, whose square root (an SE of ~1e-7) the batch path's sum of squared
// residuals does not have. Interval bounds, score ± t·se, inherit that: 1e-6.
// Everything else exactly.
function expectSame(actual: unknown, expected: unknown, path = 'result'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    let a = actual;
    let e = expected;
    let relative = 1e-12;
    if (/\.se$/.test(path)) {
      a = actual * actual;
      e = expected * expected;
      relative = 1e-10;
    } else if (/\.interval\.(lower|upper)$/.test(path)) relative = 1e-6;
    if (!(Math.abs(a - e) <= relative * Math.max(1, Math.abs(e))))
      expect.fail(`${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (typeof expected !== 'object' || expected === null) {
    expect(actual, path).toBe(expected);
    return;
  }
  expect(typeof actual, path).toBe('object');
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  expect(Object.keys(a).sort(), path).toEqual(Object.keys(e).sort());
  for (const key of Object.keys(e)) expectSame(a[key], e[key], `${path}.${key}`);
}

// Groups by label, without rank: two groups whose true scores tie can differ
// in the last bit by either path, which changes their rank and order (the
// accumulator alone does that too when shards are merged in another order).
function comparable(outcome: unknown): unknown {
  const result = outcome as { groups?: readonly { label: string }[] };
  if (result.groups === undefined) return outcome;
  return {
    ...result,
    groups: Object.fromEntries(
      result.groups.map((g) => {
        const rest: Record<string, unknown> = { ...g };
        delete rest.rank;
        return [g.label, rest];
      }),
    ),
  };
}

function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    if (EduQualityError.isInstance(error)) return { error: error.code };
    throw error;
  }
}

const answer = (min: number, max: number): fc.Arbitrary<number | null | 'na'> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant('na' as const) },
  );

const surveyArb = fc
  .record({
    n: fc.integer({ min: 0, max: 60 }),
    k: fc.integer({ min: 1, max: 5 }),
    groups: fc.integer({ min: 1, max: 7 }),
    weighted: fc.boolean(),
    nps: fc.boolean(),
    twoFields: fc.boolean(),
    responseSet: fc.boolean(),
  })
  .chain((s) =>
    fc.record({
      shape: fc.constant(s),
      scales: fc.array(
        fc.record({
          wide: fc.boolean(),
          dimension: fc.constantFrom('a', 'b', undefined),
        }),
        { minLength: s.k, maxLength: s.k },
      ),
      answers: fc.array(fc.array(answer(0, 10), { minLength: s.n, maxLength: s.n }), {
        minLength: s.k + 1,
        maxLength: s.k + 1,
      }),
      weights: fc.array(fc.double({ min: 0.05, max: 20, noNaN: true }), {
        minLength: s.n,
        maxLength: s.n,
      }),
      segment: fc.array(fc.option(fc.integer({ min: 0, max: s.groups - 1 }), { freq: 8 }), {
        minLength: s.n,
        maxLength: s.n,
      }),
      second: fc.array(fc.constantFrom('x', 'y'), { minLength: s.n, maxLength: s.n }),
      options: fc.record({
        minGroupSize: fc.integer({ min: 1, max: 8 }),
        minAnswered: fc.constantFrom(0, 0.5, 1),
        explicit: fc.boolean(),
        interval: fc.constantFrom('delta-t' as const, 'delta-z' as const),
      }),
    }),
  )
  .map(({ shape, scales, answers, weights, segment, second, options }) => {
    // Items on 1–5 (answers above 5 folded in) or 0–10.
    const items: HandItem[] = scales.map((scale, j) => {
      const max = scale.wide ? 10 : 5;
      const min = scale.wide ? 0 : 1;
      return {
        id: `q${j}`,
        values: answers[j]!.map((v) => (typeof v === 'number' ? Math.max(min, v % (max + 1)) : v)),
        min,
        max,
        role: 'satisfaction',
        ...(scale.dimension === undefined ? {} : { dimension: scale.dimension }),
      };
    });
    if (shape.nps)
      items.push({ id: 'nps', values: answers[shape.k]!, min: 0, max: 10, role: 'recommend' });
    const segments: Record<string, (string | null)[]> = {
      school: segment.map((g) => (g === null ? null : `s${g}`)),
      ...(shape.twoFields ? { group: second } : {}),
    };
    const plain: SurveyData = {
      items: items.map((i) => ({ ...i, values: [...i.values] })),
      ...(shape.weighted ? { weights } : {}),
      segments,
    };
    const survey: SurveyInput = shape.responseSet
      ? buildResponseSet({ items, segments, ...(shape.weighted ? { weights } : {}) })
      : plain;
    const breakdownOptions: BreakdownOptions = {
      by: shape.twoFields ? ['school', 'group'] : 'school',
      minGroupSize: options.minGroupSize,
      minAnswered: options.minAnswered,
      interval: options.interval,
      ...(options.explicit
        ? { weights: { items: Object.fromEntries(items.map((i, j) => [i.id, 1 + (j % 3)])) } }
        : {}),
    };
    return { survey, options: breakdownOptions };
  });

describe('breakdown: batch path against the accumulator', () => {
  it('agree to 1e-12 on random surveys (missing and NA answers, weights, small and suppressed groups, minAnswered)', () => {
    fc.assert(
      fc.property(surveyArb, ({ survey, options }) => {
        const batch = outcome(() => breakdown(survey, options));
        const accumulator = outcome(() =>
          new BreakdownAccumulator(survey, options).addAll(survey).result(),
        );
        expectSame(comparable(batch), comparable(accumulator));
      }),
      { numRuns: 300 },
    );
  });

  it('the batch path is the one taken for such surveys (so the property above compares two paths)', () => {
    const survey: SurveyData = {
      items: [
        { id: 'q1', values: [5, 4, null, 'na', 3, 2], min: 1, max: 5 },
        { id: 'q2', values: [1, 2, 3, 4, 5, null], min: 1, max: 5 },
      ],
      weights: [1, 2, 1, 0.5, 1, 3],
      segments: { school: ['a', 'a', 'b', 'b', 'a', null] },
    };
    withSurvey(survey, 'test', (view) => {
      const batch = indexBatch(
        view,
        indexSpecs(view, {}),
        {},
        Int32Array.from([0, 0, 1, 1, 0, 2]),
        3,
        undefined,
      );
      expect(batch).toBeDefined();
      expect(Array.from(batch!.rows)).toEqual([3, 2, 1]);
      // Declined: stated weights and respondent-level indices need the accumulator.
      expect(
        indexBatch(view, indexSpecs(view, {}), { unit: 'respondent' }, undefined, 1, undefined),
      ).toBeUndefined();
    });
  });

  it('an answer outside the scale in a ResponseSet leaves the survey to the accumulator, with the same result', () => {
    const survey = buildResponseSet({
      items: [
        { id: 'q1', values: [5, 4, 7, 3, 3, 2, 1, 4], min: 1, max: 5 },
        { id: 'q2', values: [1, 2, 3, 4, 5, 5, 4, 3], min: 1, max: 5 },
      ],
      segments: { school: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'] },
    });
    const options = { by: 'school', minGroupSize: 2 };
    expectSame(
      breakdown(survey, options),
      new BreakdownAccumulator(survey, options).addAll(survey).result(),
    );
  });
});
