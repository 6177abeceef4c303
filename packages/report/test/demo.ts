// Seeded demo data shared by the tests: the education questionnaire of
// @edu-quality/templates, 12 institutions, two waves.
import {
  readResponsesSync,
  type Questionnaire,
  type ResponseSet,
} from '@edu-quality/questionnaire';
import {
  educationSatisfactionQuestionnaire,
  generateResponses,
  type SyntheticRecord,
} from '@edu-quality/templates';

export const questionnaire: Questionnaire = educationSatisfactionQuestionnaire;

export const HOSTILE: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("x")</script>',
  '" onmouseover="alert(1)',
  "' autofocus onfocus='alert(1)",
  '</textarea></style></title><svg onload=alert(1)>',
  '=HYPERLINK("http://evil.example","click")',
  '+SUM(1,2)',
  '-2+3',
  '@cmd',
  '\tTAB',
  '**bold** _it_ [x](javascript:alert(1)) ![i](http://x/i.png) | pipe | `code` # h',
];

export function demoRecords(n: number, seed: number): SyntheticRecord[] {
  return generateResponses(questionnaire, { n, seed });
}

export function demoResponses(n = 600, seed = 2026): ResponseSet {
  return readResponsesSync(questionnaire, demoRecords(n, seed));
}

/** Demo responses whose first answers of `improve` are the hostile strings. */
export function hostileResponses(n = 300, seed = 11): ResponseSet {
  const records = demoRecords(n, seed);
  HOSTILE.forEach((text, i) => {
    records[i]!.improve = text;
  });
  return readResponsesSync(questionnaire, records);
}
