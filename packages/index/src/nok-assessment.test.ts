import { readFileSync } from 'node:fs';
import { EduQualityError } from '@edu-quality/core';
import type { CategoryColumn, ResponseColumn, ResponseSet } from '@edu-quality/questionnaire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  NOK_DEFAULT_QUESTION_MAP,
  NOK_FIVE_BANDS,
  NOK_PROFILES,
  NokSurveyAccumulator,
  nokAggregate,
  nokAssessment,
  nokFormat,
  nokRound,
  type NokAudit,
  type NokOrganisation,
  type NokOrganisationResult,
  type NokSurveyCounts,
} from './index.js';

const names = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

// The worked example of methods/nok-344n.md ("Worked example (constructed from the formulas; education)").
const workedAudit: NokAudit = Object.freeze({
  stands: { required: names('stand-', 10), present: names('stand-', 9) },
  site: { required: names('site-', 50), present: names('site-', 45) },
  remoteChannels: ['phone', 'email', 'faq', 'quality-opinion'],
  comfortConditions: ['rest-area', 'navigation', 'drinking-water', 'sanitary-rooms'],
  accessiblePremises: ['ramps', 'parking'],
  accessibilityConditions: ['braille', 'trained-staff', 'remote-or-home'],
});
const workedSurvey: NokSurveyCounts = Object.freeze({
  respondents: 200,
  standsUsed: 150,
  standsSatisfied: 141,
  siteUsed: 120,
  siteSatisfied: 108,
  comfortSatisfied: 190,
  disability: 8,
  accessibilitySatisfied: 6,
  firstContactPolite: 196,
  serviceStaffPolite: 194,
  remoteUsed: 90,
  remotePolite: 87,
  recommend: 184,
  conditionsSatisfied: 188,
  overallSatisfied: 186,
});

function one(
  org: Partial<NokOrganisation>,
  options: Parameters<typeof nokAssessment>[1] = {},
): NokOrganisationResult {
  return nokAssessment(
    { organisations: [{ id: 'org', audit: workedAudit, survey: workedSurvey, ...org }] },
    options,
  ).organisations[0]!;
}

const v = (r: NokOrganisationResult, id: string): number | null => r.indicators[id]!.value;

describe('nokAssessment: the worked example of the method document', () => {
  it('reproduces every П, K and S (methods/nok-344n.md, worked example)', () => {
    const r = one({});
    // Source: methods/nok-344n.md, "Results".
    const expected: Record<string, number> = {
      'P1.1': 90,
      'P1.2': 100,
      'P1.3': 92,
      'P2.1': 80,
      'P2.3': 95,
      'P3.1': 40,
      'P3.2': 60,
      'P3.3': 75,
      'P4.1': 98,
      'P4.2': 97,
      'P4.3': 96.667,
      'P5.1': 92,
      'P5.2': 94,
      'P5.3': 93,
    };
    for (const [id, value] of Object.entries(expected)) expect(v(r, id), id).toBeCloseTo(value, 3);
    expect(r.criteria.K1.value).toBeCloseTo(93.8, 10);
    expect(r.criteria.K2.value).toBeCloseTo(87.5, 10);
    expect(r.criteria.K3.value).toBeCloseTo(58.5, 10);
    expect(r.criteria.K4.value).toBeCloseTo(97.333333333, 8); // 0.4·98 + 0.4·97 + 0.2·(87/90·100)
    expect(r.criteria.K5.value).toBeCloseTo(92.9, 10);
    expect(r.total.value).toBeCloseTo(86.006666667, 8); // (93.8 + 87.5 + 58.5 + 97.3333 + 92.9) / 5
    expect(r.total.display).toBe('86.01');
    expect(r.total.denominator).toBe(5);
    expect(r.policies).toEqual([]);
  });

  it('gives each indicator its numerators and denominators', () => {
    const r = one({});
    expect(r.indicators['P1.1']!.parts).toEqual([
      { id: 'stands', numerator: 9, denominator: 10, value: 90 },
      { id: 'site', numerator: 45, denominator: 50, value: 90 },
    ]);
    expect(r.indicators['P1.3']!.parts.map((p) => [p.numerator, p.denominator])).toEqual([
      [141, 150],
      [108, 120],
    ]);
    expect(r.indicators['P1.2']!.parts[0]).toMatchObject({
      numerator: 120,
      denominator: 100,
      value: 100,
    });
    expect(r.indicators['P3.3']!.parts[0]).toMatchObject({
      numerator: 6,
      denominator: 8,
      value: 75,
    });
    expect(r.criteria.K1).toMatchObject({ denominator: 1 });
    expect(r.criteria.K1.numerator).toBeCloseTo(93.8, 10);
  });

  it('matches the fixture pair test/fixtures/nok-assessment/worked-example', () => {
    const dir = new URL('../test/fixtures/nok-assessment/', import.meta.url);
    const input = JSON.parse(readFileSync(new URL('worked-example.input.json', dir), 'utf8'));
    const expected = JSON.parse(readFileSync(new URL('worked-example.expected.json', dir), 'utf8'));
    const r = nokAssessment(input).organisations[0]!;
    for (const [k, value] of Object.entries(expected.criteria as Record<string, number>)) {
      expect(r.criteria[k as 'K1'].value, k).toBeCloseTo(value, 4);
    }
    expect(r.total.value).toBeCloseTo(expected.total, 4);
    expect(r.total.display).toBe(expected.display);
  });

  it('orders shortfalls by the points of S they add (hand calculation)', () => {
    const r = one({});
    // П3.1: 3 missing premises items × 20 = +60 points of П3.1; × 0.3 in K3; / 5 in S = 3.6.
    // П3.2: 3 missing conditions, but the cap allows +40; × 0.4 / 5 = 3.2.
    // П2.1: one more comfort condition +20; × 0.5 / 5 = 2.
    // П3.3: 2 of 8 not satisfied, +25; × 0.3 / 5 = 1.5.
    expect(r.shortfalls.slice(0, 4).map((s) => [s.indicator, s.kind])).toEqual([
      ['P3.1', 'missing-items'],
      ['P3.2', 'missing-items'],
      ['P2.1', 'missing-items'],
      ['P3.3', 'not-satisfied'],
    ]);
    expect(r.shortfalls[0]!.totalPoints).toBeCloseTo(3.6, 10);
    expect(r.shortfalls[1]!.totalPoints).toBeCloseTo(3.2, 10);
    expect(r.shortfalls[0]).toMatchObject({
      missing: ['lifts-handrails-doors', 'wheelchairs', 'sanitary-rooms'],
    });
    const stands = r.shortfalls.find((s) => s.indicator === 'P1.1' && s.part === 'stands');
    // 1 of 10 stand items missing: +10 points of the stand half = +5 of П1.1; × 0.3 / 5 = 0.3.
    expect(stands).toMatchObject({ kind: 'missing-items', missing: ['stand-10'] });
    expect(stands!.totalPoints).toBeCloseTo(0.3, 10);
    const p33 = r.shortfalls.find((s) => s.indicator === 'P3.3');
    expect(p33).toMatchObject({ notSatisfied: 2, asked: 8, shareNotSatisfied: 0.25 });
    // П1.2 is at its cap: the missing channel adds nothing and is not a shortfall.
    expect(r.shortfalls.some((s) => s.indicator === 'P1.2')).toBe(false);
    const points = r.shortfalls.map((s) => s.totalPoints);
    expect([...points].sort((a, b) => b - a)).toEqual(points);
  });
});

