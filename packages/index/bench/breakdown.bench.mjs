// On-demand benchmark of the index stage: per-institution index, NPS and 95%
// intervals from an in-memory survey (never a CI gate).
//
//   node packages/index/bench/breakdown.bench.mjs                 # against dist (pnpm build first)
//   node --conditions=@edu-quality/source --import tsx packages/index/bench/breakdown.bench.mjs
//
// The end-to-end benchmark of issue 3 (1,000,000-row CSV → readResponses →
// this stage, against DuckDB) plugs in through `indexStage`: pass it the
// ResponseSet that readResponses returns and the name of the institution field.
import { breakdown } from '@edu-quality/index';

/**
 * The index stage of the end-to-end benchmark.
 *
 * @param {import('@edu-quality/index').SurveyInput} responses
 * @param {string} institution - the segment field
 */
export function indexStage(responses, institution) {
  return breakdown(responses, { by: institution, interval: 'delta-t' });
}

function synthetic(n, k, institutions) {
  const items = Array.from({ length: k }, (_, j) => {
    const values = new Array(n);
    for (let i = 0; i < n; i++) {
      const r = (i * 2654435761 + j * 97) % 1000;
      values[i] = r < 30 ? null : r < 50 ? 'na' : 1 + (r % 5);
    }
    return { id: `q${j}`, values, min: 1, max: 5, role: 'satisfaction' };
  });
  items.push({
    id: 'nps',
    values: Array.from({ length: n }, (_, i) => (i * 7) % 11),
    min: 0,
    max: 10,
    role: 'recommend',
  });
  return {
    items,
    weights: Array.from({ length: n }, (_, i) => 0.5 + (i % 7) / 7),
    segments: { institution: Array.from({ length: n }, (_, i) => `s${i % institutions}`) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const survey = synthetic(1_000_000, 10, 200);
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const result = indexStage(survey, 'institution');
    const ms = performance.now() - start;
    console.log(
      `breakdown 1,000,000 × 10 items, ${result.groups.length} institutions: ${ms.toFixed(0)} ms (each call reads the arrays into typed columns once)`,
    );
  }
}
