/**
 * Runs the built packages in a real browser: esbuild bundles a small entry for
 * the browser platform (so any Node-only import fails the build), and headless
 * Debian Chromium, driven by playwright-core, executes it.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;

describe('in a browser', () => {
  it('bundles for the browser platform and runs in headless Chromium', async () => {
    const bundle = await build({
      entryPoints: [join(here, 'browser', 'entry.mjs')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
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
      await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined);
      const result = await page.evaluate(() => (window as unknown as { __result: unknown }).__result);
      expect(errors).toEqual([]);
      expect(result).toEqual({
        title: 'Удовлетворённость образовательными услугами',
        items: 23,
      });
    } finally {
      await browser.close();
    }
  });
});
