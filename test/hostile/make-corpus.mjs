// Writes the hostile-input corpus: corpus/base.csv (a clean export derived from
// examples/responses.csv), corpus/base-ru.csv (the same answers with the Russian
// labels of the questionnaire), and one file per hostile transformation of a
// base, with corpus/manifest.json saying what each file plants and what a
// correct program does with it. Deterministic: the same seed writes the same
// bytes. Run: node test/hostile/make-corpus.mjs
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { mulberry32 } from '../../bench/prng.mjs';

const SEED = 20261204;
const root = new URL('../../', import.meta.url);
const out = new URL('corpus/', import.meta.url);
const q = JSON.parse(readFileSync(new URL('examples/questionnaire.json', root), 'utf8'));

const random = mulberry32(SEED);

/**
 * A Lithuanian personal code with its check digit (LST 1185: weights 1..9,1;
 * if the remainder mod 11 is 10, weights 3..9,1,2,3; if again 10, the digit is 0).
 */
function ltCode(first10) {
  const d = [...first10].map(Number);
  const sum = (w) => d.reduce((s, x, i) => s + x * w[i], 0) % 11;
  let r = sum([1, 2, 3, 4, 5, 6, 7, 8, 9, 1]);
  if (r === 10) r = sum([3, 4, 5, 6, 7, 8, 9, 1, 2, 3]) % 10;
  return `${first10}${r}`;
}
const LT_MAN = ltCode('3870318174'); // 38703181745: 3·1+8·2+7·3+0·4+3·5+1·6+8·7+1·8+7·9+4·1 = 192 ≡ 5
const LT_DAUGHTER = ltCode('6010101123');
const LT_ID = ltCode('4900101123');
const LT_ONA = ltCode('4850630123');

/** RFC 4180 records of a `;`-delimited text (quotes, doubled quotes, newlines in quotes). */
function parseCsv(text, d = ';') {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === d) (row.push(field), (field = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      (row.push(field), rows.push(row), (row = []), (field = ''));
    } else field += c;
  }
  if (field !== '' || row.length > 0) (row.push(field), rows.push(row));
  return rows;
}

const quote = (s, d) => (s.includes(d) || /["\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const line = (fields, d = ';') => fields.map((f) => quote(f, d)).join(d);
const csv = (rows, d = ';', eol = '\n') => rows.map((r) => line(r, d)).join(eol) + eol;

// ---------------------------------------------------------------- the bases
const example = parseCsv(readFileSync(new URL('examples/responses.csv', root), 'utf8').slice(1));
const header = example[0].map((h) => (h === 'respondent' ? 'id' : h));
const col = (name) => header.indexOf(name);
// R0007 and R0020 are the two rows examples/make-responses.mjs breaks on purpose
// (an answer "7" on a 1–5 scale, an unknown institution): the base is clean.
const pool = example
  .slice(1)
  .filter((r) => r.length === header.length && r[0] !== 'R0007' && r[0] !== 'R0020');
const take = { 'Gimnazija A': 10, 'Progimnazija B': 10, 'Lopšelis-darželis C': 10 };
const base = [];
for (const r of pool) {
  const inst = r[col('institution')];
  if (inst in take) {
    if (take[inst] === 0) continue;
    take[inst]--;
  }
  const row = [...r];
  // Open text of the base is plain (the example plants a formula; the corpus
  // plants its own payloads, one per file).
  const text = row[col('improve')].replaceAll('\n', ' ');
  row[col('improve')] = text.startsWith('=') ? 'Daugiau būrelių.' : text;
  base.push(row);
}
const ids = base.map((r) => r[0]);
const W = col('weight');
const TEXT = col('improve');

// The Russian labels of every option and scale point, keyed by the Lithuanian label.
const ru = new Map();
for (const s of q.sections) {
  for (const x of s.questions) {
    for (const o of x.options ?? []) ru.set(o.label.lt, o.label.ru);
    for (const p of [
      ...(x.scale?.points ?? []),
      ...(x.scale?.notApplicable ? [x.scale.notApplicable] : []),
    ]) {
      ru.set(p.label.lt, p.label.ru);
    }
  }
}
const baseRu = base.map((r) =>
  r.map((v, j) => (j === TEXT || j === 0 || j === W ? (j === TEXT ? '' : v) : (ru.get(v) ?? v))),
);

// ---------------------------------------------------------------- encoders
const BOM8 = [0xef, 0xbb, 0xbf];
const utf8 = (s) => Buffer.from(s, 'utf8');
/** Encodes with a single-byte code page, by inverting Node's decoder of it. */
function singleByte(text, encoding) {
  const decoder = new TextDecoder(encoding);
  const table = new Map();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, b);
  }
  return Buffer.from(
    [...text].map((ch) => {
      const b = table.get(ch);
      if (b === undefined) throw new Error(`${encoding} cannot encode ${ch}`);
      return b;
    }),
  );
}
function utf16(text, bigEndian, bom) {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  return bigEndian ? le.swap16() : le;
}