describe('nokAssessment: caps (hand calculations)', () => {
  it('5 channels give 100, not 150; 3 give 90', () => {
    const all = ['phone', 'email', 'electronic-service', 'faq', 'quality-opinion'];
    const r5 = one({ audit: { ...workedAudit, remoteChannels: all } });
    expect(v(r5, 'P1.2')).toBe(100); // min(100, 5 × 30 = 150)
    expect(r5.indicators['P1.2']!.parts[0]).toMatchObject({ numerator: 150, denominator: 100 });
    const r3 = one({ audit: { ...workedAudit, remoteChannels: all.slice(0, 3) } });
    expect(v(r3, 'P1.2')).toBe(90); // 3 × 30
    // K1 = 0.3·90 + 0.3·90 + 0.4·92 = 27 + 27 + 36.8 = 90.8
    expect(r3.criteria.K1.value).toBeCloseTo(90.8, 10);
  });

  it('6 accessibility conditions give 100, not 120; 5 comfort conditions give 100', () => {
    const r = one({
      audit: {
        ...workedAudit,
        accessibilityConditions: [
          'duplicated-information',
          'braille',
          'sign-language',
          'site-for-visually-impaired',
          'trained-staff',
          'remote-or-home',
        ],
        comfortConditions: [
          'rest-area',
          'navigation',
          'drinking-water',
          'sanitary-rooms',
          'sanitary-condition',
        ],
      },
    });
    expect(v(r, 'P3.2')).toBe(100);
    expect(v(r, 'P2.1')).toBe(100);
    // K2 = 0.5·100 + 0.5·95 = 97.5
    expect(r.criteria.K2.value).toBe(97.5);
  });
});

