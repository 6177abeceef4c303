// The options of the public PLS functions, for core's checkOptions: an
// unknown key (a typo) or a value of the wrong type or range is refused with
// its option path instead of being ignored or failing later.
import type { OptionRule, OptionShape } from '@edu-quality/core';

const scale: OptionRule = {
  type: 'object',
  shape: { min: { type: 'number' }, max: { type: 'number' } },
};

/** {@link PlsOptions}. */
export const PLS_FIT_OPTIONS: OptionShape = {
  scheme: { type: 'literal', values: ['centroid', 'factorial', 'path'] },
  scaling: { type: 'literal', values: ['standardised', 'raw'] },
  tolerance: { type: 'number', min: 0, exclusiveMin: true },
  maxIterations: { type: 'number', integer: true, min: 1 },
  missing: { type: 'literal', values: ['listwise', 'mean-imputation', 'available-case'] },
};

/** {@link PlsBootstrapOptions}. */
export const PLS_BOOTSTRAP_OPTIONS: OptionShape = {
  ...PLS_FIT_OPTIONS,
  resamples: { type: 'number', integer: true, min: 2 },
  seed: { type: 'number', integer: true, min: 0, max: Number.MAX_SAFE_INTEGER },
  level: { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true },
  scale,
};

/** {@link PlsBootstrapParallelOptions}. */
export const PLS_PARALLEL_OPTIONS: OptionShape = {
  ...PLS_BOOTSTRAP_OPTIONS,
  workers: { type: 'number', integer: true, min: 1 },
};

/** {@link CustomerSatisfactionIndexOptions}. */
export const CSI_OPTIONS: OptionShape = { scale };

/** {@link EcsiItems}: a misspelt block (say `complaint`) must not drop the block silently. */
export const ECSI_ITEMS: OptionShape = {
  image: { type: 'strings' },
  expectations: { type: 'strings' },
  quality: { type: 'strings' },
  value: { type: 'strings' },
  satisfaction: { type: 'strings' },
  complaints: { type: 'strings' },
  loyalty: { type: 'strings' },
};
