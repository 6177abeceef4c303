import { EduQualityError, type Issue } from '@edu-quality/core';
import type { ResponseSet } from '@edu-quality/questionnaire';
import { fail } from './internal/fail.js';
import { checkAssessmentOptions } from './internal/nok/options.js';
import { formatHalfUp, roundHalfUpNumber } from './internal/nok/decimal.js';
import {
  aggregateScoreTable,
  emptyScoreTable,
  nokBand,
  orderById,
  setScores,
  type NokAggregate,
  type NokRatingBand,
} from './nok-aggregate.js';
import {
  NOK_PROFILES,
  type NokCountKey,
  type NokCriterionId,
  type NokIndicatorSource,
  type NokProfile,
  type NokSector,
  type NokSharePart,
} from './nok-profiles.js';
import {
  nokSampleSizeWarnings,
  type NokSampleEntry,
  type NokSampleSizeOptions,
} from './nok-sample-size.js';
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
  /** The rank by total (1 = best; ties share the best rank); `null` when {@link NokOrganisationResult.incomplete} (not ranked). */
  readonly rank: number | null;
  /**
   * Whether the assessment is incomplete: a criterion has no data at all
   * (every part's denominator is empty, as when the survey has no
   * respondents for the organisation). Its K then follows the
   * empty-denominator policy, but S rests on fewer than five measured
   * criteria, so the organisation is not ranked, is left out of the group
   * means, and is listed in {@link NokAssessmentResult.unranked}.
   */
  readonly incomplete: boolean;
  /** Why the assessment is incomplete; absent when it is complete. */
  readonly incompleteReason?: string;
  /** The criteria without any data, in profile order (empty when complete). */
  readonly criteriaWithoutData: readonly NokCriterionId[];
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

/** An organisation left out of the ranking and the group means, and why. */
export interface NokUnrankedEntry {
  /** The organisation id. */
  readonly id: string;
  /** The criteria without any data. */
  readonly criteriaWithoutData: readonly NokCriterionId[];
  /** Why it is not ranked. */
  readonly reason: string;
}

