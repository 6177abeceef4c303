import { readFileSync } from 'node:fs';
import jsonldModule from 'jsonld';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { describe, expect, it } from 'vitest';
import { EduQualityError } from '@edu-quality/core';
import { EXAMPLE_SERVICES } from './example-services.js';
import type { ServiceStandard } from './service-standard.js';
import { CPSV_AP_CONTEXT_URL, toCpsvJsonLd, type JsonLdDocument } from './to-cpsv-json-ld.js';

// Test data: the CPSV-AP 3.2.0 release files (see test/fixtures/to-cpsv-json-ld/SOURCE.md).
const fixture = (name: string): string =>
  readFileSync(new URL(`../test/fixtures/to-cpsv-json-ld/${name}`, import.meta.url), 'utf8');
const context = JSON.parse(fixture('cpsv-ap-3.2.0-context.jsonld'));
const shapes = new Store(new Parser().parse(fixture('cpsv-ap-3.2.0-SHACL.ttl')));

// @types/jsonld describes the callback API of jsonld 1.x; jsonld 9 returns promises.
interface JsonLdApi {
  expand(input: unknown, options: object): Promise<Record<string, unknown>[]>;
  toRDF(input: unknown, options: object): Promise<string>;
}
const jsonld = jsonldModule as unknown as JsonLdApi;

// Serves the bundled context and refuses everything else: the tests never fetch.
const documentLoader = (url: string) => {
  if (url === CPSV_AP_CONTEXT_URL) {
    return Promise.resolve({ contextUrl: undefined, documentUrl: url, document: context });
  }
  return Promise.reject(new Error(`offline test: refusing to load ${url}`));
};

async function quads(doc: unknown): Promise<Store> {
  const nquads = await jsonld.toRDF(doc, { format: 'application/n-quads', documentLoader });
  return new Store(new Parser({ format: 'N-Quads' }).parse(nquads));
}

async function validate(doc: unknown) {
  const validator = new SHACLValidator(shapes);
  return validator.validate(await quads(doc));
}

const CV = 'http://data.europa.eu/m8g/';
const DCT = 'http://purl.org/dc/terms/';

