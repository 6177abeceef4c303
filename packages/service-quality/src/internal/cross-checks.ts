/** A problem across fields of a standard: a path and a message. */
export interface CrossIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The checks across fields of a customer-service quality standard: duplicate
 * principle and norm ids, a norm whose two events are the same, a weekday
 * with two opening periods. Written defensively over unknown input so they
 * can run even when other fields fail the schema.
 */
export function crossCheck(value: unknown): CrossIssue[] {
  const issues: CrossIssue[] = [];
  if (!isObject(value)) return issues;
  for (const key of ['principles', 'norms'] as const) {
    const list = value[key];
    if (!Array.isArray(list)) continue;
    const ids = new Set<unknown>();
    list.forEach((entry: unknown, i) => {
      if (!isObject(entry) || typeof entry.id !== 'string') return;
      if (ids.has(entry.id)) {
        issues.push({ path: [key, i, 'id'], message: `id ${entry.id} is used twice` });
      }
      ids.add(entry.id);
    });
  }
  const norms = value.norms;
  if (!Array.isArray(norms)) return issues;
  norms.forEach((norm: unknown, i) => {
    if (!isObject(norm)) return;
    if (typeof norm.from === 'string' && norm.from === norm.to) {
      issues.push({ path: ['norms', i, 'to'], message: 'must be another event than from' });
    }
    if (norm.kind === 'opening-hours' && Array.isArray(norm.hours)) {
      const days = new Set<unknown>();
      norm.hours.forEach((period: unknown, p) => {
        if (!isObject(period) || !Array.isArray(period.weekdays)) return;
        for (const day of period.weekdays as unknown[]) {
          if (typeof day !== 'number') continue;
          if (days.has(day)) {
            issues.push({
              path: ['norms', i, 'hours', p, 'weekdays'],
              message: `weekday ${day} has two periods`,
            });
          }
          days.add(day);
        }
      });
    }
  });
  return issues;
}
