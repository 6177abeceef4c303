import { EduQualityError, localize, type Locale } from '@edu-quality/core';
import {
  netPromoterScore,
  protectedBreakdowns,
  satisfactionIndex,
  type BreakdownResult,
  type NetPromoterScoreResult,
  type SatisfactionIndexOptions,
  type SatisfactionIndexResult,
} from '@edu-quality/index';
import type { ResponseSet } from '@edu-quality/questionnaire';
import { CliError } from './cli-error.js';
import type { Context } from './context.js';
import { suppressionReason } from './publish.js';

/** What the `index`, `report` and `demo` commands compute. */
export interface AnalysisOptions {
  readonly command: string;
  readonly items?: readonly string[];
  readonly weights: 'equal' | 'stated' | 'derived';
  readonly interval: 'delta-t' | 'delta-z' | 'bootstrap';
  readonly replicates: number;
  readonly seed: number;
  readonly level: number;
  /** Segment fields; `a+b` crosses two fields. */
  readonly by: readonly string[];
  readonly minGroupSize: number;
  /** The recommend item, `false` for none; default the item with role `recommend`. */
  readonly nps?: string | false;
}

/** The results: the index, the NPS and one breakdown per `by`. */
export interface Analysis {
  readonly index: SatisfactionIndexResult;
  readonly npsItem: string | null;
  readonly nps: NetPromoterScoreResult | null;
  readonly breakdowns: readonly BreakdownResult[];
}

/** The segment fields of a response set (single-choice columns). */
export function segmentFields(set: ResponseSet): string[] {
  return [...set.columns.values()].filter((c) => c.kind === 'category').map((c) => c.id);
}

/** The recommend (0–10) item: the one named, else the one with role `recommend`. */
export function recommendItem(set: ResponseSet, requested?: string | false): string | null {
  if (requested === false) return null;
  if (requested !== undefined) {
    const column = set.columns.get(requested);
    if (column?.kind !== 'scale') {
      throw new CliError(2, `--nps ${requested} is not a scale item of the questionnaire`);
    }
    if (column.min !== 0 || column.max !== 10) {
      throw new CliError(
        2,
        `--nps ${requested}: the NPS needs a 0–10 item; ${requested} is on a ${column.min}–${column.max} scale`,
      );
    }
    return requested;
  }
  // The default recommend item only when it is on 0–10 (an NPS of another scale is meaningless).
  const found = set.items.find((item) => {
    if (item.role !== 'recommend') return false;
    const column = set.columns.get(item.id);
    return column?.kind === 'scale' && column.min === 0 && column.max === 10;
  });
  return found?.id ?? null;
}

/** Computes the index, NPS and breakdowns. */
export function analyse(
  set: ResponseSet,
  options: AnalysisOptions,
  onBootstrapProgress?: (done: number, total: number) => void,
): Analysis {
  const segments = segmentFields(set);
  for (const spec of options.by) {
    for (const field of spec.split('+')) {
      if (!segments.includes(field)) {
        throw new CliError(2, `--by ${field}: not a segment field of the questionnaire`, {
          hint: `Segment fields: ${segments.join(', ') || '(none)'}.`,
        });
      }
    }
  }
  if (options.items !== undefined) {
    for (const id of options.items) {
      if (set.columns.get(id)?.kind !== 'scale') {
        throw new CliError(2, `--items ${id}: not a scale item of the questionnaire`);
      }
    }
  }
  const base: SatisfactionIndexOptions = {
    weights: options.weights,
    level: options.level,
    ...(options.items === undefined ? {} : { items: options.items }),
  };
  const index = satisfactionIndex(set, {
    ...base,
    interval: options.interval,
    ...(options.interval === 'bootstrap'
      ? {
          bootstrap: {
            replicates: options.replicates,
            seed: options.seed,
            ...(onBootstrapProgress === undefined ? {} : { onProgress: onBootstrapProgress }),
          },
        }
      : {}),
  });
  const npsItem = recommendItem(set, options.nps);
  let nps: NetPromoterScoreResult | null = null;
  if (npsItem !== null) {
    const column = set.columns.get(npsItem);
    if (column?.kind === 'scale') {
      try {
        nps = netPromoterScore(column, {
          level: options.level,
          ...(set.weights === undefined ? {} : { weights: set.weights }),
        });
      } catch (error) {
        // Nobody answered the recommend item: no NPS line, as for a survey without one.
        if (!(EduQualityError.isInstance(error) && error.code === 'insufficient-data')) throw error;
      }
    }
  }
  // One suppression pattern across every --by table and the total, so that no
  // hidden group can be recovered by differencing one table against another.
  // `a+b` and `b+a` are one table (in the order first asked for).
  const tableOf = (spec: string): string => [...new Set(spec.split('+'))].sort().join('+');
  const keys = [...new Set(options.by.map(tableOf))];
  const tables = keys.map((key) => [
    ...new Set(options.by.find((spec) => tableOf(spec) === key)!.split('+')),
  ]);
  const joint =
    tables.length === 0
      ? []
      : protectedBreakdowns(set, {
          ...base,
          tables,
          minGroupSize: options.minGroupSize,
          nps: npsItem ?? false,
          interval: options.interval === 'delta-z' ? 'delta-z' : 'delta-t',
        }).tables;
  const breakdowns = options.by.map((spec) => joint[keys.indexOf(tableOf(spec))]!);
  return { index, npsItem, nps, breakdowns };
}

