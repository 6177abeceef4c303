// A browser user: bundled by esbuild from the built packages (no Node APIs),
// then run in headless Chromium. The result is left on window for the test.
import { localize } from '@edu-quality/core';
import { QuestionnaireSchema, listItems } from '@edu-quality/questionnaire';
import questionnaireJson from '../../../examples/questionnaire.json';

async function main() {
  const questionnaire = QuestionnaireSchema.parse(questionnaireJson);
  const items = listItems(questionnaire);
  return {
    title: localize(questionnaire.title, 'ru'),
    items: items.length,
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
