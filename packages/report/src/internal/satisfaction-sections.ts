import { localize } from '@edu-quality/core';
import type { BreakdownResult, IpaQuadrant } from '@edu-quality/index';
import type { Questionnaire, ResponseSet } from '@edu-quality/questionnaire';
import { redactText } from '../redact-text.js';
import type {
  ChartBar,
  ReportBlock,
  ReportSection,
  ReportTable,
  SatisfactionReportResults,
  TableCell,
  TextRun,
} from '../report-document.js';
import { numberCell, say, sayPlain, textCell, type ValueStore } from './bind.js';
import { isMessageKey, message, type MessageKey } from './messages.js';

/** What the section builders read. */
export interface SectionContext {
  readonly locale: string;
  readonly level: number;
  readonly minGroupSize: number;
  readonly questionnaire: Questionnaire;
  readonly responses: ResponseSet;
  readonly results: SatisfactionReportResults;
  readonly store: ValueStore;
  readonly segmentLabel: (code: string, fallback: string | undefined) => string;
  /** Whether the caller gave a display name for a segment code. */
  readonly hasLabel: (code: string) => boolean;
  readonly itemLabel: (id: string) => string;
  readonly institutionField?: string;
  readonly groupField?: string;
  readonly target?: number;
  readonly populationSize?: number;
  readonly redact:
    | boolean
    | { readonly emails?: boolean; readonly phones?: boolean; readonly personalCodes?: boolean };
  readonly maxOpenAnswers: number;
}

const paragraph = (runs: readonly TextRun[]): ReportBlock => ({ kind: 'paragraph', runs });

function dimensionLabel(ctx: SectionContext, dimension: string): string {
  const imp = ctx.responses.items.find(
    (i) => i.role === 'importance' && i.importanceOf === dimension,
  );
  return imp === undefined ? dimension : localize(imp.text, ctx.locale);
}

function col(ctx: SectionContext, id: string, key: MessageKey, numeric: boolean) {
  return { id, label: message(key, ctx.locale), numeric };
}

function summary(ctx: SectionContext): ReportSection {
  const { index, nps } = ctx.results;
  const { store, locale } = ctx;
  const score = store.bind('index.score', index.score, 'score', 'index.score');
  const lower = store.bind('index.lower', index.interval.lower, 'score', 'index.interval.lower');
  const upper = store.bind('index.upper', index.interval.upper, 'score', 'index.interval.upper');
  const n = store.bind('index.n', index.n, 'count', 'index.n');
  const lvl = store.bind('level', ctx.level, 'level', 'options.level');
  const blocks: ReportBlock[] = [
    paragraph(say('summaryIndex', locale, { score, lower, upper, n, level: lvl })),
  ];
  const rows: ReportTable['rows'][number][] = [
    {
      key: 'index',
      cells: [textCell(message('overallIndex', locale)), numberCell(index.score, 'score')],
    },
    {
      key: 'lower',
      cells: [textCell(message('lower', locale)), numberCell(index.interval.lower, 'score')],
    },
    {
      key: 'upper',
      cells: [textCell(message('upper', locale)), numberCell(index.interval.upper, 'score')],
    },
    { key: 'n', cells: [textCell(message('respondents', locale)), numberCell(index.n, 'count')] },
  ];
  if (ctx.populationSize !== undefined && ctx.populationSize > 0) {
    const rate = index.n / ctx.populationSize;
    blocks.push(
      paragraph(
        say('summaryResponseRate', locale, {
          rate: store.bind('responseRate', rate, 'share', 'index.n / options.populationSize'),
          population: store.bind(
            'population',
            ctx.populationSize,
            'count',
            'options.populationSize',
          ),
        }),
      ),
    );
    rows.push({
      key: 'response-rate',
      cells: [textCell(message('responseRate', locale)), numberCell(rate, 'share')],
    });
  }
  if (index.dimensions.length >= 2) {
    const sorted = [...index.dimensions].sort((a, b) => b.score - a.score);
    const best = sorted[0]!;
    const worst = sorted[sorted.length - 1]!;
    blocks.push(
      paragraph(
        say('summaryBestWorst', locale, {
          best: dimensionLabel(ctx, best.dimension),
          bestScore: store.bind(
            `dimension.${best.dimension}.score`,
            best.score,
            'score',
            `index.dimensions[${index.dimensions.indexOf(best)}].score`,
          ),
          worst: dimensionLabel(ctx, worst.dimension),
          worstScore: store.bind(
            `dimension.${worst.dimension}.score`,
            worst.score,
            'score',
            `index.dimensions[${index.dimensions.indexOf(worst)}].score`,
          ),
        }),
      ),
    );
  }
  if (nps !== undefined) {
    rows.push({
      key: 'nps',
      cells: [textCell(message('nps', locale)), numberCell(nps.score, 'score')],
    });
  }
  blocks.push({
    kind: 'table',
    table: {
      id: 'headline',
      caption: message('headline', locale),
      columns: [col(ctx, 'indicator', 'indicator', false), col(ctx, 'value', 'value', true)],
      rows,
    },
  });
  return { id: 'summary', title: message('summary', locale), pageBreakBefore: false, blocks };
}

