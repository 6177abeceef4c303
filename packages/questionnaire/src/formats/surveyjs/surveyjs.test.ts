import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deepFreeze, fixturesDir } from '../../../test/sample-questionnaire.js';
import { fromSurveyJs } from './index.js';

const sample = readFileSync(
  join(fixturesDir, 'formats', 'surveyjs', 'survey-multilanguages.json5'),
  'utf8',
);

describe('fromSurveyJs on the public sample (survey-multilanguages.json5)', () => {
  const { questionnaire, issues } = fromSurveyJs(sample);

  it('reads the JSON5 text, its locale and its default texts', () => {
    // The sample: `locale: "de"`, texts `{ default, de }`; SurveyJS's default locale is en (formats.md §1.1).
    expect(questionnaire?.defaultLocale).toBe('de');
    expect(questionnaire?.locales).toEqual(['de', 'en']);
  });

  it('imports the one-column matrixdropdown as a matrix on the choices 1–5', () => {
    const q = questionnaire?.sections[0]?.questions[0];
    expect(q?.kind).toBe('matrix');
    if (q?.kind !== 'matrix') return;
    // Choices in the sample: {5, "5 (the best)"/"5 (Das beste)"}, 4, 3, 2, {1, "1 (the worst)"/…}; a scale ascends.
    expect(q.scale.points.map((p) => p.value)).toEqual([1, 2, 3, 4, 5]);
    expect(q.scale.points[4]?.label).toEqual({ en: '5 (the best)', de: '5 (Das beste)' });
    expect(q.scale.points[1]?.label).toEqual({ en: '2', de: '2' });
    expect(q.rows.map((r) => r.id)).toEqual([
      'moonlight',
      'zootopia',
      'water',
      'manchester',
      'lalaland',
    ]);
    expect(q.rows[1]?.text).toEqual({ en: 'Zootopia', de: 'Zoomania' });
    expect(q.text).toEqual({
      en: 'Please rate these movies',
      de: 'Bitte bewerten Sie diese Filme',
    });
  });

  it('reports the conversion and each text shown in English only, and passes checkQuestionnaire', () => {
    const codes = issues.map((i) => i.code);
    expect(issues[0]).toMatchObject({ code: 'converted', path: ['pages', 0, 'elements', 0] });
    // Rows moonlight, water, manchester, lalaland have a plain (default = en) text only.
    expect(codes.filter((c) => c === 'missing-translation')).toHaveLength(4);
    expect(new Set(codes)).toEqual(new Set(['converted', 'missing-title', 'missing-translation']));
  });
});