/** A number with `d` decimals, or an em dash. */
export function fixed(value: number | null | undefined, d = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(d);
}

/** A confidence level as the label of its intervals: 0.9 → `90%`, 0.975 → `97.5%`. */
export function levelLabel(level: number): string {
  return `${Number((level * 100).toFixed(1))}%`;
}

/** The analysis as text tables. */
export function analysisText(set: ResponseSet, a: Analysis, locale: Locale): string[] {
  const lines: string[] = [];
  const { index } = a;
  const pct = levelLabel(index.interval.level);
  lines.push(
    `Satisfaction index ${fixed(index.score)} (${pct} CI ${fixed(index.interval.lower)}–${fixed(index.interval.upper)}, ${index.interval.method}), n = ${index.n}`,
  );
  lines.push(`  weights: ${index.weighting.rule}`);
  if (index.dimensions.length > 0) {
    lines.push('', 'By dimension:');
    lines.push(`  ${'dimension'.padEnd(16)} ${'index'.padStart(6)}  ${pct} CI`);
    for (const d of index.dimensions) {
      lines.push(
        `  ${d.dimension.padEnd(16)} ${fixed(d.score).padStart(6)}  ${fixed(d.interval.lower)}–${fixed(d.interval.upper)}`,
      );
    }
  }
  lines.push('', 'By item:');
  lines.push(
    `  ${'item'.padEnd(22)} ${'n'.padStart(6)} ${'mean'.padStart(5)} ${'score'.padStart(6)}  ${`${pct} CI`.padEnd(11)} ${'top-2'.padStart(5)}  text`,
  );
  for (const item of index.items) {
    const text = set.items.find((i) => i.id === item.id);
    lines.push(
      `  ${item.id.padEnd(22)} ${String(item.n).padStart(6)} ${fixed(item.mean, 2).padStart(5)} ${fixed(item.score).padStart(6)}  ${(item.interval === null ? '—' : `${fixed(item.interval.lower)}–${fixed(item.interval.upper)}`).padEnd(11)} ${(item.topBoxShare === null ? '—' : `${(item.topBoxShare * 100).toFixed(0)}%`).padStart(5)}  ${text === undefined ? '' : localize(text.text, locale)}`,
    );
  }
  if (a.nps !== null) {
    lines.push(
      '',
      `Net Promoter Score (${a.npsItem ?? ''}) ${fixed(a.nps.score)} (${pct} CI ${fixed(a.nps.interval.lower)}–${fixed(a.nps.interval.upper)}), promoters ${(a.nps.promoters * 100).toFixed(0)}%, detractors ${(a.nps.detractors * 100).toFixed(0)}%, n = ${a.nps.n}`,
    );
  }
  for (const b of a.breakdowns) {
    lines.push('', `By ${b.by.join(' × ')}:`);
    lines.push(
      `  ${'rank'.padStart(4)}  ${'group'.padEnd(28)} ${'n'.padStart(6)} ${'index'.padStart(6)}  ${`${pct} CI`.padEnd(11)} ${'NPS'.padStart(6)}`,
    );
    for (const g of b.groups) {
      if (g.suppressed) {
        lines.push(
          `  ${'—'.padStart(4)}  ${g.label.padEnd(28)} ${suppressionReason(g.reason, b.minGroupSize)}`,
        );
      } else {
        lines.push(
          `  ${String(g.rank).padStart(4)}  ${g.label.padEnd(28)} ${String(g.n).padStart(6)} ${fixed(g.index.score).padStart(6)}  ${`${fixed(g.index.interval.lower)}–${fixed(g.index.interval.upper)}`.padEnd(11)} ${fixed(g.nps?.score).padStart(6)}`,
        );
      }
    }
    lines.push(`  ${b.suppressionRule}`);
  }
  return lines;
}

/**
 * {@link analyse} with a progress bar on a terminal: one step per bootstrap
 * replicate when the interval is a bootstrap, a plain "Computing" line otherwise.
 */
export function analyseWithProgress(
  ctx: Context,
  set: ResponseSet,
  options: AnalysisOptions,
): Analysis {
  const bootstrap = options.interval === 'bootstrap';
  const bar = ctx.progress(
    bootstrap ? `Bootstrap (${options.replicates} replicates)` : 'Computing',
    bootstrap ? options.replicates : 0,
  );
  bar.update(0);
  const analysis = analyse(
    set,
    options,
    bootstrap
      ? (done: number) => {
          bar.update(done);
        }
      : undefined,
  );
  bar.finish();
  return analysis;
}
