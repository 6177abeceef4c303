/**
 * An independent disclosure auditor: it knows nothing of the packages'
 * suppression code. From the published tables it builds every linear relation
 * an attacker can write between cells — a table's cells sum to the total, and
 * a cell of a coarser table is the sum of the cells of a finer table that
 * agree with it on the coarser table's fields — and finds, by exact rational
 * Gaussian elimination, every suppressed cell whose count those relations
 * determine. It also lists published cells below the minimum group size.
 */

/** A count a table publishes (a number) or suppresses (null), for a measure and segment key. */
export interface Cell {
  /** What is counted: `n` (respondents) or `nps` (answers to the recommend item). */
  readonly measure: string;
  /** Segment field → value; `{}` is the total. */
  readonly key: Readonly<Record<string, string | null>>;
  readonly value: number | null;
  /** Where the cell was read, for the messages. */
  readonly source: string;
}

/** What the auditor found. */
export interface AuditFindings {
  /** Suppressed cells whose count the published cells determine. */
  readonly recoverable: string[];
  /** Published cells (other than totals) with a count below the minimum group size. */
  readonly small: string[];
}

const cellId = (measure: string, key: Readonly<Record<string, string | null>>): string =>
  `${measure}:${JSON.stringify(
    Object.keys(key)
      .sort()
      .map((k) => [k, key[k]]),
  )}`;

const describe = (measure: string, key: Readonly<Record<string, string | null>>): string => {
  const parts = Object.entries(key).map(([k, v]) => `${k}=${String(v)}`);
  return `${measure}(${parts.length === 0 ? 'total' : parts.join(', ')})`;
};

// Exact rationals as [numerator, denominator] BigInt pairs, denominator > 0.
type Q = readonly [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
};
const norm = ([n, d]: Q): Q => {
  const g = gcd(n, d);
  const s = d < 0n ? -1n : 1n;
  return [(s * n) / g, (s * d) / g];
};
const sub = (a: Q, b: Q): Q => norm([a[0] * b[1] - b[0] * a[1], a[1] * b[1]]);
const mul = (a: Q, b: Q): Q => norm([a[0] * b[0], a[1] * b[1]]);
const div = (a: Q, b: Q): Q => norm([a[0] * b[1], a[1] * b[0]]);
const ZERO: Q = [0n, 1n];

/**
 * The columns `j` for which the unit vector e_j lies in the row space of
 * `rows` (so x_j is determined by the equations whatever the other unknowns):
 * in the reduced row echelon form, exactly the pivot rows with one non-zero.
 */
export function determinedColumns(rows: readonly (readonly number[])[], width: number): number[] {
  const m: Q[][] = rows.map((r) => r.map((x) => [BigInt(x), 1n] as Q));
  let pivotRow = 0;
  const pivots: [number, number][] = [];
  for (let c = 0; c < width && pivotRow < m.length; c++) {
    const p = m.findIndex((r, i) => i >= pivotRow && r[c]![0] !== 0n);
    if (p < 0) continue;
    [m[pivotRow], m[p]] = [m[p]!, m[pivotRow]!];
    const lead = m[pivotRow]![c]!;
    m[pivotRow] = m[pivotRow]!.map((x) => div(x, lead));
    for (let i = 0; i < m.length; i++) {
      if (i === pivotRow || m[i]![c]![0] === 0n) continue;
      const f = m[i]![c]!;
      m[i] = m[i]!.map((x, k) => sub(x, mul(f, m[pivotRow]![k]!)));
    }
    pivots.push([pivotRow, c]);
    pivotRow++;
  }
  return pivots
    .filter(([r]) => m[r]!.filter((x) => x[0] !== ZERO[0]).length === 1)
    .map(([, c]) => c);
}

/**
 * Audits a set of cells read from one publication (results.json and the CSV
 * tables of one report, or one command's JSON). Cells with the same measure
 * and key are one quantity: known when any table publishes it.
 */