/** The result of {@link nokAssessment}. */
export interface NokAssessmentResult {
  /** One result per organisation, in input order. */
  readonly organisations: readonly NokOrganisationResult[];
  /** The complete organisations by total, best first (ties by id). */
  readonly ranking: readonly NokRankEntry[];
  /** The incomplete organisations, in input order: not ranked and not in any group mean. */
  readonly unranked: readonly NokUnrankedEntry[];
  /** The means over the complete organisations; `null` when none is complete. */
  readonly overall: NokAggregate | null;
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

// Per-profile lookups for the validating slow path, built once per profile object.
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

// ---------------------------------------------------------------------------
// Reference lists: a catalogue, or a list of required materials, against
// which an organisation's list is matched without building a set per list.

/** A list of items that organisations' lists are matched against. */
interface Reference {
  readonly items: readonly string[];
  /** Whether no item repeats; the matching below relies on it. */
  readonly distinct: boolean;
  /** Item → position, built on the first list out of reference order. */
  index: Map<string, number> | undefined;
  /** The epoch of the last match that found each position. */
  readonly stamp: Int32Array;
  epoch: number;
}

function referenceTo(items: readonly string[]): Reference {
  return {
    items,
    distinct: new Set(items).size === items.length,
    index: undefined,
    stamp: new Int32Array(items.length),
    epoch: 0,
  };
}

/** The items of a reference found in a list and those missing, both in reference order: buffers and their counts. */
interface Match {
  readonly have: string[];
  haveCount: number;
  readonly missing: string[];
  missingCount: number;
}

/**
 * A copy of `items[0, count)`. While short it is an array literal, which V8
 * allocates where the result lives once it sees that these arrays survive
 * (allocation-site pretenuring); a copied slice always starts in the young
 * generation and is copied again by each minor GC it survives.
 */
function copyItems(items: readonly string[], count: number): string[] {
  switch (count) {
    case 0:
      return [];
    case 1:
      return [items[0]!];
    case 2:
      return [items[0]!, items[1]!];
    case 3:
      return [items[0]!, items[1]!, items[2]!];
    case 4:
      return [items[0]!, items[1]!, items[2]!, items[3]!];
    case 5:
      return [items[0]!, items[1]!, items[2]!, items[3]!, items[4]!];
    case 6:
      return [items[0]!, items[1]!, items[2]!, items[3]!, items[4]!, items[5]!];
    case 7:
      return [items[0]!, items[1]!, items[2]!, items[3]!, items[4]!, items[5]!, items[6]!];
    default:
      return items.slice(0, count);
  }
}

/**
 * Matches `list` against a reference of distinct items into `out`: the items
 * present (when `withHave`) and missing, in reference order, in its buffers.
 * Fails (false) when the list repeats an item or holds one the reference
 * lacks: the caller then takes the validating path, which reports them.
 * Lists usually keep the reference's order and are matched by one merge walk;
 * any other order goes through an index of the reference.
 */
function match(ref: Reference, list: readonly string[], withHave: boolean, out: Match): boolean {
  if (!ref.distinct) return false;
  const items = ref.items;
  const r = items.length;
  const p = list.length;
  const spare = r - p;
  const { have, missing } = out;
  if (spare >= 0) {
    // i = j + m: the reference items passed are those matched plus those missing.
    let i = 0;
    let m = 0;
    let j = 0;
    walk: for (; j < p; j++) {
      const item = list[j];
      while (items[i] !== item) {
        if (m === spare) break walk;
        missing[m++] = items[i++]!;
      }
      if (withHave) have[j] = items[i]!;
      i++;
    }
    if (j === p) {
      while (m < spare) missing[m++] = items[i++]!;
      out.haveCount = p;
      out.missingCount = spare;
      return true;
    }
  }
  let index = ref.index;
  if (index === undefined) {
    index = new Map();
    for (let k = 0; k < r; k++) index.set(items[k]!, k);
    ref.index = index;
  }
  const epoch = ++ref.epoch;
  const stamp = ref.stamp;
  for (let j = 0; j < p; j++) {
    const k = index.get(list[j]!);
    if (k === undefined || stamp[k] === epoch) return false;
    stamp[k] = epoch;
  }
  // Every item of the list found once, so p ≤ r.
  for (let k = 0, h = 0, m = 0; k < r; k++) {
    if (stamp[k] !== epoch) missing[m++] = items[k]!;
    else if (withHave) have[h++] = items[k]!;
  }
  out.haveCount = p;
  out.missingCount = spare;
  return true;
}

/**
 * The reference for a list of required materials: organisations of a kind
 * share the list, so the last few distinct lists are kept and compared item
 * by item, instead of a set built per organisation.
 */
function referenceAmong(cache: Reference[], list: readonly string[]): Reference {
  for (const ref of cache) {
    const items = ref.items;
    if (items === list) return ref;
    if (items.length !== list.length) continue;
    let k = 0;
    while (k < items.length && items[k] === list[k]) k++;
    if (k === items.length) return ref;
  }
  const ref = referenceTo(list);
  if (cache.length === 8) cache.shift();
  cache.push(ref);
  return ref;
}

// ---------------------------------------------------------------------------
// A profile resolved once per call: catalogues as references, the count keys
// to check, and the texts of the policy notes (they depend on the policy).

interface IndicatorPlan {
  readonly id: string;
  readonly weight: number;
  readonly source: NokIndicatorSource;
  /** Points: the catalogue, the best value, and the slot of the audit list's match. */
  readonly catalogue: Reference | undefined;
  readonly best: number;
  readonly slot: number;
  /** Per part: where an empty denominator is noted, and the note's message. */
  readonly emptyWhere: readonly string[];
  readonly emptyMessage: readonly string[];
  /** The note when no part applies (indicators with several parts). */
  readonly notApplicable: string;
  /** Shares: where each part's numerator and denominator are in the counts read ({@link ProfilePlan.readKeys}). */
  readonly shareAt: Int32Array;
}

interface CriterionPlan {
  readonly id: NokCriterionId;
  readonly indicators: readonly IndicatorPlan[];
  readonly noIndicator: string;
}

interface ProfilePlan {
  readonly criteria: readonly CriterionPlan[];
  /** The points indicators, in profile order. */
  readonly points: readonly IndicatorPlan[];
  /**
   * The counts read of each organisation, once: {@link NOK_COUNT_KEYS}, then
   * any other key a share names.
   */
  readonly readKeys: readonly string[];
  /** `respondents` and every count a share reads, in profile order, and where each is read. */
  readonly countKeys: readonly NokCountKey[];
  readonly countAt: Int32Array;
  readonly respondentsAt: number;
  /** Every indicator id, in profile order, and the record of the results when the ids are a standard profile's. */
  readonly indicatorIds: readonly string[];
  readonly indicatorRecord:
    ((results: readonly NokIndicatorResult[]) => Record<string, NokIndicatorResult>) | undefined;
  /** The number of parts of all its indicators. */
  readonly partCount: number;
  /** Whether the criteria are K1..K5 in that order (always, once checked), so their record is one literal. */
  readonly standard: boolean;
  /** Every share, and where its numerator and denominator are read. */
  readonly shareParts: readonly NokSharePart[];
  readonly shareAt: Int32Array;
}

function describePolicy(policy: NokEmptyDenominatorPolicy, whose: string): string {
  return policy === 'redistribute'
    ? `not applicable, its weight is spread over ${whose}`
    : `scored ${policy}`;
}

/** The indicator ids of the education and culture profiles, and of health and social (with П2.2). */
const EDUCATION_INDICATORS: readonly string[] =
  'P1.1 P1.2 P1.3 P2.1 P2.3 P3.1 P3.2 P3.3 P4.1 P4.2 P4.3 P5.1 P5.2 P5.3'.split(' ');
const WAITING_INDICATORS: readonly string[] =
  'P1.1 P1.2 P1.3 P2.1 P2.2 P2.3 P3.1 P3.2 P3.3 P4.1 P4.2 P4.3 P5.1 P5.2 P5.3'.split(' ');

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * The indicator record of an education or culture profile as one literal:
 * fourteen fields in the object, where fields added one by one go to a
 * separate, regrown property array.
 */
function educationRecord(r: readonly NokIndicatorResult[]): Record<string, NokIndicatorResult> {
  return {
    'P1.1': r[0]!,
    'P1.2': r[1]!,
    'P1.3': r[2]!,
    'P2.1': r[3]!,
    'P2.3': r[4]!,
    'P3.1': r[5]!,
    'P3.2': r[6]!,
    'P3.3': r[7]!,
    'P4.1': r[8]!,
    'P4.2': r[9]!,
    'P4.3': r[10]!,
    'P5.1': r[11]!,
    'P5.2': r[12]!,
    'P5.3': r[13]!,
  };
}

/** {@link educationRecord} for the health and social profiles (with П2.2). */
function waitingRecord(r: readonly NokIndicatorResult[]): Record<string, NokIndicatorResult> {
  return {
    'P1.1': r[0]!,
    'P1.2': r[1]!,
    'P1.3': r[2]!,
    'P2.1': r[3]!,
    'P2.2': r[4]!,
    'P2.3': r[5]!,
    'P3.1': r[6]!,
    'P3.2': r[7]!,
    'P3.3': r[8]!,
    'P4.1': r[9]!,
    'P4.2': r[10]!,
    'P4.3': r[11]!,
    'P5.1': r[12]!,
    'P5.2': r[13]!,
    'P5.3': r[14]!,
  };
}

function planProfile(
  profile: NokProfile,
  policy: NokEmptyDenominatorPolicy,
  catalogues: Map<object, Reference>,
): ProfilePlan {
  const keys = new Set<NokCountKey>(['respondents']);
  const readKeys: string[] = [...NOK_COUNT_KEYS];
  const at = (key: string): number => {
    const i = readKeys.indexOf(key);
    return i >= 0 ? i : readKeys.push(key) - 1;
  };
  const shareParts: NokSharePart[] = [];
  const points: IndicatorPlan[] = [];
  const emptyNote = (where: string, what: string, whose: string): string =>
    `${where}: ${what} is empty; ${describePolicy(policy, whose)}`;
  const criteria = profile.criteria.map((c): CriterionPlan => {
    const indicators = c.indicators.map((def): IndicatorPlan => {
      const source = def.source;
      let catalogue: Reference | undefined;
      let best = 0;
      const shareAt: number[] = [];
      const emptyWhere: string[] = [];
      const emptyMessage: string[] = [];
      if (source.kind === 'documents') {
        for (const side of ['stands', 'site'] as const) {
          const where = `${def.id}/${side}`;
          emptyWhere.push(where);
          emptyMessage.push(
            emptyNote(where, `the list of required ${side} materials`, 'the other parts'),
          );
        }
      } else if (source.kind === 'points') {
        catalogue = catalogues.get(source.catalogue);
        if (catalogue === undefined) {
          catalogue = referenceTo(source.catalogue.map((item) => item.id));
          catalogues.set(source.catalogue, catalogue);
        }
        best = Math.min(100, catalogue.items.length * source.pointsPerItem);
      } else {
        const single = source.parts.length === 1;
        for (const part of source.parts) {
          keys.add(part.numerator);
          keys.add(part.denominator);
          shareParts.push(part);
          shareAt.push(at(part.numerator), at(part.denominator));
          const where = single ? def.id : `${def.id}/${part.id}`;
          emptyWhere.push(where);
          emptyMessage.push(
            emptyNote(
              where,
              part.denominator,
              single ? 'the other indicators of its criterion' : 'the other parts',
            ),
          );
        }
      }
      const plan: IndicatorPlan = {
        id: def.id,
        weight: def.weight,
        source,
        catalogue,
        best,
        slot: source.kind === 'points' ? points.length : -1,
        emptyWhere,
        emptyMessage,
        notApplicable: `${def.id} is not applicable; its weight ${def.weight} is spread over the other indicators of ${c.id}`,
        shareAt: Int32Array.from(shareAt),
      };
      if (source.kind === 'points') points.push(plan);
      return plan;
    });
    return {
      id: c.id,
      indicators,
      noIndicator: `${c.id} has no applicable indicator; S is the mean of the other criteria`,
    };
  });
  const countKeys = [...keys];
  const indicatorIds = criteria.flatMap((c) => c.indicators.map((i) => i.id));
  return {
    partCount: criteria.reduce(
      (sum, c) =>
        sum +
        c.indicators.reduce(
          (n, i) =>
            n +
            (i.source.kind === 'documents'
              ? 2
              : i.source.kind === 'points'
                ? 1
                : i.source.parts.length),
          0,
        ),
      0,
    ),
    indicatorIds,
    indicatorRecord: sameIds(indicatorIds, EDUCATION_INDICATORS)
      ? educationRecord
      : sameIds(indicatorIds, WAITING_INDICATORS)
        ? waitingRecord
        : undefined,
    criteria,
    points,
    readKeys,
    countKeys,
    countAt: Int32Array.from(countKeys, at),
    respondentsAt: at('respondents'),
    standard: criteria.length === CRITERIA.length && criteria.every((c, i) => c.id === CRITERIA[i]),
    shareParts,
    shareAt: Int32Array.from(shareParts.flatMap((p) => [at(p.numerator), at(p.denominator)])),
  };
}

// ---------------------------------------------------------------------------
// Validation. The fast path proves an audit has nothing to report while it
// matches the lists for scoring; anything it cannot prove goes to `validate`,
// which reports every problem in the order the issues are listed.

/** What scoring reads of an audit: П1.1's halves and each points list, matched. */
interface AuditMatch {
  readonly stands: { n: number; d: number; missing: readonly string[] };
  readonly site: { n: number; d: number; missing: readonly string[] };
  /** By points slot: the catalogue items present and missing. */
  readonly have: (readonly string[])[];
  readonly missing: (readonly string[])[];
}

/** The reusable state of one call: the match of the organisation at hand, and the required lists seen. */
interface Scratch {
  readonly audit: AuditMatch;
  readonly match: Match;
  readonly required: { readonly stands: Reference[]; readonly site: Reference[] };
}

function pushIssue(
  issues: Issue[],
  org: NokOrganisation,
  index: number,
  code: string,
  message: string,
  path: readonly (string | number)[],
): void {
  issues.push({ code, message: `${org.id}: ${message}`, path: ['organisations', index, ...path] });
}

const SIDES = ['stands', 'site'] as const;

function auditFast(audit: NokAudit, plan: ProfilePlan, scratch: Scratch): boolean {
  if (typeof audit !== 'object' || audit === null) return false;
  const out = scratch.audit;
  const m = scratch.match;
  for (let s = 0; s < SIDES.length; s++) {
    const side = SIDES[s]!;
    const list = audit[side];
    if (typeof list !== 'object' || list === null) return false;
    const required = list.required;
    const present = list.present;
    if (!Array.isArray(required) || !Array.isArray(present)) return false;
    if (!match(referenceAmong(scratch.required[side], required), present, false, m)) return false;
    const half = out[side];
    half.d = required.length;
    half.n = required.length - m.missingCount;
    half.missing = copyItems(m.missing, m.missingCount);
  }
  for (const p of plan.points) {
    if (p.source.kind !== 'points') continue;
    const items = audit[p.source.list];
    if (!Array.isArray(items) || !match(p.catalogue!, items, true, m)) return false;
    out.have[p.slot] = copyItems(m.have, m.haveCount);
    out.missing[p.slot] = copyItems(m.missing, m.missingCount);
  }
  return true;
}

function checkRecipients(org: NokOrganisation, index: number, issues: Issue[]): void {
  if (org.recipients !== undefined && !(Number.isInteger(org.recipients) && org.recipients >= 0)) {
    pushIssue(
      issues,
      org,
      index,
      'nok-invalid-recipients',
      `recipients must be a non-negative integer, got ${org.recipients}`,
      ['recipients'],
    );
  }
}

/** Where an organisation's counts are read: as small integers, or as they are when some count is not one. */
interface CountBuffers {
  numbers: Int32Array;
  readonly values: (number | undefined)[];
}

/**
 * Stores a count at `k` when it is an integer from 0 to 2³¹ − 1, or -1 when
 * it is absent; false for anything else.
 */
function putCount(numbers: Int32Array, k: number, v: unknown): boolean {
  if (typeof v === 'number' && v >= 0 && v <= 0x7fffffff && v === Math.floor(v)) {
    numbers[k] = v | 0;
    return true;
  }
  numbers[k] = -1;
  return v === undefined;
}

/**
 * The counts read by name, at the positions of {@link NOK_COUNT_KEYS} (see
 * {@link STANDARD_LAYOUT}): the counts objects of an accumulator share one
 * shape, so each read is a plain field load, where a read by a computed key
 * goes through a generic lookup and boxes the number.
 */
function readStandardCounts(c: NokSurveyCounts, numbers: Int32Array): boolean {
  return (
    putCount(numbers, 0, c.respondents) &&
    putCount(numbers, 1, c.standsUsed) &&
    putCount(numbers, 2, c.standsSatisfied) &&
    putCount(numbers, 3, c.siteUsed) &&
    putCount(numbers, 4, c.siteSatisfied) &&
    putCount(numbers, 5, c.comfortSatisfied) &&
    putCount(numbers, 6, c.disability) &&
    putCount(numbers, 7, c.accessibilitySatisfied) &&
    putCount(numbers, 8, c.firstContactPolite) &&
    putCount(numbers, 9, c.serviceStaffPolite) &&
    putCount(numbers, 10, c.remoteUsed) &&
    putCount(numbers, 11, c.remotePolite) &&
    putCount(numbers, 12, c.recommend) &&
    putCount(numbers, 13, c.conditionsSatisfied) &&
    putCount(numbers, 14, c.overallSatisfied) &&
    putCount(numbers, 15, c.waitingSatisfied)
  );
}

/** The counts at the positions of {@link NOK_COUNT_KEYS} as one literal (waitingSatisfied added when asked). */
function countsLiteral(n: Int32Array, waiting: boolean): NokSurveyCounts {
  const copy: Mutable<NokSurveyCounts> = {
    respondents: n[0]!,
    standsUsed: n[1]!,
    standsSatisfied: n[2]!,
    siteUsed: n[3]!,
    siteSatisfied: n[4]!,
    comfortSatisfied: n[5]!,
    disability: n[6]!,
    accessibilitySatisfied: n[7]!,
    firstContactPolite: n[8]!,
    serviceStaffPolite: n[9]!,
    remoteUsed: n[10]!,
    remotePolite: n[11]!,
    recommend: n[12]!,
    conditionsSatisfied: n[13]!,
    overallSatisfied: n[14]!,
  };
  if (waiting) copy.waitingSatisfied = n[15]!;
  return copy;
}

/**
 * Whether {@link readStandardCounts} and {@link countsLiteral} read and write
 * the keys of {@link NOK_COUNT_KEYS} at their positions (the survey module
 * owns that list): checked once, on a probe whose counts are their positions.
 */
const STANDARD_LAYOUT: boolean = ((): boolean => {
  const probe = Object.fromEntries(NOK_COUNT_KEYS.map((key, i) => [key, i])) as NokSurveyCounts;
  const numbers = new Int32Array(NOK_COUNT_KEYS.length);
  return (
    NOK_COUNT_KEYS.length === 16 &&
    readStandardCounts(probe, numbers) &&
    numbers.every((v, i) => v === i) &&
    JSON.stringify(countsLiteral(numbers, true)) === JSON.stringify(probe)
  );
})();

/**
 * The counts an accumulator gave, copied into one literal of small integers
 * when they are the keys of {@link NOK_COUNT_KEYS} in order (waitingSatisfied,
 * the last, only when present) and all were read as such (`numbers`): the
 * accumulator's objects hold every count as a boxed number behind a separate
 * property array, all of which the result would keep. Same keys, same order,
 * same values; anything else is returned as it is.
 */
function compactCounts(counts: NokSurveyCounts, numbers: Int32Array): NokSurveyCounts {
  if (!STANDARD_LAYOUT) return counts;
  let keys = 0;
  for (const key in counts) {
    if (key !== NOK_COUNT_KEYS[keys]) return counts;
    keys++;
  }
  const waiting = keys === NOK_COUNT_KEYS.length;
  // Present but -1: its value was not a count (undefined), which a copy would change.
  if (waiting ? numbers[15]! < 0 : keys !== NOK_COUNT_KEYS.length - 1) return counts;
  return countsLiteral(numbers, waiting);
}

/**
 * Reads an organisation's counts by {@link ProfilePlan.readKeys}, once each.
 * When every count the profile uses is an integer from 0 to 2³¹ − 1 (the
 * counts a survey has) and every other is such an integer or absent, they go
 * to an Int32Array, absent ones as -1 (which no check or score reads as a
 * count: the profile's own are all present, and -1 exceeds nothing), and V8
 * stores them in the results as small integers, not as boxed numbers.
 * Otherwise they are returned as they are, for the validation to report.
 */
function readCounts(
  plan: ProfilePlan,
  counts: NokSurveyCounts,
  into: CountBuffers,
): ArrayLike<number | undefined> {
  const keys = plan.readKeys;
  const record = counts as Readonly<Record<string, unknown>>;
  if (into.numbers.length < keys.length) into.numbers = new Int32Array(keys.length);
  const numbers = into.numbers;
  let small: boolean;
  if (STANDARD_LAYOUT && keys.length === NOK_COUNT_KEYS.length) {
    small = readStandardCounts(counts, numbers);
  } else {
    small = true;
    for (let k = 0; k < keys.length && small; k++) small = putCount(numbers, k, record[keys[k]!]);
  }
  const countAt = plan.countAt;
  for (let i = 0; i < countAt.length && small; i++) small = numbers[countAt[i]!]! >= 0;
  if (small) return numbers;
  const values = into.values;
  for (let k = 0; k < keys.length; k++) values[k] = record[keys[k]!] as number | undefined;
  return values;
}

function checkCounts(
  org: NokOrganisation,
  index: number,
  plan: ProfilePlan,
  values: ArrayLike<number | undefined>,
  issues: Issue[],
): void {
  const countKeys = plan.countKeys;
  for (let i = 0; i < countKeys.length; i++) {
    const key = countKeys[i]!;
    const v = values[plan.countAt[i]!];
    if (v === undefined)
      pushIssue(issues, org, index, 'nok-missing-count', `the survey count ${key} is missing`, [
        'survey',
        key,
      ]);
    else if (!(Number.isInteger(v) && v >= 0))
      pushIssue(
        issues,
        org,
        index,
        'nok-invalid-count',
        `${key} must be a non-negative integer, got ${v}`,
        ['survey', key],
      );
  }
  const shareParts = plan.shareParts;
  for (let i = 0; i < shareParts.length; i++) {
    const part = shareParts[i]!;
    const n = values[plan.shareAt[2 * i]!];
    const d = values[plan.shareAt[2 * i + 1]!];
    if (n !== undefined && d !== undefined && n > d) {
      pushIssue(
        issues,
        org,
        index,
        'nok-count-exceeds-denominator',
        `${part.numerator} (${n}) exceeds ${part.denominator} (${d})`,
        ['survey', part.numerator],
      );
    }
  }
  // NOK_COUNT_KEYS are the first values read.
  const respondents = values[plan.respondentsAt];
  if (!Number.isFinite(respondents)) return;
  for (let k = 0; k < NOK_COUNT_KEYS.length; k++) {
    const key = NOK_COUNT_KEYS[k]!;
    const v = values[k];
    if (v !== undefined && v > respondents!) {
      pushIssue(
        issues,
        org,
        index,
        'nok-count-exceeds-denominator',
        `${key} (${v}) exceeds respondents (${respondents})`,
        ['survey', key],
      );
    }
  }
}

/** The present items of an organisation's lists as sets, built by {@link validate}. */
interface AuditSets {
  readonly stands: ReadonlySet<string>;
  readonly site: ReadonlySet<string>;
  readonly lists: ReadonlyMap<string, ReadonlySet<string>>;
}

function validate(
  org: NokOrganisation,
  index: number,
  plan: ProfilePlan,
  values: ArrayLike<number | undefined>,
  issues: Issue[],
): AuditSets {
  const push = (code: string, message: string, ...path: (string | number)[]): void => {
    pushIssue(issues, org, index, code, message, path);
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
  checkRecipients(org, index, issues);
  const lists = new Map<string, ReadonlySet<string>>();
  for (const c of plan.criteria) {
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
  checkCounts(org, index, plan, values, issues);
  return { stands: sides.stands, site: sides.site, lists };
}

/** {@link AuditMatch} from the sets of {@link validate}, for an audit the fast path could not match. */
function matchFromSets(audit: NokAudit, plan: ProfilePlan, sets: AuditSets, out: AuditMatch): void {
  for (const side of ['stands', 'site'] as const) {
    const required = audit[side].required;
    const present = sets[side];
    const missing = required.filter((item) => !present.has(item));
    const half = out[side];
    half.d = required.length;
    half.n = required.length - missing.length;
    half.missing = missing;
  }
  for (const p of plan.points) {
    if (p.source.kind !== 'points') continue;
    const present = sets.lists.get(p.source.list) ?? new Set(audit[p.source.list]);
    const items = catalogueOf(p.source.catalogue).ids;
    out.have[p.slot] = items.filter((id) => present.has(id));
    out.missing[p.slot] = items.filter((id) => !present.has(id));
  }
}

// ---------------------------------------------------------------------------
// Scoring.

interface Scored {
  readonly indicators: Record<string, NokIndicatorResult>;
  readonly criteria: Record<NokCriterionId, NokCriterionResult>;
  readonly total: NokTotal;
  readonly policies: NokPolicyNote[];
  readonly shortfalls: NokShortfall[];
  /** The criteria none of whose parts has data (every denominator empty), in profile order. */
  readonly withoutData: NokCriterionId[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The reusable state of the scoring: the parts of the criterion at hand while
 * its weights are not yet known, and the organisation's shortfalls while the
 * number of applicable criteria (their divisor) is not.
 */
interface PartScratch {
  /** By part of the criterion: the part, what fixing it adds to its indicator, and what to fix. */
  readonly part: NokPart[];
  readonly gain: Float64Array;
  /** 1: items missing (`missing`); 2: respondents not satisfied (`notSatisfied`); 0: neither. */
  readonly kind: Uint8Array;
  readonly missing: (readonly string[] | undefined)[];
  // Plain arrays: counts stay small integers (a Float64Array would make them doubles in the result).
  readonly notSatisfied: number[];
  /** By indicator of the criterion: its value and its parts. */
  readonly indicatorValues: (number | null)[];
  readonly partsOf: NokPart[][];
  /** By criterion: its result; by indicator, in profile order: its result. */
  readonly criteria: NokCriterionResult[];
  readonly results: NokIndicatorResult[];
  /**
   * By shortfall found: where it is, what is missing or how many are not
   * satisfied of how many asked, its indicator points, and those points ×
   * the indicator's effective weight; then the order to list them in.
   */
  readonly indicator: string[];
  readonly criterion: NokCriterionId[];
  readonly partId: string[];
  readonly found: (readonly string[] | undefined)[];
  readonly notSatisfiedOf: number[];
  readonly asked: number[];
  readonly points: Float64Array;
  readonly weighted: Float64Array;
  readonly order: Int32Array;
}

/** Scratch for profiles of up to `size` parts in all. */
function partScratch(size: number): PartScratch {
  return {
    part: [],
    gain: new Float64Array(size),
    kind: new Uint8Array(size),
    missing: [],
    notSatisfied: [],
    indicatorValues: [],
    partsOf: [],
    criteria: [],
    results: [],
    indicator: [],
    criterion: [],
    partId: [],
    found: [],
    notSatisfiedOf: [],
    asked: [],
    points: new Float64Array(size),
    weighted: new Float64Array(size),
    order: new Int32Array(size),
  };
}

/**
 * An indicator result. Those with a value are whole literals; the others
 * (not applicable, value `null`) are built field by field, which gives them
 * another hidden class: V8 then keeps `value` a number field in the literal's
 * class, stored with the object, rather than a pointer to a number stored
 * apart (same fields, same order either way).
 */
function indicatorResult(
  id: string,
  criterion: NokCriterionId,
  weight: number,
  effectiveWeight: number,
  value: number | null,
  parts: readonly NokPart[],
  present: readonly string[] | undefined,
  missing: readonly string[] | undefined,
): NokIndicatorResult {
  if (value !== null) {
    return present === undefined || missing === undefined
      ? { id, criterion, weight, effectiveWeight, value, parts }
      : { id, criterion, weight, effectiveWeight, value, parts, present, missing };
  }
  const result = {} as Mutable<NokIndicatorResult>;
  result.id = id;
  result.criterion = criterion;
  result.weight = weight;
  result.effectiveWeight = effectiveWeight;
  result.value = null;
  result.parts = parts;
  if (present !== undefined && missing !== undefined) {
    result.present = present;
    result.missing = missing;
  }
  return result;
}

/** A criterion result; one without a value is built field by field, as in {@link indicatorResult}. */
function criterionResult(
  id: NokCriterionId,
  value: number | null,
  numerator: number,
  denominator: number,
): NokCriterionResult {
  if (value !== null) {
    // Computed before the literal: a call inside it kept V8 from allocating it with the rest of the result.
    const display = formatHalfUp(value, 2);
    return { id, value, numerator, denominator, display };
  }
  const result = {} as Mutable<NokCriterionResult>;
  result.id = id;
  result.value = null;
  result.numerator = numerator;
  result.denominator = denominator;
  result.display = '—';
  return result;
}

/** A part whose denominator is 0, scored by the policy, with its note. */
function emptyPart(
  notes: NokPolicyNote[],
  ind: IndicatorPlan,
  i: number,
  id: string,
  numerator: number,
  policy: NokEmptyDenominatorPolicy,
): NokPart {
  notes.push({ where: ind.emptyWhere[i]!, policy, message: ind.emptyMessage[i]! });
  return {
    id,
    numerator,
    denominator: 0,
    value: policy === 'redistribute' ? null : policy,
    policy,
  };
}

/** `count` parts from `first`, as an array literal when short (a literal can be allocated where the result lives). */
function partsArray(part: readonly NokPart[], first: number, count: number): NokPart[] {
  if (count === 1) return [part[first]!];
  if (count === 2) return [part[first]!, part[first + 1]!];
  return part.slice(first, first + count);
}

function scoreOrganisation(
  plan: ProfilePlan,
  audit: AuditMatch,
  values: ArrayLike<number | undefined>,
  policy: NokEmptyDenominatorPolicy,
  operator: boolean,
  t: PartScratch,
): Scored {
  const notes: NokPolicyNote[] = [];
  const withoutData: NokCriterionId[] = [];
  // The indicator results in profile order, made a record at the end.
  let at = 0;
  const { part, gain, kind, indicatorValues, partsOf } = t;
  let found = 0;
  // Sums run in the profile's order, as the criterion and total formulas read.
  let sum = 0;
  let n = 0;
  const criteriaPlan = plan.criteria;
  for (let ci = 0; ci < criteriaPlan.length; ci++) {
    const c = criteriaPlan[ci]!;
    let num = 0;
    let den = 0;
    let slot = 0;
    // Whether any part of the criterion has a non-empty denominator.
    let hasData = false;
    const list = c.indicators;
    for (let k = 0; k < list.length; k++) {
      const ind = list[k]!;
      const source = ind.source;
      const first = slot;
      if (source.kind === 'documents') {
        for (let i = 0; i < 2; i++) {
          const id = i === 0 ? 'stands' : 'site';
          const half = i === 0 ? audit.stands : audit.site;
          if (half.d === 0) {
            part[slot] = emptyPart(notes, ind, i, id, half.n, policy);
            gain[slot] = 0;
            kind[slot++] = 0;
            continue;
          }
          hasData = true;
          const value = (100 * half.n) / half.d;
          part[slot] = { id, numerator: half.n, denominator: half.d, value };
          gain[slot] = 100 - value;
          kind[slot] = 1;
          t.missing[slot++] = half.missing;
        }
      } else if (source.kind === 'points') {
        hasData = true;
        const raw = audit.have[ind.slot]!.length * source.pointsPerItem;
        const value = Math.min(100, raw);
        part[slot] = { id: source.list, numerator: raw, denominator: 100, value };
        gain[slot] = Math.max(0, ind.best - value);
        kind[slot] = 1;
        t.missing[slot++] = audit.missing[ind.slot];
      } else {
        const shares = source.parts;
        for (let i = 0; i < shares.length; i++) {
          const share = shares[i]!;
          const sn = values[ind.shareAt[2 * i]!] ?? 0;
          const sd = values[ind.shareAt[2 * i + 1]!] ?? 0;
          if (sd === 0) {
            part[slot] = emptyPart(notes, ind, i, share.id, sn, policy);
            gain[slot] = 0;
            kind[slot++] = 0;
            continue;
          }
          hasData = true;
          const value = (100 * sn) / sd;
          part[slot] = { id: share.id, numerator: sn, denominator: sd, value };
          gain[slot] = 100 - value;
          kind[slot] = 2;
          t.notSatisfied[slot++] = sd - sn;
        }
      }
      let partSum = 0;
      let partCount = 0;
      for (let s = first; s < slot; s++) {
        const v = part[s]!.value;
        if (v !== null) {
          partSum += v;
          partCount++;
        }
      }
      // A part's gain counts 1/(applicable parts) of the indicator.
      for (let s = first; s < slot; s++) {
        gain[s] = part[s]!.value === null ? 0 : gain[s]! / partCount;
      }
      const raw = partSum / partCount;
      const value = partCount === 0 ? null : operator ? roundHalfUpNumber(raw, 2) : raw;
      if (value !== null) {
        num += ind.weight * value;
        den += ind.weight;
      }
      indicatorValues[k] = value;
      partsOf[k] = partsArray(part, first, slot - first);
    }
    for (let k = 0, slot = 0; k < list.length; k++) {
      const ind = list[k]!;
      const value = indicatorValues[k]!;
      const parts = partsOf[k]!;
      const effectiveWeight = value === null || den === 0 ? 0 : ind.weight / den;
      t.results[at++] = indicatorResult(
        ind.id,
        c.id,
        ind.weight,
        effectiveWeight,
        value,
        parts,
        ind.slot >= 0 ? audit.have[ind.slot] : undefined,
        ind.slot >= 0 ? audit.missing[ind.slot] : undefined,
      );
      const first = slot;
      slot += parts.length;
      if (value === null) {
        if (parts.length > 1) notes.push({ where: ind.id, policy, message: ind.notApplicable });
        continue;
      }
      for (let s = first; s < slot; s++) {
        const g = gain[s]!;
        if (g <= 1e-12) continue;
        const p = part[s]!;
        if (kind[s] === 1) {
          const missing = t.missing[s]!;
          if (missing.length === 0) continue;
          t.found[found] = missing;
        } else if (kind[s] === 2 && t.notSatisfied[s]! > 0) {
          t.found[found] = undefined;
          t.notSatisfiedOf[found] = t.notSatisfied[s]!;
          t.asked[found] = p.denominator;
        } else {
          continue;
        }
        // Copied out of the part slots, which the next criterion reuses.
        t.indicator[found] = ind.id;
        t.criterion[found] = c.id;
        t.partId[found] = p.id;
        t.points[found] = g;
        // Divided by the number of applicable criteria once S is known.
        t.weighted[found++] = g * effectiveWeight;
      }
    }
    if (!hasData) withoutData.push(c.id);
    const raw = num / den;
    const value = den === 0 ? null : operator ? roundHalfUpNumber(raw, 2) : raw;
    if (value === null) {
      notes.push({ where: c.id, policy, message: c.noIndicator });
    } else {
      sum += value;
      n++;
    }
    t.criteria[ci] = criterionResult(c.id, value, num, den);
  }
  let indicators: Record<string, NokIndicatorResult>;
  if (plan.indicatorRecord !== undefined) {
    indicators = plan.indicatorRecord(t.results);
  } else {
    indicators = {};
    const ids = plan.indicatorIds;
    for (let i = 0; i < ids.length; i++) indicators[ids[i]!] = t.results[i]!;
  }
  const k = t.criteria;
  let criteria: Record<NokCriterionId, NokCriterionResult>;
  if (plan.standard) {
    criteria = { K1: k[0]!, K2: k[1]!, K3: k[2]!, K4: k[3]!, K5: k[4]! };
  } else {
    criteria = {} as Record<NokCriterionId, NokCriterionResult>;
    for (let ci = 0; ci < criteriaPlan.length; ci++) criteria[criteriaPlan[ci]!.id] = k[ci]!;
  }
  // K1 always applies (П1.2 is scored from the audit alone), so n ≥ 1.
  const totalValue = operator ? roundHalfUpNumber(sum / n, 2) : sum / n;
  const total: NokTotal = {
    value: totalValue,
    numerator: sum,
    denominator: n,
    display: formatHalfUp(totalValue, 2),
  };
  // Most points first; ties keep the profile's order (a stable insertion sort).
  const { weighted, order } = t;
  for (let i = 0; i < found; i++) {
    const points = weighted[i]! / n;
    weighted[i] = points;
    let j = i;
    while (j > 0 && weighted[order[j - 1]!]! < points) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  const shortfalls = new Array<NokShortfall>(found);
  for (let i = 0; i < found; i++) {
    const f = order[i]!;
    const missing = t.found[f];
    if (missing !== undefined) {
      shortfalls[i] = {
        kind: 'missing-items',
        indicator: t.indicator[f]!,
        criterion: t.criterion[f]!,
        part: t.partId[f]!,
        missing,
        indicatorPoints: t.points[f]!,
        totalPoints: weighted[f]!,
      };
    } else {
      const notSatisfied = t.notSatisfiedOf[f]!;
      const asked = t.asked[f]!;
      shortfalls[i] = {
        kind: 'not-satisfied',
        indicator: t.indicator[f]!,
        criterion: t.criterion[f]!,
        part: t.partId[f]!,
        notSatisfied,
        asked,
        shareNotSatisfied: notSatisfied / asked,
        indicatorPoints: t.points[f]!,
        totalPoints: weighted[f]!,
      };
    }
  }
  return { indicators, criteria, total, policies: notes, shortfalls, withoutData };
}

/**
 * The result of one organisation, its optional fields in their place. The
 * usual shapes (municipality, founder and type given, with or without a name,
 * no bands) are single literals; any other is built field by field.
 */
function organisationResult(
  org: NokOrganisation,
  sector: NokSector,
  counts: NokSurveyCounts,
  s: Scored,
  band: string | undefined,
): Mutable<NokOrganisationResult> {
  const { id, name, municipality, founder, type } = org;
  const respondents = counts.respondents;
  const { indicators, criteria, total, policies, shortfalls } = s;
  const criteriaWithoutData = s.withoutData;
  if (criteriaWithoutData.length > 0) {
    // Rare: the fast shapes below are for complete assessments.
    const result = organisationFields(org, sector, counts, s, band);
    result.incomplete = true;
    result.incompleteReason = incompleteReason(criteriaWithoutData, respondents);
    return result;
  }
  if (
    band === undefined &&
    municipality !== undefined &&
    founder !== undefined &&
    type !== undefined
  ) {
    return name === undefined
      ? {
          id,
          municipality,
          founder,
          type,
          sector,
          respondents,
          counts,
          indicators,
          criteria,
          total,
          rank: null,
          incomplete: false,
          criteriaWithoutData,
          policies,
          shortfalls,
        }
      : {
          id,
          name,
          municipality,
          founder,
          type,
          sector,
          respondents,
          counts,
          indicators,
          criteria,
          total,
          rank: null,
          incomplete: false,
          criteriaWithoutData,
          policies,
          shortfalls,
        };
  }
  return organisationFields(org, sector, counts, s, band);
}

/** {@link organisationResult} field by field, complete until marked otherwise. */
function organisationFields(
  org: NokOrganisation,
  sector: NokSector,
  counts: NokSurveyCounts,
  s: Scored,
  band: string | undefined,
): Mutable<NokOrganisationResult> {
  const { id, name, municipality, founder, type } = org;
  const { indicators, criteria, total, policies, shortfalls } = s;
  const result = { id } as Mutable<NokOrganisationResult>;
  if (name !== undefined) result.name = name;
  if (municipality !== undefined) result.municipality = municipality;
  if (founder !== undefined) result.founder = founder;
  if (type !== undefined) result.type = type;
  result.sector = sector;
  result.respondents = counts.respondents;
  result.counts = counts;
  result.indicators = indicators;
  result.criteria = criteria;
  result.total = total;
  result.rank = null;
  result.incomplete = false;
  result.criteriaWithoutData = s.withoutData;
  if (band !== undefined) result.band = band;
  result.policies = policies;
  result.shortfalls = shortfalls;
  return result;
}

/** Why an assessment with criteria without data is incomplete (no personal data: ids only). */
function incompleteReason(withoutData: readonly NokCriterionId[], respondents: number): string {
  const which = withoutData.join(', ');
  const verb = withoutData.length === 1 ? 'has' : 'have';
  const cause = respondents === 0 ? ' (no survey respondents)' : '';
  return `${which} ${verb} no data${cause}: S would rest on fewer than five measured criteria, so the organisation is not ranked and not in the group means`;
}

/**
 * The issues in input order: for each organisation, that its id repeats an
 * earlier one, then the problems of its audit and counts.
 */
function issuesInOrder(
  list: readonly NokOrganisation[],
  issues: readonly Issue[],
  issueStart: Int32Array,
): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (let index = 0; index < list.length; index++) {
    const id = list[index]!.id;
    if (seen.has(id)) {
      out.push({
        code: 'nok-duplicate-organisation',
        message: `organisation ${id} is listed twice`,
        path: ['organisations', index, 'id'],
      });
    }
    seen.add(id);
    for (let i = issueStart[index]!; i < issueStart[index + 1]!; i++) out.push(issues[i]!);
  }
  return out;
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

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
 * Incomplete assessments: a criterion none of whose parts has data (every
 * denominator empty; K4 and K5 when the survey has no respondents for the
 * organisation) follows the empty-denominator policy like any empty part,
 * but S then rests on fewer than five measured criteria. Such an
 * organisation is marked `incomplete` with a reason, gets no rank and no
 * band, is left out of the ranking and of every group mean, and is listed in
 * `unranked` (and in a `nok-incomplete-organisation` warning).
 *
 * Rounding `full` keeps full precision and rounds half-up on the decimal value
 * only in `display` (86.005 shows 86.01); `operator` rounds every П, K and S
 * to 2 decimals at each step. Shortfalls are computed on the values as
 * scored. Ranking ties: totals equal to 2 decimals share the best rank.
 *
 * @param input - the organisations with their audits and survey counts, and optionally responses
 * @param options - sector, profiles, policies, bands, sample rule
 * @returns the result per organisation, the ranking, the group means and the warnings
 * @throws `EduQualityError` `invalid-argument` naming the option path for an unknown option key or an invalid option value (`options.rounding`, `options.bands.0.min`, `options.profiles.educaton`); `insufficient-data` when there is no organisation; `invalid-input` with issues for invalid audits or counts (unknown or duplicate items, missing or inconsistent counts, duplicate organisation ids); `invalid-argument` for an invalid profile, policy, or criterion weights
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
  checkAssessmentOptions(FN, options);
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

  // Profiles, catalogues and the lists of required materials are resolved
  // once per call; per organisation only its own lists and counts are read.
  const plans = new Map<NokProfile, ProfilePlan>();
  const catalogues = new Map<object, Reference>();
  const scratch: Scratch = {
    audit: {
      stands: { n: 0, d: 0, missing: [] },
      site: { n: 0, d: 0, missing: [] },
      have: [],
      missing: [],
    },
    match: { have: [], haveCount: 0, missing: [], missingCount: 0 },
    required: { stands: [], site: [] },
  };
  let parts = partScratch(0);
  const countBuffers: CountBuffers = { numbers: new Int32Array(0), values: [] };
  const operator = rounding === 'operator';
  const bands = options.bands;

  // Each organisation is validated, then scored while no problem has been
  // found; after the first problem the rest are only validated, so that the
  // error lists every problem.
  const issues: Issue[] = [];
  // Where each organisation's issues start, to list them with the duplicate ids (found later).
  const issueStart = new Int32Array(input.organisations.length + 1);
  let matched = 0;
  const noRespondents: Issue[] = [];
  const sampleEntries: NokSampleEntry[] = [];
  const organisations: Mutable<NokOrganisationResult>[] = [];
  const unranked: NokUnrankedEntry[] = [];
  const list = input.organisations;
  // The scores that the ranking and the group means read, by position.
  const table = emptyScoreTable(list.length);
  for (let index = 0; index < list.length; index++) {
    const org = list[index]!;
    issueStart[index] = issues.length;
    const sector = org.sector ?? defaultSector;
    const profile = profileOf(sector);
    let plan = plans.get(profile);
    if (plan === undefined) {
      plan = planProfile(profile, policy, catalogues);
      plans.set(profile, plan);
      if (plan.partCount > parts.gain.length) parts = partScratch(plan.partCount);
    }
    const fromResponses = surveyCounts.get(org.id);
    if (fromResponses !== undefined) matched++;
    let counts = org.survey ?? fromResponses ?? emptyCounts();
    if (org.survey !== undefined && fromResponses !== undefined)
      counts = addCounts(org.survey, fromResponses);
    const values = readCounts(plan, counts, countBuffers);
    if (counts === fromResponses && values === countBuffers.numbers) {
      counts = compactCounts(counts, countBuffers.numbers);
    }
    if (auditFast(org.audit, plan, scratch)) {
      checkRecipients(org, index, issues);
      checkCounts(org, index, plan, values, issues);
    } else {
      const before = issues.length;
      const sets = validate(org, index, plan, values, issues);
      if (issues.length === before) matchFromSets(org.audit, plan, sets, scratch.audit);
    }
    if (issues.length > 0) continue;

    if (counts.respondents === 0) {
      noRespondents.push({
        code: 'nok-no-respondents',
        message: `${org.id}: no survey respondents`,
        path: [org.id],
      });
    }
    if (org.recipients !== undefined) {
      sampleEntries.push({
        id: org.id,
        recipients: org.recipients,
        respondents: counts.respondents,
      });
    }
    const s = scoreOrganisation(plan, scratch.audit, values, policy, operator, parts);
    // An incomplete assessment gets no band: its S is not comparable.
    const band =
      bands === undefined || s.withoutData.length > 0 ? undefined : nokBand(s.total.value, bands);
    const at = organisations.push(organisationResult(org, sector, counts, s, band)) - 1;
    if (s.withoutData.length > 0) {
      const result = organisations[at]!;
      unranked.push({
        id: org.id,
        criteriaWithoutData: s.withoutData,
        reason: result.incompleteReason!,
      });
      warnings.push({
        code: 'nok-incomplete-organisation',
        message: `${org.id}: ${result.incompleteReason!}`,
        path: [org.id],
      });
    }
    const k = s.criteria;
    setScores(table, at, org.id, k.K1.value, k.K2.value, k.K3.value, k.K4.value, k.K5.value);
    table.totals[at] = s.total.value;
    table.displays[at] = s.total.display;
    table.municipality[at] = org.municipality ?? null;
    table.founder[at] = org.founder ?? null;
    table.type[at] = org.type ?? null;
  }
  issueStart[list.length] = issues.length;
  // Duplicate ids show as neighbours in the id order that the group means use.
  const sorted = issues.length === 0 ? orderById(table.ids) : [];
  let duplicate = false;
  for (let i = 1; i < sorted.length && !duplicate; i++) {
    duplicate = table.ids[sorted[i]!] === table.ids[sorted[i - 1]!];
  }
  if (issues.length > 0 || duplicate) {
    const all = issuesInOrder(list, issues, issueStart);
    throw new EduQualityError(
      'invalid-input',
      `${FN}: ${all.length} problem(s) in the audits or survey counts`,
      { issues: all },
    );
  }
  // Every counted organisation has an audit unless fewer were matched than counted.
  const ids = matched === surveyCounts.size ? undefined : new Set(table.ids);
  for (const [id, counts] of ids === undefined ? [] : surveyCounts) {
    if (!ids!.has(id) && counts.respondents > 0) {
      warnings.push({
        code: 'nok-unknown-organisation',
        message: `${counts.respondents} response(s) name organisation "${id}", which has no audit; they are not scored`,
        path: [id],
      });
    }
  }
  for (const w of noRespondents) warnings.push(w);
  for (const w of nokSampleSizeWarnings(sampleEntries, options.sampleSize ?? {})) warnings.push(w);

  // Competition ranking on the total as shown (2 decimals): equal shown totals
  // share a rank. Incomplete organisations are neither ranked nor averaged.
  const count = organisations.length;
  const shown = new Float64Array(count);
  const order: number[] = [];
  const rankIds = table.ids;
  for (let i = 0; i < count; i++) {
    shown[i] = roundHalfUpNumber(table.totals[i]!, 2);
    if (!organisations[i]!.incomplete) order.push(i);
  }
  const byId = unranked.length === 0 ? sorted : sorted.filter((i) => !organisations[i]!.incomplete);
  // Returns -1, 0 or 1 rather than the difference, which V8 would box as a number per comparison.
  order.sort((a, b) => {
    const x = shown[a]!;
    const y = shown[b]!;
    return x < y ? 1 : x > y ? -1 : compareIds(rankIds[a]!, rankIds[b]!);
  });
  const ranking: NokRankEntry[] = [];
  for (let i = 0; i < order.length; i++) {
    const o = order[i]!;
    const rank = i > 0 && shown[order[i - 1]!] === shown[o] ? ranking[i - 1]!.rank : i + 1;
    ranking.push({ rank, id: rankIds[o]!, total: table.totals[o]!, display: table.displays[o]! });
    organisations[o]!.rank = rank;
  }

  const aggregateOptions = {
    rounding,
    ...(bands === undefined ? {} : { bands }),
  };
  return {
    organisations,
    ranking,
    unranked,
    overall: aggregateScoreTable(table, byId, aggregateOptions)[0] ?? null,
    byMunicipality: aggregateScoreTable(table, byId, { ...aggregateOptions, by: 'municipality' }),
    byFounder: aggregateScoreTable(table, byId, { ...aggregateOptions, by: 'founder' }),
    byType: aggregateScoreTable(table, byId, { ...aggregateOptions, by: 'type' }),
    warnings,
    policy: { emptyDenominator: policy, rounding },
  };
}
