import { EduQualityError, type Issue } from '@edu-quality/core';
import type { ResponseSet } from '@edu-quality/questionnaire';
import { fail } from './internal/fail.js';
import { formatHalfUp, roundHalfUpNumber } from './internal/nok/decimal.js';
import {
  aggregateSortedById,
  byId,
  nokBand,
  type NokAggregate,
  type NokRatingBand,
} from './nok-aggregate.js';
import {
  NOK_PROFILES,
  type NokCountKey,
  type NokCriterionId,
  type NokIndicatorDefinition,
  type NokProfile,
  type NokSector,
} from './nok-profiles.js';
import { nokSampleSizeWarnings, type NokSampleSizeOptions } from './nok-sample-size.js';
import {
  NOK_COUNT_KEYS,
  NokSurveyAccumulator,
  type NokQuestionMap,
  type NokSurveyCounts,
} from './nok-survey.js';

/** A checklist of required information: what the law requires and what the auditor found, by name. */
export interface NokChecklist {
  /** The names of the materials required for this kind of organisation. */
  readonly required: readonly string[];
  /** The names of the required materials found. */
  readonly present: readonly string[];
}

/**
 * The expert audit of one organisation. Every item is listed by name, so the
 * result can say what is missing.
 */
export interface NokAudit {
  /** Information on the stands (П1.1). */
  readonly stands: NokChecklist;
  /** Information on the website (П1.1). */
  readonly site: NokChecklist;
  /** The functioning remote channels, ids of {@link NOK_REMOTE_CHANNELS} (П1.2). */
  readonly remoteChannels: readonly string[];
  /** The comfort conditions present, ids of the profile's catalogue (П2.1). */
  readonly comfortConditions: readonly string[];
  /** The accessible-premises items present, ids of {@link NOK_ACCESSIBLE_PREMISES} (П3.1). */
  readonly accessiblePremises: readonly string[];
  /** The accessibility conditions present, ids of {@link NOK_ACCESSIBILITY_CONDITIONS} (П3.2). */
  readonly accessibilityConditions: readonly string[];
}

/** One organisation to assess. */
export interface NokOrganisation {
  /** The organisation id; in a `ResponseSet`, the code of the organisation field. */
  readonly id: string;
  /** A display name. */
  readonly name?: string;
  /** The municipality, for {@link nokAggregate}. */
  readonly municipality?: string;
  /** The founder, for {@link nokAggregate}. */
  readonly founder?: string;
  /** The type (school, kindergarten, library …), for {@link nokAggregate}. */
  readonly type?: string;
  /** The sector profile; default the `sector` option, else `education`. */
  readonly sector?: NokSector;
  /** The number of service recipients, to check the sample rule. */
  readonly recipients?: number;
  /** The expert audit. */
  readonly audit: NokAudit;
  /** Survey counts; added to the counts from `responses` when both are given. */
  readonly survey?: NokSurveyCounts;
}

/** The input of {@link nokAssessment}. */
export interface NokAssessmentInput {
  /** The organisations, each with its audit and, optionally, its survey counts. */
  readonly organisations: readonly NokOrganisation[];
  /** Survey responses from the NOK questionnaire, or an accumulator of counts. */
  readonly responses?: ResponseSet | NokSurveyAccumulator;
  /** The organisation field of the `ResponseSet`. Default `organisation`. */
  readonly organisationField?: string;
  /** The question-to-count mapping. Default {@link NOK_DEFAULT_QUESTION_MAP}. */
  readonly questionMap?: NokQuestionMap;
}

/**
 * What to do with an indicator part whose denominator is empty (nobody used
 * the site, nobody with a disability): `redistribute` (not applicable; its
 * weight is spread over the others), or score it 0 or 100.
 */
export type NokEmptyDenominatorPolicy = 'redistribute' | 0 | 100;

/** `full`: full precision, rounded only for display; `operator`: every П, K and S rounded to 2 decimals. */
export type NokRounding = 'full' | 'operator';

/** Options of {@link nokAssessment}. */
export interface NokAssessmentOptions {
  /** The sector of organisations that name none. Default `education`. */
  readonly sector?: NokSector;
  /** Replacement profiles by sector (reworded catalogues, regional variants). */
  readonly profiles?: Readonly<Partial<Record<NokSector, NokProfile>>>;
  /** The empty-denominator policy. Default `redistribute`. */
  readonly emptyDenominator?: NokEmptyDenominatorPolicy;
  /** The rounding mode. Default `full`. */
  readonly rounding?: NokRounding;
  /** Rating bands (for example {@link NOK_FIVE_BANDS}); off by default. */
  readonly bands?: readonly NokRatingBand[];
  /** The sample rule's parameters (40% / 600 by default). */
  readonly sampleSize?: NokSampleSizeOptions;
}

