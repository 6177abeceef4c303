// Turns the public model, data and options into the engine's arrays: checks
// the model (names, blocks, an acyclic inner model), reads the indicator
// columns from a ResponseSet or a named matrix, and applies the missing-data
// policy. Everything here is plain data, so it can be posted to a worker.

import { isSafeKey } from '@edu-quality/core';
import type { ResponseSet } from '@edu-quality/questionnaire';
import { ensure, fail } from '../fail.js';
import { SCHEME_CENTROID, SCHEME_FACTORIAL, SCHEME_PATH, type EngineSpec } from './engine.js';

/** A latent variable and its indicators, as the public model states it. */
export interface BlockInput {
  readonly name: string;
  readonly indicators: readonly string[];
  readonly mode?: 'A' | 'B';
}

/** The public model. */
export interface ModelInput {
  readonly blocks: readonly BlockInput[];
  readonly inner: readonly (readonly [string, string])[] | readonly (readonly number[])[];
}

/** The public named matrix. */
export interface MatrixInput {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (number | null)[])[];
}

/** The public options that shape a fit. */
export interface FitOptionsInput {
  readonly scheme?: 'centroid' | 'factorial' | 'path';
  readonly scaling?: 'standardised' | 'raw';
  readonly tolerance?: number;
  readonly maxIterations?: number;
  readonly missing?: 'listwise' | 'mean-imputation' | 'available-case';
}

/** A scale range. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** Model, data and policy, ready for the engine. */
export interface PreparedPls {
  readonly spec: EngineSpec;
  readonly latent: readonly string[];
  readonly indicators: readonly string[];
  /** The block of each indicator. */
  readonly blockOf: Int32Array;
  /** The arrows, [from, to] as latent indices, in model order. */
  readonly edges: readonly (readonly [number, number])[];
  /** Raw indicator values after the missing-data policy, column-major (NaN = missing, only for available-case). */
  readonly raw: Float64Array;
  readonly n: number;
  /** True when raw still holds missing cells (available-case). */
  readonly available: boolean;
  /** The scale range of each indicator, when the data knows it. */
  readonly ranges: readonly (Range | undefined)[];
  readonly missing: {
    readonly method: 'listwise' | 'mean-imputation' | 'available-case';
    readonly rowsRead: number;
    readonly rowsUsed: number;
    readonly rowsDropped: number;
    readonly cellsMissing: number;
    readonly cellsImputed: number;
  };
}

// Array.isArray narrows a readonly array to any[]; this keeps the element type.
function isArray<T>(value: readonly T[] | undefined | null): value is readonly T[] {
  return Array.isArray(value);
}

// SCALE_NOT_APPLICABLE (254) of @edu-quality/questionnaire; codes from it up
// (254, and SCALE_MISSING 255) are not scores. Kept as a literal so that the
// index package needs the questionnaire package for its types only; a test
// checks that it matches.
export const FIRST_NON_SCORE_CODE = 254;

function isResponseSet(data: ResponseSet | MatrixInput): data is ResponseSet {
  return (data as ResponseSet).columns instanceof Map;
}

