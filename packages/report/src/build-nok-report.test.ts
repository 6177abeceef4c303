import { nokAssessment, type NokAudit, type NokSurveyCounts } from '@edu-quality/index';
import { describe, expect, it } from 'vitest';
import { checkHtml, elements, unescapeHtml } from '../test/html-check.js';
import { buildNokReport } from './build-nok-report.js';
import { renderCsv } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { reportTables } from './report-tables.js';
import { renderXlsx } from './xlsx.js';

// The worked example of methods/nok-344n.md: K = 93.8, 87.5, 58.5, 97.333…, 92.9; S = 86.0067.
const names = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const audit: NokAudit = {
  stands: { required: names('s', 10), present: names('s', 9) },
  site: { required: names('w', 50), present: names('w', 45) },
  remoteChannels: ['phone', 'email', 'faq', 'quality-opinion'],
  comfortConditions: ['rest-area', 'navigation', 'drinking-water', 'sanitary-rooms'],
  accessiblePremises: ['ramps', 'parking'],
  accessibilityConditions: ['braille', 'trained-staff', 'remote-or-home'],
};
const survey: NokSurveyCounts = {
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
};
const result = nokAssessment({
  organisations: [
    { id: 'school-1', name: 'Школа № 1', municipality: 'Город', type: 'school', audit, survey },
    {
      id: 'kg-2',
      name: 'Детский сад <script>alert(1)</script>',
      municipality: 'Город',
      type: 'kindergarten',
      audit: { ...audit, remoteChannels: ['phone'] },
      survey: { ...survey, disability: 0, accessibilitySatisfied: 0, overallSatisfied: 150 },
    },
  ],
});

describe('buildNokReport', () => {
  const ru = buildNokReport(result, { locale: 'ru', generatedAt: '2026-11-25' });
  const en = buildNokReport(result, { locale: 'en' });

  it('has a summary and a page per organisation, each on a new printed page', () => {
    expect(ru.sections.map((s) => s.id)).toEqual(['summary', 'org-1', 'org-2']);
    expect(ru.sections.slice(1).every((s) => s.pageBreakBefore)).toBe(true);
    expect(ru.sections[1]!.title).toBe('Школа № 1 (school-1)');
  });

  it('binds the scores to nokAssessment (worked example: S = 86.0067)', () => {
    const first = result.organisations[0]!;
    expect(ru.values['org.0.total']?.value).toBe(first.total.value);
    expect(ru.values['org.0.total']?.value).toBeCloseTo(86.0067, 4);
    expect(ru.values['nok.total']?.value).toBe(result.overall!.total);
    const table = reportTables(ru).find((t) => t.id === 'org-1-criteria')!;
    expect(table.rows.map((r) => r.cells[2])).toEqual([
      ...(['K1', 'K2', 'K3', 'K4', 'K5'] as const).map((k) => ({
        kind: 'number',
        value: first.criteria[k].value,
        format: 'decimal',
      })),
      { kind: 'number', value: first.total.value, format: 'decimal' },
    ]);
  });

  it('writes the organisations table by rank, as CSV and XLSX', async () => {
    const table = reportTables(ru)[0]!;
    expect(table.id).toBe('organisations');
    expect(table.rows.map((r) => r.key)).toEqual(result.ranking.map((r) => r.id));
    const csv = renderCsv(table).split('\r\n');
    expect(csv[0]).toBe(
      'Место,Код,Наименование,Муниципалитет,Учредитель,Тип,Респонденты,K1,K2,K3,K4,K5,Итоговый балл S',
    );
    expect(csv[1]).toBe(
      `1,school-1,Школа № 1,Город,,school,200,${[...(['K1', 'K2', 'K3', 'K4', 'K5'] as const).map((k) => result.organisations[0]!.criteria[k].value), result.organisations[0]!.total.value].join(',')}`,
    );
    const bytes = await renderXlsx(ru, { tables: ['organisations'] });
    expect(bytes.length).toBeGreaterThan(1000);
  });

  it('lists what is missing, by name, with the catalogue labels of the locale', () => {
    const html = renderHtml(ru);
    const page = elements(html, 'section', 'data-section', 'org-1')[0]!;
    expect(page).toContain('Чего не хватает');
    // П3.1: 2 of 5 accessible-premises items present; the three others are named.
    expect(unescapeHtml(page)).toContain('Сменные кресла-коляски');
    expect(unescapeHtml(page)).toContain('(стенды): s10.');
    const enPage = elements(renderHtml(en), 'section', 'data-section', 'org-1')[0]!;
    expect(enPage).toContain('What is missing');
    expect(unescapeHtml(enPage)).toMatch(/Replaceable wheelchairs/);
  });

  it('orders the improvements by the points of S they would add', () => {
    const first = result.organisations[0]!;
    const gains = reportTables(ru).find((t) => t.id === 'org-1-gains')!;
    expect(gains.rows.map((r) => r.cells[2])).toEqual(
      first.shortfalls
        .slice(0, 5)
        .map((s) => ({ kind: 'number', value: s.totalPoints, format: 'decimal' })),
    );
    const points = first.shortfalls.map((s) => s.totalPoints);
    expect([...points].sort((a, b) => b - a)).toEqual(points);
    expect(
      buildNokReport(result, { maxShortfalls: 2 }).sections[1]!.blocks.some(
        (b) => b.kind === 'list' && b.ordered && b.items.length === 2,
      ),
    ).toBe(true);
  });

  it('states where the empty-denominator policy was applied', () => {
    const page = elements(renderHtml(en), 'section', 'data-section', 'org-2')[0]!;
    expect(page).toContain('Empty-denominator policy applied');
    expect(page).toContain('П3.3');
  });

  it('renders to well-formed HTML with one ranking mark per organisation, names escaped', () => {
    const html = renderHtml(ru);
    expect(checkHtml(html)).toEqual([]);
    expect(html).toMatch(/^<!doctype html>\n<html lang="ru">/);
    expect(html).not.toContain('<script>');
    const svg = elements(html, 'svg', 'data-chart', 'ranking')[0]!;
    expect(svg.match(/<g data-mark=/g)).toHaveLength(2);
    expect(
      elements(html, 'svg', 'data-chart', 'org-1-criteria')[0]!.match(/<g data-mark=/g),
    ).toHaveLength(6);
    expect(renderMarkdown(en)).toContain(
      '## Детский сад &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\(kg\\-2\\)',
    );
  });
});

