import { SourceDecoder, checkEncoding } from './internal/source-decoder.js';
import type { ResponseEncoding } from './read-responses.js';

/** The bytes checked at a time: a code page is decoded slice by slice, never into one string. */
const SLICE = 1 << 22;

/**
 * Checks CSV bytes as the first stage of {@link readResponses} does, before
 * any record is read: throws the refusal that stage gives for them, or
 * returns when it takes them.
 *
 * @remarks
 * That stage decides the encoding of the whole input: a ZIP (xlsx, ods),
 * old Excel or PDF file is refused (`not-csv`); without `encoding`, UTF-16
 * text without a byte order mark, or bytes that are not UTF-8, are refused
 * (`invalid-encoding`, naming the byte offset and the likely code page).
 * The error is the one {@link readResponses} throws for these bytes and
 * options, unless the reader stops before the stage does: at an invalid row
 * under `onInvalid: 'fail'` in an earlier slice of a large file, or at a
 * runaway quote (which this check does not look for). A
 * caller that must give the reader's outcome exactly reads the bytes with
 * {@link readResponsesSync} when this check throws. The check reads every
 * byte once (a fast UTF-8 validation) and keeps none of them.
 *
 * @param bytes - the CSV bytes, a whole file
 * @param options - the `encoding` the bytes would be read with
 * @throws {@link @edu-quality/core!EduQualityError} `invalid-input` with one issue (`invalid-encoding` or `not-csv`) for bytes the reader refuses; `invalid-argument` for an unknown `encoding`
 *
 * @example
 * ```ts
 * checkResponseBytes(new TextEncoder().encode('school\nA\n')); // returns
 * checkResponseBytes(new Uint8Array([0x73, 0x0a, 0xff, 0x0a])); // throws (byte offset 2 is not UTF-8)
 * checkResponseBytes(new Uint8Array([0x73, 0x0a, 0xff, 0x0a]), { encoding: 'windows-1257' }); // returns
 * ```
 */
export function checkResponseBytes(
  bytes: Uint8Array,
  options: { readonly encoding?: ResponseEncoding } = {},
): void {
  const decoder = new SourceDecoder(() => {}, checkEncoding(options.encoding));
  for (let at = 0; at < bytes.length; at += SLICE) {
    decoder.push(bytes.subarray(at, Math.min(bytes.length, at + SLICE)));
  }
  decoder.end();
}
