import { describe, expect, it } from 'vitest';
import {
  nokEducationAuditChecklist as list,
  type NokAuditItem,
} from './nok-education-audit-checklist.js';

const lists: [string, readonly NokAuditItem[]][] = [
  ['stand', list.stand],
  ['site', list.site],
  ['remoteChannels', list.remoteChannels],
  ['comfort', list.comfort],
  ['accessiblePremises', list.accessiblePremises],
  ['accessibilityConditions', list.accessibilityConditions],
];
const all = lists.flatMap(([, items]) => items);

describe('nokEducationAuditChecklist', () => {
  it('has unique ids, prefixed by their list', () => {
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    const prefix: Record<string, string> = {
      stand: 'stand.',
      site: 'site.',
      remoteChannels: 'remote.',
      comfort: 'comfort.',
      accessiblePremises: 'premises.',
      accessibilityConditions: 'conditions.',
    };
    for (const [name, items] of lists)
      for (const item of items) expect(item.id.startsWith(prefix[name] ?? '?')).toBe(true);
  });

  it('gives every item a text in ru and en and at least one known legal source', () => {
    for (const item of all) {
      expect(Object.keys(item.text).sort(), item.id).toEqual(['en', 'ru']);
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      for (const source of item.sources)
        expect(Object.hasOwn(list.sources, source), `${item.id} → ${source}`).toBe(true);
    }
    for (const [id, source] of Object.entries(list.sources)) {
      expect(source.id).toBe(id);
      expect(source.note.length).toBeGreaterThan(0);
    }
  });

  it('explains every unverified item, and the stand list is unverified as a selection', () => {
    for (const item of all.filter((i) => !i.verified))
      expect(item.note?.length ?? 0, item.id).toBeGreaterThan(0);
    expect(list.stand.every((item) => !item.verified)).toBe(true);
    // Every stand item is also required on the site.
    const site = new Set(list.site.map((item) => item.id.slice('site.'.length)));
    for (const item of list.stand)
      expect(site.has(item.id.slice('stand.'.length)), item.id).toBe(true);
  });

  it('has the sizes the method assumes for the feature lists (П1.2, П3.1, П3.2)', () => {
    // nok-344n.md: five remote channels (30 points each, capped), five accessible-premises
    // items and six accessibility conditions (20 points each, capped).
    expect(list.remoteChannels).toHaveLength(5);
    expect(list.accessiblePremises).toHaveLength(5);
    expect(list.accessibilityConditions).toHaveLength(6);
    expect(list.comfort).toHaveLength(5);
  });

  it('cites the site structure order as No. 831 of 14.08.2020, the number confirmed', () => {
    expect(list.sources['rosobrnadzor-831'].title.ru).toContain('от 14.08.2020 № 831');
    expect(list.sources['minprosveshcheniya-114'].title.ru).toContain('Минпросвещения');
  });
});
