import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../run.js';
import { capture } from '../capture.js';

const dir = mkdtempSync(join(tmpdir(), 'edu-quality-deadline-bounds-'));

describe('deadline: unconfirmed years and bounds', () => {
  it('warns when the count goes through a year without a confirmed decree', async () => {
    // Hand count (as in the calendar's dueDate test): 10 RU working days from Mon 28 Dec 2026
    // are 29, 30 Dec and 11–15, 18–20 Jan 2027 → Wed 20 Jan 2027; 2027 has no confirmed decree.
    const text = capture(dir);
    const args = ['deadline', '2026-12-28', '--days', '10', '--calendar', 'ru'];
    expect(await run(args, text.io)).toBe(0);
    expect(text.stdout()).toContain('Due on 2027-01-20');
    expect(text.stdout()).toMatch(/warning: the RU calendar has no confirmed act for 2027/);
    const json = capture(dir);
    expect(await run([...args, '--format', 'json'], json.io)).toBe(0);
    expect(JSON.parse(json.stdout())).toMatchObject({
      dueOn: '2027-01-20',
      unconfirmedYears: [2027],
      warnings: [expect.stringMatching(/2027/)],
    });
    // A count within confirmed years prints no warning.
    const quiet = capture(dir);
    expect(
      await run(['deadline', '2026-03-02', '--days', '10', '--calendar', 'ru'], quiet.io),
    ).toBe(0);
    expect(quiet.stdout()).not.toMatch(/warning/);
  });

  it('refuses a huge --extend at once with exit 2 (it ran for 14 s and 724 MB)', async () => {
    const started = performance.now();
    const huge = capture(dir);
    expect(
      await run(['deadline', '2026-04-03', '--days', '20', '--extend', '99999999'], huge.io),
    ).toBe(2);
    expect(huge.stderr()).toMatch(/--extend must be a whole number of days from 1 to 3660/);
    // Each within bounds, together beyond: 3650 + 20 > 3660 days.
    const sum = capture(dir);
    expect(await run(['deadline', '2026-04-03', '--days', '3650', '--extend', '20'], sum.io)).toBe(
      2,
    );
    expect(sum.stderr()).toMatch(/--days and --extend add up to more than 3660 days/);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