describe('nokAssessment: empty-denominator policies (hand calculations)', () => {
  const noDisability = { ...workedSurvey, disability: 0, accessibilitySatisfied: 0 };
  it("'redistribute' (default) spreads П3.3's weight over П3.1 and П3.2", () => {
    const r = one({ survey: noDisability });
    expect(v(r, 'P3.3')).toBeNull();
    // K3 = (0.3·40 + 0.4·60) / (0.3 + 0.4) = 36 / 0.7 = 51.428571…
    expect(r.criteria.K3.value).toBeCloseTo(51.4285714286, 9);
    expect(r.criteria.K3).toMatchObject({ denominator: 0.7 });
    expect(r.indicators['P3.1']!.effectiveWeight).toBeCloseTo(0.3 / 0.7, 12);
    expect(r.policies).toEqual([
      expect.objectContaining({ where: 'P3.3', policy: 'redistribute' }),
    ]);
    // S = (93.8 + 87.5 + 51.428571 + 97.333333 + 92.9) / 5 = 84.592381
    expect(r.total.value).toBeCloseTo(84.5923809524, 9);
  });
  it('0 scores the empty П3.3 as 0: K3 = 12 + 24 + 0 = 36', () => {
    const r = one({ survey: noDisability }, { emptyDenominator: 0 });
    expect(v(r, 'P3.3')).toBe(0);
    expect(r.criteria.K3.value).toBeCloseTo(36, 10);
    expect(r.policies).toEqual([expect.objectContaining({ where: 'P3.3', policy: 0 })]);
  });
  it('100 scores the empty П3.3 as 100: K3 = 12 + 24 + 30 = 66', () => {
    const r = one({ survey: noDisability }, { emptyDenominator: 100 });
    expect(v(r, 'P3.3')).toBe(100);
    expect(r.criteria.K3.value).toBeCloseTo(66, 10);
  });
  it('an empty half of П1.3 (nobody used the site), under each policy', () => {
    const noSite = { ...workedSurvey, siteUsed: 0, siteSatisfied: 0 };
    // redistribute: П1.3 = stands share 141/150 = 94; K1 = 27 + 30 + 0.4·94 = 94.6
    const r = one({ survey: noSite });
    expect(v(r, 'P1.3')).toBeCloseTo(94, 10);
    expect(r.criteria.K1.value).toBeCloseTo(94.6, 10);
    expect(r.policies.map((p) => p.where)).toEqual(['P1.3/site']);
    // 0: П1.3 = (94 + 0)/2 = 47; K1 = 27 + 30 + 18.8 = 75.8
    expect(one({ survey: noSite }, { emptyDenominator: 0 }).criteria.K1.value).toBeCloseTo(
      75.8,
      10,
    );
    // 100: П1.3 = (94 + 100)/2 = 97; K1 = 27 + 30 + 38.8 = 95.8
    expect(one({ survey: noSite }, { emptyDenominator: 100 }).criteria.K1.value).toBeCloseTo(
      95.8,
      10,
    );
  });
  it('no respondents: K4 and K5 are not applicable and S is the mean of K1..K3 under redistribute', () => {
    const res = nokAssessment({ organisations: [{ id: 'empty', audit: workedAudit }] });
    const r = res.organisations[0]!;
    // K1 = (0.3·90 + 0.3·100)/0.6 = 95; K2 = П2.1 = 80; K3 = (12 + 24)/0.7 = 51.428571
    expect(r.criteria.K1.value).toBeCloseTo(95, 10);
    expect(r.criteria.K2.value).toBeCloseTo(80, 10);
    expect(r.criteria.K3.value).toBeCloseTo(51.4285714286, 9);
    expect(r.criteria.K4.value).toBeNull();
    expect(r.criteria.K4.display).toBe('—');
    expect(r.total.denominator).toBe(3);
    // S = (95 + 80 + 51.428571)/3 = 75.476190
    expect(r.total.value).toBeCloseTo(75.4761904762, 9);
    expect(res.warnings.map((w) => w.code)).toContain('nok-no-respondents');
    expect(r.policies.map((p) => p.where)).toContain('K4');
    // 0: every survey indicator 0. K1 = 27 + 30 = 57, K2 = 40, K3 = 36, K4 = K5 = 0; S = 133/5 = 26.6
    const zero = nokAssessment(
      { organisations: [{ id: 'empty', audit: workedAudit }] },
      { emptyDenominator: 0 },
    );
    expect(zero.organisations[0]!.total.value).toBeCloseTo(26.6, 10);
  });
});

describe('nokAssessment: an organisation without survey data is incomplete and not ranked', () => {
  // The fixture worked example of methods/nok-344n.md minus its survey, beside
  // the complete worked example.
  const fixture = JSON.parse(
    readFileSync(
      new URL('../test/fixtures/nok-assessment/worked-example.input.json', import.meta.url),
      'utf8',
    ),
  ) as { organisations: NokOrganisation[] };
  const complete = fixture.organisations[0]!;
  const withoutSurvey: NokOrganisation = { id: complete.id, audit: complete.audit };
  const input = {
    organisations: [
      { ...withoutSurvey, id: 'no-survey', municipality: 'North' },
      { ...complete, id: 'school-1', municipality: 'North' },
    ],
  };

  it('keeps K from the policy, flags the organisation with a reason, and ranks only the complete one', () => {
    const res = nokAssessment(input);
    const [empty, full] = res.organisations;
    // Policy redistribute, as in the test above: K1 = (0.3·90 + 0.3·100)/0.6 = 95;
    // K2 = П2.1 = 80; K3 = (0.3·40 + 0.4·60)/0.7 = 51.428571; K4 = K5 = null.
    expect(empty!.criteria.K1.value).toBeCloseTo(95, 10);
    expect(empty!.criteria.K2.value).toBeCloseTo(80, 10);
    expect(empty!.criteria.K3.value).toBeCloseTo(51.4285714286, 9);
    expect(empty!.criteria.K4.value).toBeNull();
    expect(empty!.criteria.K5.value).toBeNull();
    expect(empty!.incomplete).toBe(true);
    expect(empty!.criteriaWithoutData).toEqual(['K4', 'K5']);
    expect(empty!.incompleteReason).toMatch(/^K4, K5 have no data \(no survey respondents\)/);
    expect(empty!.rank).toBeNull();
    expect(full!.incomplete).toBe(false);
    expect(full!.incompleteReason).toBeUndefined();
    expect(full!.criteriaWithoutData).toEqual([]);
    // Only the complete organisation is ranked: S = 86.00667 (the worked example).
    expect(res.ranking).toEqual([
      { rank: 1, id: 'school-1', total: full!.total.value, display: '86.01' },
    ]);
    expect(full!.rank).toBe(1);
    expect(res.unranked).toEqual([
      { id: 'no-survey', criteriaWithoutData: ['K4', 'K5'], reason: empty!.incompleteReason },
    ]);
    expect(res.warnings.map((w) => w.code)).toContain('nok-incomplete-organisation');
    // The group means hold the complete organisation alone: 86.00667, K3 58.5.
    expect(res.overall!.organisations).toEqual(['school-1']);
    expect(res.overall!.total).toBeCloseTo(86.0066666667, 9);
    expect(res.overall!.criteria.K3).toEqual({ mean: 58.5, n: 1 });
    expect(res.byMunicipality.map((g) => [g.key, g.organisations])).toEqual([
      ['North', ['school-1']],
    ]);
    // nokAggregate leaves incomplete results out too.
    expect(nokAggregate(res.organisations)[0]!.organisations).toEqual(['school-1']);
  });

  it('follows the 0 and 100 policies for K4 and K5 and is still not ranked', () => {
    // 0: K4 = K5 = 0 (every part scored 0); 100: K4 = K5 = 100.
    for (const policy of [0, 100] as const) {
      const res = nokAssessment(input, { emptyDenominator: policy, bands: NOK_FIVE_BANDS });
      const empty = res.organisations[0]!;
      expect(empty.criteria.K4.value).toBe(policy);
      expect(empty.criteria.K5.value).toBe(policy);
      expect(empty.incomplete).toBe(true);
      expect(empty.rank).toBeNull();
      expect(empty.band).toBeUndefined();
      expect(res.ranking.map((e) => e.id)).toEqual(['school-1']);
    }
  });

  it('has no ranking and no group means when every organisation lacks survey data', () => {
    const res = nokAssessment({ organisations: [withoutSurvey] });
    expect(res.ranking).toEqual([]);
    expect(res.overall).toBeNull();
    expect(res.byMunicipality).toEqual([]);
    expect(res.unranked.map((u) => u.id)).toEqual(['school-1']);
  });
});

