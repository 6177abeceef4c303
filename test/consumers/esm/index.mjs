// A plain ESM user: imports the built packages by name, as installed from npm.
import { EduQualityError, localize } from '@edu-quality/core';
import { QuestionnaireSchema, listItems, SCALE_MISSING } from '@edu-quality/questionnaire';
import { readFileSync } from 'node:fs';

const questionnaire = QuestionnaireSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../examples/questionnaire.json', import.meta.url), 'utf8'),
  ),
);
const items = listItems(questionnaire);
console.log(
  JSON.stringify({
    title: localize(questionnaire.title, 'en'),
    items: items.length,
    missing: SCALE_MISSING,
    errorMarker: EduQualityError.isInstance(new EduQualityError('invalid-argument', 'x')),
  }),
);
