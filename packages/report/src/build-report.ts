import { EduQualityError, checkOptions, localize, type OptionShape } from '@edu-quality/core';
import {
  compareWaves,
  cronbachAlpha,
  importancePerformance,
  marginOfError,
  netPromoterScore,
  protectedBreakdowns,
  satisfactionIndex,
  type BreakdownResult,
  type CompareWavesResult,
  type CronbachAlphaResult,
  type ImportancePerformanceResult,
  type IndexWeighting,
  type IpaPoint,
  type NetPromoterScoreResult,
  type SatisfactionIndexOptions,
  type SatisfactionIndexResult,
} from '@edu-quality/index';
import type { Item, Questionnaire, ResponseSet, ScaleColumn } from '@edu-quality/questionnaire';
import { satisfactionSections, type SectionContext } from './internal/satisfaction-sections.js';
import { ValueStore } from './internal/bind.js';
import { message } from './internal/messages.js';
import type { RedactTextOptions } from './redact-text.js';
import type { ReportDocument, ReportMeta, SatisfactionReportResults } from './report-document.js';

/** Options of {@link buildReport}. */
export interface BuildReportOptions {
  /** The locale of the report: lt, en or ru (others get English labels). Default: the questionnaire's default locale. */
  readonly locale?: string;
  /** The confidence level of every interval and the significance level 1 − level of tests; default 0.95. */
  readonly level?: number;
  /** The interval of the overall index: `'delta-t'` (default), `'delta-z'` or `'bootstrap'`. */
  readonly interval?: 'delta-t' | 'delta-z' | 'bootstrap';
  /** Bootstrap settings, when `interval` is `'bootstrap'`. */
  readonly bootstrap?: {
    readonly replicates?: number;
    readonly seed?: number;
    readonly onProgress?: (done: number, total: number) => void;
  };
  /** Groups with fewer respondents are suppressed; default 5. */
  readonly minGroupSize?: number;
  /** Item weights of the index; default `'equal'`. */
  readonly weighting?: IndexWeighting;
  /** A target score (0–100): items below it get a recommendation. Default: none. */
  readonly target?: number;
  /** The number of service recipients, for the response rate and the finite-population margin of error. */
  readonly populationSize?: number;
  /** The previous wave: its responses (scored with the same options) or its index result. */
  readonly previous?: ResponseSet | SatisfactionIndexResult;
  /** Redact e-mails, phones, personal codes and person names from open text: `true` (default), `false`, or what to redact. */
  readonly redact?: boolean | Omit<RedactTextOptions, 'replacement'>;
  /** At most this many answers are shown per open question; default 50. */
  readonly maxOpenAnswers?: number;
  /** The segment field of institutions; default `institution` if the data have it; `false` for none. */
  readonly institutionField?: string | false;
  /** The segment field of respondent groups; default `group` if the data have it; `false` for none. */
  readonly groupField?: string | false;
  /** Display names of segment codes, for example `{ 'inst-01': 'Trakų gimnazija' }`. */
  readonly labels?: Readonly<Record<string, string>>;
  /** The title; default a localised "consumer satisfaction index study report". */
  readonly title?: string;
  /** The organisation that publishes the report. */
  readonly organisation?: string;
  /** The period of the study, as text. */
  readonly period?: string;
  /** When the report is generated (ISO 8601), passed in: the builder reads no clock. */
  readonly generatedAt?: string;
}

/**
 * Results the caller has already computed (with `@edu-quality/index`), so that
 * the report publishes exactly them and computes none of them again.
 */
export interface BuildReportResults {
  /** The overall index (its items, weights, interval and level are the caller's). */
  readonly index: SatisfactionIndexResult;
  /**
   * The NPS of all respondents; `null` for none. Omitted: computed from the item
   * with role `recommend`, if any.
   */
  readonly nps?: NetPromoterScoreResult | null;
  /**
   * The breakdowns to publish. The one by the institution field alone is the
   * institutions section, the one by the group field alone the groups section,
   * every other one a section of its own. Omitted: by institution and by group.
   * Given: only these (an empty list publishes no breakdown).
   */
  readonly breakdowns?: readonly BreakdownResult[];
}