describe('nokAssessment: rounding (operator mode against full precision)', () => {
  it('operator mode rounds П, K and S at each step; the worked example still shows 86.01', () => {
    const r = one({}, { rounding: 'operator' });
    expect(v(r, 'P4.3')).toBe(96.67); // 87/90·100 = 96.666… → 96.67
    // K4 = 0.4·98 + 0.4·97 + 0.2·96.67 = 97.334 → 97.33 (full precision: 97.3333…)
    expect(r.criteria.K4.value).toBe(97.33);
    // S = (93.8 + 87.5 + 58.5 + 97.33 + 92.9)/5 = 430.03/5 = 86.006 → 86.01
    expect(r.total.value).toBe(86.01);
    expect(one({}).total.value).not.toBe(86.01);
  });

  it('a half-way K: K5 = 90.725 exactly in decimal is 90.73 in both modes, never 90.72', () => {
    // N = 400: П5.1 = 360/400 = 90, П5.2 = 372/400 = 93, П5.3 = 361/400 = 90.25.
    // K5 = 0.3·90 + 0.2·93 + 0.5·90.25 = 27 + 18.6 + 45.125 = 90.725 (half-way at 2 decimals).
    // The computed double lies just below 90.725, so toFixed(2) gives 90.72.
    expect((0.3 * 90 + 0.2 * 93 + 0.5 * 90.25).toFixed(2)).toBe('90.72');
    const survey = {
      ...workedSurvey,
      respondents: 400,
      standsUsed: 300,
      standsSatisfied: 282,
      siteUsed: 240,
      siteSatisfied: 216,
      comfortSatisfied: 380,
      disability: 16,
      accessibilitySatisfied: 12,
      firstContactPolite: 392,
      serviceStaffPolite: 388,
      remoteUsed: 180,
      remotePolite: 174,
      recommend: 360,
      conditionsSatisfied: 372,
      overallSatisfied: 361,
    };
    const full = one({ survey });
    expect(full.criteria.K5.value).toBeCloseTo(90.725, 10);
    expect(full.criteria.K5.display).toBe('90.73');
    const op = one({ survey }, { rounding: 'operator' });
    expect(op.criteria.K5.value).toBe(90.73);
    expect(op.criteria.K4.value).toBe(97.33);
    // Full: S = (93.8 + 87.5 + 58.5 + 97.3333… + 90.725)/5 = 427.858333…/5 = 85.5716667
    expect(full.total.value).toBeCloseTo(85.5716666667, 9);
    expect(full.total.display).toBe('85.57');
    // Operator: S = (93.8 + 87.5 + 58.5 + 97.33 + 90.73)/5 = 427.86/5 = 85.572 → 85.57
    expect(op.total.value).toBe(85.57);
    expect(op.total.numerator).toBeCloseTo(427.86, 10);
  });

  it('displays half-up on the decimal value: 86.005 → 86.01', () => {
    expect((86.005).toFixed(2)).toBe('86.00'); // the binary trap
    expect(nokFormat(86.005)).toBe('86.01');
    expect(nokRound(86.005, 2)).toBe(86.01);
    expect(nokRound(0.1 + 0.2, 1)).toBe(0.3);
    expect(nokFormat(99.995)).toBe('100.00');
    expect(nokFormat(86.00499)).toBe('86.00');
  });
});

