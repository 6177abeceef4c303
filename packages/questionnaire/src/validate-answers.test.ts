import { EduQualityError } from '@edu-quality/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, sampleDefinition } from '../test/sample-questionnaire.js';
import { listItems } from './items.js';
import { parseQuestionnaire } from './parse-questionnaire.js';
import type { Questionnaire } from './schema.js';
import { validateAnswers } from './validate-answers.js';

const school = deepFreeze(parseQuestionnaire(sampleDefinition()));

// A complete, valid response to the sample: meals chosen (meals_quality shown), nps 4 (why_low shown).
const complete = Object.freeze({
  institution: 's01',
  topics: ['meals', 'transport'],
  age: 9,
  staff: 4,
  info: 9,
  meals_quality: 3,
  staff_importance: 99,
  nps: 4,
  why_low: 'Ilgas laukimas',
});

function validate(answers: Record<string, unknown>, q: Questionnaire = school) {
  return validateAnswers(q, deepFreeze(answers));
}
const codes = (answers: Record<string, unknown>) =>
  validate(answers).issues.map((issue) => [issue.code, (issue.path ?? []).join('.')]);

describe('validateAnswers', () => {
  it('accepts a complete valid response; nothing is hidden', () => {
    expect(validate({ ...complete })).toEqual({ valid: true, issues: [], hidden: [] });
  });

  it('hides by skip logic and requires only what is shown', () => {
    // No meals → meals_quality hidden; nps 9 and staff 4 → why_low hidden.
    const result = validate({
      ...complete,
      topics: ['transport'],
      meals_quality: undefined,
      nps: 9,
      why_low: '',
    });
    expect(result).toEqual({ valid: true, issues: [], hidden: ['meals_quality', 'why_low'] });
    // staff in [1, 2] shows why_low even for a promoter.
    expect(validate({ ...complete, nps: 10, staff: 2 }).hidden).toEqual([]);
    // Without an institution the closing section is hidden, and institution is required.
    expect(
      validate({ ...complete, institution: undefined, nps: undefined, why_low: undefined }),
    ).toEqual({
      valid: false,
      issues: [
        {
          code: 'required',
          message: 'institution is required and not answered',
          path: ['institution'],
          field: 'institution',
        },
      ],
      hidden: ['nps', 'why_low'],
    });
  });

  it('reports answers to hidden items', () => {
    expect(codes({ ...complete, topics: ['transport'] })).toEqual([
      ['answered-hidden', 'meals_quality'],
    ]);
    expect(codes({ ...complete, institution: undefined })).toEqual([
      ['required', 'institution'],
      ['answered-hidden', 'nps'],
      ['answered-hidden', 'why_low'],
    ]);
  });

  it('treats hidden answers as missing in later conditions', () => {
    const q = parseQuestionnaire({
      id: 'chain',
      version: '1',
      title: { en: 'Chain' },
      locales: ['en'],
      defaultLocale: 'en',
      sections: [
        {
          id: 's',
          title: { en: 'S' },
          questions: [
            { id: 'a', kind: 'nps', text: { en: 'A' } },
            { id: 'b', kind: 'nps', text: { en: 'B' }, visibleIf: '{a} = 0' },
            { id: 'c', kind: 'nps', text: { en: 'C' }, visibleIf: 'answered({b})', required: true },
          ],
        },
      ],
    });
    // a = 5 hides b; its answer then does not show c, so c is not required.
    expect(validate({ a: 5, b: 3 }, q).issues.map((issue) => issue.code)).toEqual([
      'answered-hidden',
    ]);
    expect(validate({ a: 5, b: 3 }, q).hidden).toEqual(['b', 'c']);
    expect(validate({ a: 0, b: 3 }, q).issues.map((issue) => issue.code)).toEqual(['required']);
  });

  it('checks types and ranges of every kind', () => {
    expect(codes({ ...complete, staff: '4' })).toEqual([['invalid-type', 'staff']]);
    expect(codes({ ...complete, staff: 6 })).toEqual([['out-of-range', 'staff']]);
    expect(codes({ ...complete, staff: 4.5 })).toEqual([['out-of-range', 'staff']]);
    expect(codes({ ...complete, meals_quality: 9 })).toEqual([['out-of-range', 'meals_quality']]);
    expect(codes({ ...complete, staff_importance: 0 })).toEqual([]);
    expect(codes({ ...complete, staff_importance: 11 })).toEqual([
      ['out-of-range', 'staff_importance'],
    ]);
    expect(codes({ ...complete, staff_importance: 2.5 })).toEqual([
      ['not-integer', 'staff_importance'],
    ]);
    expect(codes({ ...complete, nps: -1, why_low: undefined })).toEqual([['out-of-range', 'nps']]);
    expect(codes({ ...complete, institution: 'x99' })).toEqual([['unknown-option', 'institution']]);
    expect(codes({ ...complete, institution: 1 })).toEqual([['invalid-type', 'institution']]);
    expect(codes({ ...complete, topics: 'meals' })).toEqual([['invalid-type', 'topics']]);
    expect(codes({ ...complete, topics: ['meals', 'gym'] })).toEqual([
      ['unknown-option', 'topics.1'],
    ]);
    expect(codes({ ...complete, topics: ['meals', 'meals'] })).toEqual([
      ['duplicate-option', 'topics.1'],
    ]);
    expect(codes({ ...complete, topics: ['meals', 3] })).toEqual([['invalid-type', 'topics.1']]);
    expect(codes({ ...complete, topics: ['meals', 'transport', 'afterschool'] })).toEqual([
      ['selection-count', 'topics'],
    ]);
    expect(codes({ ...complete, age: 20 })).toEqual([['out-of-range', 'age']]);
    expect(codes({ ...complete, age: 0 })).toEqual([['out-of-range', 'age']]);
    expect(codes({ ...complete, age: 8.5 })).toEqual([['not-integer', 'age']]);
    expect(codes({ ...complete, age: Infinity })).toEqual([['invalid-type', 'age']]);
    expect(codes({ ...complete, why_low: 42 })).toEqual([['invalid-type', 'why_low']]);
  });

  it('counts text length in code points: 20 emoji fit a maxLength of 20', () => {
    // '😀' is 2 UTF-16 units and 1 code point: 20 of them = 40 units, 20 characters.
    expect(codes({ ...complete, why_low: '😀'.repeat(20) })).toEqual([]);
    expect(codes({ ...complete, why_low: '😀'.repeat(21) })).toEqual([['too-long', 'why_low']]);
  });

  it('counts multi selections against minSelected', () => {
    const q = parseQuestionnaire({
      ...sampleDefinition(),
      sections: [
        {
          id: 's',
          title: { lt: 'S', en: 'S' },
          questions: [
            {
              id: 'm',
              kind: 'multi',
              text: { lt: 'M', en: 'M' },
              minSelected: 2,
              options: ['a', 'b', 'c'].map((value) => ({ value, label: { lt: value, en: value } })),
            },
          ],
        },
      ],
    });
    expect(validate({ m: ['a'] }, q).issues.map((issue) => issue.code)).toEqual([
      'selection-count',
    ]);
    expect(validate({ m: ['a', 'b'] }, q).valid).toBe(true);
    // An empty selection is no answer; the question is not required.
    expect(validate({ m: [] }, q).valid).toBe(true);
  });

  it('requires each row of a required matrix', () => {
    expect(codes({ ...complete, staff: undefined, info: null })).toEqual([
      ['required', 'staff'],
      ['required', 'info'],
    ]);
  });

  it('accepts matrix rows nested under the matrix id, and reports conflicts', () => {
    const { staff, info, ...rest } = complete;
    expect(validate({ ...rest, grid: { staff, info } })).toMatchObject({ valid: true });
    expect(codes({ ...rest, grid: { staff: 7, info } })).toEqual([['out-of-range', 'grid.staff']]);
    expect(codes({ ...rest, info, grid: { staff, info } })).toEqual([
      ['duplicate-answer', 'grid.info'],
    ]);
    expect(codes({ ...rest, info, grid: { staff, nope: 1 } })).toEqual([
      ['unknown-question', 'grid.nope'],
    ]);
    expect(codes({ ...rest, info, staff, grid: 5 })).toEqual([['invalid-type', 'grid']]);
    expect(codes({ ...rest, info, staff, grid: null })).toEqual([]);
  });

  it('reports unknown keys and prototype-polluting keys without reading them', () => {
    expect(codes({ ...complete, q99: 1 })).toEqual([['unknown-question', 'q99']]);
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": 1}, "constructor": 1, "prototype": 2, "grid": {"__proto__": 3, "staff": 4, "info": 4}}',
    ) as Record<string, unknown>;
    const result = validate({ ...complete, ...hostile });
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['unsafe-key', ['__proto__']],
      ['unsafe-key', ['constructor']],
      ['unsafe-key', ['prototype']],
      ['unsafe-key', ['grid', '__proto__']],
      ['duplicate-answer', ['grid', 'staff']],
      ['duplicate-answer', ['grid', 'info']],
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // Inherited properties are no answers.
    const inherited = Object.create({ institution: 's01' }) as Record<string, unknown>;
    expect(validateAnswers(school, inherited).issues.map((issue) => issue.code)).toEqual([
      'required',
      'required',
      'required',
    ]);
  });

  it('reports answers that are not an object', () => {
    expect(
      validateAnswers(school, null as unknown as Record<string, unknown>).issues[0]?.code,
    ).toBe('invalid-type');
    expect(validateAnswers(school, [] as unknown as Record<string, unknown>).valid).toBe(false);
  });

  it('never repeats a free-text answer in a message', () => {
    const secret = 'my child is called Ona Onaitė';
    const result = validate({
      ...complete,
      topics: ['transport'],
      why_low: `${secret}${'!'.repeat(30)}`,
      meals_quality: undefined,
    });
    expect(result.issues.map((issue) => issue.code)).toEqual(['too-long']);
    expect(result.issues.some((issue) => issue.message.includes('Ona'))).toBe(false);
  });

  it('throws invalid-argument on a questionnaire whose skip logic does not parse', () => {
    const broken = { ...school, sections: [{ ...school.sections[0]!, visibleIf: '{x} =' }] };
    try {
      validateAnswers(broken, {});
      expect.unreachable();
    } catch (error) {
      expect(EduQualityError.isInstance(error)).toBe(true);
      expect((error as EduQualityError).code).toBe('invalid-argument');
    }
  });

  it('never throws on arbitrary answers; valid exactly when there is no issue; hidden items are items', () => {
    const ids = listItems(school).map((item) => item.id);
    const itemIds = new Set(ids);
    const key = fc.oneof(
      fc.constantFrom(...ids, 'grid', '__proto__', 'constructor', 'toString'),
      fc.string(),
    );
    const value = fc.oneof(
      fc.integer({ min: -1, max: 100 }),
      fc.constantFrom('s01', 'k01', 'meals', '', null, undefined, NaN),
      fc.array(fc.constantFrom('meals', 'transport', 'afterschool', 'x', 1)),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.dictionary(key, value), (answers) => {
        const result = validateAnswers(school, deepFreeze(answers));
        expect(result.valid).toBe(result.issues.length === 0);
        for (const id of result.hidden) expect(itemIds.has(id)).toBe(true);
        for (const issue of result.issues) expect(issue.code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('adding an unknown key adds exactly one unknown-question issue (metamorphic)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^zz[a-z]{1,8}$/), fc.anything(), (extra, value) => {
        const before = validate({ ...complete }).issues.length;
        const after = validate({ ...complete, [extra]: value }).issues;
        expect(after.length).toBe(before + 1);
        expect(after.filter((issue) => issue.code === 'unknown-question')).toHaveLength(1);
      }),
    );
  });
});
