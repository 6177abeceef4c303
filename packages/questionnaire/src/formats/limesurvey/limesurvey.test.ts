import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../../test/sample-questionnaire.js';
import { fromLimeSurvey } from './index.js';

const demo = readFileSync(join(fixturesDir, 'formats', 'limesurvey', 'demo_survey.lss'), 'utf8');

describe('fromLimeSurvey on lssdoc demo_survey.lss (DB version 700, fr + en de es)', () => {
  const { questionnaire, issues } = fromLimeSurvey(demo);
  const all = questionnaire?.sections.flatMap((s) => s.questions) ?? [];
  const byId = (id: string) => all.find((q) => q.id === id);

  it('reads languages, groups and survey texts', () => {
    // surveys.language = fr, additional_languages = "en de es".
    expect(questionnaire).toMatchObject({
      id: 'limesurvey_354814',
      locales: ['fr', 'en', 'de', 'es'],
      defaultLocale: 'fr',
    });
    expect(questionnaire?.title).toMatchObject({ en: 'lssdoc demonstration survey' });
    expect(questionnaire?.sections.map((s) => s.id)).toEqual([
      'g2357',
      'g2358',
      'g2359',
      'g2360',
      'g2361',
      'g2362',
    ]);
  });

  it('maps the type codes (formats.md §1.3 table)', () => {
    expect(byId('lifesatisfaction5pt')).toMatchObject({ kind: 'scale' }); // 5
    expect(byId('loneliness')).toMatchObject({ kind: 'matrix' }); // A
    expect(byId('lifedomains')).toMatchObject({ kind: 'matrix' }); // B: 1–10
    expect(byId('dailyresources')).toMatchObject({ kind: 'matrix' }); // F
    expect(byId('nationality')).toMatchObject({ kind: 'multi' }); // M
    expect(byId('democonsent')).toMatchObject({
      kind: 'single',
      options: [{ value: 'Y' }, { value: 'N' }],
    }); // Y
    expect(byId('improvements')).toMatchObject({ kind: 'text', multiline: true }); // U
    expect(byId('occupation')).toMatchObject({ kind: 'text' }); // S
    expect(byId('age')).toMatchObject({ kind: 'number' }); // N
    expect(byId('incomefeel')).toMatchObject({
      kind: 'scale',
      scale: { points: [{ value: 1, label: { en: 'Living comfortably' } }, {}, {}, {}] },
    });
  });

  it('translates relevance: workstatus == "1" on a list with integer codes', () => {
    expect(byId('workhours')?.visibleIf).toBe('{workstatus} = 1');
  });

  it('reports the types without a counterpart and passes checkQuestionnaire', () => {
    const unsupported = issues
      .filter((i) => i.code === 'unsupported-type')
      .map((i) => i.message.match(/"(\w+)" is not/)?.[1])
      .sort();
    // Types D, *, X (twice), K (twice), Q, :, 1, R, ; in the demo.
    expect(unsupported).toEqual([
      'adaptability',
      'birthdate',
      'devicerank',
      'imc',
      'introtext',
      'mediaquality',
      'screentime',
      'sleephours',
      'thankyou',
      'trustinstitutions',
      'weeklyhours',
    ]);
    const known = new Set([
      'unsupported-type',
      'converted',
      'missing-translation',
      'unsupported-property',
    ]);
    expect(issues.filter((i) => !known.has(i.code))).toEqual([]);
  });
});

const cell = (name: string, value: string): string => `<${name}><![CDATA[${value}]]></${name}>`;
function lss(questions: string, extra = ''): string {
  return `<?xml version="1.0"?><document><LimeSurveyDocType>Survey</LimeSurveyDocType><languages><language>en</language></languages>
<groups><rows><row>${cell('gid', '1')}${cell('group_order', '0')}</row></rows></groups>
<questions><rows>${questions}</rows></questions>${extra}
<surveys><rows><row>${cell('sid', '7')}${cell('language', 'en')}</row></rows></surveys></document>`;
}
const question = (qid: string, type: string, title: string, relevance = '1'): string =>
  `<row>${cell('qid', qid)}${cell('parent_qid', '0')}${cell('gid', '1')}${cell('type', type)}${cell('title', title)}${cell('question_order', qid)}${cell('relevance', relevance)}</row>`;

describe('fromLimeSurvey', () => {
  it('translates ExpressionScript (hand translations) and reports the rest', () => {
    const subs = `<subquestions><rows><row>${cell('qid', '9')}${cell('parent_qid', '2')}${cell('gid', '1')}${cell('type', 'T')}${cell('title', 'SQ1')}${cell('question_order', '1')}</row></rows></subquestions>`;
    const cases: [string, string | undefined][] = [
      ['q1.NAOK > 3 and !is_empty(q3)', '{q1} > 3 and answered({q3})'],
      ['q1 ge 2 || is_empty(q1)', '{q1} >= 2 or not answered({q1})'],
      ['m_SQ1 == "Y"', "{m} contains 'SQ1'"],
      ['q3 != "x"', "not {q3} = 'x'"],
      ['sum(q1, 2) > 3', undefined],
    ];
    for (const [relevance, ours] of cases) {
      const { questionnaire, issues } = fromLimeSurvey(
        lss(
          question('1', 'N', 'q1') +
            question('2', 'M', 'm') +
            question('3', 'S', 'q3') +
            question('4', 'T', 'why', relevance),
          subs,
        ),
      );
      const why = questionnaire?.sections[0]?.questions[3];
      expect(why?.visibleIf, relevance).toBe(ours);
      expect(
        issues.map((i) => i.code),
        relevance,
      ).toEqual(ours === undefined ? ['unsupported-expression'] : []);
    }
  });

  it('expands no entities and assigns no __proto__ key', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`;
    const hostile = lss(
      question('1', 'S', '__proto__') +
        `<row><__proto__><polluted>1</polluted></__proto__><constructor>x</constructor></row>`,
    );
    const withBomb =
      bomb +
      lss(question('1', 'S', 'x').replace(cell('title', 'x'), '<title>&b;</title>')).replace(
        '<?xml version="1.0"?>',
        '',
      );
    const { questionnaire } = fromLimeSurvey(withBomb);
    expect(questionnaire).toBeDefined();
    expect(JSON.stringify(questionnaire)).not.toContain('aaaaaaaaaa');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    // fast-xml-parser refuses a `__proto__` tag outright (strictReservedNames).
    expect(fromLimeSurvey(hostile).issues.map((i) => i.code)).toEqual(['invalid-xml']);
    const named = fromLimeSurvey(lss(question('1', 'S', '__proto__')));
    expect(named.questionnaire?.sections[0]?.questions[0]?.id).toBe('q___proto__');
    expect(named.issues.map((i) => i.code)).toEqual(['renamed-id']);
  });

  it('returns issues, not a throw, for text that is not a survey', () => {
    for (const junk of [
      '',
      'not xml <',
      '<document><LimeSurveyDocType>Labels</LimeSurveyDocType></document>',
      '<other/>',
    ]) {
      const result = fromLimeSurvey(junk);
      expect(result.questionnaire).toBeUndefined();
      expect(result.issues.length).toBeGreaterThan(0);
    }
  });
});