function intervalMethodKey(method: string): MessageKey {
  const key = `intervalMethod_${method}`;
  return isMessageKey(key) ? key : 'intervalMethod_other';
}

function methodology(ctx: SectionContext): ReportSection {
  const { index, alpha, marginOfError: moe } = ctx.results;
  const { store, locale, responses } = ctx;
  const counts = responses.counts;
  const blocks: ReportBlock[] = [
    paragraph(
      say('methodSample', locale, {
        read: store.bind('counts.read', counts.read, 'count', 'responses.counts.read'),
        accepted: store.bind(
          'counts.accepted',
          counts.accepted,
          'count',
          'responses.counts.accepted',
        ),
        rejected: store.bind(
          'counts.rejected',
          counts.rejected,
          'count',
          'responses.counts.rejected',
        ),
        included: store.bind(
          'index.included',
          index.respondents.included,
          'count',
          'index.respondents.included',
        ),
      }),
    ),
    paragraph(say('methodScore', locale)),
  ];
  const weightingKey: Record<typeof index.weighting.method, MessageKey> = {
    equal: 'methodWeightingEqual',
    stated: 'methodWeightingStated',
    derived: 'methodWeightingDerived',
    explicit: 'methodWeightingExplicit',
  };
  blocks.push(paragraph(say(weightingKey[index.weighting.method], locale)));
  blocks.push(
    paragraph(
      responses.weights === undefined
        ? say('methodNoRespondentWeights', locale)
        : say('methodRespondentWeights', locale, {
            nEff: store.bind('index.nEff', index.nEff, 'count', 'index.nEff'),
          }),
    ),
  );
  blocks.push(
    paragraph(
      say('methodInterval', locale, {
        method: message(intervalMethodKey(index.interval.method), locale),
        level: { kind: 'value', key: 'level' },
      }),
    ),
  );
  const moeRun = store.bind(
    'marginOfError',
    moe,
    'share',
    'marginOfError({ n: index.n, populationSize, level })',
  );
  blocks.push(
    paragraph(
      ctx.populationSize !== undefined && ctx.populationSize >= index.n
        ? say('methodMarginFpc', locale, {
            moe: moeRun,
            population: { kind: 'value', key: 'population' },
          })
        : say('methodMargin', locale, { moe: moeRun }),
    ),
  );
  if (alpha !== undefined) {
    blocks.push(
      paragraph(
        say('methodAlpha', locale, {
          alpha: store.bind('alpha', alpha.alpha, 'decimal', 'cronbachAlpha(index items).alpha'),
        }),
      ),
    );
  }
  blocks.push(
    paragraph(
      say('methodSuppression', locale, {
        k: store.bind('minGroupSize', ctx.minGroupSize, 'count', 'options.minGroupSize'),
      }),
    ),
  );
  const row = (key: string, label: string, cell: TableCell) => ({
    key,
    cells: [textCell(label), cell],
  });
  blocks.push({
    kind: 'table',
    table: {
      id: 'sample',
      caption: message('methodology', locale),
      columns: [col(ctx, 'measure', 'measure', false), col(ctx, 'value', 'value', true)],
      rows: [
        row('read', message('rowsRead', locale), numberCell(counts.read, 'count')),
        row('accepted', message('rowsAccepted', locale), numberCell(counts.accepted, 'count')),
        row('rejected', message('rowsRejected', locale), numberCell(counts.rejected, 'count')),
        row('n', message('respondents', locale), numberCell(index.n, 'count')),
        row('n-eff', message('effectiveN', locale), numberCell(index.nEff, 'count')),
        row('margin-of-error', message('marginOfError', locale), numberCell(moe, 'share')),
        ...(alpha === undefined ? [] : [row('alpha', 'α', numberCell(alpha.alpha, 'decimal'))]),
      ],
    },
  });
  return {
    id: 'methodology',
    title: message('methodology', locale),
    pageBreakBefore: false,
    blocks,
  };
}

