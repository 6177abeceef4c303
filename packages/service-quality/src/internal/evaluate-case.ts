import { dueDate, type DeadlineRule, type WorkingCalendar } from '@edu-quality/calendar';
import type { EventName, InteractionCase, InteractionKind } from '../interaction-case.js';
import type { Norm, NormScope, ServiceQualityStandard } from '../service-quality-standard.js';
import {
  epochDay,
  fromEpochDay,
  localClock,
  localDateOf,
  parseTimestamp,
  resolveTimestamp,
  type ResolvedTimestamp,
} from './timestamp.js';

/** Where the evaluation happens: the calendar, the zone and the moment. */
export interface EvaluationContext {
  readonly calendar: WorkingCalendar;
  readonly timeZone: string;
  readonly now: number;
}

/** What one norm says about one case. */
export type CaseOutcome =
  | { readonly status: 'out-of-scope' }
  | { readonly status: 'pending' }
  | { readonly status: 'excluded'; readonly abandoned: true }
  | {
      readonly status: 'unmeasurable';
      readonly reason: 'missing' | 'inconsistent';
      readonly abandoned?: boolean;
    }
  | { readonly status: 'met'; readonly value?: number; readonly abandoned?: boolean }
  | {
      readonly status: 'breached';
      readonly value?: number;
      readonly by: number | null;
      readonly open: boolean;
      readonly dueOn?: string;
      readonly abandoned?: boolean;
    };

type CaseNorm = Exclude<Norm, { kind: 'satisfaction-target' }>;

const DEFAULT_KINDS: Readonly<Record<CaseNorm['kind'], readonly InteractionKind[]>> = {
  'response-deadline': ['request', 'complaint'],
  latency: ['request', 'complaint'],
  'waiting-time': ['visit'],
  'phone-answer': ['call'],
  'reply-channel': ['request', 'complaint'],
  'opening-hours': ['visit', 'call'],
};

function inScope(
  scope: NormScope | undefined,
  c: InteractionCase,
  kinds?: readonly InteractionKind[],
): boolean {
  const k = scope?.kinds ?? kinds;
  if (k !== undefined && !k.includes(c.kind)) return false;
  if (scope?.institutions !== undefined && !scope.institutions.includes(c.institution))
    return false;
  if (scope?.channels !== undefined && !scope.channels.includes(c.channel)) return false;
  if (
    scope?.services !== undefined &&
    (c.service === undefined || !scope.services.includes(c.service))
  ) {
    return false;
  }
  return true;
}

function event(
  c: InteractionCase,
  name: EventName,
  timeZone: string,
): ResolvedTimestamp | undefined {
  const text = c.events[name];
  if (text === undefined) return undefined;
  const parsed = parseTimestamp(text);
  return parsed === undefined ? undefined : resolveTimestamp(parsed, timeZone);
}

