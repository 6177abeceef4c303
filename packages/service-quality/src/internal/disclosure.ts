/** Why a group's numbers are withheld. */
export type SuppressionReason = 'below-minimum' | 'complementary';

/**
 * Disclosure control of a breakdown whose total is published, the rule of
 * `@edu-quality/index`'s breakdown: groups with fewer than `k` cases are
 * suppressed (primary); then, while the suppressed groups are a single group or
 * hold fewer than `k` cases together, the next smallest published group (ties
 * by label) is suppressed too (complementary), so that total minus the
 * published groups never isolates fewer than `k` cases.
 */
export function suppressGroups(
  groups: readonly { readonly label: string; readonly size: number }[],
  k: number,
): Map<string, SuppressionReason> {
  const reasons = new Map<string, SuppressionReason>();
  for (const g of groups) if (g.size < k) reasons.set(g.label, 'below-minimum');
  if (reasons.size === 0) return reasons;
  let pooled = groups.filter((g) => reasons.has(g.label)).reduce((s, g) => s + g.size, 0);
  let count = reasons.size;
  const candidates = groups
    .filter((g) => !reasons.has(g.label))
    .sort((a, b) => a.size - b.size || compareText(a.label, b.label));
  for (const g of candidates) {
    if (count >= 2 && pooled >= k) break;
    reasons.set(g.label, 'complementary');
    pooled += g.size;
    count++;
  }
  return reasons;
}

/** A locale-independent total order of strings (code units), for reproducible output. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
