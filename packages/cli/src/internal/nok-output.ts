import type {
  NokAggregate,
  NokAssessmentResult,
  NokCriterionId,
  NokOrganisationResult,
  NokShortfall,
} from '@edu-quality/index';
import type { CsvCell } from './csv.js';
import { html, raw, type Raw } from './html.js';

const CRITERIA: readonly NokCriterionId[] = ['K1', 'K2', 'K3', 'K4', 'K5'];

const TEXT = {
  en: {
    title: 'Independent assessment of the quality of service conditions (NOK, Order 344n)',
    ranking: 'Ranking',
    rank: 'Rank',
    organisation: 'Organisation',
    respondents: 'Respondents',
    total: 'Total S',
    band: 'Band',
    criteria: 'Criteria',
    indicators: 'Indicators',
    indicator: 'Indicator',
    part: 'Part',
    numerator: 'Numerator',
    denominator: 'Denominator',
    value: 'Value',
    improve: 'What would add the most points',
    missing: 'Missing',
    notSatisfied: 'not satisfied',
    points: 'points of S',
    nothing: 'Nothing to improve: every indicator is at 100.',
    policies: 'Policies applied',
    groups: 'Means by group',
    group: 'Group',
    warnings: 'Warnings',
    method: (rounding: string, empty: string): string =>
      `S is the unweighted mean of K1..K5. Rounding: ${rounding}; empty denominators: ${empty}.`,
    K1: 'K1 openness and accessibility of information',
    K2: 'K2 comfort of the conditions',
    K3: 'K3 accessibility for people with disabilities',
    K4: 'K4 goodwill and politeness of staff',
    K5: 'K5 satisfaction with the conditions',
  },
  ru: {
    title: 'Независимая оценка качества условий оказания услуг (НОК, приказ 344н)',
    ranking: 'Рейтинг',
    rank: 'Место',
    organisation: 'Организация',
    respondents: 'Респонденты',
    total: 'Итог S',
    band: 'Группа',
    criteria: 'Критерии',
    indicators: 'Показатели',
    indicator: 'Показатель',
    part: 'Часть',
    numerator: 'Числитель',
    denominator: 'Знаменатель',
    value: 'Значение',
    improve: 'Что даст больше всего баллов',
    missing: 'Отсутствует',
    notSatisfied: 'не удовлетворены',
    points: 'баллов S',
    nothing: 'Улучшать нечего: все показатели равны 100.',
    policies: 'Применённые правила',
    groups: 'Средние по группам',
    group: 'Группа',
    warnings: 'Предупреждения',
    method: (rounding: string, empty: string): string =>
      `S — невзвешенное среднее K1..K5. Округление: ${rounding}; пустые знаменатели: ${empty}.`,
    K1: 'K1 открытость и доступность информации',
    K2: 'K2 комфортность условий',
    K3: 'K3 доступность для инвалидов',
    K4: 'K4 доброжелательность и вежливость работников',
    K5: 'K5 удовлетворённость условиями',
  },
} as const;

/** The languages of the NOK report. */
export type NokLocale = keyof typeof TEXT;

/** The columns of the organisations table (CSV and XLSX). */
export const NOK_TABLE_HEADER: readonly string[] = [
  'rank',
  'organisation',
  'name',
  'municipality',
  'founder',
  'type',
  'respondents',
  'K1',
  'K2',
  'K3',
  'K4',
  'K5',
  'S',
  'S_full_precision',
  'band',
  'top_improvement',
  'top_improvement_points',
];

function shortfallText(s: NokShortfall, locale: NokLocale): string {
  const t = TEXT[locale];
  return s.kind === 'missing-items'
    ? `${s.indicator} ${s.part}: ${t.missing.toLowerCase()} ${s.missing.join(', ')}`
    : `${s.indicator} ${s.part}: ${s.notSatisfied}/${s.asked} ${t.notSatisfied}`;
}

/** One row per organisation, by rank. */
export function nokTableRows(result: NokAssessmentResult, locale: NokLocale): CsvCell[][] {
  return [...result.organisations]
    .sort((a, b) => a.rank - b.rank || a.id.localeCompare(b.id))
    .map((o) => {
      const top = o.shortfalls[0];
      return [
        o.rank,
        o.id,
        o.name,
        o.municipality,
        o.founder,
        o.type,
        o.respondents,
        ...CRITERIA.map((k) => o.criteria[k].display),
        o.total.display,
        o.total.value,
        o.band,
        top === undefined ? '' : shortfallText(top, locale),
        top?.totalPoints,
      ];
    });
}

