/**
 * The hostile-input gate: every file of corpus/ (written by make-corpus.mjs)
 * goes through the library (readResponsesSync, satisfactionIndex, protectedBreakdowns)
 * and the CLI (`index` and `report`, in-process `run()` in a child process
 * that is killed on a hang), and every output is checked:
 * no crash, no hang, accepted + rejected = read, no planted personal datum,
 * no live markup or formula from data, no terminal escape, no suppressed cell
 * recoverable by differencing, no published cell below the minimum group
 * size, and no wrong number with exit 0.
 *
 * The CLI runs in-process (not the built bin.js) so that the test reads the
 * workspace sources, as the other projects do, and 2 × 114 commands fit in the
 * time budget; the child process gives it the hang timeout a process has.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { satisfactionIndex } from '@edu-quality/index';
import { parseQuestionnaire, readResponsesSync } from '@edu-quality/questionnaire';
import { auditCells, breakdownCells, type Cell } from './audit.ts';
import {
  activeHtml,
  filesUnder,
  isFormulaCell,
  parseCsv,
  searchableText,
  unzip,
  workbookFormulas,
  workbookStrings,
} from './outputs.ts';
import { runAll, type Outcome } from './pool.ts';
import type { CliRun, Job } from './protocol.ts';

const root = resolve(import.meta.dirname, '..', '..');
const corpus = join(import.meta.dirname, 'corpus');
const QUESTIONNAIRE_FILE = join(root, 'examples', 'questionnaire.json');
const MIN_GROUP_SIZE = 5; // the CLI's default --min-group-size
// Per file (library, streamed library, CLI index and report), timed from a
// loaded child: on an idle machine the slowest file takes about 2 s.
const TIMEOUT_MS = 30_000;

/** An edit of the clean base whose index is a right answer. */
interface Oracle {
  readonly drop?: readonly string[];
  readonly keep?: readonly string[];
  readonly weights?: Readonly<Record<string, number>>;
  readonly blank?: { readonly column: string; readonly ids: readonly string[] };
}
interface Case {
  readonly file: string;
  readonly family: string;
  readonly plants: string;
  readonly expect: 'same' | 'rows' | 'refuse' | 'any';
  readonly oracles?: readonly Oracle[];
  readonly args?: readonly string[];
  readonly library?: Readonly<Record<string, unknown>>;
  /** A questionnaire of the corpus instead of examples/questionnaire.json. */
  readonly questionnaire?: string;
  readonly personal: readonly string[];
  readonly payloads: readonly string[];
  /** The clean bases: a refusal would make every comparison empty. */
  readonly mustPublish?: boolean;
}

const manifest = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as {
  cases: Case[];
};
const clean = (file: string, plants: string): Case => ({
  file,
  family: 'base',
  plants,
  expect: 'same',
  personal: [],
  payloads: [],
  mustPublish: true,
});
const cases: Case[] = [
  clean('base.csv', 'nothing: the clean base'),
  clean('base-ru.csv', 'nothing: the clean base with Russian labels'),
  ...manifest.cases,
];

const questionnaire = parseQuestionnaire(JSON.parse(readFileSync(QUESTIONNAIRE_FILE, 'utf8')));
const baseText = readFileSync(join(corpus, 'base.csv'), 'utf8');

