import type { DeadlineRule } from '@edu-quality/calendar';
import { LocalizedTextSchema, isSafeKey, type LocalizedText } from '@edu-quality/core';
import * as z from 'zod';
import { crossCheck } from './internal/cross-checks.js';
import {
  EVENT_NAMES,
  INTERACTION_CHANNELS,
  INTERACTION_KINDS,
  type EventName,
  type InteractionChannel,
  type InteractionKind,
} from './interaction-case.js';

const IdSchema = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/,
    'must start with a letter or _ and hold only letters, digits, _ . -',
  )
  .refine(isSafeKey, { message: 'is a reserved JavaScript property name' });

const ShareSchema = z
  .number()
  .gt(0, 'must be a share above 0')
  .max(1, 'must be a share of at most 1 (write 95% as 0.95)');

const DeadlineRuleSchema = z.strictObject({
  amount: z.int().min(1).max(3660),
  unit: z.enum(['working-days', 'calendar-days']),
  countFrom: z.enum(['receipt', 'next-day']).exactOptional(),
  moveOffNonWorkingDay: z.boolean().exactOptional(),
});

const ClockTimeSchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time written HH:mm');

/**
 * What a standard or a norm applies to: lists of kinds, services, institutions
 * and channels; an absent list means all.
 */
export interface NormScope {
  /** Kinds of interaction. */
  readonly kinds?: readonly InteractionKind[];
  /** Service ids, as in the service standard. */
  readonly services?: readonly string[];
  /** Institution ids. */
  readonly institutions?: readonly string[];
  /** Channels of the request. */
  readonly channels?: readonly InteractionChannel[];
}

/**
 * The zod schema of {@link NormScope}.
 *
 * @example
 * ```ts
 * NormScopeSchema.safeParse({ channels: ['email'] }).success; // => true
 * NormScopeSchema.safeParse({ channels: ['pigeon'] }).success; // => false
 * ```
 */
export const NormScopeSchema: z.ZodType<NormScope> = z.strictObject({
  kinds: z.array(z.enum(INTERACTION_KINDS)).min(1).exactOptional(),
  services: z.array(IdSchema).min(1).exactOptional(),
  institutions: z.array(IdSchema).min(1).exactOptional(),
  channels: z.array(z.enum(INTERACTION_CHANNELS)).min(1).exactOptional(),
});

/**
 * A condition under which a norm applies to a case: the case has that event
 * (for example `forwarded`), or the flag `confirmationRequested` is true.
 */
export type NormCondition = EventName | 'confirmationRequested';

/**
 * A principle of customer service (professionalism, respect, confidentiality,
 * …), carried as text and mapped to what measures it in the satisfaction
 * questionnaire.
 */
export interface Principle {
  /** A stable id. */
  readonly id: string;
  /** The principle's name. */
  readonly title: LocalizedText;
  /** What it means in practice. */
  readonly description?: LocalizedText;
  /** The questionnaire item ids and dimensions that measure it; at least one of the two. */
  readonly measuredBy: {
    readonly items?: readonly string[];
    readonly dimensions?: readonly string[];
  };
}

/**
 * The zod schema of {@link Principle}.
 *
 * @example
 * ```ts
 * LT_SERVICE_QUALITY_STANDARD.principles.every((p) => PrincipleSchema.safeParse(p).success); // => true
 * ```
 */
export const PrincipleSchema: z.ZodType<Principle> = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.exactOptional(),
  measuredBy: z
    .strictObject({
      items: z.array(IdSchema).exactOptional(),
      dimensions: z.array(IdSchema).exactOptional(),
    })
    .refine((m) => (m.items?.length ?? 0) + (m.dimensions?.length ?? 0) > 0, {
      message: 'needs at least one questionnaire item or dimension',
    }),
});

/** What every norm has: an id, a title, its scope and its source. */
export interface NormBase {
  /** A stable id, for example `N1`. */
  readonly id: string;
  /** What the norm is about, as a noun phrase ("Reply to a written request"). */
  readonly title: LocalizedText;
  /** The commitment as the charter states it; when absent, the charter writes it from the norm's numbers. */
  readonly commitment?: LocalizedText;
  /** What the norm applies to, within the standard's scope. */
  readonly scope?: NormScope;
  /** The law or decision the number comes from. */
  readonly source?: LocalizedText;
}

