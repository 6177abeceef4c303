import type { BreakdownGroup, BreakdownResult } from '@edu-quality/index';
import type { ResponseSet } from '@edu-quality/questionnaire';
import { redactText } from '@edu-quality/report';
import type { Analysis } from './analysis.js';

/** The label of a suppressed group whose name came from free text: not published. */
export const HIDDEN_LABEL = '(another answer, not shown)';

/** Why a group is suppressed, in words, without its n. */
export function suppressionReason(reason: string, minGroupSize: number): string {
  switch (reason) {
    case 'below-minimum':
      return `suppressed (n < ${minGroupSize})`;
    case 'complementary':
      return 'suppressed to protect a smaller group';
    case 'linked-table':
      return 'suppressed to protect a smaller group of another table';
    case 'no-answers':
      return 'suppressed (no answers to the index items)';
    default:
      // A reason of a newer index package: said generically.
      return 'suppressed';
  }
}

/**
 * Whether a whole study is too small to publish: fewer respondents in the
 * index than the disclosure threshold. Then no output carries a number.
 */
export function isWithheld(analysis: Analysis, minGroupSize: number): boolean {
  return analysis.index.n < minGroupSize;
}

/** The notice printed instead of the results of a study too small to publish. */
export function withheldNotice(minGroupSize: number): string {
  return `The study has fewer respondents than the minimum group size (${minGroupSize}): no results are published, to protect the respondents.`;
}

/**
 * The analysis as it may be published: the labels of free-text segment codes
 * (codes a `single` item does not declare, typed by respondents) redacted as
 * open text is, and a suppressed group with such a code unnamed.
 */
export function publishableAnalysis(set: ResponseSet, analysis: Analysis, redact = true): Analysis {
  const declared = new Map<string, ReadonlySet<string>>();
  for (const item of set.items) {
    declared.set(item.id, new Set((item.options ?? []).map((o) => o.value)));
  }
  const isFree = (field: string, code: string | null): boolean =>
    code !== null && declared.get(field)?.has(code) !== true;
  const clean = (text: string): string => (redact ? redactText(text) : text);
  const relabel = (b: BreakdownResult, g: BreakdownGroup): BreakdownGroup => {
    const free = b.by.filter((field) => isFree(field, g.key[field] ?? null));
    if (free.length === 0) return g;
    if (g.suppressed) {
      const key = Object.fromEntries(
        b.by.map((f) => [f, free.includes(f) ? HIDDEN_LABEL : (g.key[f] ?? null)]),
      );
      return { ...g, key, label: HIDDEN_LABEL };
    }
    const key = Object.fromEntries(
      b.by.map((f) => {
        const code = g.key[f] ?? null;
        return [f, code !== null && free.includes(f) ? clean(code) : code];
      }),
    );
    return { ...g, key, label: clean(g.label) };
  };
  return {
    ...analysis,
    breakdowns: analysis.breakdowns.map((b) => ({
      ...b,
      groups: b.groups.map((g) => relabel(b, g)),
    })),
  };
}