/** Checks the model and builds the engine spec (without data). */
export function prepareModel(
  fn: string,
  model: ModelInput,
  options: FitOptionsInput,
): Omit<PreparedPls, 'raw' | 'n' | 'available' | 'ranges' | 'missing'> {
  ensure(
    isArray(model.blocks) && model.blocks.length >= 2,
    fn,
    'the model needs at least two blocks',
  );
  const latent = model.blocks.map((b) => b.name);
  const L = latent.length;
  const seenLv = new Set<string>();
  const seenMv = new Set<string>();
  const indicators: string[] = [];
  const blockStart = new Int32Array(L + 1);
  const modeB = new Uint8Array(L);
  const blockOf: number[] = [];
  model.blocks.forEach((block, l) => {
    ensure(
      typeof block.name === 'string' && block.name !== '' && isSafeKey(block.name),
      fn,
      `block ${l + 1} needs a name that is not a reserved property name`,
    );
    ensure(!seenLv.has(block.name), fn, `latent variable ${block.name} is declared twice`);
    seenLv.add(block.name);
    ensure(block.indicators.length >= 1, fn, `block ${block.name} has no indicators`);
    blockStart[l] = indicators.length;
    for (const mv of block.indicators) {
      ensure(isSafeKey(mv), fn, `indicator name ${mv} is a reserved property name`);
      ensure(!seenMv.has(mv), fn, `indicator ${mv} belongs to more than one block`);
      seenMv.add(mv);
      indicators.push(mv);
      blockOf.push(l);
    }
    const mode = block.mode ?? 'A';
    ensure(mode === 'A' || mode === 'B', fn, `block ${block.name}: mode must be 'A' or 'B'`);
    modeB[l] = mode === 'B' ? 1 : 0;
  });
  blockStart[L] = indicators.length;

  const path = new Uint8Array(L * L);
  const edges: [number, number][] = [];
  const inner = model.inner;
  ensure(isArray<unknown>(inner) && inner.length > 0, fn, 'the inner model has no paths');
  if (typeof inner[0]?.[0] === 'string') {
    for (const edge of inner as readonly (readonly [string, string])[]) {
      const from = latent.indexOf(edge[0]);
      const to = latent.indexOf(edge[1]);
      ensure(from >= 0, fn, `the inner model names an unknown latent variable ${edge[0]}`);
      ensure(to >= 0, fn, `the inner model names an unknown latent variable ${edge[1]}`);
      ensure(from !== to, fn, `${edge[0]} cannot point to itself`);
      if (path[to * L + from] === 0) edges.push([from, to]);
      path[to * L + from] = 1;
    }
  } else {
    const matrix = inner as readonly (readonly number[])[];
    ensure(matrix.length === L, fn, `the path matrix must be ${L} × ${L}`);
    for (let i = 0; i < L; i++) {
      const row = matrix[i]!;
      ensure(row.length === L, fn, `the path matrix must be ${L} × ${L}`);
      for (let j = 0; j < L; j++) {
        const v = row[j];
        ensure(v === 0 || v === 1, fn, 'path matrix entries must be 0 or 1');
        ensure(!(i === j && v === 1), fn, `${latent[i]!} cannot point to itself`);
        if (v === 1) path[i * L + j] = 1;
      }
    }
    for (let to = 0; to < L; to++)
      for (let from = 0; from < L; from++) if (path[to * L + from] === 1) edges.push([from, to]);
    ensure(edges.length > 0, fn, 'the inner model has no paths');
  }
  // Acyclic: Kahn's algorithm.
  const indegree = new Int32Array(L);
  for (const [, to] of edges) indegree[to]!++;
  const queue: number[] = [];
  for (let l = 0; l < L; l++) if (indegree[l] === 0) queue.push(l);
  let seen = 0;
  while (queue.length > 0) {
    const l = queue.pop()!;
    seen++;
    for (const [from, to] of edges) if (from === l && --indegree[to]! === 0) queue.push(to);
  }
  ensure(seen === L, fn, 'the inner model has a cycle; it must be acyclic');

  const preds: Int32Array[] = [];
  const neighbours: Int32Array[] = [];
  for (let l = 0; l < L; l++) {
    const p: number[] = [];
    const nb: number[] = [];
    for (let m = 0; m < L; m++) {
      if (path[l * L + m] === 1) p.push(m);
      if (path[l * L + m] === 1 || path[m * L + l] === 1) nb.push(m);
    }
    ensure(nb.length > 0, fn, `latent variable ${latent[l]!} is not connected to any other`);
    preds.push(Int32Array.from(p));
    neighbours.push(Int32Array.from(nb));
  }

  const scheme = options.scheme ?? 'centroid';
  ensure(
    scheme === 'centroid' || scheme === 'factorial' || scheme === 'path',
    fn,
    "scheme must be 'centroid', 'factorial' or 'path'",
  );
  const scaling = options.scaling ?? 'standardised';
  ensure(
    scaling === 'standardised' || scaling === 'raw',
    fn,
    "scaling must be 'standardised' or 'raw'",
  );
  const tolerance = options.tolerance ?? 1e-6;
  ensure(Number.isFinite(tolerance) && tolerance > 0, fn, 'tolerance must be positive');
  const maxIterations = options.maxIterations ?? 100;
  ensure(
    Number.isInteger(maxIterations) && maxIterations >= 1,
    fn,
    'maxIterations must be a positive integer',
  );

  return {
    spec: {
      lvs: L,
      mvs: indicators.length,
      blockStart,
      modeB,
      path,
      preds,
      neighbours,
      scheme:
        scheme === 'centroid'
          ? SCHEME_CENTROID
          : scheme === 'factorial'
            ? SCHEME_FACTORIAL
            : SCHEME_PATH,
      scaled: scaling === 'standardised',
      tolerance,
      maxIterations,
    },
    latent,
    indicators,
    blockOf: Int32Array.from(blockOf),
    edges,
  };
}

