// Property: whatever the group sizes and answers, a suppressed group's numbers
// reach no renderer — not its index, not its n, not its NPS, not a chart mark.
import { parseQuestionnaire, readResponsesSync } from '@edu-quality/questionnaire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../src/build-report.js';
import { renderCsv } from '../src/render-csv.js';
import { renderHtml } from '../src/render-html.js';
import { renderMarkdown } from '../src/render-markdown.js';
import { reportTables } from '../src/report-tables.js';
import { elements } from './html-check.js';

const label = (en: string) => ({ en });
const scale = { points: [1, 2, 3, 4, 5].map((value) => ({ value, label: label(`p${value}`) })) };
const questionnaire = parseQuestionnaire({
  id: 'tiny',
  version: '1',
  title: label('Tiny'),
  locales: ['en'],
  defaultLocale: 'en',
  sections: [
    {
      id: 's',
      title: label('S'),
      questions: [
        {
          id: 'school',
          kind: 'single',
          role: 'segment',
          text: label('School'),
          // Declared options: their names are published labels (respondent-typed
          // labels are hidden when suppressed; that is tested in build-report).
          options: ['oak', 'pine', 'elm', 'ash', 'yew'].map((value) => ({
            value,
            label: label(value),
          })),
        },
        {
          id: 'q1',
          kind: 'scale',
          role: 'satisfaction',
          dimension: 'staff',
          text: label('Staff'),
          scale,
        },
        {
          id: 'q2',
          kind: 'scale',
          role: 'satisfaction',
          dimension: 'info',
          text: label('Info'),
          scale,
        },
        { id: 'nps', kind: 'nps', role: 'recommend', text: label('Recommend') },
      ],
    },
  ],
});

const NAMES = ['oak', 'pine', 'elm', 'ash', 'yew'];

const groupArb = fc.array(
  fc.record({
    q1: fc.integer({ min: 1, max: 5 }),
    q2: fc.integer({ min: 1, max: 5 }),
    nps: fc.integer({ min: 0, max: 10 }),
  }),
  { maxLength: 12 },
);

describe('suppression in every renderer', () => {
  it('never shows a number of a suppressed group', () => {
    fc.assert(
      fc.property(
        fc.array(groupArb, { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 2, max: 6 }),
        (groups, k) => {
          const records = groups.flatMap((rows, g) =>
            rows.map((r) => ({ school: NAMES[g]!, ...r })),
          );
          fc.pre(records.length >= 2);
          const responses = readResponsesSync(questionnaire, records);
          const doc = buildReport({
            questionnaire,
            responses,
            options: {
              locale: 'en',
              minGroupSize: k,
              institutionField: 'school',
              groupField: 'school',
            },
          });
          if (doc.kind !== 'satisfaction') {
            // A whole study below the threshold is withheld: no tables at all.
            expect(doc.kind).toBe('withheld');
            expect(records.length).toBeLessThan(k);
            expect(reportTables(doc)).toEqual([]);
            return;
          }
          const suppressed = (doc.results.institutions?.groups ?? [])
            .filter((g) => g.suppressed)
            .map((g) => g.label);
          for (const g of groups.keys()) {
            if (groups[g]!.length > 0 && groups[g]!.length < k)
              expect(suppressed).toContain(NAMES[g]);
          }
          const noDigits = (text: string, name: string): void => {
            expect(
              text.replaceAll(name, '').replaceAll(`n < ${k}`, '').replaceAll(`n &lt; ${k}`, ''),
              `${name}: ${text}`,
            ).not.toMatch(/\d/);
          };

          const html = renderHtml(doc);
          const md = renderMarkdown(doc);
          for (const name of suppressed) {
            expect(html).not.toContain(`data-mark="${name}"`);
            for (const row of elements(html, 'tr', 'data-row', name)) {
              expect(row).not.toContain('data-value');
              noDigits(row.replace(/<[^>]*>/g, ''), name);
            }
            for (const line of md
              .split('\n')
              .filter((l) => l.startsWith('|') && l.includes(` ${name} `))) {
              noDigits(line, name);
            }
            for (const table of reportTables(doc)) {
              for (const line of renderCsv(table)
                .split('\r\n')
                .filter((l) => l.split(',').includes(name))) {
                noDigits(line, name);
              }
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