/** The input of {@link buildReport}. */
export interface BuildReportInput {
  /** The questionnaire: item texts, scales, dimensions and roles. */
  readonly questionnaire: Questionnaire;
  /** The responses, as read by `readResponses`. */
  readonly responses: ResponseSet;
  /** Results already computed from `responses`, used as they are; default: computed here. */
  readonly results?: BuildReportResults;
  /** The options. */
  readonly options?: BuildReportOptions;
}

const RESULT_KEYS: ReadonlySet<string> = new Set(['index', 'nps', 'breakdowns']);

function checkResults(results: BuildReportResults | undefined): void {
  if (results === undefined) return;
  const bad = (path: string, what: string): never => {
    throw new EduQualityError('invalid-argument', `buildReport: results.${path} ${what}`);
  };
  if (typeof results !== 'object' || results === null) bad('', 'must be an object');
  for (const key of Object.keys(results)) {
    if (!RESULT_KEYS.has(key)) bad(key, 'is not an option (index, nps, breakdowns)');
  }
  if (typeof results.index !== 'object' || results.index === null || !('score' in results.index)) {
    bad('index', 'must be a satisfactionIndex result');
  }
  if (results.breakdowns !== undefined && !Array.isArray(results.breakdowns)) {
    bad('breakdowns', 'must be an array of breakdown results');
  }
}

function checkPopulation(population: number | undefined, responses: ResponseSet, n: number): void {
  if (population === undefined) return;
  if (!Number.isInteger(population) || population < 1) {
    throw new EduQualityError(
      'invalid-argument',
      `buildReport: options.populationSize must be a whole number ≥ 1, got ${population}`,
    );
  }
  // More responses than recipients would publish a response rate over 100 %.
  const responded = Math.max(responses.counts.accepted, n);
  if (population < responded) {
    throw new EduQualityError(
      'invalid-argument',
      `buildReport: options.populationSize (${population}) is smaller than the number of responses (${responded}): the response rate would exceed 100 %`,
    );
  }
}

function isSame(by: readonly string[], field: string | undefined): boolean {
  return field !== undefined && by.length === 1 && by[0] === field;
}

function segmentField(
  responses: ResponseSet,
  wanted: string | false | undefined,
  fallback: string,
): string | undefined {
  if (wanted === false) return undefined;
  const id = wanted ?? fallback;
  const column = responses.columns.get(id);
  if (column?.kind === 'category') return id;
  if (wanted !== undefined) {
    throw new EduQualityError(
      'invalid-argument',
      `buildReport: the responses have no single-choice field ${id}`,
    );
  }
  return undefined;
}

function tryResult<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch (error) {
    // Too little data for one statistic leaves its part of the report out; the
    // report says so. Any other error is a real failure.
    if (EduQualityError.isInstance(error) && error.code === 'insufficient-data') return undefined;
    throw error;
  }
}

function importanceOf(
  responses: ResponseSet,
  index: SatisfactionIndexResult,
  items: readonly Item[],
  level: number,
): SatisfactionReportResults['importance'] {
  const importanceItems = items.filter((i) => i.role === 'importance' && i.importanceOf);
  if (importanceItems.length > 0) {
    // Importance items may be paired by item or by dimension (the education
    // template pairs by dimension); the index's stated weights need one per item,
    // so the pairing is resolved here.
    const means = tryResult(() =>
      satisfactionIndex(responses, { items: importanceItems.map((i) => i.id), level }),
    );
    if (means !== undefined) {
      const byTarget = new Map<string, number>();
      importanceItems.forEach((imp, k) => {
        const mean = means.items[k]?.mean;
        if (mean !== null && mean !== undefined) byTarget.set(imp.importanceOf!, mean);
      });
      const out: Record<string, number> = {};
      for (const item of index.items) {
        const v =
          byTarget.get(item.id) ??
          (item.dimension === null ? undefined : byTarget.get(item.dimension));
        if (v !== undefined) out[item.id] = v;
      }
      if (Object.keys(out).length > 0) return { method: 'stated', items: out };
    }
  }
  if (!items.some((i) => i.role === 'overall')) return undefined;
  const derived = tryResult(() =>
    satisfactionIndex(responses, { weights: 'derived', level, interval: 'delta-z' }),
  );
  if (derived === undefined) return undefined;
  return { method: 'derived', items: { ...derived.weighting.itemWeights } };
}

