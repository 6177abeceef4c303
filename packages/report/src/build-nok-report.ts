import { localize } from '@edu-quality/core';
import {
  NOK_PROFILES,
  type NokAggregate,
  type NokAssessmentResult,
  type NokCriterionId,
  type NokIndicatorDefinition,
  type NokOrganisationResult,
  type NokProfile,
  type NokSector,
  type NokShortfall,
} from '@edu-quality/index';
import { numberCell, say, sayPlain, textCell, ValueStore } from './internal/bind.js';
import { isMessageKey, message, type MessageKey } from './internal/messages.js';
import type {
  ReportBlock,
  ReportDocument,
  ReportSection,
  ReportTable,
  TableCell,
  TextRun,
} from './report-document.js';

/** Options of {@link buildNokReport}. */
export interface BuildNokReportOptions {
  /** The locale: `ru` (default) or `en`; `lt` gets Lithuanian words and English indicator names. */
  readonly locale?: string;
  /** The sector profiles used in the assessment, for the names of indicators and audit items; default `NOK_PROFILES`. */
  readonly profiles?: Readonly<Partial<Record<NokSector, NokProfile>>>;
  /** How many improvements to list per organisation, most points first; default 5. */
  readonly maxShortfalls?: number;
  /** The title; default a localised "independent assessment of the quality of service conditions". */
  readonly title?: string;
  /** The operator or authority that publishes the report. */
  readonly organisation?: string;
  /** The period of the assessment, as text. */
  readonly period?: string;
  /** When the report is generated (ISO 8601), passed in: the builder reads no clock. */
  readonly generatedAt?: string;
}

const CRITERIA: readonly NokCriterionId[] = ['K1', 'K2', 'K3', 'K4', 'K5'];

interface Labels {
  readonly criterion: (sector: NokSector, id: NokCriterionId) => string;
  readonly indicator: (sector: NokSector, id: string) => string;
  readonly item: (sector: NokSector, indicator: string, item: string) => string;
}

