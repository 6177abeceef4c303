// The stage in front of the CSV scanner that decides the encoding of the
// whole input: the scanner reads UTF-8 bytes, and a file is either read
// whole in one encoding or refused — never judged cell by cell.
import { EduQualityError } from '@edu-quality/core';
import { LEGACY_ENCODINGS, guessLegacyEncoding, type LegacyEncoding } from './legacy-encoding.js';
import { describeNonCsv, utf16WithoutBom } from './sniff.js';
import { Utf8Validator } from './utf8.js';

/** The encodings `options.encoding` accepts. */
export const ENCODINGS: readonly Encoding[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  ...LEGACY_ENCODINGS,
];

/** One of {@link ENCODINGS}. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | LegacyEncoding;

/** The bytes looked at before the encoding is decided (fewer if the input is shorter). */
const HEAD_BYTES = 512;

/** The bytes from the first invalid one on that the code page is guessed from. */
const SAMPLE_BYTES = 1 << 16;

// C1 control characters: what the legacy code pages' unassigned bytes decode
// to, and never text in a survey export.
const C1 = /[\u0080-\u009f]/;

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

function refuse(code: string, message: string): never {
  throw new EduQualityError('invalid-input', `readResponses: ${message}`, {
    issues: [{ code, message, path: ['encoding'] }],
  });
}

function bomOf(head: Uint8Array): Encoding | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  return undefined;
}

/**
 * Checks `options.encoding`: `undefined` or one of {@link ENCODINGS}
 * (case-insensitive), else an `invalid-argument` error naming the option.
 */
export function checkEncoding(value: unknown): Encoding | undefined {
  if (value === undefined) return undefined;
  const name = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const found = ENCODINGS.find((e) => e === name);
  if (found === undefined) {
    throw new EduQualityError(
      'invalid-argument',
      `readResponses: options.encoding must be one of ${ENCODINGS.join(', ')}`,
    );
  }
  return found;
}

/**
 * Decides the encoding of a byte stream from its first bytes (or from
 * `options.encoding`), checks every later byte against that decision, and
 * passes UTF-8 to `sink`.
 *
 * @remarks
 * Without an explicit encoding: a UTF-16 byte order mark selects UTF-16;
 * anything else must be UTF-8 (a UTF-8 BOM is left for the scanner to
 * skip). The first invalid byte throws an `invalid-input`
 * {@link @edu-quality/core!EduQualityError} naming its offset, the likely
 * legacy code page (guessed from the chunk that holds it) and the option to
 * pass. The throw happens while the bytes are fed, before any result
 * exists, so a file is never read from the rows that happened to decode.
 */