/** What every norm checked case by case has, besides {@link NormBase}. */
export interface CaseNormBase extends NormBase {
  /** The share of applicable cases that must meet the norm, in (0, 1], for example 0.95. */
  readonly targetShare: number;
  /** The norm applies only to cases with this event or flag. */
  readonly onlyIf?: NormCondition;
}

/**
 * A deadline for a reply or a decision, in working or calendar days, with the
 * conventions of `@edu-quality/calendar`'s `dueDate`: the institution's time
 * zone, counting from receipt or the next day, the clarification pause of the
 * case, and an extension when the case records one.
 */
export interface ResponseDeadlineNorm extends CaseNormBase {
  /** Discriminant. */
  readonly kind: 'response-deadline';
  /** The event the count starts from, for example `received` or `registered`. */
  readonly from: EventName;
  /** The event that meets the deadline, for example `answered` or `decided`. */
  readonly to: EventName;
  /** The deadline. */
  readonly deadline: DeadlineRule;
  /** An extension, applied when the case has an `extensionDecided` event. */
  readonly extension?: {
    readonly amount: number;
    readonly unit: 'working-days' | 'calendar-days';
  };
}

/** The unit of a latency limit: a duration in minutes or hours, or days counted as a deadline. */
export type LatencyUnit = 'minutes' | 'hours' | 'working-days' | 'calendar-days';

/** The longest allowed latency between two events. */
export interface LatencyLimit {
  /** How many units, at least 1. */
  readonly amount: number;
  /** Minutes or hours of elapsed time, or working or calendar days counted as a deadline. */
  readonly unit: LatencyUnit;
  /** Days only: where the count starts; defaults to `next-day`. */
  readonly countFrom?: 'receipt' | 'next-day';
  /** Calendar days only: move a limit that falls on a day off to the next working day; default `true`. */
  readonly moveOffNonWorkingDay?: boolean;
}

/** The time between two events of a case: registration, forwarding, notices, e-mail replies. */
export interface LatencyNorm extends CaseNormBase {
  /** Discriminant. */
  readonly kind: 'latency';
  /** The first event. */
  readonly from: EventName;
  /** The second event. */
  readonly to: EventName;
  /** The longest allowed time between them. */
  readonly limit: LatencyLimit;
}

/** A waiting time in minutes between two events: in a queue (ticket issued → called), or a reception's length. */
export interface WaitingTimeNorm extends CaseNormBase {
  /** Discriminant. */
  readonly kind: 'waiting-time';
  /** The event the wait starts with, usually `ticketIssued`. */
  readonly from: EventName;
  /** The event it ends with, usually `called`. */
  readonly to: EventName;
  /** The longest allowed wait in minutes. */
  readonly maxMinutes: number;
}

/** A telephone call answered promptly: within so many seconds or rings, with a ceiling on the abandoned share. */
export interface PhoneAnswerNorm extends CaseNormBase {
  /** Discriminant. */
  readonly kind: 'phone-answer';
  /** What is counted: `seconds` to answer or `rings` before the answer. */
  readonly measure: 'seconds' | 'rings';
  /** The most seconds or rings allowed ("before the 3rd ring" is 2 rings). */
  readonly max: number;
  /** The highest acceptable share of abandoned calls, in [0, 1]. */
  readonly maxAbandonedShare?: number;
}

/** The reply goes by the channel of the request, or by the one the person asked for. */
export interface ReplyChannelNorm extends CaseNormBase {
  /** Discriminant. */
  readonly kind: 'reply-channel';
}

/** Opening hours on some weekdays. */
export interface OpeningHoursPeriod {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly weekdays: readonly number[];
  /** Opening time, HH:mm. */
  readonly opens: string;
  /** Closing time, HH:mm, after `opens`. */
  readonly closes: string;
}

