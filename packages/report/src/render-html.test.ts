import { satisfactionIndex } from '@edu-quality/index';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE, demoResponses, hostileResponses, questionnaire } from '../test/demo.js';
import { checkHtml, elements, unescapeHtml } from '../test/html-check.js';
import { buildReport } from './build-report.js';
import { escapeHtml } from './internal/escape.js';
import { renderHtml } from './render-html.js';
import type { ReportDocument } from './report-document.js';

const responses = demoResponses(600, 2026);
const report = buildReport({
  questionnaire,
  responses,
  options: { locale: 'en', previous: demoResponses(400, 2025), minGroupSize: 45, target: 80 },
});
const html = renderHtml(report);
if (report.kind !== 'satisfaction') throw new Error('kind');
const { results } = report;

function marks(text: string, chart: string): string[] {
  const svg = elements(text, 'svg', 'data-chart', chart)[0] ?? '';
  return [...svg.matchAll(/<g data-mark="([^"]*)"/g)].map((m) => unescapeHtml(m[1] ?? ''));
}

function tableValues(text: string, table: string, column: number): (number | null)[] {
  const body = elements(text, 'table', 'data-table', table)[0] ?? '';
  return [...body.matchAll(/<tr data-row="[^"]*">([\s\S]*?)<\/tr>/g)].map((row) => {
    const cells = [...(row[1] ?? '').matchAll(/<t[dh]\b([^>]*)>/g)];
    const v = /data-value="([^"]*)"/.exec(cells[column]?.[1] ?? '')?.[1];
    return v === undefined || v === 'null' ? null : Number(v);
  });
}

describe('renderHtml: structure', () => {
  it('is one well-formed, self-contained document with no script', () => {
    expect(checkHtml(html)).toEqual([]);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|@import|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect(html).toContain('@media print');
  });

  it('has headings in order: one h1, then h2 per section, h3 below them', () => {
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    expect(levels.filter((l) => l === 2)).toHaveLength(report.sections.length + 1); // + contents
  });

  it('draws one mark per item, dimension, published group and IPA point', () => {
    const scored = results.index.items.filter((i) => i.score !== null);
    expect(marks(html, 'index-items')).toEqual(scored.map((i) => i.id));
    expect(marks(html, 'index-dimensions')).toEqual(
      results.index.dimensions.map((d) => d.dimension),
    );
    const published = results.institutions!.groups.filter((g) => !g.suppressed);
    expect(marks(html, 'institutions')).toEqual(published.map((g) => g.label));
    expect(marks(html, 'ipa')).toEqual(results.ipa!.items.map((p) => p.id));
    expect(marks(html, 'distribution')).toHaveLength(scored.length);
  });

  it('gives every chart role="img", a title, a description and a data table', () => {
    const svgs = [...html.matchAll(/<svg [^>]*>/g)].map((m) => m[0]);
    expect(svgs.length).toBeGreaterThanOrEqual(7);
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      expect(svg).toMatch(/aria-labelledby="fig\d+-title fig\d+-desc"/);
    }
    for (const figure of elements(html, 'figure', 'data-figure')) {
      expect(figure).toMatch(/<title id=/);
      expect(figure).toMatch(/<desc id=/);
      expect(figure).toMatch(/<table data-table=/);
    }
  });

  it('writes tables whose numbers are the index results', () => {
    const direct = satisfactionIndex(responses);
    expect(tableValues(html, 'index-items', 3)).toEqual(direct.items.map((i) => i.score));
    expect(tableValues(html, 'index-dimensions', 1)).toEqual(direct.dimensions.map((d) => d.score));
    expect(html).toContain(`data-value-key="index.score" data-value="${direct.score}">`);
  });

  it('shows suppressed groups with their reason and never a number', () => {
    const groups = results.institutions!.groups;
    expect(groups.some((g) => g.suppressed)).toBe(true);
    groups.forEach((g, k) => {
      if (!g.suppressed) return;
      // Institution codes are free codes of the item: a suppressed one is keyed by position.
      const row = elements(html, 'tr', 'data-row', `suppressed-${k + 1}`)[0];
      expect(row).toBeDefined();
      expect(row).toContain(
        g.reason === 'below-minimum'
          ? 'suppressed (n &lt; 45)'
          : 'suppressed to protect a smaller group',
      );
      expect(row).not.toContain(g.label);
      expect(row).not.toContain('data-value');
      expect(
        unescapeHtml(row!.replace(/<[^>]*>/g, ''))
          .replace(`suppressed-${k + 1}`, '')
          .replace('45', ''),
      ).not.toMatch(/\d/);
    });
  });

  it('is localised', () => {
    const lt = renderHtml(buildReport({ questionnaire, responses, options: { locale: 'lt' } }));
    const ru = renderHtml(buildReport({ questionnaire, responses, options: { locale: 'ru' } }));
    expect(lt).toContain('<html lang="lt">');
    expect(lt).toContain('Santrauka');
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('Резюме');
    expect(checkHtml(lt)).toEqual([]);
    expect(checkHtml(ru)).toEqual([]);
  });
});