/** One part of an indicator: a share, one half of П1.1 or П1.3, or the points of an audit list. */
export interface NokPart {
  /** `stands`, `site`, `all`, `disability`, `remote`, or the audit list. */
  readonly id: string;
  /** Materials present, satisfied respondents, or points earned (items × points per item). */
  readonly numerator: number;
  /** Materials required, respondents asked, or 100 for points. */
  readonly denominator: number;
  /** min(100, 100 · numerator / denominator); `null` when not applicable. */
  readonly value: number | null;
  /** The policy applied when the denominator was 0. */
  readonly policy?: NokEmptyDenominatorPolicy;
}

/** An indicator П with its parts. */
export interface NokIndicatorResult {
  /** `P1.1` … `P5.3`. */
  readonly id: string;
  /** The criterion it belongs to. */
  readonly criterion: NokCriterionId;
  /** Its weight in the criterion, as defined. */
  readonly weight: number;
  /** Its weight after redistribution (0 when not applicable). */
  readonly effectiveWeight: number;
  /** The mean of its applicable parts (0–100), or `null` when no part applies. */
  readonly value: number | null;
  /** The parts, each with numerator and denominator. */
  readonly parts: readonly NokPart[];
  /** For audit indicators: the items present. */
  readonly present?: readonly string[];
  /** For audit indicators: the items missing. */
  readonly missing?: readonly string[];
}

/** A criterion K. */
export interface NokCriterionResult {
  /** `K1` … `K5`. */
  readonly id: NokCriterionId;
  /** numerator / denominator; `null` when no indicator applies. */
  readonly value: number | null;
  /** Σ weight · П over the applicable indicators. */
  readonly numerator: number;
  /** Σ weight over the applicable indicators (1 when all apply). */
  readonly denominator: number;
  /** The value rounded half-up to 2 decimals, as text; `—` when not applicable. */
  readonly display: string;
}

/** The total S of an organisation. */
export interface NokTotal {
  /** (K1 + … + K5) / 5. */
  readonly value: number;
  /** Σ K over the applicable criteria. */
  readonly numerator: number;
  /** The number of applicable criteria (5 unless a criterion has no applicable indicator). */
  readonly denominator: number;
  /** The value rounded half-up to 2 decimals, as text. */
  readonly display: string;
}

/** Where a policy was applied, and how. */
export interface NokPolicyNote {
  /** The part (`P1.3/stands`), the indicator (`P3.3`) or the criterion (`K4`). */
  readonly where: string;
  /** The policy. */
  readonly policy: NokEmptyDenominatorPolicy;
  /** What was done. */
  readonly message: string;
}

/** Something to improve, with the points of the total it would add. */
export type NokShortfall =
  | {
      /** Materials or features missing from the audit. */
      readonly kind: 'missing-items';
      /** The indicator. */
      readonly indicator: string;
      /** Its criterion. */
      readonly criterion: NokCriterionId;
      /** The part (`stands`, `site`, or the audit list). */
      readonly part: string;
      /** The names of the missing items. */
      readonly missing: readonly string[];
      /** Points of the indicator П gained by providing them all (up to the cap). */
      readonly indicatorPoints: number;
      /** Points of the total S gained. */
      readonly totalPoints: number;
    }
  | {
      /** Respondents not satisfied. */
      readonly kind: 'not-satisfied';
      /** The indicator. */
      readonly indicator: string;
      /** Its criterion. */
      readonly criterion: NokCriterionId;
      /** The part. */
      readonly part: string;
      /** Respondents asked who did not say yes. */
      readonly notSatisfied: number;
      /** Respondents asked. */
      readonly asked: number;
      /** notSatisfied / asked, in 0–1. */
      readonly shareNotSatisfied: number;
      /** Points of the indicator П gained if all were satisfied. */
      readonly indicatorPoints: number;
      /** Points of the total S gained. */
      readonly totalPoints: number;
    };

