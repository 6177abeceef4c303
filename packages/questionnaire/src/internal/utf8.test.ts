import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Validator } from './utf8.js';

const strict = new TextDecoder('utf-8', { fatal: true });

/** The validator's verdict on `bytes` cut at `cuts`: the offset of the first invalid sequence, or -1. */
function verdict(bytes: Uint8Array, cuts: number[], shift = 0): number {
  const validator = new Utf8Validator();
  let at = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1)), bytes.length].sort(
    (a, b) => a - b,
  )) {
    // Each chunk a view at an offset `shift` into its buffer, as Node's pooled Buffers are.
    const chunk = new Uint8Array(cut - at + shift);
    chunk.set(bytes.subarray(at, cut), shift);
    const bad = validator.check(chunk.subarray(shift));
    if (bad >= 0) return bad;
    at = cut;
  }
  return validator.end();
}

describe('Utf8Validator', () => {
  it('agrees with a fatal TextDecoder (the oracle) on arbitrary bytes, however they are cut', () => {
    // Bytes near the boundaries of the UTF-8 table (3-7 of the Unicode Standard) and ASCII.
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.constantFrom(
        0x80,
        0x8f,
        0x90,
        0x9f,
        0xa0,
        0xbf,
        0xc0,
        0xc1,
        0xc2,
        0xdf,
        0xe0,
        0xed,
        0xef,
        0xf0,
        0xf4,
        0xf5,
        0xff,
      ),
    );
    fc.assert(
      fc.property(
        fc.array(byte, { maxLength: 100 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.nat(3),
        (list, cuts, shift) => {
          const bytes = Uint8Array.from(list);
          let valid = true;
          try {
            strict.decode(bytes);
          } catch {
            valid = false;
          }
          const bad = verdict(bytes, cuts, shift);
          expect(bad < 0).toBe(valid);
          // The offset is that of the first invalid sequence: the bytes before it decode.
          if (!valid) expect(() => strict.decode(bytes.subarray(0, bad))).not.toThrow();
          expect(verdict(bytes, [])).toBe(bad);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('names the offset of a lead byte whose sequence is cut by the end', () => {
    // "ą" is C4 85; the input ends after C4, at offset 3 (after "abc").
    expect(verdict(Uint8Array.from([0x61, 0x62, 0x63, 0xc4]), [])).toBe(3);
  });
});
