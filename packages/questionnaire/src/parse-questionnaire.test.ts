import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EduQualityError } from '@edu-quality/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, fixturesDir, sampleDefinition } from '../test/sample-questionnaire.js';
import { listItems } from './items.js';
import { parseQuestionnaire, safeParseQuestionnaire } from './parse-questionnaire.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(fixturesDir, 'parse-questionnaire', name), 'utf8'));

describe('parseQuestionnaire', () => {
  it('returns the sample questionnaire unchanged, from a frozen input', () => {
    const input = deepFreeze(sampleDefinition());
    const q = parseQuestionnaire(input);
    expect(q).toEqual(input);
    expect(q).not.toBe(input);
    // 9 items by hand: institution, topics, age, staff, info, meals_quality, staff_importance, nps, why_low.
    expect(listItems(q).map((item) => item.id)).toEqual([
      'institution',
      'topics',
      'age',
      'staff',
      'info',
      'meals_quality',
      'staff_importance',
      'nps',
      'why_low',
    ]);
  });

  it('throws an invalid-input EduQualityError carrying every issue', () => {
    const input = sampleDefinition() as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    input.defaultLocale = 'ru';
    input.sections[2].questions[1].visibleIf = '{later} = 1';
    try {
      parseQuestionnaire(input);
      expect.unreachable();
    } catch (error) {
      expect(EduQualityError.isInstance(error)).toBe(true);
      const e = error as EduQualityError;
      expect(e.code).toBe('invalid-input');
      expect(e.issues.map((issue) => issue.code)).toEqual(['unknown-locale', 'unknown-reference']);
      expect(e.message).toMatch(/^parseQuestionnaire: the questionnaire has 2 issues; the first: /);
    }
  });
});

describe('safeParseQuestionnaire', () => {
  it('converts zod issues to kebab-case codes with paths, all at once', () => {
    const input = sampleDefinition() as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    input.version = 3;
    input.sections[0].questions[0].kind = 'dropdown';
    input.sections[1].questions[0].rows[0].id = '1abc';
    input.sections[1].questions[1].scale.points[0].label = { lt: '' };
    const result = safeParseQuestionnaire(deepFreeze(input));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map((issue) => [issue.code, issue.path?.join('.')])).toEqual([
      ['invalid-type', 'version'],
      ['invalid-union', 'sections.0.questions.0.kind'],
      ['invalid-format', 'sections.1.questions.0.rows.0.id'],
      ['too-small', 'sections.1.questions.1.scale.points.0.label.lt'],
    ]);
  });

  it('runs the static checks only when the shape is right', () => {
    // A shape error and a duplicate id: only the shape error is reported, since the checks need the shape.
    const input = sampleDefinition() as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    input.version = '';
    input.sections[0].questions[2].id = 'institution';
    const result = safeParseQuestionnaire(input);
    expect(result.success ? [] : result.issues.map((issue) => issue.code)).toEqual(['too-small']);
  });

  it('matches the defects fixture (expected issues reviewed by hand)', () => {
    const result = safeParseQuestionnaire(fixture('defects.input.json'));
    expect(result.success ? [] : result.issues).toEqual(fixture('defects.expected.json'));
  });

  it('rejects a __proto__ id and a __proto__ text key from JSON, without polluting prototypes', () => {
    const text = JSON.stringify(sampleDefinition()).replace(
      '"id":"institution"',
      '"id":"__proto__"',
    );
    const result = safeParseQuestionnaire(JSON.parse(text));
    expect(result.success ? [] : result.issues.map((issue) => issue.path?.join('.'))).toEqual([
      'sections.0.questions.0.id',
    ]);
    const keyed = JSON.stringify(sampleDefinition()).replace(
      '"lt":"Apie jus"',
      '"__proto__":{"polluted":1},"lt":"Apie jus"',
    );
    const keyedResult = safeParseQuestionnaire(JSON.parse(keyed));
    expect(
      keyedResult.success ? [] : keyedResult.issues.map((issue) => issue.path?.join('.')),
    ).toEqual(['sections.0.title.__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports unknown keys such as a misspelt visibleIf instead of dropping them', () => {
    const definition = sampleDefinition() as {
      sections: { questions: Record<string, unknown>[] }[];
    };
    definition.sections[0]!.questions[0]!['visibleIF'] = '{age} > 3';
    const result = safeParseQuestionnaire(definition);
    expect(result.success ? [] : result.issues.map((i) => [i.code, i.path?.join('.')])).toEqual([
      ['unrecognized-keys', 'sections.0.questions.0'],
    ]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (input) => {
        const result = safeParseQuestionnaire(input);
        expect(result.success).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on the sample with an arbitrary JSON value put anywhere', () => {
    fc.assert(
      fc.property(fc.nat(), fc.jsonValue({ maxDepth: 2 }), (slot, value) => {
        const q = sampleDefinition();
        const holders: [Record<string, unknown>, string][] = [];
        const walk = (node: unknown) => {
          if (typeof node !== 'object' || node === null) return;
          for (const key of Object.keys(node)) {
            holders.push([node as Record<string, unknown>, key]);
            walk((node as Record<string, unknown>)[key]);
          }
        };
        walk(q);
        const [holder, key] = holders[slot % holders.length]!;
        holder[key] = value;
        const result = safeParseQuestionnaire(q);
        if (!result.success) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