describe('nokAssessment: published outputs', () => {
  // K = 99, 96, 56, 95, 96 (published with total 88; methods/nok-344n.md). An organisation
  // built to give exactly these criteria, N = 100 (hand calculation):
  // K1 = 0.3·100 + 0.3·100 + 0.4·(100 + 95)/2 = 30 + 30 + 39 = 99
  // K2 = 0.5·100 + 0.5·92 = 96
  // K3 = 0.3·60 + 0.4·20 + 0.3·100 = 18 + 8 + 30 = 56
  // K4 = 0.4·95 + 0.4·95 + 0.2·95 = 95;  K5 = 0.3·96 + 0.2·96 + 0.5·96 = 96
  const published: NokOrganisation = {
    id: 'published',
    audit: {
      stands: { required: ['a', 'b'], present: ['a', 'b'] },
      site: { required: ['c'], present: ['c'] },
      remoteChannels: ['phone', 'email', 'faq', 'quality-opinion'],
      comfortConditions: [
        'rest-area',
        'navigation',
        'drinking-water',
        'sanitary-rooms',
        'sanitary-condition',
      ],
      accessiblePremises: ['ramps', 'parking', 'wheelchairs'],
      accessibilityConditions: ['braille'],
    },
    survey: {
      respondents: 100,
      standsUsed: 40,
      standsSatisfied: 40,
      siteUsed: 60,
      siteSatisfied: 57,
      comfortSatisfied: 92,
      disability: 5,
      accessibilitySatisfied: 5,
      firstContactPolite: 95,
      serviceStaffPolite: 95,
      remoteUsed: 20,
      remotePolite: 19,
      recommend: 96,
      conditionsSatisfied: 96,
      overallSatisfied: 96,
    },
  };

  it('the total is the unweighted mean of K1..K5: 99, 96, 56, 95, 96 → 88.4, published as 88', () => {
    const r = nokAssessment({ organisations: [published] }).organisations[0]!;
    const ks = (['K1', 'K2', 'K3', 'K4', 'K5'] as const).map((k) => r.criteria[k].value!);
    ks.forEach((k, i) => {
      expect(k).toBeCloseTo([99, 96, 56, 95, 96][i]!, 10);
    });
    expect(r.total.value).toBeCloseTo(88.4, 10); // 442 / 5
    expect(nokRound(r.total.value, 0)).toBe(88);
    expect(nokFormat(r.total.value, 0)).toBe('88');
  });

  it('rejects the 20/20/15/15/30 criterion weights of the 2018 draft', () => {
    // Those weights would give 0.2·99 + 0.2·96 + 0.15·56 + 0.15·95 + 0.3·96 = 90.45, published 90, not 88.
    expect(0.2 * 99 + 0.2 * 96 + 0.15 * 56 + 0.15 * 95 + 0.3 * 96).toBeCloseTo(90.45, 10);
    const call = (): unknown =>
      nokAssessment({ organisations: [published] }, {
        criterionWeights: [0.2, 0.2, 0.15, 0.15, 0.3],
      } as never);
    expect(call).toThrow(/criterion weights are not accepted/);
    try {
      call();
    } catch (error) {
      expect(EduQualityError.isInstance(error) && error.code).toBe('invalid-argument');
    }
    // Nor through a profile: a criterion with a weight is refused.
    const weighted = {
      ...NOK_PROFILES.education,
      criteria: NOK_PROFILES.education.criteria.map((c, i) => ({
        ...c,
        weight: [0.2, 0.2, 0.15, 0.15, 0.3][i],
      })),
    };
    expect(() =>
      nokAssessment({ organisations: [published] }, { profiles: { education: weighted } }),
    ).toThrow(/unweighted mean/);
  });

  it('never scores education with the 0.3/0.4/0.3 K2 weights (which would cap K2 at 60)', () => {
    const r = nokAssessment({
      organisations: [{ ...published, survey: { ...published.survey!, comfortSatisfied: 100 } }],
    }).organisations[0]!;
    expect(r.criteria.K2.value).toBe(100);
    expect(r.indicators['P2.2']).toBeUndefined();
  });

  it('health and social services use П2.2 with 0.3/0.4/0.3', () => {
    const r = nokAssessment({
      organisations: [
        {
          ...published,
          sector: 'health',
          audit: {
            ...published.audit,
            comfortConditions: ['rest-area', 'navigation', 'transport-access'],
          },
          survey: { ...published.survey!, waitingSatisfied: 80 },
        },
      ],
    }).organisations[0]!;
    // K2 = 0.3·60 + 0.4·80 + 0.3·92 = 18 + 32 + 27.6 = 77.6
    expect(r.criteria.K2.value).toBeCloseTo(77.6, 10);
    expect(() => nokAssessment({ organisations: [{ ...published, sector: 'social' }] })).toThrow(
      EduQualityError,
    );
  });
});

