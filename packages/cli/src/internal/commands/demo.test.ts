import { mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakdown, compareWaves, netPromoterScore, satisfactionIndex } from '@edu-quality/index';
import { readResponsesSync, type ScaleColumn } from '@edu-quality/questionnaire';
import { educationSatisfactionQuestionnaire } from '@edu-quality/templates';
import { run } from '../../run.js';
import { capture } from '../capture.js';
import { DEMO_INSTITUTIONS, DEMO_WAVES, demoRecords } from '../demo-data.js';

// The oracle: the seeded records read directly (no CSV round trip, none of the
// CLI's code), and the index functions called directly.
function direct(i: 0 | 1) {
  const set = readResponsesSync(educationSatisfactionQuestionnaire, demoRecords(DEMO_WAVES[i]));
  return {
    set,
    index: satisfactionIndex(set),
    nps: netPromoterScore(set.columns.get('recommend') as ScaleColumn),
    institutions: breakdown(set, { by: 'institution' }),
  };
}

describe('demo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edu-quality-demo-'));

  it('writes the data and the report, and its headline numbers are the index results (golden)', async () => {
    const c = capture(dir);
    expect(await run(['demo', '--out', 'out', '--format', 'json'], c.io)).toBe(0);
    const json = JSON.parse(c.stdout());
    expect(json.institutions).toBe(12);
    expect(existsSync(join(dir, 'out', 'data', 'wave-2025.csv'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'data', 'wave-2026.csv'))).toBe(true);
    const [w1, w2] = [direct(0), direct(1)];
    for (const [wave, d] of [
      [json.waves[0], w1],
      [json.waves[1], w2],
    ] as const) {
      expect(wave.counts).toEqual({
        read: d.set.size,
        accepted: d.set.size,
        rejected: 0,
        droppedAnswers: 0,
      });
      expect(wave.index.score).toBeCloseTo(d.index.score, 10);
      expect(wave.index.interval.lower).toBeCloseTo(d.index.interval.lower, 10);
      expect(wave.index.interval.upper).toBeCloseTo(d.index.interval.upper, 10);
      expect(wave.index.n).toBe(d.index.n);
      expect(wave.nps.score).toBeCloseTo(d.nps.score, 10);
      expect(wave.dimensions.map((x: { score: number }) => x.score.toFixed(8))).toEqual(
        d.index.dimensions.map((x) => x.score.toFixed(8)),
      );
    }
    const change = compareWaves(w1.index, w2.index);
    expect(json.change.index.difference).toBeCloseTo(change.difference, 10);
    expect(json.change.index.pValue).toBeCloseTo(change.pValue, 10);
    const published = w2.institutions.groups.flatMap((g) =>
      g.suppressed ? [] : [{ label: g.label, rank: g.rank, n: g.n, score: g.index.score }],
    );
    expect(json.ranking).toHaveLength(DEMO_INSTITUTIONS.length);
    expect(json.ranking.map((g: { label: string }) => g.label).sort()).toEqual(
      [...DEMO_INSTITUTIONS].sort(),
    );
    for (const g of published) {
      const got = json.ranking.find((r: { label: string }) => r.label === g.label);
      expect(got.rank).toBe(g.rank);
      expect(got.n).toBe(g.n);
      expect(got.score).toBeCloseTo(g.score, 10);
    }
  });

  it('prints the headline with the numbers rounded as computed, and where the report is', async () => {
    const c = capture(dir);
    expect(await run(['demo', '--out', 'text'], c.io)).toBe(0);
    const w2 = direct(1);
    const out = c.stdout();
    expect(out).toContain(
      `Satisfaction index 2026: ${w2.index.score.toFixed(1)} (95% CI ${w2.index.interval.lower.toFixed(1)}–${w2.index.interval.upper.toFixed(1)}), n = 1300`,
    );
    expect(out).toContain('12 institutions and 2 survey waves');
    expect(out).toMatch(/Done in \d+\.\d s\./);
  });

  it('puts --extra-text answers into the open text of the 2026 wave only', async () => {
    const hostile = '<script>alert(1)</script>';
    const c = capture(dir);
    expect(
      await run(['demo', '--out', 'extra', '--extra-text', hostile, '--format', 'json'], c.io),
    ).toBe(0);
    const csv = readFileSync(join(dir, 'extra', 'data', 'wave-2026.csv'), 'utf8');
    expect(csv).toContain(hostile);
    expect(readFileSync(join(dir, 'extra', 'data', 'wave-2025.csv'), 'utf8')).not.toContain(
      hostile,
    );
    // Open text does not enter the index.
    expect(JSON.parse(c.stdout()).waves[1].index.score).toBeCloseTo(direct(1).index.score, 10);
  });
});