describe('renderHtml: hostile data', () => {
  const hostile = hostileResponses();
  const doc = buildReport({
    questionnaire,
    responses: hostile,
    options: {
      locale: 'en',
      title: HOSTILE[0]!,
      organisation: HOSTILE[2]!,
      period: HOSTILE[4]!,
      labels: Object.fromEntries(
        Array.from({ length: 12 }, (_, i) => [
          `inst-${String(i + 1).padStart(2, '0')}`,
          HOSTILE[i % HOSTILE.length]!,
        ]),
      ),
    },
  });
  const out = renderHtml(doc, { css: '</style><script>alert(1)</script>' });

  it('escapes respondent text, labels and titles everywhere', () => {
    expect(checkHtml(out)).toEqual([]);
    expect(out).not.toMatch(/<img|<script|<svg onload|<textarea/i);
    for (const text of HOSTILE) {
      expect(out).toContain(escapeHtml(text));
    }
    // Quotes cannot close an attribute: in attributes they are entities too.
    expect(out).not.toMatch(/data-mark="[^"]*"\s+onmouseover/);
  });

  it('shows each hostile answer as text in a blockquote', () => {
    const quotes = elements(out, 'blockquote', 'data-quote').map(unescapeHtml);
    for (const text of HOSTILE) expect(quotes).toContain(text);
  });

  it('cannot have its style sheet closed by the extra CSS', () => {
    expect(out.match(/<\/style>/g)).toHaveLength(1);
    expect(out).toContain('\\3c /style>\\3c script>');
  });
});

describe('renderHtml: properties', () => {
  const base: ReportDocument = { ...report, sections: [] };

  it('renders any string as respondent text escaped, as text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 60 }), fc.string(), (a, b) => {
        const doc: ReportDocument = {
          ...base,
          meta: { title: b },
          sections: [
            {
              id: 'open-text',
              title: b,
              pageBreakBefore: false,
              blocks: [
                { kind: 'quotes', quotes: [a, b] },
                { kind: 'heading', text: a },
              ],
            },
          ],
        };
        const text = renderHtml(doc);
        expect(checkHtml(text)).toEqual([]);
        const quotes = elements(text, 'blockquote', 'data-quote').map(unescapeHtml);
        const clean = (s: string) =>
          // eslint-disable-next-line no-control-regex
          s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD');
        expect(quotes).toEqual([clean(a), clean(b)]);
      }),
      { numRuns: 300 },
    );
  });

  it('renders any label in a chart escaped, in attributes and text', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (labels) => {
        const doc: ReportDocument = {
          ...base,
          sections: [
            {
              id: 's',
              title: 'S',
              pageBreakBefore: false,
              blocks: [
                {
                  kind: 'figure',
                  figure: {
                    kind: 'bars',
                    id: labels[0]!,
                    title: labels[0]!,
                    alt: labels[0]!,
                    scale: { min: 0, max: 100 },
                    bars: labels.map((l, i) => ({ id: l, label: l, value: i * 10 })),
                    table: {
                      id: labels[0]!,
                      caption: labels[0]!,
                      columns: [{ id: 'a', label: 'A', numeric: false }],
                      rows: labels.map((l) => ({ key: l, cells: [{ kind: 'text', text: l }] })),
                    },
                  },
                },
              ],
            },
          ],
        };
        const text = renderHtml(doc);
        expect(checkHtml(text)).toEqual([]);
        expect((text.match(/<g data-mark=/g) ?? []).length).toBe(labels.length);
      }),
      { numRuns: 200 },
    );
  });
});
