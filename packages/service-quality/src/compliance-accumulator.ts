import type { WorkingCalendar } from '@edu-quality/calendar';
import { checkKnownOptions, EduQualityError } from '@edu-quality/core';
import type {
  Breach,
  CaseNormResult,
  ComplianceCounts,
  ComplianceGroup,
  ComplianceResult,
  MeasureUnit,
  NormResult,
  TargetNormResult,
} from './compliance-result.js';
import type { InteractionCase } from './interaction-case.js';
import type { Norm, ServiceQualityStandard } from './service-quality-standard.js';
import { compareText, suppressGroups } from './internal/disclosure.js';
import {
  evaluateCase,
  type CaseOutcome,
  type EvaluationContext,
} from './internal/evaluate-case.js';
import { quantileType7 } from './internal/quantile.js';
import { wilson } from './internal/wilson.js';

/** An index value passed in for a satisfaction-target norm, for example from `@edu-quality/index`'s `satisfactionIndex`. */
export interface SatisfactionValue {
  /** The id the norm names in `indexId`. */
  readonly indexId: string;
  /** The value on 0–100 (a `SatisfactionIndexResult.score`, a NOK criterion score). */
  readonly value: number;
  /** Its number of respondents. */
  readonly n: number;
  /** Its confidence interval on 0–100, when known. */
  readonly interval?: { readonly lower: number; readonly upper: number };
}

/** Options of {@link evaluateCompliance} and {@link ComplianceAccumulator}. */
export interface ComplianceOptions {
  /** The institution's working calendar (`lt`, `ru`, or one derived with `with`). */
  readonly calendar: WorkingCalendar;
  /** The moment of the evaluation: open cases are judged against it. No clock is read. */
  readonly now: Date | string;
  /** The institution's IANA time zone; defaults to the calendar's. */
  readonly timeZone?: string;
  /** Groups of a breakdown with fewer applicable cases are suppressed; default 5. */
  readonly minGroupSize?: number;
  /** The level of the Wilson intervals; default 0.95. */
  readonly level?: number;
  /** Index values for satisfaction-target norms. */
  readonly satisfaction?: readonly SatisfactionValue[];
}

type CaseNorm = Exclude<Norm, { kind: 'satisfaction-target' }>;

interface Tally {
  inScope: number;
  pending: number;
  excluded: number;
  met: number;
  breached: number;
  missing: number;
  inconsistent: number;
  abandoned: number;
  values: number[];
}

interface NormState {
  readonly total: Tally;
  readonly byInstitution: Map<string, Tally>;
  readonly byChannel: Map<string, Tally>;
  readonly breaches: Breach[];
}

const FN = 'ComplianceAccumulator';

function tally(): Tally {
  return {
    inScope: 0,
    pending: 0,
    excluded: 0,
    met: 0,
    breached: 0,
    missing: 0,
    inconsistent: 0,
    abandoned: 0,
    values: [],
  };
}

function record(t: Tally, o: Exclude<CaseOutcome, { status: 'out-of-scope' }>): void {
  t.inScope++;
  if ('abandoned' in o && o.abandoned) t.abandoned++;
  switch (o.status) {
    case 'pending':
      t.pending++;
      break;
    case 'excluded':
      t.excluded++;
      break;
    case 'unmeasurable':
      if (o.reason === 'missing') t.missing++;
      else t.inconsistent++;
      break;
    case 'met':
      t.met++;
      if (o.value !== undefined) t.values.push(o.value);
      break;
    case 'breached':
      t.breached++;
      if (o.value !== undefined) t.values.push(o.value);
      break;
  }
}

function mergeTally(into: Tally, from: Tally): void {
  into.inScope += from.inScope;
  into.pending += from.pending;
  into.excluded += from.excluded;
  into.met += from.met;
  into.breached += from.breached;
  into.missing += from.missing;
  into.inconsistent += from.inconsistent;
  into.abandoned += from.abandoned;
  for (const v of from.values) into.values.push(v);
}