/**
 * Builds the study report of a client-satisfaction survey: a document model
 * of ten sections whose numbers are bound to the index results.
 *
 * @remarks
 * The sections, in order: summary; methodology and sample; the index by
 * dimension and by item; institutions ranked; respondent groups; the
 * importance–performance analysis; change from the previous wave; NPS;
 * open-text answers; recommendations. Every section is present; one without
 * data says why. The numbers come from `@edu-quality/index`
 * (`satisfactionIndex`, `breakdown` with disclosure control,
 * `importancePerformance`, `compareWaves`, `netPromoterScore`,
 * `marginOfError`, `cronbachAlpha`), kept whole in `results`; text refers
 * to them through keyed {@link BoundValue}s, never typed in. Suppressed groups
 * carry no number anywhere in the document.
 *
 * Importance for the IPA is the mean of the paired importance item (by item,
 * or by dimension as in the education template); without importance items it
 * is the derived weight (correlation with the overall item). Open text is
 * redacted by {@link redactText} unless `redact: false`. Labels come from the
 * message tables of the locale; dimension names from the paired importance
 * item's text.
 *
 * Results the caller computed (`input.results`: the index, the NPS, the
 * breakdowns) are published as they are and not computed again, so a report
 * and the caller's other outputs show the same numbers. A study whose index has
 * fewer respondents than `minGroupSize` is not published: the document is of
 * kind `withheld`, one section that says so and no number.
 *
 * @param input - the questionnaire, the responses, results already computed and the options
 * @returns the report document
 * @throws `EduQualityError` `invalid-argument` for a segment field the data lack, bad index options, an unknown key of `results`, or a `populationSize` smaller than the number of responses (a response rate over 100 %); `insufficient-data` when no index item was answered or there are fewer than 2 rows
 *
 * @example
 * ```ts
 * import { educationSatisfactionQuestionnaire as questionnaire, generateResponses } from '@edu-quality/templates';
 * import { readResponsesSync } from '@edu-quality/questionnaire';
 * import { satisfactionIndex } from '@edu-quality/index';
 * const responses = readResponsesSync(questionnaire, generateResponses(questionnaire, { n: 300, seed: 1 }));
 * const report = buildReport({ questionnaire, responses, options: { locale: 'en', generatedAt: '2026-11-25' } });
 * report.sections.map((s) => s.id); // => ['summary', 'methodology', 'index', 'institutions', 'groups', 'ipa', 'change', 'nps', 'open-text', 'recommendations']
 * report.values['index.score']?.value === satisfactionIndex(responses).score; // => true
 * buildReport({ questionnaire, responses, options: { institutionField: 'nope' } }); // throws
 * ```
 */
// The keys and kinds buildReport knows: a typo (`minGroupSise`) or a wrong
// kind (`level: 95`) is an error naming the option, never a silent default.
const FIELD: OptionShape[string] = {
  type: 'union',
  of: [{ type: 'string' }, { type: 'literal', values: [false] }],
};
const INPUT_SHAPE: OptionShape = {
  questionnaire: { type: 'unknown' },
  responses: { type: 'unknown' },
  results: { type: 'unknown' },
  options: { type: 'unknown' },
};
const OPTIONS_SHAPE: OptionShape = {
  locale: { type: 'string' },
  level: { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true },
  interval: { type: 'literal', values: ['delta-t', 'delta-z', 'bootstrap'] },
  bootstrap: {
    type: 'object',
    shape: {
      replicates: { type: 'number', integer: true, min: 1 },
      seed: { type: 'number' },
      onProgress: { type: 'function' },
    },
  },
  minGroupSize: { type: 'number', integer: true, min: 1 },
  weighting: { type: 'unknown' },
  target: { type: 'number', min: 0, max: 100 },
  populationSize: { type: 'number', integer: true, min: 1 },
  previous: { type: 'unknown' },
  redact: { type: 'unknown' },
  maxOpenAnswers: { type: 'number', integer: true, min: 0 },
  institutionField: FIELD,
  groupField: FIELD,
  labels: { type: 'record', value: { type: 'string' } },
  title: { type: 'string' },
  organisation: { type: 'string' },
  period: { type: 'string' },
  generatedAt: { type: 'string' },
};