// A stored (uncompressed) ZIP: enough for an .xlsx renamed to .csv.
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function zip(files) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = utf8(text);
    const packed = deflateRawSync(data);
    const n = utf8(name);
    const h = Buffer.alloc(30);
    (h.writeUInt32LE(0x04034b50, 0), h.writeUInt16LE(20, 4), h.writeUInt16LE(8, 8));
    (h.writeUInt32LE(crc32(data), 14), h.writeUInt32LE(packed.length, 18));
    (h.writeUInt32LE(data.length, 22), h.writeUInt16LE(n.length, 26));
    const c = Buffer.alloc(46);
    (c.writeUInt32LE(0x02014b50, 0), c.writeUInt16LE(20, 4), c.writeUInt16LE(20, 6));
    (c.writeUInt16LE(8, 10), c.writeUInt32LE(crc32(data), 16), c.writeUInt32LE(packed.length, 20));
    (c.writeUInt32LE(data.length, 24), c.writeUInt16LE(n.length, 28), c.writeUInt32LE(offset, 42));
    parts.push(h, n, packed);
    central.push(c, n);
    offset += 30 + n.length + packed.length;
  }
  const size = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  (end.writeUInt32LE(0x06054b50, 0), end.writeUInt16LE(files.length, 8));
  (end.writeUInt16LE(files.length, 10), end.writeUInt32LE(size, 12), end.writeUInt32LE(offset, 16));
  return Buffer.concat([...parts, ...central, end]);
}

// ---------------------------------------------------------------- the cases
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const manifest = [];
const clone = () => base.map((r) => [...r]);
const pick = () => Math.floor(random() * base.length);
/** Distinct row positions, chosen by the seeded generator. */
function picks(k) {
  const chosen = new Set();
  while (chosen.size < k) chosen.add(pick());
  return [...chosen].sort((a, b) => a - b);
}

/**
 * Adds a case. `expect`: `same` (the index of the clean base, or a refusal),
 * `rows` (a refusal, or the index of one of `oracles`: edits of the base),
 * `refuse` (only a refusal is right), `any` (no number to check: only the
 * crash, count, privacy and disclosure invariants).
 */
function add(file, family, plants, bytes, spec = {}) {
  writeFileSync(new URL(file, out), bytes);
  manifest.push({
    file,
    family,
    plants,
    expect: spec.expect ?? 'same',
    ...(spec.oracles === undefined ? {} : { oracles: spec.oracles }),
    ...(spec.args === undefined ? {} : { args: spec.args }),
    ...(spec.library === undefined ? {} : { library: spec.library }),
    ...(spec.questionnaire === undefined ? {} : { questionnaire: spec.questionnaire }),
    personal: spec.personal ?? [],
    payloads: spec.payloads ?? [],
  });
}
const text = (rows, d, eol) => csv([header, ...rows], d, eol);

writeFileSync(new URL('base.csv', out), text(base));
writeFileSync(new URL('base-ru.csv', out), text(baseRu));
const lt = text(base);
const ruText = text(baseRu);

