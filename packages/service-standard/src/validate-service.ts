import type { DeadlineRule } from '@edu-quality/calendar';
import type { Issue, IssuePath, LocalizedText } from '@edu-quality/core';
import { languageIri } from './internal/language-iri.js';
import { ServiceStandardSchema, type ServiceStandard } from './service-standard.js';

/** The result of {@link validateService}: the service, or every problem found. */
export type ValidateServiceResult =
  | { readonly success: true; readonly service: ServiceStandard; readonly issues: readonly [] }
  | { readonly success: false; readonly issues: readonly Issue[] };

// A working day is never shorter than a calendar day, so a step of N working days
// cannot fit in a service of M < N calendar days. The reverse comparison depends
// on the calendar and is not made.
function stepExceeds(step: DeadlineRule, service: DeadlineRule): boolean {
  if (step.unit === service.unit) return step.amount > service.amount;
  return step.unit === 'working-days' && step.amount > service.amount;
}

function crossFieldIssues(service: ServiceStandard): Issue[] {
  const issues: Issue[] = [];
  const lists = [
    'requirements',
    'legalBasis',
    'evidence',
    'steps',
    'costs',
    'outputs',
    'channels',
    'qualityCommitments',
  ] as const;
  for (const list of lists) {
    const seen = new Set<string>();
    service[list].forEach((item, i) => {
      if (seen.has(item.id)) {
        issues.push({
          code: 'duplicate-id',
          message: `id ${item.id} is used twice in ${list}`,
          path: [list, i, 'id'],
        });
      }
      seen.add(item.id);
    });
  }
  service.steps.forEach((step, i) => {
    if (step.deadline !== undefined && stepExceeds(step.deadline, service.processingTime)) {
      issues.push({
        code: 'step-deadline-exceeds-service',
        message: `step ${step.id} may take ${step.deadline.amount} ${step.deadline.unit}, longer than the whole service (${service.processingTime.amount} ${service.processingTime.unit})`,
        path: ['steps', i, 'deadline'],
      });
    }
  });
  const needs = {
    'in-person': 'address',
    phone: 'telephone',
    email: 'email',
    'e-service': 'url',
  } as const;
  service.channels.forEach((channel, i) => {
    const c = channel.contact;
    if (
      c.email === undefined &&
      c.telephone === undefined &&
      c.url === undefined &&
      c.address === undefined
    ) {
      issues.push({
        code: 'channel-without-contact',
        message: `channel ${channel.id} has no contact: give an address, telephone, e-mail or URL`,
        path: ['channels', i, 'contact'],
      });
      return;
    }
    const field = needs[channel.type];
    if (c[field] === undefined) {
      issues.push({
        code: 'channel-contact-mismatch',
        message: `channel ${channel.id} is ${channel.type} but has no ${field}`,
        path: ['channels', i, 'contact', field],
      });
    }
  });
  const provider = service.provider;
  if (
    provider !== undefined &&
    provider.id === service.competentAuthority.id &&
    JSON.stringify(provider) !== JSON.stringify(service.competentAuthority)
  ) {
    issues.push({
      code: 'conflicting-organisation',
      message: `the provider and the competent authority share the id ${provider.id} but differ: give the provider an id of its own`,
      path: ['provider', 'id'],
    });
  }
  service.languages.forEach((tag, i) => {
    if (languageIri(tag) === undefined) {
      issues.push({
        code: 'unmapped-language',
        message: `language ${tag} has no ISO 639-1 or 639-2 code, so the CPSV-AP export cannot name it`,
        path: ['languages', i],
      });
    }
  });
  const channelIds = new Set(service.channels.map((c) => c.id));
  service.costs.forEach((cost, i) => {
    if (cost.channel !== undefined && !channelIds.has(cost.channel)) {
      issues.push({
        code: 'unknown-reference',
        message: `cost ${cost.id} names channel ${cost.channel}, which the service does not have`,
        path: ['costs', i, 'channel'],
      });
    }
  });
  const texts: [IssuePath, LocalizedText | undefined][] = [
    [['name'], service.name],
    [['description'], service.description],
    [['responsibleRole'], service.responsibleRole],
    [['competentAuthority', 'name'], service.competentAuthority.name],
    [['provider', 'name'], service.provider?.name],
    ...service.audience.map((t, i): [IssuePath, LocalizedText] => [['audience', i], t]),
    ...service.legalBasis.map((t, i): [IssuePath, LocalizedText] => [
      ['legalBasis', i, 'title'],
      t.title,
    ]),
    ...(['requirements', 'evidence', 'outputs'] as const).flatMap((list) =>
      service[list].flatMap((t, i): [IssuePath, LocalizedText | undefined][] => [
        [[list, i, 'title'], t.title],
        [[list, i, 'description'], t.description],
      ]),
    ),
    ...service.steps.flatMap((s, i): [IssuePath, LocalizedText][] => [
      [['steps', i, 'title'], s.title],
      [['steps', i, 'owner'], s.owner],
    ]),
    ...service.costs.map((c, i): [IssuePath, LocalizedText | undefined] => [
      ['costs', i, 'description'],
      c.description,
    ]),
    ...service.channels.flatMap((c, i): [IssuePath, LocalizedText | undefined][] => [
      [['channels', i, 'openingHours'], c.openingHours],
      [['channels', i, 'contact', 'address'], c.contact.address],
    ]),
    ...service.qualityCommitments.map((q, i): [IssuePath, LocalizedText] => [
      ['qualityCommitments', i, 'text'],
      q.text,
    ]),
  ];
  for (const [path, text] of texts) {
    if (text === undefined) continue;
    const missing = service.languages.filter((l) => !Object.hasOwn(text, l));
    if (missing.length > 0) {
      issues.push({
        code: 'missing-translation',
        message: `no text in ${missing.join(', ')}`,
        path,
      });
    }
  }
  return issues;
}

/**
 * Validates a service description against the service standard and reports
 * every problem with its path.
 *
 * @remarks
 * First the shape, by {@link ServiceStandardSchema} (zod issues become
 * `Issue`s with zod's code and path). When the shape is right, the checks
 * across fields: `duplicate-id` in a list; `step-deadline-exceeds-service` when
 * a step may take longer than the whole service (same unit, or a working-day
 * step against a calendar-day service); `channel-without-contact`;
 * `channel-contact-mismatch` (an in-person channel without an address, a phone
 * channel without a telephone, an e-mail channel without an e-mail, an
 * e-service without a URL); `unknown-reference` for a fee naming a channel the
 * service lacks; `missing-translation` for any text without one of the
 * declared `languages`. Nothing is thrown.
 *
 * @param input - the service description, as parsed from JSON or written in code
 * @returns `{ success: true, service }` or `{ success: false, issues }`
 *
 * @example
 * ```ts
 * validateService(EXAMPLE_SERVICES[1]).success; // => true
 * const broken = { ...EXAMPLE_SERVICES[1], channels: [{ id: 'desk', type: 'in-person', contact: {} }] };
 * validateService(broken).issues.map((i) => i.code); // => ['channel-without-contact']
 * ```
 */
export function validateService(input: unknown): ValidateServiceResult {
  const parsed = ServiceStandardSchema.safeParse(input);
  if (!parsed.success) {
    return {
      success: false,
      issues: parsed.error.issues.map((issue) => ({
        code: issue.code,
        message: issue.message,
        path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
      })),
    };
  }
  const issues = crossFieldIssues(parsed.data);
  return issues.length > 0
    ? { success: false, issues }
    : { success: true, service: parsed.data, issues: [] };
}