function counts(t: Tally, level: number): ComplianceCounts {
  const unmeasurable = t.missing + t.inconsistent;
  const applicable = t.met + t.breached + unmeasurable;
  const sorted = [...t.values].sort((a, b) => a - b);
  return {
    applicable,
    met: t.met,
    breached: t.breached,
    unmeasurable,
    pending: t.pending,
    shareMet: applicable === 0 ? null : t.met / applicable,
    interval: applicable === 0 ? null : wilson(t.met, applicable, level),
    measured: sorted.length,
    median: sorted.length === 0 ? null : quantileType7(sorted, 0.5),
    p90: sorted.length === 0 ? null : quantileType7(sorted, 0.9),
  };
}

function groupsOf(map: ReadonlyMap<string, Tally>, k: number, level: number): ComplianceGroup[] {
  const entries = [...map.entries()].sort((a, b) => compareText(a[0], b[0]));
  const sized = entries.map(([label, t]) => ({
    label,
    size: t.met + t.breached + t.missing + t.inconsistent,
  }));
  const reasons = suppressGroups(sized, k);
  const published: ComplianceGroup[] = [];
  const suppressed: ComplianceGroup[] = [];
  for (const [label, t] of entries) {
    const reason = reasons.get(label);
    if (reason === undefined) published.push({ label, suppressed: false, ...counts(t, level) });
    else suppressed.push({ label, suppressed: true, reason });
  }
  return [...published, ...suppressed];
}

function unitOf(norm: CaseNorm): MeasureUnit | null {
  switch (norm.kind) {
    case 'response-deadline':
      return norm.deadline.unit;
    case 'latency':
      return norm.limit.unit;
    case 'waiting-time':
      return 'minutes';
    case 'phone-answer':
      return norm.measure;
    default:
      return null;
  }
}

function breachUnitOf(norm: CaseNorm): MeasureUnit | null {
  if (norm.kind === 'response-deadline') return 'calendar-days';
  if (
    norm.kind === 'latency' &&
    (norm.limit.unit === 'working-days' || norm.limit.unit === 'calendar-days')
  ) {
    return 'calendar-days';
  }
  return unitOf(norm);
}

function toInstant(now: Date | string): number {
  const t = typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (!Number.isFinite(t)) {
    throw new EduQualityError('invalid-argument', `${FN}: now must be a valid Date or ISO instant`);
  }
  return t;
}

/**
 * A mergeable accumulator of the compliance of an interaction log with a
 * customer-service quality standard: `add` cases one by one or from a stream,
 * `merge` accumulators of shards in any order, and read the `result`.
 *
 * @remarks
 * Each case is judged against each norm once, when it is added; the
 * accumulator keeps the counts, the measured values (for exact medians and
 * percentiles: memory grows with the number of measured cases) and the
 * breaches, in total and per institution and channel. Disclosure control and
 * the intervals are applied in `result`, on the merged counts, so shards
 * merged in any order give the same result as one pass. Merged accumulators
 * must share the standard, the calendar, the time zone and `now`.
 * A case id added twice (in one shard or in two) is counted twice:
 * deduplicate the log first ({@link readInteractionLog} rejects duplicates).
 *
 * @example
 * ```ts
 * import { lt } from '@edu-quality/calendar';
 * const standard = { ...LT_SERVICE_QUALITY_STANDARD, norms: [LT_SERVICE_QUALITY_STANDARD.norms[0]] };
 * const options = { calendar: lt, now: '2026-06-30T12:00:00Z' };
 * const a = new ComplianceAccumulator(standard, options).add({ id: 'R1', kind: 'request', institution: 'school-1', channel: 'email', events: { received: '2026-04-03', answered: '2026-05-05' } });
 * const b = new ComplianceAccumulator(standard, options).add({ id: 'R2', kind: 'request', institution: 'school-1', channel: 'email', events: { received: '2026-04-03', answered: '2026-05-06' } });
 * const r = a.merge(b).result().norms[0];
 * r; // => { applicable: 2, met: 1, breached: 1, shareMet: 0.5 }
 * ```
 */
export class ComplianceAccumulator {
  readonly #standard: ServiceQualityStandard;
  readonly #options: ComplianceOptions;
  readonly #ctx: EvaluationContext;
  readonly #states = new Map<string, NormState>();
  #cases = 0;

