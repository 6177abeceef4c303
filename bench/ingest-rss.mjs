// Child process of ingest.bench.mjs: one ingestion, then the peak resident set
// size of this process (process.resourceUsage().maxRSS) and the bytes held per
// scale answer. Prints JSON.
import { createReadStream } from 'node:fs';
import { readResponses } from '@edu-quality/questionnaire';
import { surveyQuestionnaire } from './generate-survey.mjs';

const file = process.argv[2];
const questionnaire = surveyQuestionnaire();
globalThis.gc?.();
const baseline = process.resourceUsage().maxRSS;
const set = await readResponses(questionnaire, createReadStream(file, { highWaterMark: 1 << 20 }));
const peak = process.resourceUsage().maxRSS;
let bytes = 0;
let answers = 0;
for (const column of set.columns.values()) {
  if (column.kind !== 'scale') continue;
  bytes += column.values.byteLength;
  answers += column.values.length;
}
console.log(
  JSON.stringify({
    rows: set.size,
    baselineRssMB: Math.round(baseline / 1024),
    peakRssMB: Math.round(peak / 1024),
    bytesPerScaleAnswer: bytes / answers,
  }),
);
