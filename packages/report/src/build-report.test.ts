import { EduQualityError } from '@edu-quality/core';
import {
  breakdown,
  protectedBreakdowns,
  compareWaves,
  importancePerformance,
  marginOfError,
  netPromoterScore,
  satisfactionIndex,
} from '@edu-quality/index';
import { parseQuestionnaire, readResponsesSync } from '@edu-quality/questionnaire';
import { generateResponses } from '@edu-quality/templates';
import { describe, expect, it } from 'vitest';
import { demoRecords, demoResponses, questionnaire } from '../test/demo.js';
import { buildReport } from './build-report.js';
import type { ReportDocument, TextRun } from './report-document.js';
import { renderMarkdown } from './render-markdown.js';
import { reportTables } from './report-tables.js';

const responses = demoResponses(600, 2026);
const previousResponses = demoResponses(500, 2025);
const report = buildReport({
  questionnaire,
  responses,
  options: {
    locale: 'en',
    previous: previousResponses,
    target: 80,
    populationSize: 4000,
    minGroupSize: 45,
    generatedAt: '2026-11-25T12:00:00Z',
  },
});

function allRuns(doc: ReportDocument): TextRun[] {
  return doc.sections.flatMap((s) =>
    s.blocks.flatMap((b) =>
      b.kind === 'paragraph' ? b.runs : b.kind === 'list' ? b.items.flat() : [],
    ),
  );
}