function indexSection(ctx: SectionContext): ReportSection {
  const { index } = ctx.results;
  const { locale, store } = ctx;
  const blocks: ReportBlock[] = [];
  if (index.dimensions.length > 0) {
    const bars: ChartBar[] = index.dimensions.map((d, k) => {
      store.bind(
        `dimension.${d.dimension}.score`,
        d.score,
        'score',
        `index.dimensions[${k}].score`,
      );
      return {
        id: d.dimension,
        label: dimensionLabel(ctx, d.dimension),
        value: d.score,
        lower: d.interval.lower,
        upper: d.interval.upper,
      };
    });
    const title = message('byDimension', locale);
    blocks.push({
      kind: 'figure',
      figure: {
        kind: 'bars',
        id: 'index-dimensions',
        title,
        alt: sayPlain('altBars', locale, { title, count: String(bars.length) }),
        scale: { min: 0, max: 100 },
        bars,
        ...(ctx.target === undefined ? {} : { reference: ctx.target }),
        table: {
          id: 'index-dimensions',
          caption: title,
          columns: [
            col(ctx, 'dimension', 'dimension', false),
            col(ctx, 'score', 'score', true),
            col(ctx, 'lower', 'lower', true),
            col(ctx, 'upper', 'upper', true),
          ],
          rows: index.dimensions.map((d, k) => ({
            key: d.dimension,
            cells: [
              textCell(bars[k]!.label),
              numberCell(d.score, 'score'),
              numberCell(d.interval.lower, 'score'),
              numberCell(d.interval.upper, 'score'),
            ],
          })),
        },
      },
    });
  }
  const scored = index.items.filter((i) => i.score !== null);
  const title = message('byItem', locale);
  const itemBars: ChartBar[] = scored.map((i) => ({
    id: i.id,
    label: ctx.itemLabel(i.id),
    value: i.score!,
    ...(i.interval === null ? {} : { lower: i.interval.lower, upper: i.interval.upper }),
  }));
  index.items.forEach((i, k) =>
    store.bind(`item.${i.id}.score`, i.score, 'score', `index.items[${k}].score`),
  );
  blocks.push({
    kind: 'figure',
    figure: {
      kind: 'bars',
      id: 'index-items',
      title,
      alt: sayPlain('altBars', locale, { title, count: String(itemBars.length) }),
      scale: { min: 0, max: 100 },
      bars: itemBars,
      ...(ctx.target === undefined ? {} : { reference: ctx.target }),
      table: {
        id: 'index-items',
        caption: title,
        columns: [
          col(ctx, 'item', 'item', false),
          col(ctx, 'dimension', 'dimension', false),
          col(ctx, 'n', 'n', true),
          col(ctx, 'score', 'score', true),
          col(ctx, 'lower', 'lower', true),
          col(ctx, 'upper', 'upper', true),
          col(ctx, 'top-box', 'topBox', true),
          col(ctx, 'weight', 'weight', true),
        ],
        rows: index.items.map((i) => ({
          key: i.id,
          cells: [
            textCell(ctx.itemLabel(i.id)),
            textCell(i.dimension === null ? '' : dimensionLabel(ctx, i.dimension)),
            numberCell(i.n, 'count'),
            numberCell(i.score, 'score'),
            numberCell(i.interval?.lower ?? null, 'score'),
            numberCell(i.interval?.upper ?? null, 'score'),
            numberCell(i.topBoxShare, 'share'),
            numberCell(i.weight, 'decimal'),
          ],
        })),
      },
    },
  });
  // Answer distributions: items that share the first item's scale are drawn together.
  const first = scored[0];
  if (first !== undefined) {
    const same = scored.filter((i) => i.min === first.min && i.max === first.max);
    const values = Array.from({ length: first.max - first.min + 1 }, (_, k) => first.min + k);
    const scale = ctx.responses.items.find((i) => i.id === first.id)?.scale;
    const categories = values.map((v) => {
      const point = scale?.points.find((p) => p.value === v);
      return point === undefined ? String(v) : localize(point.label, locale);
    });
    const shareOf = (i: (typeof same)[number], v: number): number =>
      i.distribution.find((d) => d.value === v)?.share ?? 0;
    const dTitle = message('distribution', locale);
    blocks.push({
      kind: 'figure',
      figure: {
        kind: 'stacked',
        id: 'distribution',
        title: dTitle,
        alt: sayPlain('altStacked', locale, { title: dTitle, count: String(same.length) }),
        categories,
        stacks: same.map((i) => ({
          id: i.id,
          label: ctx.itemLabel(i.id),
          shares: values.map((v) => shareOf(i, v)),
        })),
        table: {
          id: 'distribution',
          caption: dTitle,
          columns: [
            col(ctx, 'item', 'item', false),
            ...values.map((v, k) => ({ id: `v${v}`, label: categories[k]!, numeric: true })),
          ],
          rows: same.map((i) => ({
            key: i.id,
            cells: [
              textCell(ctx.itemLabel(i.id)),
              ...values.map((v) => numberCell(shareOf(i, v), 'share')),
            ],
          })),
        },
      },
    });
  }
  return { id: 'index', title: message('indexSection', locale), pageBreakBefore: true, blocks };
}

