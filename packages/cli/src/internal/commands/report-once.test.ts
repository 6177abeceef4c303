import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatValue } from '@edu-quality/report';
import { run } from '../../run.js';
import { capture } from '../capture.js';

const lt = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'lt-export');
const base = [
  'report',
  join(lt, 'responses.csv'),
  '-Q',
  join(lt, 'questionnaire.json'),
  '--id-column',
  'respondent',
  '--locale',
  'en',
  '--min-group-size',
  '3',
  '--formats',
  'md,csv,json',
];
const SCALE_ITEMS = [
  'info_available',
  'info_clear',
  'staff_competence',
  'staff_politeness',
  'staff_confidentiality',
  'time_waiting',
  'time_deadlines',
  'access_channels',
];
const BY = [
  [],
  ['institution'],
  ['group'],
  ['service'],
  ['institution+group'],
  ['group', 'service'],
];

// A seeded generator of option combinations (Park–Miller minimal standard).
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

function csvRows(text: string): string[][] {
  return text
    .split('\r\n')
    .filter((l) => l !== '')
    .slice(1)
    .map((l) => l.split(',').map((f) => f.replace(/^"|"$/g, '')));
}

interface Breakdown {
  by: string[];
  groups: {
    suppressed: boolean;
    rank?: number;
    n?: number;
    index?: { score: number; interval: { lower: number; upper: number } };
  }[];
}

function tableId(by: readonly string[]): string {
  if (by.length === 1 && by[0] === 'institution') return 'institutions';
  if (by.length === 1 && by[0] === 'group') return 'groups';
  return `by-${by.join('-')}`;
}

describe('report: one computation for every output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edu-quality-once-'));
  const random = generator(20261204);
  const combos = Array.from({ length: 6 }, (_, k) => {
    const items = SCALE_ITEMS.filter(() => random() < 0.5);
    return {
      k,
      items: items.length >= 2 ? items : SCALE_ITEMS.slice(0, 2),
      nps: random() < 0.5 ? 'recommend' : 'none',
      by: BY[Math.floor(random() * BY.length)]!,
      interval: (['delta-t', 'delta-z', 'bootstrap'] as const)[Math.floor(random() * 3)]!,
    };
  });

  it.each(combos)(
    'combination $k (--by $by, --interval $interval, --nps $nps): results.json, the CSV tables and the Markdown show the same numbers',
    async ({ k, items, nps, by, interval }) => {
      const out = `once-${k}`;
      const args = [...base, '--out', out, '--items', items.join(','), '--nps', nps];
      for (const b of by) args.push('--by', b);
      args.push('--interval', interval, '--replicates', '200');
      const c = capture(dir);
      expect(await run(args, c.io)).toBe(0);
      const json = JSON.parse(readFileSync(join(dir, out, 'results.json'), 'utf8')) as {
        index: { score: number; items: { id: string }[] };
        nps: { score: number } | null;
        breakdowns: Breakdown[];
      };
      // The index is on the items asked for (the defect: the report files used all of them).
      expect(json.index.items.map((i) => i.id)).toEqual(items);
      const md = readFileSync(join(dir, out, 'report.md'), 'utf8');
      const headline = csvRows(readFileSync(join(dir, out, 'tables', 'headline.csv'), 'utf8'));
      expect(Number(headline.find((r) => r[0] === 'Overall index')![1])).toBe(json.index.score);
      expect(md).toContain(formatValue(json.index.score, 'score', 'en'));
      const npsRow = headline.find((r) => r[0] === 'NPS');
      if (nps === 'none') {
        expect(json.nps).toBeNull();
        expect(npsRow).toBeUndefined();
      } else {
        expect(Number(npsRow![1])).toBe(json.nps!.score);
      }
      // Without --by: institution and group, as in the report's default sections.
      const expectedBy =
        by.length === 0 ? [['institution'], ['group']] : by.map((b) => b.split('+'));
      expect(json.breakdowns.map((b) => b.by)).toEqual(expectedBy);
      for (const b of json.breakdowns) {
        const rows = csvRows(
          readFileSync(join(dir, out, 'tables', `${tableId(b.by)}.csv`), 'utf8'),
        );
        expect(rows).toHaveLength(b.groups.length);
        b.groups.forEach((g, i) => {
          const row = rows[i]!;
          if (g.suppressed) {
            expect(row.slice(2).every((cell) => !/\d/.test(cell) || cell.includes('n < 3'))).toBe(
              true,
            );
            return;
          }
          const cells = [
            g.rank!,
            g.n!,
            g.index!.score,
            g.index!.interval.lower,
            g.index!.interval.upper,
          ];
          expect([row[0], row[2], row[3], row[4], row[5]].map(Number)).toEqual(cells);
          expect(md).toContain(
            `| ${formatValue(g.n!, 'count', 'en')} | ${formatValue(g.index!.score, 'score', 'en')} | ${formatValue(g.index!.interval.lower, 'score', 'en')} | ${formatValue(g.index!.interval.upper, 'score', 'en')} |`,
          );
        });
      }
      // stdout states the same index, with the level's own label.
      expect(c.stdout()).toContain(`Satisfaction index ${json.index.score.toFixed(1)} (95% CI`);
    },
  );
});
