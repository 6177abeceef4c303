import { lt } from '@edu-quality/calendar';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ComplianceAccumulator } from './compliance-accumulator.js';
import type { CaseNormResult, NormResult } from './compliance-result.js';
import { evaluateCompliance } from './evaluate-compliance.js';
import {
  INTERACTION_CHANNELS,
  INTERACTION_KINDS,
  type InteractionCase,
  type InteractionChannel,
} from './interaction-case.js';
import { LT_SERVICE_QUALITY_STANDARD } from './lt-service-quality-standard.js';
import type { ServiceQualityStandard } from './service-quality-standard.js';

const NOW = '2026-12-31T12:00:00Z';
const caseNorms = (norms: readonly NormResult[]): CaseNormResult[] =>
  norms.filter((n): n is CaseNormResult => n.kind !== 'satisfaction-target');

// ---------------------------------------------------------------------------------------------
// A seeded synthetic log of 1,200 cases, and its expected results computed by a plain loop that
// shares no code with the package: its own Lithuanian 2026 holiday list, its own day counting
// and time-zone conversion (Intl), its own quantiles.
// ---------------------------------------------------------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number): string => String(n).padStart(2, '0');
// Lithuanian public holidays of 2026 (Labour Code art. 123; Easter Sunday 5 April 2026).
const LT_HOLIDAYS_2026 = new Set(
  [
    '01-01',
    '02-16',
    '03-11',
    '04-05',
    '04-06',
    '05-01',
    '06-24',
    '07-06',
    '08-15',
    '11-01',
    '11-02',
    '12-24',
    '12-25',
    '12-26',
  ].map((d) => `2026-${d}`),
);
const isWorking = (date: string): boolean => {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !LT_HOLIDAYS_2026.has(date);
};
const vilniusDate = (instant: string): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Vilnius',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
const q7 = (values: number[], p: number): number | null => {
  if (values.length === 0) return null;
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  return x[lo]! + (h - lo) * (x[Math.min(lo + 1, x.length - 1)]! - x[lo]!);
};

const INSTITUTIONS = ['school-a', 'school-b', 'school-c', 'kindergarten-d', 'admin', 'tiny'];
const CHANNELS: readonly InteractionChannel[] = ['email', 'e-service', 'post', 'in-person'];

function syntheticLog(n: number, seed: number): InteractionCase[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const cases: InteractionCase[] = [];
  for (let i = 0; i < n; i++) {
    const institution = i < 3 ? 'tiny' : pick(INSTITUTIONS.slice(0, 5));
    const kindRoll = rnd();
    const id = `C${String(i).padStart(5, '0')}`;
    const day = Date.UTC(2026, 0, 5) + Math.floor(rnd() * 330) * DAY; // 5 Jan – 1 Dec 2026
    const date = iso(day);
    if (kindRoll < 0.5) {
      const channel = pick(CHANNELS);
      const events: Record<string, string> = {};
      const r = rnd();
      if (r < 0.04) {
        // no receipt date: unmeasurable
      } else if (r < 0.3) {
        // an instant: between 18:00 and 23:59 UTC, which is sometimes the next day in Vilnius
        events.received = `${date}T${pad(18 + Math.floor(rnd() * 6))}:${pad(Math.floor(rnd() * 60))}:00Z`;
      } else {
        events.received = date;
      }
      if (rnd() > 0.06) events.answered = iso(day + Math.floor(rnd() * 40) * DAY);
      const replyRoll = rnd();
      const replyChannel =
        replyRoll < 0.1 ? undefined : replyRoll < 0.85 ? channel : pick(CHANNELS);
      const preferred = rnd() < 0.1 ? pick(CHANNELS) : undefined;
      cases.push({
        id,
        kind: 'request',
        institution,
        channel,
        events,
        ...(replyChannel === undefined ? {} : { replyChannel }),
        ...(preferred === undefined ? {} : { preferredChannel: preferred }),
      });
    } else if (kindRoll < 0.8) {
      const start = 8 * 60 + Math.floor(rnd() * 420);
      const wait = Math.floor(rnd() * 40);
      const events: Record<string, string> = {
        ticketIssued:
          rnd() < 0.05 ? date : `${date}T${pad(Math.floor(start / 60))}:${pad(start % 60)}`,
      };
      const end = start + wait;
      if (rnd() > 0.05) events.called = `${date}T${pad(Math.floor(end / 60))}:${pad(end % 60)}`;
      cases.push({ id, kind: 'visit', institution, channel: 'in-person', events });
    } else {
      const rings = rnd() < 0.05 ? undefined : Math.floor(rnd() * 6);
      cases.push({
        id,
        kind: 'call',
        institution,
        channel: 'phone',
        events: {},
        ...(rings === undefined ? {} : { rings }),
        ...(rnd() < 0.1 ? { abandoned: true } : {}),
      });
    }
  }
  return cases;
}

