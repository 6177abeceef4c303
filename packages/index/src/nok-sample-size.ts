import type { Issue } from '@edu-quality/core';
import { ensure } from './internal/fail.js';

/** Options of {@link nokRequiredSample} and {@link nokSampleSizeWarnings}. */
export interface NokSampleSizeOptions {
  /** The least share of service recipients to survey, in (0, 1]. Default 0.4. */
  readonly minShare?: number;
  /** The sample never needs to exceed this many respondents. Default 600. */
  readonly cap?: number;
}

/** An organisation's sample, for {@link nokSampleSizeWarnings}. */
export interface NokSampleEntry {
  /** The organisation id. */
  readonly id: string;
  /** The number of its service recipients (pupils, parents, readers …). */
  readonly recipients: number;
  /** The number of respondents surveyed. */
  readonly respondents: number;
}

function checked(options: NokSampleSizeOptions, fn: string): { minShare: number; cap: number } {
  const minShare = options.minShare ?? 0.4;
  const cap = options.cap ?? 600;
  ensure(
    Number.isFinite(minShare) && minShare > 0 && minShare <= 1,
    fn,
    'minShare must be in (0, 1]',
  );
  ensure(Number.isInteger(cap) && cap > 0, fn, 'cap must be a positive integer');
  return { minShare, cap };
}

/**
 * The least number of respondents the NOK sample rule asks of an
 * organisation: at least 40% of its service recipients, but no more than 600.
 * *Unverified*: the rule is the one usually cited, not checked against the
 * official text, hence the parameters.
 *
 * @remarks
 * required = min(cap, ⌈minShare · recipients⌉), with minShare = 0.4 and
 * cap = 600 by default. Source: `methods/nok-344n.md` ("at least 40% of the
 * organisation's service recipients, but no more than 600 (unverified)").
 *
 * @param recipients - the number of service recipients, a non-negative integer
 * @param options - the share and the cap
 * @returns the least number of respondents
 * @throws `EduQualityError` `invalid-argument` when recipients is not a non-negative integer, or minShare or cap is out of range
 *
 * @example
 * ```ts
 * nokRequiredSample(250); // => 100
 * nokRequiredSample(5000); // => 600
 * nokRequiredSample(101); // => 41
 * nokRequiredSample(-1); // throws
 * ```
 */
export function nokRequiredSample(recipients: number, options: NokSampleSizeOptions = {}): number {
  const { minShare, cap } = checked(options, 'nokRequiredSample');
  return requiredSample(recipients, minShare, cap);
}

/** {@link nokRequiredSample} with checked parameters. */
function requiredSample(recipients: number, minShare: number, cap: number): number {
  ensure(
    Number.isInteger(recipients) && recipients >= 0,
    'nokRequiredSample',
    'recipients must be a non-negative integer',
  );
  // 0.4 · 101 = 40.400000000000006 in binary; round to 9 decimals before the
  // ceiling so that an exact product such as 0.4 · 250 = 100 stays 100.
  const product = minShare * recipients;
  // Away from an integer (more than 1e-6 off, far above the 9-decimal
  // rounding), that rounding cannot move the ceiling: skip its text.
  const fraction = product - Math.floor(product);
  if (product < 1e15 && fraction > 1e-6 && fraction < 1 - 1e-6) {
    return Math.min(cap, Math.ceil(product));
  }
  return Math.min(cap, Math.ceil(Number(product.toFixed(9))));
}

/**
 * Warns about organisations whose sample is below the NOK sample rule
 * ({@link nokRequiredSample}), or larger than their number of recipients.
 *
 * @remarks
 * A warning, never an error: the scores are still computed. Codes:
 * `nok-sample-too-small` (respondents < required) and
 * `nok-sample-exceeds-recipients` (respondents > recipients, which points to
 * a wrong recipient count or a wrong organisation code). The 40% / 600 rule is
 * *unverified*.
 *
 * @param entries - each organisation's recipients and respondents
 * @param options - the share and the cap
 * @returns the warnings, with the organisation id as the path
 * @throws `EduQualityError` `invalid-argument` when a count is not a non-negative integer, or minShare or cap is out of range
 *
 * @example
 * ```ts
 * const w = nokSampleSizeWarnings([{ id: 's1', recipients: 500, respondents: 150 }, { id: 's2', recipients: 2000, respondents: 600 }]);
 * w.map((i) => i.code); // => ['nok-sample-too-small']
 * w[0]?.path; // => ['s1']
 * ```
 */
export function nokSampleSizeWarnings(
  entries: readonly NokSampleEntry[],
  options: NokSampleSizeOptions = {},
): Issue[] {
  const fn = 'nokSampleSizeWarnings';
  const { minShare, cap } = checked(options, fn);
  const issues: Issue[] = [];
  for (const e of entries) {
    ensure(
      Number.isInteger(e.respondents) && e.respondents >= 0,
      fn,
      `respondents of ${e.id} must be a non-negative integer`,
    );
    const required = requiredSample(e.recipients, minShare, cap);
    if (e.respondents > e.recipients) {
      issues.push({
        code: 'nok-sample-exceeds-recipients',
        message: `${e.id}: ${e.respondents} respondents but only ${e.recipients} service recipients`,
        path: [e.id],
      });
    } else if (e.respondents < required) {
      issues.push({
        code: 'nok-sample-too-small',
        message: `${e.id}: ${e.respondents} respondents, the sample rule asks for ${required} (of ${e.recipients} recipients)`,
        path: [e.id],
      });
    }
  }
  return issues;
}