/** The published name of a group's code in a segment field, and whether it is hidden. */
interface GroupName {
  readonly text: string;
  /** The code is free text (not a declared option of the item). */
  readonly free: boolean;
}

/**
 * The name of a segment code: the declared option's label (or the caller's
 * label for it); a code the item does not declare was typed by a respondent, so
 * its text goes through the same redaction as open text.
 */
function segmentName(ctx: SectionContext, field: string, code: string | null): GroupName {
  if (code === null) return { text: message('notStated', ctx.locale), free: false };
  const item = ctx.responses.items.find((i) => i.id === field);
  const option = item?.options?.find((o) => o.value === code);
  if (option !== undefined || ctx.hasLabel(code)) {
    const fallback = option === undefined ? undefined : localize(option.label, ctx.locale);
    return { text: ctx.segmentLabel(code, fallback), free: false };
  }
  return { text: redactLabel(ctx, code), free: true };
}

/** Text typed by a respondent, redacted as open text is (unless redaction is off). */
function redactLabel(ctx: SectionContext, text: string): string {
  if (ctx.redact === false) return text;
  const what = ctx.redact === true ? {} : ctx.redact;
  return redactText(text, { ...what, replacement: message('redactedMark', ctx.locale) });
}

/**
 * A group's label: its fields' names joined with " / ". A suppressed group
 * with a free-text code gets no label at all (a name typed by one respondent
 * is exactly what suppression protects).
 */
function groupName(
  ctx: SectionContext,
  by: readonly string[],
  group: BreakdownResult['groups'][number],
): string {
  const names = by.map((field) => segmentName(ctx, field, group.key[field] ?? null));
  if (group.suppressed && names.some((n) => n.free)) return message('hiddenLabel', ctx.locale);
  return names.map((n) => n.text).join(' / ');
}

/** A group's row key: its label, with free text redacted, or its position when hidden. */
function groupKey(
  ctx: SectionContext,
  by: readonly string[],
  group: BreakdownResult['groups'][number],
  position: number,
): string {
  const names = by.map((field) => segmentName(ctx, field, group.key[field] ?? null));
  if (!names.some((n) => n.free)) return group.label;
  if (group.suppressed) return `suppressed-${position + 1}`;
  return by
    .map((field, k) => (names[k]!.free ? names[k]!.text : (group.key[field] ?? '')))
    .join(' / ');
}

