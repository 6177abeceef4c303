import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, sampleDefinition } from '../test/sample-questionnaire.js';
import { checkQuestionnaire } from './check-questionnaire.js';
import type { Questionnaire } from './schema.js';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-dynamic-delete --
   the tests reach into JSON definitions by index to break them one field at a time */
type Json = any;

function check(mutate: (q: Json) => void = () => undefined) {
  const q = sampleDefinition() as Json;
  mutate(q);
  return checkQuestionnaire(deepFreeze(q) as Questionnaire);
}

function codesAt(issues: ReturnType<typeof check>) {
  return issues.map((issue) => [issue.code, (issue.path ?? []).join('.')]);
}

const S = (s: number, q: number) => `sections.${s}.questions.${q}`;

describe('checkQuestionnaire', () => {
  it('finds nothing wrong in the sample questionnaire, and does not mutate it', () => {
    expect(check()).toEqual([]);
  });

  it('checks locales and the default locale', () => {
    expect(codesAt(check((q) => (q.locales = ['lt', 'en', 'lt'])))).toEqual([
      ['duplicate-locale', 'locales.2'],
    ]);
    expect(codesAt(check((q) => (q.defaultLocale = 'ru')))).toEqual([
      ['unknown-locale', 'defaultLocale'],
    ]);
    const bad = check((q) => (q.locales = ['lt', 'en', '__proto__']));
    expect(bad[0]).toMatchObject({ code: 'invalid-locale', path: ['locales', 2] });
  });

  it('reports each text without a declared locale, at its path', () => {
    // Adding ru to the locales leaves every text of the sample without ru: count them by hand.
    // title, description = 2; section titles = 3; question texts = 8; matrix rows = 2;
    // options 2 + 3 = 5; scale points 5 + 3 = 8; NA labels 2; min/max labels 2 + 2 = 4. Total 34.
    const issues = check((q) => (q.locales = ['lt', 'en', 'ru']));
    expect(issues).toHaveLength(34);
    expect(new Set(issues.map((issue) => issue.code))).toEqual(new Set(['missing-translation']));
    expect(issues.every((issue) => issue.message.includes('ru'))).toBe(true);
    const one = check((q) => delete q.sections[1].questions[0].scale.points[3].label.en);
    expect(one).toEqual([
      {
        code: 'missing-translation',
        message: 'the text has no en translation',
        path: ['sections', 1, 'questions', 0, 'scale', 'points', 3, 'label'],
      },
    ]);
    expect(codesAt(check((q) => delete q.sections[2].questions[0].maxLabel.lt))).toEqual([
      ['missing-translation', `${S(2, 0)}.maxLabel`],
    ]);
    expect(codesAt(check((q) => delete q.sections[1].questions[2].notApplicable.label.lt))).toEqual(
      [['missing-translation', `${S(1, 2)}.notApplicable.label`]],
    );
  });

  it('requires unique ids: questions and matrix rows share a namespace, sections have their own', () => {
    expect(codesAt(check((q) => (q.sections[0].questions[2].id = 'institution')))).toEqual([
      ['duplicate-id', `${S(0, 2)}.id`],
    ]);
    expect(codesAt(check((q) => (q.sections[1].questions[0].rows[1].id = 'age')))).toEqual([
      ['duplicate-id', `${S(1, 0)}.rows.1.id`],
    ]);
    expect(codesAt(check((q) => (q.sections[2].id = 'about')))).toEqual([
      ['duplicate-id', 'sections.2.id'],
    ]);
    // A section may share its id with a question.
    expect(check((q) => (q.sections[2].id = 'nps'))).toEqual([]);
    const [dup] = check((q) => (q.sections[0].questions[2].id = 'institution'));
    expect(dup?.message).toBe('item id institution is already used at sections.0.questions.0.id');
  });

  it('reports invalid and reserved ids', () => {
    expect(codesAt(check((q) => (q.sections[0].questions[0].id = '__proto__')))).toEqual([
      ['invalid-id', `${S(0, 0)}.id`],
      ['unknown-reference', 'sections.2.visibleIf'],
    ]);
    expect(codesAt(check((q) => (q.id = 'has space')))).toEqual([['invalid-id', 'id']]);
  });

  it('checks importance links', () => {
    expect(codesAt(check((q) => (q.sections[1].questions[2].importanceOf = 'nope')))).toEqual([
      ['unknown-reference', `${S(1, 2)}.importanceOf`],
    ]);
    expect(codesAt(check((q) => (q.sections[1].questions[2].importanceOf = 'age')))).toEqual([
      ['invalid-reference', `${S(1, 2)}.importanceOf`],
    ]);
    expect(codesAt(check((q) => (q.sections[1].questions[2].importanceOf = 'grid')))).toEqual([
      ['invalid-reference', `${S(1, 2)}.importanceOf`],
    ]);
    expect(codesAt(check((q) => delete q.sections[1].questions[2].importanceOf))).toEqual([
      ['missing-reference', S(1, 2)],
    ]);
    expect(codesAt(check((q) => (q.sections[1].questions[2].role = 'overall')))).toEqual([
      ['invalid-role', `${S(1, 2)}.importanceOf`],
    ]);
    expect(
      codesAt(check((q) => (q.sections[1].questions[0].importanceOf = 'meals_quality'))),
    ).toEqual([['invalid-reference', `${S(1, 0)}.importanceOf`]]);
    // A row inherits the matrix's role: satisfaction rows are valid targets (the sample links to staff).
    // An importance matrix needs importanceOf on each row.
    expect(codesAt(check((q) => (q.sections[1].questions[0].role = 'importance')))).toEqual([
      ['missing-reference', `${S(1, 0)}.rows.0`],
      ['missing-reference', `${S(1, 0)}.rows.1`],
      ['invalid-reference', `${S(1, 2)}.importanceOf`],
    ]);
  });

  it('lets an importance item weigh a whole dimension of satisfaction items', () => {
    // meals_quality (a satisfaction question) measures environment; the grid row info measures information.
    expect(
      codesAt(check((q) => (q.sections[1].questions[2].importanceOf = 'environment'))),
    ).toEqual([]);
    expect(
      codesAt(check((q) => (q.sections[1].questions[2].importanceOf = 'information'))),
    ).toEqual([]);
    // A name that is neither an item nor a dimension of satisfaction items does not resolve.
    expect(codesAt(check((q) => (q.sections[1].questions[2].importanceOf = 'service')))).toEqual([
      ['unknown-reference', `${S(1, 2)}.importanceOf`],
    ]);
  });

  it('checks that skip logic parses, resolves and only looks backwards', () => {
    const bad = check((q) => (q.sections[2].questions[1].visibleIf = '{nps} <= '));
    expect(bad).toEqual([
      {
        code: 'invalid-expression',
        message: expect.stringContaining('question why_low: visibleIf: expected') as string,
        path: ['sections', 2, 'questions', 1, 'visibleIf'],
        column: 10,
      },
    ]);
    expect(codesAt(check((q) => (q.sections[2].questions[1].visibleIf = '{npss} = 1')))).toEqual([
      ['unknown-reference', `${S(2, 1)}.visibleIf`],
    ]);
    expect(
      codesAt(check((q) => (q.sections[2].questions[1].visibleIf = 'answered({grid})'))),
    ).toEqual([['unknown-reference', `${S(2, 1)}.visibleIf`]]);
    // Forward: a later item, the question itself, its own matrix rows, a section's own items.
    expect(codesAt(check((q) => (q.sections[0].questions[0].visibleIf = '{nps} = 1')))).toEqual([
      ['forward-reference', `${S(0, 0)}.visibleIf`],
    ]);
    expect(
      codesAt(check((q) => (q.sections[2].questions[1].visibleIf = 'answered({why_low})'))),
    ).toEqual([['forward-reference', `${S(2, 1)}.visibleIf`]]);
    expect(codesAt(check((q) => (q.sections[1].questions[0].visibleIf = '{staff} = 1')))).toEqual([
      ['forward-reference', `${S(1, 0)}.visibleIf`],
    ]);
    expect(codesAt(check((q) => (q.sections[2].visibleIf = 'answered({nps})')))).toEqual([
      ['forward-reference', 'sections.2.visibleIf'],
    ]);
    // Backwards across sections and to the previous question is fine.
    expect(
      check(
        (q) =>
          (q.sections[1].questions[2].visibleIf =
            "{meals_quality} > 1 and {info} = 2 and {institution} = 's01'"),
      ),
    ).toEqual([]);
    // Each unresolved reference is reported.
    expect(
      check((q) => (q.sections[0].questions[0].visibleIf = '{x} = 1 or {y} = 2')),
    ).toHaveLength(2);
  });

  it('checks scale points and not-applicable codes', () => {
    expect(codesAt(check((q) => (q.sections[1].questions[1].scale.points[2].value = 2)))).toEqual([
      ['scale-order', `${S(1, 1)}.scale.points.2.value`],
    ]);
    expect(codesAt(check((q) => q.sections[1].questions[1].scale.points.reverse()))).toEqual([
      ['scale-order', `${S(1, 1)}.scale.points.1.value`],
      ['scale-order', `${S(1, 1)}.scale.points.2.value`],
    ]);
    expect(codesAt(check((q) => (q.sections[1].questions[1].scale.points[0].value = 0.5)))).toEqual(
      [['invalid-code', `${S(1, 1)}.scale.points.0.value`]],
    );
    expect(codesAt(check((q) => (q.sections[1].questions[1].scale.points[2].value = 251)))).toEqual(
      [['invalid-code', `${S(1, 1)}.scale.points.2.value`]],
    );
    expect(
      codesAt(check((q) => (q.sections[1].questions[0].scale.notApplicable.value = 5))),
    ).toEqual([['not-applicable-conflict', `${S(1, 0)}.scale.notApplicable.value`]]);
    expect(codesAt(check((q) => (q.sections[1].questions[2].notApplicable.value = 10)))).toEqual([
      ['not-applicable-conflict', `${S(1, 2)}.notApplicable.value`],
    ]);
    expect(
      codesAt(
        check(
          (q) =>
            (q.sections[1].questions[1].scale.points = [
              q.sections[1].questions[1].scale.points[0],
            ]),
        ),
      ),
    ).toEqual([['scale-order', `${S(1, 1)}.scale.points`]]);
  });

  it('checks ranges and options', () => {
    expect(codesAt(check((q) => (q.sections[1].questions[2].min = 10)))).toEqual([
      ['invalid-range', `${S(1, 2)}.max`],
      // The NA code 99 is still outside 10–10; nothing else.
    ]);
    expect(codesAt(check((q) => (q.sections[0].questions[2].min = 20)))).toEqual([
      ['invalid-range', `${S(0, 2)}.max`],
    ]);
    expect(check((q) => (q.sections[0].questions[2].min = 19))).toEqual([]);
    expect(codesAt(check((q) => (q.sections[0].questions[1].minSelected = 3)))).toEqual([
      ['invalid-range', `${S(0, 1)}.minSelected`],
    ]);
    expect(codesAt(check((q) => (q.sections[0].questions[1].maxSelected = 4)))).toEqual([
      ['invalid-range', `${S(0, 1)}.maxSelected`],
    ]);
    expect(codesAt(check((q) => (q.sections[0].questions[1].minSelected = 4)))).toEqual([
      ['invalid-range', `${S(0, 1)}.minSelected`],
      ['invalid-range', `${S(0, 1)}.minSelected`],
    ]);
    expect(codesAt(check((q) => (q.sections[0].questions[0].options[1].value = 's01')))).toEqual([
      ['duplicate-option', `${S(0, 0)}.options.1.value`],
    ]);
    expect(codesAt(check((q) => (q.sections[0].questions[0].options = [])))).toEqual([
      ['no-options', `${S(0, 0)}.options`],
    ]);
    expect(
      check(
        (q) => (
          (q.sections[0].questions[0].options = []),
          (q.sections[0].questions[0].acceptUnlisted = true)
        ),
      ),
    ).toEqual([]);
  });

  it('reports every problem at once', () => {
    const issues = check((q) => {
      q.defaultLocale = 'ru';
      q.sections[0].questions[2].id = 'institution';
      q.sections[2].questions[1].visibleIf = '{later} = 1';
      q.sections[1].questions[1].scale.points[2].value = 1;
    });
    expect(issues.map((issue) => issue.code)).toEqual([
      'unknown-locale',
      'duplicate-id',
      'scale-order',
      'unknown-reference',
    ]);
  });
});

