import { readFileSync } from 'node:fs';
import jsonldModule from 'jsonld';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_SERVICES } from './example-services.js';
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