function readColumns(
  fn: string,
  data: ResponseSet | MatrixInput,
  names: readonly string[],
): { buffer: Float64Array; columns: Float64Array[]; n: number; ranges: (Range | undefined)[] } {
  // One column-major buffer, so that the policy below can compact it in
  // place instead of copying every column again.
  const columns: Float64Array[] = [];
  const ranges: (Range | undefined)[] = [];
  if (isResponseSet(data)) {
    const n = data.size;
    const buffer = new Float64Array(names.length * n);
    for (const [k, name] of names.entries()) {
      const column = data.columns.get(name);
      if (column === undefined) fail('invalid-argument', fn, `the responses have no item ${name}`);
      const out = buffer.subarray(k * n, (k + 1) * n);
      if (column.kind === 'scale') {
        // SCALE_MISSING (255) and SCALE_NOT_APPLICABLE (254) are not scores.
        for (let i = 0; i < n; i++) {
          const v = column.values[i]!;
          out[i] = v >= FIRST_NON_SCORE_CODE ? NaN : v;
        }
        ranges.push({ min: column.min, max: column.max });
      } else if (column.kind === 'number') {
        out.set(column.values);
        const item = data.items.find((it) => it.id === name);
        ranges.push(item?.range);
      } else {
        fail(
          'invalid-argument',
          fn,
          `item ${name} is a ${column.kind} item; indicators must be scale, rating, NPS or number items`,
        );
      }
      columns.push(out);
    }
    return { buffer, columns, n, ranges };
  }
  ensure(
    isArray(data.columns) && isArray(data.rows),
    fn,
    'data must be a ResponseSet or { columns, rows }',
  );
  const index = names.map((name) => {
    const at = data.columns.indexOf(name);
    if (at < 0) fail('invalid-argument', fn, `the data matrix has no column ${name}`);
    return at;
  });
  const n = data.rows.length;
  const width = data.columns.length;
  const buffer = new Float64Array(names.length * n);
  for (let k = 0; k < names.length; k++) columns.push(buffer.subarray(k * n, (k + 1) * n));
  // Plain loops: this runs once per cell, so no closures and no message
  // strings unless a check fails.
  for (let i = 0; i < n; i++) {
    const row = data.rows[i]!;
    if (row.length !== width) {
      fail('invalid-argument', fn, `row ${i + 1} has ${row.length} values for ${width} columns`);
    }
    for (let k = 0; k < index.length; k++) {
      const v = row[index[k]!];
      if (v === null || v === undefined || v !== v) columns[k]![i] = NaN;
      else if (typeof v === 'number' && v - v === 0) columns[k]![i] = v;
      else {
        fail(
          'invalid-argument',
          fn,
          `row ${i + 1}, column ${names[k]!}: ${String(v)} is not a finite number`,
        );
      }
    }
  }
  for (let k = 0; k < names.length; k++) ranges.push(undefined);
  return { buffer, columns, n, ranges };
}

