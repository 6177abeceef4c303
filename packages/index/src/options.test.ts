// Regression: invalid option values and unknown option keys of the public
// functions were silently ignored (`{ levl: 0.9 }` kept the default level) or
// failed with a raw TypeError (`{ weights: 'none' }`). Every function below
// must throw an EduQualityError `invalid-argument` whose issues name the
// option path, for a typo'd key and for a wrong-typed value.
import { describe, expect, it } from 'vitest';
import { caughtError } from '../test/helpers.js';
import { compareWaves } from './compare-waves.js';
import { CronbachAlphaAccumulator, cronbachAlpha } from './cronbach-alpha.js';
import { importancePerformance } from './importance-performance.js';
import { marginOfError } from './margin-of-error.js';
import { NpsAccumulator, netPromoterScore } from './net-promoter-score.js';
import { NokSurveyAccumulator } from './nok-survey.js';
import { ProportionAccumulator, proportion } from './proportion.js';
import { rake } from './rake.js';
import { sampleSize } from './sample-size.js';
import { sampleSizePlan } from './sample-size-plan.js';
import { satisfactionIndex } from './satisfaction-index.js';
import { SatisfactionIndexAccumulator } from './satisfaction-index-accumulator.js';
import { scaleScore } from './scale-score.js';
import type { SurveyData } from './survey-input.js';
import { topBoxShare } from './top-box-share.js';
import { WeightedMeanAccumulator, weightedMean } from './weighted-mean.js';
import { wilsonInterval } from './wilson-interval.js';

const survey: SurveyData = {
  items: [
    { id: 'q1', values: [5, 4, 3, 4], min: 1, max: 5 },
    { id: 'q2', values: [4, 4, 2, 5], min: 1, max: 5 },
  ],
};
const mean = weightedMean([3, 4, 5]);

// Each public function called with given options (valid ones must pass).
const calls: Record<string, (options: never) => unknown> = {
  satisfactionIndex: (o) => satisfactionIndex(survey, o),
  SatisfactionIndexAccumulator: (o) => new SatisfactionIndexAccumulator(survey, o),
  'SatisfactionIndexAccumulator.result': (o) =>
    new SatisfactionIndexAccumulator(survey).addAll(survey).result(o),
  weightedMean: (o) => weightedMean([3, 4, 5], o),
  'WeightedMeanAccumulator.result': (o) => new WeightedMeanAccumulator().add(3).add(4).result(o),
  proportion: (o) => proportion([true, false, true], o),
  'ProportionAccumulator.result': (o) => new ProportionAccumulator().add(true).result(o),
  netPromoterScore: (o) => netPromoterScore([10, 9, 3], o),
  'NpsAccumulator.result': (o) => new NpsAccumulator().add(10).result(o),
  topBoxShare: (o) => topBoxShare([5, 4, 1], { min: 1, max: 5, ...(o as object) }),
  cronbachAlpha: (o) =>
    cronbachAlpha(
      [
        [1, 2, 3],
        [2, 3, 3],
      ],
      o,
    ),
  CronbachAlphaAccumulator: (o) => new CronbachAlphaAccumulator(2, o),
  compareWaves: (o) => compareWaves(mean, mean, o),
  importancePerformance: (o) =>
    importancePerformance([{ id: 'a', importance: 1, performance: 2 }], o),
  rake: (o) => rake([1, 1], [{ cells: ['a', 'b'], population: { a: 1, b: 1 } }], o),
  sampleSize: (o) => sampleSize({ margin: 0.05, ...(o as object) }),
  sampleSizePlan: (o) =>
    sampleSizePlan([{ id: 's', populationSize: 100 }], { margin: 0.05, ...(o as object) }),
  marginOfError: (o) => marginOfError({ n: 100, ...(o as object) }),
  wilsonInterval: (o) => wilsonInterval(3, 10, o),
  scaleScore: (o) => scaleScore(3, { min: 1, max: 5, ...(o as object) }),
};

