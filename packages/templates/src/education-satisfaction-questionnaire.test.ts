import { readFileSync } from 'node:fs';
import { listItems, validateAnswers, type Questionnaire } from '@edu-quality/questionnaire';
import { describe, expect, it } from 'vitest';
import { expectWellFormed } from '../test/well-formed.js';
import { educationSatisfactionQuestionnaire as q } from './education-satisfaction-questionnaire.js';

const items = listItems(q);
const ids = (predicate: (item: (typeof items)[number]) => boolean): string[] =>
  items.filter(predicate).map((item) => item.id);

describe('educationSatisfactionQuestionnaire', () => {
  it('parses, passes checkQuestionnaire with no issue and has every text in lt, en and ru', () => {
    expect(q.locales).toEqual(['lt', 'en', 'ru']);
    expectWellFormed(q);
  });

  it('has the satisfaction items of each dimension the issue lists', () => {
    const byDimension: Record<string, string[]> = {};
    for (const item of items.filter((i) => i.role === 'satisfaction')) {
      (byDimension[item.dimension ?? '?'] ??= []).push(item.id);
    }
    expect(byDimension).toEqual({
      information: ['info_available', 'info_clear'],
      staff: ['staff_competence', 'staff_politeness', 'staff_confidentiality'],
      timeliness: ['time_waiting', 'time_deadlines'],
      accessibility: ['access_channels', 'access_hours', 'access_disability'],
      environment: ['env_premises'],
      outcome: ['outcome'],
    });
    // Every satisfaction item offers "don't know" (9), outside the 1–5 points.
    for (const item of items.filter((i) => i.role === 'satisfaction')) {
      expect(item.notApplicable).toBe(9);
      expect(item.range).toEqual({ min: 1, max: 5 });
    }
  });

  it('pairs one importance item with each dimension, by dimension name', () => {
    const dimensions = new Set(
      items.filter((i) => i.role === 'satisfaction').map((i) => i.dimension),
    );
    const importance = items.filter((i) => i.role === 'importance');
    expect(importance.map((i) => i.importanceOf).sort()).toEqual([...dimensions].sort());
    for (const item of importance) expect(item.dimension).toBe(item.importanceOf);
  });

  it('has the segments, the overall item, NPS and open text', () => {
    expect(ids((i) => i.role === 'segment')).toEqual(['group', 'institution', 'service']);
    const group = items.find((i) => i.id === 'group');
    expect(group?.options?.map((o) => o.value)).toEqual(['parent', 'pupil', 'staff', 'other']);
    const institution = items.find((i) => i.id === 'institution')?.question;
    expect(institution?.kind === 'single' && institution.acceptUnlisted).toBe(true);
    expect(ids((i) => i.role === 'overall')).toEqual(['overall']);
    expect(ids((i) => i.kind === 'nps')).toEqual(['recommend']);
    expect(ids((i) => i.kind === 'text')).toEqual(['why_dissatisfied', 'improve']);
  });

  it('uses the item ids of the example questionnaire, so its exports read the same way', () => {
    const example = JSON.parse(
      readFileSync(new URL('../../../examples/questionnaire.json', import.meta.url), 'utf8'),
    ) as Questionnaire;
    const ours = new Set(items.map((i) => i.id));
    const theirs = listItems(example)
      .filter((i) => i.role !== 'importance' && i.kind !== 'text')
      .map((i) => i.id);
    expect(theirs.filter((id) => !ours.has(id))).toEqual([]);
  });

  it('asks why only of the dissatisfied (skip logic)', () => {
    const base = { group: 'parent', institution: 'any-code', overall: 2 };
    expect(validateAnswers(q, base).hidden).toEqual([]);
    expect(validateAnswers(q, { ...base, overall: 3 }).hidden).toEqual(['why_dissatisfied']);
    expect(
      validateAnswers(q, { ...base, overall: 3, why_dissatisfied: 'x' }).issues.map((i) => i.code),
    ).toEqual(['answered-hidden']);
    // The institution accepts any code; the group does not.
    expect(validateAnswers(q, { ...base, group: 'teacher' }).issues.map((i) => i.code)).toEqual([
      'unknown-option',
    ]);
  });
});
