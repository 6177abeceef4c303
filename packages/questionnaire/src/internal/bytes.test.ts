// Memory of a wide questionnaire: each scale and category column has a
// ByteKeyMap of labels; a map allocates its tables at its first key, not when
// it is made (a 10,000-item questionnaire allocated 62 KB per column, 620 MB,
// before reading a row).
import { describe, expect, it } from 'vitest';
import { readResponsesSync } from '../read-responses.js';
import { QuestionnaireSchema } from '../schema.js';
import { ByteKeyMap, MISS } from './bytes.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('ByteKeyMap starts empty and grows', () => {
  it('keeps every key of a growing map, short and long, until it is full', () => {
    const map = new ByteKeyMap();
    const keys = Array.from({ length: 3000 }, (_, i) => encode(`label-${i}`));
    expect(map.get(keys[0]!, 0, keys[0]!.length)).toBe(MISS);
    keys.forEach((key, i) => {
      map.set(key, 0, key.length, i);
    });
    // MAX_ENTRIES = 2048 long keys are kept; later ones are not (the map is bounded).
    expect(keys.slice(0, 2048).every((key, i) => map.get(key, 0, key.length) === i)).toBe(true);
    expect(map.get(keys[2048]!, 0, keys[2048]!.length)).toBe(MISS);
    const short = encode('ab');
    map.set(short, 0, 2, 77);
    expect(map.get(short, 0, 2)).toBe(77);
  });

  it('a 5,000-item questionnaire reads with a few MB of typed arrays, not 62 KB per item', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `q${i}`);
    const questionnaire = QuestionnaireSchema.parse({
      id: 'wide',
      version: '1',
      title: { en: 'Q' },
      locales: ['en'],
      defaultLocale: 'en',
      sections: [
        {
          id: 's',
          title: { en: 'S' },
          questions: ids.map((id) => ({ id, kind: 'rating', min: 1, max: 5, text: { en: id } })),
        },
      ],
    });
    const csv = `${ids.join(',')}\n${ids.map((_, i) => String(1 + (i % 5))).join(',')}\n`;
    const before = process.memoryUsage().arrayBuffers;
    let during = 0;
    const set = readResponsesSync(questionnaire, csv, {
      onProgress: () => {
        // Called at the end of the read, while every column builder is alive.
        during = Math.max(during, process.memoryUsage().arrayBuffers);
      },
    });
    expect(set.counts.accepted).toBe(1);
    // Per item: 1,024 answer bytes + a 512-byte code table + 512 bytes of the
    // scanner's table ≈ 2 KB, so about 10 MB for 5,000 items; the old eager
    // maps alone took 5,000 × 62 KB = 310 MB. 64 MB separates the two.
    expect(during - before).toBeLessThan(64 * 2 ** 20);
  });
});