export function buildReport(input: BuildReportInput): ReportDocument {
  checkOptions('buildReport', input, INPUT_SHAPE, 'input');
  checkOptions('buildReport', input.options, OPTIONS_SHAPE);
  const { questionnaire, responses } = input;
  const options = input.options ?? {};
  const locale = options.locale ?? questionnaire.defaultLocale;
  const level = options.level ?? 0.95;
  const minGroupSize = options.minGroupSize ?? 5;
  const weighting = options.weighting ?? 'equal';
  const indexOptions: SatisfactionIndexOptions = {
    weights: weighting,
    level,
    interval: options.interval ?? 'delta-t',
    ...(options.bootstrap === undefined ? {} : { bootstrap: options.bootstrap }),
  };
  checkResults(input.results);
  const given = input.results;
  const index = given?.index ?? satisfactionIndex(responses, indexOptions);
  checkPopulation(options.populationSize, responses, index.n);
  if (index.n < minGroupSize) return withheldReport(locale, minGroupSize, options);
  const items = responses.items;

  // The tables the report publishes, and the total beside them, under one
  // suppression pattern: no hidden group can be recovered by subtracting one
  // table's published cells from another's.
  const ownBreakdowns = (fields: readonly (string | undefined)[]): readonly BreakdownResult[] => {
    const tables = [...new Set(fields.filter((f): f is string => f !== undefined))].map((f) => [f]);
    if (tables.length === 0) return [];
    return (
      tryResult(
        () =>
          protectedBreakdowns(responses, {
            tables,
            minGroupSize,
            weights: weighting,
            level,
            interval: options.interval === 'delta-z' ? 'delta-z' : 'delta-t',
          }).tables,
      ) ?? []
    );
  };
  const institutionField = segmentField(responses, options.institutionField, 'institution');
  const groupField = segmentField(responses, options.groupField, 'group');
  const givenBreakdowns = given?.breakdowns ?? ownBreakdowns([institutionField, groupField]);
  const institutions = givenBreakdowns.find((b) => isSame(b.by, institutionField));
  const groups = givenBreakdowns.find((b) => isSame(b.by, groupField));
  const otherBreakdowns = givenBreakdowns.filter((b) => b !== institutions && b !== groups);

  const importance = importanceOf(responses, index, items, level);
  let ipa: ImportancePerformanceResult | undefined;
  if (importance !== undefined) {
    const points: IpaPoint[] = index.items.flatMap((i) => {
      const imp = importance.items[i.id];
      return i.score === null || imp === undefined
        ? []
        : [{ id: i.id, importance: imp, performance: i.score }];
    });
    if (points.length > 0) ipa = importancePerformance(points);
  }

  let nps: NetPromoterScoreResult | undefined;
  if (given?.nps !== undefined) {
    nps = given.nps ?? undefined;
  } else {
    const recommendItem = items.find((i) => i.role === 'recommend' && i.kind === 'nps');
    const recommendColumn = recommendItem && responses.columns.get(recommendItem.id);
    if (recommendColumn?.kind === 'scale') {
      nps = tryResult(() =>
        netPromoterScore(recommendColumn, {
          level,
          ...(responses.weights === undefined ? {} : { weights: responses.weights }),
        }),
      );
    }
  }

  let previous: SatisfactionIndexResult | undefined;
  let change: CompareWavesResult | undefined;
  let dimensionChanges: SatisfactionReportResults['dimensionChanges'];
  if (options.previous !== undefined) {
    const prev = options.previous;
    // The previous wave is scored on the same items as this one's index.
    previous =
      'kind' in prev
        ? prev
        : satisfactionIndex(prev, {
            ...indexOptions,
            ...(given === undefined ? {} : { items: index.items.map((i) => i.id) }),
          });
    change = compareWaves(previous, index, { level });
    const before = previous;
    dimensionChanges = index.dimensions.flatMap((d) => {
      const p = before.dimensions.find((x) => x.dimension === d.dimension);
      if (p === undefined) return [];
      // compareWaves reads an index's score and SE; a dimension sub-index is
      // compared as an index with its own score and delta-method SE.
      const c = compareWaves(
        { ...before, score: p.score, se: p.se },
        { ...index, score: d.score, se: d.se },
        { level },
      );
      return [{ dimension: d.dimension, previous: p.score, current: d.score, change: c }];
    });
  }

  const scaleColumns = index.items
    .map((i) => responses.columns.get(i.id))
    .filter((c): c is ScaleColumn => c?.kind === 'scale');
  const alpha: CronbachAlphaResult | undefined =
    scaleColumns.length >= 2
      ? tryResult(() =>
          cronbachAlpha(scaleColumns, {
            missing: 'pairwise',
            names: scaleColumns.map((c) => c.id),
          }),
        )
      : undefined;

  const population = options.populationSize;
  const moe = marginOfError({
    n: Math.max(1, index.n),
    level,
    ...(population !== undefined && population >= index.n ? { populationSize: population } : {}),
  });

  const results: SatisfactionReportResults = {
    index,
    ...(institutions === undefined ? {} : { institutions }),
    ...(groups === undefined ? {} : { groups }),
    ...(otherBreakdowns.length === 0 ? {} : { breakdowns: otherBreakdowns }),
    ...(ipa === undefined ? {} : { ipa }),
    ...(importance === undefined ? {} : { importance }),
    ...(nps === undefined ? {} : { nps }),
    ...(previous === undefined ? {} : { previous }),
    ...(change === undefined ? {} : { change }),
    ...(dimensionChanges === undefined ? {} : { dimensionChanges }),
    ...(alpha === undefined ? {} : { alpha }),
    marginOfError: moe,
  };

  const store = new ValueStore();
  const context: SectionContext = {
    locale,
    level,
    minGroupSize,
    questionnaire,
    responses,
    results,
    store,
    // Own labels only: a code such as `constructor` must not find Object.prototype's.
    segmentLabel: (code, fallback) =>
      (options.labels !== undefined && Object.hasOwn(options.labels, code)
        ? options.labels[code]
        : undefined) ??
      fallback ??
      code,
    hasLabel: (code) => options.labels !== undefined && Object.hasOwn(options.labels, code),
    itemLabel: (id) => {
      const item = items.find((i) => i.id === id);
      return item === undefined ? id : localize(item.text, locale);
    },
    ...(institutionField === undefined ? {} : { institutionField }),
    ...(groupField === undefined ? {} : { groupField }),
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(population === undefined ? {} : { populationSize: population }),
    redact: options.redact ?? true,
    maxOpenAnswers: options.maxOpenAnswers ?? 50,
  };
  const sections = satisfactionSections(context);
  return {
    kind: 'satisfaction',
    locale,
    meta: metaOf(options, locale),
    values: store.values,
    sections,
    results,
  };
}

/** The report of a study too small to publish: one section that says so, no number. */
function withheldReport(
  locale: string,
  minGroupSize: number,
  options: BuildReportOptions,
): ReportDocument {
  return {
    kind: 'withheld',
    locale,
    meta: metaOf(options, locale),
    values: {},
    sections: [
      {
        id: 'summary',
        title: message('withheldTitle', locale),
        pageBreakBefore: false,
        blocks: [
          {
            kind: 'paragraph',
            runs: [
              {
                kind: 'text',
                text: message('withheld', locale).replace('{k}', String(minGroupSize)),
              },
            ],
          },
        ],
      },
    ],
    results: { reason: 'below-minimum', minGroupSize },
  };
}

function metaOf(options: BuildReportOptions, locale: string): ReportMeta {
  return {
    title: options.title ?? message('defaultTitle', locale),
    ...(options.organisation === undefined ? {} : { organisation: options.organisation }),
    ...(options.period === undefined ? {} : { period: options.period }),
    ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
  };
}