describe('buildReport: golden test on the seeded demo data', () => {
  // The oracle is @edu-quality/index called directly on the same responses:
  // every headline number of the document must be that result, not a copy.
  const index = satisfactionIndex(responses);

  it('has the ten sections in order', () => {
    expect(report.sections.map((s) => s.id)).toEqual([
      'summary',
      'methodology',
      'index',
      'institutions',
      'groups',
      'ipa',
      'change',
      'nps',
      'open-text',
      'recommendations',
    ]);
  });

  it('binds the overall index, its interval and n to satisfactionIndex', () => {
    expect(report.values['index.score']?.value).toBe(index.score);
    expect(report.values['index.lower']?.value).toBe(index.interval.lower);
    expect(report.values['index.upper']?.value).toBe(index.interval.upper);
    expect(report.values['index.n']?.value).toBe(index.n);
    expect(report.values['index.score']?.source).toBe('index.score');
    if (report.kind !== 'satisfaction') throw new Error('kind');
    expect(report.results.index).toEqual(index);
    // The summary's first paragraph refers to the value; it does not hold a number.
    const first = report.sections[0]!.blocks[0]!;
    expect(first.kind).toBe('paragraph');
    if (first.kind === 'paragraph') {
      expect(first.runs).toContainEqual({ kind: 'value', key: 'index.score' });
      // Only the scale's 100 is written in the words; no result is typed in.
      for (const run of first.runs) {
        if (run.kind === 'text') expect(run.text.replace('100', '')).not.toMatch(/\d/);
      }
    }
  });

  it('binds the response rate and the finite-population margin of error', () => {
    expect(report.values.responseRate?.value).toBe(index.n / 4000);
    expect(report.values.marginOfError?.value).toBe(
      marginOfError({ n: index.n, populationSize: 4000 }),
    );
  });

  it('binds every item and dimension score', () => {
    for (const item of index.items) {
      expect(report.values[`item.${item.id}.score`]?.value).toBe(item.score);
    }
    for (const d of index.dimensions) {
      expect(report.values[`dimension.${d.dimension}.score`]?.value).toBe(d.score);
    }
  });

  it('ranks institutions as protectedBreakdowns does over its institution and group tables', () => {
    // The report publishes the institution and group tables beside one total,
    // so their suppression is one joint pattern.
    const direct = protectedBreakdowns(responses, {
      tables: [['institution'], ['group']],
      minGroupSize: 45,
    }).tables[0]!;
    if (report.kind !== 'satisfaction') throw new Error('kind');
    expect(report.results.institutions).toEqual(direct);
    const table = reportTables(report).find((t) => t.id === 'institutions')!;
    // Institution codes are not declared options of the item: a suppressed
    // one is keyed by its position and its name is not published.
    const keyOf = (g: (typeof direct.groups)[number], k: number) =>
      g.suppressed ? `suppressed-${k + 1}` : g.label;
    expect(table.rows.map((r) => r.key)).toEqual(direct.groups.map(keyOf));
    const suppressed = direct.groups.filter((g) => g.suppressed);
    // The threshold is high enough here that some institutions are suppressed.
    expect(suppressed.length).toBeGreaterThan(0);
    const why = {
      'below-minimum': 'suppressed (n < 45)',
      complementary: 'suppressed to protect a smaller group',
      'linked-table': 'suppressed to protect a smaller group of another table',
      'no-answers': 'suppressed (no answers to the index items)',
    };
    direct.groups.forEach((g, k) => {
      if (!g.suppressed) return;
      const row = table.rows.find((r) => r.key === keyOf(g, k))!;
      expect(row.cells.some((c) => c.kind === 'number')).toBe(false);
      expect(row.cells[1]).toEqual({ kind: 'text', text: '(another answer, not shown)' });
      expect(row.cells.filter((c) => c.kind === 'suppressed')[0]).toEqual({
        kind: 'suppressed',
        text: why[g.reason],
      });
    });
    for (const g of direct.groups) {
      if (g.suppressed) continue;
      const row = table.rows.find((r) => r.key === g.label)!;
      expect(row.cells[3]).toEqual({ kind: 'number', value: g.index.score, format: 'score' });
    }
  });

  it('binds the NPS to netPromoterScore', () => {
    const column = responses.columns.get('recommend');
    if (column?.kind !== 'scale') throw new Error('recommend');
    const nps = netPromoterScore(column);
    expect(report.values['nps.score']?.value).toBe(nps.score);
    expect(report.values['nps.n']?.value).toBe(nps.n);
  });

  it('compares with the previous wave by compareWaves', () => {
    const previous = satisfactionIndex(previousResponses);
    const change = compareWaves(previous, index);
    expect(report.values['change.difference']?.value).toBe(change.difference);
    expect(report.values['change.p']?.value).toBe(change.pValue);
    expect(report.values['change.previous']?.value).toBe(previous.score);
    // The same change from the previous index result instead of its responses.
    const fromResult = buildReport({
      questionnaire,
      responses,
      options: { locale: 'en', previous },
    });
    expect(fromResult.values['change.difference']?.value).toBe(change.difference);
  });

  it('places items in the IPA by stated importance paired by dimension', () => {
    if (report.kind !== 'satisfaction') throw new Error('kind');
    const { importance, ipa } = report.results;
    expect(importance?.method).toBe('stated');
    // Hand check of the pairing: staff_politeness is weighed by imp_staff's mean.
    const impStaff = satisfactionIndex(responses, { items: ['imp_staff'] }).items[0]!.mean;
    expect(importance?.items.staff_politeness).toBe(impStaff);
    const direct = importancePerformance(
      index.items.map((i) => ({
        id: i.id,
        importance: importance!.items[i.id]!,
        performance: i.score!,
      })),
    );
    expect(ipa).toEqual(direct);
  });

  it('recommends the "concentrate here" items and the items below target', () => {
    const section = report.sections.find((s) => s.id === 'recommendations')!;
    const list = section.blocks[0]!;
    if (list.kind !== 'list' || report.kind !== 'satisfaction') throw new Error('list');
    const named = new Set(report.results.ipa!.concentrateHere);
    const below = index.items.filter((i) => i.score! < 80 && !named.has(i.id)).length;
    expect(list.items.length).toBe(report.results.ipa!.concentrateHere.length + below);
    expect(report.values.target?.value).toBe(80);
  });

  it('resolves every value a text refers to', () => {
    for (const run of allRuns(report)) {
      if (run.kind === 'value') expect(report.values[run.key], run.key).toBeDefined();
    }
  });

  it('keeps the generatedAt it is given and reads no clock', () => {
    expect(report.meta.generatedAt).toBe('2026-11-25T12:00:00Z');
    const again = buildReport({
      questionnaire,
      responses,
      options: {
        locale: 'en',
        previous: previousResponses,
        target: 80,
        populationSize: 4000,
        minGroupSize: 45,
        generatedAt: '2026-11-25T12:00:00Z',
      },
    });
    expect(again).toEqual(report);
  });
});

