import { lt, ru, type WorkingCalendar } from '@edu-quality/calendar';
import {
  LT_SERVICE_QUALITY_STANDARD,
  RU_SERVICE_QUALITY_STANDARD,
  evaluateCompliance,
  readInteractionLog,
  validateServiceQualityStandard,
  type ServiceQualityStandard,
} from '@edu-quality/service-quality';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { flag, num, positionals, str } from '../command.js';
import type { Context } from '../context.js';

const CALENDARS: Readonly<Record<string, WorkingCalendar>> = { lt, ru };
const STANDARDS: Readonly<Record<string, ServiceQualityStandard>> = {
  lt: LT_SERVICE_QUALITY_STANDARD,
  ru: RU_SERVICE_QUALITY_STANDARD,
};

function loadStandard(ctx: Context, spec: string): ServiceQualityStandard {
  const builtin = STANDARDS[spec];
  if (builtin !== undefined) return builtin;
  let data: unknown;
  try {
    data = JSON.parse(ctx.readText(spec));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(1, `${ctx.display(spec)}: not valid JSON`, { file: spec });
  }
  const result = validateServiceQualityStandard(data);
  if (!result.success) {
    throw new CliError(
      1,
      `${ctx.display(spec)}: the standard has ${result.issues.length} issue(s)`,
      {
        file: spec,
        issues: result.issues,
        hint: 'Fix the standard at the paths shown, or start from the built-in one (--standard lt or ru).',
      },
    );
  }
  return result.standard;
}

const pct = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const val = (x: number | null): string => (x === null ? '—' : String(Math.round(x * 10) / 10));

/** `edu-quality compliance`: a customer-service quality standard checked against an interaction log. */
export const complianceCommand: Command = {
  name: 'compliance',
  summary:
    'Check a customer-service quality standard against an interaction log (requests, complaints, visits, calls).',
  usage: 'compliance <log.csv|log.json> [--standard lt|ru|FILE] [options]',
  description: [
    'For each norm: cases applicable, met, breached and unmeasurable (a missing timestamp is never',
    'counted as met), the share met with its Wilson interval, the median and 90th percentile, and the',
    'result by institution with disclosure control. The log has one row per case: id, kind,',
    'institution, channel and the event timestamps (received, answered …); rows with invalid values',
    'are listed with their row and column and left out. Breaches are listed with --breaches (case',
    'ids, for internal follow-up, not for publication).',
  ].join('\n'),
  options: {
    standard: {
      type: 'string',
      short: 's',
      value: 'lt|ru|FILE',
      description: 'the standard: the built-in LT or RU norms (default lt), or a JSON file',
    },
    calendar: {
      type: 'string',
      short: 'c',
      value: 'lt|ru',
      description: 'the working-day calendar (default: as --standard, else lt)',
    },
    now: {
      type: 'string',
      value: 'INSTANT',
      description: 'judge open cases at this moment (default: now)',
    },
    'time-zone': { type: 'string', value: 'ZONE', description: "the institution's IANA time zone" },
    'min-group-size': {
      type: 'string',
      value: 'N',
      description: 'institutions with fewer cases are suppressed (default 5)',
    },
    breaches: { type: 'boolean', description: 'list the breached cases (internal use)' },
    strict: { type: 'boolean', description: 'exit 1 when any row of the log was rejected' },
  },
  examples: [
    'edu-quality compliance register.csv',
    'edu-quality compliance register.csv --standard ru --now 2026-12-31T00:00:00Z --format json',
    'edu-quality compliance register.csv --standard my-standard.json --breaches',
  ],
  run(ctx, parsed) {
    const [file] = positionals('compliance', parsed, ['log']) as [string];
    const spec = str(parsed, 'standard') ?? 'lt';
    const standard = loadStandard(ctx, spec);
    const calendarName = str(parsed, 'calendar') ?? (spec === 'ru' ? 'ru' : 'lt');
    const calendar = CALENDARS[calendarName];
    if (calendar === undefined) {
      throw new CliError(2, `--calendar must be lt or ru, got ${calendarName}`);
    }
    const now = str(parsed, 'now') ?? new Date().toISOString();
    if (Number.isNaN(Date.parse(now)))
      throw new CliError(2, `--now must be an ISO 8601 instant, got ${now}`);
    const timeZone = str(parsed, 'time-zone');
    const log = readInteractionLog(ctx.readText(file));
    ctx.note(
      `${ctx.display(file)}: rows read ${log.counts.read}, accepted ${log.counts.accepted}, rejected ${log.counts.rejected}`,
    );
    if (log.issues.length > 0) ctx.issues(file, log.issues, 20);
    if (flag(parsed, 'strict') && log.counts.rejected > 0) return Promise.resolve(1);
    const result = evaluateCompliance(standard, log, {
      calendar,
      now,
      minGroupSize: num('compliance', parsed, 'min-group-size', 5, { min: 1, integer: true }),
      ...(timeZone === undefined ? {} : { timeZone }),
    });
    const showBreaches = flag(parsed, 'breaches');
    ctx.json({
      ok: true,
      ...result,
      log: { file: ctx.display(file), counts: log.counts, issues: log.issues },
      norms: showBreaches
        ? result.norms
        : result.norms.map((n) =>
            n.kind === 'satisfaction-target' ? n : { ...n, breaches: n.breaches.length },
          ),
    });
    ctx.out(
      `Standard ${result.standardId}, ${result.cases} cases, evaluated at ${result.evaluatedAt} (${result.timeZone})`,
    );
    ctx.out('');
    ctx.out(
      `  ${'norm'.padEnd(6)} ${'kind'.padEnd(20)} ${'applic.'.padStart(7)} ${'met'.padStart(6)} ${'breach'.padStart(6)} ${'unmeas.'.padStart(7)} ${'pending'.padStart(7)} ${'share met'.padStart(9)}  ${'95% CI'.padEnd(13)} ${'target'.padStart(6)}  median  p90`,
    );
    for (const n of result.norms) {
      if (n.kind === 'satisfaction-target') {
        ctx.out(
          `  ${n.normId.padEnd(6)} ${n.kind.padEnd(20)} ${n.status} (index ${n.indexId} ≥ ${n.minimum}; pass values with the library API)`,
        );
        continue;
      }
      const ci = n.interval === null ? '—' : `${pct(n.interval.lower)}–${pct(n.interval.upper)}`;
      ctx.out(
        `  ${n.normId.padEnd(6)} ${n.kind.padEnd(20)} ${String(n.applicable).padStart(7)} ${String(n.met).padStart(6)} ${String(n.breached).padStart(6)} ${String(n.unmeasurable).padStart(7)} ${String(n.pending).padStart(7)} ${pct(n.shareMet).padStart(9)}  ${ci.padEnd(13)} ${pct(n.targetShare).padStart(6)}${n.targetMet === false ? '!' : ' '} ${val(n.median).padStart(6)} ${val(n.p90).padStart(4)}${n.unit === null ? '' : ` ${n.unit}`}`,
      );
      if (showBreaches) {
        for (const b of n.breaches) {
          const by = b.by === null ? '' : ` by ${b.by} ${n.breachUnit ?? ''}`;
          ctx.out(`         breach ${b.caseId}${by}${b.open ? ' (still open)' : ''}`);
        }
      }
    }
    ctx.out('');
    ctx.out(`  ! = below the target share. ${result.suppressionRule}`);
    return Promise.resolve(0);
  },
};