/** The NOK result of one organisation. */
export interface NokOrganisationResult {
  /** The organisation id. */
  readonly id: string;
  /** Its name. */
  readonly name?: string;
  /** Its municipality. */
  readonly municipality?: string;
  /** Its founder. */
  readonly founder?: string;
  /** Its type. */
  readonly type?: string;
  /** The sector profile used. */
  readonly sector: NokSector;
  /** The number of respondents. */
  readonly respondents: number;
  /** The survey counts used. */
  readonly counts: NokSurveyCounts;
  /** Every indicator, by id (`P1.1` …). */
  readonly indicators: Readonly<Record<string, NokIndicatorResult>>;
  /** K1 … K5. */
  readonly criteria: Readonly<Record<NokCriterionId, NokCriterionResult>>;
  /** The total S. */
  readonly total: NokTotal;
  /** The rank by total (1 = best; ties share the best rank). */
  readonly rank: number;
  /** The rating band, when bands were asked for. */
  readonly band?: string;
  /** Where the empty-denominator policy was applied. */
  readonly policies: readonly NokPolicyNote[];
  /** What to improve, ordered by the points of S each would add (most first). */
  readonly shortfalls: readonly NokShortfall[];
}

/** An entry of the ranking. */
export interface NokRankEntry {
  /** The rank (1 = best); organisations whose totals show equal to 2 decimals share the best rank, the next rank is skipped (1, 2, 2, 4). */
  readonly rank: number;
  /** The organisation id. */
  readonly id: string;
  /** Its total S. */
  readonly total: number;
  /** The total as shown. */
  readonly display: string;
}

/** The result of {@link nokAssessment}. */
export interface NokAssessmentResult {
  /** One result per organisation, in input order. */
  readonly organisations: readonly NokOrganisationResult[];
  /** The organisations by total, best first (ties by id). */
  readonly ranking: readonly NokRankEntry[];
  /** The means over all organisations. */
  readonly overall: NokAggregate;
  /** The means by municipality. */
  readonly byMunicipality: readonly NokAggregate[];
  /** The means by founder. */
  readonly byFounder: readonly NokAggregate[];
  /** The means by type. */
  readonly byType: readonly NokAggregate[];
  /** Warnings: sample size, responses naming unknown organisations, organisations without respondents. */
  readonly warnings: readonly Issue[];
  /** The policies in force. */
  readonly policy: {
    readonly emptyDenominator: NokEmptyDenominatorPolicy;
    readonly rounding: NokRounding;
  };
}

const FN = 'nokAssessment';
const CRITERIA: readonly NokCriterionId[] = ['K1', 'K2', 'K3', 'K4', 'K5'];

function checkProfile(profile: NokProfile, sector: string): void {
  const where = `profile ${sector}`;
  if ('criterionWeights' in profile || 'weights' in profile) {
    fail(
      'invalid-argument',
      FN,
      `${where}: criterion weights are not accepted; S is the unweighted mean of K1..K5`,
    );
  }
  if (profile.criteria.length !== 5 || profile.criteria.some((c, i) => c.id !== CRITERIA[i])) {
    fail('invalid-argument', FN, `${where}: needs the five criteria K1..K5 in order`);
  }
  for (const c of profile.criteria) {
    if ('weight' in c) {
      fail(
        'invalid-argument',
        FN,
        `${where}: ${c.id} has a weight; S is the unweighted mean of K1..K5`,
      );
    }
    let sum = 0;
    for (const p of c.indicators) {
      if (!(Number.isFinite(p.weight) && p.weight > 0)) {
        fail('invalid-argument', FN, `${where}: ${p.id} needs a positive weight`);
      }
      if (p.source.kind === 'points' && !(p.source.pointsPerItem > 0)) {
        fail('invalid-argument', FN, `${where}: ${p.id} needs positive points per item`);
      }
      if (p.source.kind === 'shares' && p.source.parts.length === 0) {
        fail('invalid-argument', FN, `${where}: ${p.id} needs at least one share`);
      }
      sum += p.weight;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      fail('invalid-argument', FN, `${where}: the weights of ${c.id} sum to ${sum}, not 1`);
    }
  }
}

// Per-profile lookups, built once per profile object rather than once per organisation.
const catalogueIds = new WeakMap<
  object,
  { readonly ids: readonly string[]; readonly set: ReadonlySet<string> }
>();
function catalogueOf(catalogue: readonly { readonly id: string }[]): {
  readonly ids: readonly string[];
  readonly set: ReadonlySet<string>;
} {
  let entry = catalogueIds.get(catalogue);
  if (entry === undefined) {
    const ids = catalogue.map((item) => item.id);
    entry = { ids, set: new Set(ids) };
    catalogueIds.set(catalogue, entry);
  }
  return entry;
}

const countKeysCache = new WeakMap<NokProfile, ReadonlySet<NokCountKey>>();
function countKeysOf(profile: NokProfile): ReadonlySet<NokCountKey> {
  const cached = countKeysCache.get(profile);
  if (cached !== undefined) return cached;
  const keys = new Set<NokCountKey>(['respondents']);
  for (const c of profile.criteria) {
    for (const p of c.indicators) {
      if (p.source.kind === 'shares') {
        for (const part of p.source.parts) {
          keys.add(part.numerator);
          keys.add(part.denominator);
        }
      }
    }
  }
  countKeysCache.set(profile, keys);
  return keys;
}

