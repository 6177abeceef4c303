// The main job on the built-in example data: validate the example
// questionnaire, ingest the example survey export and print a summary.
// Run through `npm run demo`, which installs and builds first.
import { createReadStream, readFileSync } from 'node:fs';
import { formatIssue, localize } from '@edu-quality/core';
import {
  SCALE_MISSING,
  SCALE_NOT_APPLICABLE,
  parseQuestionnaire,
  readResponses,
} from '@edu-quality/questionnaire';
import { weightedMean } from '@edu-quality/index';

const locale = process.argv.includes('--locale')
  ? process.argv[process.argv.indexOf('--locale') + 1]
  : 'en';
const here = new URL('.', import.meta.url);
const questionnairePath = new URL('questionnaire.json', here);
const responsesPath = new URL('responses.csv', here);

const questionnaire = parseQuestionnaire(JSON.parse(readFileSync(questionnairePath, 'utf8')));
const started = performance.now();
const responses = await readResponses(questionnaire, createReadStream(responsesPath), {
  idColumn: 'respondent',
  weightColumn: 'weight',
});
const elapsed = performance.now() - started;

const out = [];
out.push(
  `Questionnaire: ${localize(questionnaire.title, locale)} (${questionnaire.id}, version ${questionnaire.version})`,
);
out.push(
  `  locales ${questionnaire.locales.join(', ')}; ${questionnaire.sections.length} sections; ${responses.items.length} items; valid`,
);
out.push('');
out.push(`Responses: examples/responses.csv (${elapsed.toFixed(0)} ms)`);
const { read, accepted, rejected, droppedAnswers } = responses.counts;
out.push(
  `  rows read ${read}, accepted ${accepted}, rejected ${rejected}, answers dropped ${droppedAnswers}`,
);
out.push(`  issues (${responses.issues.length}):`);
for (const issue of responses.issues) out.push(`    ${formatIssue(issue)}`);
out.push('');
out.push('Scale items: answered, "don\'t know", missing, weighted mean');
const weights = responses.weights;
for (const item of responses.items) {
  const column = responses.columns.get(item.id);
  if (column?.kind !== 'scale') continue;
  let answered = 0;
  let na = 0;
  let missing = 0;
  const values = Array.from(column.values, (v) => {
    if (v === SCALE_MISSING) missing++;
    else if (v === SCALE_NOT_APPLICABLE) na++;
    else {
      answered++;
      return v;
    }
    return null;
  });
  const mean =
    answered > 0 ? weightedMean(values, weights ? { weights } : {}).estimate.toFixed(2) : '—';
  out.push(
    `  ${item.id.padEnd(22)} ${String(answered).padStart(4)} ${String(na).padStart(4)} ${String(missing).padStart(4)}   ${mean} on ${item.range.min}–${item.range.max}   ${localize(item.text, locale)}`,
  );
}
const segments = responses.columns.get('institution');
if (segments?.kind === 'category') {
  out.push('');
  out.push('Respondents per institution:');
  const counts = new Map();
  for (const code of segments.codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  for (const [code, value] of segments.dictionary.entries())
    out.push(`  ${value.padEnd(22)} ${String(counts.get(code) ?? 0).padStart(4)}`);
}
console.log(out.join('\n'));