describe('fromSurveyJs', () => {
  const survey = (
    elements: unknown[],
    extra: Record<string, unknown> = {},
  ): Record<string, unknown> => ({
    title: 'T',
    pages: [{ name: 'p1', elements }],
    ...extra,
  });

  it('reads legacy `questions`, the three choice notations and the misspelt min description', () => {
    const input = deepFreeze({
      title: 'T',
      pages: [
        {
          name: 'p1',
          questions: [
            {
              type: 'radiogroup',
              name: 'who',
              choices: ['pupil', 'parent|A parent', { value: 'staff', text: 'Staff' }],
              hasOther: true,
            },
            {
              type: 'rating',
              name: 'score',
              rateMin: 0,
              rateMax: 10,
              mininumRateDescription: 'Bad',
              maxRateDescription: 'Great',
            },
          ],
        },
      ],
    });
    const { questionnaire, issues } = fromSurveyJs(input);
    const [who, score] = questionnaire?.sections[0]?.questions ?? [];
    expect(who).toMatchObject({
      kind: 'single',
      options: [
        { value: 'pupil', label: { en: 'pupil' } },
        { value: 'parent', label: { en: 'A parent' } },
        { value: 'staff', label: { en: 'Staff' } },
        { value: 'other', label: { en: 'Other' } },
      ],
    });
    expect(score).toEqual({
      id: 'score',
      kind: 'rating',
      text: { en: 'score' },
      min: 0,
      max: 10,
      minLabel: { en: 'Bad' },
      maxLabel: { en: 'Great' },
    });
    expect(issues.map((i) => i.code)).toEqual(['converted']);
  });

  it('maps the other types (formats.md §1.1 table)', () => {
    const { questionnaire } = fromSurveyJs(
      survey([
        { type: 'checkbox', name: 'topics', choices: ['a', 'b'], maxSelectedChoices: 1 },
        { type: 'boolean', name: 'ok' },
        { type: 'comment', name: 'why', maxLength: 200 },
        { type: 'text', name: 'age', inputType: 'number', min: 0, max: 120, step: 1 },
        { type: 'dropdown', name: 'likert', choices: [1, 2, 3] },
        { type: 'matrix', name: 'grid', columns: [1, 2, 3], rows: ['r1', 'r2'] },
      ]),
    );
    const kinds = questionnaire?.sections[0]?.questions.map((q) => q.kind);
    expect(kinds).toEqual(['multi', 'single', 'text', 'number', 'scale', 'matrix']);
    expect(questionnaire?.sections[0]?.questions[1]).toMatchObject({
      options: [{ value: 'true' }, { value: 'false' }],
    });
    expect(questionnaire?.sections[0]?.questions[3]).toMatchObject({
      min: 0,
      max: 120,
      integer: true,
    });
  });

  it('translates expressions (hand translations: SurveyJS → ours)', () => {
    const cases: [string, string][] = [
      ['{score} > 3', '{score} > 3'],
      ["{score} >= 7 and {who} = 'staff'", "{score} >= 7 and {who} = 'staff'"],
      ['{score} < 3 or {score} notempty', '{score} < 3 or answered({score})'],
      ['{score} empty', 'not answered({score})'],
      ["{topics} anyof ['a', 'b']", "{topics} in ['a', 'b']"],
      ["{topics} allof ['a', 'b']", "{topics} contains 'a' and {topics} contains 'b'"],
      ["{topics} contains 'a'", "{topics} contains 'a'"],
      ["{topics} notcontains 'a'", "not {topics} contains 'a'"],
      // SurveyJS's `!=` is true for an unanswered question; ours is not.
      ["{who} != 'staff'", "not {who} = 'staff'"],
      ["!({who} = 'staff')", "not {who} = 'staff'"],
      ["{score} = '5'", '{score} = 5'],
      ['{grid.r1} = 2', '{r1} = 2'],
    ];
    for (const [source, ours] of cases) {
      const { questionnaire, issues } = fromSurveyJs(
        survey([
          { type: 'rating', name: 'score', rateMax: 10 },
          { type: 'radiogroup', name: 'who', choices: ['staff', 'pupil'] },
          { type: 'checkbox', name: 'topics', choices: ['a', 'b'] },
          { type: 'matrix', name: 'grid', columns: [1, 2], rows: ['r1'] },
          { type: 'comment', name: 'why', visibleIf: source },
        ]),
      );
      expect(issues, source).toEqual([]);
      expect(questionnaire?.sections[0]?.questions[4]?.visibleIf, source).toBe(ours);
    }
  });

  it('reports an untranslatable condition and keeps the question', () => {
    const { questionnaire, issues } = fromSurveyJs(
      survey([
        { type: 'rating', name: 'score' },
        { type: 'comment', name: 'why', visibleIf: 'age({birth}) > 18 and {score} > 1' },
        { type: 'comment', name: 'how', visibleIf: '{nobody} = 1' },
      ]),
    );
    expect(questionnaire?.sections[0]?.questions.map((q) => q.visibleIf)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['unsupported-expression', ['pages', 0, 'elements', 1, 'visibleIf']],
      ['unsupported-expression', ['pages', 0, 'elements', 2, 'visibleIf']],
    ]);
  });

  it('reports unsupported types and properties, renames hostile names, and never throws on junk', () => {
    const { questionnaire, issues } = fromSurveyJs(
      survey([
        { type: 'html', name: 'h', html: '<b>x</b>' },
        {
          type: 'comment',
          name: '__proto__',
          enableIf: '{x} = 1',
          title: { default: 'Why?', __proto__x: 'x' },
        },
        {
          type: 'panel',
          name: 'pn',
          title: 'Panel',
          visibleIf: '{__proto__} notempty',
          elements: [{ type: 'text', name: 'in panel' }],
        },
      ]),
    );
    expect(questionnaire?.sections[0]?.questions.map((q) => q.id)).toEqual([
      'q___proto__',
      'in_panel',
    ]);
    expect(questionnaire?.sections[0]?.questions[1]?.visibleIf).toBe('answered({q___proto__})');
    expect(issues.map((i) => i.code)).toEqual([
      'unsupported-type',
      'unsupported-property',
      'renamed-id',
      'invalid-locale',
      'converted',
      'renamed-id',
    ]);
    for (const junk of [
      '',
      'nope',
      '[1]',
      '{ pages: 3 }',
      '{ pages: [ { elements: [ null, 3 ] } ] }',
    ]) {
      const result = fromSurveyJs(junk);
      expect(result.questionnaire).toBeUndefined();
      expect(result.issues.length).toBeGreaterThan(0);
    }
  });
});