const STANDARD: ServiceQualityStandard = {
  ...LT_SERVICE_QUALITY_STANDARD,
  norms: ['N1', 'N8', 'N10', 'N11'].map((id) =>
    LT_SERVICE_QUALITY_STANDARD.norms.find((n) => n.id === id)!,
  ),
};

interface Expected {
  applicable: number;
  met: number;
  breached: number;
  unmeasurable: number;
  pending: number;
  values: number[];
  breaches: string[];
  byInstitution: Map<string, { applicable: number; met: number }>;
}

function plainLoop(cases: readonly InteractionCase[]): Record<string, Expected> {
  const out: Record<string, Expected> = {};
  const fresh = (): Expected => ({
    applicable: 0,
    met: 0,
    breached: 0,
    unmeasurable: 0,
    pending: 0,
    values: [],
    breaches: [],
    byInstitution: new Map(),
  });
  for (const id of ['N1', 'N8', 'N10', 'N11']) out[id] = fresh();
  const count = (
    e: Expected,
    c: InteractionCase,
    status: 'met' | 'breached' | 'unmeasurable' | 'pending',
    value?: number,
  ): void => {
    if (status === 'pending') {
      e.pending++;
      return;
    }
    e.applicable++;
    e[status]++;
    if (value !== undefined) e.values.push(value);
    if (status === 'breached') e.breaches.push(c.id);
    const g = e.byInstitution.get(c.institution) ?? { applicable: 0, met: 0 };
    g.applicable++;
    if (status === 'met') g.met++;
    e.byInstitution.set(c.institution, g);
  };
  const nowDate = '2026-12-31';
  for (const c of cases) {
    if (c.kind === 'request') {
      // N1: 20 working days from the day after receipt.
      const received = c.events.received;
      if (received === undefined) count(out.N1!, c, 'unmeasurable');
      else {
        const receivedOn = received.endsWith('Z') ? vilniusDate(received) : received;
        let day = Date.parse(`${receivedOn}T00:00:00Z`);
        let counted = 0;
        while (counted < 20) {
          day += DAY;
          if (isWorking(iso(day))) counted++;
        }
        const dueOn = iso(day);
        const answered = c.events.answered;
        if (answered === undefined) count(out.N1!, c, nowDate > dueOn ? 'breached' : 'pending');
        // A reply dated before the local date of receipt (an evening instant that is already the
        // next day in Vilnius, answered on the UTC date) contradicts it: unmeasurable.
        else if (answered < receivedOn) count(out.N1!, c, 'unmeasurable');
        else {
          let used = 0;
          for (
            let d = Date.parse(`${receivedOn}T00:00:00Z`) + DAY;
            d <= Date.parse(`${answered}T00:00:00Z`);
            d += DAY
          ) {
            if (isWorking(iso(d))) used++;
          }
          count(out.N1!, c, answered <= dueOn ? 'met' : 'breached', used);
        }
      }
      // N11: the reply channel.
      const expected = c.preferredChannel ?? c.channel;
      if (c.replyChannel === undefined)
        count(out.N11!, c, c.events.answered === undefined ? 'pending' : 'unmeasurable');
      else count(out.N11!, c, c.replyChannel === expected ? 'met' : 'breached');
    } else if (c.kind === 'visit') {
      const t = c.events.ticketIssued!;
      if (!t.includes('T')) count(out.N8!, c, 'unmeasurable');
      else if (c.events.called === undefined) count(out.N8!, c, 'breached');
      else {
        const minutes = (Date.parse(`${c.events.called}:00Z`) - Date.parse(`${t}:00Z`)) / 60_000;
        count(out.N8!, c, minutes <= 15 ? 'met' : 'breached', minutes);
      }
    } else if (c.kind === 'call') {
      if (c.rings === undefined) count(out.N10!, c, 'unmeasurable');
      else if (c.abandoned === true && c.rings <= 2) {
        // excluded: abandoned within the limit
      } else count(out.N10!, c, c.rings <= 2 && c.abandoned !== true ? 'met' : 'breached', c.rings);
    }
  }
  return out;
}

