import type { ComplianceResult } from './compliance-result.js';
import { ComplianceAccumulator, type ComplianceOptions } from './compliance-accumulator.js';
import type { InteractionCase } from './interaction-case.js';
import type { InteractionLog } from './read-interaction-log.js';
import type { ServiceQualityStandard } from './service-quality-standard.js';

/**
 * Checks an interaction log against a customer-service quality standard: per
 * norm, the cases it applies to, how many met it, breached it or cannot be
 * judged, the share met with a Wilson interval, the median and 90th
 * percentile of the measured quantity, the breaches with case ids and by how
 * much, and the same by institution and by channel with disclosure control.
 *
 * @remarks
 * Each case is judged in the institution's time zone (`options.timeZone`,
 * else the calendar's): an instant becomes a local date there, so a request
 * at 23:30 Vilnius time is received that day.
 *
 * - Deadlines in days (`response-deadline`, day `latency`) are counted by
 *   `@edu-quality/calendar`'s `dueDate` with the norm's rule, the case's
 *   clarification pause and, when the case has `extensionDecided`, the
 *   norm's extension. A reply on or before the due date meets the norm.
 *   The measured quantity is the day of the count the reply fell on, in the
 *   rule's unit; a breach is by the calendar days past the due date.
 * - Durations (`waiting-time`, `latency` in minutes or hours) need both
 *   instants; a date without a time is unmeasurable for them.
 * - An open case (no closing event) is `pending` while within its limit at
 *   `now`, and a breach once past it (`open: true`, measured to `now`).
 * - A case missing the starting event or value, or whose events contradict
 *   each other, is `unmeasurable`: it counts in `applicable` but never as
 *   met, so `shareMet = met / applicable`.
 * - Phone norms leave out calls abandoned within the limit (`excluded`);
 *   calls abandoned after it are breaches. The abandoned share is reported
 *   against `maxAbandonedShare`.
 * - Opening hours apply to visits and calls that arrive (`received`) within
 *   the published hours of a working day of the calendar, short pre-holiday
 *   days closing `shortDayMinutes` earlier; such a case is a breach when
 *   `turnedAway` is true.
 * - A satisfaction target compares the value passed in
 *   `options.satisfaction` (for example a `satisfactionIndex` score of
 *   `@edu-quality/index`) with its minimum.
 *
 * Quantiles are R's type 7 (Hyndman and Fan 1996); intervals are Wilson's
 * (`prop.test(k, n, correct = FALSE)`). Breakdown groups with fewer than
 * `minGroupSize` applicable cases (default 5) are suppressed, with
 * complementary suppression as in `@edu-quality/index`'s `breakdown`. The
 * function is pure: `now` is passed in. For streams and shards use
 * {@link ComplianceAccumulator}.
 *
 * @param standard - the standard (validated with {@link validateServiceQualityStandard} if it came from outside)
 * @param log - the cases, or the result of {@link readInteractionLog} (whose row counts are carried over)
 * @param options - the calendar, `now`, and optional time zone, threshold, level and index values
 * @returns the compliance per norm
 * @throws {@link @edu-quality/core!EduQualityError} `invalid-argument` for an invalid `now`, time zone, threshold, level or index value
 *
 * @example
 * ```ts
 * import { lt } from '@edu-quality/calendar';
 * const standard = { ...LT_SERVICE_QUALITY_STANDARD, norms: [LT_SERVICE_QUALITY_STANDARD.norms[0]] };
 * // Received Friday 3 April 2026 at 23:30 Vilnius time: day 20 is Tuesday 5 May (Easter Monday and 1 May are holidays).
 * const log = [
 *   { id: 'R1', kind: 'request', institution: 'school-1', channel: 'email', events: { received: '2026-04-03T20:30:00Z', answered: '2026-05-05T15:00:00+03:00' } },
 *   { id: 'R2', kind: 'request', institution: 'school-1', channel: 'post', events: { received: '2026-04-03T20:30:00Z', answered: '2026-05-07' } },
 *   { id: 'R3', kind: 'request', institution: 'school-1', channel: 'post', events: { answered: '2026-05-07' } },
 * ] as const;
 * const n1 = evaluateCompliance(standard, log, { calendar: lt, now: '2026-06-01T00:00:00Z' }).norms[0];
 * n1; // => { applicable: 3, met: 1, breached: 1, unmeasurable: 1, median: 21 }
 * n1.kind === 'response-deadline' && n1.breaches; // => [{ caseId: 'R2', by: 2, dueOn: '2026-05-05', open: false }]
 * ```
 */
export function evaluateCompliance(
  standard: ServiceQualityStandard,
  log: readonly InteractionCase[] | InteractionLog,
  options: ComplianceOptions,
): ComplianceResult {
  const accumulator = new ComplianceAccumulator(standard, options);
  if (isLog(log)) {
    const result = accumulator.addAll(log.cases).result();
    return {
      ...result,
      log: { ...log.counts, issues: log.issues.length },
    };
  }
  return accumulator.addAll(log).result();
}

function isLog(log: readonly InteractionCase[] | InteractionLog): log is InteractionLog {
  return !Array.isArray(log);
}
