// Cell suppression over linked tables: one pattern for every table that one
// output publishes, the total included (Hundepool et al. 2012, Statistical
// Disclosure Control, Wiley, ch. 4; the linked-tables idea of τ-ARGUS).

import type { SuppressionReason } from '../breakdown.js';

/** A cell of a linked table, as the suppression reads it. */
export interface LinkedCell {
  /** The value of each field of its table (`null`: not stated). */
  readonly key: readonly (string | null)[];
  /** Its respondents. */
  readonly n: number;
  /** Nobody in it answered (it cannot be published, but its n is not sensitive). */
  readonly noAnswers: boolean;
  /** Tie-break between cells of equal n. */
  readonly label: string;
}

/** A table: its fields and its cells. */
export interface LinkedTable {
  readonly fields: readonly string[];
  readonly cells: readonly LinkedCell[];
}

/** The joint pattern: whether the total is published and each cell's reason (undefined: published). */
export interface SuppressionPattern {
  readonly totalPublished: boolean;
  readonly reasons: readonly (readonly (SuppressionReason | undefined)[])[];
}

/** A linear relation Σ coefficient·n = 0 between cells (global cell indices; 0 is the total). */
interface Relation {
  readonly cells: readonly number[];
  readonly signs: readonly number[];
  /** The tables it involves (−1: the total). */
  readonly tables: ReadonlySet<number>;
}

const TOTAL = 0;

/**
 * Every linear relation the tables imply: for each pair of tables (the total
 * being the table with no field) and each value of their common fields, the
 * cells of the one with that value sum to the cells of the other with it.
 * A parent cell = the sum of its children, the total = the sum of each
 * table, and a cross-table's cells sum to each of its margins are the cases
 * where one side is a single cell.
 */
export function linkedRelations(tables: readonly LinkedTable[]): Relation[] {
  const all: {
    table: number;
    fields: readonly string[];
    cells: { id: number; key: readonly (string | null)[] }[];
  }[] = [{ table: -1, fields: [], cells: [{ id: TOTAL, key: [] }] }];
  let next = 1;
  tables.forEach((t, table) => {
    all.push({ table, fields: t.fields, cells: t.cells.map((c) => ({ id: next++, key: c.key })) });
  });
  const relations: Relation[] = [];
  for (let a = 0; a < all.length; a++) {
    for (let b = a + 1; b < all.length; b++) {
      const A = all[a]!;
      const B = all[b]!;
      const common = A.fields.filter((f) => B.fields.includes(f));
      const sides = new Map<string, { cells: number[]; signs: number[] }>();
      const project = (side: typeof A, sign: number): void => {
        const at = common.map((f) => side.fields.indexOf(f));
        for (const cell of side.cells) {
          const id = JSON.stringify(at.map((i) => cell.key[i]));
          let rel = sides.get(id);
          if (rel === undefined) {
            rel = { cells: [], signs: [] };
            sides.set(id, rel);
          }
          rel.cells.push(cell.id);
          rel.signs.push(sign);
        }
      };
      project(A, 1);
      project(B, -1);
      for (const rel of sides.values()) {
        relations.push({ ...rel, tables: new Set([A.table, B.table]) });
      }
    }
  }
  // The smallest relations first: a parent and its few children constrain
  // more than a whole table against the total, and hiding for them first
  // often satisfies the larger ones too.
  return relations.sort((x, y) => x.cells.length - y.cells.length);
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The unknowns that the relations determine uniquely, by exact Gaussian
 * elimination over the integers (rows kept primitive by their gcd): an
 * unknown is determined iff the unit vector on it lies in the row space,
 * which in reduced row echelon form means a row with that single non-zero.
 *
 * @param rows - one row of integer coefficients per relation, over the unknowns
 * @param width - the number of unknowns
 * @returns the indices of the determined unknowns
 */
export function determinedUnknowns(rows: readonly (readonly number[])[], width: number): number[] {
  const m = rows.map((r) => r.map((x) => BigInt(x)));
  let rank = 0;
  const pivots: number[] = [];
  for (let col = 0; col < width && rank < m.length; col++) {
    const p = m.findIndex((r, i) => i >= rank && r[col] !== 0n);
    if (p < 0) continue;
    [m[rank], m[p]] = [m[p]!, m[rank]!];
    const pivot = m[rank]!;
    for (let i = 0; i < m.length; i++) {
      const row = m[i]!;
      if (i === rank || row[col] === 0n) continue;
      const f = row[col]!;
      const g = pivot[col]!;
      let common = 0n;
      for (let j = 0; j < width; j++) {
        row[j] = row[j]! * g - pivot[j]! * f;
        common = gcd(common, row[j]!);
      }
      if (common > 1n) for (let j = 0; j < width; j++) row[j] = row[j]! / common;
    }
    pivots.push(col);
    rank++;
  }
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const row = m[i]!;
    if (row.filter((x) => x !== 0n).length === 1) out.push(pivots[i]!);
  }
  return out;
}

