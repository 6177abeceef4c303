/**
 * Reading what the CLI wrote, independently of the packages: every file of a
 * report folder as text (the XML parts of an .xlsx unzipped with node:zlib),
 * the cells of its CSV tables and workbook, and the checks on them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** The entries of a ZIP archive (stored or deflated), by name, as text. */
export function unzip(bytes: Buffer): Map<string, string> {
  const entries = new Map<string, string>();
  // The end of central directory record: the last PK\5\6.
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a ZIP archive');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const packed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + packed);
    entries.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The records of an RFC 4180 CSV text. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const t = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (quoted) {
      if (c === '"' && t[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && t[i + 1] === '\n')) {
      if (c === '\r') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};
/** XML text with its entities and character references decoded. */
export function xmlText(xml: string): string {
  return xml.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (XML_ENTITIES[e] ?? all),
  );
}

/** The string cells of a workbook: shared strings and inline strings, decoded. */
export function workbookStrings(parts: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [name, xml] of parts) {
    if (!/^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/.test(name)) continue;
    for (const m of xml.matchAll(/<(?:si|is)>([\s\S]*?)<\/(?:si|is)>/g)) {
      const texts = [...m[1]!.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => t[1]!);
      out.push(xmlText(texts.join('')));
    }
  }
  return out;
}

/** The formulas of a workbook's sheets (`<f>` elements). */
export function workbookFormulas(parts: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [name, xml] of parts) {
    if (!name.startsWith('xl/worksheets/')) continue;
    for (const m of xml.matchAll(/<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/g)) out.push(xmlText(m[1]!));
  }
  return out;
}

/** Every file under a folder, relative name → bytes. */
export function filesUnder(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** The searchable text of an output file: an .xlsx as its decoded XML parts. */
export function searchableText(name: string, bytes: Buffer): string {
  if (name.endsWith('.xlsx')) {
    return [...unzip(bytes).values()].map((xml) => `${xml}\n${xmlText(xml)}`).join('\n');
  }
  return bytes.toString('utf8');
}

const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?%?$/i;
/**
 * A spreadsheet cell that a spreadsheet program would run as a formula:
 * starting with = + - @ tab or CR, and not a plain number (or a lone dash).
 */
export function isFormulaCell(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !NUMBER.test(cell.trim()) && cell.trim() !== '-';
}

/**
 * Places in HTML where data became markup: a script that calls alert, an
 * `onerror` attribute, a `javascript:` URL in href or src. Only real tags
 * count (escaped text such as `&lt;img onerror=…&gt;` is text).
 */
export function activeHtml(html: string): string[] {
  const found: string[] = [];
  if (/<script[^>]*>\s*alert/i.test(html)) found.push('<script>alert');
  for (const tag of html.matchAll(/<[a-z][a-z0-9-]*(\s[^<>]*)?>/gi)) {
    for (const a of (tag[1] ?? '').matchAll(
      /\s([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g,
    )) {
      const name = a[1]!.toLowerCase();
      const value = (a[2] ?? '').replace(/^["']|["']$/g, '').trim();
      if (name === 'onerror') found.push(tag[0].slice(0, 60));
      if ((name === 'href' || name === 'src') && /^javascript:/i.test(value))
        found.push(tag[0].slice(0, 60));
    }
  }
  return found;
}
