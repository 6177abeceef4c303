import type { InteractionChannel } from './interaction-case.js';
import type { NormKind } from './service-quality-standard.js';

/** A confidence interval of a share, with its level and method. */
export interface ShareInterval {
  /** The lower bound, 0–1. */
  readonly lower: number;
  /** The upper bound, 0–1. */
  readonly upper: number;
  /** The confidence level, for example 0.95. */
  readonly level: number;
  /** Always `wilson`: the Wilson score interval, as R `prop.test(k, n, correct = FALSE)`. */
  readonly method: 'wilson';
}

/**
 * The unit of a norm's measured quantity: days counted as the deadline counts
 * them, minutes or hours of elapsed time, seconds or rings of a call.
 */
export type MeasureUnit =
  'working-days' | 'calendar-days' | 'minutes' | 'hours' | 'seconds' | 'rings';

/** The counts and statistics of one norm over a set of cases (all of them, or one group). */
export interface ComplianceCounts {
  /** Cases the norm applies to whose outcome is known: `met + breached + unmeasurable`. */
  readonly applicable: number;
  /** Cases that met the norm. */
  readonly met: number;
  /** Cases that breached it, including open cases already past their limit. */
  readonly breached: number;
  /** Cases that cannot be judged: a timestamp or value is missing or contradicts another. Never counted as met. */
  readonly unmeasurable: number;
  /** Open cases still within their limit at `now`: in scope but not yet applicable. */
  readonly pending: number;
  /** `met / applicable` (unmeasurable cases count against), or `null` when nothing applies. */
  readonly shareMet: number | null;
  /** The Wilson interval of `shareMet`, or `null`. */
  readonly interval: ShareInterval | null;
  /** Cases with a measured quantity (closed cases with both values), the n of the median and the 90th percentile. */
  readonly measured: number;
  /** The median of the measured quantity (R `quantile(x, 0.5, type = 7)`), or `null`. */
  readonly median: number | null;
  /** The 90th percentile of the measured quantity (R `quantile(x, 0.9, type = 7)`), or `null`. */
  readonly p90: number | null;
}

/** One breach of a norm: which case, where, and by how much. */
export interface Breach {
  /** The case id. */
  readonly caseId: string;
  /** The institution of the case. */
  readonly institution: string;
  /** The channel of the case. */
  readonly channel: InteractionChannel;
  /** By how much the limit was exceeded, in the norm's `breachUnit`; `null` for norms without a quantity (reply channel, opening hours). */
  readonly by: number | null;
  /** `true` for an open case (no reply yet) already past its limit at `now`; `by` is then measured to `now`. */
  readonly open: boolean;
  /** Day norms: the due date that was missed. */
  readonly dueOn?: string;
}

/** A group of a breakdown by institution or channel, published. */
export interface PublishedComplianceGroup extends ComplianceCounts {
  /** The institution id or channel. */
  readonly label: string;
  /** Discriminant. */
  readonly suppressed: false;
}

/** A group withheld by disclosure control: no numbers, not even its size. */
export interface SuppressedComplianceGroup {
  /** The institution id or channel. */
  readonly label: string;
  /** Discriminant. */
  readonly suppressed: true;
  /** `below-minimum`: fewer than `minGroupSize` applicable cases; `complementary`: withheld so that a small group cannot be recovered from the total. */
  readonly reason: 'below-minimum' | 'complementary';
}

/** A group of a breakdown. */
export type ComplianceGroup = PublishedComplianceGroup | SuppressedComplianceGroup;

/** The result of a norm checked case by case. */
export interface CaseNormResult extends ComplianceCounts {
  /** The norm id. */
  readonly normId: string;
  /** The norm kind. */
  readonly kind: Exclude<NormKind, 'satisfaction-target'>;
  /** The unit of `median`, `p90` and the measured values; `null` for norms without a quantity. */
  readonly unit: MeasureUnit | null;
  /** The unit of `Breach.by`: days past the due date for day norms, else the norm's unit. */
  readonly breachUnit: MeasureUnit | null;
  /** Cases within the norm's scope: `applicable + pending + excluded`. */
  readonly inScope: number;
  /** Phone norms: calls abandoned within the limit, left out of `applicable`. */
  readonly excluded: number;
  /** Unmeasurable cases by reason. */
  readonly unmeasurableReasons: { readonly missing: number; readonly inconsistent: number };
  /** The norm's target share. */
  readonly targetShare: number;
  /** Whether `shareMet` reaches the target; `null` when nothing applies. */
  readonly targetMet: boolean | null;
  /** Every breach, sorted by case id. For internal follow-up: not for publication. */
  readonly breaches: readonly Breach[];
  /** By institution, with disclosure control. */
  readonly byInstitution: readonly ComplianceGroup[];
  /** By channel of the request, with disclosure control. */
  readonly byChannel: readonly ComplianceGroup[];
  /** Phone norms: abandoned calls among the calls in scope. */
  readonly abandoned?: {
    readonly count: number;
    readonly share: number | null;
    readonly maxShare: number | null;
    readonly met: boolean | null;
  };
}

/** The result of a satisfaction-target norm. */
export interface TargetNormResult {
  /** The norm id. */
  readonly normId: string;
  /** Discriminant. */
  readonly kind: 'satisfaction-target';
  /** The index id the norm reads. */
  readonly indexId: string;
  /** The minimum on 0–100. */
  readonly minimum: number;
  /** Whether the estimate or the interval's lower bound is compared. */
  readonly basis: 'estimate' | 'lower-bound';
  /** `met`, `breached`, or `unmeasurable` when no value (or no interval for `lower-bound`) was passed. */
  readonly status: 'met' | 'breached' | 'unmeasurable';
  /** The index value passed, or `null`. */
  readonly value: number | null;
  /** Its n, or `null`. */
  readonly n: number | null;
  /** Its interval, when passed. */
  readonly interval: { readonly lower: number; readonly upper: number } | null;
}

/** The result of one norm: checked case by case, or a satisfaction target. */
export type NormResult = CaseNormResult | TargetNormResult;

/** The result of {@link evaluateCompliance} and {@link ComplianceAccumulator.result}. */
export interface ComplianceResult {
  /** The standard's id. */
  readonly standardId: string;
  /** The moment of the evaluation, ISO 8601 UTC. */
  readonly evaluatedAt: string;
  /** The institution's time zone used for dates. */
  readonly timeZone: string;
  /** Cases added (all of them, in scope or not). */
  readonly cases: number;
  /** The disclosure threshold of the breakdowns. */
  readonly minGroupSize: number;
  /** One result per norm, in the standard's order. */
  readonly norms: readonly NormResult[];
  /** The suppression rule, stated for the report. */
  readonly suppressionRule: string;
  /** When the log came from {@link readInteractionLog}: its row counts and issue count. */
  readonly log?: {
    readonly read: number;
    readonly accepted: number;
    readonly rejected: number;
    readonly issues: number;
  };
}
