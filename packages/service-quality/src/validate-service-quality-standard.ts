import type { Issue } from '@edu-quality/core';
import { crossCheck } from './internal/cross-checks.js';
import {
  ServiceQualityStandardSchema,
  type ServiceQualityStandard,
} from './service-quality-standard.js';

/** The result of {@link validateServiceQualityStandard}. */
export type ValidateServiceQualityStandardResult =
  | {
      /** Discriminant: valid. */
      readonly success: true;
      /** The standard, as parsed. */
      readonly standard: ServiceQualityStandard;
      /** Empty. */
      readonly issues: readonly Issue[];
    }
  | {
      /** Discriminant: invalid. */
      readonly success: false;
      /** Every problem found, each with its path. */
      readonly issues: readonly Issue[];
    };

/**
 * Checks a customer-service quality standard read from outside (JSON, a form)
 * and reports every problem with its path.
 *
 * @remarks
 * Runs {@link ServiceQualityStandardSchema}, then the checks across fields
 * (duplicate ids, a norm whose two events are the same, a weekday with two
 * opening periods) even when some fields failed, so one run lists everything.
 * Issue codes are zod's (`invalid_type`, `too_small`, `unrecognized_keys`, …)
 * or `custom` for the checks across fields.
 *
 * @param input - the candidate standard
 * @returns `success` with the standard, or the list of issues
 *
 * @example
 * ```ts
 * validateServiceQualityStandard(LT_SERVICE_QUALITY_STANDARD).success; // => true
 * const broken = { ...LT_SERVICE_QUALITY_STANDARD, norms: [{ ...LT_SERVICE_QUALITY_STANDARD.norms[0], targetShare: 95 }] };
 * validateServiceQualityStandard(broken).issues.map((i) => i.path); // => [['norms', 0, 'targetShare']]
 * ```
 */
export function validateServiceQualityStandard(
  input: unknown,
): ValidateServiceQualityStandardResult {
  const parsed = ServiceQualityStandardSchema.safeParse(input);
  if (parsed.success) return { success: true, standard: parsed.data, issues: [] };
  const issues: Issue[] = parsed.error.issues.map((issue) => ({
    code: issue.code,
    message: issue.message,
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
  }));
  // zod skips refinements of an object whose fields failed; run the checks
  // across fields here as well, so that one run lists every problem.
  const seen = new Set(issues.map((i) => `${(i.path ?? []).join('.')}\u0000${i.message}`));
  for (const extra of crossCheck(input)) {
    if (!seen.has(`${extra.path.join('.')}\u0000${extra.message}`)) {
      issues.push({ code: 'custom', message: extra.message, path: extra.path });
    }
  }
  return { success: false, issues };
}
