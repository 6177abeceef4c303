// The Net Promoter Score from its sums, shared by NpsAccumulator and the batch
// path of breakdown (which sums a whole column per group without an accumulator
// object per row).
import { criticalValue, type ConfidenceInterval } from '../confidence-interval.js';
import type { NetPromoterScoreOptions, NetPromoterScoreResult } from '../net-promoter-score.js';
import { checkLevel, fail } from './fail.js';
import type { SurveyLayout } from './survey.js';

/**
 * Refuses an NPS on an item whose scale is not 0–10: the promoter (9–10) and
 * detractor (0–6) cuts are defined on the 0–10 "would you recommend" scale
 * only, and a 1–5 item would silently score −100.
 */
export function checkNpsScale(id: string, min: number, max: number, fn: string): void {
  if (min !== 0 || max !== 10) {
    fail('invalid-argument', fn, `the NPS needs a 0–10 item; ${id} is on a ${min}–${max} scale`);
  }
}

/**
 * The recommend item of an NPS: the one requested (which must be a 0–10 scale
 * item), else the item with role \`recommend\` when it is on 0–10, else none.
 */
export function npsItemOf(
  layout: SurveyLayout,
  requested: string | false | undefined,
  fn: string,
): string | undefined {
  if (requested === false) return undefined;
  if (requested === undefined) {
    return layout.items.find((i) => i.role === 'recommend' && i.min === 0 && i.max === 10)?.id;
  }
  const item = layout.byId.get(requested);
  if (item === undefined) fail('invalid-argument', fn, `unknown NPS item ${requested}`);
  checkNpsScale(item.id, item.min, item.max, fn);
  return item.id;
}

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
