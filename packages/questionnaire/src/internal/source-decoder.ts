// The stage in front of the CSV scanner that decides the encoding of the
// whole input: the scanner reads UTF-8 bytes, and a file is either read
// whole in one encoding or refused — never judged cell by cell.
import { EduQualityError } from '@edu-quality/core';
import { LEGACY_ENCODINGS, guessLegacyEncoding, type LegacyEncoding } from './legacy-encoding.js';
import { describeNonCsv, utf16WithoutBom } from './sniff.js';
import { Utf8Validator } from './utf8.js';

/** The encodings `options.encoding` accepts. */
const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', ...LEGACY_ENCODINGS];

/** One of {@link ENCODINGS}. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | LegacyEncoding;

/** The signatures of {@link describeNonCsv} and the byte order marks fit in this many bytes. */
const HEAD_BYTES = 8;

/** First bytes that may begin a signature or a byte order mark: `P`, OLE2, `%`, BOMs. */
const SIGNATURE_STARTS = new Set([0x50, 0xd0, 0x25, 0xff, 0xfe, 0xef]);

/** The bytes the UTF-16-without-BOM check looks at. */
const PROBE_BYTES = 512;

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
 * skip). The first invalid byte ends the read in an `invalid-input`
 * {@link @edu-quality/core!EduQualityError} naming its offset, the likely
 * legacy code page (guessed from the 64 KiB from that byte on) and the
 * option to pass; no byte after it reaches the scanner, and the read never
 * gives a result from the rows that happened to decode. Every verdict
 * depends on the bytes only, not on how they were cut into chunks.
 */
export class SourceDecoder {
  /** Bytes of the source consumed so far. */
  readonly bytesRead: { value: number } = { value: 0 };
  /** The first bytes, held until the encoding is decided; then undefined. */
  private head: Uint8Array | undefined = new Uint8Array(0);
  private decided: Encoding = 'utf-8';
  private readonly validator = new Utf8Validator();
  private decoder: TextDecoder | undefined;
  private readonly encoder = new TextEncoder();
  /** Source bytes passed on (or collected) before the current chunk. */
  private passed = 0;
  /** The first PROBE_BYTES bytes, while a file without a BOM may still be UTF-16; then undefined. */
  private probe: Uint8Array | undefined;
  private probed = 0;
  /** The last bytes passed, which may begin a sequence the next chunk ends. */
  private tail = new Uint8Array(0);
  /**
   * Once a byte is found not to be UTF-8: its offset and the bytes from it
   * on, collected up to SAMPLE_BYTES (or the end) before the refusal, so
   * the guess does not depend on how the source was cut into chunks.
   */
  private invalid: { offset: number; sample: Uint8Array; length: number } | undefined;

  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    private readonly encoding: Encoding | undefined,
  ) {}

  /** Feeds a chunk of the source's bytes. */
  push(chunk: Uint8Array): void {
    this.bytesRead.value += chunk.length;
    const head = this.head;
    if (head === undefined) {
      this.probeThenPass(chunk);
      return;
    }
    let joined = chunk;
    if (head.length > 0) {
      joined = new Uint8Array(head.length + chunk.length);
      joined.set(head);
      joined.set(chunk, head.length);
    }
    // Only a file whose first byte may begin a signature or a BOM is held
    // back (at most 8 bytes); any other is passed on at once, so the
    // scanner sees the chunks as they come.
    const first = joined[0];
    if (first !== undefined && SIGNATURE_STARTS.has(first) && joined.length < HEAD_BYTES) {
      this.head = joined.slice();
      return;
    }
    if (joined.length > 0) this.start(joined);
  }

  /** Ends the source; throws if it ends inside a character or what it holds is refused. */
  end(): void {
    if (this.head !== undefined) this.start(this.head);
    this.checkProbe();
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
      this.probe = new Uint8Array(PROBE_BYTES);
    }
    this.decided = decided;
    if (decided !== 'utf-8') {
      // Legacy code pages decode every byte; their unassigned ones are checked in pass().
      const fatal = decided === 'utf-16le' || decided === 'utf-16be';
      this.decoder = new TextDecoder(decided, { fatal });
    }
    this.probeThenPass(head);
  }

  /**
   * Passes a chunk on, first completing the probe of the first bytes: their
   * check comes before any byte after them is passed, so its verdict does
   * not depend on how the source was cut.
   */
  private probeThenPass(chunk: Uint8Array): void {
    const probe = this.probe;
    if (probe === undefined) {
      this.pass(chunk);
      return;
    }
    const take = Math.min(chunk.length, PROBE_BYTES - this.probed);
    probe.set(chunk.subarray(0, take), this.probed);
    this.probed += take;
    if (this.probed < PROBE_BYTES) {
      this.pass(chunk);
      return;
    }
    this.pass(chunk.subarray(0, take));
    this.checkProbe();
    if (take < chunk.length) this.pass(chunk.subarray(take));
  }

  /** Passes the bytes on in the decided encoding, or collects them for a refusal under way. */
  private pass(chunk: Uint8Array): void {
    if (this.invalid !== undefined) this.collect(chunk);
    else this.decode(chunk);
    this.passed += chunk.length;
  }

  /** Refuses UTF-16 text without a BOM, read as bytes of another encoding. */
  private checkProbe(): void {
    const probe = this.probe;
    if (probe === undefined) return;
    this.probe = undefined;
    const utf16 = utf16WithoutBom(probe.subarray(0, this.probed));
    if (utf16 !== undefined) {
      refuse(
        'invalid-encoding',
        `the file looks like ${utf16} text without a byte order mark (a NUL byte in every other place); pass \`encoding: '${utf16}'\`, or save it as "CSV UTF-8"`,
      );
    }
  }

  private decode(chunk: Uint8Array): void {
    const decoder = this.decoder;
    if (decoder === undefined) {
      const bad = this.validator.check(chunk);
      if (bad < 0) {
        this.keepTail(chunk);
        this.sink(chunk);
        return;
      }
      // Nothing more reaches the scanner: the read ends in a refusal.
      const from = this.passed;
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
      refuse(
        'invalid-encoding',
        `the file is not valid ${this.decided}: it holds an unpaired surrogate (half of a character)`,
      );
    }
    if (this.decided !== 'utf-16le' && this.decided !== 'utf-16be') {
      // One byte, one character: the index of a character is the offset of its byte.
      const k = text.search(C1);
      if (k >= 0) {
        refuse(
          'invalid-encoding',
          `the file is not ${this.decided} text: byte ${hex(chunk[k]!)} at byte offset ${this.passed + k} is no character of it`,
        );
      }
    }
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
