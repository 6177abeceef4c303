// A browser user: bundled by esbuild from the built packages (no Node APIs),
// then run in headless Chromium. The result is left on window for the test.
import { localize } from '@edu-quality/core';
import { parseQuestionnaire, readResponses } from '@edu-quality/questionnaire';
import { breakdown, countNokCsv, netPromoterScore, satisfactionIndex } from '@edu-quality/index';
import { redactText } from '@edu-quality/report';
import questionnaireJson from '../../../examples/questionnaire.json';
import responsesCsv from '../../../examples/responses.csv';
import nokQuestionnaireJson from './nok-questionnaire.json';
import nokAnswersCsv from '../../../packages/cli/examples/nok/answers.csv';

async function main() {
  const questionnaire = parseQuestionnaire(questionnaireJson);
  // A web ReadableStream, as fetch() or a file input gives it.
  const bytes = new TextEncoder().encode(responsesCsv);
  const stream = new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.slice(i, i + 4096));
      controller.close();
    },
  });
  const responses = await readResponses(questionnaire, stream, { idColumn: 'respondent' });
  const index = satisfactionIndex(responses, { weights: 'stated' });
  const groups = breakdown(responses, { by: 'institution' });
  const recommend = responses.columns.get('recommend');
  // NOK counts straight from the CSV (the WebAssembly row loop where it compiles).
  const nok = countNokCsv(parseQuestionnaire(nokQuestionnaireJson), nokAnswersCsv);
  return {
    nok: {
      counts: nok.counts,
      issues: nok.issues.length,
      organisations: [...nok.accumulator.result()],
    },
    title: localize(questionnaire.title, 'ru'),
    counts: responses.counts,
    index: index.score,
    suppressed: groups.groups.filter((g) => g.suppressed).length,
    nps: netPromoterScore(recommend).score,
    // The phone grammar (libphonenumber-js with its LT/RU metadata) in the browser bundle.
    redacted: redactText('tel. +370 612 34567 15.10.2026, 8 (912) 345-67-89'),
  };
}

main().then(
  (result) => {
    window.__result = result;
  },
  (error) => {
    window.__result = { error: String(error && error.stack ? error.stack : error) };
  },
);
