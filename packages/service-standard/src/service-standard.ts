import type { DeadlineRule } from '@edu-quality/calendar';
import { LocalizedTextSchema, isLocaleTag, isSafeKey, type LocalizedText } from '@edu-quality/core';
import * as z from 'zod';

const IdSchema: z.ZodType<string> = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/,
    'must start with a letter or _ and hold only letters, digits, _ . -',
  )
  .refine(isSafeKey, { message: 'is a reserved JavaScript property name' });

const IriSchema: z.ZodType<string> = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/,
    'must be an absolute IRI such as https://… or urn:…',
  );

/**
 * The zod schema of a calendar's {@link @edu-quality/calendar!DeadlineRule}.
 *
 * @example
 * ```ts
 * const [service] = EXAMPLE_SERVICES;
 * DeadlineRuleSchema.safeParse(service?.processingTime).success; // => true
 * DeadlineRuleSchema.safeParse({ amount: -1, unit: 'working-days' }).success; // => false
 * ```
 */
export const DeadlineRuleSchema: z.ZodType<DeadlineRule> = z.strictObject({
  amount: z.int().min(1).max(3660),
  unit: z.enum(['working-days', 'calendar-days']),
  countFrom: z.enum(['receipt', 'next-day']).exactOptional(),
  moveOffNonWorkingDay: z.boolean().exactOptional(),
});

/** A public organisation: the competent authority or the provider of a service. */
export interface Organisation {
  /** A stable id. */
  readonly id: string;
  /** The organisation's name. */
  readonly name: LocalizedText;
  /** The place it serves, as an IRI (for example a Publications Office ATU or country IRI). */
  readonly spatial: string;
  /** Its web site. */
  readonly homepage?: string;
}

/**
 * The zod schema of {@link Organisation}.
 *
 * @example
 * ```ts
 * const [service] = EXAMPLE_SERVICES;
 * OrganisationSchema.safeParse(service?.competentAuthority).success; // => true
 * ```
 */
export const OrganisationSchema: z.ZodType<Organisation> = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  spatial: IriSchema,
  homepage: IriSchema.exactOptional(),
});

/** A legal act the service is based on, with its e-TAR (or other) IRI. */
export interface LegalBasis {
  /** A stable id. */
  readonly id: string;
  /** The title of the act, with the article where useful. */
  readonly title: LocalizedText;
  /** The act's IRI, for example an e-TAR address. */
  readonly iri: string;
}

/**
 * The zod schema of {@link LegalBasis}.
 *
 * @example
 * ```ts
 * const [service] = EXAMPLE_SERVICES;
 * service?.legalBasis.every((act) => LegalBasisSchema.safeParse(act).success); // => true
 * ```
 */
export const LegalBasisSchema: z.ZodType<LegalBasis> = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  iri: IriSchema,
});

/** Something with an id, a title and an optional description: a document, a requirement, an output. */
export interface TitledItem {
  /** A stable id. */
  readonly id: string;
  /** The title. */
  readonly title: LocalizedText;
  /** A longer description. */
  readonly description?: LocalizedText;
}

/**
 * The zod schema of {@link TitledItem}.
 *
 * @example
 * ```ts
 * const [service] = EXAMPLE_SERVICES;
 * service?.evidence.every((item) => TitledItemSchema.safeParse(item).success); // => true
 * ```
 */
export const TitledItemSchema: z.ZodType<TitledItem> = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema.exactOptional(),
});

/** One step of the process, with who does it and how long it may take. */
export interface ProcessStep {
  /** A stable id. */
  readonly id: string;
  /** What happens. */
  readonly title: LocalizedText;
  /** The role that owns the step, for example "school principal". */
  readonly owner: LocalizedText;
  /** The step's own deadline; it must fit in the service's. */
  readonly deadline?: DeadlineRule;
}

/**
 * The zod schema of {@link ProcessStep}.
 *
 * @example
 * ```ts
 * const [service] = EXAMPLE_SERVICES;
 * service?.steps.every((step) => ProcessStepSchema.safeParse(step).success); // => true
 * ```
 */
