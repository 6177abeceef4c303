// The item count above which a statistic that keeps sums for every pair of
// items is refused: k items need k(k + 1)/2 pair sums in memory and as much
// work per respondent, so 10,000 items (50 million pairs) took minutes and
// gigabytes. 1,000 items keep ~500,000 pairs (tens of MB). Statistics that are
// not pairwise (satisfactionIndex with equal or explicit weights, which takes
// the batch path) have no such limit.
import { fail } from './fail.js';

/** The most items a pairwise statistic (covariance matrix, pair sums) takes. */
export const PAIRWISE_ITEM_LIMIT = 1000;

/** Throws `unsupported` when `k` exceeds {@link PAIRWISE_ITEM_LIMIT}, saying what to do instead. */
export function checkPairwiseItems(k: number, fn: string, what: string, instead: string): void {
  if (k > PAIRWISE_ITEM_LIMIT) {
    fail(
      'unsupported',
      fn,
      `${what} keeps sums for every pair of its ${k} items, more than the ${PAIRWISE_ITEM_LIMIT} it takes; ${instead}`,
    );
  }
}
