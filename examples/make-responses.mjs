// Writes responses.csv: a seeded example survey export for the example
// questionnaire, shaped like an Excel export from a Lithuanian municipality
// (`;` delimiter, labels in Lithuanian, decimal commas in the weight column,
// UTF-8 with a BOM). Two rows carry deliberate errors, so the demo shows how
// rejected rows are counted and reported.
// Run: node examples/make-responses.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const q = JSON.parse(readFileSync(new URL('questionnaire.json', import.meta.url), 'utf8'));

// mulberry32: a small seeded PRNG, so the file is reproducible.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261125);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const pick = (xs) => xs[Math.floor(random() * xs.length)];

const sections = Object.fromEntries(q.sections.map((s) => [s.id, s]));
const question = (id) => q.sections.flatMap((s) => s.questions).find((x) => x.id === id);
const grid = question('grid');
const importanceGrid = question('importance_grid');
const label = (scale, v) =>
  v === 9 ? scale.notApplicable.label.lt : scale.points.find((p) => p.value === v).label.lt;
const optionLabel = (id, v) => question(id).options.find((o) => o.value === v).label.lt;

const institutions = [
  ['gimnazija-a', 45, 0.2],
  ['progimnazija-b', 38, -0.1],
  ['darzelis-c', 30, 0.4],
  ['muzikos-d', 3, 0.0],
  ['svietimo-skyrius', 8, -0.5],
];
const groups = ['parent', 'parent', 'parent', 'pupil', 'pupil', 'staff', 'other'];
const services = {
  'gimnazija-a': 'general',
  'progimnazija-b': 'general',
  'darzelis-c': 'preschool',
  'muzikos-d': 'nonformal',
  'svietimo-skyrius': 'admin',
};
// Mean stated importance per dimension: timeliness matters most, as in
// municipal studies where waiting and deadlines draw the most complaints.
const importanceMean = {
  information: 4.2,
  staff: 4.3,
  timeliness: 4.6,
  accessibility: 3.8,
  environment: 3.9,
  outcome: 4.4,
};
const suggestions = [
  'Daugiau informacijos svetainėje apie būrelius.',
  'Trumpesnis laukimas priimant prašymus.',
  'Reikėtų atnaujinti sporto salę; "senas" inventorius.',
  'Prašome atsakinėti į el. laiškus greičiau.\nAčiū už gerą darbą.',
  '=HYPERLINK("http://example.invalid","spauskite")',
];

const header = [
  'respondent',
  'group',
  'institution',
  'service',
  ...grid.rows.map((r) => r.id),
  'overall',
  'recommend',
  ...importanceGrid.rows.map((r) => r.id),
  'improve',
  'weight',
];
const lines = [header.join(';')];
const quote = (s) => (/[";\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
let n = 0;
for (const [institution, count, effect] of institutions) {
  for (let k = 0; k < count; k++) {
    n++;
    const latent = 0.6 + effect + 0.8 * normal();
    const answer = (shift) => {
      const v = Math.round(3.6 + latent + shift + 0.7 * normal());
      return Math.min(5, Math.max(1, v));
    };
    const row = [
      `R${String(n).padStart(4, '0')}`,
      optionLabel('group', pick(groups)),
      optionLabel('institution', institution),
      optionLabel('service', services[institution]),
    ];
    for (const r of grid.rows) {
      const u = random();
      row.push(
        u < 0.04
          ? ''
          : u < 0.1
            ? label(grid.scale, 9)
            : label(grid.scale, answer(r.dimension === 'timeliness' ? -0.5 : 0)),
      );
    }
    const overall = answer(0);
    row.push(label(grid.scale, overall));
    row.push(String(Math.min(10, Math.max(0, Math.round(7 + 1.6 * latent + 1.2 * normal())))));
    for (const r of importanceGrid.rows)
      row.push(
        random() < 0.05
          ? ''
          : label(
              importanceGrid.scale,
              Math.min(5, Math.max(2, Math.round(importanceMean[r.importanceOf] + 0.8 * normal()))),
            ),
      );
    row.push(overall <= 3 && random() < 0.7 ? pick(suggestions) : '');
    row.push((0.6 + random() * 0.9).toFixed(2).replace('.', ','));
    lines.push(row.map(quote).join(';'));
  }
}
// Deliberate errors: a code outside the scale, and an institution not in the list.
const bad1 = lines[7].split(';');
bad1[header.indexOf('staff_politeness')] = '7';
lines[7] = bad1.join(';');
const bad2 = lines[20].split(';');
bad2[header.indexOf('institution')] = 'Gimnazija X';
lines[20] = bad2.join(';');

writeFileSync(new URL('responses.csv', import.meta.url), '\uFEFF' + lines.join('\r\n') + '\r\n');
console.log(`examples/responses.csv: ${n} rows`);