export const ProcessStepSchema: z.ZodType<ProcessStep> = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  owner: LocalizedTextSchema,
  deadline: DeadlineRuleSchema.exactOptional(),
});

/** A fee of the service, possibly only for one channel. */
export interface Cost {
  /** A stable id. */
  readonly id: string;
  /** The amount, 0 or more. */
  readonly value: number;
  /** The ISO 4217 currency code, for example `EUR`. */
  readonly currency: string;
  /** The id of the channel the fee applies to; absent means every channel. */
  readonly channel?: string;
  /** What the fee is for. */
  readonly description?: LocalizedText;
}

/**
 * The zod schema of {@link Cost}.
 *
 * @example
 * ```ts
 * const [service] = EXAMPLE_SERVICES;
 * service?.costs.every((cost) => CostSchema.safeParse(cost).success); // => true
 * ```
 */
export const CostSchema: z.ZodType<Cost> = z.strictObject({
  id: IdSchema,
  value: z.number().min(0).refine(Number.isFinite, { message: 'must be a finite number' }),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'),
  channel: IdSchema.exactOptional(),
  description: LocalizedTextSchema.exactOptional(),
});

/** How people reach a channel. */
export interface ContactPoint {
  /** An e-mail address. */
  readonly email?: string;
  /** A telephone number in international format. */
  readonly telephone?: string;
  /** A web page or e-service address. */
  readonly url?: string;
  /** A postal or visiting address. */
  readonly address?: LocalizedText;
}

/**
 * The zod schema of {@link ContactPoint}.
 *
 * @example
 * ```ts
 * ContactPointSchema.safeParse({ unknownField: 1 }).success; // => false
 * ```
 */
export const ContactPointSchema: z.ZodType<ContactPoint> = z.strictObject({
  email: z.email().exactOptional(),
  telephone: z
    .string()
    .regex(/^\+?[0-9 ()-]{5,20}$/, 'must be a telephone number such as +370 528 00000')
    .exactOptional(),
  url: IriSchema.exactOptional(),
  address: LocalizedTextSchema.exactOptional(),
});

/**
 * The kinds of channel a service is delivered through.
 *
 * @example
 * ```ts
 * CHANNEL_TYPES.includes('e-service'); // => true
 * ```
 */
export const CHANNEL_TYPES: readonly ['in-person', 'phone', 'email', 'e-service'] = [
  'in-person',
  'phone',
  'email',
  'e-service',
] as const;

/** One of {@link CHANNEL_TYPES}. */
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** A channel through which the service is requested or delivered. */
export interface Channel {
  /** A stable id. */
  readonly id: string;
  /** The kind of channel. */
  readonly type: ChannelType;
  /** When it is open, in words. */
  readonly openingHours?: LocalizedText;
  /** How to reach it; an `in-person` channel needs an address, `phone` a telephone, `email` an e-mail, `e-service` a URL. */
  readonly contact: ContactPoint;
}

/**
 * The zod schema of {@link Channel}.
 *
 * @example
 * ```ts
 * const [service] = EXAMPLE_SERVICES;
 * service?.channels.every((channel) => ChannelSchema.safeParse(channel).success); // => true
 * ```
 */
export const ChannelSchema: z.ZodType<Channel> = z.strictObject({
  id: IdSchema,
  type: z.enum(CHANNEL_TYPES),
  openingHours: LocalizedTextSchema.exactOptional(),
  contact: ContactPointSchema,
});

/** A commitment of the customer-service quality standard that this service makes. */
export interface QualityCommitment {
  /** A stable id. */
  readonly id: string;
  /** The commitment as people read it. */
  readonly text: LocalizedText;
  /** The id of the norm in the customer-service quality standard it implements. */
  readonly norm?: string;
}

/**
 * The zod schema of {@link QualityCommitment}.
 *
 * @example
 * ```ts
 * const [service] = EXAMPLE_SERVICES;
 * service?.qualityCommitments.every((c) => QualityCommitmentSchema.safeParse(c).success); // => true
 * ```
 */