describe('buildNokReport: an organisation without survey data', () => {
  // The worked example beside the same audit without a survey: K4 and K5 have
  // no data, so that organisation is incomplete and not ranked.
  const partial = nokAssessment({
    organisations: [
      { id: 'no-survey', municipality: 'Город', audit },
      { id: 'school-1', municipality: 'Город', audit, survey },
    ],
  });
  const en = buildNokReport(partial, { locale: 'en' });

  it('lists it after the ranked ones, without rank or S, with a note', () => {
    const table = reportTables(en)[0]!;
    expect(table.rows.map((r) => r.key)).toEqual(['school-1', 'no-survey']);
    const csv = renderCsv(table).split('\r\n');
    expect(csv[0]).toMatch(/,Note$/);
    // K1 = 95, K2 = 80, K3 = 51.428571 (redistribute; hand calculation in
    // @edu-quality/index's nok-assessment tests); K4, K5 and S are empty.
    expect(csv[2]).toMatch(
      /^,no-survey,,Город,,,0,95,80,51\.428571\d*,,,,"not ranked: no data for K4, K5"$/,
    );
  });

  it('keeps it out of the ranking chart and the means, and says why', () => {
    expect(en.values['nok.total']?.value).toBe(partial.organisations[1]!.total.value);
    expect(en.values['nok.ranked']?.value).toBe(1);
    const html = renderHtml(en);
    expect(checkHtml(html)).toEqual([]);
    expect(elements(html, 'svg', 'data-chart', 'ranking')[0]!.match(/<g data-mark=/g)).toHaveLength(
      1,
    );
    expect(unescapeHtml(html)).toContain(
      'no-survey: no data for K4, K5; not ranked and not in the means.',
    );
    expect(unescapeHtml(html)).toContain('Incomplete assessment: no data for K4, K5.');
    expect(en.values['org.0.total']).toBeUndefined();
  });

  it('has no mean and no ranking when no organisation is complete', () => {
    const none = buildNokReport(nokAssessment({ organisations: [{ id: 'no-survey', audit }] }), {
      locale: 'en',
    });
    expect(none.values['nok.total']).toBeUndefined();
    expect(renderMarkdown(none)).toContain('No organisation has complete data');
  });
});
