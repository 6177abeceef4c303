import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deepFreeze, fixturesDir } from '../../../test/sample-questionnaire.js';
import { pyxformCsvSheets } from '../../../test/xlsform-csv.js';
import { fromXlsForm, toXlsForm, type XlsFormSheets } from './index.js';

describe('fromXlsForm on pyxform widgets.csv (legacy headers and type names)', () => {
  const sheets = deepFreeze(
    pyxformCsvSheets(readFileSync(join(fixturesDir, 'formats', 'xlsform', 'widgets.csv'), 'utf8')),
  );
  const { questionnaire, issues } = fromXlsForm(sheets as unknown as XlsFormSheets);
  const questions = questionnaire?.sections[0]?.questions ?? [];

  it('imports the question types that have a counterpart', () => {
    // widgets.csv rows: string, int, decimal, select all that apply from list, select one from list2, …
    expect(questions.map((q) => [q.id, q.kind])).toEqual([
      ['my_string', 'text'],
      ['my_int', 'number'],
      ['my_decimal', 'number'],
      ['my_select', 'multi'],
      ['my_select1', 'single'],
      ['my_output', 'text'],
      ['numberAsString', 'text'],
      ['spinner', 'single'],
      ['spinner_all', 'multi'],
      ['selectadvance', 'single'],
      ['autocomplete', 'single'],
    ]);
    expect(questions[0]).toMatchObject({
      text: { en: 'string widget' },
      description: { en: 'can be short or very long' },
    });
    // `. < 10` on an int: whole numbers up to 9.
    expect(questions[1]).toMatchObject({ integer: true, max: 9 });
    expect(questions[4]).toMatchObject({
      options: Array.from({ length: 8 }, (_, i) => ({
        value: String(i + 1),
        label: { en: `option ${i + 1}` },
      })),
    });
  });

  it('reports every row left out or not fully carried over, by sheet row', () => {
    const byCode = (code: string): (number | undefined)[] =>
      issues.filter((i) => i.code === code).map((i) => i.row);
    // date, time, trigger, geopoint, barcode, image, audio, video, geopoint, dateTime (widgets.csv rows 5–18).
    expect(byCode('unsupported-type')).toEqual([5, 6, 9, 11, 12, 13, 14, 15, 17, 18]);
    expect(byCode('unsupported-constraint')).toEqual([4, 7]);
    expect(byCode('unsupported-property')).toEqual([4, 7, 8, 10]); // three defaults and readonly true()
    expect(issues.every((i) => i.code !== 'missing-translation')).toBe(true);
  });
});

const multilingual: XlsFormSheets = {
  survey: [
    {
      type: 'begin_group',
      name: 'service',
      'label::English (en)': 'Service',
      'label::Lietuvių (lt)': 'Paslauga',
    },
    {
      type: 'select_one yn',
      name: 'visited',
      'label::English (en)': 'Visited?',
      'label::Lietuvių (lt)': 'Lankėtės?',
      required: 'yes',
    },
    {
      type: 'begin_group',
      name: 'grid',
      appearance: 'table-list',
      relevant: "${visited} = 'yes'",
      'label::English (en)': 'Rate',
      'label::Lietuvių (lt)': 'Įvertinkite',
    },
    {
      type: 'select_one likert',
      name: 'staff',
      'label::English (en)': 'Staff',
      'label::Lietuvių (lt)': 'Darbuotojai',
    },
    {
      type: 'select_one likert',
      name: 'info',
      'label::English (en)': 'Information',
      'label::Lietuvių (lt)': 'Informacija',
    },
    { type: 'end_group' },
    {
      type: 'select_multiple topics',
      name: 'topics',
      'label::English (en)': 'Topics',
      'label::Lietuvių (lt)': 'Temos',
      constraint: 'count-selected(.) <= 2',
    },
    {
      type: 'text',
      name: 'why',
      appearance: 'multiline',
      relevant: "selected(${topics}, 'food') and ${staff} < 3",
      'label::English (en)': 'Why?',
      'label::Lietuvių (lt)': 'Kodėl?',
    },
    {
      type: 'range',
      name: 'score',
      parameters: 'start=0 end=10',
      'label::English (en)': 'Score',
      'label::Lietuvių (lt)': 'Balas',
      relevant: "${why} != ''",
    },
    { type: 'end_group' },
  ],
  choices: [
    ...[
      ['yes', 'Yes', 'Taip'],
      ['no', 'No', 'Ne'],
    ].map(([name, en, lt]) => ({
      'LIST NAME': 'yn',
      name,
      'LABEL::English (en)': en,
      'label::Lietuvių (lt)': lt,
    })),
    ...[1, 2, 3].map((n) => ({
      list_name: 'likert',
      name: n,
      'label::English (en)': `${n}`,
      'label::Lietuvių (lt)': `${n}`,
    })),
    ...['food', 'staff'].map((name) => ({
      list_name: 'topics',
      name,
      'label::English (en)': name,
      'label::Lietuvių (lt)': name,
    })),
  ],
  settings: [
    { form_id: 'visit', form_title: 'Visit', version: '2025-1', DEFAULT_LANGUAGE: 'Lietuvių (lt)' },
  ],
};

describe('fromXlsForm on a hand-written multilingual form (spec sections of formats.md §1.2)', () => {
  const { questionnaire, issues } = fromXlsForm(deepFreeze(multilingual));

  it('reads languages, settings, groups, table-list matrices, relevance and constraints', () => {
    expect(issues).toEqual([]);
    expect(questionnaire).toMatchObject({
      id: 'visit',
      version: '2025-1',
      locales: ['lt', 'en'],
      defaultLocale: 'lt',
    });
    const [visited, grid, topics, why, score] = questionnaire?.sections[0]?.questions ?? [];
    expect(visited).toMatchObject({
      kind: 'single',
      required: true,
      text: { en: 'Visited?', lt: 'Lankėtės?' },
    });
    expect(grid).toMatchObject({
      kind: 'matrix',
      visibleIf: "{visited} = 'yes'",
      rows: [{ id: 'staff' }, { id: 'info' }],
    });
    expect(topics).toMatchObject({ kind: 'multi', maxSelected: 2 });
    // Hand translation: selected(${topics}, 'food') and ${staff} < 3.
    expect(why).toMatchObject({
      kind: 'text',
      multiline: true,
      visibleIf: "{topics} contains 'food' and {staff} < 3",
    });
    expect(score).toMatchObject({ kind: 'rating', min: 0, max: 10, visibleIf: 'answered({why})' });
  });
});

describe('toXlsForm', () => {
  it('prints `in` as an or of comparisons (or of selected() for a multi), with the same meaning', () => {
    const { questionnaire } = fromXlsForm(multilingual);
    const q = questionnaire!;
    const edited = {
      ...q,
      sections: q.sections.map((s) => ({
        ...s,
        questions: s.questions.map((x) =>
          x.id === 'why'
            ? { ...x, visibleIf: "{topics} in ['food', 'staff'] and {visited} != 'no'" }
            : x,
        ),
      })),
    };
    const row = toXlsForm(edited).survey.find((r) => r['name'] === 'why');
    expect(row?.['relevant']).toBe(
      "(selected(${topics}, 'food') or selected(${topics}, 'staff')) and (${visited} != '' and ${visited} != 'no')",
    );
    const back = fromXlsForm(toXlsForm(edited)).questionnaire?.sections[0]?.questions.find(
      (x) => x.id === 'why',
    );
    expect(back?.visibleIf).toBe(
      "({topics} contains 'food' or {topics} contains 'staff') and {visited} != 'no'",
    );
  });
});
