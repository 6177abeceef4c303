// Files that are not CSV text at all, recognised by their first bytes, so
// that the reader refuses them with what they are instead of reading binary
// bytes as cells.

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((b, k) => head[k] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

const SAVE_AS_CSV = 'save it as "CSV UTF-8 (Comma delimited) (*.csv)" and read that file';

/**
 * What a file is when its first bytes show it is no CSV text: a sentence
 * naming it and what to do, or `undefined`.
 *
 * @remarks
 * A ZIP archive (`PK\x03\x04`) is an Excel workbook (.xlsx) or an
 * OpenDocument spreadsheet (.ods); the OLE2 compound file signature is an
 * old Excel workbook (.xls); `%PDF-` a PDF document.
 */
export function describeNonCsv(head: Uint8Array): string | undefined {
  if (startsWith(head, ZIP)) {
    return `the file is a ZIP archive — an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods), not a CSV file; open it and ${SAVE_AS_CSV}`;
  }
  if (startsWith(head, OLE2)) {
    return `the file is an old Excel workbook (.xls), not a CSV file; open it and ${SAVE_AS_CSV}`;
  }
  if (startsWith(head, PDF)) {
    return 'the file is a PDF document, not a CSV file; export the responses from the survey tool as CSV';
  }
  return undefined;
}

/**
 * Whether text without a byte order mark looks like UTF-16: at least 32
 * bytes, of which a quarter are NUL and nine in ten of those at the same
 * parity (the high byte of ASCII characters), `'utf-16le'` or
 * `'utf-16be'`; otherwise `undefined`.
 */
export function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (head.length < 32) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 0) {
      if ((i & 1) === 0) even++;
      else odd++;
    }
  }
  const nul = even + odd;
  if (nul * 4 < head.length) return undefined;
  if (odd * 10 >= nul * 9) return 'utf-16le';
  if (even * 10 >= nul * 9) return 'utf-16be';
  return undefined;
}
