import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EduQualityError } from '@edu-quality/core';
import { QuestionnaireSchema, readResponsesSync } from '@edu-quality/questionnaire';
import { breakdown, type BreakdownGroup, type BreakdownResult } from './breakdown.js';
import { protectedBreakdowns, type ProtectedBreakdownsResult } from './protected-breakdowns.js';
import type { SurveyData } from './survey-input.js';

// A survey of `cells`: each [segment values by field, respondents]; answers
// cycle 1–5 so that every group has answers.
function surveyOf(cells: readonly [Record<string, string | null>, number][]): SurveyData {
  const segments: Record<string, (string | null)[]> = {};
  const fields = Object.keys(cells[0]![0]);
  for (const f of fields) segments[f] = [];
  for (const [key, n] of cells)
    for (let i = 0; i < n; i++) for (const f of fields) segments[f]!.push(key[f]!);
  const size = segments[fields[0]!]!.length;
  return {
    items: [
      { id: 'q', values: Array.from({ length: size }, (_, i) => 1 + (i % 5)), min: 1, max: 5 },
    ],
    segments,
  };
}

const view = (r: BreakdownResult): Record<string, number | string> =>
  Object.fromEntries(r.groups.map((g) => [g.label, g.suppressed ? g.reason : g.n]));

function errorOf(run: () => unknown): EduQualityError {
  try {
    run();
  } catch (error) {
    if (EduQualityError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an EduQualityError');
}

describe('protectedBreakdowns: one pattern across linked tables', () => {
  // Institution A: 37 parents + 3 teachers = 40; B: 15 + 15 = 30.
  const survey = surveyOf([
    [{ institution: 'A', group: 'parents' }, 37],
    [{ institution: 'A', group: 'teachers' }, 3],
    [{ institution: 'B', group: 'parents' }, 15],
    [{ institution: 'B', group: 'teachers' }, 15],
  ]);

  it('per table, A (40) − A × parents (37) gives away A × teachers (3)', () => {
    // The defect this fixes, stated on breakdown run per table: both are published.
    const coarse = view(breakdown(survey, { by: 'institution' }));
    const fine = view(breakdown(survey, { by: ['institution', 'group'] }));
    expect(coarse.A).toBe(40);
    expect(fine['A / teachers']).toBe('below-minimum');
    // Hand: 40 − 37 = 3, the hidden group's n.
    expect((coarse.A as number) - (fine['A / parents'] as number)).toBe(3);
  });

  it('hides the sibling that the parent would give away (reason linked-table)', () => {
    const r = protectedBreakdowns(survey, {
      tables: [['institution'], ['institution', 'group']],
    });
    // Hand: the relation A = A×parents + A×teachers has one hidden cell, so
    // its other cell (37) is hidden too; then A×parents + A×teachers = 40 has
    // two unknowns and the total relation 70 = 37 + 3 + 15 + 15 two as well.
    expect(view(r.tables[0]!)).toEqual({ A: 40, B: 30 });
    expect(view(r.tables[1]!)).toEqual({
      'B / parents': 15,
      'B / teachers': 15,
      'A / parents': 'linked-table',
      'A / teachers': 'below-minimum',
    });
    expect(r.n).toBe(70); // 37 + 3 + 15 + 15
    expect(r.total?.n).toBe(70);
  });

  it('protects a cross-table against both of its margins', () => {
    const r = protectedBreakdowns(survey, {
      tables: [['institution'], ['group'], ['institution', 'group']],
    });
    // Hand: parents = 37 + 15 = 52, teachers = 3 + 15 = 18. Hiding A×teachers
    // (3) forces A×parents (A = 40) and B×teachers (teachers = 18); then
    // B×parents, or B = 30 would give B×teachers. All four unknowns are tied
    // by A, B, parents, teachers: a 2×2 table with known margins has one
    // degree of freedom, so none is determined.
    expect(view(r.tables[0]!)).toEqual({ A: 40, B: 30 });
    expect(view(r.tables[1]!)).toEqual({ parents: 52, teachers: 18 });
    expect(Object.values(view(r.tables[2]!)).every((v) => typeof v === 'string')).toBe(true);
    expect(view(r.tables[2]!)['A / teachers']).toBe('below-minimum');
  });

  it('the example of the TSDoc', () => {
    const ex: SurveyData = {
      items: [
        { id: 'q', values: Array.from({ length: 40 }, (_, i) => 1 + (i % 5)), min: 1, max: 5 },
      ],
      segments: {
        school: Array.from({ length: 40 }, (_, i) => (i < 20 ? 'a' : 'b')),
        group: Array.from({ length: 40 }, (_, i) => (i < 17 || i >= 30 ? 'parent' : 'teacher')),
      },
    };
    const r = protectedBreakdowns(ex, { tables: [['school'], ['school', 'group']] });
    // Hand: a×parent rows 0–16 (17), a×teacher 17–19 (3), b×teacher 20–29 (10), b×parent 30–39 (10).
    expect(r.tables[1]!.groups.map((g) => [g.label, g.suppressed ? g.reason : g.n])).toEqual([
      ['b / parent', 10],
      ['b / teacher', 10],
      ['a / parent', 'linked-table'],
      ['a / teacher', 'below-minimum'],
    ]);
  });
});

describe('a whole study below the minimum group size', () => {
  const tiny = surveyOf([
    [{ school: 'a', group: 'p' }, 2],
    [{ school: 'b', group: 'p' }, 2],
  ]);
  it('suppresses the total and every group', () => {
    const r = protectedBreakdowns(tiny, { tables: [['school'], ['group']] });
    expect(r.total).toBeNull();
    expect(r.n).toBeNull();
    expect(r.totalNps).toBeUndefined();
    // group p holds all 4 (< 5): hidden although it is the only group.
    for (const t of r.tables) {
      expect(t.total).toBeNull();
      expect(t.groups.every((g) => g.suppressed && g.reason === 'below-minimum')).toBe(true);
    }
    const b = breakdown(tiny, { by: 'group' });
    expect(b.total).toBeNull();
    expect(b.groups).toEqual([
      {
        key: { group: 'p' },
        label: 'p',
        labelSource: 'option',
        suppressed: true,
        reason: 'below-minimum',
      },
    ]);
  });
});

describe('labels', () => {
  it('refuses two values that print the same, naming both', () => {
    for (const [x, y] of [
      ['School A', 'school a '],
      ['Sch\u200Bool A', 'School A'],
      ['Cafe\u0301', 'Café'],
      ['STRASSE', 'straße'],
    ] as const) {
      const survey = surveyOf([
        [{ school: x }, 6],
        [{ school: y }, 6],
      ]);
      const error = errorOf(() => breakdown(survey, { by: 'school' }));
      expect(error.code).toBe('invalid-input');
      expect(error.message).toContain(JSON.stringify(x));
      expect(error.message).toContain(JSON.stringify(y));
      expect(error.issues[0]).toMatchObject({
        code: 'duplicate-label',
        path: ['segments', 'school'],
      });
      expect(() => protectedBreakdowns(survey, { tables: [['school']] })).toThrow(
        /^protectedBreakdowns: .*print the same/,
      );
    }
  });
  it('refuses a value that prints as the label of "not stated"', () => {
    const survey = surveyOf([
      [{ school: '(Not stated)' }, 6],
      [{ school: null }, 6],
    ]);
    expect(() => breakdown(survey, { by: 'school' })).toThrow(/print the same/);
  });

  // A questionnaire whose institution list is open: unlisted codes are what
  // respondents typed, and can name a person.
  const questionnaire = QuestionnaireSchema.parse({
    id: 'open',
    version: '1',
    title: { en: 'Open' },
    locales: ['en'],
    defaultLocale: 'en',
    sections: [
      {
        id: 's',
        title: { en: 'S' },
        questions: [
          {
            id: 'institution',
            kind: 'single',
            text: { en: 'Institution' },
            role: 'segment',
            acceptUnlisted: true,
            options: [
              { value: 'a', label: { en: 'A' } },
              { value: 'b', label: { en: 'B' } },
            ],
          },
          {
            id: 'q',
            kind: 'scale',
            text: { en: 'Q' },
            scale: {
              points: [1, 2, 3, 4, 5].map((value) => ({ value, label: { en: String(value) } })),
            },
          },
        ],
      },
    ],
  });
  const records = [
    ...Array.from({ length: 8 }, (_, i) => ({ institution: 'a', q: String(1 + (i % 5)) })),
    ...Array.from({ length: 7 }, (_, i) => ({ institution: 'b', q: String(1 + (i % 5)) })),
    ...Array.from({ length: 6 }, (_, i) => ({
      institution: 'Jonas Jonaitis home',
      q: String(1 + (i % 5)),
    })),
    ...Array.from({ length: 2 }, (_, i) => ({ institution: 'Ona Onaitė', q: String(1 + (i % 5)) })),
  ];
  const set = readResponsesSync(questionnaire, records);

  it('hides a suppressed group whose value respondents typed; flags published ones', () => {
    const r = breakdown(set, { by: 'institution' });
    // Hand: n = 8, 7, 6, 2; the 2 is hidden, and the next smallest (6) with it.
    const byLabel = new Map<string, BreakdownGroup>(r.groups.map((g) => [g.label, g]));
    expect(byLabel.get('a')).toMatchObject({ labelSource: 'option', suppressed: false, n: 8 });
    expect(byLabel.get('b')).toMatchObject({ labelSource: 'option', suppressed: false, n: 7 });
    const hidden = r.groups.filter((g) => g.suppressed);
    // Both print as "hidden group"; the test reads them in the order of their reasons.
    hidden.sort((x, y) => x.reason.localeCompare(y.reason));
    expect(hidden).toEqual([
      {
        key: { institution: 'hidden group' },
        label: 'hidden group',
        labelSource: 'respondent',
        suppressed: true,
        reason: 'below-minimum',
      },
      {
        key: { institution: 'hidden group' },
        label: 'hidden group',
        labelSource: 'respondent',
        suppressed: true,
        reason: 'complementary',
      },
    ]);
    expect(JSON.stringify(r)).not.toMatch(/Ona|Jonas/);
    const published = breakdown(set, { by: 'institution', minGroupSize: 2 });
    expect(published.groups.find((g) => g.label === 'Ona Onaitė')).toMatchObject({
      labelSource: 'respondent',
      suppressed: false,
      n: 2,
    });
  });
  it('does not print a respondent-typed value in a refusal', () => {
    const read = readResponsesSync(questionnaire, [
      ...Array.from({ length: 6 }, () => ({ institution: 'Ona Onaitė', q: '3' })),
      ...Array.from({ length: 6 }, () => ({ institution: 'Kitas', q: '4' })),
    ]);
    // The reader already merges look-alike spellings into one entry; this guard
    // is the last line at publication, so the look-alike is planted by hand in
    // the dictionary of the respondents' second answer.
    const column = read.columns.get('institution');
    if (column?.kind !== 'category') throw new Error('institution is a category column');
    const twice = {
      ...read,
      columns: new Map(read.columns).set('institution', {
        ...column,
        dictionary: column.dictionary.map((d) => (d === 'Kitas' ? 'Ona Onai\u200Btė' : d)),
      }),
    };
    const error = errorOf(() => breakdown(twice, { by: 'institution' }));
    expect(error.code).toBe('invalid-input');
    expect(error.message).not.toMatch(/Ona|ona/);
    expect(error.message).toContain('unlisted code typed by respondents');
  });

  it('meets one group when the reader merged look-alike spellings', () => {
    const merged = readResponsesSync(questionnaire, [
      ...Array.from({ length: 6 }, () => ({ institution: 'Ona Onaitė', q: '3' })),
      ...Array.from({ length: 6 }, () => ({ institution: 'Ona Onai\u200Btė', q: '4' })),
    ]);
    const r = breakdown(merged, { by: 'institution' });
    // Hand count: 6 + 6 rows, one institution once the zero-width space is gone.
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]).toMatchObject({ suppressed: false, n: 12 });
  });
});

