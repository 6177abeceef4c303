// A streaming UTF-8 validator that names the offset of the first invalid
// byte. TextDecoder's fatal mode says only that the input is invalid, not
// where; the reader's refusal names the place, so it validates here.

/**
 * The first offset in `buf[from, end)` of a byte of 0x80 or more, or `end`.
 * `words` views `buf` from offset `base` (the first offset aligned to four
 * bytes) four bytes at a time: most of a survey export is ASCII, and this
 * pass runs over every byte of it.
 */
function skipAscii(
  buf: Uint8Array,
  words: Uint32Array,
  base: number,
  from: number,
  end: number,
): number {
  let i = from;
  // Byte by byte up to a word boundary (and through short runs).
  const aligned = i < base ? base : base + ((i - base + 3) & ~3);
  for (const stop = Math.min(end, aligned); i < stop; i++) if (buf[i]! >= 0x80) return i;
  if (i === end) return end;
  let k = (i - base) >> 2;
  const count = words.length;
  for (; k + 4 <= count; k += 4) {
    if (((words[k]! | words[k + 1]! | words[k + 2]! | words[k + 3]!) & 0x80808080) !== 0) break;
  }
  for (; k < count; k++) if ((words[k]! & 0x80808080) !== 0) break;
  for (i = base + (k << 2); i < end; i++) if (buf[i]! >= 0x80) return i;
  return end;
}

const NO_WORDS = new Uint32Array(0);

/**
 * Checks that a stream of byte chunks is UTF-8 (the Unicode Standard, table
 * 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), carrying a
 * sequence cut by a chunk boundary over to the next chunk.
 */
export class Utf8Validator {
  /** Bytes checked before the current chunk. */
  private offset = 0;
  /** Continuation bytes still expected by the sequence in progress. */
  private need = 0;
  /** The bounds of the next continuation byte. */
  private low = 0x80;
  private high = 0xbf;
  /** The offset of the lead byte of the sequence in progress. */
  private lead = 0;

  /** Checks the next chunk; returns the offset (from the start of the stream) of the first invalid sequence, or -1. */
  check(buf: Uint8Array): number {
    const end = buf.length;
    // One word view per chunk, not per run of ASCII.
    const base = (4 - (buf.byteOffset & 3)) & 3;
    const words =
      end - base >= 4
        ? new Uint32Array(buf.buffer, buf.byteOffset + base, (end - base) >> 2)
        : NO_WORDS;
    let i = 0;
    let need = this.need;
    let low = this.low;
    let high = this.high;
    while (i < end) {
      if (need === 0) {
        i = skipAscii(buf, words, base, i, end);
        if (i === end) break;
        const c = buf[i]!;
        this.lead = this.offset + i;
        low = 0x80;
        high = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) need = 1;
        else if (c >= 0xe0 && c <= 0xef) {
          need = 2;
          if (c === 0xe0) low = 0xa0;
          else if (c === 0xed) high = 0x9f;
        } else if (c >= 0xf0 && c <= 0xf4) {
          need = 3;
          if (c === 0xf0) low = 0x90;
          else if (c === 0xf4) high = 0x8f;
        } else return this.lead;
        i++;
        continue;
      }
      const c = buf[i]!;
      if (c < low || c > high) return this.lead;
      low = 0x80;
      high = 0xbf;
      need--;
      i++;
    }
    this.need = need;
    this.low = low;
    this.high = high;
    this.offset += end;
    return -1;
  }

  /** Ends the stream; returns the offset of a sequence cut by the end, or -1. */
  end(): number {
    return this.need === 0 ? -1 : this.lead;
  }
}
