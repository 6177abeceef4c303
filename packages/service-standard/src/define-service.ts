import { EduQualityError } from '@edu-quality/core';
import type { ServiceStandard } from './service-standard.js';
import { validateService } from './validate-service.js';

/**
 * Defines a service to the service standard: validates it and returns it, or
 * throws with every problem found.
 *
 * @remarks
 * Use it where a service is written in code or loaded at start-up, so that a
 * broken description fails loudly; use {@link validateService} to show the
 * problems to a person instead.
 *
 * @param service - the service description
 * @returns the validated service
 * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-input`, whose `issues` list every problem with its path
 *
 * @example
 * ```ts
 * defineService(EXAMPLE_SERVICES[2]).id; // => 'complaint-about-education-institution'
 * defineService({ ...EXAMPLE_SERVICES[2], channels: [] }); // throws
 * ```
 */
export function defineService(service: ServiceStandard): ServiceStandard {
  const result = validateService(service);
  if (!result.success) {
    throw new EduQualityError(
      'invalid-input',
      `defineService: ${String((service as { id?: unknown }).id)} has ${result.issues.length} problem(s): ${result.issues
        .map((i) => `${i.path?.join('.') ?? ''}: ${i.message}`)
        .join('; ')}`,
      { issues: result.issues },
    );
  }
  return result.service;
}
