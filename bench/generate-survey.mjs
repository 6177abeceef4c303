// Seeded synthetic survey export for the benchmarks: N respondents × 30 Likert
// items (1–5, with blanks and "don't know" = 0) + NPS (0–10) + a raking-style
// weight + one of 200 institutions, comma-delimited. The questionnaire it
// answers is bench/survey-questionnaire.json. Shared by every benchmark that
// needs survey data (ingestion, index computation).
//
//   node bench/generate-survey.mjs [rows] [path] [seed]
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 as prng } from './prng.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The questionnaire the generated file answers. */
export function surveyQuestionnaire() {
  return JSON.parse(readFileSync(join(here, 'survey-questionnaire.json'), 'utf8'));
}

/** The default location of the generated file for a number of rows. */
export function surveyPath(rows = 1_000_000, seed = 20261125) {
  return join(here, 'data', `survey-${rows}-${seed}.csv`);
}

export const LIKERT_ITEMS = 30;
export const INSTITUTIONS = 200;

/** The institution codes: inst-001 … inst-200. */
export function institutionCodes() {
  return Array.from({ length: INSTITUTIONS }, (_, i) => `inst-${String(i + 1).padStart(3, '0')}`);
}

/**
 * Writes the seeded survey CSV and resolves with its size in bytes.
 * The same rows and seed always give the same bytes.
 */
export function generateSurvey({
  rows = 1_000_000,
  seed = 20261125,
  path = surveyPath(rows, seed),
} = {}) {
  mkdirSync(dirname(path), { recursive: true });
  const random = prng(seed);
  const institutions = institutionCodes();
  const header = ['institution'];
  for (let i = 1; i <= LIKERT_ITEMS; i++) header.push(`q${String(i).padStart(2, '0')}`);
  header.push('nps', 'weight');
  const out = createWriteStream(path);
  let bytes = 0;
  const write = (text) =>
    new Promise((resolve) => {
      bytes += Buffer.byteLength(text);
      if (out.write(text)) resolve();
      else out.once('drain', resolve);
    });
  return (async () => {
    await write(`${header.join(',')}\n`);
    let block = '';
    for (let r = 0; r < rows; r++) {
      const institution = Math.floor(random() * INSTITUTIONS);
      // Each institution has its own level, so the index has something to find.
      const level = 2.6 + (institution % 17) / 10;
      let line = institutions[institution];
      for (let i = 0; i < LIKERT_ITEMS; i++) {
        const u = random();
        let cell;
        if (u < 0.02) cell = '';
        else if (u < 0.03) cell = '0';
        else cell = String(Math.min(5, Math.max(1, Math.round(level + (random() - 0.5) * 3))));
        line += `,${cell}`;
      }
      line += `,${Math.min(10, Math.max(0, Math.round(level * 2 + (random() - 0.3) * 4)))}`;
      line += `,${(0.4 + random() * 1.6).toFixed(6)}\n`;
      block += line;
      if (block.length > 1 << 20) {
        await write(block);
        block = '';
      }
    }
    await write(block);
    await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
    return bytes;
  })();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const path = process.argv[3] ?? surveyPath(rows);
  const seed = Number(process.argv[4] ?? 20261125);
  const bytes = await generateSurvey({ rows, seed, path });
  console.log(`wrote ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB to ${path}`);
}
