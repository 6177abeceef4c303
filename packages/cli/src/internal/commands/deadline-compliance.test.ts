import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../run.js';
import { capture } from '../capture.js';

const dir = mkdtempSync(join(tmpdir(), 'edu-quality-deadline-'));

describe('deadline', () => {
  it('counts 20 LT working days over Easter Monday and 1 May', async () => {
    // Hand count (calendar TSDoc): received Fri 3 Apr 2026 23:30 Vilnius; day 1 is Tue 7 Apr
    // (Easter Monday 6 Apr off); 1 May off; day 20 is Tue 5 May.
    const c = capture(dir);
    expect(
      await run(['deadline', '2026-04-03T20:30:00Z', '--days', '20', '--format', 'json'], c.io),
    ).toBe(0);
    const json = JSON.parse(c.stdout());
    expect(json).toMatchObject({
      receivedOn: '2026-04-03',
      dueOn: '2026-05-05',
      timeZone: 'Europe/Vilnius',
    });
    expect(json.steps.filter((s: { kind: string }) => s.kind === 'counted')).toHaveLength(20);
    const t = capture(dir);
    expect(await run(['deadline', '2026-04-03T23:30', '--days', '20', '--explain'], t.io)).toBe(0);
    expect(t.stdout()).toContain('Due on 2026-05-05');
    expect(t.stdout()).toMatch(/2026-04-06 {2}skipped/);
  });

  it('moves a calendar-day deadline off a RU day off (31 December 2026 is one)', async () => {
    const c = capture(dir);
    // Hand count: 30 calendar days from 2 December end on 31 December 2026, a day off by the
    // 2026 decree; the next working day after the New Year holidays (1–10 January) is 11 January.
    expect(
      await run(
        [
          'deadline',
          '2026-12-01',
          '--days',
          '30',
          '--unit',
          'calendar-days',
          '--calendar',
          'ru',
          '--format',
          'json',
        ],
        c.io,
      ),
    ).toBe(0);
    const json = JSON.parse(c.stdout());
    expect(json.dueOn).toBe('2027-01-11');
    expect(json.steps.some((s: { kind: string }) => s.kind === 'moved')).toBe(true);
  });

  it('applies pauses and extensions, and answers bad input with exit 2', async () => {
    const base = capture(dir);
    await run(['deadline', '2026-04-03', '--days', '20', '--format', 'json'], base.io);
    const paused = capture(dir);
    expect(
      await run(
        [
          'deadline',
          '2026-04-03',
          '--days',
          '20',
          '--pause',
          '2026-04-13..2026-04-17',
          '--extend',
          '5',
          '--format',
          'json',
        ],
        paused.io,
      ),
    ).toBe(0);
    expect(JSON.parse(paused.stdout()).dueOn > JSON.parse(base.stdout()).dueOn).toBe(true);
    expect(await run(['deadline', '2026-04-03'], capture(dir).io)).toBe(2);
    expect(await run(['deadline', '2026-04-03', '--days', '0'], capture(dir).io)).toBe(2);
    expect(
      await run(['deadline', '2026-04-03', '--days', '5', '--calendar', 'de'], capture(dir).io),
    ).toBe(2);
    expect(
      await run(['deadline', '2026-04-03', '--days', '5', '--pause', 'April'], capture(dir).io),
    ).toBe(2);
    const bad = capture(dir);
    expect(await run(['deadline', 'yesterday', '--days', '5'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain('edu-quality deadline:');
  });
});

describe('compliance', () => {
  // The log of the evaluateCompliance example: R1 answered on its due date (met),
  // R2 two working days late (breached), R3 without a receipt time (unmeasurable).
  const log = [
    'id;kind;institution;channel;received;answered',
    'R1;request;school-1;email;2026-04-03T20:30:00Z;2026-05-05T15:00:00+03:00',
    'R2;request;school-1;post;2026-04-03T20:30:00Z;2026-05-07',
    'R3;request;school-1;post;;2026-05-07',
    'R4;complaint;school-1;fax;2026-04-03;',
  ].join('\n');

  it('reports per norm: applicable, met, breached, unmeasurable, with the rows it rejected', async () => {
    writeFileSync(join(dir, 'log.csv'), log);
    const c = capture(dir);
    expect(
      await run(
        ['compliance', 'log.csv', '--now', '2026-06-01T00:00:00Z', '--format', 'json'],
        c.io,
      ),
    ).toBe(0);
    const json = JSON.parse(c.stdout());
    const n1 = json.norms.find((n: { normId: string }) => n.normId === 'N1');
    expect(n1).toMatchObject({ applicable: 3, met: 1, breached: 1, unmeasurable: 1, breaches: 1 });
    expect(json.log.counts).toEqual({ read: 4, accepted: 3, rejected: 1 });
    expect(c.stderr()).toMatch(/log\.csv: row 5, column 4 \(channel\)/);
    const t = capture(dir);
    expect(
      await run(['compliance', 'log.csv', '--now', '2026-06-01T00:00:00Z', '--breaches'], t.io),
    ).toBe(0);
    expect(t.stdout()).toContain('breach R2 by 2 calendar-days');
    expect(
      await run(
        ['compliance', 'log.csv', '--strict', '--now', '2026-06-01T00:00:00Z'],
        capture(dir).io,
      ),
    ).toBe(1);
  });

  it('rejects a broken standard with its issues (exit 1) and a bad --now (exit 2)', async () => {
    writeFileSync(join(dir, 'standard.json'), JSON.stringify({ id: 'x', norms: 'none' }));
    writeFileSync(join(dir, 'log.csv'), log);
    const c = capture(dir);
    expect(await run(['compliance', 'log.csv', '--standard', 'standard.json'], c.io)).toBe(1);
    expect(c.stderr()).toContain('standard.json: the standard has');
    expect(await run(['compliance', 'log.csv', '--now', 'soon'], capture(dir).io)).toBe(2);
  });
});
