import { describeDeadlineRule } from '@edu-quality/calendar';
import {
  checkOptions,
  EduQualityError,
  localize,
  type Issue,
  type LocalizedText,
} from '@edu-quality/core';
import { languageIri } from './internal/language-iri.js';
import type { ChannelType, Organisation, ServiceStandard } from './service-standard.js';

/**
 * The published URL of the CPSV-AP 3.2.0 JSON-LD context that {@link toCpsvJsonLd} refers to.
 *
 * @example
 * ```ts
 * const context = toCpsvJsonLd(EXAMPLE_SERVICES[0]!)['@context'];
 * Array.isArray(context) && context[0] === CPSV_AP_CONTEXT_URL; // => true
 * ```
 */
export const CPSV_AP_CONTEXT_URL =
  'https://semiceu.github.io/uri.semic.eu-generated/CPSV-AP/releases/3.2.0/context/cpsv-ap.jsonld';

/** A JSON-LD node or value as emitted: plain JSON. */
export type JsonLdValue =
  string | number | boolean | null | JsonLdValue[] | { [key: string]: JsonLdValue };

/** A JSON-LD document: a context and a graph of nodes. */
export interface JsonLdDocument {
  /** The CPSV-AP context URL and the prefixes used. */
  readonly '@context': JsonLdValue[];
  /** The nodes. */
  readonly '@graph': { [key: string]: JsonLdValue }[];
}

/** Options of {@link toCpsvJsonLd}. */
export interface ToCpsvJsonLdOptions {
  /** The IRI prefix of services without their own `iri`; defaults to `urn:edu-quality:service:`. */
  readonly baseIri?: string;
}