/**
 * One suppression pattern for linked tables and their total: primary
 * suppression (n < k), then complementary suppression to a fixpoint over
 * every relation, then an exact check that no suppressed n is determined by
 * the published ones (suppressing a further cell while one is).
 *
 * @param tables - the tables one output publishes
 * @param total - the respondents in all
 * @param k - the minimum group size
 * @returns the joint pattern
 */
export function linkedSuppression(
  tables: readonly LinkedTable[],
  total: number,
  k: number,
): SuppressionPattern {
  const n: number[] = [total];
  const label: string[] = [''];
  const tableOf: number[] = [-1];
  const reason: (SuppressionReason | undefined)[] = [total < k ? 'below-minimum' : undefined];
  tables.forEach((t, table) => {
    for (const cell of t.cells) {
      n.push(cell.n);
      label.push(cell.label);
      tableOf.push(table);
      reason.push(cell.n < k ? 'below-minimum' : cell.noAnswers ? 'no-answers' : undefined);
    }
  });
  const relations = linkedRelations(tables);
  const single = tables.length === 1;
  const secondary = (rel: Relation | undefined): SuppressionReason =>
    single || (rel !== undefined && rel.tables.size === 2 && rel.tables.has(-1))
      ? 'complementary'
      : 'linked-table';
  // The smallest published cell among `ids` (the total only as a last resort).
  const smallest = (ids: Iterable<number>): number | undefined => {
    let best: number | undefined;
    for (const id of ids) {
      if (id === TOTAL || reason[id] !== undefined) continue;
      if (
        best === undefined ||
        n[id]! < n[best]! ||
        (n[id] === n[best] &&
          (tableOf[id]! - tableOf[best]! || label[id]!.localeCompare(label[best]!)) < 0)
      )
        best = id;
    }
    return best;
  };
  if (reason[TOTAL] !== undefined) {
    // A study below the threshold: nothing of it is published.
    for (let id = 1; id < n.length; id++) reason[id] ??= 'below-minimum';
  }
  for (;;) {
    let changed = false;
    for (const rel of relations) {
      const hidden = rel.cells.filter((id) => reason[id] !== undefined);
      if (hidden.length === 0 || hidden.every((id) => reason[id] === 'no-answers')) continue;
      if (hidden.length >= 2 && hidden.reduce((s, id) => s + n[id]!, 0) >= k) continue;
      const pick = smallest(rel.cells);
      if (pick === undefined) continue;
      reason[pick] = secondary(rel);
      changed = true;
    }
    if (changed) continue;
    const unknowns = reason.flatMap((r, id) => (r === undefined ? [] : [id]));
    const column = new Map(unknowns.map((id, j) => [id, j]));
    const rows = relations
      .filter((rel) => rel.cells.some((id) => column.has(id)))
      .map((rel) => {
        const row = new Array<number>(unknowns.length).fill(0);
        rel.cells.forEach((id, i) => {
          const j = column.get(id);
          if (j !== undefined) row[j] = row[j]! + rel.signs[i]!;
        });
        return row;
      });
    const exposed = determinedUnknowns(rows, unknowns.length)
      .map((j) => unknowns[j]!)
      .filter((id) => reason[id] !== 'no-answers');
    if (exposed.length === 0) break;
    const at = exposed[0]!;
    const near = relations.filter((rel) => rel.cells.includes(at));
    const pick =
      smallest(near.flatMap((rel) => rel.cells)) ??
      smallest(
        relations
          .filter((rel) => rel.cells.some((id) => reason[id] !== undefined))
          .flatMap((rel) => rel.cells),
      ) ??
      smallest(n.keys());
    if (pick === undefined) {
      // Every table cell is hidden: hiding the total is all that is left.
      if (reason[TOTAL] !== undefined) break;
      reason[TOTAL] = secondary(undefined);
    } else reason[pick] = secondary(near.find((rel) => rel.cells.includes(pick)));
  }
  let id = 1;
  return {
    totalPublished: reason[TOTAL] === undefined,
    reasons: tables.map((t) => t.cells.map(() => reason[id++])),
  };
}