// encodings ------------------------------------------------------------------
// A code page read with the right --encoding (the library gets it as an
// option) must give the base's index; read without it, a refusal is right.
for (const [encoding, source, what] of [
  ['windows-1257', lt, 'the base'],
  ['windows-1251', ruText, 'the Russian base'],
  ['koi8-r', ruText, 'the Russian base'],
]) {
  const bytes = singleByte(source, encoding);
  add(`enc-${encoding}.csv`, 'encodings', `${what} in ${encoding}`, bytes, {
    args: ['--encoding', encoding],
    library: { encoding },
  });
  add(`enc-${encoding}-no-flag.csv`, 'encodings', `${encoding} read without --encoding`, bytes);
}
add('enc-utf16le-bom.csv', 'encodings', 'UTF-16 LE with a BOM', utf16(lt, false, true));
add('enc-utf16be-bom.csv', 'encodings', 'UTF-16 BE with a BOM', utf16(lt, true, true));
add('enc-utf16le.csv', 'encodings', 'UTF-16 LE without a BOM', utf16(lt, false, false), {
  args: ['--encoding', 'utf-16le'],
  library: { encoding: 'utf-16le' },
});
add('enc-utf16be.csv', 'encodings', 'UTF-16 BE without a BOM', utf16(lt, true, false));
add('enc-utf8-bom.csv', 'encodings', 'UTF-8 with a BOM', Buffer.from([...BOM8, ...utf8(lt)]));
add(
  'enc-utf8-double-bom.csv',
  'encodings',
  'two UTF-8 BOMs',
  Buffer.from([...BOM8, ...BOM8, ...utf8(lt)]),
);
{
  // Row 3's labels in windows-1257, the rest UTF-8: a file edited in two programs.
  const lines = lt.split('\n');
  const mixed = Buffer.concat(
    lines.map((l, i) =>
      i === 3 ? singleByte(`${l}\n`, 'windows-1257') : utf8(i < lines.length - 1 ? `${l}\n` : l),
    ),
  );
  add('enc-mixed-1257-utf8.csv', 'encodings', 'one row in windows-1257 inside UTF-8', mixed, {
    expect: 'rows',
    oracles: [{ drop: [ids[2]] }],
  });
}
{
  const bytes = utf8(lt);
  const broken = Buffer.concat([
    bytes.subarray(0, 2000),
    Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80]),
    bytes.subarray(2000),
  ]);
  add('enc-invalid-bytes.csv', 'encodings', 'invalid UTF-8 bytes in a data row', broken, {
    expect: 'any',
  });
}
add(
  'enc-xlsx-renamed.csv',
  'encodings',
  'an .xlsx workbook renamed .csv',
  zip([
    [
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ],
    ['xl/workbook.xml', '<?xml version="1.0"?><workbook/>'],
    [
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0"?><worksheet><sheetData>${base.length}</sheetData></worksheet>`,
    ],
  ]),
  { expect: 'any' },
);
add(
  'enc-pdf.csv',
  'encodings',
  'a PDF renamed .csv',
  utf8('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  {
    expect: 'any',
  },
);
add(
  'enc-binary.csv',
  'encodings',
  '4 KiB of seeded random bytes',
  Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256))),
  {
    expect: 'any',
  },
);
add(
  'enc-nul-bytes.csv',
  'encodings',
  'NUL bytes between every character (UTF-16 read as UTF-8)',
  utf16(lt, false, false),
  {
    expect: 'any',
  },
);

// quotes -------------------------------------------------------------------
{
  const lines = lt.split('\n');
  const at = (i, f) => lines.map((l, k) => (k === i ? f(l) : l)).join('\n');
  // A broken record may be rejected alone; swallowing the rows after it into
  // one cell loses them from every count, so only the one row may go.
  add(
    'quote-unterminated-start.csv',
    'quotes',
    'an unterminated quote at the start of row 1',
    utf8(at(1, (l) => `"${l}`)),
    {
      expect: 'rows',
      oracles: [{ drop: [ids[0]] }],
    },
  );
  const mid = Math.floor(lines.length / 2);
  add(
    'quote-unterminated-middle.csv',
    'quotes',
    'an unterminated quote in a middle row',
    utf8(at(mid, (l) => l.replace(';', ';"'))),
    {
      expect: 'rows',
      oracles: [{ drop: [ids[mid - 1]] }],
    },
  );
  const last = lines.length - 2;
  add(
    'quote-unterminated-end.csv',
    'quotes',
    'an unterminated quote in the last row',
    utf8(at(last, (l) => `${l.slice(0, l.lastIndexOf(';') + 1)}"1,0`)),
    {
      expect: 'rows',
      oracles: [{ drop: [ids[last - 1]] }, { weights: { [ids[last - 1]]: 1 } }],
    },
  );
  const r = 1 + pick();
  add(
    'quote-inside-unquoted.csv',
    'quotes',
    'quotes inside an unquoted open-text cell',
    utf8(
      at(r, (l) => {
        const f = l.split(';');
        f[TEXT] = 'Mokytoja sakė "gerai" ir "puikiai"';
        return f.join(';');
      }),
    ),
    { expect: 'same' },
  );
}
add('quote-crlf.csv', 'quotes', 'CRLF line ends', utf8(text(base, ';', '\r\n')));
add('quote-cr.csv', 'quotes', 'old Mac CR line ends', utf8(text(base, ';', '\r')));
{
  const eols = ['\n', '\r\n', '\r'];
  const lines = lt.split('\n');
  add(
    'quote-eol-mix.csv',
    'quotes',
    'LF, CRLF and CR line ends mixed',
    utf8(lines.map((l, i) => l + (i < lines.length - 1 ? eols[i % 3] : '')).join('')),
  );
  const rows = clone();
  for (const i of picks(5)) rows[i][TEXT] = `Pirma eilutė\r\nantra eilutė\nir "trečia"\rpabaiga`;
  add(
    'quote-embedded-newlines.csv',
    'quotes',
    'open text with CRLF, LF and CR inside quotes',
    utf8(text(rows)),
  );
}

