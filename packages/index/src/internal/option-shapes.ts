// The options each public function of the satisfaction-index part knows, for
// checkOptions (core): an unknown key or a wrong-typed value throws
// `invalid-argument` naming the option path, instead of a raw TypeError or a
// silently ignored typo. Ranges that depend on other arguments (a box within
// the scale, weights per respondent) stay checked in the functions.
import type { OptionRule, OptionShape } from '@edu-quality/core';
import type { SatisfactionIndexOptions } from '../satisfaction-index.js';

const LEVEL: OptionRule = {
  type: 'number',
  min: 0,
  max: 1,
  exclusiveMin: true,
  exclusiveMax: true,
};
const SHARE: OptionRule = { type: 'number', min: 0, max: 1 };
const POSITIVE: OptionRule = { type: 'number', min: 0, exclusiveMin: true };
const NON_NEGATIVE: OptionRule = { type: 'number', min: 0 };
const COUNT: OptionRule = { type: 'number', integer: true, min: 0 };
const Z_OR_T: OptionRule = { type: 'literal', values: ['z', 't'] };
const WEIGHTS: OptionRule = { type: 'numbers' };

/** Options of satisfactionIndex and SatisfactionIndexAccumulator. */
export const INDEX_OPTIONS: OptionShape = {
  items: { type: 'strings' },
  weights: {
    type: 'union',
    of: [
      { type: 'literal', values: ['equal', 'stated', 'derived'] },
      { type: 'object', shape: { items: { type: 'record', value: NON_NEGATIVE } } },
      { type: 'object', shape: { dimensions: { type: 'record', value: NON_NEGATIVE } } },
    ],
  },
  derived: {
    type: 'object',
    shape: {
      method: { type: 'literal', values: ['correlation', 'regression'] },
      overall: { type: 'string' },
      significance: { type: 'number', min: 0, max: 1, exclusiveMin: true },
    },
  },
  unit: { type: 'literal', values: ['item', 'respondent'] },
  minAnswered: SHARE,
  topBox: { type: 'number', integer: true, min: 1 },
  level: LEVEL,
  interval: { type: 'literal', values: ['delta-t', 'delta-z', 'bootstrap'] },
  bootstrap: {
    type: 'object',
    shape: {
      replicates: { type: 'number', integer: true, min: 10 },
      seed: { type: 'number', integer: true },
      onProgress: { type: 'function' },
    },
  },
};

/** Overrides of SatisfactionIndexAccumulator.result. */
export const INDEX_RESULT_OVERRIDES: OptionShape = {
  designSize: COUNT,
  itemWeights: { type: 'record', value: NON_NEGATIVE },
};

/** Options of WeightedMeanAccumulator.result (weightedMean adds weights and calibration). */
export const MEAN_RESULT_OPTIONS: OptionShape = {
  level: LEVEL,
  interval: Z_OR_T,
  designSize: COUNT,
};

/** Options of weightedMean. */
export const MEAN_OPTIONS: OptionShape = {
  ...MEAN_RESULT_OPTIONS,
  weights: WEIGHTS,
  postStrata: { type: 'unknown' },
  rakingMargins: { type: 'unknown' },
};

/** Options with a level alone (ProportionAccumulator.result). */
export const LEVEL_OPTIONS: OptionShape = { level: LEVEL };

/** Options of proportion. */
export const PROPORTION_OPTIONS: OptionShape = { weights: WEIGHTS, level: LEVEL };

/** Options of NpsAccumulator.result. */
export const NPS_RESULT_OPTIONS: OptionShape = { level: LEVEL, interval: Z_OR_T };

/** Options of netPromoterScore. */
export const NPS_OPTIONS: OptionShape = { ...NPS_RESULT_OPTIONS, weights: WEIGHTS };

/** Options of topBoxShare. */
export const TOP_BOX_OPTIONS: OptionShape = {
  min: { type: 'number' },
  max: { type: 'number' },
  box: { type: 'number', integer: true, min: 1 },
  weights: WEIGHTS,
  level: LEVEL,
};

/** Options of cronbachAlpha and CronbachAlphaAccumulator. */
export const ALPHA_OPTIONS: OptionShape = {
  missing: { type: 'literal', values: ['complete', 'pairwise'] },
  names: { type: 'strings' },
};

/** Options of compareWaves. */
export const COMPARE_OPTIONS: OptionShape = { level: LEVEL };

/** Options of importancePerformance. */
export const IPA_OPTIONS: OptionShape = {
  cuts: {
    type: 'union',
    of: [
      { type: 'literal', values: ['mean'] },
      {
        type: 'object',
        shape: { importance: { type: 'number' }, performance: { type: 'number' } },
      },
    ],
  },
};

/** Options of rake. */
export const RAKE_OPTIONS: OptionShape = {
  tolerance: POSITIVE,
  maxIterations: { type: 'number', integer: true, min: 1 },
  onNotConverged: { type: 'literal', values: ['throw', 'flag'] },
};

/** One margin of rake. */
export const RAKE_MARGIN: OptionShape = {
  cells: { type: 'unknown' },
  population: { type: 'record', value: NON_NEGATIVE },
};

/** Options of sampleSize. */
export const SAMPLE_SIZE_OPTIONS: OptionShape = {
  margin: { type: 'number', min: 0, max: 1, exclusiveMin: true },
  populationSize: POSITIVE,
  shareOfRespondents: SHARE,
  level: LEVEL,
  minimum: COUNT,
};

/** Options of sampleSizePlan. */
export const SAMPLE_SIZE_PLAN_OPTIONS: OptionShape = {
  margin: { type: 'number', min: 0, max: 1, exclusiveMin: true },
  allocation: { type: 'literal', values: ['per-stratum', 'proportional'] },
  minimum: COUNT,
  shareOfRespondents: SHARE,
  level: LEVEL,
};

/** Options of marginOfError. */
export const MARGIN_OPTIONS: OptionShape = {
  n: POSITIVE,
  populationSize: POSITIVE,
  shareOfRespondents: SHARE,
  level: LEVEL,
};

/** Options of wilsonInterval. */
export const WILSON_OPTIONS: OptionShape = { level: LEVEL, effectiveN: { type: 'boolean' } };

/** The range of scaleScore. */
export const SCALE_RANGE: OptionShape = { min: { type: 'number' }, max: { type: 'number' } };

/** The options without the given keys: to pass a function's options on to one that knows fewer. */
export function omitKeys<T extends object, K extends keyof T>(
  options: T,
  keys: readonly K[],
): Omit<T, K> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (!(keys as readonly PropertyKey[]).includes(key)) out[key] = value;
  }
  return out as Omit<T, K>;
}

/** The index options of a breakdown's options (without by, minGroupSize and nps), for its accumulators. */
export function indexOptionsOf(
  options: SatisfactionIndexOptions & {
    readonly by?: unknown;
    readonly minGroupSize?: unknown;
    readonly nps?: unknown;
  },
): SatisfactionIndexOptions {
  return omitKeys(options, ['by', 'minGroupSize', 'nps']);
}