/** Why a group is suppressed, in words; its n is never given. */
function suppressedText(ctx: SectionContext, reason: string, minGroupSize: number): string {
  switch (reason) {
    case 'below-minimum':
      return sayPlain('suppressed', ctx.locale, { k: String(minGroupSize) });
    case 'complementary':
      return message('suppressedComplementary', ctx.locale);
    case 'linked-table':
      return message('suppressedLinkedTable', ctx.locale);
    case 'no-answers':
      return message('suppressedNoAnswers', ctx.locale);
    default:
      // A reason this version does not know (a newer index package): said generically.
      return message('suppressedOther', ctx.locale);
  }
}

/** The section of a breakdown that is neither by institution nor by group. */
function segmentSection(ctx: SectionContext, result: BreakdownResult): ReportSection {
  const id = `by-${result.by.join('-')}`;
  const field = result.by
    .map((f) => {
      const item = ctx.responses.items.find((i) => i.id === f);
      return item === undefined ? f : localize(item.text, ctx.locale);
    })
    .join(' × ');
  return breakdownSection(ctx, id, result, sayPlain('bySegmentSection', ctx.locale, { field }));
}

function emptyBreakdownSection(ctx: SectionContext, id: 'institutions' | 'groups'): ReportSection {
  return {
    id,
    title: message(id === 'institutions' ? 'institutionsSection' : 'groupsSection', ctx.locale),
    pageBreakBefore: id === 'institutions',
    blocks: [paragraph(say('noSegment', ctx.locale))],
  };
}

function breakdownSection(
  ctx: SectionContext,
  id: string,
  result: BreakdownResult,
  title: string,
): ReportSection {
  const { locale, store } = ctx;
  const published = result.groups.filter((g) => !g.suppressed);
  const hidden = result.groups.length - published.length;
  const hasNps = published.some((g) => g.nps !== undefined);
  const names = result.groups.map((g) => groupName(ctx, result.by, g));
  // Keys are written into the HTML (data-mark): the code when declared, the
  // published name of free text, a position for a group whose name is hidden.
  const keys = result.groups.map((g, k) => groupKey(ctx, result.by, g, k));
  const bars: ChartBar[] = published.map((g) => {
    const k = result.groups.indexOf(g);
    return {
      id: keys[k]!,
      label: names[k]!,
      value: g.index.score,
      lower: g.index.interval.lower,
      upper: g.index.interval.upper,
    };
  });
  const rows = result.groups.map((g, k) => {
    const name = textCell(names[k]!);
    if (g.suppressed) {
      const s: TableCell = {
        kind: 'suppressed',
        text: suppressedText(ctx, g.reason, result.minGroupSize),
      };
      return { key: keys[k]!, cells: [textCell(''), name, s, s, s, s, ...(hasNps ? [s] : [])] };
    }
    return {
      key: keys[k]!,
      cells: [
        numberCell(g.rank, 'count'),
        name,
        numberCell(g.n, 'count'),
        numberCell(g.index.score, 'score'),
        numberCell(g.index.interval.lower, 'score'),
        numberCell(g.index.interval.upper, 'score'),
        ...(hasNps ? [numberCell(g.nps?.score ?? null, 'score')] : []),
      ],
    };
  });
  const nameColumn: MessageKey =
    id === 'institutions' ? 'institution' : id === 'groups' ? 'group' : 'group';
  const blocks: ReportBlock[] = [
    paragraph(
      say('groupsPublished', locale, {
        published: store.bind(
          `${id}.published`,
          published.length,
          'count',
          `${id}.groups (published)`,
        ),
        suppressed: store.bind(`${id}.suppressed`, hidden, 'count', `${id}.groups (suppressed)`),
      }),
    ),
    {
      kind: 'figure',
      figure: {
        kind: 'bars',
        id,
        title,
        alt: sayPlain('altBars', locale, { title, count: String(bars.length) }),
        scale: { min: 0, max: 100 },
        bars,
        table: {
          id,
          caption: title,
          columns: [
            col(ctx, 'rank', 'rank', true),
            col(ctx, 'name', nameColumn, false),
            col(ctx, 'n', 'n', true),
            col(ctx, 'index', 'index', true),
            col(ctx, 'lower', 'lower', true),
            col(ctx, 'upper', 'upper', true),
            ...(hasNps ? [col(ctx, 'nps', 'nps', true)] : []),
          ],
          rows,
        },
      },
    },
    paragraph(say('methodSuppression', locale, { k: { kind: 'value', key: 'minGroupSize' } })),
  ];
  return { id, title, pageBreakBefore: id === 'institutions', blocks };
}