/** Checks everything and applies the missing-data policy. */
export function preparePls(
  fn: string,
  data: ResponseSet | MatrixInput,
  model: ModelInput,
  options: FitOptionsInput,
): PreparedPls {
  const base = prepareModel(fn, model, options);
  const { spec } = base;
  const method = options.missing ?? 'listwise';
  ensure(
    method === 'listwise' || method === 'mean-imputation' || method === 'available-case',
    fn,
    "missing must be 'listwise', 'mean-imputation' or 'available-case'",
  );
  const { buffer, columns, n: rowsRead, ranges } = readColumns(fn, data, base.indicators);
  const p = spec.mvs;
  let cellsMissing = 0;
  for (const col of columns) for (const v of col) if (v !== v) cellsMissing++;
  let keep: number[];
  let available = false;
  let cellsImputed = 0;
  if (method === 'listwise' || cellsMissing === 0) {
    keep = [];
    for (let i = 0; i < rowsRead; i++) {
      let complete = true;
      for (let k = 0; k < p && complete; k++) complete = columns[k]![i] === columns[k]![i];
      if (complete) keep.push(i);
    }
  } else if (method === 'mean-imputation') {
    keep = Array.from({ length: rowsRead }, (_, i) => i);
    for (let k = 0; k < p; k++) {
      const col = columns[k]!;
      let sum = 0;
      let count = 0;
      for (const v of col) {
        if (v === v) {
          sum += v;
          count++;
        }
      }
      if (count === 0)
        fail('insufficient-data', fn, `indicator ${base.indicators[k]!} has no answers`);
      for (let i = 0; i < rowsRead; i++) {
        if (col[i] !== col[i]) {
          col[i] = sum / count;
          cellsImputed++;
        }
      }
    }
  } else {
    ensure(
      spec.scaled,
      fn,
      "missing: 'available-case' needs scaling 'standardised' (plspm's non-metric engine); use listwise or mean-imputation for raw scaling",
    );
    available = true;
    // A row with no answer at all in some block has no score there: drop it.
    keep = [];
    for (let i = 0; i < rowsRead; i++) {
      let ok = true;
      for (let l = 0; l < spec.lvs && ok; l++) {
        let any = false;
        for (let k = spec.blockStart[l]!; k < spec.blockStart[l + 1]!; k++)
          if (columns[k]![i] === columns[k]![i]) any = true;
        ok = any;
      }
      if (ok) keep.push(i);
    }
    for (let l = 0; l < spec.lvs; l++) {
      if (spec.modeB[l] === 0) continue;
      for (let k = spec.blockStart[l]!; k < spec.blockStart[l + 1]!; k++)
        for (const i of keep)
          if (columns[k]![i] !== columns[k]![i])
            fail(
              'invalid-argument',
              fn,
              `mode B block ${base.latent[l]!} has missing cells; available-case handles mode A blocks only (use listwise or mean-imputation)`,
            );
    }
  }
  const n = keep.length;
  const maxPreds = Math.max(...spec.preds.map((ps) => ps.length));
  if (n < 3 || n <= maxPreds + 1) {
    fail(
      'insufficient-data',
      fn,
      `${n} usable respondents of ${rowsRead}; the model needs at least ${Math.max(3, maxPreds + 2)}`,
    );
  }
  // Compact the kept rows in place: column k moves from k·rowsRead to k·n,
  // never ahead of what is still to be read.
  let raw = buffer;
  if (n < rowsRead) {
    for (let k = 0; k < p; k++) {
      const from = k * rowsRead;
      const to = k * n;
      for (let r = 0; r < n; r++) buffer[to + r] = buffer[from + keep[r]!]!;
    }
    raw = buffer.slice(0, p * n);
  }
  return {
    ...base,
    raw,
    n,
    available,
    ranges,
    missing: {
      method,
      rowsRead,
      rowsUsed: n,
      rowsDropped: rowsRead - n,
      cellsMissing,
      cellsImputed,
    },
  };
}