// ------------------------------------------------------------------ oracles
// The expected index of a file is the index of the clean base (or of an edit
// of it: rows dropped, weights set), computed here by the library from the
// clean UTF-8 file, where nothing hostile is left to go wrong.
interface Expected {
  readonly score: number;
  readonly n: number;
}
const oracleScores = new Map<string, Expected>();
function oracleScore(oracle: Oracle): Expected {
  const id = JSON.stringify(oracle);
  const cached = oracleScores.get(id);
  if (cached !== undefined) return cached;
  const [header, ...rows] = parseCsv(baseText, ';');
  const weight = header!.indexOf('weight');
  const blank = oracle.blank === undefined ? -1 : header!.indexOf(oracle.blank.column);
  const kept = rows
    .filter((r) => r.length > 1)
    .filter((r) => !(oracle.drop ?? []).includes(r[0]!))
    .filter((r) => oracle.keep === undefined || oracle.keep.includes(r[0]!))
    .map((r) => {
      const row = [...r];
      const w = oracle.weights?.[r[0]!];
      if (w !== undefined) row[weight] = String(w).replace('.', ',');
      if (blank >= 0 && oracle.blank!.ids.includes(r[0]!)) row[blank] = '';
      return row;
    });
  const text = [header!, ...kept]
    .map((r) => r.map((f) => (/[;"\n\r]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(';'))
    .join('\n');
  const { score, n } = satisfactionIndex(readResponsesSync(questionnaire, text));
  oracleScores.set(id, { score, n });
  return { score, n };
}

function rightScores(c: Case): Expected[] | null {
  if (c.expect === 'any') return null;
  if (c.expect === 'refuse') return [];
  return (c.expect === 'same' ? [{}] : (c.oracles ?? [])).map(oracleScore);
}

// ---------------------------------------------------------------- checks
// 3 is "internal error: a bug". 5 is the documented refusal of a study below
// --min-group-size (packages/cli/src/exit-codes.ts `withheld`, the CLI README's
// exit codes): nothing is published, stderr says why — a refusal, not a crash.
const CLI_CODES = new Set([0, 1, 2, 4, 5]);
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

/** Every place a planted personal datum appears in a text. */
function personalIn(c: Case, where: string, text: string): string[] {
  const found: string[] = [];
  for (const needle of c.personal) {
    const digits = needle.replace(/\D/g, '');
    if (text.includes(needle)) found.push(`personal datum ${JSON.stringify(needle)} in ${where}`);
    else if (digits.length >= 9 && text.includes(digits)) {
      found.push(`personal datum ${JSON.stringify(needle)} (digits) in ${where}`);
    }
  }
  return found;
}

/** The number check: a refusal, or one of the right indices (score and n). */
function numberCheck(
  c: Case,
  channel: string,
  refused: boolean,
  score: unknown,
  n?: unknown,
): string[] {
  const right = rightScores(c);
  if (refused && c.mustPublish === true) return [`${channel}: refused a clean file`];
  if (right === null || refused) return [];
  if (right.length === 0)
    return [`${channel}: published index ${String(score)} where only a refusal is right`];
  if (typeof score !== 'number' || !Number.isFinite(score)) {
    return [`${channel}: exit 0 without a finite index (${String(score)})`];
  }
  // Oracle: the library on the clean base (or the listed edits of it), above.
  if (right.some((r) => Math.abs(r.score - score) <= 1e-9 && (n === undefined || n === r.n))) {
    return [];
  }
  const shown = (x: number, m: unknown): string => `${x.toFixed(6)} (n = ${String(m)})`;
  return [
    `${channel}: wrong number: index ${shown(score, n)}, expected ${right.map((r) => shown(r.score, r.n)).join(' or ')} or a refusal`,
  ];
}

function countsCheck(channel: string, counts: unknown): string[] {
  if (counts === null || counts === undefined) return [];
  const { read, accepted, rejected } = counts as {
    read: number;
    accepted: number;
    rejected: number;
  };
  return accepted + rejected === read
    ? []
    : [`${channel}: counts accepted ${accepted} + rejected ${rejected} ≠ read ${read}`];
}

function cliChecks(c: Case, channel: string, r: CliRun): { found: string[]; json: unknown } {
  const found: string[] = [];
  if (r.threw !== null)
    found.push(`${channel}: crash: run() threw ${r.threw.name}: ${r.threw.message}`);
  if (r.code !== null && !CLI_CODES.has(r.code)) found.push(`${channel}: crash: exit ${r.code}`);
  if (/internal error/i.test(r.stderr) || STACK.test(r.stderr)) {
    found.push(
      `${channel}: crash: ${r.stderr.split('\n').find((l) => /internal error|^\s+at /.test(l)) ?? ''}`.trim(),
    );
  }
  if (r.code !== null && r.code !== 0 && r.stderr.trim() === '')
    found.push(`${channel}: exit ${r.code} with no message on stderr`);
  if (r.stdout.includes('\u001b') || r.stderr.includes('\u001b'))
    found.push(`${channel}: ESC byte on stdout/stderr`);
  found.push(
    ...personalIn(c, `${channel} stdout`, r.stdout),
    ...personalIn(c, `${channel} stderr`, r.stderr),
  );
  let json: unknown = null;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    if (r.code === 0) found.push(`${channel}: exit 0 but stdout is not the JSON document`);
  }
  const j = json as {
    responses?: { counts?: unknown };
    index?: { score?: unknown; n?: number };
  } | null;
  found.push(...countsCheck(channel, j?.responses?.counts));
  if (r.code === 0) {
    found.push(...numberCheck(c, channel, false, j?.index?.score, j?.index?.n));
    const n = j?.index?.n;
    if (typeof n === 'number' && n < MIN_GROUP_SIZE) {
      found.push(`${channel}: the index of ${n} respondents (< ${MIN_GROUP_SIZE}) published`);
    }
  } else found.push(...numberCheck(c, channel, true, null));
  return { found, json };
}

// Segment option labels (every locale) → [field, code], to key the CSV tables.
const segmentLabels = new Map<string, [string, string]>();
for (const section of (
  JSON.parse(readFileSync(QUESTIONNAIRE_FILE, 'utf8')) as {
    sections: {
      questions: {
        id: string;
        role?: string;
        options?: { value: string; label: Record<string, string> }[];
      }[];
    }[];
  }
).sections) {
  for (const q of section.questions) {
    if (q.role !== 'segment') continue;
    for (const o of q.options ?? []) {
      for (const label of Object.values(o.label)) segmentLabels.set(label, [q.id, o.value]);
      segmentLabels.set(o.value, [q.id, o.value]);
    }
  }
}
const TOTAL_LABELS = new Set(['Visi', 'All', 'Все', 'Total', 'Iš viso', 'Итого']);
const NUMERIC = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** The count cells of a report's CSV tables: those with an `n` column and a label before it. */
function csvCells(name: string, rows: readonly string[][]): Cell[] {
  const header = rows[0] ?? [];
  const nAt = header.indexOf('n');
  if (nAt < 1) return [];
  const body = rows.slice(1).filter((r) => !TOTAL_LABELS.has(r[nAt - 1] ?? ''));
  const votes = new Map<string, number>();
  for (const r of body) {
    const field = segmentLabels.get(r[nAt - 1] ?? '')?.[0];
    if (field !== undefined) votes.set(field, (votes.get(field) ?? 0) + 1);
  }
  const field = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (field === undefined) return [];
  const measure = /nps/i.test(name) ? 'nps' : 'n';
  return body.map((r) => {
    const label = r[nAt - 1] ?? '';
    const mapped = segmentLabels.get(label);
    const cell = (r[nAt] ?? '').trim();
    return {
      measure,
      key: { [field]: mapped?.[0] === field ? mapped[1] : label },
      value: NUMERIC.test(cell) ? Number(cell) : null,
      source: name,
    };
  });
}

function reportFileChecks(c: Case, out: string): { found: string[]; cells: Cell[] } {
  const found: string[] = [];
  const cells: Cell[] = [];
  for (const [name, bytes] of filesUnder(out)) {
    let text: string;
    try {
      text = searchableText(name, bytes);
    } catch (error) {
      found.push(`report: ${name} cannot be read (${(error as Error).message})`);
      continue;
    }
    found.push(...personalIn(c, `report ${name}`, text));
    if (name.endsWith('.html')) {
      for (const m of activeHtml(text))
        found.push(`report ${name}: live markup from data: ${JSON.stringify(m)}`);
    }
    if (name.endsWith('.csv')) {
      const rows = parseCsv(text);
      const bad = rows.flat().filter(isFormulaCell);
      for (const cell of bad.slice(0, 3))
        found.push(`report ${name}: formula cell ${JSON.stringify(cell.slice(0, 40))}`);
      cells.push(...csvCells(name, rows));
    }
    if (name.endsWith('.xlsx')) {
      const parts = unzip(bytes);
      for (const cell of workbookStrings(parts).filter(isFormulaCell).slice(0, 3)) {
        found.push(`report ${name}: formula-like string cell ${JSON.stringify(cell.slice(0, 40))}`);
      }
      for (const f of workbookFormulas(parts).slice(0, 3))
        found.push(`report ${name}: formula ${JSON.stringify(f.slice(0, 40))}`);
    }
    if (name === 'results.json') {
      let results: {
        counts?: unknown;
        index?: { score?: unknown; n?: number };
        breakdowns?: unknown[];
      };
      try {
        results = JSON.parse(text) as typeof results;
      } catch {
        found.push('report: results.json is not JSON');
        continue;
      }
      found.push(...countsCheck('report results.json', results.counts));
      found.push(
        ...numberCheck(c, 'report results.json', false, results.index?.score, results.index?.n),
      );
      cells.push(
        ...breakdownCells(results.breakdowns ?? [], 'results.json', results.index?.n ?? null),
      );
    }
  }
  return { found, cells };
}

function violations(c: Case, outcome: Outcome, out: string): string[] {
  if (outcome.kind !== 'done') {
    return [
      `${outcome.kind === 'hang' ? 'hang' : 'child process died'} in ${outcome.stage} (${Math.round(outcome.ms)} ms)`,
    ];
  }
  const { library, index, report } = outcome.result;
  const found: string[] = [];
  // The library: returns, or throws an EduQualityError (a refusal).
  if (library.error !== null && !library.error.eduQuality) {
    found.push(`library: crash: ${library.error.name}: ${library.error.message}`);
  }
  found.push(...countsCheck('library', library.counts));
  found.push(...numberCheck(c, 'library', library.error !== null, library.score, library.n));
  const { streamed } = library;
  if (streamed.error !== null && !streamed.error.eduQuality) {
    found.push(
      `library readResponses (7-byte chunks): crash: ${streamed.error.name}: ${streamed.error.message}`,
    );
  }
  found.push(...countsCheck('library readResponses (7-byte chunks)', streamed.counts));
  found.push(
    ...numberCheck(
      c,
      'library readResponses (7-byte chunks)',
      streamed.error !== null,
      streamed.score,
      streamed.n,
    ),
  );
  if (
    JSON.stringify(streamed.counts) !== JSON.stringify(library.counts) ||
    !Object.is(streamed.score, library.score) ||
    streamed.n !== library.n
  ) {
    // The same bytes in other chunks must be the same data.
    found.push(
      `library: readResponses in 7-byte chunks disagrees with readResponsesSync (counts ${JSON.stringify(streamed.counts)} vs ${JSON.stringify(library.counts)}, index ${String(streamed.score)} vs ${String(library.score)})`,
    );
  }
  const libAudit = auditCells(
    breakdownCells(library.breakdowns, 'library protectedBreakdowns()'),
    MIN_GROUP_SIZE,
  );
  found.push(...libAudit.recoverable.map((m) => `library protectedBreakdowns(): ${m}`));
  found.push(...libAudit.small.map((m) => `library protectedBreakdowns(): ${m}`));
  // The CLI.
  const idx = cliChecks(c, 'cli index', index);
  found.push(...idx.found);
  const indexJson = idx.json as { breakdowns?: unknown[]; index?: { n?: number } } | null;
  if (index.code === 0 && indexJson !== null) {
    const a = auditCells(
      breakdownCells(indexJson.breakdowns ?? [], 'index --format json', indexJson.index?.n ?? null),
      MIN_GROUP_SIZE,
    );
    found.push(...[...a.recoverable, ...a.small].map((m) => `cli index: ${m}`));
  }
  found.push(...cliChecks(c, 'cli report', report).found);
  const files = reportFileChecks(c, out);
  found.push(...files.found);
  if (report.code === 0) {
    const a = auditCells(files.cells, MIN_GROUP_SIZE);
    found.push(...[...a.recoverable, ...a.small].map((m) => `cli report: ${m}`));
  }
  return [...new Set(found)];
}

// ---------------------------------------------------------------- the run
let tmp: string;
let outcomes: Outcome[];
const failures = new Map<string, string[]>();

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'edu-quality-hostile-'));
  const jobs: Job[] = cases.map((c) => ({
    file: join(corpus, c.file),
    questionnaire:
      c.questionnaire === undefined ? QUESTIONNAIRE_FILE : join(corpus, c.questionnaire),
    out: join(tmp, c.file.replace(/\W/g, '_')),
    minGroupSize: MIN_GROUP_SIZE,
    ...(c.args === undefined ? {} : { args: c.args }),
    ...(c.library === undefined ? {} : { library: c.library }),
  }));
  for (const job of jobs) {
    // The CLI's working folder must exist before it runs.
    mkdirSync(job.out, { recursive: true });
  }
  const started = performance.now();
  outcomes = await runAll(root, jobs, { size: 2, timeoutMs: TIMEOUT_MS });
  console.log(
    `hostile corpus: ${jobs.length} files in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}, 600_000);

afterAll(() => {
  if (process.env.HOSTILE_VERBOSE === '1') {
    // What each file got, for a reviewer: the library's index or error code, the CLI's exit codes.
    for (const [i, c] of cases.entries()) {
      const o = outcomes[i]!;
      if (o.kind !== 'done') {
        console.log(`${c.file}: ${o.kind} in ${o.stage}`);
        continue;
      }
      const { library, index, report } = o.result;
      const lib =
        library.error === null
          ? (library.score?.toFixed(4) ?? 'null')
          : `refused (${library.error.code ?? library.error.name})`;
      console.log(
        `${c.file}: library ${lib} ${JSON.stringify(library.counts)}; index exit ${String(index.code)}; report exit ${String(report.code)}; ${Math.round(o.ms)} ms`,
      );
    }
  }
  if (failures.size > 0) {
    const lines = [...failures].map(([file, v]) => `${file}\n  ${v.join('\n  ')}`);
    console.log(
      `hostile corpus: ${failures.size} of ${cases.length} files fail\n${lines.join('\n')}`,
    );
  }
  rmSync(tmp, { recursive: true, force: true });
});

describe('the hostile-input corpus', () => {
  it('holds at least 80 hostile files, each with a manifest entry', () => {
    expect(manifest.cases.length).toBeGreaterThanOrEqual(80);
    const families = new Set(manifest.cases.map((c) => c.family));
    expect([...families].sort()).toEqual(
      [
        'encodings',
        'headers',
        'ids',
        'labels',
        'payloads',
        'personal',
        'quotes',
        'separators',
        'sizes',
        'weights',
      ].sort(),
    );
  });

  it('has a Russian-labelled base with the same index as the Lithuanian one', () => {
    // Oracle: the same answers under other labels are the same data.
    const ru = readResponsesSync(questionnaire, readFileSync(join(corpus, 'base-ru.csv')));
    expect(ru.counts.rejected).toBe(0);
    expect(satisfactionIndex(ru).score).toBeCloseTo(oracleScore({}).score, 12);
  });

  it.each(cases.map((c, i) => [c.file, c.plants, i] as const))('%s (%s)', (file, _plants, i) => {
    const c = cases[i]!;
    const v = violations(c, outcomes[i]!, join(tmp, file.replace(/\W/g, '_')));
    if (v.length > 0) failures.set(file, v);
    expect(v).toEqual([]);
  });
});
