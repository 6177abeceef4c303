import { listItems } from '@edu-quality/questionnaire';
import { describe, expect, it } from 'vitest';
import { expectWellFormed } from '../test/well-formed.js';
import { servqualPairs, servqualQuestionnaire as q } from './servqual-questionnaire.js';

describe('servqualQuestionnaire', () => {
  it('parses, passes checkQuestionnaire with no issue and has every text in en and lt', () => {
    expect(q.locales).toEqual(['en', 'lt']);
    expectWellFormed(q);
  });

  it('has the 22 statements of Parasuraman et al. in their five dimensions (4, 5, 4, 4, 5)', () => {
    const counts: Record<string, number> = {};
    for (const pair of servqualPairs) counts[pair.dimension] = (counts[pair.dimension] ?? 0) + 1;
    expect(counts).toEqual({
      tangibles: 4,
      reliability: 5,
      responsiveness: 4,
      assurance: 4,
      empathy: 5,
    });
    // Dimensions are contiguous blocks of statement numbers, as in the 1991 instrument.
    expect(servqualPairs.filter((p) => p.dimension === 'assurance').map((p) => p.number)).toEqual([
      14, 15, 16, 17,
    ]);
  });

  it('pairs each expectation with its perception, same dimension, on the same 7-point scale', () => {
    const items = new Map(listItems(q).map((item) => [item.id, item]));
    for (const pair of servqualPairs) {
      const e = items.get(pair.expectation);
      const p = items.get(pair.perception);
      expect(e?.dimension).toBe(pair.dimension);
      expect(p?.dimension).toBe(pair.dimension);
      expect(e?.range).toEqual({ min: 1, max: 7 });
      expect(p?.scale).toBe(e?.scale);
      expect(p?.role).toBe('satisfaction');
      expect(e?.text.en).not.toBe(p?.text.en);
    }
    expect(new Set(servqualPairs.flatMap((p) => [p.expectation, p.perception])).size).toBe(44);
  });
});
