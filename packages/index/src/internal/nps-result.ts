// The Net Promoter Score from its sums, shared by NpsAccumulator and the batch
// path of breakdown (which sums a whole column per group without an accumulator
// object per row).
import { criticalValue, type ConfidenceInterval } from '../confidence-interval.js';
import type { NetPromoterScoreOptions, NetPromoterScoreResult } from '../net-promoter-score.js';
import { checkLevel, fail } from './fail.js';

/** The sums of an NPS: answers n, Σ w, Σ w², and Σ w of promoters and of detractors. */
export interface NpsSums {
  readonly n: number;
  readonly w: number;
  readonly w2: number;
  readonly wp: number;
  readonly wd: number;
}

/** The score, shares and interval from the sums; throws `insufficient-data` when n = 0. */
export function npsResult(
  sums: NpsSums,
  options: Omit<NetPromoterScoreOptions, 'weights'> = {},
): NetPromoterScoreResult {
  const level = checkLevel(options.level, 'netPromoterScore');
  if (sums.n === 0) fail('insufficient-data', 'netPromoterScore', 'no answered value');
  const p = sums.wp / sums.w;
  const d = sums.wd / sums.w;
  const nEff = (sums.w * sums.w) / sums.w2;
  const score = 100 * (p - d);
  const se = 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / nEff);
  const t = options.interval === 't' && nEff > 1;
  const crit = criticalValue(level, t ? nEff - 1 : undefined);
  const lower = Math.max(-100, score - crit * se);
  const upper = Math.min(100, score + crit * se);
  const interval: ConfidenceInterval = t
    ? { lower, upper, level, method: 'multinomial-t', df: nEff - 1 }
    : { lower, upper, level, method: 'multinomial-z' };
  return {
    kind: 'nps',
    score,
    promoters: p,
    passives: Math.max(0, 1 - p - d),
    detractors: d,
    n: sums.n,
    nEff,
    se,
    interval,
  };
}
