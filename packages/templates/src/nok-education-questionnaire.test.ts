import { listItems, validateAnswers } from '@edu-quality/questionnaire';
import { describe, expect, it } from 'vitest';
import { expectWellFormed } from '../test/well-formed.js';
import { nokEducationIndicatorMap } from './nok-education-indicator-map.js';
import { nokEducationQuestionnaire as q } from './nok-education-questionnaire.js';

const items = listItems(q);
const allYes = Object.fromEntries(
  Array.from({ length: 14 }, (_, i) => [`q${i + 1}`, 'yes']),
) as Record<string, string>;

describe('nokEducationQuestionnaire', () => {
  it('parses, passes checkQuestionnaire with no issue and has every text in ru and en', () => {
    expect(q.locales).toEqual(['ru', 'en']);
    expect(q.defaultLocale).toBe('ru');
    expectWellFormed(q);
  });

  it('has the organisation field and the questions q1 … q15: 14 yes/no, q15 text', () => {
    expect(items.map((i) => i.id)).toEqual([
      'organisation',
      ...Array.from({ length: 15 }, (_, i) => `q${i + 1}`),
    ]);
    for (const item of items.slice(1, 15)) {
      expect(item.kind).toBe('single');
      expect(item.options?.map((o) => o.value)).toEqual(['yes', 'no']);
      expect(item.options?.map((o) => o.label.ru)).toEqual(['Да', 'Нет']);
    }
    expect(items[15]?.kind).toBe('text');
    expect(items[0]?.role).toBe('segment');
  });

  it('applies the filters of the method: q2 after q1, q4 after q3, q7 after q6, q11 after q10', () => {
    const conditional = items.filter((i) => i.question.visibleIf !== undefined);
    expect(conditional.map((i) => [i.id, i.question.visibleIf])).toEqual([
      ['q2', "{q1} = 'yes'"],
      ['q4', "{q3} = 'yes'"],
      ['q7', "{q6} = 'yes'"],
      ['q11', "{q10} = 'yes'"],
    ]);
    const answers = { organisation: 'school-1', ...allYes };
    expect(validateAnswers(q, answers)).toEqual({ valid: true, issues: [], hidden: [] });
    const without = (...keys: string[]): Record<string, string> =>
      Object.fromEntries(Object.entries(answers).filter(([key]) => !keys.includes(key)));
    const noFilters = {
      ...without('q2', 'q4', 'q7', 'q11'),
      q1: 'no',
      q3: 'no',
      q6: 'no',
      q10: 'no',
    };
    expect(validateAnswers(q, noFilters)).toEqual({
      valid: true,
      issues: [],
      hidden: ['q2', 'q4', 'q7', 'q11'],
    });
    // A visible question is required: leaving q2 out after q1 = yes is an issue.
    const missing = without('q2');
    expect(validateAnswers(q, missing).issues.map((i) => [i.code, i.field])).toEqual([
      ['required', 'q2'],
    ]);
  });
});

describe('nokEducationIndicatorMap', () => {
  it('refers only to yes/no questions of the questionnaire, and uses each satisfaction question once', () => {
    const yesNo = new Set(
      items.filter((i) => i.kind === 'single' && i.id !== 'organisation').map((i) => i.id),
    );
    const used = Object.values(nokEducationIndicatorMap).flatMap((terms) =>
      terms.map((t) => t.satisfied),
    );
    for (const terms of Object.values(nokEducationIndicatorMap)) {
      for (const term of terms) {
        expect(yesNo.has(term.satisfied)).toBe(true);
        if (term.base !== undefined) {
          expect(yesNo.has(term.base)).toBe(true);
          // The satisfied question is shown exactly when its base is yes.
          expect(items.find((i) => i.id === term.satisfied)?.question.visibleIf).toBe(
            `{${term.base}} = 'yes'`,
          );
        }
      }
    }
    expect(used.sort()).toEqual(['q11', 'q12', 'q13', 'q14', 'q2', 'q4', 'q5', 'q7', 'q8', 'q9']);
  });

  it('reproduces the survey indicators of the worked example of the method note', () => {
    // nok-344n.md: N = 200; Q1 150, Q2 141; Q3 120, Q4 108; Q5 190; Q6 8, Q7 6; Q8 196, Q9 194;
    // Q10 90, Q11 87; Q12 184, Q13 188, Q14 186 (yes answers).
    const yes: Record<string, number> = {
      q1: 150,
      q2: 141,
      q3: 120,
      q4: 108,
      q5: 190,
      q6: 8,
      q7: 6,
      q8: 196,
      q9: 194,
      q10: 90,
      q11: 87,
      q12: 184,
      q13: 188,
      q14: 186,
    };
    const n = 200;
    const value = (terms: readonly { satisfied: string; base?: string }[]): number =>
      (terms.reduce(
        (sum, t) => sum + (yes[t.satisfied] ?? 0) / (t.base === undefined ? n : (yes[t.base] ?? 0)),
        0,
      ) /
        terms.length) *
      100;
    const m = nokEducationIndicatorMap;
    // Expected values: the method note's worked example (hand-calculated there).
    expect(value(m['П1.3'])).toBeCloseTo(92, 10); // (141/150 + 108/120) / 2 = (0.94 + 0.9) / 2
    expect(value(m['П2.3'])).toBeCloseTo(95, 10);
    expect(value(m['П3.3'])).toBeCloseTo(75, 10);
    expect(value(m['П4.1'])).toBeCloseTo(98, 10);
    expect(value(m['П4.2'])).toBeCloseTo(97, 10);
    expect(value(m['П4.3'])).toBeCloseTo(96.667, 3);
    expect(value(m['П5.1'])).toBeCloseTo(92, 10);
    expect(value(m['П5.2'])).toBeCloseTo(94, 10);
    expect(value(m['П5.3'])).toBeCloseTo(93, 10);
  });
});
