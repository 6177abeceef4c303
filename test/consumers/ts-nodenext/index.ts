// A TypeScript user with moduleResolution nodenext: the types come from the
// built declaration files, and the emitted JavaScript runs on Node.
import { EduQualityError, localize, type Issue, type LocalizedText } from '@edu-quality/core';
import {
  QuestionnaireSchema,
  listItems,
  type Item,
  type Questionnaire,
} from '@edu-quality/questionnaire';

const title: LocalizedText = { lt: 'Apklausa', en: 'Survey' };
const questionnaire: Questionnaire = QuestionnaireSchema.parse({
  id: 'consumer',
  version: '1',
  title,
  locales: ['lt', 'en'],
  defaultLocale: 'lt',
  sections: [
    {
      id: 's1',
      title,
      questions: [{ id: 'nps', kind: 'nps', text: { lt: 'Rekomenduotumėte?', en: 'Recommend?' } }],
    },
  ],
});
const items: Item[] = listItems(questionnaire);
const issue: Issue = { code: 'example', message: 'typed issue', row: 2, column: 1 };
const error = new EduQualityError('invalid-input', 'consumer', { issues: [issue] });
console.log(
  JSON.stringify({
    title: localize(questionnaire.title, 'en'),
    role: items[0]?.role,
    issues: error.issues.length,
    isInstance: EduQualityError.isInstance(error),
  }),
);