describe('options', () => {
  const survey = surveyOf([
    [{ school: 'a' }, 6],
    [{ school: 'b' }, 6],
  ]);
  const cases: [string, () => unknown, RegExp][] = [
    [
      'unknown key',
      () => breakdown(survey, { by: 'school', minGroupSise: 3 } as never),
      /options\.minGroupSise is not an option/,
    ],
    [
      'k = 0',
      () => breakdown(survey, { by: 'school', minGroupSize: 0 }),
      /options\.minGroupSize must be a positive integer \(got 0\)/,
    ],
    [
      'k = 2.5',
      () => breakdown(survey, { by: 'school', minGroupSize: 2.5 }),
      /options\.minGroupSize/,
    ],
    ['by empty', () => breakdown(survey, { by: [] }), /options\.by must be/],
    [
      'by repeats',
      () => breakdown(survey, { by: ['school', 'school'] }),
      /options\.by\[1\] repeats/,
    ],
    ['by number', () => breakdown(survey, { by: [1] as never }), /options\.by\[0\] must be/],
    ['nps', () => breakdown(survey, { by: 'school', nps: 3 as never }), /options\.nps/],
    [
      'interval',
      () => breakdown(survey, { by: 'school', interval: 'bootstrap' as never }),
      /options\.interval/,
    ],
    ['options null', () => breakdown(survey, null as never), /options must be an object/],
    ['tables missing', () => protectedBreakdowns(survey, {} as never), /options\.tables must be/],
    ['tables empty', () => protectedBreakdowns(survey, { tables: [] }), /options\.tables must be/],
    [
      'table not array',
      () => protectedBreakdowns(survey, { tables: ['school'] as never }),
      /options\.tables\[0\] must be an array/,
    ],
    [
      'table field',
      () => protectedBreakdowns(survey, { tables: [['school', '']] }),
      /options\.tables\[0\]\[1\] must be/,
    ],
    [
      'same table',
      () => protectedBreakdowns(survey, { tables: [['school'], ['school']] }),
      /options\.tables\[1\] is the same table as options\.tables\[0\]/,
    ],
    [
      'by in protected',
      () => protectedBreakdowns(survey, { tables: [['school']], by: 'school' } as never),
      /options\.by is not an option/,
    ],
    [
      'k in protected',
      () => protectedBreakdowns(survey, { tables: [['school']], minGroupSize: -1 }),
      /options\.minGroupSize/,
    ],
  ];
  it.each(cases)('%s → invalid-argument naming the option', (_, run, message) => {
    const error = errorOf(run);
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(message);
  });
});