describe('nokAssessment: invalid input', () => {
  it('collects every problem as an issue', () => {
    let caught: unknown;
    try {
      nokAssessment({
        organisations: [
          {
            id: 'a',
            audit: {
              ...workedAudit,
              remoteChannels: ['phone', 'fax', 'phone'],
              stands: { required: ['x'], present: ['y'] },
            },
            survey: { ...workedSurvey, standsSatisfied: 151 },
          },
          { id: 'a', audit: workedAudit, survey: workedSurvey },
        ],
      });
    } catch (error) {
      caught = error;
    }
    expect(EduQualityError.isInstance(caught)).toBe(true);
    const e = caught as EduQualityError;
    expect(e.code).toBe('invalid-input');
    expect(e.issues.map((i) => i.code).sort()).toEqual([
      'nok-count-exceeds-denominator',
      'nok-duplicate-item',
      'nok-duplicate-organisation',
      'nok-unknown-item',
      'nok-unknown-item',
    ]);
    expect(e.issues.find((i) => i.message.includes('fax'))?.path).toEqual([
      'organisations',
      0,
      'audit',
      'remoteChannels',
      1,
    ]);
  });
  it('throws on no organisation and on bad policies', () => {
    expect(() => nokAssessment({ organisations: [] })).toThrow(/at least one/);
    expect(() => one({}, { emptyDenominator: 50 as never })).toThrow(/emptyDenominator/);
    expect(() => one({}, { rounding: 'banker' as never })).toThrow(/rounding/);
    expect(() => one({ recipients: -5 })).toThrow(/problem/);
  });

  it('names the option path of an unknown key or an invalid value', () => {
    const message = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        expect(EduQualityError.isInstance(e) && e.code).toBe('invalid-argument');
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(message(() => one({}, { emptyDenominators: 0 } as never))).toContain(
      'options.emptyDenominators is not an option',
    );
    expect(message(() => one({}, { sampleSize: { minshare: 0.5 } } as never))).toContain(
      'options.sampleSize.minshare is not an option',
    );
    expect(message(() => one({}, { bands: [{ min: '81', label: 'top' }] } as never))).toContain(
      'options.bands.0.min must be a finite number',
    );
    expect(
      message(() => one({}, { profiles: { educaton: NOK_PROFILES.education } } as never)),
    ).toContain('options.profiles.educaton is not a sector');
    const result = one({});
    expect(message(() => nokAggregate([result], { rounding: 'up' } as never))).toContain(
      'options.rounding must be one of',
    );
    expect(message(() => nokAggregate([result], { group: 'type' } as never))).toContain(
      'options.group is not an option',
    );
  });
});

// ---------------------------------------------------------------------------
// ResponseSets built by hand (readResponses is not used here).

const QUESTIONS: string[] = Object.values(NOK_DEFAULT_QUESTION_MAP).filter((q) => q !== undefined);

function category(id: string, dictionary: string[], values: (string | null)[]): CategoryColumn {
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    codes[i] = v === null ? -1 : dictionary.indexOf(v);
  });
  return { kind: 'category', id, dictionary, codes };
}

function responseSet(
  rows: readonly Record<string, string | null>[],
  dictionary = ['yes', 'no'],
): ResponseSet {
  const columns = new Map<string, ResponseColumn>();
  const orgs = [
    ...new Set(rows.map((r) => r['organisation']).filter((o): o is string => o != null)),
  ];
  columns.set(
    'organisation',
    category(
      'organisation',
      orgs,
      rows.map((r) => r['organisation'] ?? null),
    ),
  );
  for (const q of QUESTIONS)
    columns.set(
      q,
      category(
        q,
        dictionary,
        rows.map((r) => r[q] ?? null),
      ),
    );
  return {
    questionnaire: {} as never,
    items: [],
    size: rows.length,
    columns,
    sourceRows: new Uint32Array(rows.length),
    counts: { read: rows.length, accepted: rows.length, rejected: 0, droppedAnswers: 0 },
    issues: [],
  };
}

/** Rows reproducing the worked example's survey counts for one organisation. */
function workedRows(org: string): Record<string, string | null>[] {
  const yesCounts: Record<string, number> = {
    q1: 150,
    q2: 141,
    q3: 120,
    q4: 108,
    q5: 190,
    q6: 8,
    q7: 6,
    q8: 196,
    q9: 194,
    q10: 90,
    q11: 87,
    q12: 184,
    q13: 188,
    q14: 186,
  };
  return Array.from({ length: 200 }, (_, i) => {
    const row: Record<string, string | null> = { organisation: org };
    for (const [q, n] of Object.entries(yesCounts)) row[q] = i < n ? 'yes' : 'no';
    return row;
  });
}