export class SourceDecoder {
  /** Bytes of the source consumed so far. */
  readonly bytesRead: { value: number } = { value: 0 };
  private head: Uint8Array | undefined = new Uint8Array(0);
  private decided: Encoding = 'utf-8';
  private readonly validator = new Utf8Validator();
  private decoder: TextDecoder | undefined;
  private readonly encoder = new TextEncoder();
  /** Source bytes transcoded before the current chunk. */
  private transcoded = 0;
  /**
   * Once a byte is found not to be UTF-8: its offset and the bytes from it
   * on, collected up to SAMPLE_BYTES (or the end) before the refusal, so
   * the guess does not depend on how the source was cut into chunks.
   */
  private tail = new Uint8Array(0);
  private invalid: { offset: number; sample: Uint8Array; length: number } | undefined;

  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    private readonly encoding: Encoding | undefined,
  ) {}

  /** Feeds a chunk of the source's bytes. */
  push(chunk: Uint8Array): void {
    this.bytesRead.value += chunk.length;
    if (this.invalid !== undefined) {
      this.collect(chunk);
      return;
    }
    const head = this.head;
    if (head === undefined) {
      this.pass(chunk);
      return;
    }
    let joined = chunk;
    if (head.length > 0) {
      joined = new Uint8Array(head.length + chunk.length);
      joined.set(head);
      joined.set(chunk, head.length);
    }
    if (joined.length < HEAD_BYTES) {
      this.head = joined.slice();
      return;
    }
    this.start(joined);
  }

  /** Ends the source; throws if it ends inside a character. */
  end(): void {
    if (this.head !== undefined) this.start(this.head);
    if (this.invalid !== undefined) this.notUtf8();
    if (this.decoder === undefined) {
      const bad = this.validator.end();
      if (bad >= 0) {
        this.invalid = { offset: bad, sample: new Uint8Array(0), length: 0 };
        this.notUtf8();
      }
      return;
    }
    let text: string;
    try {
      text = this.decoder.decode();
    } catch {
      refuse('invalid-encoding', `the file ends inside a ${this.decided} character`);
    }
    if (text.length > 0) this.sink(this.encoder.encode(text));
  }

  private start(head: Uint8Array): void {
    this.head = undefined;
    const what = describeNonCsv(head);
    if (what !== undefined) refuse('not-csv', what);
    const bom = bomOf(head);
    const wanted = this.encoding;
    let decided: Encoding;
    if (wanted === undefined) decided = bom ?? 'utf-8';
    else if (bom !== undefined && bom !== wanted) {
      refuse(
        'invalid-encoding',
        `the file starts with a ${bom} byte order mark, but options.encoding is ${wanted}`,
      );
    } else decided = wanted;
    if (bom === undefined && decided !== 'utf-16le' && decided !== 'utf-16be') {
      const utf16 = utf16WithoutBom(head);
      if (utf16 !== undefined) {
        refuse(
          'invalid-encoding',
          `the file looks like ${utf16} text without a byte order mark (a NUL byte in every other place); pass \`encoding: '${utf16}'\`, or save it as "CSV UTF-8"`,
        );
      }
    }
    this.decided = decided;
    if (decided !== 'utf-8') {
      // Legacy code pages decode every byte; their unassigned ones are checked below.
      const fatal = decided === 'utf-16le' || decided === 'utf-16be';
      this.decoder = new TextDecoder(decided, { fatal });
    }
    if (head.length > 0) this.pass(head);
  }

  private pass(chunk: Uint8Array): void {
    const decoder = this.decoder;
    if (decoder === undefined) {
      const bad = this.validator.check(chunk);
      if (bad < 0) {
        this.keepTail(chunk);
        this.sink(chunk);
        return;
      }
      // Nothing more reaches the scanner: the read ends in a refusal.
      const from = this.bytesRead.value - chunk.length;
      this.invalid = { offset: bad, sample: new Uint8Array(SAMPLE_BYTES), length: 0 };
      // A sequence cut by the end of the previous chunk started in its tail.
      if (bad < from) this.collect(this.tail.subarray(this.tail.length - (from - bad)));
      this.collect(chunk.subarray(Math.max(0, bad - from)));
      return;
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const from = this.bytesRead.value - chunk.length;
      refuse(
        'invalid-encoding',
        `the file is not valid ${this.decided}: an unpaired surrogate between byte offsets ${from} and ${from + chunk.length}`,
      );
    }
    if (this.decoder !== undefined && this.decided !== 'utf-16le' && this.decided !== 'utf-16be') {
      // One byte, one character: the index of a character is the offset of its byte.
      const k = text.search(C1);
      if (k >= 0) {
        refuse(
          'invalid-encoding',
          `the file is not ${this.decided} text: byte ${hex(chunk[k]!)} at byte offset ${this.transcoded + k} is no character of it`,
        );
      }
    }
    this.transcoded += chunk.length;
    if (text.length > 0) this.sink(this.encoder.encode(text));
  }

  /** Keeps the last 3 bytes seen: the start of a sequence the next chunk may end. */
  private keepTail(chunk: Uint8Array): void {
    if (chunk.length >= 3) {
      this.tail = chunk.slice(chunk.length - 3);
      return;
    }
    const joined = new Uint8Array(this.tail.length + chunk.length);
    joined.set(this.tail);
    joined.set(chunk, this.tail.length);
    this.tail = joined.slice(Math.max(0, joined.length - 3));
  }

  private collect(bytes: Uint8Array): void {
    const invalid = this.invalid!;
    const take = Math.min(bytes.length, SAMPLE_BYTES - invalid.length);
    invalid.sample.set(bytes.subarray(0, take), invalid.length);
    invalid.length += take;
    if (invalid.length === SAMPLE_BYTES) this.notUtf8();
  }

  private notUtf8(): never {
    const { offset, sample, length } = this.invalid!;
    const where =
      length === 0
        ? `the file ends inside a character (byte offset ${offset})`
        : `byte ${hex(sample[0]!)} at byte offset ${offset} is not UTF-8`;
    const guess = guessLegacyEncoding(sample.subarray(0, length));
    const explicit = this.encoding === 'utf-8' ? ' (options.encoding is utf-8)' : '';
    const advice =
      guess === undefined
        ? `pass the file's encoding as \`encoding\` (one of ${LEGACY_ENCODINGS.join(', ')}), or save it as "CSV UTF-8"`
        : `it looks like ${guess}: pass \`encoding: '${guess}'\`, or save it as "CSV UTF-8"`;
    refuse('invalid-encoding', `the file is not UTF-8${explicit}: ${where}; ${advice}`);
  }
}