export function auditCells(cells: readonly Cell[], minGroupSize: number): AuditFindings {
  const small: string[] = [];
  const value = new Map<string, number | null>();
  const keyOf = new Map<string, Readonly<Record<string, string | null>>>();
  // The tables: a measure and a set of fields.
  const tables = new Map<string, { measure: string; fields: string[]; ids: Set<string> }>();
  for (const cell of cells) {
    const id = cellId(cell.measure, cell.key);
    keyOf.set(id, cell.key);
    if (cell.value !== null) {
      value.set(id, cell.value);
      if (cell.measure === 'n' && Object.keys(cell.key).length > 0 && cell.value < minGroupSize) {
        small.push(
          `${describe(cell.measure, cell.key)} = ${cell.value} published in ${cell.source}`,
        );
      }
    } else if (!value.has(id)) value.set(id, null);
    const fields = Object.keys(cell.key).sort();
    const t = `${cell.measure}|${fields.join('+')}`;
    if (!tables.has(t)) tables.set(t, { measure: cell.measure, fields, ids: new Set() });
    tables.get(t)!.ids.add(id);
  }
  // Relations: for a coarser table G and a finer table F ⊃ G of the same
  // measure, each cell g of G (the total for G = ∅) equals the sum of F's
  // cells that agree with g on G's fields. A coarser cell no table lists is
  // an unknown too (it is not published).
  const equations: Map<string, number>[] = [];
  const unknownCell = (id: string, key: Readonly<Record<string, string | null>>): void => {
    if (!value.has(id)) {
      value.set(id, null);
      keyOf.set(id, key);
    }
  };
  for (const fine of tables.values()) {
    const coarser: string[][] = [[]];
    for (const t of tables.values()) {
      if (
        t.measure === fine.measure &&
        t.fields.length > 0 &&
        t.fields.length < fine.fields.length &&
        t.fields.every((f) => fine.fields.includes(f))
      ) {
        coarser.push(t.fields);
      }
    }
    for (const fields of coarser) {
      const groups = new Map<string, string[]>();
      for (const id of fine.ids) {
        const key = keyOf.get(id)!;
        const parentKey = Object.fromEntries(fields.map((f) => [f, key[f] ?? null]));
        const parent = cellId(fine.measure, parentKey);
        unknownCell(parent, parentKey);
        const list = groups.get(parent) ?? [];
        list.push(id);
        groups.set(parent, list);
      }
      for (const [parent, children] of groups) {
        const eq = new Map<string, number>([[parent, 1]]);
        for (const c of children) eq.set(c, (eq.get(c) ?? 0) - 1);
        equations.push(eq);
      }
    }
  }
  const unknowns = [...value.entries()].filter(([, v]) => v === null).map(([id]) => id);
  const column = new Map(unknowns.map((id, j) => [id, j]));
  const rows = equations
    .map((eq) => {
      const row = new Array<number>(unknowns.length).fill(0);
      for (const [id, c] of eq) {
        const j = column.get(id);
        if (j !== undefined) row[j]! += c;
      }
      return row;
    })
    .filter((row) => row.some((x) => x !== 0));
  const recoverable = determinedColumns(rows, unknowns.length).map((j) => {
    const id = unknowns[j]!;
    return `suppressed ${describe(id.slice(0, id.indexOf(':')), keyOf.get(id)!)} is determined by the published cells`;
  });
  return { recoverable, small };
}

interface JsonGroup {
  readonly key?: Readonly<Record<string, string | null>>;
  readonly suppressed?: boolean;
  readonly n?: number;
  readonly nps?: { readonly n?: number } | null;
}
interface JsonBreakdown {
  readonly by?: readonly string[];
  readonly total?: { readonly n?: number } | null;
  readonly totalNps?: { readonly n?: number } | null;
  readonly groups?: readonly JsonGroup[];
}

/** The cells of `breakdown()` results (as JSON) and of an overall index n. */
export function breakdownCells(
  breakdowns: readonly unknown[],
  source: string,
  overallN?: number | null,
): Cell[] {
  const cells: Cell[] = [];
  if (overallN !== undefined) cells.push({ measure: 'n', key: {}, value: overallN, source });
  for (const raw of breakdowns) {
    const b = raw as JsonBreakdown;
    cells.push({ measure: 'n', key: {}, value: b.total?.n ?? null, source });
    if (b.totalNps !== undefined) {
      cells.push({ measure: 'nps', key: {}, value: b.totalNps?.n ?? null, source });
    }
    for (const g of b.groups ?? []) {
      const key = g.key ?? {};
      const published = g.suppressed !== true;
      cells.push({ measure: 'n', key, value: published ? (g.n ?? null) : null, source });
      if (g.nps !== undefined || b.totalNps !== undefined) {
        // A published group without an NPS published no recommend answers.
        cells.push({ measure: 'nps', key, value: published ? (g.nps?.n ?? 0) : null, source });
      }
    }
  }
  return cells;
}