describe('buildReport: locales', () => {
  it('takes every label from the message tables of lt, en and ru', () => {
    const titles = (['lt', 'en', 'ru'] as const).map((locale) =>
      buildReport({ questionnaire, responses, options: { locale } }).sections.map((s) => s.title),
    );
    expect(titles[0]![0]).toBe('Santrauka');
    expect(titles[1]![0]).toBe('Summary');
    expect(titles[2]![0]).toBe('Резюме');
    // No title is shared between languages (none was left in English).
    for (let i = 0; i < 10; i++) {
      expect(new Set(titles.map((t) => t[i])).size).toBe(3);
    }
  });

  it("defaults to the questionnaire's default locale and falls back to English labels", () => {
    expect(buildReport({ questionnaire, responses }).locale).toBe('lt');
    expect(
      buildReport({ questionnaire, responses, options: { locale: 'de' } }).sections[0]!.title,
    ).toBe('Summary');
  });
});

describe('buildReport: edges', () => {
  it('throws insufficient-data with one respondent', () => {
    const one = readResponsesSync(questionnaire, demoRecords(1, 1));
    try {
      buildReport({ questionnaire, responses: one });
      expect.unreachable();
    } catch (error) {
      expect(EduQualityError.isInstance(error) && error.code).toBe('insufficient-data');
    }
  });

  it('labels a segment code such as constructor or toString by the code, not by an inherited property', () => {
    const codes = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];
    const records = generateResponses(questionnaire, { n: 200, seed: 4, institutions: codes });
    const doc = buildReport({
      questionnaire,
      responses: readResponsesSync(questionnaire, records),
      options: { locale: 'en', labels: { valueOf: 'Value school' } },
    });
    const table = reportTables(doc).find((t) => t.id === 'institutions')!;
    const names = table.rows.flatMap((r) =>
      r.cells.filter((c) => c.kind === 'text').map((c) => c.text),
    );
    expect(names).toEqual(expect.arrayContaining(['constructor', 'toString', 'Value school']));
    for (const name of names) expect(typeof name).toBe('string');
  });

  it('throws invalid-argument for a segment field the data lack', () => {
    expect(() =>
      buildReport({ questionnaire, responses, options: { groupField: 'nope' } }),
    ).toThrow(/no single-choice field nope/);
  });

  it('says why a section has no data: no previous wave, no breakdowns, no open text', () => {
    const records = demoRecords(40, 3).map((r) => {
      const copy = { ...r };
      delete copy.improve;
      delete copy.why_dissatisfied;
      return copy;
    });
    const doc = buildReport({
      questionnaire,
      responses: readResponsesSync(questionnaire, records),
      options: { locale: 'en', institutionField: false, groupField: false },
    });
    const texts = (id: string) =>
      doc.sections
        .find((s) => s.id === id)!
        .blocks.flatMap((b) => (b.kind === 'paragraph' ? b.runs : []))
        .map((r) => (r.kind === 'value' ? '' : r.text))
        .join('');
    expect(texts('change')).toBe('No previous wave was given.');
    expect(texts('institutions')).toBe('The data have no field for this breakdown.');
    expect(texts('open-text')).toBe('There are no open-text answers.');
  });

  it('redacts personal data in open text unless told not to', () => {
    const records = demoRecords(50, 4);
    records[0]!.improve = 'Call me: +370 612 34567, jonas@example.lt, a.k. 38703181745';
    const set = readResponsesSync(questionnaire, records);
    const quotes = (doc: ReportDocument) =>
      doc.sections
        .find((s) => s.id === 'open-text')!
        .blocks.flatMap((b) => (b.kind === 'quotes' ? b.quotes : []));
    const redacted = quotes(
      buildReport({ questionnaire, responses: set, options: { locale: 'en' } }),
    );
    expect(redacted).toContain('Call me: [removed], [removed], a.k. [removed]');
    const lt = quotes(buildReport({ questionnaire, responses: set, options: { locale: 'lt' } }));
    expect(lt).toContain('Call me: [pašalinta], [pašalinta], a.k. [pašalinta]');
    const raw = quotes(
      buildReport({ questionnaire, responses: set, options: { locale: 'en', redact: false } }),
    );
    expect(raw).toContain('Call me: +370 612 34567, jonas@example.lt, a.k. 38703181745');
    const onlyEmails = quotes(
      buildReport({
        questionnaire,
        responses: set,
        options: { locale: 'en', redact: { phones: false, personalCodes: false } },
      }),
    );
    expect(onlyEmails).toContain('Call me: +370 612 34567, [removed], a.k. 38703181745');
  });

  it('uses display names of institution codes', () => {
    const doc = buildReport({
      questionnaire,
      responses,
      options: { locale: 'en', labels: { 'inst-01': 'Trakų Vytauto gimnazija' } },
    });
    const table = reportTables(doc).find((t) => t.id === 'institutions')!;
    const row = table.rows.find((r) => r.key === 'inst-01')!;
    expect(row.cells[1]).toEqual({ kind: 'text', text: 'Trakų Vytauto gimnazija' });
  });

  it('states respondent weights and the Kish effective n', () => {
    const records = generateResponses(questionnaire, { n: 200, seed: 8, weights: true });
    const weighted = readResponsesSync(questionnaire, records, { weightColumn: 'weight' });
    const doc = buildReport({ questionnaire, responses: weighted, options: { locale: 'en' } });
    const direct = satisfactionIndex(weighted);
    expect(doc.values['index.score']?.value).toBe(direct.score);
    expect(doc.values['index.nEff']?.value).toBe(direct.nEff);
    expect(direct.nEff).toBeLessThan(direct.n);
  });

  it('falls back to derived importance without importance items', () => {
    const label = (en: string) => ({ en });
    const scale = {
      points: [1, 2, 3, 4, 5].map((value) => ({ value, label: label(String(value)) })),
    };
    const tiny = parseQuestionnaire({
      id: 'tiny',
      version: '1',
      title: label('Tiny'),
      locales: ['en'],
      defaultLocale: 'en',
      sections: [
        {
          id: 's',
          title: label('S'),
          questions: [
            { id: 'a', kind: 'scale', role: 'satisfaction', text: label('A'), scale },
            { id: 'b', kind: 'scale', role: 'satisfaction', text: label('B'), scale },
            { id: 'c', kind: 'scale', role: 'satisfaction', text: label('C'), scale },
            { id: 'overall', kind: 'scale', role: 'overall', text: label('Overall'), scale },
          ],
        },
      ],
    });
    const records = generateResponses(tiny, { n: 300, seed: 5 });
    const set = readResponsesSync(tiny, records);
    const doc = buildReport({ questionnaire: tiny, responses: set, options: { locale: 'en' } });
    if (doc.kind !== 'satisfaction') throw new Error('kind');
    const derived = satisfactionIndex(set, { weights: 'derived', interval: 'delta-z' });
    expect(doc.results.importance).toEqual({
      method: 'derived',
      items: derived.weighting.itemWeights,
    });
    // Without institution, group, recommend or text fields the sections still all exist.
    expect(doc.sections).toHaveLength(10);
    expect(doc.results.nps).toBeUndefined();
  });

  it('publishes no number when the whole sample is below the disclosure threshold', () => {
    // demoRecords(8, 12): 8 respondents; with minGroupSize 10 the whole study is a
    // group too small to publish (issue: a study below the minimum was published in full).
    const small = readResponsesSync(questionnaire, demoRecords(8, 12));
    for (const locale of ['en', 'lt', 'ru']) {
      const doc = buildReport({
        questionnaire,
        responses: small,
        options: { locale, minGroupSize: 10 },
      });
      expect(doc.kind).toBe('withheld');
      expect(doc.values).toEqual({});
      expect(doc.sections.map((s) => s.id)).toEqual(['summary']);
      const text = renderMarkdown(doc);
      // The only digits are the threshold's (10): no n, no score.
      expect(text.replace(/10/g, '')).not.toMatch(/\d/);
      expect(reportTables(doc)).toEqual([]);
    }
    const big = buildReport({
      questionnaire,
      responses: small,
      options: { locale: 'en', minGroupSize: 5 },
    });
    const firstBig = big.sections[0]!.blocks[0]!;
    expect(firstBig.kind === 'paragraph' && firstBig.runs[0]).toEqual({
      kind: 'text',
      text: 'The overall satisfaction index is ',
    });
  });
});