// separators ---------------------------------------------------------------
add('sep-line.csv', 'separators', 'an Excel "sep=;" first line', utf8(`sep=;\n${lt}`));
add(
  'sep-line-bom.csv',
  'separators',
  'a BOM and a "sep=;" line',
  Buffer.from([...BOM8, ...utf8(`sep=;\r\n${text(base, ';', '\r\n')}`)]),
);
add('sep-tab.csv', 'separators', 'tab-delimited', utf8(text(base, '\t')));
add('sep-pipe.csv', 'separators', 'pipe-delimited', utf8(text(base, '|')));
{
  const mixed = csv([header], ',') + csv(base, ';');
  add(
    'sep-mixed-header-comma.csv',
    'separators',
    'a comma-delimited header over ;-delimited rows',
    utf8(mixed),
    { expect: 'any' },
  );
  const lines = lt.split('\n');
  const r = 1 + pick();
  add(
    'sep-mixed-row-tab.csv',
    'separators',
    'one row tab-delimited in a ;-delimited file',
    utf8(lines.map((l, i) => (i === r ? line(base[r - 1], '\t') : l)).join('\n')),
    {
      expect: 'rows',
      oracles: [{ drop: [ids[r - 1]] }],
    },
  );
  const dot = base.map((row) => row.map((v, j) => (j === W ? v.replace(',', '.') : v)));
  add(
    'sep-comma-decimal-point.csv',
    'separators',
    'a comma-delimited file with decimal points in weights',
    utf8(text(dot, ',')),
  );
}
{
  // Thousands separators: 1250 written three ways. Read as 1250, or refused
  // (a 1,250 in a decimal-comma file is also 1.25: that reading is accepted).
  for (const [name, v, alt] of [
    ['weight-thousands-comma.csv', '1,250', 1.25],
    ['weight-thousands-dot.csv', '1.250', 1.25],
    ['weight-thousands-space.csv', '1 250', undefined],
    ['weight-thousands-nbsp.csv', '1\u00a0250', undefined],
  ]) {
    const rows = clone();
    const at = picks(3);
    for (const i of at) rows[i][W] = v;
    const hit = at.map((i) => ids[i]);
    const as = (w) => ({ weights: Object.fromEntries(hit.map((id) => [id, w])) });
    add(name, 'separators', `weights written ${JSON.stringify(v)}`, utf8(text(rows)), {
      expect: 'rows',
      oracles: [{ drop: hit }, as(1250), ...(alt === undefined ? [] : [as(alt)])],
    });
  }
}

// headers ------------------------------------------------------------------
{
  const rows = clone();
  rows.splice(Math.floor(rows.length / 2), 0, [...header]);
  add(
    'header-repeated-mid-file.csv',
    'headers',
    'the header row repeated mid-file',
    utf8(text(rows)),
  );
  const dupSame = [...header, 'overall'];
  const oi = col('overall');
  add(
    'header-duplicate-identical.csv',
    'headers',
    'the overall column twice, same answers',
    utf8(csv([dupSame, ...base.map((r) => [...r, r[oi]])])),
    {
      expect: 'rows',
      oracles: [{}],
    },
  );
  const flip = { 'Labai patenkintas': 'Labai nepatenkintas', Patenkintas: 'Nepatenkintas' };
  add(
    'header-duplicate-conflicting.csv',
    'headers',
    'the overall column twice, different answers',
    utf8(csv([dupSame, ...base.map((r) => [...r, flip[r[oi]] ?? r[oi]])])),
    {
      expect: 'refuse',
    },
  );
  add(
    'header-empty-name.csv',
    'headers',
    'an extra column with an empty header',
    utf8(csv([[...header, ''], ...base.map((r) => [...r, 'x'])])),
  );
  add(
    'header-bom-spaces.csv',
    'headers',
    'a BOM and spaces around every header',
    Buffer.from([...BOM8, ...utf8(csv([header.map((h) => ` ${h}  `), ...base]))]),
  );
  add(
    'header-case.csv',
    'headers',
    'headers in upper case',
    utf8(csv([header.map((h) => h.toUpperCase()), ...base])),
    { expect: 'any' },
  );
  const extra = Array.from({ length: 20_000 - header.length }, (_, i) => `x${i}`);
  const wide = [
    [...header, ...extra],
    ...base.slice(0, 6).map((r) => [...r, ...extra.map(() => '')]),
  ];
  add('header-20000-columns.csv', 'headers', '20,000 columns, 6 rows', utf8(csv(wide)), {
    expect: 'rows',
    oracles: [{ keep: ids.slice(0, 6) }],
  });
  add(
    'header-missing-id.csv',
    'headers',
    'no id column',
    utf8(csv([header.slice(1), ...base.map((r) => r.slice(1))])),
  );
}

