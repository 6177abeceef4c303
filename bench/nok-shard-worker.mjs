// Worker of bench/nok.bench.mjs: reads one byte range of the CSV (cut at line
// feeds, with the header line in front), counts it into a NokSurveyAccumulator
// and sends back the counts per organisation. Only the counts travel, as the
// design has shards summarised where the data lives.
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { NokSurveyAccumulator } from '@edu-quality/index';
import { QuestionnaireSchema, readResponsesSync } from '@edu-quality/questionnaire';

const questionnaire = QuestionnaireSchema.parse(workerData.questionnaire);

parentPort.on('message', ({ path, start, end, headerLength, readOptions }) => {
  const fd = openSync(path, 'r');
  const body = Buffer.allocUnsafe(end - start);
  readSync(fd, body, 0, end - start, start);
  let chunks = [body];
  if (start > 0) {
    const header = Buffer.allocUnsafe(headerLength);
    readSync(fd, header, 0, headerLength, 0);
    chunks = [header, body];
  }
  closeSync(fd);
  const set = readResponsesSync(questionnaire, chunks, readOptions);
  const acc = new NokSurveyAccumulator().addResponses(set);
  parentPort.postMessage({
    counts: [...acc.result()],
    accepted: set.counts.accepted,
    issues: [...set.issues, ...acc.issues].length,
  });
});