describe('buildReport: results computed by the caller', () => {
  const responses = demoResponses(400, 31);

  it('publishes the given index, NPS and breakdowns and computes none of them again', () => {
    // The caller's index on two items only: a report that recomputed the index
    // would show all the satisfaction items (the defect: report files ignored --items).
    const index = satisfactionIndex(responses, { items: ['info_available', 'info_clear'] });
    const crossed = breakdown(responses, {
      by: ['institution', 'group'],
      items: ['info_available', 'info_clear'],
    });
    const doc = buildReport({
      questionnaire,
      responses,
      results: { index, nps: null, breakdowns: [crossed] },
      options: { locale: 'en' },
    });
    if (doc.kind !== 'satisfaction') throw new Error('kind');
    expect(doc.results.index).toBe(index);
    expect(doc.values['index.score']?.value).toBe(index.score);
    expect(
      reportTables(doc)
        .find((t) => t.id === 'index-items')!
        .rows.map((r) => r.key),
    ).toEqual(['info_available', 'info_clear']);
    // nps: null is "no NPS", not "compute it".
    expect(doc.results.nps).toBeUndefined();
    expect(doc.values['nps.score']).toBeUndefined();
    // Only the breakdowns given: no institutions or groups section of its own.
    expect(doc.results.institutions).toBeUndefined();
    expect(doc.results.breakdowns).toEqual([crossed]);
    const table = reportTables(doc).find((t) => t.id === 'by-institution-group')!;
    const published = crossed.groups.filter((g) => !g.suppressed);
    expect(table.rows.filter((r) => r.cells[3]?.kind === 'number').length).toBe(published.length);
    expect(table.rows[0]!.cells[3]).toEqual({
      kind: 'number',
      value: published[0]!.index.score,
      format: 'score',
    });
  });

  it('rejects unknown keys of results with the option path', () => {
    const index = satisfactionIndex(responses);
    expect(() =>
      buildReport({
        questionnaire,
        responses,
        results: { index, institutions: [] } as never,
      }),
    ).toThrow(/results\.institutions/);
  });
});

