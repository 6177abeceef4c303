// AssemblyScript source of the NOK CSV counter's row loop (see
// src/internal/nok/csv-scan.ts, whose JavaScript FastRows.scan does the same
// and is the reference). Build: `pnpm --filter @edu-quality/index build:wasm`
// writes src/internal/nok/scan-wasm.ts, the module as base64; a test checks
// that the committed module is the one this source compiles to.
//
// Memory is laid out by the JavaScript side. `plan` points at i32 words:
//   0 delimiter, 1 fields, 2 roles (i8, fields + 1), 3 stops (u8[256]),
//   4 questions, 5 first-byte tables (an address per question: 256 entries
//   of 16 bytes, by the cell's first byte: the token's bytes little-endian,
//   their mask, its length (0: none) and its yes bit; questions with the same
//   tokens share one), 6 the need mask of each of the 16 counts (0 counts
//   every row, bit 31 none), 7 unused, 8 unused, 9 token starts per question
//   (questions + 1),
//   10 token addresses, 11 token lengths, 12 token yes bits, 13-15 unused,
//   16 table (entry + 1, 0 empty),
//   17 table mask, 18 entry starts, 19 entry lengths, 20 entry hashes,
//   21 entry slots, 22 most entries, 23 counts (16 per slot), 24 first rows,
//   25 first entries, 26 most slots, 27 odd records (start, end, row), 28 batch.
// `state` points at i32 words: 0 position, 1 records, 2 rows read,
//   3 rows without an organisation, 4 odd records, 5 entries, 6 the table's
//   mask in use (it starts small, cleared, and doubles as entries come;
//   plan word 17 is the largest mask the table's room allows).
// Returns 0 at the limit, 1 when the odd batch is full, 2 when a quoted cell
// runs past the limit (position = its record), 3 at a bare CR (position =
// its record), 4 when the entry or slot capacity is reached.

// Resolves an organisation cell's bytes to a slot: -1 blank, -2 invalid.
@external("env", "resolve")
declare function resolve(start: i32, end: i32): i32;

const LF: u32 = 10;
const CR: u32 = 13;
const QUOTE: u32 = 34;
const WIDTH: i32 = 16;
const FNV: u32 = 0x811c9dc5;
const FNV_PRIME: u32 = 16777619;

// The entries and the table's mask while a scan runs (kept in `state`
// between calls).
let entries: i32 = 0;
let tableMask: u32 = 0;

/** The reader's bound on line feeds in one quoted cell (MAX_QUOTED_LINE_FEEDS): past it, it refuses the file. */
const MAX_QUOTED_LINE_FEEDS: usize = 100;

/** Whether buf[s, e) holds more than MAX_QUOTED_LINE_FEEDS line feeds. */
function tooManyLineFeeds(s: usize, e: usize): bool {
  let count: usize = 0;
  for (let k = s; k < e; k++) {
    if (<u32>load<u8>(k) == LF && ++count > MAX_QUOTED_LINE_FEEDS) return true;
  }
  return false;
}

@inline function word(plan: usize, k: i32): i32 {
  return load<i32>(plan + (<usize>k << 2));
}

@inline function at32(base: i32, k: i32): usize {
  return <usize>base + (<usize>k << 2);
}