/** The present items of an organisation's lists as sets, built once by {@link validate} and reused by the scoring. */
interface AuditSets {
  readonly stands: ReadonlySet<string>;
  readonly site: ReadonlySet<string>;
  readonly lists: ReadonlyMap<string, ReadonlySet<string>>;
}

function validate(
  org: NokOrganisation,
  index: number,
  profile: NokProfile,
  counts: NokSurveyCounts,
  issues: Issue[],
): AuditSets {
  const push = (code: string, message: string, ...path: (string | number)[]): void => {
    issues.push({
      code,
      message: `${org.id}: ${message}`,
      path: ['organisations', index, ...path],
    });
  };
  // A set as large as its list has no duplicate: the common case costs one native Set build.
  const distinct = (list: readonly string[], ...path: string[]): Set<string> => {
    const set = new Set(list);
    if (set.size !== list.length) {
      const seen = new Set<string>();
      for (let i = 0; i < list.length; i++) {
        const item = list[i]!;
        if (seen.has(item)) push('nok-duplicate-item', `"${item}" is listed twice`, ...path, i);
        seen.add(item);
      }
    }
    return set;
  };
  const sides = {} as Record<'stands' | 'site', Set<string>>;
  for (const side of ['stands', 'site'] as const) {
    const list = org.audit[side];
    const required = distinct(list.required, 'audit', side, 'required');
    const present = distinct(list.present, 'audit', side, 'present');
    sides[side] = present;
    for (let i = 0; i < list.present.length; i++) {
      const item = list.present[i]!;
      if (!required.has(item))
        push(
          'nok-unknown-item',
          `"${item}" is not among the required ${side} materials`,
          'audit',
          side,
          'present',
          i,
        );
    }
  }
  if (org.recipients !== undefined && !(Number.isInteger(org.recipients) && org.recipients >= 0)) {
    push(
      'nok-invalid-recipients',
      `recipients must be a non-negative integer, got ${org.recipients}`,
      'recipients',
    );
  }
  const lists = new Map<string, ReadonlySet<string>>();
  for (const c of profile.criteria) {
    for (const p of c.indicators) {
      if (p.source.kind !== 'points') continue;
      const list = p.source.list;
      const known = catalogueOf(p.source.catalogue).set;
      const items = org.audit[list];
      lists.set(list, distinct(items, 'audit', list));
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        if (!known.has(item))
          push(
            'nok-unknown-item',
            `"${item}" is not in the ${list} catalogue of ${p.id}`,
            'audit',
            list,
            i,
          );
      }
    }
  }
  const keys = countKeysOf(profile);
  for (const key of keys) {
    const v = counts[key];
    if (v === undefined)
      push('nok-missing-count', `the survey count ${key} is missing`, 'survey', key);
    else if (!(Number.isInteger(v) && v >= 0))
      push('nok-invalid-count', `${key} must be a non-negative integer, got ${v}`, 'survey', key);
  }
  for (const c of profile.criteria) {
    for (const p of c.indicators) {
      if (p.source.kind !== 'shares') continue;
      for (const part of p.source.parts) {
        const n = counts[part.numerator];
        const d = counts[part.denominator];
        if (n !== undefined && d !== undefined && n > d) {
          push(
            'nok-count-exceeds-denominator',
            `${part.numerator} (${n}) exceeds ${part.denominator} (${d})`,
            'survey',
            part.numerator,
          );
        }
      }
    }
  }
  for (const key of NOK_COUNT_KEYS) {
    const v = counts[key];
    if (v !== undefined && Number.isFinite(counts.respondents) && v > counts.respondents) {
      push(
        'nok-count-exceeds-denominator',
        `${key} (${v}) exceeds respondents (${counts.respondents})`,
        'survey',
        key,
      );
    }
  }
  return { stands: sides.stands, site: sides.site, lists };
}

