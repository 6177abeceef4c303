// Repeated respondent ids: a file appended to itself, or a respondent sent
// twice, doubles n and narrows every interval. The first row with an id is
// the respondent; later rows with the same id are duplicates.
import type { DuplicateIdPolicy } from '../read-responses.js';

const PLAIN = /^[!-~]+$/;

/**
 * The ids met so far, with the row of their first occurrence.
 *
 * An open-addressing table of 32-bit string hashes beside the ids
 * themselves, rather than a `Map`: a million ids in a `Map` made a read with
 * an id column three times slower than one without.
 */
export class RespondentIds {
  /** Per slot: entry + 1, 0 marking an empty slot. */
  private slots = new Int32Array(1 << 12);
  /** Per entry: the hash, the first row and the id. */
  private hashes = new Int32Array(1 << 11);
  private rows = new Int32Array(1 << 11);
  private readonly keys: string[] = [];

  constructor(readonly policy: DuplicateIdPolicy) {}

  /**
   * The row where `id` was first met, or 0 when it is new (it is then
   * recorded at `row`) or blank. Ids are compared as NFC text without
   * surrounding spaces; `007` and `7` are different ids.
   */
  firstRow(id: string, row: number): number {
    // Printable ASCII (the usual id) is its own key.
    const key = PLAIN.test(id) ? id : id.normalize('NFC').trim();
    if (key === '') return 0;
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) break;
      if (this.hashes[entry] === h && this.keys[entry] === key) return this.rows[entry]!;
      slot = (slot + 1) & mask;
    }
    const entry = this.keys.length;
    if (entry === this.hashes.length) this.growEntries();
    this.keys.push(key);
    this.hashes[entry] = h;
    this.rows[entry] = row;
    this.slots[slot] = entry + 1;
    if ((entry + 1) * 2 > this.slots.length) this.growSlots();
    return 0;
  }

  private growEntries(): void {
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const rows = new Int32Array(this.rows.length * 2);
    rows.set(this.rows);
    this.rows = rows;
  }

  /** Doubles the slots, at most half full, and places every entry again. */
  private growSlots(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.keys.length; entry++) {
      const h = this.hashes[entry]!;
      let slot = (h ^ (h >>> 15)) & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = entry + 1;
    }
  }
}