describe('nokAssessment from a ResponseSet and NokSurveyAccumulator', () => {
  it('counts yes answers per organisation and reproduces the worked example', () => {
    const set = responseSet([...workedRows('school-1'), ...workedRows('school-2')]);
    const res = nokAssessment({
      organisations: [
        { id: 'school-1', audit: workedAudit },
        { id: 'school-2', audit: workedAudit },
      ],
      responses: set,
    });
    expect(res.organisations[0]!.counts).toMatchObject(workedSurvey);
    expect(res.organisations[1]!.total.display).toBe('86.01');
    expect(res.ranking.map((e) => e.rank)).toEqual([1, 1]); // a tie shares the best rank
  });

  it('normalises Да/да/Yes in the dictionary and applies the filters', () => {
    const set = responseSet(
      [
        { organisation: 'a', q1: 'Да', q2: 'да' },
        { organisation: 'a', q1: 'нет', q2: 'Yes' }, // q2 without the q1 filter: not counted
        { organisation: 'a', q6: 'yes', q7: 'no' },
        { organisation: null, q1: 'Да' },
      ],
      ['Да', 'да', 'нет', 'Yes', 'yes', 'no'],
    );
    const acc = new NokSurveyAccumulator().addResponses(set);
    const counts = acc.result().get('a')!;
    expect(counts).toMatchObject({
      respondents: 3,
      standsUsed: 1,
      standsSatisfied: 1,
      disability: 1,
      accessibilitySatisfied: 0,
    });
    expect(acc.issues.map((i) => i.code)).toEqual(['nok-no-organisation']);
  });

  it('reports answers that are neither yes nor no, without quoting them', () => {
    const acc = new NokSurveyAccumulator().add('a', { comfortSatisfied: 'maybe', recommend: 'Да' });
    expect(acc.result().get('a')).toMatchObject({ comfortSatisfied: 0, recommend: 1 });
    expect(acc.issues).toEqual([
      expect.objectContaining({ code: 'nok-unreadable-answer', path: ['a', 'comfortSatisfied'] }),
    ]);
    expect(acc.issues[0]!.message).not.toContain('maybe');
  });

  it('shards merged in any order give the counts of one pass', () => {
    const rows = [...workedRows('a'), ...workedRows('b')];
    const whole = new NokSurveyAccumulator().addResponses(responseSet(rows)).result();
    const s1 = new NokSurveyAccumulator().addResponses(responseSet(rows.slice(0, 123)));
    const s2 = new NokSurveyAccumulator().addResponses(responseSet(rows.slice(123, 301)));
    const s3 = new NokSurveyAccumulator().addResponses(responseSet(rows.slice(301)));
    const merged = new NokSurveyAccumulator().merge(s3).merge(s1).merge(s2).result();
    expect(merged.get('a')).toEqual(whole.get('a'));
    expect(merged.get('b')).toEqual(whole.get('b'));
  });

  it('accepts an accumulator as responses and warns about unknown organisations and small samples', () => {
    const acc = new NokSurveyAccumulator()
      .addCounts('a', workedSurvey)
      .addCounts('ghost', { respondents: 3 });
    const res = nokAssessment({
      organisations: [{ id: 'a', audit: workedAudit, recipients: 1000 }],
      responses: acc,
    });
    expect(res.organisations[0]!.total.display).toBe('86.01');
    // 40% of 1000 = 400 > 200 respondents.
    expect(res.warnings.map((w) => w.code).sort()).toEqual([
      'nok-sample-too-small',
      'nok-unknown-organisation',
    ]);
    const relaxed = nokAssessment(
      { organisations: [{ id: 'a', audit: workedAudit, recipients: 1000 }], responses: acc },
      { sampleSize: { minShare: 0.2 } },
    );
    expect(relaxed.warnings.map((w) => w.code)).toEqual(['nok-unknown-organisation']);
  });

  it('rejects a questionnaire without the organisation field', () => {
    const set = responseSet(workedRows('a'));
    expect(() =>
      new NokSurveyAccumulator().addResponses(set, { organisationField: 'school' }),
    ).toThrow(/school/);
  });
});

describe('nokAssessment: aggregation and ranking', () => {
  const orgs: NokOrganisation[] = [
    {
      id: 'c',
      municipality: 'North',
      founder: 'City',
      type: 'school',
      audit: workedAudit,
      survey: workedSurvey,
    },
    {
      id: 'a',
      municipality: 'North',
      founder: 'Region',
      type: 'kindergarten',
      audit: { ...workedAudit, accessiblePremises: [] },
      survey: workedSurvey,
    },
    { id: 'b', municipality: 'South', type: 'school', audit: workedAudit, survey: workedSurvey },
  ];

  it('ranks by total with ties sharing the best rank (1, 1, 3)', () => {
    const res = nokAssessment({ organisations: orgs });
    // a loses П3.1 = 40 → 0: K3 = 58.5 − 12 = 46.5, S = 86.0067 − 2.4 = 83.6067.
    expect(res.ranking.map((e) => [e.id, e.rank])).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 3],
    ]);
    expect(res.organisations.map((o) => o.rank)).toEqual([1, 3, 1]);
  });

  it('means per criterion and of the total, by municipality, founder and type', () => {
    const res = nokAssessment({ organisations: orgs }, { bands: NOK_FIVE_BANDS });
    // overall: (86.00667·2 + 83.60667)/3 = 85.20667
    expect(res.overall!.total).toBeCloseTo(85.2066666667, 9);
    expect(res.overall!.criteria.K3.mean).toBeCloseTo((58.5 * 2 + 46.5) / 3, 10);
    expect(res.overall!.band).toBe('81–100');
    expect(res.byMunicipality.map((g) => [g.key, g.organisations])).toEqual([
      ['North', ['a', 'c']],
      ['South', ['b']],
    ]);
    expect(res.byMunicipality[0]!.total).toBeCloseTo((86.0066666667 + 83.6066666667) / 2, 9);
    expect(res.byFounder.map((g) => g.key)).toEqual(['City', 'Region', null]);
    expect(res.byType.map((g) => [g.key, g.organisations.length])).toEqual([
      ['kindergarten', 1],
      ['school', 2],
    ]);
    expect(res.organisations[0]!.band).toBe('81–100');
    expect(nokAssessment({ organisations: orgs }).organisations[0]!.band).toBeUndefined();
    expect(nokAggregate(res.organisations, { by: 'type', rounding: 'operator' })[1]!.total).toBe(
      86.01,
    );
  });
});

// ---------------------------------------------------------------------------
// Properties.

const CHANNELS = ['phone', 'email', 'electronic-service', 'faq', 'quality-opinion'];
const COMFORT = [
  'rest-area',
  'navigation',
  'drinking-water',
  'sanitary-rooms',
  'sanitary-condition',
];
const PREMISES = ['ramps', 'parking', 'lifts-handrails-doors', 'wheelchairs', 'sanitary-rooms'];
const CONDITIONS = [
  'duplicated-information',
  'braille',
  'sign-language',
  'site-for-visually-impaired',
  'trained-staff',
  'remote-or-home',
];

const subset = (items: string[]): fc.Arbitrary<string[]> => fc.subarray(items);
const checklist: fc.Arbitrary<{ required: string[]; present: string[] }> = fc
  .integer({ min: 0, max: 12 })
  .chain((n) => subset(names('m', n)).map((present) => ({ required: names('m', n), present })));