// labels -------------------------------------------------------------------
function relabel(name, plants, f, spec = {}) {
  const rows = clone();
  const at = picks(6);
  for (const i of at) f(rows[i]);
  add(
    name,
    'labels',
    plants,
    utf8(text(rows)),
    spec.expect === undefined ? {} : { ...spec, oracles: spec.oracles?.(at.map((i) => ids[i])) },
  );
}
const INST = col('institution');
const GROUP = col('group');
const SERVICE = col('service');
const SCALE = col('info_available');
relabel(
  'label-nbsp.csv',
  'NBSP instead of spaces in labels',
  (r) => (
    (r[SCALE] = r[SCALE].replaceAll(' ', '\u00a0')),
    (r[GROUP] = r[GROUP].replaceAll(' ', '\u00a0'))
  ),
);
relabel(
  'label-zero-width.csv',
  'zero-width spaces and joiners in labels',
  (r) => ((r[INST] = `\u200b${r[INST]}\u200d`), (r[SCALE] = `${r[SCALE]}\ufeff`)),
);
relabel(
  'label-nfd.csv',
  'labels in NFD (decomposed letters)',
  (r) => (
    (r[INST] = r[INST].normalize('NFD')),
    (r[SCALE] = r[SCALE].normalize('NFD')),
    (r[GROUP] = r[GROUP].normalize('NFD'))
  ),
);
relabel(
  'label-case.csv',
  'labels in other letter case',
  (r) => ((r[INST] = r[INST].toUpperCase()), (r[SCALE] = r[SCALE].toLowerCase())),
);
relabel(
  'label-trailing-spaces.csv',
  'leading and trailing spaces and tabs in labels',
  (r) => ((r[INST] = `  ${r[INST]} \t`), (r[SCALE] = ` ${r[SCALE]}  `)),
);
{
  // Look-alike letters: Cyrillic А/В/С/а/о/і/е in Latin institution names and
  // answer labels. The issue counts them among the changes that must not
  // change the result: the index of the base, or a refusal (rows rejected and
  // the rest published is a wrong number).
  const look = { A: 'А', B: 'В', C: 'С', a: 'а', o: 'о', i: 'і', e: 'е' };
  const swap = (s) => s.replace(/[ABCaoie]/, (c) => look[c]);
  relabel(
    'label-lookalike-institution.csv',
    'Cyrillic look-alike letters in institution names',
    (r) => (r[INST] = swap(r[INST])),
  );
  relabel(
    'label-lookalike-scale.csv',
    'Cyrillic look-alike letters in scale labels',
    (r) => (r[SCALE] = swap(r[SCALE])),
  );
}
relabel(
  'label-proto-institution.csv',
  '__proto__ as an institution',
  (r) => (r[INST] = '__proto__'),
  { expect: 'rows', oracles: (hit) => [{ drop: hit }] },
);
relabel(
  'label-constructor-group.csv',
  'constructor as a group',
  (r) => (r[GROUP] = 'constructor'),
  { expect: 'rows', oracles: (hit) => [{ drop: hit }] },
);
relabel(
  'label-tostring-scale.csv',
  'toString and hasOwnProperty as scale answers',
  (r) => ((r[SCALE] = 'toString'), (r[col('overall')] = 'hasOwnProperty')),
  {
    expect: 'rows',
    oracles: (hit) => [{ drop: hit }],
  },
);
{
  const h = header.map((x) =>
    x === 'service' ? '__proto__' : x === 'env_premises' ? 'constructor' : x,
  );
  add(
    'label-proto-columns.csv',
    'labels',
    '__proto__ and constructor as column names (service, env_premises renamed)',
    utf8(csv([[...h, 'prototype'], ...base.map((r) => [...r, '1'])])),
    {
      expect: 'rows',
      oracles: [{ blank: { column: 'env_premises', ids } }],
    },
  );
}
{
  // A free-text segment: the service answered with text no option lists.
  const rows = clone();
  const at = picks(4);
  const planted = [
    'Jonas Petraitis, Vilniaus g. 5',
    `Asmens kodas ${LT_MAN}`,
    'jonas.petraitis@example.lt',
    '+370 612 34567',
  ];
  at.forEach((i, k) => (rows[i][SERVICE] = planted[k]));
  const hit = at.map((i) => ids[i]);
  add(
    'label-free-text-segment.csv',
    'labels',
    'personal data as unlisted answers of the service segment',
    utf8(text(rows)),
    {
      expect: 'rows',
      oracles: [{ drop: hit }, { blank: { column: 'service', ids: hit } }],
      personal: ['Petraitis', LT_MAN, 'jonas.petraitis@example.lt', '612 34567'],
    },
  );
  const rows2 = clone();
  const at2 = picks(3);
  const planted2 = ['Ivanova Marija 15.10.2026', 'tel. +370-61-21-2345', 'СНИЛС 112-233-445 95'];
  at2.forEach((i, k) => (rows2[i][INST] = planted2[k]));
  add(
    'label-free-text-institution.csv',
    'labels',
    'personal data as unlisted institutions',
    utf8(text(rows2)),
    {
      expect: 'rows',
      oracles: [{ drop: at2.map((i) => ids[i]) }],
      personal: ['Ivanova', '61-21-2345', '112-233-445 95'],
    },
  );
}