function slug(id: string, i: number): string {
  return `org-${i + 1}-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

function aggregateTable(title: string, groups: readonly NokAggregate[], locale: NokLocale): Raw {
  if (groups.length === 0) return raw('');
  const t = TEXT[locale];
  return html`<h3>${title}</h3>
<table data-table="${title}"><thead><tr><th>${t.group}</th><th>n</th>${CRITERIA.map((k) => html`<th>${k}</th>`)}<th>S</th></tr></thead><tbody>
${groups.map(
  (g) =>
    html`<tr><td>${g.key ?? '—'}</td><td class="num">${g.organisations.length}</td>${CRITERIA.map((k) => html`<td class="num">${fmt(g.criteria[k].mean)}</td>`)}<td class="num">${g.display}</td></tr>\n`,
)}</tbody></table>`;
}

function fmt(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : x.toFixed(2);
}

function organisationPage(o: NokOrganisationResult, i: number, locale: NokLocale): Raw {
  const t = TEXT[locale];
  const title = o.name === undefined ? o.id : `${o.name} (${o.id})`;
  return html`<section class="organisation" id="${slug(o.id, i)}" data-organisation="${o.id}">
<h2>${title}</h2>
<p class="total">${t.total}: <strong data-value="total">${o.total.display}</strong> · ${t.rank} ${o.rank}${o.band === undefined ? '' : ` · ${t.band} ${o.band}`} · ${t.respondents}: ${o.respondents}</p>
<h3>${t.criteria}</h3>
<table data-table="criteria"><tbody>
${CRITERIA.map((k) => html`<tr><th scope="row">${t[k]}</th><td class="num" data-value="${k}">${o.criteria[k].display}</td></tr>\n`)}
</tbody></table>
<h3>${t.improve}</h3>
${
  o.shortfalls.length === 0
    ? html`<p>${t.nothing}</p>`
    : html`<ol class="shortfalls">${o.shortfalls.map(
        (s) => html`<li>${shortfallText(s, locale)} — <strong>+${s.totalPoints.toFixed(2)}</strong> ${t.points}</li>`,
      )}</ol>`
}
<h3>${t.indicators}</h3>
<table data-table="indicators"><thead><tr><th>${t.indicator}</th><th>${t.part}</th><th>${t.numerator}</th><th>${t.denominator}</th><th>${t.value}</th></tr></thead><tbody>
${Object.values(o.indicators).map((ind) =>
  ind.parts.map(
    (p) =>
      html`<tr><td>${ind.id}</td><td>${p.id}</td><td class="num">${p.numerator}</td><td class="num">${p.denominator}</td><td class="num">${fmt(p.value)}</td></tr>\n`,
  ),
)}</tbody></table>
${o.policies.length === 0 ? '' : html`<h3>${t.policies}</h3><ul>${o.policies.map((p) => html`<li>${p.where}: ${p.message}</li>`)}</ul>`}
</section>
`;
}

/** The NOK report: the ranking, group means, then a page per organisation. */
export function nokHtml(result: NokAssessmentResult, locale: NokLocale): string {
  const t = TEXT[locale];
  const ranked = [...result.organisations.entries()].sort(
    ([, a], [, b]) => a.rank - b.rank || a.id.localeCompare(b.id),
  );
  const body = html`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${t.title}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid #ccc; padding: .25rem .6rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.total strong { font-size: 1.4em; }
@media print { section.organisation { break-before: page; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<h1>${t.title}</h1>
<p>${t.method(result.policy.rounding, String(result.policy.emptyDenominator))}</p>
<h2>${t.ranking}</h2>
<table data-table="ranking"><thead><tr><th>${t.rank}</th><th>${t.organisation}</th><th>${t.respondents}</th>${CRITERIA.map((k) => html`<th>${k}</th>`)}<th>S</th></tr></thead><tbody>
${ranked.map(
  ([i, o]) =>
    html`<tr data-organisation="${o.id}"><td class="num">${o.rank}</td><td><a href="#${slug(o.id, i)}">${o.name ?? o.id}</a></td><td class="num">${o.respondents}</td>${CRITERIA.map((k) => html`<td class="num">${o.criteria[k].display}</td>`)}<td class="num"><strong>${o.total.display}</strong></td></tr>\n`,
)}</tbody></table>
<h2>${t.groups}</h2>
${aggregateTable('municipality', result.byMunicipality, locale)}
${aggregateTable('founder', result.byFounder, locale)}
${aggregateTable('type', result.byType, locale)}
${result.warnings.length === 0 ? '' : html`<h2>${t.warnings}</h2><ul>${result.warnings.map((w) => html`<li>${w.message}</li>`)}</ul>`}
${ranked.map(([i, o]) => organisationPage(o, i, locale))}
</body>
</html>
`;
  return body.html;
}