/**
 * The published opening hours are kept: a visit or call that comes inside
 * them on a working day of the calendar is served, not turned away.
 */
export interface OpeningHoursNorm extends CaseNormBase {
  /** Discriminant. */
  readonly kind: 'opening-hours';
  /** The published hours. */
  readonly hours: readonly OpeningHoursPeriod[];
  /** Minutes the office closes earlier on a short pre-holiday day (Lithuania and Russia: 60). */
  readonly shortDayMinutes?: number;
}

/**
 * A satisfaction target: an index of `@edu-quality/index` (or a NOK
 * criterion score) must reach a minimum on 0–100.
 *
 * @remarks
 * Checked against the value passed to {@link evaluateCompliance} in
 * `options.satisfaction`; service-quality does not compute indices itself.
 */
export interface SatisfactionTargetNorm extends NormBase {
  /** Discriminant. */
  readonly kind: 'satisfaction-target';
  /** The id under which the caller passes the index value, for example `csi`. */
  readonly indexId: string;
  /** The minimum on 0–100. */
  readonly minimum: number;
  /** `estimate` (default): the value must reach the minimum; `lower-bound`: the interval's lower bound must. */
  readonly basis?: 'estimate' | 'lower-bound';
}

/** One measurable norm of a customer-service quality standard: a discriminated union on `kind`. */
export type Norm =
  | ResponseDeadlineNorm
  | LatencyNorm
  | WaitingTimeNorm
  | PhoneAnswerNorm
  | ReplyChannelNorm
  | OpeningHoursNorm
  | SatisfactionTargetNorm;

/** The kinds of {@link Norm}. */
export type NormKind = Norm['kind'];

const base = {
  id: IdSchema,
  title: LocalizedTextSchema,
  commitment: LocalizedTextSchema.exactOptional(),
  scope: NormScopeSchema.exactOptional(),
  source: LocalizedTextSchema.exactOptional(),
};
const caseBase = {
  ...base,
  targetShare: ShareSchema,
  onlyIf: z.enum([...EVENT_NAMES, 'confirmationRequested']).exactOptional(),
};
const eventSchema = z.enum(EVENT_NAMES);

const ResponseDeadlineNormSchema = z.strictObject({
  ...caseBase,
  kind: z.literal('response-deadline'),
  from: eventSchema,
  to: eventSchema,
  deadline: DeadlineRuleSchema,
  extension: z
    .strictObject({
      amount: z.int().min(1).max(3660),
      unit: z.enum(['working-days', 'calendar-days']),
    })
    .exactOptional(),
});

const LatencyNormSchema = z.strictObject({
  ...caseBase,
  kind: z.literal('latency'),
  from: eventSchema,
  to: eventSchema,
  limit: z.strictObject({
    amount: z.int().min(1).max(100_000),
    unit: z.enum(['minutes', 'hours', 'working-days', 'calendar-days']),
    countFrom: z.enum(['receipt', 'next-day']).exactOptional(),
    moveOffNonWorkingDay: z.boolean().exactOptional(),
  }),
});

const WaitingTimeNormSchema = z.strictObject({
  ...caseBase,
  kind: z.literal('waiting-time'),
  from: eventSchema,
  to: eventSchema,
  maxMinutes: z.number().positive().max(100_000),
});

const PhoneAnswerNormSchema = z.strictObject({
  ...caseBase,
  kind: z.literal('phone-answer'),
  measure: z.enum(['seconds', 'rings']),
  max: z.number().min(0).max(100_000),
  maxAbandonedShare: z.number().min(0).max(1).exactOptional(),
});

const ReplyChannelNormSchema = z.strictObject({
  ...caseBase,
  kind: z.literal('reply-channel'),
});

const OpeningHoursNormSchema = z.strictObject({
  ...caseBase,
  kind: z.literal('opening-hours'),
  hours: z
    .array(
      z
        .strictObject({
          weekdays: z.array(z.int().min(1).max(7)).min(1),
          opens: ClockTimeSchema,
          closes: ClockTimeSchema,
        })
        .refine((p) => p.opens < p.closes, {
          message: 'must close after it opens',
          path: ['closes'],
        }),
    )
    .min(1, 'needs at least one period'),
  shortDayMinutes: z.int().min(0).max(720).exactOptional(),
});