describe('toCpsvJsonLd', () => {
  const doc = toCpsvJsonLd(Object.freeze([...EXAMPLE_SERVICES]));

  it('expands offline with the bundled CPSV-AP 3.2.0 context into CPSV-AP classes', async () => {
    const expanded = await jsonld.expand(doc, { documentLoader });
    const types = new Set(expanded.flatMap((n) => (n['@type'] as string[] | undefined) ?? []));
    expect(types.has('http://purl.org/vocab/cpsv#PublicService')).toBe(true);
    expect(types.has(`${CV}PublicOrganisation`)).toBe(true);
    expect(types.has(`${CV}Channel`)).toBe(true);
    expect(types.has(`${CV}Cost`)).toBe(true);
    expect(types.has('http://data.europa.eu/eli/ontology#LegalResource')).toBe(true);
    const services = expanded.filter((n) =>
      (n['@type'] as string[]).includes('http://purl.org/vocab/cpsv#PublicService'),
    );
    expect(services).toHaveLength(3);
  });

  it('conforms to the CPSV-AP 3.2.0 SHACL shapes', async () => {
    const report = await validate(doc);
    const messages = report.results.map(
      (r) => `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join()}`,
    );
    expect(messages).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it('fails the shapes when a mandatory property is removed', async () => {
    const broken: JsonLdDocument = structuredClone(doc);
    const service = broken['@graph'][0]!;
    delete service['dct:title'];
    delete service['cv:hasCompetentAuthority'];
    const report = await validate(broken);
    expect(report.conforms).toBe(false);
    const paths = new Set(report.results.map((r) => r.path?.value));
    expect(paths).toEqual(new Set([`${DCT}title`, `${CV}hasCompetentAuthority`]));
  });

  it('emits processingTime only for calendar-day rules, and states working-day rules in the description', async () => {
    const working = toCpsvJsonLd(EXAMPLE_SERVICES[2]!)['@graph'][0]!;
    expect(working['cv:processingTime']).toBeUndefined();
    expect(JSON.stringify(working['dct:description'])).toContain(
      'Processing time: 20 working days, counted from the day after receipt.',
    );
    const calendarDays = {
      ...EXAMPLE_SERVICES[2]!,
      processingTime: { amount: 30, unit: 'calendar-days' as const },
    };
    const out = toCpsvJsonLd(calendarDays);
    expect(out['@graph'][0]!['cv:processingTime']).toEqual({
      '@value': 'P30D',
      '@type': 'xsd:duration',
    });
    expect((await validate(out)).conforms).toBe(true);
  });

  it('writes a free service as one cost of value 0, and a fee with its currency IRI', () => {
    const free = toCpsvJsonLd(EXAMPLE_SERVICES[1]!)['@graph'].find((n) => n['@type'] === 'Cost');
    expect(free?.['cv:hasValue']).toEqual({ '@value': '0', '@type': 'xsd:double' });
    const paid = toCpsvJsonLd({
      ...EXAMPLE_SERVICES[1]!,
      costs: [{ id: 'copy', value: 1.5, currency: 'EUR', channel: 'office' }],
    });
    const cost = paid['@graph'].find((n) => n['@type'] === 'Cost');
    expect(cost?.['cv:currency']).toEqual({
      '@id': 'http://publications.europa.eu/resource/authority/currency/EUR',
    });
    expect(cost?.['cv:ifAccessedThrough']).toEqual({
      '@id': 'urn:edu-quality:service:certificate-of-studies/channel/office',
    });
  });
});

describe('toCpsvJsonLd: provider, address, languages, organisation ids', () => {
  const LTU = 'http://publications.europa.eu/resource/authority/country/LTU';
  const LANGUAGE = 'http://publications.europa.eu/resource/authority/language/';
  const authority = { id: 'edu', name: { en: 'Education Department' }, spatial: LTU };
  const school = { id: 'school-7', name: { en: 'School No. 7' }, spatial: LTU };
  // A small service written for this test: one in-person channel, a provider, and
  // languages beyond the eight the export used to know (Georgian, Austrian German).
  const service: ServiceStandard = Object.freeze<ServiceStandard>({
    id: 's',
    name: { en: 'Certificate' },
    description: { en: 'A certificate.' },
    competentAuthority: authority,
    provider: school,
    audience: [],
    requirements: [],
    legalBasis: [],
    evidence: [],
    steps: [],
    processingTime: { amount: 5, unit: 'calendar-days' },
    costs: [],
    outputs: [],
    channels: [
      { id: 'desk', type: 'in-person', contact: { address: { en: 'Main St 1, room 2' } } },
    ],
    responsibleRole: { en: 'Head' },
    languages: ['en', 'ka', 'de-AT'],
    qualityCommitments: [],
  });
  const iri = 'urn:edu-quality:service:s';
  const org = (o: typeof authority) => ({
    '@id': `urn:edu-quality:service:organisation/${o.id}`,
    '@type': ['PublicOrganization', 'org:Organization', 'foaf:Agent'],
    'dct:identifier': o.id,
    'dct:title': [{ '@language': 'en', '@value': o.name.en }],
    'skos:prefLabel': [{ '@language': 'en', '@value': o.name.en }],
    'dct:spatial': { '@id': LTU },
  });
  // Written by hand from the CPSV-AP 3.2.0 context and shapes (test/fixtures): the
  // provider as a Participation of role provider and as the owner of the channel; the
  // address on the channel as a locn:Address; ka → KAT, de-AT → DEU (ISO 639-2/T).
  const expected: JsonLdDocument = {
    '@context': [
      CPSV_AP_CONTEXT_URL,
      {
        cpsv: 'http://purl.org/vocab/cpsv#',
        cv: 'http://data.europa.eu/m8g/',
        dct: 'http://purl.org/dc/terms/',
        foaf: 'http://xmlns.com/foaf/0.1/',
        locn: 'http://www.w3.org/ns/locn#',
        org: 'http://www.w3.org/ns/org#',
        skos: 'http://www.w3.org/2004/02/skos/core#',
        xsd: 'http://www.w3.org/2001/XMLSchema#',
      },
    ],
    '@graph': [
      {
        '@id': iri,
        '@type': 'PublicService',
        'dct:identifier': 's',
        'dct:title': [{ '@language': 'en', '@value': 'Certificate' }],
        'dct:description': [
          {
            '@language': 'en',
            '@value':
              'A certificate.\n\nProcessing time: 5 calendar days, counted from the day after receipt; a deadline that falls on a day off moves to the next working day.',
          },
        ],
        'cv:hasCompetentAuthority': { '@id': 'urn:edu-quality:service:organisation/edu' },
        'cv:hasParticipation': [{ '@id': `${iri}/participation/provider` }],
        'dct:audience': [],
        'cv:holdsRequirement': [],
        'cpsv:hasInput': [],
        'cpsv:produces': [],
        'cv:hasLegalResource': [],
        'cv:hasCost': [{ '@id': `${iri}/cost/free` }],
        'cv:hasChannel': [{ '@id': `${iri}/channel/desk` }],
        'cv:contactPoint': [{ '@id': `${iri}/contact-point/desk` }],
        'dct:language': [
          { '@id': `${LANGUAGE}ENG` },
          { '@id': `${LANGUAGE}KAT` },
          { '@id': `${LANGUAGE}DEU` },
        ],
        'cv:processingTime': { '@value': 'P5D', '@type': 'xsd:duration' },
      },
      org(authority),
      { '@id': LTU, '@type': 'dct:Location' },
      org(school),
      {
        '@id': 'urn:edu-quality:channel-type:in-person',
        '@type': 'Concept',
        'skos:prefLabel': [{ '@language': 'en', '@value': 'in-person' }],
      },
      {
        '@id': `${iri}/address/desk`,
        '@type': 'locn:Address',
        'locn:fullAddress': [{ '@language': 'en', '@value': 'Main St 1, room 2' }],
      },
      {
        '@id': `${iri}/channel/desk`,
        '@type': 'Channel',
        'dct:identifier': 'desk',
        'dct:type': { '@id': 'urn:edu-quality:channel-type:in-person' },
        'cv:ownedBy': [{ '@id': 'urn:edu-quality:service:organisation/school-7' }],
        'locn:address': { '@id': `${iri}/address/desk` },
        'cv:processingTime': { '@value': 'P5D', '@type': 'xsd:duration' },
      },
      { '@id': `${iri}/contact-point/desk`, '@type': 'ContactPoint' },
      {
        '@id': `${iri}/cost/free`,
        '@type': 'Cost',
        'dct:identifier': 'free',
        'cv:hasValue': { '@value': '0', '@type': 'xsd:double' },
        'dct:description': [
          { '@language': 'lt', '@value': 'Paslauga nemokama' },
          { '@language': 'en', '@value': 'The service is free of charge' },
          { '@language': 'ru', '@value': 'Услуга бесплатная' },
        ],
      },
      { '@id': `${LANGUAGE}ENG`, '@type': 'dct:LinguisticSystem' },
      { '@id': `${LANGUAGE}KAT`, '@type': 'dct:LinguisticSystem' },
      { '@id': `${LANGUAGE}DEU`, '@type': 'dct:LinguisticSystem' },
      {
        '@id': 'urn:edu-quality:participation-role:provider',
        '@type': 'Concept',
        'skos:prefLabel': [{ '@language': 'en', '@value': 'provider' }],
      },
      {
        '@id': `${iri}/participation/provider`,
        '@type': 'Participation',
        'dct:identifier': 'provider',
        'dct:description': [
          { '@language': 'lt', '@value': 'Teikia paslaugą' },
          { '@language': 'en', '@value': 'Provides the service' },
          { '@language': 'ru', '@value': 'Предоставляет услугу' },
        ],
        'cv:role': { '@id': 'urn:edu-quality:participation-role:provider' },
        'cv:hasParticipant': { '@id': 'urn:edu-quality:service:organisation/school-7' },
      },
    ],
  };

  it('exports the provider, the in-person address and every language', async () => {
    const doc = toCpsvJsonLd(service);
    // Order of the graph is not part of the format: compare node by node.
    expect(doc['@context']).toEqual(expected['@context']);
    const byId = (d: JsonLdDocument) => new Map(d['@graph'].map((n) => [n['@id'], n]));
    expect(byId(doc)).toEqual(byId(expected));
    expect(doc['@graph']).toHaveLength(expected['@graph'].length);
    const report = await validate(doc);
    expect(report.results.map((r) => `${r.focusNode?.value} ${r.path?.value}`)).toEqual([]);
  });

  it('maps ISO 639-1 and 639-2 codes, and reports a language it cannot map', () => {
    const languages = (tags: string[]) =>
      toCpsvJsonLd({ ...service, languages: tags })['@graph'][0]?.['dct:language'];
    // ISO 639-2: Dutch nl → NLD (T; B is DUT), Greek el → ELL, ger (B) → DEU, Sámi se → SME.
    expect(languages(['nl', 'el', 'ger', 'se'])).toEqual(
      ['NLD', 'ELL', 'DEU', 'SME'].map((c) => ({ '@id': `${LANGUAGE}${c}` })),
    );
    let error: unknown;
    try {
      toCpsvJsonLd([service, { ...service, id: 't', languages: ['lt', 'xx'] }]);
    } catch (e) {
      error = e;
    }
    expect(EduQualityError.isInstance(error)).toBe(true);
    expect((error as EduQualityError).issues).toEqual([
      expect.objectContaining({ code: 'unmapped-language', path: [1, 'languages', 1] }),
    ]);
  });

  it('refuses two different organisations under one id instead of merging them', () => {
    const clash = { ...service, id: 't', provider: { ...school, name: { en: 'Kindergarten 3' } } };
    let error: unknown;
    try {
      toCpsvJsonLd([service, clash]);
    } catch (e) {
      error = e;
    }
    expect((error as EduQualityError).code).toBe('invalid-input');
    expect((error as EduQualityError).issues).toEqual([
      expect.objectContaining({ code: 'conflicting-organisation', path: [1, 'provider'] }),
    ]);
    // The same organisation in two services is one node.
    const both = toCpsvJsonLd([service, { ...service, id: 't' }]);
    expect(both['@graph'].filter((n) => n['dct:identifier'] === 'school-7')).toHaveLength(1);
  });

  it('names an unknown option key', () => {
    expect(() =>
      toCpsvJsonLd(service, { baseIRI: 'urn:x:' } as unknown as { baseIri: string }),
    ).toThrow(/toCpsvJsonLd: options\.baseIRI is not an option/);
  });
});