function ipaSection(ctx: SectionContext): ReportSection {
  const { ipa, importance } = ctx.results;
  const { locale, store } = ctx;
  const title = message('ipaSection', locale);
  if (ipa === undefined || importance === undefined) {
    return {
      id: 'ipa',
      title,
      pageBreakBefore: true,
      blocks: [paragraph(say('ipaUnavailable', locale))],
    };
  }
  const format = importance.method === 'stated' ? 'decimal' : 'decimal';
  const quadrantLabel = (q: IpaQuadrant): string => message(`quadrant_${q}`, locale);
  const points = ipa.items.map((p, k) => ({
    id: p.id,
    label: ctx.itemLabel(p.id),
    number: k + 1,
    importance: p.importance,
    performance: p.performance,
    quadrant: p.quadrant,
  }));
  const blocks: ReportBlock[] = [
    paragraph(
      say(importance.method === 'stated' ? 'ipaImportanceStated' : 'ipaImportanceDerived', locale),
    ),
    paragraph(
      say('ipaCuts', locale, {
        importance: store.bind(
          'ipa.cut.importance',
          ipa.cuts.importance,
          format,
          'ipa.cuts.importance',
        ),
        performance: store.bind(
          'ipa.cut.performance',
          ipa.cuts.performance,
          'score',
          'ipa.cuts.performance',
        ),
      }),
    ),
    {
      kind: 'figure',
      figure: {
        kind: 'ipa',
        id: 'ipa',
        title,
        alt: sayPlain('altIpa', locale, { title, count: String(points.length) }),
        xLabel: message('importance', locale),
        yLabel: message('performance', locale),
        cuts: { importance: ipa.cuts.importance, performance: ipa.cuts.performance },
        points,
        table: {
          id: 'ipa',
          caption: title,
          columns: [
            { id: 'number', label: '#', numeric: true },
            col(ctx, 'item', 'item', false),
            col(ctx, 'importance', 'importance', true),
            col(ctx, 'performance', 'performance', true),
            col(ctx, 'quadrant', 'quadrant', false),
          ],
          rows: points.map((p) => ({
            key: p.id,
            cells: [
              numberCell(p.number, 'count'),
              textCell(p.label),
              numberCell(p.importance, format),
              numberCell(p.performance, 'score'),
              textCell(quadrantLabel(p.quadrant)),
            ],
          })),
        },
      },
    },
    paragraph(say('ipaConcentrate', locale)),
  ];
  blocks.push(
    ipa.concentrateHere.length === 0
      ? paragraph(say('none', locale))
      : {
          kind: 'list',
          ordered: true,
          items: ipa.concentrateHere.map((id) => {
            const p = ipa.items.find((x) => x.id === id)!;
            return [
              { kind: 'label', text: ctx.itemLabel(id) },
              { kind: 'text', text: ' — ' },
              store.bind(
                `ipa.${id}.performance`,
                p.performance,
                'score',
                `ipa.items[${ipa.items.indexOf(p)}].performance`,
              ),
            ];
          }),
        },
  );
  return { id: 'ipa', title, pageBreakBefore: true, blocks };
}