describe('buildReport: refusals and disclosure', () => {
  const responses = demoResponses(120, 7);

  it('refuses a population smaller than the responses (a response rate over 100 %)', () => {
    // 120 accepted rows (demoResponses(120, …)); 119 recipients cannot have given 120 answers.
    const call = (populationSize: number) => () =>
      buildReport({ questionnaire, responses, options: { populationSize } });
    expect(call(119)).toThrow(EduQualityError);
    expect(call(119)).toThrow(
      /populationSize \(119\) is smaller than the number of responses \(120\)/,
    );
    const doc = buildReport({ questionnaire, responses, options: { populationSize: 120 } });
    // 120 / 120 = 1: the largest rate that can be published.
    expect(doc.values['responseRate']?.value).toBe(1);
  });

  it('says why each group is hidden, in every locale, never with its n', () => {
    const seeded = demoResponses(400, 31);
    const result = breakdown(seeded, { by: 'group', minGroupSize: 40 });
    const reasons = new Set(result.groups.flatMap((g) => (g.suppressed ? [g.reason] : [])));
    // The seeded data at k = 40 have a group below the minimum and one hidden to protect it
    // (the defect: both were labelled "suppressed (n < k)", the second at an n well above k).
    expect([...reasons].sort()).toEqual(['below-minimum', 'complementary']);
    const expected = {
      en: ['suppressed (n < 40)', 'suppressed to protect a smaller group'],
      lt: ['neskelbiama (n < 40)', 'neskelbiama, kad būtų apsaugota mažesnė grupė'],
      ru: ['не публикуется (n < 40)', 'не публикуется, чтобы защитить меньшую группу'],
    };
    for (const [locale, [below, complementary]] of Object.entries(expected)) {
      const doc = buildReport({
        questionnaire,
        responses: seeded,
        options: { locale, minGroupSize: 40, institutionField: false },
      });
      const table = reportTables(doc).find((t) => t.id === 'groups')!;
      result.groups.forEach((g, k) => {
        if (!g.suppressed) return;
        const cell = table.rows[k]!.cells[2];
        expect(cell).toEqual({
          kind: 'suppressed',
          text: g.reason === 'below-minimum' ? below : complementary,
        });
      });
    }
  });

  it('redacts personal data typed into a free-text segment and hides a suppressed one', () => {
    const records = demoRecords(200, 5);
    // Six respondents typed an e-mail as their institution (a published group of
    // 6 ≥ 5); one typed a phone number and one a name (groups of 1, suppressed).
    for (let i = 0; i < 6; i++) records[i]!.institution = 'ona.jonaitiene@example.lt';
    records[6]!.institution = '+370 612 34567';
    records[7]!.institution = 'Ona Jonaitienė';
    const set = readResponsesSync(questionnaire, records);
    const doc = buildReport({ questionnaire, responses: set, options: { locale: 'en' } });
    const md = renderMarkdown(doc);
    const table = reportTables(doc).find((t) => t.id === 'institutions')!;
    const everything = JSON.stringify(table) + md;
    for (const secret of ['ona.jonaitiene@example.lt', '612 34567', 'Ona Jonaitienė']) {
      expect(everything).not.toContain(secret);
    }
    expect(
      table.rows.some((r) => r.cells[1]?.kind === 'text' && r.cells[1].text === '[removed]'),
    ).toBe(true);
    expect(
      table.rows.some(
        (r) => r.cells[1]?.kind === 'text' && r.cells[1].text === '(another answer, not shown)',
      ),
    ).toBe(true);
  });
});

describe('buildReport: options', () => {
  const responses = demoResponses(60, 3);
  it.each([
    [{ minGroupSise: 3 }, /options\.minGroupSise is not an option/],
    [{ level: 95 }, /options\.level must be/],
    [{ interval: 'bootstrapp' }, /options\.interval must be/],
    [{ bootstrap: { replicate: 10 } }, /options\.bootstrap\.replicate is not an option/],
    [{ institutionField: 3 }, /options\.institutionField/],
  ])('names the option path of %o', (options, pattern) => {
    let caught: unknown;
    try {
      buildReport({ questionnaire, responses, options: options as never });
    } catch (error) {
      caught = error;
    }
    expect(EduQualityError.isInstance(caught)).toBe(true);
    expect((caught as EduQualityError).code).toBe('invalid-argument');
    expect((caught as Error).message).toMatch(pattern);
  });

  it('names an unknown key of the input', () => {
    expect(() =>
      buildReport({ questionnaire, responses, option: { locale: 'en' } } as never),
    ).toThrow(/input\.option is not an option/);
  });
});
