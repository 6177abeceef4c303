import type { ConfidenceInterval } from '../confidence-interval.js';
import { criticalValue } from '../confidence-interval.js';
import type { WeightedMeanOptions, WeightedMeanResult } from '../weighted-mean.js';
import { checkLevel, ensure, fail } from './fail.js';
import type { Moments } from './moments.js';

/** Builds a mean result from moments whose weights are in units of `unit`. Internal to the package, shared with the index. */
export function meanResult(
  m: Moments,
  designSize: number,
  options: Omit<WeightedMeanOptions, 'weights'>,
  fn: string,
  unit = 1,
): WeightedMeanResult {
  const level = checkLevel(options.level, fn);
  if (m.n === 0) fail('insufficient-data', fn, 'no answered value');
  ensure(designSize >= m.n, fn, 'designSize must be at least the number of answered rows');
  if (designSize < 2) fail('insufficient-data', fn, 'a standard error needs at least 2 rows');
  const se = Math.sqrt(((designSize / (designSize - 1)) * m.b) / (m.w * m.w));
  const t = options.interval !== 'z';
  const df = designSize - 1;
  const crit = criticalValue(level, t ? df : undefined);
  const interval: ConfidenceInterval = t
    ? { lower: m.mean - crit * se, upper: m.mean + crit * se, level, method: 'linearisation-t', df }
    : { lower: m.mean - crit * se, upper: m.mean + crit * se, level, method: 'linearisation-z' };
  return {
    kind: 'mean',
    estimate: m.mean,
    se,
    n: m.n,
    designSize,
    nEff: (m.w * m.w) / m.w2,
    sumWeights: m.w * unit,
    interval,
  };
}