// ids ----------------------------------------------------------------------
{
  const rows = clone();
  const at = picks(4);
  const dup = at.map((i) => [...rows[i]]);
  add(
    'id-duplicates.csv',
    'ids',
    'four respondents twice (same answers)',
    utf8(text([...rows, ...dup])),
    {
      expect: 'rows',
      oracles: [{}, { drop: at.map((i) => ids[i]) }],
    },
  );
  const changed = at.map((i) => {
    const r = [...rows[i]];
    r[col('overall')] = 'Labai nepatenkintas';
    return r;
  });
  add(
    'id-duplicates-conflicting.csv',
    'ids',
    'four ids twice with different answers',
    utf8(text([...rows, ...changed])),
    {
      expect: 'rows',
      oracles: [{ drop: at.map((i) => ids[i]) }],
    },
  );
  add(
    'id-appended-to-itself.csv',
    'ids',
    'the file appended to itself (header included)',
    utf8(lt + lt),
    { expect: 'rows', oracles: [{}] },
  );
  add(
    'id-appended-no-header.csv',
    'ids',
    'the rows appended again without the header',
    utf8(lt + csv(base)),
    { expect: 'rows', oracles: [{}] },
  );
  const blank = clone();
  for (const i of picks(3)) blank[i][0] = '';
  add('id-empty.csv', 'ids', 'empty respondent ids', utf8(text(blank)), { expect: 'any' });
  const personal = clone();
  const pi = picks(3);
  const codes = [LT_ID, 'jurgita.k@mokykla.lt', '+37061234567'];
  pi.forEach((i, k) => (personal[i][0] = codes[k]));
  add(
    'id-personal.csv',
    'personal',
    'a personal code, an e-mail and a phone as respondent ids',
    utf8(text(personal)),
    {
      personal: [LT_ID, 'jurgita.k@mokykla.lt', '37061234567'],
    },
  );
}

// weights ------------------------------------------------------------------
for (const [name, v] of [
  ['weight-zero.csv', '0'],
  ['weight-negative.csv', '-1,5'],
  ['weight-huge.csv', '1e308'],
  ['weight-subnormal.csv', '1e-320'],
  ['weight-nan.csv', 'NaN'],
  ['weight-infinity.csv', 'Infinity'],
  ['weight-empty.csv', ''],
  ['weight-text.csv', 'vienas'],
]) {
  const rows = clone();
  const at = picks(3);
  for (const i of at) rows[i][W] = v;
  const hit = at.map((i) => ids[i]);
  add(name, 'weights', `weight ${JSON.stringify(v)} on 3 rows`, utf8(text(rows)), {
    expect: 'rows',
    // The rows left out; a subnormal weight may also be read as the tiny
    // positive number it is.
    oracles: [
      { drop: hit },
      ...(v === '1e-320' ? [{ weights: Object.fromEntries(hit.map((id) => [id, 1e-320])) }] : []),
    ],
  });
}
{
  const rows = clone();
  for (const r of rows) r[W] = '1e308';
  add('weight-all-huge.csv', 'weights', 'every weight 1e308 (sums overflow)', utf8(text(rows)), {
    expect: 'rows',
    // Equal weights, however large, give the unweighted index.
    oracles: [{ weights: Object.fromEntries(ids.map((id) => [id, 1])) }],
  });
  const zero = clone();
  for (const r of zero) r[W] = '0';
  add('weight-all-zero.csv', 'weights', 'every weight 0', utf8(text(zero)), { expect: 'refuse' });
}