// ---------------------------------------------------------------------------
// An independent auditor, written apart from the implementation. It does not
// use pairwise relations between tables: it takes the full cross-classified
// table x (one unknown per combination of values of all fields whose every
// projection is a listed group) and writes each published number as a row
// m·x. A hidden group's n = m_s·x is determined by the published numbers iff
// m_s lies in the row space of the published rows: rank(P) = rank(P + m_s).

type Fraction = [bigint, bigint];
const norm = ([p, q]: Fraction): Fraction => {
  if (q < 0n) [p, q] = [-p, -q];
  let a = p < 0n ? -p : p;
  let b = q;
  while (b) [a, b] = [b, a % b];
  return a === 0n ? [0n, 1n] : [p / a, q / a];
};

function rank(rows: readonly (readonly number[])[]): number {
  const m: Fraction[][] = rows.map((r) => r.map((x): Fraction => [BigInt(x), 1n]));
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = r + 1; i < m.length; i++) {
      const [a, b] = m[i]![c]!;
      if (a === 0n) continue;
      const [pa, pb] = m[r]![c]!;
      // factor = m[i][c] / m[r][c]
      const f = norm([a * pb, b * pa]);
      m[i] = m[i]!.map(([x, y], j) => {
        const [u, v] = m[r]![j]!;
        return norm([x * v * f[1] - u * f[0] * y, y * v * f[1]]);
      });
    }
    r++;
  }
  return r;
}

