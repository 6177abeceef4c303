import { describe, expect, it } from 'vitest';
import { LT_SERVICE_QUALITY_STANDARD } from './lt-service-quality-standard.js';
import { RU_SERVICE_QUALITY_STANDARD } from './ru-service-quality-standard.js';
import { NormSchema, ServiceQualityStandardSchema } from './service-quality-standard.js';
import { validateServiceQualityStandard } from './validate-service-quality-standard.js';

const paths = (input: unknown): string[] =>
  validateServiceQualityStandard(input).issues.map((i) => (i.path ?? []).join('.'));

describe('ServiceQualityStandardSchema', () => {
  it('accepts both ready standards, which survive a JSON round trip unchanged', () => {
    for (const standard of [LT_SERVICE_QUALITY_STANDARD, RU_SERVICE_QUALITY_STANDARD]) {
      const json = JSON.parse(JSON.stringify(standard)) as unknown;
      const r = validateServiceQualityStandard(json);
      expect(r.issues).toEqual([]);
      expect(r.success && r.standard).toEqual(standard);
    }
  });

  it('has N1–N14 in the Lithuanian standard with the methods-note defaults', () => {
    const byId = new Map(LT_SERVICE_QUALITY_STANDARD.norms.map((n) => [n.id, n]));
    expect([...byId.keys()]).toEqual(Array.from({ length: 14 }, (_, i) => `N${i + 1}`));
    expect(byId.get('N1')).toMatchObject({
      kind: 'response-deadline',
      deadline: { amount: 20, unit: 'working-days' },
    });
    expect(byId.get('N3')).toMatchObject({
      kind: 'latency',
      limit: { amount: 5, unit: 'working-days' },
    });
    expect(byId.get('N4')).toMatchObject({ limit: { amount: 3 } });
    expect(byId.get('N5')).toMatchObject({ onlyIf: 'confirmationRequested', limit: { amount: 3 } });
    expect(byId.get('N6')).toMatchObject({
      deadline: { amount: 20 },
      extension: { amount: 10, unit: 'working-days' },
    });
    expect(byId.get('N7')).toMatchObject({ limit: { amount: 2, unit: 'working-days' } });
    expect(byId.get('N10')).toMatchObject({ kind: 'phone-answer', measure: 'rings', max: 2 });
    expect(byId.get('N11')).toMatchObject({ kind: 'reply-channel' });
    expect(byId.get('N13')).toMatchObject({ kind: 'opening-hours' });
    expect(byId.get('N14')).toMatchObject({ kind: 'satisfaction-target' });
  });

  it('has the Russian 59-FZ 30 days from registration and the MFC 15-minute queue', () => {
    const byId = new Map(RU_SERVICE_QUALITY_STANDARD.norms.map((n) => [n.id, n]));
    expect(byId.get('N1')).toMatchObject({
      from: 'registered',
      deadline: { amount: 30, unit: 'calendar-days' },
    });
    expect(byId.get('N8')).toMatchObject({ kind: 'waiting-time', maxMinutes: 15 });
    expect(byId.get('N2')).toMatchObject({ limit: { amount: 3, unit: 'calendar-days' } });
    expect(byId.get('N3')).toMatchObject({ limit: { amount: 7, unit: 'calendar-days' } });
  });

  it('reports every problem with its path, not just the first', () => {
    const input = {
      ...LT_SERVICE_QUALITY_STANDARD,
      title: {},
      extra: 1,
      principles: [
        { id: 'p', title: { en: 'P' }, measuredBy: {} },
        { id: 'p', title: { en: 'Q' }, measuredBy: { dimensions: ['staff'] } },
      ],
      norms: [
        { ...LT_SERVICE_QUALITY_STANDARD.norms[0], targetShare: 95 },
        { ...LT_SERVICE_QUALITY_STANDARD.norms[1], kind: 'queue' },
        { ...LT_SERVICE_QUALITY_STANDARD.norms[2], to: 'received' },
        {
          ...LT_SERVICE_QUALITY_STANDARD.norms[12],
          hours: [{ weekdays: [1, 8], opens: '17:00', closes: '08:00' }],
        },
      ],
    };
    const r = validateServiceQualityStandard(input);
    expect(r.success).toBe(false);
    const found = paths(input);
    // Shape problems, each with a path.
    expect(found).toContain('title');
    expect(found).toContain('');
    expect(found).toContain('principles.0.measuredBy');
    expect(found).toContain('norms.0.targetShare');
    expect(found).toContain('norms.1.kind');
    expect(found).toContain('norms.3.hours.0.weekdays.1');
    expect(found).toContain('norms.3.hours.0.closes');
    expect(r.issues.find((i) => i.code === 'unrecognized_keys')).toBeDefined();
    // Checks across fields run too, in the same pass.
    expect(found).toContain('principles.1.id');
    expect(found).toContain('norms.2.to');
  });

  it('reports duplicate ids and a norm whose two events are the same', () => {
    const input = {
      ...LT_SERVICE_QUALITY_STANDARD,
      norms: [
        LT_SERVICE_QUALITY_STANDARD.norms[0],
        { ...LT_SERVICE_QUALITY_STANDARD.norms[1], id: 'N1' },
        { ...LT_SERVICE_QUALITY_STANDARD.norms[2], to: 'received' },
        {
          ...LT_SERVICE_QUALITY_STANDARD.norms[12],
          hours: [
            { weekdays: [1, 2], opens: '08:00', closes: '12:00' },
            { weekdays: [2], opens: '13:00', closes: '17:00' },
          ],
        },
      ],
    };
    expect(paths(input)).toEqual(['norms.1.id', 'norms.2.to', 'norms.3.hours.1.weekdays']);
  });

  it('rejects unsafe ids and keys', () => {
    const input = {
      ...LT_SERVICE_QUALITY_STANDARD,
      id: '__proto__',
      scope: { institutions: ['constructor'] },
    };
    expect(paths(input)).toEqual(['id', 'scope.institutions.0']);
  });

  it('does not mutate its input', () => {
    const frozen = structuredClone(LT_SERVICE_QUALITY_STANDARD);
    const copy = structuredClone(frozen);
    ServiceQualityStandardSchema.parse(Object.freeze(frozen));
    expect(frozen).toEqual(copy);
  });

  it('discriminates norm kinds', () => {
    expect(
      NormSchema.safeParse({ id: 'N11', kind: 'reply-channel', title: { en: 'x' }, targetShare: 1 })
        .success,
    ).toBe(true);
    expect(
      NormSchema.safeParse({ id: 'N11', kind: 'reply-channel', title: { en: 'x' } }).success,
    ).toBe(false);
    expect(
      NormSchema.safeParse({
        id: 'N14',
        kind: 'satisfaction-target',
        title: { en: 'x' },
        indexId: 'csi',
        minimum: 101,
      }).success,
    ).toBe(false);
  });
});