function changeSection(ctx: SectionContext): ReportSection {
  const { change, previous, index, dimensionChanges } = ctx.results;
  const { locale, store } = ctx;
  const title = message('changeSection', locale);
  if (change === undefined || previous === undefined) {
    return {
      id: 'change',
      title,
      pageBreakBefore: false,
      blocks: [paragraph(say('changeNone', locale))],
    };
  }
  const alpha = 1 - ctx.level;
  const yesNo = (p: number): TableCell => textCell(message(p < alpha ? 'yes' : 'no', locale));
  const rows: ReportTable['rows'][number][] = [
    {
      key: 'index',
      cells: [
        textCell(message('overallIndex', locale)),
        numberCell(previous.score, 'score'),
        numberCell(index.score, 'score'),
        numberCell(change.difference, 'signed'),
        numberCell(change.pValue, 'p-value'),
        yesNo(change.pValue),
      ],
    },
    ...(dimensionChanges ?? []).map((d) => ({
      key: d.dimension,
      cells: [
        textCell(dimensionLabel(ctx, d.dimension)),
        numberCell(d.previous, 'score'),
        numberCell(d.current, 'score'),
        numberCell(d.change.difference, 'signed'),
        numberCell(d.change.pValue, 'p-value'),
        yesNo(d.change.pValue),
      ],
    })),
  ];
  return {
    id: 'change',
    title,
    pageBreakBefore: false,
    blocks: [
      paragraph(
        say('changeOverall', locale, {
          difference: store.bind(
            'change.difference',
            change.difference,
            'signed',
            'change.difference',
          ),
          previous: store.bind('change.previous', previous.score, 'score', 'previous.score'),
          current: { kind: 'value', key: 'index.score' },
          p: store.bind('change.p', change.pValue, 'p-value', 'change.pValue'),
        }),
      ),
      paragraph(
        say('changeTest', locale, {
          alpha: store.bind('alpha.significance', alpha, 'decimal', '1 − options.level'),
        }),
      ),
      {
        kind: 'table',
        table: {
          id: 'change',
          caption: title,
          columns: [
            col(ctx, 'measure', 'measure', false),
            col(ctx, 'previous', 'previous', true),
            col(ctx, 'current', 'current', true),
            col(ctx, 'difference', 'difference', true),
            col(ctx, 'p', 'pValue', true),
            col(ctx, 'significant', 'significant', false),
          ],
          rows,
        },
      },
    ],
  };
}

function npsSection(ctx: SectionContext): ReportSection {
  const { nps, groups } = ctx.results;
  const { locale, store } = ctx;
  const title = message('npsSection', locale);
  if (nps === undefined) {
    return {
      id: 'nps',
      title,
      pageBreakBefore: false,
      blocks: [paragraph(say('npsNone', locale))],
    };
  }
  const stacks = [
    { id: 'all', label: message('all', locale), result: nps, n: nps.n },
    ...(groups?.groups ?? []).flatMap((g) => {
      if (g.suppressed || g.nps === undefined) return [];
      const label = groupName(ctx, groups!.by, g);
      return [{ id: label, label, result: g.nps, n: g.nps.n }];
    }),
  ];
  const categories = [
    message('detractors', locale),
    message('passives', locale),
    message('promoters', locale),
  ];
  return {
    id: 'nps',
    title,
    pageBreakBefore: false,
    blocks: [
      paragraph(
        say('npsText', locale, {
          score: store.bind('nps.score', nps.score, 'score', 'nps.score'),
          lower: store.bind('nps.lower', nps.interval.lower, 'score', 'nps.interval.lower'),
          upper: store.bind('nps.upper', nps.interval.upper, 'score', 'nps.interval.upper'),
          n: store.bind('nps.n', nps.n, 'count', 'nps.n'),
          level: { kind: 'value', key: 'level' },
          promoters: store.bind('nps.promoters', nps.promoters, 'share', 'nps.promoters'),
          passives: store.bind('nps.passives', nps.passives, 'share', 'nps.passives'),
          detractors: store.bind('nps.detractors', nps.detractors, 'share', 'nps.detractors'),
        }),
      ),
      {
        kind: 'figure',
        figure: {
          kind: 'stacked',
          id: 'nps',
          title,
          alt: sayPlain('altStacked', locale, { title, count: String(stacks.length) }),
          categories,
          stacks: stacks.map((s) => ({
            id: s.id,
            label: s.label,
            shares: [s.result.detractors, s.result.passives, s.result.promoters],
          })),
          table: {
            id: 'nps',
            caption: title,
            columns: [
              col(ctx, 'group', 'group', false),
              col(ctx, 'n', 'n', true),
              { id: 'detractors', label: categories[0]!, numeric: true },
              { id: 'passives', label: categories[1]!, numeric: true },
              { id: 'promoters', label: categories[2]!, numeric: true },
              col(ctx, 'nps', 'nps', true),
            ],
            rows: stacks.map((s) => ({
              key: s.id,
              cells: [
                textCell(s.label),
                numberCell(s.n, 'count'),
                numberCell(s.result.detractors, 'share'),
                numberCell(s.result.passives, 'share'),
                numberCell(s.result.promoters, 'share'),
                numberCell(s.result.score, 'score'),
              ],
            })),
          },
        },
      },
    ],
  };
}

