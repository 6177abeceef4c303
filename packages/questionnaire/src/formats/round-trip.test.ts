// Round trips of the exporters: ours → SurveyJS → ours and ours → XLSForm →
// ours give back the same questionnaire (formats.md §1.4 asks for round-trip
// tests; the generated subset is described in test/questionnaire-arbitrary.ts:
// every kind and option, with skip logic of comparisons, contains, answered,
// not, and, or — `in` is printed as an `or` of comparisons in XLSForm and is
// checked by hand in xlsform.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuestionnaire } from '../check-questionnaire.js';
import { questionnaireArbitrary } from '../../test/questionnaire-arbitrary.js';
import { deepFreeze } from '../../test/sample-questionnaire.js';
import { fromSurveyJs, toSurveyJs } from './surveyjs/index.js';
import { fromXlsForm, toXlsForm } from './xlsform/index.js';

describe('generated questionnaires', () => {
  it('are valid (the generator is sound)', () => {
    fc.assert(
      fc.property(questionnaireArbitrary, (q) => {
        expect(checkQuestionnaire(q)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('round trips', () => {
  it('ours → SurveyJS → ours is the identity', () => {
    fc.assert(
      fc.property(questionnaireArbitrary, (q) => {
        deepFreeze(q);
        const { questionnaire, issues } = fromSurveyJs(JSON.parse(JSON.stringify(toSurveyJs(q))));
        expect(issues).toEqual([]);
        expect(questionnaire).toEqual(q);
      }),
      { numRuns: 300 },
    );
  });

  it('ours → SurveyJS text (JSON5 parser) → ours is the identity', () => {
    fc.assert(
      fc.property(questionnaireArbitrary, (q) => {
        expect(fromSurveyJs(JSON.stringify(toSurveyJs(q))).questionnaire).toEqual(q);
      }),
      { numRuns: 100 },
    );
  });

  it('ours → XLSForm → ours is the identity', () => {
    fc.assert(
      fc.property(questionnaireArbitrary, (q) => {
        deepFreeze(q);
        const { questionnaire, issues } = fromXlsForm(toXlsForm(q));
        expect(issues).toEqual([]);
        expect(questionnaire).toEqual(q);
      }),
      { numRuns: 300 },
    );
  });
});