  /**
   * @param standard - the standard (trusted: validate outside data with {@link validateServiceQualityStandard} first)
   * @param options - the calendar, `now`, the time zone, the threshold and index values
   * @throws {@link @edu-quality/core!EduQualityError} `invalid-argument` for an invalid `now`, time zone, threshold, level or index value, a missing calendar, or an unknown option key (named with its path)
   */
  constructor(standard: ServiceQualityStandard, options: ComplianceOptions) {
    checkKnownOptions(
      FN,
      options,
      {
        timeZone: { type: 'string' },
        minGroupSize: { type: 'number' },
        level: { type: 'number' },
      },
      ['calendar', 'now', 'satisfaction'],
    );
    // Duck-typed: a calendar from a second copy of the package is no instanceof.
    if (typeof (options.calendar as Partial<WorkingCalendar> | undefined)?.dayInfo !== 'function') {
      throw new EduQualityError(
        'invalid-argument',
        `${FN}: options.calendar must be a WorkingCalendar`,
      );
    }
    const satisfaction: unknown = options.satisfaction ?? [];
    if (!Array.isArray(satisfaction)) {
      throw new EduQualityError('invalid-argument', `${FN}: options.satisfaction must be an array`);
    }
    const timeZone = options.timeZone ?? options.calendar.timeZone;
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      throw new EduQualityError('invalid-argument', `${FN}: ${timeZone} is not an IANA time zone`);
    }
    const k = options.minGroupSize ?? 5;
    if (!Number.isInteger(k) || k < 1) {
      throw new EduQualityError(
        'invalid-argument',
        `${FN}: minGroupSize must be a positive integer`,
      );
    }
    const level = options.level ?? 0.95;
    if (!(level > 0 && level < 1)) {
      throw new EduQualityError('invalid-argument', `${FN}: level must be between 0 and 1`);
    }
    for (const s of options.satisfaction ?? []) {
      if (!Number.isFinite(s.value) || s.value < 0 || s.value > 100 || !(s.n >= 0)) {
        throw new EduQualityError(
          'invalid-argument',
          `${FN}: satisfaction value ${s.indexId} must be on 0–100 with n ≥ 0`,
        );
      }
    }
    this.#standard = standard;
    this.#options = options;
    this.#ctx = { calendar: options.calendar, timeZone, now: toInstant(options.now) };
    for (const norm of standard.norms) {
      if (norm.kind === 'satisfaction-target') continue;
      this.#states.set(norm.id, {
        total: tally(),
        byInstitution: new Map(),
        byChannel: new Map(),
        breaches: [],
      });
    }
  }

  /**
   * Judges one case against every norm and counts it.
   *
   * @param c - the case
   * @returns this accumulator
   */
  add(c: InteractionCase): this {
    this.#cases++;
    for (const norm of this.#standard.norms) {
      if (norm.kind === 'satisfaction-target') continue;
      const state = this.#states.get(norm.id)!;
      const outcome = evaluateCase(this.#standard, norm, c, this.#ctx);
      if (outcome.status === 'out-of-scope') continue;
      record(state.total, outcome);
      const inst = state.byInstitution.get(c.institution) ?? tally();
      state.byInstitution.set(c.institution, inst);
      record(inst, outcome);
      const chan = state.byChannel.get(c.channel) ?? tally();
      state.byChannel.set(c.channel, chan);
      record(chan, outcome);
      if (outcome.status === 'breached') {
        state.breaches.push({
          caseId: c.id,
          institution: c.institution,
          channel: c.channel,
          by: outcome.by,
          open: outcome.open,
          ...(outcome.dueOn === undefined ? {} : { dueOn: outcome.dueOn }),
        });
      }
    }
    return this;
  }

  /**
   * Adds every case of an iterable (an array, a generator, a stream read in chunks).
   *
   * @param cases - the cases
   * @returns this accumulator
   */
  addAll(cases: Iterable<InteractionCase>): this {
    for (const c of cases) this.add(c);
    return this;
  }

  /**
   * Adds the counts of another accumulator (a shard) to this one.
   *
   * @param other - an accumulator over the same standard, calendar, time zone and `now`
   * @returns this accumulator
   * @throws {@link @edu-quality/core!EduQualityError} `invalid-argument` when the two differ in standard, calendar, time zone or `now`
   */
  merge(other: ComplianceAccumulator): this {
    if (
      other.#standard.id !== this.#standard.id ||
      other.#standard.norms.map((n) => n.id).join('\u0000') !==
        this.#standard.norms.map((n) => n.id).join('\u0000') ||
      other.#ctx.calendar.id !== this.#ctx.calendar.id ||
      other.#ctx.timeZone !== this.#ctx.timeZone ||
      other.#ctx.now !== this.#ctx.now
    ) {
      throw new EduQualityError(
        'invalid-argument',
        `${FN}.merge: both accumulators need the same standard, calendar, time zone and now`,
      );
    }
    this.#cases += other.#cases;
    for (const [id, from] of other.#states) {
      const into = this.#states.get(id)!;
      mergeTally(into.total, from.total);
      for (const [key, map] of [
        ['byInstitution', from.byInstitution],
        ['byChannel', from.byChannel],
      ] as const) {
        for (const [label, t] of map) {
          const target = into[key].get(label) ?? tally();
          into[key].set(label, target);
          mergeTally(target, t);
        }
      }
      for (const b of from.breaches) into.breaches.push(b);
    }
    return this;
  }

  /**
   * The compliance of the cases added so far, per norm.
   *
   * @returns the result
   */
  result(): ComplianceResult {
    const k = this.#options.minGroupSize ?? 5;
    const level = this.#options.level ?? 0.95;
    const norms: NormResult[] = this.#standard.norms.map((norm): NormResult => {
      if (norm.kind === 'satisfaction-target') return this.#target(norm);
      const state = this.#states.get(norm.id)!;
      const total = counts(state.total, level);
      const result: CaseNormResult = {
        normId: norm.id,
        kind: norm.kind,
        unit: unitOf(norm),
        breachUnit: breachUnitOf(norm),
        inScope: state.total.inScope,
        excluded: state.total.excluded,
        ...total,
        unmeasurableReasons: {
          missing: state.total.missing,
          inconsistent: state.total.inconsistent,
        },
        targetShare: norm.targetShare,
        targetMet: total.shareMet === null ? null : total.shareMet >= norm.targetShare,
        breaches: [...state.breaches].sort(
          (a, b) => compareText(a.caseId, b.caseId) || compareText(a.institution, b.institution),
        ),
        byInstitution: groupsOf(state.byInstitution, k, level),
        byChannel: groupsOf(state.byChannel, k, level),
        ...(norm.kind === 'phone-answer'
          ? {
              abandoned: {
                count: state.total.abandoned,
                share:
                  state.total.inScope === 0 ? null : state.total.abandoned / state.total.inScope,
                maxShare: norm.maxAbandonedShare ?? null,
                met:
                  norm.maxAbandonedShare === undefined || state.total.inScope === 0
                    ? null
                    : state.total.abandoned / state.total.inScope <= norm.maxAbandonedShare,
              },
            }
          : {}),
      };
      return result;
    });
    return {
      standardId: this.#standard.id,
      evaluatedAt: new Date(this.#ctx.now).toISOString(),
      timeZone: this.#ctx.timeZone,
      cases: this.#cases,
      minGroupSize: k,
      norms,
      suppressionRule: `groups with fewer than ${k} applicable cases are suppressed with no numbers (not even their size); while the suppressed groups are a single group or hold fewer than ${k} cases together, the next smallest group is suppressed as well, so that no group under ${k} can be recovered from the total minus the published groups`,
    };
  }

  #target(norm: Extract<Norm, { kind: 'satisfaction-target' }>): TargetNormResult {
    const basis = norm.basis ?? 'estimate';
    const input = (this.#options.satisfaction ?? []).find((s) => s.indexId === norm.indexId);
    const compared =
      input === undefined ? undefined : basis === 'estimate' ? input.value : input.interval?.lower;
    return {
      normId: norm.id,
      kind: 'satisfaction-target',
      indexId: norm.indexId,
      minimum: norm.minimum,
      basis,
      status:
        compared === undefined ? 'unmeasurable' : compared >= norm.minimum ? 'met' : 'breached',
      value: input?.value ?? null,
      n: input?.n ?? null,
      interval:
        input?.interval === undefined
          ? null
          : { lower: input.interval.lower, upper: input.interval.upper },
    };
  }
}
