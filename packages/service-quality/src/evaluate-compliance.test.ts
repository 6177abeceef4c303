import { lt, ru } from '@edu-quality/calendar';
import { describe, expect, it } from 'vitest';
import type { CaseNormResult, NormResult } from './compliance-result.js';
import { evaluateCompliance } from './evaluate-compliance.js';
import type { InteractionCase } from './interaction-case.js';
import { LT_SERVICE_QUALITY_STANDARD } from './lt-service-quality-standard.js';
import { readInteractionLog } from './read-interaction-log.js';
import { RU_SERVICE_QUALITY_STANDARD } from './ru-service-quality-standard.js';
import type { Norm, ServiceQualityStandard } from './service-quality-standard.js';

const only = (standard: ServiceQualityStandard, ...ids: string[]): ServiceQualityStandard => ({
  ...standard,
  norms: ids.map((id) => standard.norms.find((n) => n.id === id)!),
});
const caseNorm = (r: NormResult | undefined): CaseNormResult => {
  if (r === undefined || r.kind === 'satisfaction-target') throw new Error('not a case norm');
  return r;
};
const req = (
  id: string,
  events: InteractionCase['events'],
  extra: Partial<InteractionCase> = {},
): InteractionCase => ({
  id,
  kind: 'request',
  institution: 'school-1',
  channel: 'email',
  events,
  ...extra,
});

describe('evaluateCompliance: LT written requests (N1, 20 working days from the next day)', () => {
  const standard = only(LT_SERVICE_QUALITY_STANDARD, 'N1');
  const now = '2026-12-31T12:00:00Z';
  // Hand count, received Thursday 2 April 2026 (Easter Sunday 5 April, Easter Monday 6 April, 1 May
  // are Lithuanian holidays):
  //   day 1 Fri 3 Apr; Sat 4, Sun 5 (Easter), Mon 6 (Easter Monday) skipped;
  //   days 2–5 Tue 7 – Fri 10; days 6–10 Mon 13 – Fri 17; days 11–15 Mon 20 – Fri 24;
  //   days 16–19 Mon 27 – Thu 30; Fri 1 May (holiday), Sat 2, Sun 3 skipped; day 20 Mon 4 May.
  // Due on 2026-05-04.
  it('counts across Easter and 1 May: due 4 May; a reply that day meets, the next day breaches by 1', () => {
    const r = caseNorm(
      evaluateCompliance(
        standard,
        [
          req('on-time', { received: '2026-04-02T10:00', answered: '2026-05-04T16:00' }),
          req('late', { received: '2026-04-02', answered: '2026-05-05' }),
          req('saturday', { received: '2026-04-02', answered: '2026-05-02' }),
        ],
        { calendar: lt, now },
      ).norms[0],
    );
    expect(r).toMatchObject({
      applicable: 3,
      met: 2,
      breached: 1,
      unmeasurable: 0,
      unit: 'working-days',
    });
    expect(r.breaches).toEqual([
      {
        caseId: 'late',
        institution: 'school-1',
        channel: 'email',
        by: 1,
        open: false,
        dueOn: '2026-05-04',
      },
    ]);
    // Measured day of the count: 20 (4 May), 21 (5 May), 19 (Sat 2 May, after day 19 on 30 April).
    // Values 20, 21, 19 → R: quantile(c(20, 21, 19), c(0.5, 0.9)) = 20 20.8
    expect(r.median).toBe(20);
    expect(r.p90).toBeCloseTo(20.8, 10);
  });

  it('takes an instant in Vilnius time: 23:30 local on 2 April is received on 2 April, 00:30 on 3 April', () => {
    // 2026-04-02T20:30Z is 23:30 EEST (UTC+3): received 2 April, due 4 May as above.
    // 2026-04-02T21:30Z is 00:30 on 3 April: day 1 is Tue 7 April, day 20 is Tue 5 May.
    const r = caseNorm(
      evaluateCompliance(
        standard,
        [
          req('late-evening', { received: '2026-04-02T20:30:00Z', answered: '2026-05-05' }),
          req('after-midnight', { received: '2026-04-02T21:30:00Z', answered: '2026-05-05' }),
        ],
        { calendar: lt, now },
      ).norms[0],
    );
    expect(r.breaches.map((b) => [b.caseId, b.dueOn])).toEqual([['late-evening', '2026-05-04']]);
    expect(r.met).toBe(1);
  });

  it('stops the clock for a clarification pause', () => {
    // Pause Tue 7 – Fri 10 April (4 working days): day 1 Fri 3 Apr, days 2–6 Mon 13 – Fri 17,
    // 7–11 Mon 20 – Fri 24, 12–15 Mon 27 – Thu 30, 16–20 Mon 4 – Fri 8 May. Due 8 May.
    const r = caseNorm(
      evaluateCompliance(
        standard,
        [
          req(
            'paused',
            { received: '2026-04-02', answered: '2026-05-08' },
            { pause: { from: '2026-04-07', to: '2026-04-10' } },
          ),
        ],
        { calendar: lt, now },
      ).norms[0],
    );
    expect(r).toMatchObject({ met: 1, breached: 0, median: 20 });
  });

  it('treats an open case as pending before its due date and as an open breach after it', () => {
    const cases = [req('open', { received: '2026-04-02' })];
    const before = caseNorm(
      evaluateCompliance(standard, cases, { calendar: lt, now: '2026-05-04T20:00:00Z' }).norms[0],
    );
    expect(before).toMatchObject({
      inScope: 1,
      applicable: 0,
      pending: 1,
      shareMet: null,
      interval: null,
      targetMet: null,
    });
    // 4 May ends at 23:59:59.999 Vilnius (20:59:59.999Z); at 21:00Z it is 5 May in Vilnius.
    const after = caseNorm(
      evaluateCompliance(standard, cases, { calendar: lt, now: '2026-05-04T21:00:00Z' }).norms[0],
    );
    expect(after).toMatchObject({
      applicable: 1,
      breached: 1,
      pending: 0,
      measured: 0,
      median: null,
    });
    expect(after.breaches[0]).toMatchObject({
      caseId: 'open',
      open: true,
      by: 1,
      dueOn: '2026-05-04',
    });
  });

  it('never counts a case without its start, or with a reply before receipt, as met', () => {
    const r = caseNorm(
      evaluateCompliance(
        standard,
        [
          req('no-start', { answered: '2026-05-04' }),
          req('backwards', { received: '2026-05-04T10:00', answered: '2026-05-04T09:00' }),
          req('ok', { received: '2026-04-02', answered: '2026-04-03' }),
        ],
        { calendar: lt, now },
      ).norms[0],
    );
    expect(r).toMatchObject({
      applicable: 3,
      met: 1,
      unmeasurable: 2,
      unmeasurableReasons: { missing: 1, inconsistent: 1 },
    });
    // 1 of 3: R prop.test(1, 3, correct = FALSE)$conf.int = 0.0614919447203963 0.792340399197952
    expect(r.shareMet).toBeCloseTo(1 / 3, 12);
    expect(r.interval?.lower).toBeCloseTo(0.0614919447203963, 8);
    expect(r.interval?.upper).toBeCloseTo(0.792340399197952, 8);
  });
});

