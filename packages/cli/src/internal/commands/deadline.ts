import {
  dueDate,
  lt,
  MAX_SPAN_DAYS,
  ru,
  type ClockPause,
  type DeadlineExtension,
  type DeadlineRule,
  type WorkingCalendar,
} from '@edu-quality/calendar';
import { EduQualityError } from '@edu-quality/core';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { flag, list, num, positionals, str } from '../command.js';

const CALENDARS: Readonly<Record<string, WorkingCalendar>> = { lt, ru };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The longest deadline, extensions included, in days. */
// The calendar's own bound on a count, in the CLI's words.
const MAX_DAYS = MAX_SPAN_DAYS;

function usage(message: string): CliError {
  return new CliError(2, message, {
    hint: 'Run `edu-quality deadline --help` for the options and examples.',
  });
}

/** `edu-quality deadline`: when a reply is due, counted on a working-day calendar. */
export const deadlineCommand: Command = {
  name: 'deadline',
  summary:
    'Say when a reply is due: working or calendar days on the LT or RU calendar, with pauses and extensions.',
  usage: 'deadline <received-at> --days N [options]',
  description: [
    'received-at is a date (2026-04-03), a local time (2026-04-03T23:30) or an instant with an',
    "offset (2026-04-03T20:30:00Z); a local time is in the calendar's time zone (Europe/Vilnius,",
    'Europe/Moscow) unless --time-zone says otherwise, so a message at 23:30 counts that day.',
    'The count starts the next day unless --count-from receipt. --explain lists every day counted.',
  ].join('\n'),
  options: {
    days: { type: 'string', short: 'd', value: 'N', description: 'the deadline in days' },
    unit: { type: 'string', value: 'UNIT', description: 'working-days (default) or calendar-days' },
    calendar: {
      type: 'string',
      short: 'c',
      value: 'lt|ru',
      description: 'the working-day calendar (default lt)',
    },
    'count-from': { type: 'string', value: 'START', description: 'next-day (default) or receipt' },
    'time-zone': { type: 'string', value: 'ZONE', description: "the institution's IANA time zone" },
    pause: {
      type: 'string',
      multiple: true,
      value: 'FROM..TO',
      description: 'a clock pause, dates inclusive (2026-04-10..2026-04-14)',
    },
    extend: {
      type: 'string',
      multiple: true,
      value: 'N',
      description: `an extension of N more days of the same unit (days and extensions ≤ ${MAX_DAYS} in all)`,
    },
    explain: { type: 'boolean', description: 'list the days counted, skipped and paused' },
  },
  examples: [
    'edu-quality deadline 2026-04-03T23:30 --days 20',
    'edu-quality deadline 2026-12-25 --days 30 --unit calendar-days --calendar ru --explain',
    'edu-quality deadline 2026-04-03 --days 20 --pause 2026-04-10..2026-04-14 --extend 10 --format json',
  ],
  run(ctx, parsed) {
    const [receivedAt] = positionals('deadline', parsed, ['received-at']) as [string];
    if (str(parsed, 'days') === undefined) throw usage('--days is required');
    const amount = num('deadline', parsed, 'days', 0, { min: 1, max: MAX_DAYS, integer: true });
    const unit = str(parsed, 'unit') ?? 'working-days';
    if (unit !== 'working-days' && unit !== 'calendar-days')
      throw usage(`--unit must be working-days or calendar-days, got ${unit}`);
    const calendarName = str(parsed, 'calendar') ?? 'lt';
    const calendar = CALENDARS[calendarName];
    if (calendar === undefined) throw usage(`--calendar must be lt or ru, got ${calendarName}`);
    const countFrom = str(parsed, 'count-from') ?? 'next-day';
    if (countFrom !== 'next-day' && countFrom !== 'receipt')
      throw usage(`--count-from must be next-day or receipt, got ${countFrom}`);
    const pauses: ClockPause[] = list(parsed, 'pause').map((p) => {
      const [from = '', to = ''] = p.split('..');
      if (!DATE.test(from) || !DATE.test(to))
        throw usage(`--pause must be FROM..TO with dates (YYYY-MM-DD), got ${p}`);
      return { from, to };
    });
    // The deadline and its extensions together stay within MAX_DAYS: a huge
    // extension made the calendar walk millions of days (seconds, gigabytes).
    let total = amount;
    const extensions: DeadlineExtension[] = list(parsed, 'extend').map((e) => {
      const n = /^\d+$/.test(e) ? Number(e) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > MAX_DAYS)
        throw usage(`--extend must be a whole number of days from 1 to ${MAX_DAYS}, got ${e}`);
      total += n;
      if (total > MAX_DAYS)
        throw usage(`--days and --extend add up to more than ${MAX_DAYS} days (about ten years)`);
      return { amount: n, unit };
    });
    const rule: DeadlineRule = { amount, unit, countFrom };
    const timeZone = str(parsed, 'time-zone');
    let result: ReturnType<typeof dueDate>;
    try {
      result = dueDate(receivedAt, rule, calendar, {
        ...(timeZone === undefined ? {} : { timeZone }),
        ...(pauses.length > 0 ? { pauses } : {}),
        ...(extensions.length > 0 ? { extensions } : {}),
      });
    } catch (error) {
      // Days, extensions and pauses that together pass the bound are a usage error.
      if (EduQualityError.isInstance(error) && error.code === 'out-of-range')
        throw usage(error.message.replace(/^dueDate: /, ''));
      throw error;
    }
    const warnings = result.unconfirmedYears.map(
      (year) =>
        `warning: the ${calendarName.toUpperCase()} calendar has no confirmed act for ${year}; its days are counted by the statutory rules alone, so the due date may change when the act is published`,
    );
    const explain = flag(parsed, 'explain');
    ctx.json({
      ok: true,
      rule,
      calendar: calendarName,
      receivedOn: result.receivedOn,
      dueOn: result.dueOn,
      dueBy: result.dueBy.toISOString(),
      timeZone: result.timeZone,
      steps: result.steps,
      unconfirmedYears: result.unconfirmedYears,
      warnings,
    });
    ctx.out(
      `Received ${result.receivedOn} (${result.timeZone}); ${amount} ${unit.replace('-', ' ')}${extensions.length > 0 ? ` + ${extensions.map((e) => e.amount).join(' + ')} extension` : ''} on the ${calendarName.toUpperCase()} calendar`,
    );
    ctx.out(`Due on ${result.dueOn} (by ${result.dueBy.toISOString()})`);
    for (const warning of warnings) ctx.out(warning);
    if (explain) {
      for (const s of result.steps)
        ctx.out(
          `  ${s.date}  ${s.kind.padEnd(8)} ${s.count === undefined ? '   ' : String(s.count).padStart(3)}  ${s.note}`,
        );
    }
    return Promise.resolve(0);
  },
};
