/**
 * The README quick start's main job, in a real browser: the built CLI writes
 * the demo report, Debian's Chromium (driven by playwright-core) opens it, and
 * the test checks that the charts render, that the tables show the index
 * results (computed here, independently, from the exported data), that there
 * are no console errors, and that hostile respondent text is shown as text.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakdown, satisfactionIndex } from '@edu-quality/index';
import { readResponsesSync } from '@edu-quality/questionnaire';
import { educationSatisfactionQuestionnaire } from '@edu-quality/templates';
import { edu, root } from './cli.ts';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';

let browser: Browser;
let page: Page;
let dir: string;
let demo: { report: string; seconds: number };
const consoleErrors: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'edu-quality-e2e-'));
  const started = performance.now();
  const r = await edu(
    ['demo', '--out', 'demo', '--format', 'json', '--extra-text', IMG, '--extra-text', SCRIPT],
    dir,
  );
  const wall = (performance.now() - started) / 1000;
  expect(r.code, r.stderr).toBe(0);
  demo = JSON.parse(r.stdout) as { report: string; seconds: number };
  console.log(`edu-quality demo: ${wall.toFixed(2)} s wall time (child process, built CLI)`);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(demo.report).href, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
});

// The oracle: the 2026 export the demo wrote, read and scored directly.
function expected() {
  const csv = readFileSync(join(dir, 'demo', 'data', 'wave-2026.csv'));
  const set = readResponsesSync(educationSatisfactionQuestionnaire, csv);
  return {
    index: satisfactionIndex(set),
    institutions: breakdown(set, { by: 'institution' }),
  };
}

describe('the demo report in Chromium', () => {
  it('draws every chart as SVG with the expected number of marks', async () => {
    const { index, institutions } = expected();
    const marks = async (chart: string) =>
      page.locator(`svg[data-chart="${chart}"] [data-mark]`).count();
    expect(await page.locator('svg[data-chart]').count()).toBeGreaterThanOrEqual(6);
    expect(await marks('index-items')).toBe(index.items.length);
    expect(await marks('index-dimensions')).toBe(index.dimensions.length);
    const published = institutions.groups.filter((g) => !g.suppressed);
    expect(await marks('institutions')).toBe(published.length);
    // Rendered, not just present: the bars have a size on the page.
    const box = await page.locator('svg[data-chart="index-items"]').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    expect(box?.height ?? 0).toBeGreaterThan(100);
  });

  it('shows the index results in its tables', async () => {
    const { index, institutions } = expected();
    const headline = await page
      .locator('[data-value-key="index.score"]')
      .first()
      .getAttribute('data-value');
    expect(Number(headline)).toBeCloseTo(index.score, 9);
    const shown = await page.locator('[data-value-key="index.score"]').first().textContent();
    expect(shown?.trim()).toBe(index.score.toFixed(1));
    const rows = await page.$$eval('table[data-table="institutions"] tbody tr', (trs) =>
      trs.map((tr) => ({
        key: tr.getAttribute('data-row'),
        cells: [...tr.querySelectorAll('td')].map(
          (td) => td.getAttribute('data-value') ?? td.textContent,
        ),
      })),
    );
    expect(rows).toHaveLength(institutions.groups.length);
    for (const [k, g] of institutions.groups.entries()) {
      // Institution codes are free codes of the item: a suppressed one is not named, only placed.
      const key = g.suppressed ? `suppressed-${k + 1}` : g.label;
      const row = rows.find((r) => r.key === key);
      expect(row, g.label).toBeDefined();
      if (!g.suppressed) {
        expect(Number(row!.cells[0])).toBe(g.rank);
        expect(Number(row!.cells[2])).toBe(g.n);
        expect(Number(row!.cells[3])).toBeCloseTo(g.index.score, 9);
      }
    }
    const items = await page.$$eval('table[data-table="index-items"] tbody tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-row')),
    );
    expect(items).toEqual(index.items.map((i) => i.id));
  });

  it('shows hostile respondent answers as text: no element, no script, no dialog', async () => {
    const quotes = await page.$$eval('blockquote', (bs) => bs.map((b) => b.textContent));
    expect(quotes).toContain(IMG);
    expect(quotes).toContain(SCRIPT);
    expect(await page.locator('blockquote img, blockquote script').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
  });

  it('logs no console errors, and leaves a screenshot', async () => {
    expect(consoleErrors).toEqual([]);
    const artifacts = join(root, '.tmp', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'demo-report.png'), fullPage: true });
  });
});