const auditArb: fc.Arbitrary<NokAudit> = fc.record({
  stands: checklist,
  site: checklist,
  remoteChannels: subset(CHANNELS),
  comfortConditions: subset(COMFORT),
  accessiblePremises: subset(PREMISES),
  accessibilityConditions: subset(CONDITIONS),
});

/** A respondent: filters answered at random, satisfaction questions at random, consistent with the filters. */
const respondentArb = fc.record({
  standsUsed: fc.boolean(),
  standsSatisfied: fc.boolean(),
  siteUsed: fc.boolean(),
  siteSatisfied: fc.boolean(),
  comfortSatisfied: fc.boolean(),
  disability: fc.boolean(),
  accessibilitySatisfied: fc.boolean(),
  firstContactPolite: fc.boolean(),
  serviceStaffPolite: fc.boolean(),
  remoteUsed: fc.boolean(),
  remotePolite: fc.boolean(),
  recommend: fc.boolean(),
  conditionsSatisfied: fc.boolean(),
  overallSatisfied: fc.boolean(),
});
const surveyArb = fc.array(respondentArb, { maxLength: 30 });
const policyArb = fc.constantFrom<'redistribute' | 0 | 100>('redistribute', 0, 100);
const roundingArb = fc.constantFrom<'full' | 'operator'>('full', 'operator');

function countsOf(respondents: readonly Record<string, boolean>[], id = 'x'): NokSurveyCounts {
  const acc = new NokSurveyAccumulator().addCounts(id, { respondents: 0 });
  for (const r of respondents) acc.add(id, r);
  return acc.result().get(id)!;
}

function scores(r: NokOrganisationResult): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [id, ind] of Object.entries(r.indicators)) out.set(id, ind.value);
  for (const [id, c] of Object.entries(r.criteria)) out.set(id, c.value);
  out.set('S', r.total.value);
  return out;
}

describe('nokAssessment: properties', () => {
  it('every П, K and S stays in [0, 100] and is never NaN', () => {
    fc.assert(
      fc.property(
        auditArb,
        surveyArb,
        policyArb,
        roundingArb,
        (audit, survey, emptyDenominator, rounding) => {
          const r = nokAssessment(
            { organisations: [{ id: 'x', audit, survey: countsOf(survey) }] },
            { emptyDenominator, rounding },
          ).organisations[0]!;
          for (const [id, value] of scores(r)) {
            if (value === null) continue;
            expect(Number.isFinite(value), id).toBe(true);
            expect(value, id).toBeGreaterThanOrEqual(0);
            expect(value, id).toBeLessThanOrEqual(100);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adding one satisfied respondent never lowers a score', () => {
    const satisfied = fc
      .record({
        standsUsed: fc.boolean(),
        siteUsed: fc.boolean(),
        disability: fc.boolean(),
        remoteUsed: fc.boolean(),
      })
      .map((filters) => ({
        ...filters,
        standsSatisfied: true,
        siteSatisfied: true,
        comfortSatisfied: true,
        accessibilitySatisfied: true,
        firstContactPolite: true,
        serviceStaffPolite: true,
        remotePolite: true,
        recommend: true,
        conditionsSatisfied: true,
        overallSatisfied: true,
      }));
    fc.assert(
      fc.property(
        auditArb,
        surveyArb,
        satisfied,
        policyArb,
        roundingArb,
        (audit, survey, extra, emptyDenominator, rounding) => {
          const run = (rs: readonly Record<string, boolean>[]): Map<string, number | null> =>
            scores(
              nokAssessment(
                { organisations: [{ id: 'x', audit, survey: countsOf(rs) }] },
                { emptyDenominator, rounding },
              ).organisations[0]!,
            );
          const before = run(survey);
          const after = run([...survey, extra]);
          for (const [id, b] of before) {
            const a = after.get(id);
            if (b === null) continue; // becoming applicable is not a decrease
            expect(a, id).not.toBeNull();
            expect(a!, id).toBeGreaterThanOrEqual(b - 1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('organisation order changes no result', () => {
    const orgArb = fc.record({
      audit: auditArb,
      survey: surveyArb,
      municipality: fc.constantFrom('North', 'South', 'East'),
      type: fc.constantFrom('school', 'kindergarten'),
    });
    fc.assert(
      fc.property(
        fc.array(orgArb, { minLength: 1, maxLength: 8 }),
        fc.integer(),
        policyArb,
        roundingArb,
        (list, seed, emptyDenominator, rounding) => {
          const orgs: NokOrganisation[] = list.map((o, i) => ({
            id: `org-${i}`,
            municipality: o.municipality,
            type: o.type,
            audit: o.audit,
            survey: countsOf(o.survey),
          }));
          const shuffled = fc.sample(fc.shuffledSubarray(orgs, { minLength: orgs.length }), {
            numRuns: 1,
            seed,
          })[0]!;
          const a = nokAssessment({ organisations: orgs }, { emptyDenominator, rounding });
          const b = nokAssessment({ organisations: shuffled }, { emptyDenominator, rounding });
          const byId = (r: typeof a): Record<string, NokOrganisationResult> =>
            Object.fromEntries(r.organisations.map((o) => [o.id, o]));
          expect(byId(b)).toEqual(byId(a));
          expect(b.ranking).toEqual(a.ranking);
          expect(b.overall).toEqual(a.overall);
          expect(b.byMunicipality).toEqual(a.byMunicipality);
          expect(b.byType).toEqual(a.byType);
        },
      ),
      { numRuns: 150 },
    );
  });
});
