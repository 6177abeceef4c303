import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE, demoResponses, hostileResponses, questionnaire } from '../test/demo.js';
import { buildReport } from './build-report.js';
import { renderMarkdown } from './render-markdown.js';
import type { ReportDocument } from './report-document.js';

const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures', 'render-markdown');

describe('renderMarkdown: fixture', () => {
  // test/fixtures/render-markdown/demo.input.json holds the seeds and options;
  // demo.expected.md was reviewed by hand. Regenerate on purpose only:
  // UPDATE_FIXTURES=1 pnpm exec vitest run --project report, then review the diff.
  it('renders the seeded demo report as the reviewed fixture', () => {
    const input = JSON.parse(readFileSync(join(fixtures, 'demo.input.json'), 'utf8')) as {
      n: number;
      seed: number;
      previous: { n: number; seed: number };
      options: Record<string, unknown>;
    };
    const doc = buildReport({
      questionnaire,
      responses: demoResponses(input.n, input.seed),
      options: { ...input.options, previous: demoResponses(input.previous.n, input.previous.seed) },
    });
    const text = renderMarkdown(doc);
    const expectedFile = join(fixtures, 'demo.expected.md');
    if (process.env.UPDATE_FIXTURES === '1' || !existsSync(expectedFile)) {
      writeFileSync(expectedFile, text);
    }
    expect(text).toBe(readFileSync(expectedFile, 'utf8'));
  });
});

describe('renderMarkdown: escaping', () => {
  const doc = buildReport({
    questionnaire,
    responses: hostileResponses(),
    options: { locale: 'en', title: '# <b>Title</b> *x*' },
  });
  const text = renderMarkdown(doc);

  it('escapes the title and respondent text', () => {
    expect(text.startsWith('# \\# &lt;b&gt;Title&lt;/b&gt; \\*x\\*\n')).toBe(true);
    expect(text).not.toMatch(/<img|<script|<svg/);
    expect(text).toContain('> &lt;img src\\=x onerror\\=alert\\(1\\)&gt;');
    expect(text).toContain(
      '> \\*\\*bold\\*\\* \\_it\\_ \\[x\\]\\(javascript\\:alert\\(1\\)\\) \\!\\[i\\]\\(http\\://x/i\\.png\\) \\| pipe \\| \\`code\\` \\# h',
    );
    expect(HOSTILE.length).toBeGreaterThan(0);
  });

  it('never lets a respondent line start a block or break a table', () => {
    const base: ReportDocument = { ...doc, sections: [] };
    fc.assert(
      fc.property(fc.string(), (answer) => {
        const out = renderMarkdown({
          ...base,
          meta: { title: 'T' },
          sections: [
            {
              id: 's',
              title: 'S',
              pageBreakBefore: false,
              blocks: [{ kind: 'quotes', quotes: [answer] }],
            },
          ],
        });
        const lines = out.split('\n');
        // Title, blank, heading, blank, then exactly one quote line.
        expect(lines.slice(4, -1)).toHaveLength(1);
        const quote = lines[4]!;
        expect(quote.startsWith('> ')).toBe(true);
        // No unescaped Markdown or HTML character is left.
        expect(
          quote
            .slice(2)
            .replace(/&(?:amp|lt|gt|quot|#39);/g, '')
            .replace(/\\[\\`*_{}[\]()#+\-.!|~:;=$%^]/g, ''),
        ).not.toMatch(/[\\`*_{}[\]()#+\-.!|~<>]/);
      }),
      { numRuns: 300 },
    );
  });
});