describe('evaluateCompliance: LT complaints with an extension (N6, 20 + 10 working days)', () => {
  it('adds the extension only when the case records one', () => {
    // Received Thu 2 April: day 20 is Mon 4 May (see above). Extension +10 working days from
    // Tue 5 May: Tue 5 – Fri 8 (4), Mon 11 – Fri 15 (9), Mon 18 (10). Due 18 May.
    const complaint = (id: string, events: InteractionCase['events']): InteractionCase => ({
      id,
      kind: 'complaint',
      institution: 'school-1',
      channel: 'post',
      events,
    });
    const r = caseNorm(
      evaluateCompliance(
        only(LT_SERVICE_QUALITY_STANDARD, 'N6'),
        [
          complaint('extended', {
            received: '2026-04-02',
            extensionDecided: '2026-04-28',
            decided: '2026-05-18',
          }),
          complaint('not-extended', { received: '2026-04-02', decided: '2026-05-18' }),
        ],
        { calendar: lt, now: '2026-12-31T00:00:00Z' },
      ).norms[0],
    );
    expect(r.met).toBe(1);
    expect(r.breaches).toEqual([
      {
        caseId: 'not-extended',
        institution: 'school-1',
        channel: 'post',
        by: 14,
        open: false,
        dueOn: '2026-05-04',
      },
    ]);
  });
});

