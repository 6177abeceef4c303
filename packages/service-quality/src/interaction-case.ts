/**
 * The kinds of interaction an interaction log records.
 *
 * @remarks
 * `request`: a written request (letter, e-mail, e-service form); `complaint`:
 * a complaint about the service; `visit`: a visit in person (queue ticket,
 * reception); `call`: a telephone call.
 *
 * @example
 * ```ts
 * INTERACTION_KINDS; // => ['request', 'complaint', 'visit', 'call']
 * ```
 */
export const INTERACTION_KINDS: readonly ['request', 'complaint', 'visit', 'call'] = [
  'request',
  'complaint',
  'visit',
  'call',
] as const;

/** One of {@link INTERACTION_KINDS}. */
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/**
 * The channels through which people reach an institution and through which it replies.
 *
 * @remarks
 * The first four are the channel types of a service description in
 * `@edu-quality/service-standard`; `post` adds paper mail, which a request
 * register still records.
 *
 * @example
 * ```ts
 * INTERACTION_CHANNELS.includes('post'); // => true
 * ```
 */
export const INTERACTION_CHANNELS: readonly ['in-person', 'phone', 'email', 'e-service', 'post'] = [
  'in-person',
  'phone',
  'email',
  'e-service',
  'post',
] as const;

/** One of {@link INTERACTION_CHANNELS}. */
export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];

/**
 * The events whose timestamps an interaction log may carry, in the order they
 * usually happen.
 *
 * @remarks
 * - `received`: the request, complaint, visit or call arrived (a visitor came, a call rang);
 * - `registered`: the request was registered;
 * - `forwarded`: it was forwarded to the competent body;
 * - `notified`: the applicant was told of the forwarding;
 * - `confirmed`: receipt was confirmed to the applicant;
 * - `answered`: the reply was sent;
 * - `decided`: a complaint was decided;
 * - `extensionDecided`: the deadline was extended;
 * - `extensionNotified`: the applicant was told of the extension;
 * - `ticketIssued`, `called`: a queue ticket was issued, its holder was called;
 * - `started`, `ended`: a reception began and ended.
 *
 * @example
 * ```ts
 * EVENT_NAMES.length; // => 13
 * ```
 */
export const EVENT_NAMES: readonly [
  'received',
  'registered',
  'forwarded',
  'notified',
  'confirmed',
  'answered',
  'decided',
  'extensionDecided',
  'extensionNotified',
  'ticketIssued',
  'called',
  'started',
  'ended',
] = [
  'received',
  'registered',
  'forwarded',
  'notified',
  'confirmed',
  'answered',
  'decided',
  'extensionDecided',
  'extensionNotified',
  'ticketIssued',
  'called',
  'started',
  'ended',
] as const;

/** One of {@link EVENT_NAMES}. */
export type EventName = (typeof EVENT_NAMES)[number];

/**
 * A timestamp of an interaction log: `YYYY-MM-DD` (a date only),
 * `YYYY-MM-DDTHH:mm[:ss]` (the institution's local wall-clock time), or an
 * ISO 8601 instant with `Z` or an offset (`2026-03-02T21:30:00Z`).
 *
 * @remarks
 * A time without an offset is local to the institution; an instant becomes a
 * date in the institution's time zone when a norm is evaluated, so a request
 * sent at 23:30 Vilnius time is received that day. A date without a time
 * serves norms counted in days, and is unmeasurable for norms in minutes.
 */
export type Timestamp = string;

/**
 * One case of an interaction log: a written request, a complaint, a visit or a
 * call, with the timestamps of what happened to it.
 *
 * @remarks
 * Read one from a file with {@link readInteractionLog}. The case carries no
 * personal data: an id (such as the register number), where and how it came,
 * and what happened when. Missing timestamps are simply absent; a norm that
 * needs one reports the case as unmeasurable, never as met.
 */
export interface InteractionCase {
  /** A unique id, for example the register number. */
  readonly id: string;
  /** What kind of interaction. */
  readonly kind: InteractionKind;
  /** The id of the institution that handled it. */
  readonly institution: string;
  /** The id of the service concerned, as in the service standard. */
  readonly service?: string;
  /** The channel the person used. */
  readonly channel: InteractionChannel;
  /** The channel the institution replied through. */
  readonly replyChannel?: InteractionChannel;
  /** The reply channel the person asked for, if they asked. */
  readonly preferredChannel?: InteractionChannel;
  /** The timestamps of what happened. */
  readonly events: Readonly<Partial<Record<EventName, Timestamp>>>;
  /** A clock pause while the applicant clarified the request: first and last paused dates, YYYY-MM-DD. */
  readonly pause?: { readonly from: string; readonly to: string };
  /** Whether the applicant asked for a confirmation of receipt. */
  readonly confirmationRequested?: boolean;
  /** A call: seconds from the first ring to the answer (or to hanging up, if abandoned). */
  readonly answerSeconds?: number;
  /** A call: rings before the answer (or before hanging up). */
  readonly rings?: number;
  /** A call: the caller hung up before an answer. */
  readonly abandoned?: boolean;
  /** A visit or call inside published opening hours that found the office closed or the phone unanswered. */
  readonly turnedAway?: boolean;
}