const printedValue = (v: string | null): string => v ?? '(not stated)';

/** The hidden groups (`table label`) whose n the published numbers determine. */
function recoverable(
  fields: readonly string[],
  rows: readonly (readonly (string | null)[])[],
  tables: readonly (readonly string[])[],
  out: ProtectedBreakdownsResult,
): string[] {
  // Every combination of the values seen of each field.
  let combos: (string | null)[][] = [[]];
  fields.forEach((_, i) => {
    const seen = [...new Set(rows.map((r) => r[i]!))];
    combos = combos.flatMap((c) => seen.map((v) => [...c, v]));
  });
  const labelIn = (t: readonly string[], c: readonly (string | null)[]): string =>
    t.map((f) => printedValue(c[fields.indexOf(f)]!)).join(' / ');
  // The joint unknowns: combinations whose every projection is a listed group.
  const listed = tables.map((_, ti) => new Set(out.tables[ti]!.groups.map((g) => g.label)));
  const unknowns = combos.filter((c) => tables.every((t, ti) => listed[ti]!.has(labelIn(t, c))));
  const rowOf = (t: readonly string[], label: string): number[] =>
    unknowns.map((c) => (labelIn(t, c) === label ? 1 : 0));
  const published: number[][] = [];
  if (out.total !== null) published.push(unknowns.map(() => 1));
  tables.forEach((t, ti) => {
    for (const g of out.tables[ti]!.groups) if (!g.suppressed) published.push(rowOf(t, g.label));
  });
  const base = rank(published);
  const found: string[] = [];
  tables.forEach((t, ti) => {
    for (const g of out.tables[ti]!.groups) {
      if (
        g.suppressed &&
        g.reason !== 'no-answers' &&
        rank([...published, rowOf(t, g.label)]) === base
      )
        found.push(`${t.join('×')} ${g.label}`);
    }
  });
  return found;
}