export function scan(buf: usize, limit: usize, plan: usize, state: usize): i32 {
  const d = <u32>word(plan, 0);
  const fields = word(plan, 1);
  const roles = <usize>word(plan, 2);
  const stops = <usize>word(plan, 3);
  const firstTables = word(plan, 5);
  const needs = <usize>word(plan, 6);
  const tokenFrom = word(plan, 9);
  const tokenAddress = word(plan, 10);
  const tokenLength = word(plan, 11);
  const tokenYes = word(plan, 12);
  const need0 = v128.load(needs);
  const need1 = v128.load(needs, 16);
  const need2 = v128.load(needs, 32);
  const need3 = v128.load(needs, 48);
  const entrySlot = word(plan, 21);
  const counts = word(plan, 23);
  const firstRows = word(plan, 24);
  const firstEntries = word(plan, 25);
  const odds = word(plan, 27);
  const batch = word(plan, 28);

  let i = buf + <usize>load<i32>(state);
  let records = load<i32>(state, 4);
  let read = load<i32>(state, 8);
  let noOrganisation = load<i32>(state, 12);
  let oddCount = load<i32>(state, 16);
  entries = load<i32>(state, 20);
  tableMask = <u32>load<i32>(state, 24);
  let status = 0;

  while (i < limit) {
    const recordStart = i;
    let c = <u32>load<u8>(i);
    if (c == LF) {
      i++;
      records++;
      continue;
    }
    if (c == CR && <u32>load<u8>(i + 1) == LF) {
      i += 2;
      records++;
      continue;
    }
    let j = 0;
    let odd = false;
    let entry = -1;
    let mask = 0;
    let contentEnd = i;
    while (true) {
      const role = <i32>load<i8>(roles + <usize>(j < fields ? j : fields));
      if (c == QUOTE) {
        let q = i + 1;
        let escaped = false;
        while (true) {
          while (q < limit && <u32>load<u8>(q) != QUOTE) q++;
          if (q >= limit) {
            status = 2;
            break;
          }
          if (<u32>load<u8>(q + 1) != QUOTE) break;
          escaped = true;
          q += 2;
        }
        if (status == 2) break;
        const s = i + 1;
        const e = q;
        // A cell the reader refuses the file for: its record goes to the reader.
        if (e - s > MAX_QUOTED_LINE_FEEDS && tooManyLineFeeds(s, e)) odd = true;
        i = q + 1;
        c = <u32>load<u8>(i);
        if (c != d && c != LF && c != CR) {
          odd = true;
          while (load<u8>(stops + c) == 0) {
            i++;
            c = <u32>load<u8>(i);
          }
        } else if (role >= 0) {
          if (escaped) odd = true;
          else if (role == 0) {
            entry = organisationEntry(buf, s, e, plan);
            if (entry < 0) {
              status = 4;
              break;
            }
            if (load<i32>(at32(entrySlot, entry)) == -2) odd = true;
          } else if (e > s) {
            const y = tokenBit(role - 1, s, e, tokenFrom, tokenAddress, tokenLength, tokenYes);
            if (y < 0) odd = true;
            else mask |= y << (role - 1);
          }
        }
      } else if (role > 0) {
        // A run of yes/no cells (q1 … q14 side by side), read without going
        // back through the dispatch: each cell's first byte picks a token,
        // whose bytes are compared in one unaligned 4-byte load (the input
        // has 8 bytes of room after it), and the byte after it must end the
        // cell. The run stops at a line end, at a field that is not an
        // unquoted question, or past the header's fields.
        let k = role - 1;
        while (true) {
          if (load<u8>(stops + c) == 0) {
            const e = <usize>load<i32>(at32(firstTables, k)) + (<usize>c << 4);
            const length = load<i32>(e, 8);
            if (
              length > 0 &&
              (load<u32>(i) & load<u32>(e, 4)) == load<u32>(e) &&
              load<u8>(stops + <usize>load<u8>(i + <usize>length)) == 1
            ) {
              mask |= load<i32>(e, 12) << k;
              i += <usize>length;
              c = <u32>load<u8>(i);
            } else {
              const s = i;
              while (load<u8>(stops + c) == 0) {
                i++;
                c = <u32>load<u8>(i);
              }
              const y = tokenBit(k, s, i, tokenFrom, tokenAddress, tokenLength, tokenYes);
              if (y < 0) odd = true;
              else mask |= y << k;
            }
          }
          if (c != d || j + 1 >= fields) break;
          const next = <i32>load<i8>(roles + <usize>(j + 1));
          const c2 = <u32>load<u8>(i + 1);
          if (next <= 0 || c2 == QUOTE) break;
          i++;
          c = c2;
          j++;
          k = next - 1;
        }
      } else if (role == 0) {
        const s = i;
        while (load<u8>(stops + c) == 0) {
          i++;
          c = <u32>load<u8>(i);
        }
        entry = organisationEntry(buf, s, i, plan);
        if (entry < 0) {
          status = 4;
          break;
        }
        if (load<i32>(at32(entrySlot, entry)) == -2) odd = true;
      } else {
        while (load<u8>(stops + c) == 0) {
          i++;
          c = <u32>load<u8>(i);
        }
      }
      j++;
      if (c == d) {
        i++;
        c = <u32>load<u8>(i);
        continue;
      }
      contentEnd = i;
      if (c == CR) {
        if (<u32>load<u8>(i + 1) != LF) {
          status = 3;
          break;
        }
        i += 2;
      } else i++;
      break;
    }
    if (status != 0) {
      i = recordStart;
      break;
    }
    const row = 2 + records;
    records++;
    if (odd || j != fields) {
      const o = <usize>odds + (<usize>oddCount * 12);
      store<i32>(o, <i32>(recordStart - buf));
      store<i32>(o, <i32>(contentEnd - buf), 4);
      store<i32>(o, row, 8);
      oddCount++;
      if (oddCount >= batch) {
        status = 1;
        break;
      }
      continue;
    }
    read++;
    const slot = load<i32>(at32(entrySlot, entry));
    if (slot < 0) {
      noOrganisation++;
      continue;
    }
    if (load<i32>(at32(firstRows, slot)) < 0) {
      store<i32>(at32(firstRows, slot), row);
      store<i32>(at32(firstEntries, slot), entry);
    }
    // The 16 counts of the slot, 4 at a time: a count goes up by one when
    // every bit its need mask names is set (need 0: every row).
    const base = at32(counts, slot * WIDTH);
    const m = i32x4.splat(mask);
    v128.store(base, i32x4.sub(v128.load(base), i32x4.eq(v128.and(m, need0), need0)));
    v128.store(base, i32x4.sub(v128.load(base, 16), i32x4.eq(v128.and(m, need1), need1)), 16);
    v128.store(base, i32x4.sub(v128.load(base, 32), i32x4.eq(v128.and(m, need2), need2)), 32);
    v128.store(base, i32x4.sub(v128.load(base, 48), i32x4.eq(v128.and(m, need3), need3)), 48);
  }
  store<i32>(state, <i32>(i - buf));
  store<i32>(state, records, 4);
  store<i32>(state, read, 8);
  store<i32>(state, noOrganisation, 12);
  store<i32>(state, oddCount, 16);
  store<i32>(state, entries, 20);
  store<i32>(state, <i32>tableMask, 24);
  return status;
}

