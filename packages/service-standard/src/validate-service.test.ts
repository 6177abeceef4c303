import { EduQualityError } from '@edu-quality/core';
import { describe, expect, it } from 'vitest';
import { defineService } from './define-service.js';
import { EXAMPLE_SERVICES } from './example-services.js';
import type { ServiceStandard } from './service-standard.js';
import { validateService } from './validate-service.js';

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};
const base: ServiceStandard = deepFreeze(structuredClone(EXAMPLE_SERVICES[2]!));

describe('validateService', () => {
  it('accepts the three example services (frozen, unchanged)', () => {
    for (const service of EXAMPLE_SERVICES)
      expect(validateService(deepFreeze(structuredClone(service))).issues).toEqual([]);
  });

  it('reports every cross-field problem with its path', () => {
    const broken: ServiceStandard = {
      ...base,
      steps: [
        ...base.steps,
        {
          id: 'register',
          title: { lt: 'x', en: 'x' },
          owner: { lt: 'x', en: 'x' },
          deadline: { amount: 25, unit: 'working-days' },
        },
      ],
      channels: [
        { id: 'desk', type: 'in-person', contact: {} },
        { id: 'phone', type: 'phone', contact: { email: 'a@example.org' } },
      ],
      costs: [{ id: 'fee', value: 2, currency: 'EUR', channel: 'post' }],
      responsibleRole: { lt: 'Vedėjas' },
    };
    const result = validateService(broken);
    expect(result.success).toBe(false);
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate-id', ['steps', 3, 'id']],
      ['step-deadline-exceeds-service', ['steps', 3, 'deadline']],
      ['channel-without-contact', ['channels', 0, 'contact']],
      ['channel-contact-mismatch', ['channels', 1, 'contact', 'telephone']],
      ['unknown-reference', ['costs', 0, 'channel']],
      ['missing-translation', ['responsibleRole']],
    ]);
  });

  it('reports a language the CPSV-AP export cannot name and an organisation id used twice', () => {
    const result = validateService({
      ...base,
      provider: { ...base.competentAuthority, name: { lt: 'Mokykla', en: 'School' } },
      languages: ['lt', 'en', 'xx'],
    });
    // (Every text also lacks its xx translation: those issues are tested above.)
    const issues = result.issues.filter((i) => i.code !== 'missing-translation');
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['conflicting-organisation', ['provider', 'id']],
      ['unmapped-language', ['languages', 2]],
    ]);
  });

  it('compares a working-day step with a calendar-day service (N working days ≥ N calendar days)', () => {
    const service = { ...base, processingTime: { amount: 10, unit: 'calendar-days' as const } };
    // The complaint's "examine" step is 20 working days > 10 calendar days.
    expect(validateService(service).issues.map((i) => i.path)).toEqual([['steps', 2, 'deadline']]);
  });

  it('reports shape problems with zod paths, all of them', () => {
    const result = validateService({
      ...base,
      costs: [{ id: 'fee', value: -1, currency: 'eur' }],
      languages: [],
      extra: 1,
    });
    expect(result.success).toBe(false);
    const paths = result.issues.map((i) => i.path?.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['costs.0.value', 'costs.0.currency', 'languages', '']),
    );
    expect(result.issues.find((i) => i.path?.length === 0)?.code).toBe('unrecognized_keys');
  });

  it('rejects hostile identifiers', () => {
    const result = validateService({ ...base, id: '__proto__' });
    expect(result.issues.map((i) => i.path)).toEqual([['id']]);
  });
});

describe('defineService', () => {
  it('returns a valid service and throws invalid-input with the issues otherwise', () => {
    expect(defineService(base)).toEqual(base);
    try {
      defineService({ ...base, channels: [] });
      expect.unreachable();
    } catch (error) {
      expect(EduQualityError.isInstance(error)).toBe(true);
      expect((error as EduQualityError).code).toBe('invalid-input');
      expect((error as EduQualityError).issues.map((i) => i.path)).toEqual([['channels']]);
    }
  });
});