const SatisfactionTargetNormSchema = z.strictObject({
  ...base,
  kind: z.literal('satisfaction-target'),
  indexId: IdSchema,
  minimum: z.number().min(0).max(100),
  basis: z.enum(['estimate', 'lower-bound']).exactOptional(),
});

/**
 * The zod schema of {@link Norm}: a discriminated union on `kind`.
 *
 * @example
 * ```ts
 * const norm = { id: 'N8', kind: 'waiting-time', title: { en: 'Waiting in the queue' }, targetShare: 0.9, from: 'ticketIssued', to: 'called', maxMinutes: 15 };
 * NormSchema.safeParse(norm).success; // => true
 * NormSchema.safeParse({ ...norm, kind: 'queue' }).success; // => false
 * ```
 */
export const NormSchema: z.ZodType<Norm> = z.discriminatedUnion('kind', [
  ResponseDeadlineNormSchema,
  LatencyNormSchema,
  WaitingTimeNormSchema,
  PhoneAnswerNormSchema,
  ReplyChannelNormSchema,
  OpeningHoursNormSchema,
  SatisfactionTargetNormSchema,
]);

/**
 * A customer-service quality standard: the principles of service, the
 * measurable norms with their targets, what it applies to, and what the
 * citizens' charter says to people.
 *
 * @remarks
 * Plain data, editable: start from {@link LT_SERVICE_QUALITY_STANDARD} or
 * {@link RU_SERVICE_QUALITY_STANDARD}, change numbers, add norms. Check it
 * with {@link validateServiceQualityStandard}. Norms come from
 * `methods/service-norms.md` (N1–N14): law where there is one, the
 * municipality's own value where there is not.
 */
export interface ServiceQualityStandard {
  /** A stable id. */
  readonly id: string;
  /** The version or the date of the decision that approved it. */
  readonly version?: string;
  /** The standard's title. */
  readonly title: LocalizedText;
  /** Who commits: the municipality's administration and its institutions. */
  readonly institution: LocalizedText;
  /** What the whole standard applies to. */
  readonly scope: NormScope;
  /** The principles of service. */
  readonly principles: readonly Principle[];
  /** The measurable norms. */
  readonly norms: readonly Norm[];
  /** What the institution asks of people in return (the charter's second half). */
  readonly expectations: readonly LocalizedText[];
  /** How to complain and where. */
  readonly complaints: LocalizedText;
  /** How satisfaction is measured (the questionnaire, when, how published). */
  readonly satisfactionMeasurement: LocalizedText;
}

/**
 * The zod schema of {@link ServiceQualityStandard}, with checks across fields.
 *
 * @remarks
 * Besides the shape of every field it reports duplicate principle and norm
 * ids, norms whose two events are the same, and opening-hours periods that
 * name a weekday twice. Every problem is reported with its path; nothing
 * stops at the first one. Unknown keys are errors (strict objects).
 *
 * @example
 * ```ts
 * ServiceQualityStandardSchema.safeParse(LT_SERVICE_QUALITY_STANDARD).success; // => true
 * ServiceQualityStandardSchema.safeParse({ id: 'x' }).success; // => false
 * ```
 */
export const ServiceQualityStandardSchema: z.ZodType<ServiceQualityStandard> = z
  .strictObject({
    id: IdSchema,
    version: z.string().min(1).exactOptional(),
    title: LocalizedTextSchema,
    institution: LocalizedTextSchema,
    scope: NormScopeSchema,
    principles: z.array(PrincipleSchema),
    norms: z.array(NormSchema),
    expectations: z.array(LocalizedTextSchema),
    complaints: LocalizedTextSchema,
    satisfactionMeasurement: LocalizedTextSchema,
  })
  .superRefine((standard, ctx) => {
    for (const issue of crossCheck(standard)) ctx.addIssue({ code: 'custom', ...issue });
  });
