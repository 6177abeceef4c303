import { IPA_OPTIONS } from './internal/option-shapes.js';
import { checkOptions } from '@edu-quality/core';
import { ensure } from './internal/fail.js';
import type { SatisfactionIndexResult } from './satisfaction-index.js';

/** An item placed in the importance–performance grid. */
export interface IpaPoint {
  /** The item id. */
  readonly id: string;
  /** Its importance: stated mean, derived weight or correlation. */
  readonly importance: number;
  /** Its performance, usually the 0–100 score. */
  readonly performance: number;
}

/** The four quadrants of an importance–performance analysis. */
export type IpaQuadrant =
  'concentrate-here' | 'keep-up-the-good-work' | 'low-priority' | 'possible-overkill';

/** Options of {@link importancePerformance}. */
export interface ImportancePerformanceOptions {
  /** `'mean'` (default): cut at the grand means of the points; or the cut values. */
  readonly cuts?: 'mean' | { readonly importance: number; readonly performance: number };
}

/** An importance–performance analysis: cut points, each item's quadrant, and the action lists. */
export interface ImportancePerformanceResult {
  /** The cuts and how they were set. */
  readonly cuts: {
    readonly importance: number;
    readonly performance: number;
    readonly method: 'mean' | 'given';
  };
  /** Every item with its quadrant, in input order. */
  readonly items: readonly (IpaPoint & { readonly quadrant: IpaQuadrant })[];
  /** High importance, low performance, most important first: where to act. */
  readonly concentrateHere: readonly string[];
  /** High importance, high performance. */
  readonly keepUpTheGoodWork: readonly string[];
  /** Low importance, low performance. */
  readonly lowPriority: readonly string[];
  /** Low importance, high performance. */
  readonly possibleOverkill: readonly string[];
}

/**
 * Importance–performance analysis (IPA): each item is placed by its
 * importance and its performance, and the grid cut at the means (or given
 * values) says where to act.
 *
 * @remarks
 * Quadrants: importance ≥ cut and performance < cut: "concentrate here";
 * both ≥ cut: "keep up the good work"; both < cut: "low priority"; importance
 * < cut and performance ≥ cut: "possible overkill". A value on a cut counts as
 * high. From a {@link SatisfactionIndexResult}, importance is each item's
 * normalised weight (so use stated or derived weights) and performance its
 * score; unanswered items are left out. Martilla, J. A. and James, J. C.
 * (1977), "Importance–performance analysis", Journal of Marketing 41(1), 77–79.
 *
 * @param input - points, or an index result
 * @param options - the cuts
 * @returns the cuts, quadrants and action lists
 * @throws `EduQualityError` `invalid-argument` with no points or a value that is not finite
 *
 * @example
 * ```ts
 * const r = importancePerformance([
 *   { id: 'staff', importance: 4.6, performance: 80 },
 *   { id: 'info', importance: 4.4, performance: 55 },
 *   { id: 'parking', importance: 3.0, performance: 50 },
 *   { id: 'cafe', importance: 3.2, performance: 85 },
 * ]);
 * r.cuts; // => { importance: 3.8, performance: 67.5, method: 'mean' }
 * r.concentrateHere; // => ['info']
 * r.possibleOverkill; // => ['cafe']
 * ```
 */
export function importancePerformance(
  input: readonly IpaPoint[] | SatisfactionIndexResult,
  options: ImportancePerformanceOptions = {},
): ImportancePerformanceResult {
  checkOptions('importancePerformance', options, IPA_OPTIONS);
  const points: IpaPoint[] =
    'kind' in input
      ? input.items.flatMap((i) =>
          i.score === null ? [] : [{ id: i.id, importance: i.weight, performance: i.score }],
        )
      : [...input];
  ensure(points.length > 0, 'importancePerformance', 'needs at least one item');
  for (const p of points) {
    ensure(
      Number.isFinite(p.importance) && Number.isFinite(p.performance),
      'importancePerformance',
      `item ${p.id} needs finite importance and performance`,
    );
  }
  const given = options.cuts !== undefined && options.cuts !== 'mean' ? options.cuts : undefined;
  const cuts = given
    ? { importance: given.importance, performance: given.performance, method: 'given' as const }
    : {
        importance: points.reduce((s, p) => s + p.importance, 0) / points.length,
        performance: points.reduce((s, p) => s + p.performance, 0) / points.length,
        method: 'mean' as const,
      };
  const items = points.map((p) => {
    const important = p.importance >= cuts.importance;
    const performing = p.performance >= cuts.performance;
    const quadrant: IpaQuadrant = important
      ? performing
        ? 'keep-up-the-good-work'
        : 'concentrate-here'
      : performing
        ? 'possible-overkill'
        : 'low-priority';
    return { ...p, quadrant };
  });
  const list = (q: IpaQuadrant): string[] =>
    items
      .filter((i) => i.quadrant === q)
      .sort((a, b) => b.importance - a.importance || a.performance - b.performance)
      .map((i) => i.id);
  return {
    cuts,
    items,
    concentrateHere: list('concentrate-here'),
    keepUpTheGoodWork: list('keep-up-the-good-work'),
    lowPriority: list('low-priority'),
    possibleOverkill: list('possible-overkill'),
  };
}
