import { listItems } from '@edu-quality/questionnaire';
import { describe, expect, it } from 'vitest';
import { expectWellFormed } from '../test/well-formed.js';
import { ecsiBlocks, ecsiPaths, type EcsiBlock } from './ecsi-model.js';
import { ecsiQuestionnaire as q } from './ecsi-questionnaire.js';

describe('ecsiQuestionnaire', () => {
  it('parses, passes checkQuestionnaire with no issue and has every text in en and lt', () => {
    expect(q.locales).toEqual(['en', 'lt']);
    expectWellFormed(q);
  });

  it('measures each block by the items of ecsiBlocks, rated 1–10 with "don\'t know" 99', () => {
    const ratings = listItems(q).filter((item) => item.kind === 'rating');
    const byBlock: Record<string, string[]> = {};
    for (const item of ratings) (byBlock[item.dimension ?? '?'] ??= []).push(item.id);
    expect(byBlock).toEqual(ecsiBlocks);
    for (const item of ratings) {
      expect(item.range).toEqual({ min: 1, max: 10 });
      expect(item.notApplicable).toBe(99);
    }
    // "Several items per latent variable": at least two each.
    for (const block of Object.values(ecsiBlocks)) expect(block.length).toBeGreaterThanOrEqual(2);
  });

  it('has an acyclic path model over the blocks, ending in loyalty', () => {
    const blocks = Object.keys(ecsiBlocks) as EcsiBlock[];
    for (const [from, to] of ecsiPaths) {
      expect(blocks).toContain(from);
      expect(blocks).toContain(to);
    }
    // Kahn's algorithm: every block is removed, so there is no cycle.
    const incoming = new Map(blocks.map((b) => [b, ecsiPaths.filter(([, to]) => to === b).length]));
    const order: string[] = [];
    let ready = blocks.filter((b) => incoming.get(b) === 0);
    while (ready.length > 0) {
      const b = ready.shift()!;
      order.push(b);
      for (const [from, to] of ecsiPaths) {
        if (from !== b) continue;
        incoming.set(to, (incoming.get(to) ?? 0) - 1);
        if (incoming.get(to) === 0) ready = [...ready, to];
      }
    }
    expect(order).toHaveLength(blocks.length);
    expect(order[0]).toBe('image');
    expect(order.at(-1)).toBe('loyalty');
  });
});