// sizes --------------------------------------------------------------------
add('size-empty.csv', 'sizes', 'an empty file', Buffer.alloc(0), { expect: 'refuse' });
add('size-header-only.csv', 'sizes', 'the header only', utf8(csv([header])), { expect: 'refuse' });
add('size-one-row.csv', 'sizes', 'one respondent', utf8(text(base.slice(0, 1))), { expect: 'any' });
{
  const small = base.filter((r) => r[INST] === 'Muzikos mokykla D');
  add(
    'size-study-below-minimum.csv',
    'sizes',
    'a whole study of 3 respondents',
    utf8(text(small)),
    { expect: 'any' },
  );
  const four = base.slice(0, 4);
  add(
    'size-study-of-four.csv',
    'sizes',
    'a whole study of 4 respondents in one institution',
    utf8(text(four)),
    { expect: 'any' },
  );
  // Two of Muzikos mokykla D's three rows moved to Švietimo skyrius: D is a
  // group of 1 beside groups of 10.
  const rows = clone();
  const d = rows.map((r, i) => [r, i]).filter(([r]) => r[INST] === 'Muzikos mokykla D');
  d[0][0][INST] = 'Švietimo skyrius';
  d[1][0][INST] = 'Švietimo skyrius';
  add(
    'size-group-of-one.csv',
    'sizes',
    'an institution of 1 beside groups of 10',
    utf8(text(rows)),
  );
  // Groups differing by 1–4 from their parent: in each big institution all
  // but 1, 2 or 3 respondents are parents, so institution − parents = the rest.
  const nested = clone();
  let k = 0;
  for (const inst of ['Gimnazija A', 'Progimnazija B', 'Lopšelis-darželis C']) {
    const members = nested.filter((r) => r[INST] === inst);
    k++;
    members.forEach((r, i) => (r[GROUP] = i < k ? 'Mokinys' : 'Tėvai / globėjai'));
  }
  add(
    'size-nested-differs-by-few.csv',
    'sizes',
    'institution × group cells that differ by 1–3 from their institution',
    utf8(text(nested)),
  );
  const nested4 = clone();
  for (const r of nested4)
    r[GROUP] =
      r[INST] === 'Švietimo skyrius' && nested4.filter((x) => x[INST] === r[INST]).indexOf(r) < 4
        ? 'Kita'
        : 'Darbuotojas';
  add(
    'size-nested-four.csv',
    'sizes',
    'a group of 4 beside its parent institution of 8',
    utf8(text(nested4)),
  );
  const many = clone();
  const insts = [
    'Gimnazija A',
    'Progimnazija B',
    'Lopšelis-darželis C',
    'Muzikos mokykla D',
    'Švietimo skyrius',
  ];
  many.forEach(
    (r, i) => (
      (r[INST] = insts[i % 5]),
      (r[GROUP] = ['Tėvai / globėjai', 'Mokinys', 'Darbuotojas', 'Kita'][Math.floor(i / 5) % 4])
    ),
  );
  add(
    'size-many-small-cells.csv',
    'sizes',
    'every institution × group cell of 1–3 respondents',
    utf8(text(many)),
  );
}

// payloads -----------------------------------------------------------------
const PAYLOADS = [
  ['payload-hyperlink.csv', '=HYPERLINK("http://evil.example/x","spauskite")'],
  ['payload-cmd.csv', "+cmd|' /C calc'!A0"],
  ['payload-minus.csv', "-2+3+cmd|' /C calc'!A0"],
  ['payload-at-sum.csv', "@SUM(1+9)*cmd|' /C calc'!A0"],
  ['payload-tab-formula.csv', '\t=1+1'],
  ['payload-cr-formula.csv', '\r=1+1'],
  ['payload-script.csv', '<script>alert("xss-script")</script>'],
  ['payload-img-onerror.csv', '<img src=x onerror=alert("xss-img")>'],
  [
    'payload-javascript-link.csv',
    '[spauskite](javascript:alert("xss-md")) <a href="javascript:alert(1)">x</a>',
  ],
  [
    'payload-terminal-escape.csv',
    '\u001b]8;;http://evil.example\u0007spauskite\u001b]8;;\u0007 \u001b[2J\u001b[31mRED',
  ],
  ['payload-bidi.csv', 'gerai \u202eexe.txt\u202c \u2066ok\u2069'],
];
for (const [name, p] of PAYLOADS) {
  const rows = clone();
  for (const i of picks(3)) rows[i][TEXT] = p;
  add(name, 'payloads', `${JSON.stringify(p)} in open text`, utf8(text(rows)), { payloads: [p] });
}
for (const [name, p] of [
  ['payload-label-formula.csv', '=HYPERLINK("http://evil.example/x","A")'],
  ['payload-label-script.csv', '<script>alert("xss-label")</script>'],
  ['payload-label-escape.csv', '\u001b]8;;http://evil.example\u0007Gimnazija A'],
]) {
  const rows = clone();
  const at = picks(2);
  for (const i of at) rows[i][INST] = p;
  add(name, 'payloads', `${JSON.stringify(p)} as an institution label`, utf8(text(rows)), {
    expect: 'rows',
    oracles: [{ drop: at.map((i) => ids[i]) }],
    payloads: [p],
  });
}
for (const [name, p] of [
  ['payload-id-formula.csv', "=cmd|' /C calc'!A0"],
  ['payload-id-script.csv', '<img src=x onerror=alert("xss-id")>'],
  ['payload-id-escape.csv', '\u001b[2J\u001b]0;pwned\u0007'],
]) {
  const rows = clone();
  // Two respondents, two distinct ids that both carry the payload: one id on
  // two rows with different answers would plant a conflicting duplicate id
  // as well, whose right answer (id-duplicates-conflicting.csv) is not the
  // clean base's index that `same` expects.
  for (const [k, i] of picks(2).entries()) rows[i][0] = k === 0 ? p : `${p}${k + 1}`;
  add(name, 'payloads', `${JSON.stringify(p)} as a respondent id`, utf8(text(rows)), {
    payloads: [p],
  });
}