// Mutations that keep the Questionnaire type (a string stays a string, a number a
// number, only optional keys and locale entries are deleted) but break its content.
const OPTIONAL_KEYS = new Set([
  'description',
  'visibleIf',
  'required',
  'dimension',
  'role',
  'importanceOf',
  'notApplicable',
  'minLabel',
  'maxLabel',
  'acceptUnlisted',
  'minSelected',
  'maxSelected',
  'multiline',
  'maxLength',
  'min',
  'max',
  'integer',
]);
const TEXT_KEYS = new Set(['title', 'description', 'text', 'label', 'minLabel', 'maxLabel']);

function slots(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      const childPath = [...path, Array.isArray(value) ? Number(key) : key];
      out.push(childPath);
      slots(value[key], childPath, out);
    }
  }
  return out;
}

const idPool = [
  'matrix',
  'scale',
  'multi',
  'single',
  'rating',
  'nps',
  'number',
  'text',
  'importance',
  'satisfaction',
  'institution',
  'staff',
  'grid',
  'nps',
  'why_low',
  'about',
  '__proto__',
  'constructor',
  '',
  'a b',
  'lt',
  'en',
];
const stringValue = fc.oneof(
  fc.constantFrom(...idPool),
  fc.constantFrom(
    '{nps} = 1',
    '{staff} in [1',
    'answered({grid})',
    "{topics} contains 'meals'",
    'not not {x} = 1',
    '('.repeat(40),
  ),
  fc.string(),
);
const numberValue = fc.oneof(
  fc.integer({ min: -2, max: 260 }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -0),
);
const mutation = fc.record({
  slot: fc.nat(),
  kind: fc.nat({ max: 3 }),
  s: stringValue,
  n: numberValue,
  b: fc.boolean(),
});

