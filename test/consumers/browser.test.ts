/**
 * Runs the built packages in a real browser: esbuild bundles a small entry for
 * the browser platform (so any Node-only import fails the build), and headless
 * Debian Chromium, driven by playwright-core, executes it.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const root = join(here, '..', '..');

describe('in a browser', () => {
  it('bundles for the browser platform and runs in headless Chromium', async () => {
    const bundle = await build({
      entryPoints: [join(here, 'browser', 'entry.mjs')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
      loader: { '.csv': 'text' },
    });
    const code = bundle.outputFiles[0]?.text ?? '';
    const browser = await chromium.launch({
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
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.setContent('<!doctype html><meta charset="utf-8"><title>consumer</title>');
      await page.addScriptTag({ content: code });
      await page.waitForFunction(
        () => (window as unknown as { __result?: unknown }).__result !== undefined,
      );
      const result = await page.evaluate(
        () => (window as unknown as { __result: unknown }).__result,
      );
      expect(errors).toEqual([]);
      // The same computation in Node, from the same built packages, is the oracle:
      // the browser must give identical numbers.
      const { parseQuestionnaire, readResponses } = await import('@edu-quality/questionnaire');
      const { breakdown, countNokCsv, netPromoterScore, satisfactionIndex } =
        await import('@edu-quality/index');
      const questionnaire = parseQuestionnaire(
        JSON.parse(readFileSync(join(root, 'examples', 'questionnaire.json'), 'utf8')),
      );
      const responses = await readResponses(
        questionnaire,
        readFileSync(join(root, 'examples', 'responses.csv')),
        { idColumn: 'respondent' },
      );
      const recommend = responses.columns.get('recommend');
      if (recommend?.kind !== 'scale') throw new Error('recommend must be a scale column');
      const nok = countNokCsv(
        parseQuestionnaire(
          JSON.parse(readFileSync(join(here, 'browser', 'nok-questionnaire.json'), 'utf8')),
        ),
        readFileSync(join(root, 'packages', 'cli', 'examples', 'nok', 'answers.csv')),
      );
      expect(nok.counts.accepted).toBe(440);
      expect(result).toEqual({
        nok: {
          counts: nok.counts,
          issues: nok.issues.length,
          organisations: [...nok.accumulator.result()],
        },
        title: 'Удовлетворённость образовательными услугами',
        counts: { read: 124, accepted: 122, rejected: 2, droppedAnswers: 0 },
        index: satisfactionIndex(responses, { weights: 'stated' }).score,
        suppressed: breakdown(responses, { by: 'institution' }).groups.filter((g) => g.suppressed)
          .length,
        nps: netPromoterScore(recommend).score,
        redacted: 'tel. [removed] 15.10.2026, [removed]',
      });
    } finally {
      await browser.close();
    }
  });
});