{
  // Payloads in the questionnaire's own labels, which the report's tables
  // print: the export answers with option codes, so every row is read, and the
  // tables, workbook and HTML must show the labels as inert text.
  const hostile = JSON.parse(JSON.stringify(q));
  const LABELS = {
    'gimnazija-a': '=HYPERLINK("http://evil.example/x","Gimnazija A")',
    'progimnazija-b': '<script>alert("xss-q")</script>Progimnazija B',
    'darzelis-c': '<img src=x onerror=alert("xss-q")>Darželis C',
    'muzikos-d': "@SUM(1+1)*cmd|' /C calc'!A0",
    'svietimo-skyrius': "+cmd|' /C calc'!A0",
    parent: "-2+3+cmd|' /C calc'!A0",
    pupil: '\u001b]8;;http://evil.example\u0007Mokinys\u001b]8;;\u0007',
  };
  for (const section of hostile.sections) {
    for (const question of section.questions) {
      for (const option of question.options ?? []) {
        const label = LABELS[option.value];
        if (label !== undefined)
          for (const locale of Object.keys(option.label)) option.label[locale] = label;
      }
    }
  }
  writeFileSync(
    new URL('questionnaire-hostile-labels.json', out),
    `${JSON.stringify(hostile, null, 2)}\n`,
  );
  const codes = new Map();
  for (const id of ['institution', 'group', 'service']) {
    for (const section of q.sections) {
      for (const question of section.questions) {
        if (question.id !== id) continue;
        for (const o of question.options) codes.set(`${id}:${o.label.lt}`, o.value);
      }
    }
  }
  const rows = base.map((r) =>
    r.map((v, j) => {
      const id = header[j];
      return codes.get(`${id}:${v}`) ?? v;
    }),
  );
  add(
    'payload-questionnaire-labels.csv',
    'payloads',
    "formula, markup and escape payloads as the questionnaire's option labels (the export answers with codes)",
    utf8(text(rows)),
    {
      questionnaire: 'questionnaire-hostile-labels.json',
      payloads: Object.values(LABELS),
    },
  );
}

// personal data in open text ------------------------------------------------
// СНИЛС 112-233-445 95: Σ digit·(9..1) = 1·9+1·8+2·7+2·6+3·5+3·4+4·3+4·2+5·1 = 95.
const PERSONAL = [
  ['personal-lt-code.csv', `Mano asmens kodas ${LT_MAN}, prašau paskambinti`, [LT_MAN]],
  ['personal-lt-code-female.csv', `Dukros a.k. ${LT_DAUGHTER} (ne mano)`, [LT_DAUGHTER]],
  ['personal-snils.csv', 'СНИЛС 112-233-445 95, звоните', ['112-233-445 95', '11223344595']],
  ['personal-snils-plain.csv', 'мой снилс 11223344595', ['11223344595']],
  [
    'personal-email.csv',
    'Rašykite jonas.petraitis@example.lt arba J.P@mokykla.lt',
    ['jonas.petraitis@example.lt', 'J.P@mokykla.lt'],
  ],
  ['personal-phone-date.csv', 'Skambinkite +370 612 34567 15.10.2026', ['612 34567']],
  ['personal-phone-dashes.csv', 'tel. +370-61-21-2345 po 17 val.', ['61-21-2345']],
  ['personal-phone-plain.csv', 'mano tel. 861234567', ['861234567']],
  [
    'personal-name.csv',
    'Mokytoja Rūta Kazlauskienė iš 5b klasės elgiasi netinkamai',
    ['Kazlauskienė'],
  ],
  ['personal-name-ru.csv', 'Учитель Иванова Мария Петровна кричит на детей', ['Иванова']],
];
for (const [name, p, needles] of PERSONAL) {
  const rows = clone();
  for (const i of picks(2)) rows[i][TEXT] = p;
  add(name, 'personal', `${JSON.stringify(p)} in open text`, utf8(text(rows)), {
    personal: needles,
  });
}
{
  // Personal data in every place at once: open text, a segment and the id.
  const rows = clone();
  const [a, b, c] = picks(3);
  rows[a][TEXT] = `el. paštas ona.onaite@example.lt, a.k. ${LT_ONA}`;
  rows[b][SERVICE] = `Ona Onaitė ${LT_ONA}`;
  rows[c][0] = 'ona.onaite@example.lt';
  add(
    'personal-everywhere.csv',
    'personal',
    'one person in open text, a segment answer and an id',
    utf8(text(rows)),
    {
      expect: 'rows',
      oracles: [{ drop: [ids[b]] }, { blank: { column: 'service', ids: [ids[b]] } }],
      personal: ['ona.onaite@example.lt', LT_ONA, 'Onaitė'],
    },
  );
}

writeFileSync(
  new URL('manifest.json', out),
  `${JSON.stringify({ seed: SEED, base: 'base.csv', cases: manifest }, null, 2)}\n`,
);
console.log(`${manifest.length} files in ${out.pathname}`);