function mutate(q: Json, m: { slot: number; kind: number; s: string; n: number; b: boolean }) {
  const all = slots(q);
  const path = all[m.slot % all.length]!;
  const parent = path.slice(0, -1).reduce((node: Json, key) => node[key], q);
  const key = path[path.length - 1]!;
  const current = parent[key];
  const parentKey = path[path.length - 2];
  if (m.kind === 0 && (OPTIONAL_KEYS.has(String(key)) || TEXT_KEYS.has(String(parentKey)))) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (m.kind === 1 && Array.isArray(current) && current.length > 0) {
    current.push(structuredClone(current[0]));
  } else if (typeof current === 'string') {
    parent[key] = m.s;
  } else if (typeof current === 'number') {
    parent[key] = m.n;
  } else if (typeof current === 'boolean') {
    parent[key] = m.b;
  } else if (!Array.isArray(parent) && key === 'role') {
    parent[key] = m.s;
  }
}

describe('checkQuestionnaire on mutated definitions', () => {
  it('never throws, and every issue has a kebab-case code, a message and a path', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        const q = sampleDefinition();
        for (const m of mutations) mutate(q, m);
        const issues = checkQuestionnaire(deepFreeze(q) as unknown as Questionnaire);
        for (const issue of issues) {
          expect(issue.code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
          expect(issue.message.length).toBeGreaterThan(0);
          expect(Array.isArray(issue.path)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reports a duplicate id however the ids are arranged (permutation of sections)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), (a, b) => {
        const q = sampleDefinition() as Json;
        const sections = [...q.sections];
        [sections[a], sections[b]] = [sections[b], sections[a]];
        q.sections = sections;
        q.sections[0].questions.push(structuredClone(q.sections[0].questions[0]));
        // Strip skip logic: reordering sections may make it look forward, which is not under test.
        for (const section of q.sections) {
          delete section.visibleIf;
          for (const question of section.questions) delete question.visibleIf;
        }
        const codes = checkQuestionnaire(q as Questionnaire).map((issue) => issue.code);
        expect(codes.filter((code) => code === 'duplicate-id').length).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
