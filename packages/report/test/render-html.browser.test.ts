// The HTML report in a real browser: Debian's Chromium driven by playwright-core.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../src/build-report.js';
import { renderHtml } from '../src/render-html.js';
import { HOSTILE, demoResponses, hostileResponses, questionnaire } from './demo.js';

const CHROMIUM = '/usr/bin/chromium';
const artifacts = join(import.meta.dirname, '..', '..', '..', '.tmp', 'artifacts');

describe.skipIf(!existsSync(CHROMIUM))('renderHtml in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const responses = hostileResponses(600, 2026);
  const doc = buildReport({
    questionnaire,
    responses,
    options: {
      locale: 'lt',
      previous: demoResponses(500, 2025),
      minGroupSize: 40,
      target: 80,
      populationSize: 5000,
      title: 'Trakų rajono švietimo paslaugų vartotojų pasitenkinimo tyrimas',
      organisation: 'Trakų rajono savivaldybės administracija',
      period: '2026 m. spalis',
      generatedAt: '2026-11-25',
      labels: { 'inst-01': HOSTILE[0]!, 'inst-02': HOSTILE[2]! },
      redact: false,
    },
  });
  if (doc.kind !== 'satisfaction') throw new Error('kind');
  const { results } = doc;
  const html = renderHtml(doc);

  it('renders the charts and tables with no console error and no dialog', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const errors: string[] = [];
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
    });
    await page.setContent(html, { waitUntil: 'load' });

    const count = (chart: string) => page.locator(`svg[data-chart="${chart}"] [data-mark]`).count();
    const scored = results.index.items.filter((i) => i.score !== null);
    expect(await count('index-items')).toBe(scored.length);
    expect(await count('index-dimensions')).toBe(results.index.dimensions.length);
    expect(await count('institutions')).toBe(
      results.institutions!.groups.filter((g) => !g.suppressed).length,
    );
    expect(await count('groups')).toBe(results.groups!.groups.filter((g) => !g.suppressed).length);
    expect(await count('ipa')).toBe(results.ipa!.items.length);
    expect(await count('distribution')).toBe(scored.length);
    // Every chart is drawn: a box with a size.
    for (const box of await page.locator('svg[data-chart]').all()) {
      const size = await box.boundingBox();
      expect(size!.width).toBeGreaterThan(300);
      expect(size!.height).toBeGreaterThan(40);
    }

    // The table behind the item chart holds the index results.
    const scores = await page
      .locator('table[data-table="index-items"] tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => r.querySelectorAll('td')[2]?.getAttribute('data-value')),
      );
    expect(scores.map((v) => (v === null || v === undefined ? null : Number(v)))).toEqual(
      results.index.items.map((i) => i.score),
    );

    // Hostile answers and names are text: no element was made from them.
    expect(await page.locator('img, script, iframe, object, embed, textarea').count()).toBe(0);
    expect(await page.locator('[onerror], [onload], [onmouseover], [onfocus]').count()).toBe(0);
    const quotes = await page.locator('blockquote[data-quote]').allTextContents();
    for (const text of HOSTILE) expect(quotes).toContain(text);
    const names = await page
      .locator('table[data-table="institutions"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.children[1]?.textContent));
    expect(names).toContain(HOSTILE[0]);

    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('prints with page breaks before the marked sections', async () => {
    const page = await browser.newPage();
    await page.setContent(html);
    await page.emulateMedia({ media: 'print' });
    const breaks = await page
      .locator('section.page-break')
      .evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore));
    expect(breaks.length).toBe(doc.sections.filter((s) => s.pageBreakBefore).length);
    expect(new Set(breaks)).toEqual(new Set(['page']));
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  }, 60_000);
});
