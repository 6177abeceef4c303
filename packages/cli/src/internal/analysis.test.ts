import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuestionnaire, readResponsesSync } from '@edu-quality/questionnaire';
import type { BreakdownResult } from '@edu-quality/index';
import { analyse, analysisText, type AnalysisOptions } from './analysis.js';

const lt = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'lt-export');
const set = readResponsesSync(
  parseQuestionnaire(JSON.parse(readFileSync(join(lt, 'questionnaire.json'), 'utf8'))),
  readFileSync(join(lt, 'responses.csv')),
  { idColumn: 'respondent' },
);
const options = (by: string[], minGroupSize = 5): AnalysisOptions => ({
  command: 'index',
  weights: 'equal',
  interval: 'delta-t',
  replicates: 0,
  seed: 1,
  level: 0.95,
  by,
  minGroupSize,
});

// A hidden group is given away when it is the only hidden one among the
// groups that add up to a published number: the total, or a published group
// of a coarser table (its n minus the published ones is the hidden n).
function givenAway(coarse: BreakdownResult | null, fine: BreakdownResult, total: number): string[] {
  const parents: [string, number, (key: Readonly<Record<string, string | null>>) => boolean][] = [
    ['total', total, () => true],
  ];
  for (const g of coarse?.groups ?? []) {
    if (g.suppressed) continue;
    parents.push([g.label, g.n, (key) => coarse!.by.every((f) => key[f] === g.key[f])]);
  }
  const out: string[] = [];
  for (const [label, , inside] of parents) {
    const children = fine.groups.filter((g) => inside(g.key));
    const hidden = children.filter((g) => g.suppressed);
    if (hidden.length === 1) out.push(`${hidden[0]!.label} from ${label}`);
  }
  return out;
}

describe('analyse: several --by tables share one suppression pattern', () => {
  it('no institution × group is the only hidden subgroup of a published institution', () => {
    const a = analyse(set, options(['institution', 'institution+group']));
    const [coarse, fine] = a.breakdowns;
    expect(fine!.by).toEqual(['institution', 'group']);
    expect(givenAway(coarse!, fine!, a.index.n)).toEqual([]);
    expect(givenAway(null, coarse!, a.index.n)).toEqual([]);
    // Some group is below 5 in the cross-table, so the test protects something.
    expect(fine!.groups.some((g) => g.suppressed && g.reason === 'below-minimum')).toBe(true);
  });
  it('says why a group is hidden, never its n', () => {
    const a = analyse(set, options(['institution', 'institution+group']));
    const text = analysisText(set, a, 'en').join('\n');
    expect(text).toContain('suppressed (n < 5)');
    expect(text).toMatch(/suppressed to protect a smaller group/);
    // The n of a group hidden to protect another is never given.
    expect(text).not.toMatch(/suppressed \(n = /);
  });
  it('a+b and b+a are one table', () => {
    const a = analyse(set, options(['institution+group', 'group+institution']));
    expect(a.breakdowns[0]).toBe(a.breakdowns[1]);
  });
});