describe('the exact check catches what the per-relation rule misses', () => {
  it('a bridge between two hidden 2×2 blocks of a table with both margins', () => {
    // Rows r1–r4 × columns c1–c4. Cells of 3 (below k = 5): the blocks
    // {r1,r2}×{c1,c2} and {r3,r4}×{c3,c4}, and the bridge r2×c3; every other
    // cell 10. Every row and column then has two or more hidden cells holding
    // 6 or more, so the per-relation rule hides nothing more; but (r1 + r2) −
    // (c1 + c2) = (26 + 19) − (26 + 26) + published 10s = r2×c3, by hand:
    // x11 + x12 = 6, x21 + x22 + x23 = 9, x11 + x21 = 6, x12 + x22 = 6 ⇒ x23 = 3.
    const small = new Set(['r1c1', 'r1c2', 'r2c1', 'r2c2', 'r3c3', 'r3c4', 'r4c3', 'r4c4', 'r2c3']);
    const rows: [string, string][] = [];
    for (const r of ['r1', 'r2', 'r3', 'r4'])
      for (const c of ['c1', 'c2', 'c3', 'c4'])
        for (let i = 0; i < (small.has(r + c) ? 3 : 10); i++) rows.push([r, c]);
    const survey: SurveyData = {
      items: [{ id: 'q', values: rows.map((_, i) => 1 + (i % 5)), min: 1, max: 5 }],
      segments: { r: rows.map((x) => x[0]), c: rows.map((x) => x[1]) },
    };
    const tables = [['r'], ['c'], ['r', 'c']];
    const out = protectedBreakdowns(survey, { tables });
    const hidden = out.tables[2]!.groups.filter((g) => g.suppressed);
    expect(hidden.filter((g) => g.reason === 'below-minimum')).toHaveLength(9);
    // One further cell is hidden (the 10s are otherwise published): the
    // smallest of the bridge's relations, first by label, r1 × c3 (column c3).
    expect(hidden.filter((g) => g.reason !== 'below-minimum')).toEqual([
      {
        key: { r: 'r1', c: 'c3' },
        label: 'r1 / c3',
        labelSource: 'option',
        suppressed: true,
        reason: 'linked-table',
      },
    ]);
    expect(recoverable(['r', 'c'], rows, tables, out)).toEqual([]);
    // The margins stay published: hand, r1 = 3 + 3 + 10 + 10 = 26, r2 = 19, c3 = 10 + 3 + 3 + 3 = 19.
    expect(view(out.tables[0]!)).toEqual({ r1: 26, r2: 19, r3: 26, r4: 26 });
    expect(view(out.tables[1]!)).toEqual({ c1: 26, c2: 26, c3: 19, c4: 26 });
  });
});