function labelsFor(options: BuildNokReportOptions, locale: string): Labels {
  const profile = (sector: NokSector): NokProfile =>
    options.profiles?.[sector] ?? NOK_PROFILES[sector];
  const indicatorDef = (sector: NokSector, id: string): NokIndicatorDefinition | undefined => {
    for (const c of profile(sector).criteria) {
      const found = c.indicators.find((i) => i.id === id);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return {
    criterion: (sector, id) => {
      const c = profile(sector).criteria.find((x) => x.id === id);
      return c === undefined ? id : localize(c.label, locale);
    },
    indicator: (sector, id) => {
      const def = indicatorDef(sector, id);
      // П is written P in identifiers; a reader sees П.
      const shown = id.replace(/^P/, 'П');
      return def === undefined ? shown : `${shown} ${localize(def.label, locale)}`;
    },
    item: (sector, indicator, item) => {
      const def = indicatorDef(sector, indicator);
      if (def?.source.kind !== 'points') return item;
      const entry = def.source.catalogue.find((c) => c.id === item);
      return entry === undefined ? item : localize(entry.label, locale);
    },
  };
}

function partLabel(part: string, locale: string): string {
  // Share parts (stands, site, all …) have names; an audit list is the expert audit.
  const key = `nokPart_${part}`;
  return message(isMessageKey(key) ? key : 'nokPart_audit', locale);
}

/**
 * The organisations in report order: the ranked ones by rank (then id), then
 * the incomplete ones, which have no rank, in input order.
 */
function reportOrder(result: NokAssessmentResult): NokOrganisationResult[] {
  const ranked = result.organisations.filter((o) => o.rank !== null);
  ranked.sort((a, b) => a.rank! - b.rank! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...ranked, ...result.organisations.filter((o) => o.rank === null)];
}

/** The criteria without data, as a reader sees them (`K4, K5`). */
function criteriaList(o: NokOrganisationResult): string {
  return o.criteriaWithoutData.join(', ');
}

function organisationsTable(
  result: NokAssessmentResult,
  locale: string,
  hasBands: boolean,
): ReportTable {
  const hasIncomplete = result.organisations.some((o) => o.incomplete);
  const col = (id: string, key: MessageKey, numeric: boolean) => ({
    id,
    label: message(key, locale),
    numeric,
  });
  return {
    id: 'organisations',
    caption: message('nokOrganisationsTable', locale),
    columns: [
      col('rank', 'rank', true),
      col('id', 'nokId', false),
      col('name', 'nokName', false),
      col('municipality', 'nokMunicipality', false),
      col('founder', 'nokFounder', false),
      col('type', 'nokType', false),
      col('respondents', 'nokRespondents', true),
      ...CRITERIA.map((k) => ({ id: k, label: k, numeric: true })),
      col('total', 'nokTotal', true),
      ...(hasBands ? [col('band', 'nokBand', false)] : []),
      ...(hasIncomplete ? [col('note', 'nokNote', false)] : []),
    ],
    rows: reportOrder(result).map((o) => ({
      key: o.id,
      cells: [
        numberCell(o.rank, 'count'),
        textCell(o.id),
        textCell(o.name ?? ''),
        textCell(o.municipality ?? ''),
        textCell(o.founder ?? ''),
        textCell(o.type ?? ''),
        numberCell(o.respondents, 'count'),
        ...CRITERIA.map((k) => numberCell(o.criteria[k].value, 'decimal')),
        // An incomplete organisation's S rests on fewer than five criteria: not published.
        numberCell(o.incomplete ? null : o.total.value, 'decimal'),
        ...(hasBands ? [textCell(o.band ?? '')] : []),
        ...(hasIncomplete
          ? [
              textCell(
                o.incomplete ? sayPlain('nokNotRanked', locale, { criteria: criteriaList(o) }) : '',
              ),
            ]
          : []),
      ],
    })),
  };
}

function meansTable(
  id: string,
  caption: string,
  groups: readonly NokAggregate[],
  locale: string,
): ReportTable {
  return {
    id,
    caption,
    columns: [
      { id: 'group', label: message('group', locale), numeric: false },
      { id: 'organisations', label: message('nokOrganisations', locale), numeric: true },
      ...CRITERIA.map((k) => ({ id: k, label: k, numeric: true })),
      { id: 'total', label: message('nokTotal', locale), numeric: true },
    ],
    rows: groups.map((g) => ({
      key: g.key ?? '',
      cells: [
        textCell(g.key ?? message('notStated', locale)),
        numberCell(g.organisations.length, 'count'),
        ...CRITERIA.map((k) => numberCell(g.criteria[k].mean, 'decimal')),
        numberCell(g.total, 'decimal'),
      ],
    })),
  };
}

function shortfallRuns(
  s: NokShortfall,
  o: NokOrganisationResult,
  k: number,
  i: number,
  labels: Labels,
  store: ValueStore,
  locale: string,
): TextRun[] {
  const indicator = labels.indicator(o.sector, s.indicator);
  const part = partLabel(s.part, locale);
  const points = store.bind(
    `org.${k}.gain.${i}`,
    s.totalPoints,
    'decimal',
    `organisations[${k}].shortfalls[${i}].totalPoints`,
  );
  return s.kind === 'missing-items'
    ? say('nokGainMissing', locale, {
        indicator,
        part,
        count: store.bind(
          `org.${k}.gain.${i}.count`,
          s.missing.length,
          'count',
          `organisations[${k}].shortfalls[${i}].missing.length`,
        ),
        points,
      })
    : say('nokGainSatisfied', locale, {
        indicator,
        part,
        share: store.bind(
          `org.${k}.gain.${i}.share`,
          s.shareNotSatisfied,
          'share',
          `organisations[${k}].shortfalls[${i}].shareNotSatisfied`,
        ),
        points,
      });
}

function organisationSection(
  o: NokOrganisationResult,
  k: number,
  labels: Labels,
  store: ValueStore,
  locale: string,
  maxShortfalls: number,
): ReportSection {
  const title = o.name === undefined ? o.id : `${o.name} (${o.id})`;
  const respondents = store.bind(
    `org.${k}.respondents`,
    o.respondents,
    'count',
    `organisations[${k}].respondents`,
  );
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      runs:
        o.rank === null
          ? say('nokOrgIncomplete', locale, { criteria: criteriaList(o), respondents })
          : say('nokOrgSummary', locale, {
              total: store.bind(
                `org.${k}.total`,
                o.total.value,
                'decimal',
                `organisations[${k}].total.value`,
              ),
              rank: store.bind(`org.${k}.rank`, o.rank, 'count', `organisations[${k}].rank`),
              count: { kind: 'value', key: 'nok.ranked' },
              respondents,
            }),
    },
    { kind: 'heading', text: message('nokScores', locale) },
  ];
  const criteriaFigure: ReportTable = {
    id: `org-${k + 1}-criteria`,
    caption: `${message('nokCriteriaTable', locale)}: ${title}`,
    columns: [
      { id: 'criterion', label: message('nokCriterion', locale), numeric: false },
      { id: 'label', label: message('nokName', locale), numeric: false },
      { id: 'value', label: message('value', locale), numeric: true },
    ],
    rows: [
      ...CRITERIA.map((c) => ({
        key: c,
        cells: [
          textCell(c),
          textCell(labels.criterion(o.sector, c)),
          numberCell(o.criteria[c].value, 'decimal'),
        ],
      })),
      {
        key: 'S',
        cells: [
          textCell('S'),
          textCell(message('nokTotalLabel', locale)),
          numberCell(o.incomplete ? null : o.total.value, 'decimal'),
        ],
      },
    ],
  };
  blocks.push({
    kind: 'figure',
    figure: {
      kind: 'bars',
      id: `org-${k + 1}-criteria`,
      title: criteriaFigure.caption,
      alt: sayPlain('altBarsPlain', locale, { title: criteriaFigure.caption, count: '6' }),
      scale: { min: 0, max: 100 },
      format: 'decimal',
      bars: [
        ...CRITERIA.flatMap((c) => {
          const v = o.criteria[c].value;
          return v === null
            ? []
            : [{ id: c, label: `${c} ${labels.criterion(o.sector, c)}`, value: v }];
        }),
        ...(o.incomplete
          ? []
          : [{ id: 'S', label: `S ${message('nokTotalLabel', locale)}`, value: o.total.value }]),
      ],
      table: criteriaFigure,
    },
  });
  const indicatorRows: ReportTable['rows'][number][] = [];
  for (const ind of Object.values(o.indicators)) {
    const label = labels.indicator(o.sector, ind.id);
    for (const part of ind.parts) {
      indicatorRows.push({
        key: `${ind.id}/${part.id}`,
        cells: [
          textCell(label),
          textCell(partLabel(part.id, locale)),
          numberCell(part.numerator, 'count'),
          numberCell(part.denominator, 'count'),
          numberCell(part.value, 'decimal'),
          numberCell(ind.value, 'decimal'),
        ],
      });
    }
  }
  blocks.push({
    kind: 'table',
    table: {
      id: `org-${k + 1}-indicators`,
      caption: `${message('nokIndicators', locale)}: ${title}`,
      columns: [
        { id: 'indicator', label: message('nokIndicator', locale), numeric: false },
        { id: 'part', label: message('nokPart', locale), numeric: false },
        { id: 'numerator', label: message('nokNumerator', locale), numeric: true },
        { id: 'denominator', label: message('nokDenominator', locale), numeric: true },
        { id: 'part-value', label: message('value', locale), numeric: true },
        { id: 'indicator-value', label: message('nokIndicator', locale), numeric: true },
      ],
      rows: indicatorRows,
    },
  });
  // What is missing: every audit item absent, by indicator and part.
  const missing = o.shortfalls.filter((s) => s.kind === 'missing-items');
  blocks.push({ kind: 'heading', text: message('nokMissing', locale) });
  blocks.push(
    missing.length === 0
      ? { kind: 'paragraph', runs: say('nokMissingNone', locale) }
      : {
          kind: 'list',
          ordered: false,
          items: missing.map((s) => {
            const indicator = labels.indicator(o.sector, s.indicator);
            return say('nokMissingItems', locale, {
              indicator,
              part: partLabel(s.part, locale),
              items: s.missing.map((m) => labels.item(o.sector, s.indicator, m)).join('; '),
            });
          }),
        },
  );
  // What would add the most points: the shortfalls are ordered by points of S.
  const top = o.shortfalls.slice(0, maxShortfalls);
  blocks.push({ kind: 'heading', text: message('nokGains', locale) });
  blocks.push(
    top.length === 0
      ? { kind: 'paragraph', runs: say('none', locale) }
      : {
          kind: 'list',
          ordered: true,
          items: top.map((s, i) => shortfallRuns(s, o, k, i, labels, store, locale)),
        },
  );
  blocks.push({
    kind: 'table',
    table: {
      id: `org-${k + 1}-gains`,
      caption: `${message('nokGains', locale)}: ${title}`,
      columns: [
        { id: 'indicator', label: message('nokIndicator', locale), numeric: false },
        { id: 'part', label: message('nokPart', locale), numeric: false },
        { id: 'points', label: message('nokGainPoints', locale), numeric: true },
      ],
      rows: top.map((s, i) => {
        const indicator = labels.indicator(o.sector, s.indicator);
        return {
          key: String(i + 1),
          cells: [
            textCell(indicator),
            textCell(partLabel(s.part, locale)),
            numberCell(s.totalPoints, 'decimal'),
          ],
        };
      }),
    },
  });
  if (o.policies.length > 0) {
    blocks.push({ kind: 'heading', text: message('nokPoliciesApplied', locale) });
    blocks.push({
      kind: 'list',
      ordered: false,
      items: o.policies.map((p) => [
        { kind: 'label', text: p.where.replace(/^P/, 'П') },
        { kind: 'text', text: ': ' },
        { kind: 'text', text: message(`nokPolicy_${String(p.policy)}` as MessageKey, locale) },
      ]),
    });
  }
  return { id: `org-${k + 1}`, title, pageBreakBefore: true, blocks };
}

