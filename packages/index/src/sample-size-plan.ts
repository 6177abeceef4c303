import { SAMPLE_SIZE_PLAN_OPTIONS } from './internal/option-shapes.js';
import { checkOptions } from '@edu-quality/core';
import { ensure } from './internal/fail.js';
import { marginOfError } from './margin-of-error.js';
import { sampleSize } from './sample-size.js';

/** A stratum of a sampling plan: an institution, a service or a respondent group. */
export interface PlanStratum {
  /** The stratum id. */
  readonly id: string;
  /** Its population: pupils, parents or clients served. */
  readonly populationSize: number;
}

/** Options of {@link sampleSizePlan}. */
export interface SampleSizePlanOptions {
  /** The target margin of error as a share (0.05 = ±5 points). */
  readonly margin: number;
  /**
   * `'per-stratum'` (default): the margin holds in every stratum (each
   * institution is reported on its own). `'proportional'`: the margin holds for
   * the whole population and the sample is allocated in proportion to N_h.
   */
  readonly allocation?: 'per-stratum' | 'proportional';
  /** A floor per stratum (capped at its population). */
  readonly minimum?: number;
  /** The assumed share, default 0.5. */
  readonly shareOfRespondents?: number;
  /** The confidence level, default 0.95. */
  readonly level?: number;
}

/** The sample of one stratum and the margin it achieves. */
export interface PlannedStratum {
  /** The stratum id. */
  readonly id: string;
  /** Its population. */
  readonly populationSize: number;
  /** Respondents to reach. */
  readonly n: number;
  /** The margin of error in the stratum at that n (0 for a census). */
  readonly margin: number;
}

/** A sampling plan over strata. */
export interface SampleSizePlan {
  /** One entry per stratum, in input order. */
  readonly strata: readonly PlannedStratum[];
  /** The total sample. */
  readonly n: number;
  /** The total population. */
  readonly populationSize: number;
  /** The margin of the whole at the total n (no stratification gain counted). */
  readonly margin: number;
}

/**
 * A sampling plan over institutions or groups: how many respondents each
 * needs so that a study rule holds, for example "±5 points per institution at
 * 95%, and at least 30 respondents or all of them".
 *
 * @remarks
 * Per stratum, n_h = {@link sampleSize} with N_h (Cochran's formula with the
 * finite-population correction) raised to `minimum`; or, proportionally,
 * n = sampleSize with ΣN_h allocated as ⌈n N_h/N⌉ and raised to `minimum`.
 * Every n_h is capped at N_h. Cochran (1977), *Sampling Techniques*, §5.5.
 *
 * @param strata - the strata and their populations
 * @param options - target margin, allocation, minimum, p and level
 * @returns n per stratum, achieved margins and the totals
 * @throws `EduQualityError` `invalid-argument` for no strata, duplicate ids or a population below 1
 *
 * @example
 * ```ts
 * const plan = sampleSizePlan(
 *   [{ id: 'school-a', populationSize: 600 }, { id: 'kindergarten-b', populationSize: 40 }],
 *   { margin: 0.05, minimum: 30 },
 * );
 * plan.strata.map((s) => s.n); // => [235, 37]
 * plan.n; // => 272
 * ```
 */
export function sampleSizePlan(
  strata: readonly PlanStratum[],
  options: SampleSizePlanOptions,
): SampleSizePlan {
  checkOptions('sampleSizePlan', options, SAMPLE_SIZE_PLAN_OPTIONS);
  ensure(strata.length > 0, 'sampleSizePlan', 'needs at least one stratum');
  ensure(
    new Set(strata.map((s) => s.id)).size === strata.length,
    'sampleSizePlan',
    'stratum ids must be unique',
  );
  for (const h of strata) {
    ensure(
      Number.isInteger(h.populationSize) && h.populationSize >= 1,
      'sampleSizePlan',
      `stratum ${h.id}: populationSize must be a positive integer`,
    );
  }
  const common = {
    ...(options.shareOfRespondents === undefined
      ? {}
      : { shareOfRespondents: options.shareOfRespondents }),
    ...(options.level === undefined ? {} : { level: options.level }),
  };
  const total = strata.reduce((s, h) => s + h.populationSize, 0);
  const proportional = options.allocation === 'proportional';
  const overall = proportional
    ? sampleSize({ ...common, margin: options.margin, populationSize: total })
    : 0;
  const planned = strata.map((h): PlannedStratum => {
    let n = proportional
      ? Math.ceil((overall * h.populationSize) / total - 1e-9)
      : sampleSize({ ...common, margin: options.margin, populationSize: h.populationSize });
    if (options.minimum !== undefined) n = Math.max(n, options.minimum);
    n = Math.max(1, Math.min(n, h.populationSize));
    const margin = marginOfError({ ...common, n, populationSize: h.populationSize });
    return { id: h.id, populationSize: h.populationSize, n, margin };
  });
  const n = planned.reduce((s, h) => s + h.n, 0);
  return {
    strata: planned,
    n,
    populationSize: total,
    margin: marginOfError({ ...common, n, populationSize: total }),
  };
}