interface Scored {
  readonly indicators: Record<string, NokIndicatorResult>;
  readonly criteria: Record<NokCriterionId, NokCriterionResult>;
  readonly total: NokTotal;
  readonly policies: NokPolicyNote[];
  readonly shortfalls: NokShortfall[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface PartWork {
  part: NokPart;
  // What fixing this part adds to its value, and what is missing or not satisfied.
  gain: number;
  missing?: readonly string[];
  notSatisfied?: number;
}

function describePolicy(policy: NokEmptyDenominatorPolicy, whose: string): string {
  return policy === 'redistribute'
    ? `not applicable, its weight is spread over ${whose}`
    : `scored ${policy}`;
}

function scoreIndicator(
  def: NokIndicatorDefinition,
  audit: NokAudit,
  sets: AuditSets,
  counts: NokSurveyCounts,
  policy: NokEmptyDenominatorPolicy,
  notes: NokPolicyNote[],
): { parts: PartWork[]; present?: readonly string[]; missing?: readonly string[] } {
  const source = def.source;
  const empty = (id: string, numerator: number, what: string): PartWork => {
    const where =
      source.kind === 'shares' && source.parts.length === 1 ? def.id : `${def.id}/${id}`;
    const whose =
      source.kind === 'shares' && source.parts.length === 1
        ? 'the other indicators of its criterion'
        : 'the other parts';
    notes.push({
      where,
      policy,
      message: `${where}: ${what} is empty; ${describePolicy(policy, whose)}`,
    });
    return {
      part: {
        id,
        numerator,
        denominator: 0,
        value: policy === 'redistribute' ? null : policy,
        policy,
      },
      gain: 0,
    };
  };
  if (source.kind === 'documents') {
    const parts = (['stands', 'site'] as const).map((side) => {
      const list = audit[side];
      const present = sets[side];
      const missing = list.required.filter((item) => !present.has(item));
      const n = list.required.length - missing.length;
      const d = list.required.length;
      if (d === 0) return empty(side, n, `the list of required ${side} materials`);
      const value = (100 * n) / d;
      return {
        part: { id: side, numerator: n, denominator: d, value },
        gain: 100 - value,
        missing,
      };
    });
    return { parts };
  }
  if (source.kind === 'points') {
    const present = sets.lists.get(source.list) ?? new Set(audit[source.list]);
    const items = catalogueOf(source.catalogue).ids;
    const have = items.filter((id) => present.has(id));
    const missing = items.filter((id) => !present.has(id));
    const raw = have.length * source.pointsPerItem;
    const value = Math.min(100, raw);
    const best = Math.min(100, items.length * source.pointsPerItem);
    return {
      parts: [
        {
          part: { id: source.list, numerator: raw, denominator: 100, value },
          gain: Math.max(0, best - value),
          missing,
        },
      ],
      present: have,
      missing,
    };
  }
  const parts = source.parts.map((p) => {
    const n = counts[p.numerator] ?? 0;
    const d = counts[p.denominator] ?? 0;
    if (d === 0) return empty(p.id, n, p.denominator);
    const value = (100 * n) / d;
    return {
      part: { id: p.id, numerator: n, denominator: d, value },
      gain: 100 - value,
      notSatisfied: d - n,
    };
  });
  return { parts };
}

function score(
  profile: NokProfile,
  audit: NokAudit,
  sets: AuditSets,
  counts: NokSurveyCounts,
  policy: NokEmptyDenominatorPolicy,
  operator: boolean,
): Scored {
  const round = (v: number): number => (operator ? roundHalfUpNumber(v, 2) : v);
  const indicators: Record<string, NokIndicatorResult> = {};
  const criteria = {} as Record<NokCriterionId, NokCriterionResult>;
  const notes: NokPolicyNote[] = [];
  const work: {
    criterion: NokCriterionId;
    indicator: string;
    weight: number;
    parts: PartWork[];
  }[] = [];
  for (const c of profile.criteria) {
    let num = 0;
    let den = 0;
    const pending: {
      def: NokIndicatorDefinition;
      scored: ReturnType<typeof scoreIndicator>;
      value: number | null;
    }[] = [];
    for (const def of c.indicators) {
      const scored = scoreIndicator(def, audit, sets, counts, policy, notes);
      let partSum = 0;
      let partCount = 0;
      for (const p of scored.parts) {
        if (p.part.value !== null) {
          partSum += p.part.value;
          partCount++;
        }
      }
      // A part's gain counts 1/(applicable parts) of the indicator.
      for (const p of scored.parts) p.gain = p.part.value === null ? 0 : p.gain / partCount;
      const value = partCount === 0 ? null : round(partSum / partCount);
      if (value !== null) {
        num += def.weight * value;
        den += def.weight;
      }
      pending.push({ def, scored, value });
    }
    for (const { def, scored, value } of pending) {
      const effectiveWeight = value === null || den === 0 ? 0 : def.weight / den;
      const result: Mutable<NokIndicatorResult> = {
        id: def.id,
        criterion: c.id,
        weight: def.weight,
        effectiveWeight,
        value,
        parts: scored.parts.map((p) => p.part),
      };
      if (scored.present !== undefined) result.present = scored.present;
      if (scored.missing !== undefined) result.missing = scored.missing;
      indicators[def.id] = result;
      if (value !== null) {
        work.push({
          criterion: c.id,
          indicator: def.id,
          weight: effectiveWeight,
          parts: scored.parts,
        });
      } else if (scored.parts.length > 1) {
        notes.push({
          where: def.id,
          policy,
          message: `${def.id} is not applicable; its weight ${def.weight} is spread over the other indicators of ${c.id}`,
        });
      }
    }
    const value = den === 0 ? null : round(num / den);
    if (value === null) {
      notes.push({
        where: c.id,
        policy,
        message: `${c.id} has no applicable indicator; S is the mean of the other criteria`,
      });
    }
    criteria[c.id] = {
      id: c.id,
      value,
      numerator: num,
      denominator: den,
      display: value === null ? '—' : formatHalfUp(value, 2),
    };
  }
  let sum = 0;
  let n = 0;
  for (const c of CRITERIA) {
    const v = criteria[c].value;
    if (v !== null) {
      sum += v;
      n++;
    }
  }
  // K1 always applies (П1.2 is scored from the audit alone), so n ≥ 1.
  const totalValue = round(sum / n);
  const total: NokTotal = {
    value: totalValue,
    numerator: sum,
    denominator: n,
    display: formatHalfUp(totalValue, 2),
  };
  const shortfalls: NokShortfall[] = [];
  for (const w of work) {
    for (const p of w.parts) {
      if (p.gain <= 1e-12) continue;
      const totalPoints = (p.gain * w.weight) / n;
      if (p.missing !== undefined) {
        if (p.missing.length === 0) continue;
        shortfalls.push({
          kind: 'missing-items',
          indicator: w.indicator,
          criterion: w.criterion,
          part: p.part.id,
          missing: p.missing,
          indicatorPoints: p.gain,
          totalPoints,
        });
      } else if (p.notSatisfied !== undefined && p.notSatisfied > 0) {
        shortfalls.push({
          kind: 'not-satisfied',
          indicator: w.indicator,
          criterion: w.criterion,
          part: p.part.id,
          notSatisfied: p.notSatisfied,
          asked: p.part.denominator,
          shareNotSatisfied: p.notSatisfied / p.part.denominator,
          indicatorPoints: p.gain,
          totalPoints,
        });
      }
    }
  }
  // Most points first; ties keep the profile's order (Array.prototype.sort is stable).
  shortfalls.sort((a, b) => b.totalPoints - a.totalPoints);
  return { indicators, criteria, total, policies: notes, shortfalls };
}

function emptyCounts(): NokSurveyCounts {
  const out: Record<string, number> = {};
  for (const k of NOK_COUNT_KEYS) out[k] = 0;
  return out as NokSurveyCounts;
}

function addCounts(a: NokSurveyCounts, b: NokSurveyCounts): NokSurveyCounts {
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out as NokSurveyCounts;
}

/**
 * Scores organisations by the Russian independent assessment of the quality
 * of service conditions (NOK, Order 344n): indicators П, criteria K1..K5, the
 * total S, a ranking, group means, what to improve and sample warnings.
 *
 * @remarks
 * Per organisation (source: `methods/nok-344n.md`, Orders 344n, 675n, 114):
 * - K1 = 0.3·П1.1 + 0.3·П1.2 + 0.4·П1.3, with П1.1 = (I_stand/N_stand +
 *   I_site/N_site)·0.5·100, П1.2 = min(100, 30·channels), П1.3 = the mean of
 *   the stand and site satisfaction shares among those who used them.
 * - K2 = 0.5·П2.1 + 0.5·П2.3 (education, culture) or 0.3·П2.1 + 0.4·П2.2 +
 *   0.3·П2.3 (health, social; П2.2 as a survey share is *unverified*), with
 *   П2.1 = min(100, 20·conditions).
 * - K3 = 0.3·П3.1 + 0.4·П3.2 + 0.3·П3.3; K4 = 0.4·П4.1 + 0.4·П4.2 +
 *   0.2·П4.3; K5 = 0.3·П5.1 + 0.2·П5.2 + 0.5·П5.3.
 * - S = (K1 + K2 + K3 + K4 + K5)/5, unweighted. The 20/20/15/15/30 criterion
 *   weights of a 2018 draft are rejected: options and profiles carry no
 *   criterion weights, and passing any throws.
 *
 * *Unverified* parts, made options: the empty-denominator rule (default
 * `redistribute`: the part is not applicable and its weight is spread over
 * the others of its indicator, then of its criterion; a criterion with no
 * applicable indicator leaves S as the mean of the others), the 40% / 600
 * sample rule, the rating bands, the comfort catalogues and П2.2. A survey
 * share's denominator is all respondents of the organisation (a respondent
 * who skipped the question counts as not satisfied: the method document says
 * "/ all"; whether the official procedure drops non-answers is *unverified*),
 * or those who said yes to the filter question.
 *
 * Rounding `full` keeps full precision and rounds half-up on the decimal value
 * only in `display` (86.005 shows 86.01); `operator` rounds every П, K and S
 * to 2 decimals at each step. Shortfalls are computed on the values as
 * scored. Ranking ties: totals equal to 2 decimals share the best rank.
 *
 * @param input - the organisations with their audits and survey counts, and optionally responses
 * @param options - sector, profiles, policies, bands, sample rule
 * @returns the result per organisation, the ranking, the group means and the warnings
 * @throws `EduQualityError` `insufficient-data` when there is no organisation; `invalid-input` with issues for invalid audits or counts (unknown or duplicate items, missing or inconsistent counts, duplicate organisation ids); `invalid-argument` for an invalid profile, policy, or criterion weights
 *
 * @example
 * ```ts
 * // The worked example of methods/nok-344n.md.
 * const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
 * const audit = {
 *   stands: { required: names('s', 10), present: names('s', 9) },
 *   site: { required: names('w', 50), present: names('w', 45) },
 *   remoteChannels: ['phone', 'email', 'faq', 'quality-opinion'],
 *   comfortConditions: ['rest-area', 'navigation', 'drinking-water', 'sanitary-rooms'],
 *   accessiblePremises: ['ramps', 'parking'],
 *   accessibilityConditions: ['braille', 'trained-staff', 'remote-or-home'],
 * };
 * const survey = { respondents: 200, standsUsed: 150, standsSatisfied: 141, siteUsed: 120, siteSatisfied: 108, comfortSatisfied: 190, disability: 8, accessibilitySatisfied: 6, firstContactPolite: 196, serviceStaffPolite: 194, remoteUsed: 90, remotePolite: 87, recommend: 184, conditionsSatisfied: 188, overallSatisfied: 186 };
 * const r = nokAssessment({ organisations: [{ id: 'school-1', audit, survey }] }).organisations[0]!;
 * [r.criteria.K1.value, r.criteria.K2.value, r.criteria.K3.value, r.criteria.K5.value]; // => [93.8, 87.5, 58.5, 92.9]
 * r.criteria.K4.value; // => 97.3333
 * r.total.value; // => 86.0067
 * r.total.display; // => '86.01'
 * r.shortfalls[0]?.indicator; // => 'P3.1'
 * nokAssessment({ organisations: [{ id: 'x', audit, survey }] }, { criterionWeights: [20, 20, 15, 15, 30] } as never); // throws
 * ```
 */
export function nokAssessment(
  input: NokAssessmentInput,
  options: NokAssessmentOptions = {},
): NokAssessmentResult {
  if ('criterionWeights' in options || 'weights' in options) {
    fail(
      'invalid-argument',
      FN,
      'criterion weights are not accepted: S is the unweighted mean of K1..K5 (the 20/20/15/15/30 weights come from a 2018 draft that published results reject)',
    );
  }
  if (input.organisations.length === 0)
    fail('insufficient-data', FN, 'needs at least one organisation');
  const policy = options.emptyDenominator ?? 'redistribute';
  if (policy !== 'redistribute' && policy !== 0 && policy !== 100) {
    fail('invalid-argument', FN, `emptyDenominator must be 'redistribute', 0 or 100`);
  }
  const rounding = options.rounding ?? 'full';
  if (rounding !== 'full' && rounding !== 'operator') {
    fail('invalid-argument', FN, `rounding must be 'full' or 'operator'`);
  }
  const defaultSector = options.sector ?? 'education';
  const profileOf = (sector: NokSector): NokProfile => {
    const profile = options.profiles?.[sector] ?? NOK_PROFILES[sector];
    if (profile === undefined) fail('invalid-argument', FN, `unknown sector "${sector}"`);
    return profile;
  };
  for (const [sector, profile] of Object.entries(options.profiles ?? {})) {
    if (profile !== undefined) checkProfile(profile, sector);
  }

  const warnings: Issue[] = [];
  let surveyCounts: ReadonlyMap<string, NokSurveyCounts> = new Map();
  if (input.responses !== undefined) {
    const acc =
      input.responses instanceof NokSurveyAccumulator
        ? input.responses
        : new NokSurveyAccumulator().addResponses(input.responses, {
            ...(input.organisationField === undefined
              ? {}
              : { organisationField: input.organisationField }),
            ...(input.questionMap === undefined ? {} : { questionMap: input.questionMap }),
          });
    surveyCounts = acc.result();
    warnings.push(...acc.issues);
  }

  const issues: Issue[] = [];
  const ids = new Set<string>();
  const prepared = input.organisations.map((org, index) => {
    if (ids.has(org.id)) {
      issues.push({
        code: 'nok-duplicate-organisation',
        message: `organisation ${org.id} is listed twice`,
        path: ['organisations', index, 'id'],
      });
    }
    ids.add(org.id);
    const sector = org.sector ?? defaultSector;
    const profile = profileOf(sector);
    const fromResponses = surveyCounts.get(org.id);
    let counts = org.survey ?? fromResponses ?? emptyCounts();
    if (org.survey !== undefined && fromResponses !== undefined)
      counts = addCounts(org.survey, fromResponses);
    const sets = validate(org, index, profile, counts, issues);
    return { org, sector, profile, counts, sets };
  });
  if (issues.length > 0) {
    throw new EduQualityError(
      'invalid-input',
      `${FN}: ${issues.length} problem(s) in the audits or survey counts`,
      { issues },
    );
  }
  for (const [id, counts] of surveyCounts) {
    if (!ids.has(id) && counts.respondents > 0) {
      warnings.push({
        code: 'nok-unknown-organisation',
        message: `${counts.respondents} response(s) name organisation "${id}", which has no audit; they are not scored`,
        path: [id],
      });
    }
  }

  const operator = rounding === 'operator';
  const scored = prepared.map(({ org, sector, profile, counts, sets }) => {
    if (counts.respondents === 0) {
      warnings.push({
        code: 'nok-no-respondents',
        message: `${org.id}: no survey respondents`,
        path: [org.id],
      });
    }
    return { org, sector, counts, s: score(profile, org.audit, sets, counts, policy, operator) };
  });
  const sampleEntries = prepared
    .filter(({ org }) => org.recipients !== undefined)
    .map(({ org, counts }) => ({
      id: org.id,
      recipients: org.recipients!,
      respondents: counts.respondents,
    }));
  warnings.push(...nokSampleSizeWarnings(sampleEntries, options.sampleSize ?? {}));

  // Competition ranking on the total as shown (2 decimals): equal shown totals share a rank.
  const order = scored
    .map(({ org, s }) => ({
      id: org.id,
      total: s.total.value,
      shown: roundHalfUpNumber(s.total.value, 2),
      display: s.total.display,
    }))
    .sort((a, b) => b.shown - a.shown || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranking: NokRankEntry[] = [];
  const rankOf = new Map<string, number>();
  order.forEach((e, i) => {
    const prev = ranking[i - 1];
    const rank = prev !== undefined && order[i - 1]!.shown === e.shown ? prev.rank : i + 1;
    ranking.push({ rank, id: e.id, total: e.total, display: e.display });
    rankOf.set(e.id, rank);
  });

  const organisations: NokOrganisationResult[] = scored.map(({ org, sector, counts, s }) => {
    const band = options.bands === undefined ? undefined : nokBand(s.total.value, options.bands);
    return {
      id: org.id,
      ...(org.name === undefined ? {} : { name: org.name }),
      ...(org.municipality === undefined ? {} : { municipality: org.municipality }),
      ...(org.founder === undefined ? {} : { founder: org.founder }),
      ...(org.type === undefined ? {} : { type: org.type }),
      sector,
      respondents: counts.respondents,
      counts,
      indicators: s.indicators,
      criteria: s.criteria,
      total: s.total,
      rank: rankOf.get(org.id)!,
      ...(band === undefined ? {} : { band }),
      policies: s.policies,
      shortfalls: s.shortfalls,
    };
  });

  const aggregateOptions = {
    rounding,
    ...(options.bands === undefined ? {} : { bands: options.bands }),
  };
  const sorted = [...organisations].sort(byId);
  return {
    organisations,
    ranking,
    overall: aggregateSortedById(sorted, aggregateOptions)[0]!,
    byMunicipality: aggregateSortedById(sorted, { ...aggregateOptions, by: 'municipality' }),
    byFounder: aggregateSortedById(sorted, { ...aggregateOptions, by: 'founder' }),
    byType: aggregateSortedById(sorted, { ...aggregateOptions, by: 'type' }),
    warnings,
    policy: { emptyDenominator: policy, rounding },
  };
}