/**
 * Builds the report of a NOK 344n assessment: a summary with the table of
 * organisations, means by municipality, founder and type, and a page per
 * organisation with its scores, what is missing and what would add the most
 * points.
 *
 * @remarks
 * Reads a result of `nokAssessment` from `@edu-quality/index`; numbers in
 * text are bound to it. The organisations table (`organisations`: rank,
 * id, name, municipality, founder, type, respondents, K1–K5, S and the band
 * when bands were asked for) is the one to export as CSV or XLSX. Each
 * organisation's page (section `org-<n>`, n in input order from 1, starting
 * on a new printed page) has: the total and rank; the criteria K1–K5 and S
 * as a bar chart with its table; every indicator П with each part's
 * numerator and denominator; the missing audit items by name (catalogue
 * items with their localised labels); the improvements ordered by the
 * points of S each would add (at most `maxShortfalls`); and the
 * empty-denominator policy where it was applied. Indicator and item names
 * come from the profiles (ru, en).
 *
 * @param result - the result of `nokAssessment`
 * @param options - locale, profiles, title page data
 * @returns the report document
 *
 * @example
 * ```ts
 * import { nokAssessment } from '@edu-quality/index';
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
 * const result = nokAssessment({ organisations: [{ id: 'school-1', name: 'Школа № 1', audit, survey }] });
 * const report = buildNokReport(result, { locale: 'ru' });
 * report.sections.map((s) => s.id); // => ['summary', 'org-1']
 * report.values['org.0.total']?.value; // => 86.0067
 * reportTables(report)[0]?.id; // => 'organisations'
 * ```
 */