describe('evaluateCompliance: RU 59-FZ (30 calendar days from registration) across the January holidays', () => {
  const standard = only(RU_SERVICE_QUALITY_STANDARD, 'N1', 'N2');
  it('moves a deadline off the 2026 New Year holidays and the 9 January transfer', () => {
    // Registered Wed 10 December 2025: day 1 is 11 December; 11–31 December are days 1–21,
    // 1–9 January days 22–30. 9 January 2026 is a day off (Sat 3 January moved there by the 2026
    // decree), 10–11 January are a weekend: the deadline moves to Mon 12 January 2026.
    const r = caseNorm(
      evaluateCompliance(
        standard,
        [
          req('jan-12', {
            received: '2025-12-09',
            registered: '2025-12-10',
            answered: '2026-01-12',
          }),
          req('jan-13', {
            received: '2025-12-09',
            registered: '2025-12-10',
            answered: '2026-01-13T09:00',
          }),
        ],
        { calendar: ru, now: '2026-03-01T00:00:00+03:00' },
      ).norms[0],
    );
    expect(r).toMatchObject({ met: 1, breached: 1, unit: 'calendar-days' });
    expect(r.breaches).toEqual([
      {
        caseId: 'jan-13',
        institution: 'school-1',
        channel: 'email',
        by: 1,
        open: false,
        dueOn: '2026-01-12',
      },
    ]);
    // Calendar days counted: 11 Dec – 12 Jan = 21 + 12 = 33, to 13 Jan = 34 → median 33.5.
    expect(r.median).toBeCloseTo(33.5, 12);
  });

  it('registration within 3 days: received 29 December 2025, due Thu 1 January moves to Mon 12 January', () => {
    // Days 1–3: 30, 31 December, 1 January. 31 December 2025 and 1–11 January 2026 are days off
    // in Russia: the limit moves to the next working day, 12 January.
    const r = caseNorm(
      evaluateCompliance(
        standard,
        [
          req('reg-ok', { received: '2025-12-29T17:00:00+03:00', registered: '2026-01-12' }),
          req('reg-late', { received: '2025-12-29T17:00:00+03:00', registered: '2026-01-13' }),
        ],
        { calendar: ru, now: '2026-03-01T00:00:00+03:00' },
      ).norms[1],
    );
    expect(r.met).toBe(1);
    expect(r.breaches.map((b) => [b.caseId, b.dueOn, b.by])).toEqual([
      ['reg-late', '2026-01-12', 1],
    ]);
  });
});