// A hash of the bytes [s, e), a 4-byte word at a time (the input has room
// after it, so the last word may be read whole and masked).
@inline function hashBytes(s: usize, e: usize): u32 {
  let h = FNV ^ <u32>(e - s);
  let p = s;
  while (p + 4 <= e) {
    h = (h ^ load<u32>(p)) * FNV_PRIME;
    h ^= h >>> 15;
    p += 4;
  }
  if (p < e) {
    const rest = <u32>(e - p);
    h = (h ^ (load<u32>(p) & ((<u32>1 << (rest << 3)) - 1))) * FNV_PRIME;
    h ^= h >>> 15;
  }
  return h ^ (h >>> 13);
}

// The entry of an organisation cell's bytes [s, e), added (and resolved by
// the host) when new; -1 when the entry or slot capacity is reached.
function organisationEntry(buf: usize, s: usize, e: usize, plan: usize): i32 {
  const table = word(plan, 16);
  const entryStart = word(plan, 18);
  const entryLength = word(plan, 19);
  const entryHash = word(plan, 20);
  const entrySlot = word(plan, 21);
  const h = hashBytes(s, e);
  let entry = findEntry(buf, s, e, h, table, tableMask, entryStart, entryLength, entryHash, entries);
  if (entry >= 0) return entry;
  if (entries >= word(plan, 22)) return -1;
  entry = addEntry(buf, s, e, h, table, tableMask, entryStart, entryLength, entryHash, entrySlot, entries);
  entries++;
  if (<u32>entries * 2 > tableMask + 1 && tableMask < <u32>word(plan, 17)) {
    tableMask = regrow(table, (tableMask << 1) | 1, entryHash, entries);
  }
  return load<i32>(at32(entrySlot, entry)) >= word(plan, 26) ? -1 : entry;
}

// The yes bit of a cell by the question's full token list, or -1.
function tokenBit(k: i32, s: usize, e: usize, tokenFrom: i32, tokenAddress: i32, tokenLength: i32, tokenYes: i32): i32 {
  const length = <i32>(e - s);
  const from = load<i32>(at32(tokenFrom, k));
  const to = load<i32>(at32(tokenFrom, k + 1));
  for (let t = from; t < to; t++) {
    if (load<i32>(at32(tokenLength, t)) != length) continue;
    if (memory.compare(<usize>load<i32>(at32(tokenAddress, t)), s, <usize>length) == 0) {
      return load<i32>(at32(tokenYes, t));
    }
  }
  return -1;
}

@inline function findEntry(
  buf: usize, s: usize, e: usize, h: u32, table: i32, tableMask: u32,
  entryStart: i32, entryLength: i32, entryHash: i32, entries: i32,
): i32 {
  const length = <i32>(e - s);
  let at = h & tableMask;
  while (true) {
    const k = load<i32>(at32(table, <i32>at)) - 1;
    if (k < 0) return -1;
    if (<u32>load<i32>(at32(entryHash, k)) == h && load<i32>(at32(entryLength, k)) == length) {
      const p = buf + <usize>load<i32>(at32(entryStart, k));
      let t: usize = 0;
      while (t + 8 <= <usize>length && load<u64>(p + t) == load<u64>(s + t)) t += 8;
      while (t < <usize>length && load<u8>(p + t) == load<u8>(s + t)) t++;
      if (t == <usize>length) return k;
    }
    at = (at + 1) & tableMask;
  }
}

// Rebuilds the table with a larger mask from the entries' hashes.
function regrow(table: i32, mask: u32, entryHash: i32, entries: i32): u32 {
  memory.fill(<usize>table, 0, (<usize>mask + 1) << 2);
  for (let k = 0; k < entries; k++) {
    let at = <u32>load<i32>(at32(entryHash, k)) & mask;
    while (load<i32>(at32(table, <i32>at)) != 0) at = (at + 1) & mask;
    store<i32>(at32(table, <i32>at), k + 1);
  }
  return mask;
}

function addEntry(
  buf: usize, s: usize, e: usize, h: u32, table: i32, tableMask: u32,
  entryStart: i32, entryLength: i32, entryHash: i32, entrySlot: i32, entries: i32,
): i32 {
  const k = entries;
  store<i32>(at32(entryStart, k), <i32>(s - buf));
  store<i32>(at32(entryLength, k), <i32>(e - s));
  store<i32>(at32(entryHash, k), <i32>h);
  store<i32>(at32(entrySlot, k), resolve(<i32>s, <i32>e));
  let at = h & tableMask;
  while (load<i32>(at32(table, <i32>at)) != 0) at = (at + 1) & tableMask;
  store<i32>(at32(table, <i32>at), k + 1);
  return k;
}