// A valid option of each, and a wrong-typed value of it.
const valid: Record<string, readonly [key: string, value: unknown, wrong: unknown]> = {
  satisfactionIndex: ['weights', 'equal', 'none'],
  SatisfactionIndexAccumulator: ['level', 0.9, 95],
  'SatisfactionIndexAccumulator.result': ['designSize', 10, '10'],
  weightedMean: ['interval', 'z', 'normal'],
  'WeightedMeanAccumulator.result': ['level', 0.9, '0.9'],
  proportion: ['level', 0.9, 1.5],
  'ProportionAccumulator.result': ['level', 0.9, 0],
  netPromoterScore: ['interval', 't', 7],
  'NpsAccumulator.result': ['level', 0.9, null],
  topBoxShare: ['box', 1, 1.5],
  cronbachAlpha: ['missing', 'pairwise', 'listwise'],
  CronbachAlphaAccumulator: ['names', ['a', 'b'], 'a,b'],
  compareWaves: ['level', 0.9, 90],
  importancePerformance: ['cuts', 'mean', 'median'],
  rake: ['maxIterations', 50, 0],
  sampleSize: ['level', 0.9, 95],
  sampleSizePlan: ['allocation', 'proportional', 'equal'],
  marginOfError: ['shareOfRespondents', 0.3, 30],
  wilsonInterval: ['effectiveN', true, 'yes'],
  scaleScore: ['min', 1, '1'],
};

describe('options: unknown keys and wrong-typed values name the option path', () => {
  it('covers every function listed', () => {
    expect(Object.keys(valid).sort()).toEqual(Object.keys(calls).sort());
  });
  for (const [name, call] of Object.entries(calls)) {
    const [key, value, wrong] = valid[name]!;
    const root =
      name === 'SatisfactionIndexAccumulator.result'
        ? 'overrides'
        : name === 'scaleScore'
          ? 'range'
          : 'options';
    it(`${name}: a valid ${key} passes; ${key}: ${JSON.stringify(wrong)} and a typo'd key are refused`, () => {
      expect(() => call({ [key]: value } as never)).not.toThrow();
      const typo = caughtError(() => call({ [key]: value, [`${key}x`]: value } as never));
      expect(typo.code).toBe('invalid-argument');
      expect(typo.message).toContain(`${root}.${key}x is not an option`);
      expect(typo.issues).toEqual([
        expect.objectContaining({ code: 'unknown-option', path: [root, `${key}x`] }),
      ]);
      const bad = caughtError(() => call({ [key]: wrong } as never));
      expect(bad.code).toBe('invalid-argument');
      expect(bad.issues).toEqual([
        expect.objectContaining({ code: 'invalid-option', path: [root, key] }),
      ]);
    });
  }
  it('the examples of the issue', () => {
    expect(caughtError(() => satisfactionIndex(survey, { levl: 0.9 } as never)).message).toMatch(
      /^satisfactionIndex: options\.levl is not an option \(known: items, weights, /,
    );
    expect(caughtError(() => satisfactionIndex(survey, { level: 95 })).message).toBe(
      'satisfactionIndex: options.level must be a finite number > 0 and < 1, got 95',
    );
    expect(
      caughtError(() => satisfactionIndex(survey, { bootstrap: { replicate: 100 } } as never))
        .issues[0]?.path,
    ).toEqual(['options', 'bootstrap', 'replicate']);
    expect(
      caughtError(() => satisfactionIndex(survey, { weights: { item: { q1: 1 } } } as never))
        .issues[0]?.path,
    ).toEqual(['options', 'weights', 'item']);
    expect(
      caughtError(() => rake([1, 1], [{ cells: ['a', 'b'], populaton: { a: 1 } } as never]))
        .issues[0]?.path,
    ).toEqual(['margins.0', 'populaton']);
  });
  it('NokSurveyAccumulator.addCounts refuses an unknown count key', () => {
    const error = caughtError(() =>
      new NokSurveyAccumulator().addCounts('org', { respondents: 3, respondent: 1 } as never),
    );
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(/counts\.respondent is not a count key/);
  });
});