export function buildNokReport(
  result: NokAssessmentResult,
  options: BuildNokReportOptions = {},
): ReportDocument {
  const locale = options.locale ?? 'ru';
  const store = new ValueStore();
  const labels = labelsFor(options, locale);
  const hasBands = result.organisations.some((o) => o.band !== undefined);
  const orgs = result.organisations;
  const overall = result.overall;
  const count = store.bind('nok.count', orgs.length, 'count', 'organisations.length');
  store.bind('nok.ranked', result.ranking.length, 'count', 'ranking.length');
  const summaryBlocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      runs:
        overall === null
          ? say('nokSummaryNoMean', locale, { count })
          : say('nokSummary', locale, {
              count,
              total: store.bind('nok.total', overall.total, 'decimal', 'overall.total'),
            }),
    },
    {
      kind: 'paragraph',
      runs: say('nokPolicy', locale, {
        policy: message(
          `nokPolicy_${String(result.policy.emptyDenominator)}` as MessageKey,
          locale,
        ),
        rounding: message(`nokRounding_${result.policy.rounding}`, locale),
      }),
    },
  ];
  const ranked = reportOrder(result).filter((o) => o.rank !== null);
  const table = organisationsTable(result, locale, hasBands);
  const rankingTitle = message('nokRanking', locale);
  summaryBlocks.push({
    kind: 'figure',
    figure: {
      kind: 'bars',
      id: 'ranking',
      title: rankingTitle,
      alt: sayPlain('nokAltRanking', locale, {
        title: rankingTitle,
        count: String(ranked.length),
      }),
      scale: { min: 0, max: 100 },
      format: 'decimal',
      bars: ranked.map((o) => ({ id: o.id, label: o.name ?? o.id, value: o.total.value })),
      table,
    },
  });
  if (result.unranked.length > 0) {
    summaryBlocks.push({ kind: 'heading', text: message('nokUnranked', locale) });
    summaryBlocks.push({
      kind: 'list',
      ordered: false,
      items: result.unranked.map((u) =>
        say('nokUnrankedItem', locale, {
          organisation: u.id,
          criteria: u.criteriaWithoutData.join(', '),
        }),
      ),
    });
  }
  const criteriaMeans = (overall: NokAggregate): ReportTable => ({
    id: 'criteria',
    caption: message('nokMeans', locale),
    columns: [
      { id: 'criterion', label: message('nokCriterion', locale), numeric: false },
      { id: 'label', label: message('nokName', locale), numeric: false },
      { id: 'mean', label: message('value', locale), numeric: true },
    ],
    rows: [
      ...CRITERIA.map((c) => ({
        key: c,
        cells: [
          textCell(c),
          textCell(labels.criterion(orgs[0]?.sector ?? 'education', c)),
          numberCell(overall.criteria[c].mean, 'decimal'),
        ] as TableCell[],
      })),
      {
        key: 'S',
        cells: [
          textCell('S'),
          textCell(message('nokTotalLabel', locale)),
          numberCell(overall.total, 'decimal'),
        ],
      },
    ],
  });
  if (overall !== null) summaryBlocks.push({ kind: 'table', table: criteriaMeans(overall) });
  const groupings: readonly [string, MessageKey, readonly NokAggregate[]][] = [
    ['municipality', 'nokMunicipality', result.byMunicipality],
    ['founder', 'nokFounder', result.byFounder],
    ['type', 'nokType', result.byType],
  ];
  for (const [id, key, groups] of groupings) {
    if (groups.length === 0 || groups.every((g) => g.key === null)) continue;
    summaryBlocks.push({
      kind: 'table',
      table: meansTable(
        `means-by-${id}`,
        sayPlain('nokGroupMeans', locale, { by: message(key, locale) }),
        groups,
        locale,
      ),
    });
  }
  if (result.warnings.length > 0) {
    summaryBlocks.push({ kind: 'heading', text: message('nokWarnings', locale) });
    // The warnings' messages come from @edu-quality/index, which writes them in English.
    summaryBlocks.push({
      kind: 'list',
      ordered: false,
      items: result.warnings.map((w) => [{ kind: 'label', text: `${w.message} [${w.code}]` }]),
    });
  }
  const maxShortfalls = options.maxShortfalls ?? 5;
  const sections: ReportSection[] = [
    {
      id: 'summary',
      title: message('summary', locale),
      pageBreakBefore: false,
      blocks: summaryBlocks,
    },
    ...orgs.map((o, k) => organisationSection(o, k, labels, store, locale, maxShortfalls)),
  ];
  return {
    kind: 'nok',
    locale,
    meta: {
      title: options.title ?? message('nokDefaultTitle', locale),
      ...(options.organisation === undefined ? {} : { organisation: options.organisation }),
      ...(options.period === undefined ? {} : { period: options.period }),
      ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
    },
    values: store.values,
    sections,
    results: result,
  };
}