const PREFIXES = {
  cpsv: 'http://purl.org/vocab/cpsv#',
  cv: 'http://data.europa.eu/m8g/',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  locn: 'http://www.w3.org/ns/locn#',
  org: 'http://www.w3.org/ns/org#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

const PROVIDER_DESCRIPTION: LocalizedText = {
  lt: 'Teikia paslaugą',
  en: 'Provides the service',
  ru: 'Предоставляет услугу',
};

const DEADLINE_LABEL: Readonly<Record<string, string>> = {
  lt: 'Terminas',
  en: 'Processing time',
  ru: 'Срок',
};
const STEPS_LABEL: Readonly<Record<string, string>> = { lt: 'Eiga', en: 'Steps', ru: 'Порядок' };

function langStrings(text: LocalizedText): JsonLdValue[] {
  return Object.entries(text).map(([language, value]) => ({
    '@language': language,
    '@value': value,
  }));
}

function describeService(service: ServiceStandard): JsonLdValue[] {
  return Object.entries(service.description).map(([language, text]) => {
    const label = (labels: Readonly<Record<string, string>>): string =>
      labels[language.split('-')[0] ?? ''] ?? labels.en ?? '';
    const steps = service.steps
      .map((step, i) => {
        const deadline =
          step.deadline !== undefined ? `, ${describeDeadlineRule(step.deadline, language)}` : '';
        return `${i + 1}. ${localize(step.title, language)} (${localize(step.owner, language)}${deadline})`;
      })
      .join('\n');
    const value =
      `${text}\n\n${label(DEADLINE_LABEL)}: ${describeDeadlineRule(service.processingTime, language)}.` +
      (steps !== '' ? `\n\n${label(STEPS_LABEL)}:\n${steps}` : '');
    return { '@language': language, '@value': value };
  });
}

/**
 * Exports services as CPSV-AP 3.2 JSON-LD, the EU vocabulary of public
 * service descriptions, for a national catalogue or the Single Digital Gateway.
 *
 * @remarks
 * Each service becomes a `cpsv:PublicService` with its competent authority
 * (`cv:hasCompetentAuthority`: a `cv:PublicOrganisation`, with `dct:spatial`),
 * its provider (`cv:hasParticipation`: a `cv:Participation` of role provider
 * whose `cv:hasParticipant` is the provider), audience (`skos:Concept`),
 * requirements, evidence, outputs, costs (a free service gets one cost of
 * value 0), channels (with their type as a concept, `cv:ownedBy` the provider
 * or else the authority, the visiting or postal address as `locn:address` →
 * `locn:Address` with `locn:fullAddress`, and opening hours as a
 * `time:TemporalEntity`), contact points, legal resources
 * (`eli:LegalResource`) and languages. Steps have no CPSV-AP class; they are
 * listed in the description.
 *
 * Languages: the primary subtag of each BCP 47 tag, an ISO 639-1 code (`lt`,
 * `ka`) or a three-letter ISO 639-2 code (`ger`), becomes the Publications
 * Office language-authority IRI of its ISO 639-2/T code
 * (`http://publications.europa.eu/resource/authority/language/LIT`); the
 * table holds every ISO 639-1 and 639-2 code.
 *
 * Nothing is dropped silently: a language without such a code, or two
 * different organisations under one id (which would share one IRI), is an
 * issue, and the export throws them all.
 *
 * Deadlines: `cv:processingTime` is an `xsd:duration`, which can count
 * calendar days (`P30D`) but not working days. So `processingTime` is emitted
 * only for calendar-day rules; every rule is also stated in words at the end
 * of the description (see {@link @edu-quality/calendar!describeDeadlineRule}).
 *
 * The document refers to the published context {@link CPSV_AP_CONTEXT_URL} and
 * adds the prefixes it uses; a consumer offline serves a bundled copy of the
 * context. Channel types are concepts of an edu-quality scheme
 * (`urn:edu-quality:channel-type:in-person` …), because the EU channel code
 * list was not available to map to.
 *
 * @param services - one service or several
 * @param options - the IRI prefix of services without an `iri`
 * @returns a JSON-LD document with one `@graph`
 * @throws {@link @edu-quality/core!EduQualityError} `invalid-input` with issues `unmapped-language` and `conflicting-organisation` (each with its path, prefixed by the service's index when a list is given); `invalid-argument` for an unknown option key
 *
 * @example
 * ```ts
 * const doc = toCpsvJsonLd(EXAMPLE_SERVICES[1]!);
 * doc['@graph'][0]?.['@type']; // => 'PublicService'
 * doc['@graph'][0]?.['dct:identifier']; // => 'certificate-of-studies'
 * doc['@graph'][0]?.['cv:processingTime']; // => undefined
 * ```
 */
export function toCpsvJsonLd(
  services: ServiceStandard | readonly ServiceStandard[],
  options: ToCpsvJsonLdOptions = {},
): JsonLdDocument {
  const list: readonly ServiceStandard[] = Array.isArray(services)
    ? (services as readonly ServiceStandard[])
    : [services as ServiceStandard];
  checkOptions('toCpsvJsonLd', options, { baseIri: { type: 'string' } });
  const base = options.baseIri ?? 'urn:edu-quality:service:';
  const graph = new Map<string, { [key: string]: JsonLdValue }>();
  const add = (node: { [key: string]: JsonLdValue } & { '@id': string }): { '@id': string } => {
    if (!graph.has(node['@id'])) graph.set(node['@id'], node);
    return { '@id': node['@id'] };
  };
  const concept = (iri: string, label: LocalizedText): { '@id': string } =>
    add({ '@id': iri, '@type': 'Concept', 'skos:prefLabel': langStrings(label) });
  const location = (iri: string): { '@id': string } => add({ '@id': iri, '@type': 'dct:Location' });

  const issues: Issue[] = [];
  const organisations = new Map<string, { readonly text: string; readonly where: string }>();
  for (const [index, service] of list.entries()) {
    const iri = service.iri ?? `${base}${service.id}`;
    const sub = (kind: string, id: string): string => `${iri}/${kind}/${id}`;
    const organisation = (org: Organisation, path: Issue['path']): { '@id': string } => {
      const orgIri = `${base}organisation/${org.id}`;
      // Two different organisations under one id would share one IRI, and the
      // second would lose its name: an input error, reported, never merged.
      const known = organisations.get(orgIri);
      const text = JSON.stringify(org);
      if (known !== undefined && known.text !== text) {
        issues.push({
          code: 'conflicting-organisation',
          message: `organisation id ${org.id} is already used by a different organisation (at ${known.where})`,
          ...(path === undefined ? {} : { path }),
        });
      } else if (known === undefined) {
        organisations.set(orgIri, { text, where: (path ?? []).join('.') });
      }
      // The super-classes are stated so that shapes without inference see that
      // a PublicOrganisation is an org:Organization (cv:ownedBy) and a
      // foaf:Agent (cv:hasParticipant).
      return add({
        '@id': orgIri,
        '@type': ['PublicOrganization', 'org:Organization', 'foaf:Agent'],
        'dct:identifier': org.id,
        'dct:title': langStrings(org.name),
        'skos:prefLabel': langStrings(org.name),
        'dct:spatial': location(org.spatial),
        ...(org.homepage !== undefined ? { 'foaf:homepage': { '@id': org.homepage } } : {}),
      });
    };
    const at = (...path: (string | number)[]): (string | number)[] =>
      Array.isArray(services) ? [index, ...path] : path;
    const authority = organisation(service.competentAuthority, at('competentAuthority'));
    const provider =
      service.provider !== undefined ? organisation(service.provider, at('provider')) : undefined;
    const titled =
      (type: string, kind: string) =>
      (item: ServiceStandard['outputs'][number]): { '@id': string } =>
        add({
          '@id': sub(kind, item.id),
          '@type': type,
          'dct:identifier': item.id,
          'dct:title': langStrings(item.title),
          ...(item.description !== undefined
            ? { 'dct:description': langStrings(item.description) }
            : {}),
        });
    const channelType = (type: ChannelType): { '@id': string } =>
      concept(`urn:edu-quality:channel-type:${type}`, { en: type });
    const channels = service.channels.map((channel) =>
      add({
        '@id': sub('channel', channel.id),
        '@type': 'Channel',
        'dct:identifier': channel.id,
        'dct:type': channelType(channel.type),
        // The provider delivers the service through its channels; without one, the authority.
        'cv:ownedBy': [provider ?? authority],
        ...(channel.contact.address !== undefined
          ? {
              'locn:address': add({
                '@id': sub('address', channel.id),
                '@type': 'locn:Address',
                'locn:fullAddress': langStrings(channel.contact.address),
              }),
            }
          : {}),
        ...(channel.openingHours !== undefined
          ? {
              'cv:openingHours': add({
                '@id': sub('opening-hours', channel.id),
                '@type': 'TemporalEntity',
                'dct:description': langStrings(channel.openingHours),
              }),
            }
          : {}),
        ...(service.processingTime.unit === 'calendar-days'
          ? {
              'cv:processingTime': {
                '@value': `P${service.processingTime.amount}D`,
                '@type': 'xsd:duration',
              },
            }
          : {}),
      }),
    );
    const contactPoints = service.channels.map((channel) => {
      const c = channel.contact;
      return add({
        '@id': sub('contact-point', channel.id),
        '@type': 'ContactPoint',
        ...(c.email !== undefined ? { 'cv:email': c.email } : {}),
        ...(c.telephone !== undefined ? { 'cv:telephone': c.telephone } : {}),
        ...(c.url !== undefined
          ? { 'cv:contactPage': add({ '@id': c.url, '@type': 'foaf:Document' }) }
          : {}),
        ...(channel.openingHours !== undefined
          ? { 'cv:openingHours': { '@id': sub('opening-hours', channel.id) } }
          : {}),
      });
    });
    const costs =
      service.costs.length > 0
        ? service.costs.map((cost) =>
            add({
              '@id': sub('cost', cost.id),
              '@type': 'Cost',
              'dct:identifier': cost.id,
              'cv:hasValue': { '@value': String(cost.value), '@type': 'xsd:double' },
              'cv:currency': concept(
                `http://publications.europa.eu/resource/authority/currency/${cost.currency}`,
                {
                  en: cost.currency,
                },
              ),
              ...(cost.channel !== undefined
                ? { 'cv:ifAccessedThrough': { '@id': sub('channel', cost.channel) } }
                : {}),
              ...(cost.description !== undefined
                ? { 'dct:description': langStrings(cost.description) }
                : {}),
            }),
          )
        : [
            add({
              '@id': sub('cost', 'free'),
              '@type': 'Cost',
              'dct:identifier': 'free',
              'cv:hasValue': { '@value': '0', '@type': 'xsd:double' },
              'dct:description': langStrings({
                lt: 'Paslauga nemokama',
                en: 'The service is free of charge',
                ru: 'Услуга бесплатная',
              }),
            }),
          ];
    const languages = service.languages.flatMap((tag, i) => {
      const language = languageIri(tag);
      if (language === undefined) {
        issues.push({
          code: 'unmapped-language',
          message: `language ${tag} has no ISO 639-1 or 639-2 code, so no Publications Office language IRI`,
          path: at('languages', i),
        });
        return [];
      }
      return [add({ '@id': language, '@type': 'dct:LinguisticSystem' })];
    });
    const node: { [key: string]: JsonLdValue } & { '@id': string } = {
      '@id': iri,
      '@type': 'PublicService',
      'dct:identifier': service.id,
      'dct:title': langStrings(service.name),
      'dct:description': describeService(service),
      'cv:hasCompetentAuthority': authority,
      ...(provider !== undefined
        ? {
            'cv:hasParticipation': [
              add({
                '@id': sub('participation', 'provider'),
                '@type': 'Participation',
                'dct:identifier': 'provider',
                'dct:description': langStrings(PROVIDER_DESCRIPTION),
                'cv:role': concept('urn:edu-quality:participation-role:provider', {
                  en: 'provider',
                }),
                'cv:hasParticipant': provider,
              }),
            ],
          }
        : {}),
      'dct:audience': service.audience.map((label, i) =>
        concept(sub('audience', String(i + 1)), label),
      ),
      'cv:holdsRequirement': service.requirements.map(titled('Requirement', 'requirement')),
      'cpsv:hasInput': service.evidence.map(titled('Evidence', 'evidence')),
      'cpsv:produces': service.outputs.map(titled('Output', 'output')),
      'cv:hasLegalResource': service.legalBasis.map((act) =>
        add({ '@id': act.iri, '@type': 'LegalResource', 'dct:title': langStrings(act.title) }),
      ),
      'cv:hasCost': costs,
      'cv:hasChannel': channels,
      'cv:contactPoint': contactPoints,
      'dct:language': languages,
      ...(service.processingTime.unit === 'calendar-days'
        ? {
            'cv:processingTime': {
              '@value': `P${service.processingTime.amount}D`,
              '@type': 'xsd:duration',
            },
          }
        : {}),
    };
    graph.delete(iri);
    graph.set(iri, node);
  }
  if (issues.length > 0) {
    throw new EduQualityError(
      'invalid-input',
      `toCpsvJsonLd: ${issues.length} problem(s) would make the export lose data`,
      { issues },
    );
  }
  // Services first, then the nodes they refer to, each once.
  const nodes = [...graph.values()];
  const isService = (n: { [key: string]: JsonLdValue }): boolean => n['@type'] === 'PublicService';
  return {
    '@context': [CPSV_AP_CONTEXT_URL, { ...PREFIXES }],
    '@graph': [...nodes.filter(isService), ...nodes.filter((n) => !isService(n))],
  };
}
