// Golden files: the exact output of generateResponses for fixed seeds, written
// as CSV. They catch any change of the generated data (a new draw, a changed
// default), which would silently change every demo, benchmark and test built on
// it. Regenerate on purpose only, and review the diff:
//   UPDATE_FIXTURES=1 pnpm exec vitest run --project templates generate-responses.fixture
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ecsiQuestionnaire } from './ecsi-questionnaire.js';
import { educationSatisfactionQuestionnaire } from './education-satisfaction-questionnaire.js';
import { generateResponses } from './generate-responses.js';
import { nokEducationQuestionnaire } from './nok-education-questionnaire.js';
import { responsesToCsv } from './responses-to-csv.js';

const cases = [
  ['education', educationSatisfactionQuestionnaire],
  ['ecsi', ecsiQuestionnaire],
  ['nok', nokEducationQuestionnaire],
] as const;

describe('generateResponses golden files', () => {
  for (const [name, questionnaire] of cases) {
    it(`${name}, seed 20261125, n 25`, () => {
      const file = new URL(
        `../test/fixtures/generate-responses/${name}.expected.csv`,
        import.meta.url,
      );
      const records = generateResponses(questionnaire, { n: 25, seed: 20261125, weights: true });
      const csv = responsesToCsv(records, { questionnaire, lineEnding: '\n' });
      if (process.env.UPDATE_FIXTURES === '1' || !existsSync(file)) writeFileSync(file, csv);
      expect(csv).toBe(readFileSync(file, 'utf8'));
    });
  }
});