/** Evaluates one case-level norm on one case. */
export function evaluateCase(
  standard: ServiceQualityStandard,
  norm: CaseNorm,
  c: InteractionCase,
  ctx: EvaluationContext,
): CaseOutcome {
  if (!inScope(standard.scope, c) || !inScope(norm.scope, c, DEFAULT_KINDS[norm.kind])) {
    return { status: 'out-of-scope' };
  }
  if (norm.onlyIf !== undefined) {
    const holds =
      norm.onlyIf === 'confirmationRequested'
        ? c.confirmationRequested === true
        : c.events[norm.onlyIf] !== undefined;
    if (!holds) return { status: 'out-of-scope' };
  }
  switch (norm.kind) {
    case 'response-deadline':
      return byDays(c, norm.from, norm.to, norm.deadline, ctx, {
        pause: c.pause,
        extension: c.events.extensionDecided !== undefined ? norm.extension : undefined,
      });
    case 'latency': {
      const { unit, amount } = norm.limit;
      if (unit === 'working-days' || unit === 'calendar-days') {
        const rule: DeadlineRule = {
          amount,
          unit,
          ...(norm.limit.countFrom === undefined ? {} : { countFrom: norm.limit.countFrom }),
          ...(norm.limit.moveOffNonWorkingDay === undefined
            ? {}
            : { moveOffNonWorkingDay: norm.limit.moveOffNonWorkingDay }),
        };
        return byDays(c, norm.from, norm.to, rule, ctx, {});
      }
      return byMinutes(
        c,
        norm.from,
        norm.to,
        unit === 'hours' ? amount * 60 : amount,
        unit === 'hours' ? 60 : 1,
        ctx,
      );
    }
    case 'waiting-time':
      return byMinutes(c, norm.from, norm.to, norm.maxMinutes, 1, ctx);
    case 'phone-answer': {
      const value = norm.measure === 'seconds' ? c.answerSeconds : c.rings;
      if (c.abandoned === true) {
        if (value === undefined)
          return { status: 'unmeasurable', reason: 'missing', abandoned: true };
        // A caller who hangs up within the limit is not a failure of the
        // institution: excluded, as in the call-centre service level.
        if (value <= norm.max) return { status: 'excluded', abandoned: true };
        return { status: 'breached', value, by: value - norm.max, open: false, abandoned: true };
      }
      if (value === undefined) return { status: 'unmeasurable', reason: 'missing' };
      return value <= norm.max
        ? { status: 'met', value }
        : { status: 'breached', value, by: value - norm.max, open: false };
    }
    case 'reply-channel': {
      const expected = c.preferredChannel ?? c.channel;
      if (c.replyChannel === undefined) {
        return c.events.answered !== undefined || c.events.decided !== undefined
          ? { status: 'unmeasurable', reason: 'missing' }
          : { status: 'pending' };
      }
      return c.replyChannel === expected
        ? { status: 'met' }
        : { status: 'breached', by: null, open: false };
    }
    case 'opening-hours': {
      const arrived = event(c, 'received', ctx.timeZone);
      if (arrived?.instant === undefined) return { status: 'unmeasurable', reason: 'missing' };
      if (!ctx.calendar.isWorkingDay(arrived.date)) return { status: 'out-of-scope' };
      const clock = localClock(arrived.instant, ctx.timeZone);
      const period = norm.hours.find((p) => p.weekdays.includes(clock.weekday));
      if (period === undefined) return { status: 'out-of-scope' };
      const short = ctx.calendar.isShortDay(arrived.date) ? (norm.shortDayMinutes ?? 0) : 0;
      const opens = minutesOf(period.opens);
      const closes = minutesOf(period.closes) - short;
      if (clock.minutes < opens || clock.minutes >= closes) return { status: 'out-of-scope' };
      if (c.turnedAway === undefined) return { status: 'unmeasurable', reason: 'missing' };
      return c.turnedAway ? { status: 'breached', by: null, open: false } : { status: 'met' };
    }
  }
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function byDays(
  c: InteractionCase,
  fromName: EventName,
  toName: EventName,
  rule: DeadlineRule,
  ctx: EvaluationContext,
  extra: {
    readonly pause?: { readonly from: string; readonly to: string } | undefined;
    readonly extension?:
      { readonly amount: number; readonly unit: 'working-days' | 'calendar-days' } | undefined;
  },
): CaseOutcome {
  const from = event(c, fromName, ctx.timeZone);
  if (from === undefined) return { status: 'unmeasurable', reason: 'missing' };
  const due = dueDate(from.date, rule, ctx.calendar, {
    timeZone: ctx.timeZone,
    ...(extra.pause === undefined ? {} : { pauses: [extra.pause] }),
    ...(extra.extension === undefined ? {} : { extensions: [extra.extension] }),
  });
  const to = event(c, toName, ctx.timeZone);
  if (to === undefined) {
    if (ctx.now <= due.dueBy.getTime()) return { status: 'pending' };
    return {
      status: 'breached',
      by: epochDay(localDateOf(ctx.now, ctx.timeZone)) - epochDay(due.dueOn),
      open: true,
      dueOn: due.dueOn,
    };
  }
  const inconsistent =
    from.instant !== undefined && to.instant !== undefined
      ? to.instant < from.instant
      : to.date < from.date;
  if (inconsistent) return { status: 'unmeasurable', reason: 'inconsistent' };
  const value = countedDays(from.date, to.date, rule, ctx.calendar, extra.pause);
  if (to.date <= due.dueOn) return { status: 'met', value };
  return {
    status: 'breached',
    value,
    by: epochDay(to.date) - epochDay(due.dueOn),
    open: false,
    dueOn: due.dueOn,
  };
}

// The day number of the reply in the count of the rule: the days after the
// start (or from receipt) up to the reply date that the rule counts, paused
// days left out. A reply on the day of receipt under `next-day` is day 0.
function countedDays(
  fromDate: string,
  toDate: string,
  rule: DeadlineRule,
  calendar: WorkingCalendar,
  pause: { readonly from: string; readonly to: string } | undefined,
): number {
  const start = epochDay(fromDate) + (rule.countFrom === 'receipt' ? 0 : 1);
  const end = epochDay(toDate);
  const pauseFrom = pause === undefined ? Infinity : epochDay(pause.from);
  const pauseTo = pause === undefined ? -Infinity : epochDay(pause.to);
  let n = 0;
  for (let d = start; d <= end; d++) {
    if (d >= pauseFrom && d <= pauseTo) continue;
    if (rule.unit === 'working-days' && !calendar.isWorkingDay(fromEpochDay(d))) continue;
    n++;
  }
  return n;
}

function byMinutes(
  c: InteractionCase,
  fromName: EventName,
  toName: EventName,
  limitMinutes: number,
  minutesPerUnit: number,
  ctx: EvaluationContext,
): CaseOutcome {
  const from = event(c, fromName, ctx.timeZone);
  if (from?.instant === undefined) return { status: 'unmeasurable', reason: 'missing' };
  const to = event(c, toName, ctx.timeZone);
  if (to === undefined) {
    const waited = (ctx.now - from.instant) / 60_000;
    if (waited <= limitMinutes) return { status: 'pending' };
    return { status: 'breached', by: (waited - limitMinutes) / minutesPerUnit, open: true };
  }
  if (to.instant === undefined) return { status: 'unmeasurable', reason: 'missing' };
  if (to.instant < from.instant) return { status: 'unmeasurable', reason: 'inconsistent' };
  const minutes = (to.instant - from.instant) / 60_000;
  const value = minutes / minutesPerUnit;
  return minutes <= limitMinutes
    ? { status: 'met', value }
    : { status: 'breached', value, by: (minutes - limitMinutes) / minutesPerUnit, open: false };
}
