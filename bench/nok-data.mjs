// The seeded region of the NOK benchmarks: 2,000 organisations and 400,000
// respondents as a CSV export, and the organisations' audits as JSON, in
// bench/data (generated once, reused while they are there).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { mulberry32 } from './prng.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const ORGANISATIONS = 2_000;
export const RESPONDENTS = 400_000;
export const SEED = 344;
const dataDir = join(here, 'data');
export const csvPath = join(dataDir, `nok-region-${SEED}-${ORGANISATIONS}-${RESPONDENTS}.csv`);
export const auditPath = join(dataDir, `nok-audits-${SEED}-${ORGANISATIONS}.json`);

const orgId = (i) => `org-${String(i + 1).padStart(4, '0')}`;
const QUESTIONS = Array.from({ length: 14 }, (_, i) => `q${i + 1}`);
const FILTER_OF = { q2: 'q1', q4: 'q3', q7: 'q6', q11: 'q10' };
const PROPOSALS = [
  '"Больше кружков, пожалуйста"',
  '"Ремонт спортзала; новые парты"',
  '"More clubs, please"',
  '"Обновить сайт ""школы"""',
];

function generate() {
  const rand = mulberry32(SEED);
  mkdirSync(dataDir, { recursive: true });
  // Organisation sizes: weights in [0.25, 1.75], scaled to RESPONDENTS exactly.
  const weights = Array.from({ length: ORGANISATIONS }, () => 0.25 + 1.5 * rand());
  const sumW = weights.reduce((s, w) => s + w, 0);
  const sizes = weights.map((w) => Math.floor((w / sumW) * RESPONDENTS));
  let rest = RESPONDENTS - sizes.reduce((s, n) => s + n, 0);
  for (let i = 0; rest > 0; i = (i + 1) % ORGANISATIONS, rest--) sizes[i]++;
  // The rows of the export come in time order, organisations interleaved.
  const owner = new Int32Array(RESPONDENTS);
  let k = 0;
  sizes.forEach((n, o) => owner.fill(o, k, (k += n)));
  for (let i = RESPONDENTS - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = owner[i];
    owner[i] = owner[j];
    owner[j] = t;
  }
  const quality = Array.from({ length: ORGANISATIONS }, () => 0.7 + 0.29 * rand());
  const lines = [`id,organisation,${QUESTIONS.join(',')},q15`];
  for (let r = 0; r < RESPONDENTS; r++) {
    const o = owner[r];
    const q = quality[o];
    const a = {};
    a.q1 = rand() < 0.75;
    a.q3 = rand() < 0.6;
    a.q6 = rand() < 0.05;
    a.q10 = rand() < 0.45;
    for (const id of ['q5', 'q8', 'q9', 'q12', 'q13', 'q14']) a[id] = rand() < q;
    const cells = [String(r + 1), orgId(o)];
    for (const id of QUESTIONS) {
      const filter = FILTER_OF[id];
      if (filter !== undefined) cells.push(a[filter] ? (rand() < q ? 'yes' : 'no') : '');
      else cells.push(a[id] ? 'yes' : 'no');
    }
    cells.push(rand() < 0.03 ? PROPOSALS[Math.floor(rand() * PROPOSALS.length)] : '');
    lines.push(cells.join(','));
  }
  writeFileSync(csvPath, lines.join('\n') + '\n');

  const pick = (items, p) => items.filter(() => rand() < p);
  const names = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
  const audits = Array.from({ length: ORGANISATIONS }, (_, i) => ({
    id: orgId(i),
    municipality: `municipality-${1 + Math.floor(rand() * 25)}`,
    founder: rand() < 0.8 ? 'municipal' : 'regional',
    type: ['school', 'kindergarten', 'arts-school', 'library'][Math.floor(rand() * 4)],
    recipients: Math.round(sizes[i] / (0.3 + 0.4 * rand())),
    audit: {
      stands: { required: names('stand-', 12), present: pick(names('stand-', 12), 0.9) },
      site: { required: names('site-', 50), present: pick(names('site-', 50), 0.9) },
      remoteChannels: pick(['phone', 'email', 'electronic-service', 'faq', 'quality-opinion'], 0.7),
      comfortConditions: pick(
        ['rest-area', 'navigation', 'drinking-water', 'sanitary-rooms', 'sanitary-condition'],
        0.8,
      ),
      accessiblePremises: pick(
        ['ramps', 'parking', 'lifts-handrails-doors', 'wheelchairs', 'sanitary-rooms'],
        0.4,
      ),
      accessibilityConditions: pick(
        [
          'duplicated-information',
          'braille',
          'sign-language',
          'site-for-visually-impaired',
          'trained-staff',
          'remote-or-home',
        ],
        0.4,
      ),
    },
  }));
  writeFileSync(auditPath, JSON.stringify(audits));
}

/** Writes the region's files unless they are there already. */
export function ensureNokData() {
  if (existsSync(csvPath) && existsSync(auditPath)) return;
  const t = performance.now();
  generate();
  console.log(`generated ${csvPath} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
