import { compareWaves, type CompareWavesResult } from '@edu-quality/index';
import { readResponsesSync, type ResponseSet } from '@edu-quality/questionnaire';
import { educationSatisfactionQuestionnaire, responsesToCsv } from '@edu-quality/templates';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyse, fixed, levelLabel, type Analysis, type AnalysisOptions } from '../analysis.js';
import type { Command } from '../command.js';
import { positionals, str } from '../command.js';
import { DEMO_INSTITUTIONS, DEMO_WAVES, demoRecords } from '../demo-data.js';
import { writeStudyReport } from '../write-report.js';
import { localeOption } from './analysis-options.js';

/** The analysis settings of the demo: the defaults, by institution and respondent group. */
export const DEMO_ANALYSIS: AnalysisOptions = {
  command: 'demo',
  weights: 'equal',
  interval: 'delta-t',
  replicates: 1000,
  seed: 1,
  level: 0.95,
  by: ['institution', 'group'],
  minGroupSize: 5,
};

function pValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;
}

/** `edu-quality demo`: a full study report for a synthetic municipality. */
export const demoCommand: Command = {
  name: 'demo',
  summary:
    'Write a full study report for a synthetic municipality (12 institutions, 2 waves) and say where it is.',
  usage: 'demo [--out DIR] [options]',
  description: [
    'Generates two survey waves with fixed seeds (the same numbers every time) from the built-in',
    'education client-satisfaction questionnaire, writes them as ;-separated exports with',
    'Lithuanian labels (as Excel writes them), reads them back as any export is read, computes the',
    'index, NPS, institution ranking and the change between waves, and writes the report.',
  ].join('\n'),
  options: {
    out: {
      type: 'string',
      short: 'o',
      value: 'DIR',
      description: 'the output folder (default reports/demo)',
    },
    locale: {
      type: 'string',
      value: 'LOCALE',
      description: 'the report language: lt, en (default) or ru',
    },
    'extra-text': {
      type: 'string',
      multiple: true,
      value: 'TEXT',
      description:
        'use TEXT as an open-text answer of the 2026 wave (to check how answers are escaped)',
    },
  },
  examples: [
    'edu-quality demo',
    'edu-quality demo --out /tmp/demo --locale lt',
    'edu-quality demo --format json',
  ],
  async run(ctx, parsed) {
    positionals('demo', parsed, []);
    const started = performance.now();
    const out = str(parsed, 'out') ?? join('reports', 'demo');
    const locale = localeOption(parsed);
    const extra = (parsed.values['extra-text'] as string[] | undefined) ?? [];
    ctx.mkdir(out);
    const questionnaire = educationSatisfactionQuestionnaire;
    const files: string[] = [];
    // The inputs are written with the report, into the folder that replaces `out` whole.
    const extraFiles: { path: string; data: string }[] = [
      { path: 'questionnaire.json', data: `${JSON.stringify(questionnaire, null, 2)}\n` },
    ];
    files.push(join(out, 'questionnaire.json'));
    const sets: ResponseSet[] = [];
    const analyses: Analysis[] = [];
    for (const wave of DEMO_WAVES) {
      const records = demoRecords(wave, wave === DEMO_WAVES[1] ? extra : []);
      const csv = responsesToCsv(records, {
        questionnaire,
        delimiter: ';',
        labels: 'labels',
        locale: 'lt',
        decimalSeparator: ',',
        bom: true,
      });
      const file = join(out, 'data', `wave-${wave.id}.csv`);
      extraFiles.push({ path: join('data', `wave-${wave.id}.csv`), data: csv });
      files.push(file);
      const set = readResponsesSync(questionnaire, csv);
      sets.push(set);
      analyses.push(analyse(set, DEMO_ANALYSIS));
    }
    const [previous, current] = analyses as [Analysis, Analysis];
    const [previousSet, currentSet] = sets as [ResponseSet, ResponseSet];
    const indexChange: CompareWavesResult = compareWaves(previous.index, current.index);
    const npsChange: CompareWavesResult | null =
      previous.nps !== null && current.nps !== null
        ? compareWaves(previous.nps, current.nps)
        : null;
    const written = await writeStudyReport(ctx, out, {
      questionnaire,
      responses: currentSet,
      previous: previousSet,
      analysis: current,
      options: DEMO_ANALYSIS,
      extraFiles,
      title:
        locale === 'lt'
          ? 'Švietimo paslaugų vartotojų pasitenkinimo indekso tyrimo ataskaita 2026 (sintetinė savivaldybė)'
          : locale === 'ru'
            ? 'Отчёт об исследовании индекса удовлетворённости образовательными услугами 2026 (условный муниципалитет)'
            : 'Consumer satisfaction index study report 2026: education services of a synthetic municipality',
      organisation:
        locale === 'lt'
          ? 'Sintetinė savivaldybė (demonstraciniai duomenys)'
          : locale === 'ru'
            ? 'Условный муниципалитет (демонстрационные данные)'
            : 'Synthetic municipality (demo data)',
      period:
        locale === 'lt'
          ? `${DEMO_WAVES[1].id} (ankstesnis tyrimas – ${DEMO_WAVES[0].id})`
          : locale === 'ru'
            ? `${DEMO_WAVES[1].id} (предыдущая волна – ${DEMO_WAVES[0].id})`
            : `${DEMO_WAVES[1].id} (previous wave ${DEMO_WAVES[0].id})`,
      locale,
    });
    files.push(...written.files);
    const seconds = (performance.now() - started) / 1000;
    const institutions = current.breakdowns[0]?.groups ?? [];
    const waves = DEMO_WAVES.map((wave, i) => {
      const a = analyses[i] as Analysis;
      return {
        id: wave.id,
        seed: wave.seed,
        counts: (sets[i] as ResponseSet).counts,
        index: { score: a.index.score, interval: a.index.interval, n: a.index.n },
        nps: a.nps === null ? null : { score: a.nps.score, interval: a.nps.interval, n: a.nps.n },
        dimensions: a.index.dimensions.map((d) => ({ dimension: d.dimension, score: d.score })),
      };
    });
    ctx.json({
      ok: true,
      out: ctx.path(out),
      report: written.main === null ? null : ctx.path(written.main),
      files: files.map((f) => ctx.display(f)),
      institutions: DEMO_INSTITUTIONS.length,
      waves,
      change: { index: indexChange, nps: npsChange },
      ranking: institutions.map((g) =>
        g.suppressed
          ? { label: g.label, suppressed: true }
          : { label: g.label, rank: g.rank, n: g.n, score: g.index.score },
      ),
      seconds,
    });
    ctx.out(
      `Demo: a synthetic municipality with ${DEMO_INSTITUTIONS.length} institutions and 2 survey waves (${DEMO_WAVES.map((w) => `${w.id}: ${w.n.toLocaleString('en')} respondents`).join(', ')}).`,
    );
    for (const [i, wave] of DEMO_WAVES.entries()) {
      const c = (sets[i] as ResponseSet).counts;
      ctx.out(
        `  ${ctx.display(join(out, 'data', `wave-${wave.id}.csv`))}: rows read ${c.read}, accepted ${c.accepted}, rejected ${c.rejected}`,
      );
    }
    ctx.out('');
    const ci = (x: { interval: { lower: number; upper: number; level: number } }): string =>
      `${levelLabel(x.interval.level)} CI ${fixed(x.interval.lower)}–${fixed(x.interval.upper)}`;
    ctx.out(
      `Satisfaction index 2026: ${fixed(current.index.score)} (${ci(current.index)}), n = ${current.index.n}`,
    );
    ctx.out(
      `                   2025: ${fixed(previous.index.score)} (${ci(previous.index)}), n = ${previous.index.n}`,
    );
    ctx.out(`  change ${signed(indexChange.difference)} points (${pValue(indexChange.pValue)})`);
    if (current.nps !== null) {
      ctx.out(
        `Net Promoter Score 2026: ${fixed(current.nps.score)} (${ci(current.nps)})${npsChange === null ? '' : `, change ${signed(npsChange.difference)} (${pValue(npsChange.pValue)})`}`,
      );
    }
    const dims = [...current.index.dimensions].sort((a, b) => a.score - b.score);
    if (dims.length > 0) {
      const low = dims[0]!;
      const before = previous.index.dimensions.find((d) => d.dimension === low.dimension);
      ctx.out(
        `Lowest dimension: ${low.dimension} ${fixed(low.score)}${before === undefined ? '' : ` (2025: ${fixed(before.score)})`}`,
      );
    }
    const published = institutions.filter((g) => !g.suppressed);
    if (published.length > 0) {
      const best = published[0]!;
      const worst = published.at(-1)!;
      ctx.out(
        `Institutions: highest ${best.label} ${fixed(best.suppressed ? null : best.index.score)}, lowest ${worst.label} ${fixed(worst.suppressed ? null : worst.index.score)}`,
      );
    }
    ctx.out('');
    if (written.main !== null) {
      ctx.out(`Report: ${ctx.display(written.main)}`);
      ctx.out(
        `  open ${pathToFileURL(ctx.path(written.main)).href} in a browser (print to PDF for paper)`,
      );
    }
    const names = files.map((f) => relative(ctx.path(out), ctx.path(f)));
    const tables = names.filter((n) => n.startsWith(`tables${sep}`)).length;
    const top = names.filter((n) => !n.includes(sep));
    ctx.out(
      `Files in ${ctx.display(out)}: ${[...top, `tables${sep} (${tables} CSV tables)`, `data${sep} (the 2 exports)`].join(', ')}`,
    );
    ctx.out(`Done in ${seconds.toFixed(1)} s.`);
    return 0;
  },
};