describe('no hidden n can be recovered from one output (property, independent auditor)', () => {
  const FIELDS = ['f0', 'f1', 'f2'] as const;
  it('random overlapping tables, sizes and k', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 1, max: 3 }),
          fc.integer({ min: 1, max: 3 }),
          fc.integer({ min: 1, max: 2 }),
        ),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 14 })), {
          minLength: 18,
          maxLength: 18,
        }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 2, max: 6 }),
        fc.boolean(),
        (cards, sizes, masks, k, reverse) => {
          // The respondents: size per combination of the fields' values (null is a value too).
          const values = cards.map((c, f) =>
            Array.from({ length: c }, (_, v) => (v === 2 && f === 0 ? null : `${FIELDS[f]}v${v}`)),
          );
          const combos: (string | null)[][] = [];
          for (const a of values[0]!)
            for (const b of values[1]!) for (const c of values[2]!) combos.push([a, b, c]);
          const rows: (string | null)[][] = [];
          combos.forEach((combo, i) => {
            for (let j = 0; j < sizes[i]!; j++) rows.push(combo);
          });
          if (rows.length < 2) return;
          const survey: SurveyData = {
            items: [{ id: 'q', values: rows.map((_, i) => 1 + (i % 5)), min: 1, max: 5 }],
            segments: Object.fromEntries(FIELDS.map((f, i) => [f, rows.map((r) => r[i]!)])),
          };
          const tables = masks.map((mask) => {
            const t = FIELDS.filter((_, i) => mask & (1 << i));
            return reverse ? [...t].reverse() : t;
          });
          const out = protectedBreakdowns(survey, { tables, minGroupSize: k });
          const printed = (v: string | null): string => v ?? '(not stated)';
          const fieldIndex = (f: string): number => FIELDS.indexOf(f as (typeof FIELDS)[number]);
          // True counts, by table and label.
          const truth = tables.map((t) => {
            const m = new Map<string, number>();
            for (const r of rows) {
              const label = t.map((f) => printed(r[fieldIndex(f)]!)).join(' / ');
              m.set(label, (m.get(label) ?? 0) + 1);
            }
            return m;
          });
          // Nothing under k is published, published n's are true, total consistent.
          if (rows.length < k) {
            expect(out.total).toBeNull();
            for (const t of out.tables) expect(t.groups.every((g) => g.suppressed)).toBe(true);
          } else expect(out.n).toBe(rows.length);
          out.tables.forEach((t, ti) => {
            expect(t.groups.map((g) => g.label).sort()).toEqual([...truth[ti]!.keys()].sort());
            for (const g of t.groups) {
              const n = truth[ti]!.get(g.label)!;
              if (n < k) expect(g).toMatchObject({ suppressed: true, reason: 'below-minimum' });
              if (!g.suppressed) {
                expect(g.n).toBe(n);
                expect(g.n).toBeGreaterThanOrEqual(k);
              } else expect(Object.keys(g)).not.toContain('n');
            }
          });
          // Not absurd: when every group of every table holds k or more, nothing is hidden.
          if (rows.length >= k && truth.every((m) => [...m.values()].every((n) => n >= k)))
            expect(out.tables.every((t) => t.groups.every((g) => !g.suppressed))).toBe(true);
          for (const g of out.tables.flatMap((t) => t.groups))
            if (g.suppressed) expect(g.labelSource).toBe('option'); // SurveyData labels are the caller's
          expect(recoverable([...FIELDS], rows, tables, out)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