function openTextSection(ctx: SectionContext): ReportSection {
  const { locale, store, responses } = ctx;
  const title = message('openSection', locale);
  const blocks: ReportBlock[] = [];
  const redact = ctx.redact === false ? undefined : ctx.redact === true ? {} : ctx.redact;
  for (const item of responses.items) {
    const column = responses.columns.get(item.id);
    if (column?.kind !== 'text' || column.values.length === 0) continue;
    const answers = column.values.filter((v) => v.trim() !== '');
    const shown = answers
      .slice(0, ctx.maxOpenAnswers)
      .map((v) =>
        redact === undefined
          ? v
          : redactText(v, { ...redact, replacement: message('redactedMark', locale) }),
      );
    blocks.push(
      { kind: 'heading', text: localize(item.text, locale) },
      paragraph(
        say('openCount', locale, {
          count: store.bind(
            `open.${item.id}.count`,
            answers.length,
            'count',
            `responses.columns.${item.id}.values.length`,
          ),
          shown: store.bind(
            `open.${item.id}.shown`,
            shown.length,
            'count',
            'min(count, options.maxOpenAnswers)',
          ),
        }),
      ),
      { kind: 'quotes', quotes: shown },
    );
  }
  if (blocks.length === 0) blocks.push(paragraph(say('openNone', locale)));
  else if (redact !== undefined) blocks.unshift(paragraph(say('openRedacted', locale)));
  return { id: 'open-text', title, pageBreakBefore: true, blocks };
}

function recommendations(ctx: SectionContext): ReportSection {
  const { ipa, index } = ctx.results;
  const { locale, store } = ctx;
  const items: TextRun[][] = [];
  for (const id of ipa?.concentrateHere ?? []) {
    const p = ipa!.items.find((x) => x.id === id)!;
    items.push(
      say('recommendIpa', locale, {
        item: ctx.itemLabel(id),
        importance: store.bind(
          `ipa.${id}.importance`,
          p.importance,
          'decimal',
          `ipa.items[${ipa!.items.indexOf(p)}].importance`,
        ),
        score: { kind: 'value', key: `item.${id}.score` },
        cut: { kind: 'value', key: 'ipa.cut.performance' },
      }),
    );
  }
  if (ctx.target !== undefined) {
    const target = store.bind('target', ctx.target, 'score', 'options.target');
    // An item already named by the IPA is not named twice.
    const named = new Set(ipa?.concentrateHere ?? []);
    const below = index.items
      .filter((i) => i.score !== null && i.score < ctx.target! && !named.has(i.id))
      .sort((a, b) => a.score! - b.score!);
    for (const i of below) {
      items.push(
        say('recommendTarget', locale, {
          item: ctx.itemLabel(i.id),
          score: { kind: 'value', key: `item.${i.id}.score` },
          target,
        }),
      );
    }
  }
  return {
    id: 'recommendations',
    title: message('recommendationsSection', locale),
    pageBreakBefore: false,
    blocks:
      items.length === 0
        ? [paragraph(say('recommendNone', locale))]
        : [{ kind: 'list', ordered: true, items }],
  };
}

/** The ten sections of a satisfaction report, in order. */
export function satisfactionSections(ctx: SectionContext): ReportSection[] {
  const { institutions, groups } = ctx.results;
  // Item and dimension scores are bound first: later sections refer to them.
  const index = indexSection(ctx);
  return [
    summary(ctx),
    methodology(ctx),
    index,
    institutions === undefined
      ? emptyBreakdownSection(ctx, 'institutions')
      : breakdownSection(
          ctx,
          'institutions',
          institutions,
          message('institutionsSection', ctx.locale),
        ),
    groups === undefined
      ? emptyBreakdownSection(ctx, 'groups')
      : breakdownSection(ctx, 'groups', groups, message('groupsSection', ctx.locale)),
    ...(ctx.results.breakdowns ?? []).map((b) => segmentSection(ctx, b)),
    ipaSection(ctx),
    changeSection(ctx),
    npsSection(ctx),
    openTextSection(ctx),
    recommendations(ctx),
  ];
}