describe('evaluateCompliance: norms in minutes, calls, channels, hours and targets', () => {
  const now = '2026-06-01T00:00:00Z';
  const visit = (
    id: string,
    events: InteractionCase['events'],
    extra: Partial<InteractionCase> = {},
  ): InteractionCase => ({
    id,
    kind: 'visit',
    institution: 'school-1',
    channel: 'in-person',
    events,
    ...extra,
  });

  it('queue waits (N8, 15 minutes): by minutes, a date alone is unmeasurable, an uncalled ticket breaches', () => {
    const r = caseNorm(
      evaluateCompliance(
        only(LT_SERVICE_QUALITY_STANDARD, 'N8'),
        [
          visit('v1', { ticketIssued: '2026-04-01T09:00', called: '2026-04-01T09:15' }),
          visit('v2', { ticketIssued: '2026-04-01T09:00', called: '2026-04-01T09:40:30' }),
          visit('v3', { ticketIssued: '2026-04-01', called: '2026-04-01T09:40' }),
          visit('v4', { ticketIssued: '2026-04-01T09:00' }),
          // 2026-04-01T06:00Z is 09:00 in Vilnius: 5 minutes.
          visit('v5', { ticketIssued: '2026-04-01T06:00:00Z', called: '2026-04-01T09:05' }),
        ],
        { calendar: lt, now },
      ).norms[0],
    );
    expect(r).toMatchObject({
      applicable: 5,
      met: 2,
      breached: 2,
      unmeasurable: 1,
      unit: 'minutes',
      breachUnit: 'minutes',
    });
    expect(r.breaches[0]).toMatchObject({ caseId: 'v2', by: 25.5, open: false });
    expect(r.breaches[1]).toMatchObject({ caseId: 'v4', open: true });
    // Values 15, 40.5, 5 → R: median(c(15, 40.5, 5)) = 15
    expect(r.median).toBe(15);
  });

  it('phone (N10, before the 3rd ring): short abandons are excluded, long ones are breaches', () => {
    const call = (id: string, extra: Partial<InteractionCase>): InteractionCase => ({
      id,
      kind: 'call',
      institution: 'school-1',
      channel: 'phone',
      events: {},
      ...extra,
    });
    const r = caseNorm(
      evaluateCompliance(
        only(LT_SERVICE_QUALITY_STANDARD, 'N10'),
        [
          call('c1', { rings: 1 }),
          call('c2', { rings: 2 }),
          call('c3', { rings: 4 }),
          call('c4', { rings: 1, abandoned: true }),
          call('c5', { rings: 6, abandoned: true }),
          call('c6', {}),
        ],
        { calendar: lt, now },
      ).norms[0],
    );
    expect(r).toMatchObject({
      inScope: 6,
      excluded: 1,
      applicable: 5,
      met: 2,
      breached: 2,
      unmeasurable: 1,
    });
    expect(r.abandoned).toEqual({ count: 2, share: 2 / 6, maxShare: 0.1, met: false });
    expect(r.breaches.map((b) => [b.caseId, b.by])).toEqual([
      ['c3', 2],
      ['c5', 4],
    ]);
  });

  it('reply channel (N11): the preferred channel wins; no reply yet is pending', () => {
    const r = caseNorm(
      evaluateCompliance(
        only(LT_SERVICE_QUALITY_STANDARD, 'N11'),
        [
          req('same', { answered: '2026-04-02' }, { replyChannel: 'email' }),
          req(
            'preferred',
            { answered: '2026-04-02' },
            { replyChannel: 'post', preferredChannel: 'post' },
          ),
          req('wrong', { answered: '2026-04-02' }, { replyChannel: 'post' }),
          req('unknown', { answered: '2026-04-02' }),
          req('waiting', {}),
        ],
        { calendar: lt, now },
      ).norms[0],
    );
    expect(r).toMatchObject({
      applicable: 4,
      met: 2,
      breached: 1,
      unmeasurable: 1,
      pending: 1,
      unit: null,
    });
    expect(r.breaches).toEqual([
      { caseId: 'wrong', institution: 'school-1', channel: 'email', by: null, open: false },
    ]);
  });

  it('opening hours (N13): only arrivals inside the hours of a working day apply; short pre-holiday days close an hour early', () => {
    const r = caseNorm(
      evaluateCompliance(
        only(LT_SERVICE_QUALITY_STANDARD, 'N13'),
        [
          visit('inside', { received: '2026-04-29T10:00' }, { turnedAway: true }), // Wed, open 08–17
          visit('served', { received: '2026-04-29T16:59' }, { turnedAway: false }),
          visit('after', { received: '2026-04-29T17:00' }, { turnedAway: true }), // closed: not applicable
          visit('short-day', { received: '2026-04-30T16:30' }, { turnedAway: true }), // Thu before 1 May closes 16:00
          visit('holiday', { received: '2026-05-01T10:00' }, { turnedAway: true }), // 1 May
          visit('friday', { received: '2026-04-24T15:50' }, { turnedAway: true }), // Fri closes 15:45
          visit('no-answer', { received: '2026-04-29T11:00' }),
          visit('date-only', { received: '2026-04-29' }, { turnedAway: false }),
        ],
        { calendar: lt, now },
      ).norms[0],
    );
    expect(r).toMatchObject({ inScope: 4, applicable: 4, met: 1, breached: 1, unmeasurable: 2 });
    expect(r.breaches.map((b) => b.caseId)).toEqual(['inside']);
  });

  it('satisfaction target (N14) reads the index value passed in', () => {
    const standard = only(LT_SERVICE_QUALITY_STANDARD, 'N14');
    const run = (satisfaction: Parameters<typeof evaluateCompliance>[2]['satisfaction']) =>
      evaluateCompliance(standard, [], {
        calendar: lt,
        now,
        ...(satisfaction ? { satisfaction } : {}),
      }).norms[0];
    expect(
      run([{ indexId: 'csi', value: 78.2, n: 412, interval: { lower: 76.1, upper: 80.3 } }]),
    ).toEqual({
      normId: 'N14',
      kind: 'satisfaction-target',
      indexId: 'csi',
      minimum: 75,
      basis: 'estimate',
      status: 'met',
      value: 78.2,
      n: 412,
      interval: { lower: 76.1, upper: 80.3 },
    });
    expect(run([{ indexId: 'csi', value: 74.9, n: 412 }])).toMatchObject({ status: 'breached' });
    expect(run(undefined)).toMatchObject({ status: 'unmeasurable', value: null });
    const lowerBound: ServiceQualityStandard = {
      ...standard,
      norms: [
        {
          ...(standard.norms[0] as Extract<Norm, { kind: 'satisfaction-target' }>),
          basis: 'lower-bound',
        },
      ],
    };
    const r = evaluateCompliance(lowerBound, [], {
      calendar: lt,
      now,
      satisfaction: [
        { indexId: 'csi', value: 78.2, n: 50, interval: { lower: 72.0, upper: 84.4 } },
      ],
    }).norms[0];
    expect(r).toMatchObject({ status: 'breached' });
    expect(() =>
      evaluateCompliance(standard, [], {
        calendar: lt,
        now,
        satisfaction: [{ indexId: 'csi', value: 178, n: 1 }],
      }),
    ).toThrow(/0–100/);
  });

  it('scopes norms by kind, service, institution and channel', () => {
    const base = only(LT_SERVICE_QUALITY_STANDARD, 'N12');
    const standard: ServiceQualityStandard = {
      ...base,
      scope: { institutions: ['school-1'], services: ['admission'] },
    };
    const r = caseNorm(
      evaluateCompliance(
        standard,
        [
          req('in', { received: '2026-04-02', answered: '2026-04-03' }, { service: 'admission' }),
          req(
            'post',
            { received: '2026-04-02', answered: '2026-04-03' },
            { service: 'admission', channel: 'post' },
          ),
          req(
            'other-school',
            { received: '2026-04-02' },
            { service: 'admission', institution: 'school-2' },
          ),
          req('no-service', { received: '2026-04-02' }),
          { ...req('visit', { received: '2026-04-02' }, { service: 'admission' }), kind: 'visit' },
        ],
        { calendar: lt, now },
      ).norms[0],
    );
    expect(r.inScope).toBe(1);
    expect(r.met).toBe(1);
  });

  it('carries the row counts of a log read from CSV and rejects bad options', () => {
    const log = readInteractionLog(
      'id;kind;institution;channel;received\nR1;request;s1;email;2026-04-02\nR2;x;s1;email;\n',
    );
    const r = evaluateCompliance(only(LT_SERVICE_QUALITY_STANDARD, 'N1'), log, {
      calendar: lt,
      now,
    });
    expect(r.log).toEqual({ read: 2, accepted: 1, rejected: 1, issues: 1 });
    expect(r.cases).toBe(1);
    expect(() =>
      evaluateCompliance(LT_SERVICE_QUALITY_STANDARD, [], { calendar: lt, now: 'yesterday' }),
    ).toThrow(/now/);
    expect(() =>
      evaluateCompliance(LT_SERVICE_QUALITY_STANDARD, [], {
        calendar: lt,
        now,
        timeZone: 'Mars/Base',
      }),
    ).toThrow(/time zone/);
    expect(() =>
      evaluateCompliance(LT_SERVICE_QUALITY_STANDARD, [], { calendar: lt, now, minGroupSize: 0 }),
    ).toThrow(/minGroupSize/);
  });

  it('does not mutate the standard or the cases', () => {
    const standard = Object.freeze(structuredClone(LT_SERVICE_QUALITY_STANDARD));
    const cases = Object.freeze([
      Object.freeze(req('r', Object.freeze({ received: '2026-04-02' }))),
    ]);
    expect(() => evaluateCompliance(standard, cases, { calendar: lt, now })).not.toThrow();
  });
});

describe('evaluateCompliance options', () => {
  it('names an unknown option key and refuses a missing calendar', () => {
    const options = { calendar: lt, now: '2026-06-01', minGroupsize: 3 } as unknown as Parameters<
      typeof evaluateCompliance
    >[2];
    expect(() => evaluateCompliance(LT_SERVICE_QUALITY_STANDARD, [], options)).toThrow(
      /options\.minGroupsize is not an option/,
    );
    const none = { now: '2026-06-01' } as unknown as Parameters<typeof evaluateCompliance>[2];
    expect(() => evaluateCompliance(LT_SERVICE_QUALITY_STANDARD, [], none)).toThrow(
      /options\.calendar must be a WorkingCalendar/,
    );
  });
});