export const QualityCommitmentSchema: z.ZodType<QualityCommitment> = z.strictObject({
  id: IdSchema,
  text: LocalizedTextSchema,
  norm: IdSchema.exactOptional(),
});

/**
 * The description of one public service to a municipality's service standard,
 * aligned with CPSV-AP 3.2.
 *
 * @remarks
 * What the service is (`name`, `description`), who is competent and who
 * provides it, to whom (`audience`, `requirements`), on what legal basis, the
 * documents required (`evidence`), the `steps` with their owners and
 * deadlines, the overall `processingTime`, the fee (`costs`, empty = free),
 * the result (`outputs`), the `channels` with contacts and opening hours, the
 * responsible official's role, the `languages` every text is given in, and the
 * quality commitments linked to the customer-service standard.
 */
export interface ServiceStandard {
  /** A stable id, unique in the municipality's catalogue. */
  readonly id: string;
  /** The service's IRI; defaults to one built from `id` on export. */
  readonly iri?: string;
  /** The service's name. */
  readonly name: LocalizedText;
  /** What the service is. */
  readonly description: LocalizedText;
  /** The authority responsible for the service. */
  readonly competentAuthority: Organisation;
  /** The institution that delivers it, when not the authority itself. */
  readonly provider?: Organisation;
  /** Who the service is for. */
  readonly audience: readonly LocalizedText[];
  /** Eligibility requirements. */
  readonly requirements: readonly TitledItem[];
  /** The legal acts the service rests on. */
  readonly legalBasis: readonly LegalBasis[];
  /** Documents the applicant supplies. */
  readonly evidence: readonly TitledItem[];
  /** The steps of the process. */
  readonly steps: readonly ProcessStep[];
  /** The overall processing deadline. */
  readonly processingTime: DeadlineRule;
  /** The fees; an empty list means the service is free. */
  readonly costs: readonly Cost[];
  /** What the applicant gets. */
  readonly outputs: readonly TitledItem[];
  /** The channels, at least one. */
  readonly channels: readonly Channel[];
  /** The role of the official responsible, for example "Head of the Education Department". */
  readonly responsibleRole: LocalizedText;
  /** The languages every text is written in, as BCP 47 tags. */
  readonly languages: readonly string[];
  /** Commitments of the customer-service quality standard. */
  readonly qualityCommitments: readonly QualityCommitment[];
}

/**
 * The zod schema of {@link ServiceStandard}: the shape of each field.
 *
 * @remarks
 * Checks across fields (a step deadline longer than the service's, a channel
 * without a matching contact, unknown channel ids, duplicate ids, missing
 * translations) are made by {@link validateService}, which also runs this
 * schema.
 *
 * @example
 * ```ts
 * ServiceStandardSchema.safeParse(EXAMPLE_SERVICES[0]).success; // => true
 * ServiceStandardSchema.safeParse({ id: 'x' }).success; // => false
 * ```
 */
export const ServiceStandardSchema: z.ZodType<ServiceStandard> = z.strictObject({
  id: IdSchema,
  iri: IriSchema.exactOptional(),
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  competentAuthority: OrganisationSchema,
  provider: OrganisationSchema.exactOptional(),
  audience: z.array(LocalizedTextSchema),
  requirements: z.array(TitledItemSchema),
  legalBasis: z.array(LegalBasisSchema),
  evidence: z.array(TitledItemSchema),
  steps: z.array(ProcessStepSchema),
  processingTime: DeadlineRuleSchema,
  costs: z.array(CostSchema),
  outputs: z.array(TitledItemSchema),
  channels: z.array(ChannelSchema).min(1, 'needs at least one channel'),
  responsibleRole: LocalizedTextSchema,
  languages: z
    .array(
      z.string().refine((t) => isSafeKey(t) && isLocaleTag(t), { message: 'must be a BCP 47 tag' }),
    )
    .min(1, 'needs at least one language'),
  qualityCommitments: z.array(QualityCommitmentSchema),
});