describe('evaluateCompliance on 1,200 seeded synthetic cases against a plain loop', () => {
  const cases = syntheticLog(1200, 20260402);
  const expected = plainLoop(cases);
  const result = evaluateCompliance(STANDARD, cases, { calendar: lt, now: NOW });

  it('has at least 1,000 cases and exercises every status', () => {
    expect(result.cases).toBe(1200);
    const n1 = expected.N1!;
    expect(n1.met).toBeGreaterThan(100);
    expect(n1.breached).toBeGreaterThan(10);
    expect(n1.unmeasurable).toBeGreaterThan(5);
  });

  for (const id of ['N1', 'N8', 'N10', 'N11']) {
    it(`${id}: counts, quantiles, breaches and published institutions equal the plain loop`, () => {
      const e = expected[id]!;
      const r = caseNorms(result.norms).find((n) => n.normId === id)!;
      expect({
        applicable: r.applicable,
        met: r.met,
        breached: r.breached,
        unmeasurable: r.unmeasurable,
        pending: r.pending,
      }).toEqual({
        applicable: e.applicable,
        met: e.met,
        breached: e.breached,
        unmeasurable: e.unmeasurable,
        pending: e.pending,
      });
      expect(r.measured).toBe(e.values.length);
      expect(r.median).toBe(q7(e.values, 0.5));
      expect(r.p90).toBe(q7(e.values, 0.9));
      expect(r.breaches.map((b) => b.caseId)).toEqual([...e.breaches].sort());
      expect(r.shareMet).toBeCloseTo(e.met / e.applicable, 12);
      for (const g of r.byInstitution) {
        if (g.suppressed) continue;
        expect({ label: g.label, applicable: g.applicable, met: g.met }).toEqual({
          label: g.label,
          ...e.byInstitution.get(g.label),
        });
      }
      // 'tiny' has at most 3 cases: suppressed below the minimum, and one more group with it.
      const suppressed = r.byInstitution.filter((g) => g.suppressed);
      if (e.byInstitution.has('tiny')) {
        expect(suppressed.find((g) => g.label === 'tiny')).toEqual({
          label: 'tiny',
          suppressed: true,
          reason: 'below-minimum',
        });
        const smallest = [...e.byInstitution.entries()]
          .filter(([label]) => label !== 'tiny')
          .sort((a, b) => a[1].applicable - b[1].applicable || (a[0] < b[0] ? -1 : 1))[0]![0];
        expect(suppressed.find((g) => g.reason === 'complementary')?.label).toBe(smallest);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Properties over arbitrary cases and every Lithuanian norm.
// ---------------------------------------------------------------------------------------------

const dateArb = fc.integer({ min: 0, max: 200 }).map((d) => iso(Date.UTC(2026, 0, 1) + d * DAY));
const stampArb = fc.oneof(
  dateArb,
  fc
    .tuple(dateArb, fc.integer({ min: 0, max: 1439 }))
    .map(([d, m]) => `${d}T${pad(Math.floor(m / 60))}:${pad(m % 60)}`),
  fc
    .tuple(dateArb, fc.integer({ min: 0, max: 1439 }))
    .map(([d, m]) => `${d}T${pad(Math.floor(m / 60))}:${pad(m % 60)}:00Z`),
);
const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(arb, { nil: undefined });
const caseArb = (id: string): fc.Arbitrary<InteractionCase> =>
  fc
    .record({
      kind: fc.constantFrom(...INTERACTION_KINDS),
      institution: fc.constantFrom('a', 'b', 'c'),
      channel: fc.constantFrom(...INTERACTION_CHANNELS),
      replyChannel: maybe(fc.constantFrom(...INTERACTION_CHANNELS)),
      received: maybe(stampArb),
      registered: maybe(stampArb),
      forwarded: maybe(stampArb),
      answered: maybe(stampArb),
      decided: maybe(stampArb),
      extensionDecided: maybe(stampArb),
      ticketIssued: maybe(stampArb),
      called: maybe(stampArb),
      rings: maybe(fc.integer({ min: 0, max: 6 })),
      abandoned: maybe(fc.boolean()),
      turnedAway: maybe(fc.boolean()),
      confirmationRequested: maybe(fc.boolean()),
    })
    .map((r) => {
      const events: Record<string, string> = {};
      for (const k of [
        'received',
        'registered',
        'forwarded',
        'answered',
        'decided',
        'extensionDecided',
        'ticketIssued',
        'called',
      ] as const) {
        if (r[k] !== undefined) events[k] = r[k];
      }
      return {
        id,
        kind: r.kind,
        institution: r.institution,
        channel: r.channel,
        events,
        ...(r.replyChannel === undefined ? {} : { replyChannel: r.replyChannel }),
        ...(r.rings === undefined ? {} : { rings: r.rings }),
        ...(r.abandoned === undefined ? {} : { abandoned: r.abandoned }),
        ...(r.turnedAway === undefined ? {} : { turnedAway: r.turnedAway }),
        ...(r.confirmationRequested === undefined
          ? {}
          : { confirmationRequested: r.confirmationRequested }),
      };
    });
const logArb = fc
  .integer({ min: 0, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => caseArb(`c${i}`))));
const options = { calendar: lt, now: '2026-05-15T09:00:00Z', minGroupSize: 3 } as const;

describe('ComplianceAccumulator properties', () => {
  it('met + breached + unmeasurable = applicable, and applicable + pending + excluded = in scope, per norm and group', () => {
    fc.assert(
      fc.property(logArb, (cases) => {
        const result = evaluateCompliance(LT_SERVICE_QUALITY_STANDARD, cases, options);
        for (const r of caseNorms(result.norms)) {
          expect(r.met + r.breached + r.unmeasurable).toBe(r.applicable);
          expect(r.applicable + r.pending + r.excluded).toBe(r.inScope);
          expect(r.breaches.length).toBe(r.breached);
          expect(r.unmeasurableReasons.missing + r.unmeasurableReasons.inconsistent).toBe(
            r.unmeasurable,
          );
          if (r.shareMet !== null) {
            expect(r.interval!.lower).toBeLessThanOrEqual(r.shareMet + 1e-12);
            expect(r.interval!.upper).toBeGreaterThanOrEqual(r.shareMet - 1e-12);
          }
          for (const g of r.byInstitution) {
            if (!g.suppressed) expect(g.met + g.breached + g.unmeasurable).toBe(g.applicable);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('shards merged in any order equal one pass', () => {
    fc.assert(
      fc.property(
        logArb,
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        (cases, assignment, shardCount, order) => {
          const one = new ComplianceAccumulator(LT_SERVICE_QUALITY_STANDARD, options)
            .addAll(cases)
            .result();
          const shards = Array.from(
            { length: shardCount },
            () => new ComplianceAccumulator(LT_SERVICE_QUALITY_STANDARD, options),
          );
          cases.forEach((c, i) => shards[(assignment[i] ?? 0) % shardCount]!.add(c));
          const permuted = shards
            .map((s, i) => ({ s, key: order[i] ?? 0 }))
            .sort((a, b) => a.key - b.key)
            .map((x) => x.s);
          const merged = permuted.slice(1).reduce((acc, s) => acc.merge(s), permuted[0]!);
          expect(merged.result()).toEqual(one);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses to merge accumulators of another moment or standard', () => {
    const a = new ComplianceAccumulator(LT_SERVICE_QUALITY_STANDARD, options);
    expect(() =>
      a.merge(
        new ComplianceAccumulator(LT_SERVICE_QUALITY_STANDARD, {
          ...options,
          now: '2026-05-16T00:00:00Z',
        }),
      ),
    ).toThrow(/same/);
    expect(() =>
      a.merge(new ComplianceAccumulator({ ...LT_SERVICE_QUALITY_STANDARD, id: 'other' }, options)),
    ).toThrow(/same/);
  });

  it('gives empty results on an empty log', () => {
    const r = caseNorms(evaluateCompliance(LT_SERVICE_QUALITY_STANDARD, [], options).norms);
    expect(
      r.every(
        (n) =>
          n.applicable === 0 &&
          n.shareMet === null &&
          n.median === null &&
          n.byInstitution.length === 0,
      ),
    ).toBe(true);
  });
});
