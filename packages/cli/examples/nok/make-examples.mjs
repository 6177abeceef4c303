// Writes the NOK example files of the CLI: audit.csv (wide layout),
// audit-long.csv (the same audits, one row per organisation × item) and
// answers.csv (the survey, «Да»/«Нет» as operators export it).
// school-1 is the worked example of methods/nok-344n.md (S = 86.0067 → 86.01);
// the answers are laid out so the counts can be checked by hand: the first N
// respondents of an organisation answer «Да» to a question, the rest «Нет».
// Run: node packages/cli/examples/nok/make-examples.mjs
import { writeFileSync } from 'node:fs';

const here = new URL('.', import.meta.url);
const names = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

const worked = {
  stands: { required: names('stand-', 10), present: names('stand-', 9) },
  site: { required: names('site-', 50), present: names('site-', 45) },
  remote_channels: ['phone', 'email', 'faq', 'quality-opinion'],
  comfort_conditions: ['rest-area', 'navigation', 'drinking-water', 'sanitary-rooms'],
  accessible_premises: ['ramps', 'parking'],
  accessibility_conditions: ['braille', 'trained-staff', 'remote-or-home'],
};
const organisations = [
  {
    id: 'school-1',
    name: 'Школа № 1',
    municipality: 'North',
    type: 'school',
    recipients: 450,
    audit: worked,
  },
  {
    id: 'school-2',
    name: 'Школа № 2',
    municipality: 'North',
    type: 'school',
    recipients: 420,
    audit: { ...worked, accessible_premises: [] },
  },
  {
    id: 'kindergarten-3',
    name: 'Детский сад «Ромашка»',
    municipality: 'South',
    type: 'kindergarten',
    recipients: 90,
    audit: {
      stands: { required: names('stand-', 8), present: names('stand-', 8) },
      site: { required: names('site-', 40), present: names('site-', 30) },
      remote_channels: ['phone', 'email', 'electronic-service', 'faq', 'quality-opinion'],
      comfort_conditions: [
        'navigation',
        'drinking-water',
        'sanitary-rooms',
        'rest-area',
        'sanitary-condition',
      ],
      accessible_premises: ['ramps', 'parking', 'wheelchairs'],
      accessibility_conditions: ['braille', 'trained-staff'],
    },
  },
];

const lists = [
  'remote_channels',
  'comfort_conditions',
  'accessible_premises',
  'accessibility_conditions',
];
const wide = [
  [
    'organisation',
    'name',
    'municipality',
    'type',
    'recipients',
    'stands_required',
    'stands_present',
    'site_required',
    'site_present',
    ...lists,
  ].join(';'),
  ...organisations.map((o) =>
    [
      o.id,
      o.name,
      o.municipality,
      o.type,
      o.recipients,
      o.audit.stands.required.join('|'),
      o.audit.stands.present.join('|'),
      o.audit.site.required.join('|'),
      o.audit.site.present.join('|'),
      ...lists.map((l) => o.audit[l].join('|')),
    ].join(';'),
  ),
];
writeFileSync(new URL('audit.csv', here), `${wide.join('\n')}\n`);

const long = ['organisation;name;municipality;type;recipients;list;item;present'];
for (const o of organisations) {
  let first = true;
  const meta = () => {
    const m = first ? [o.name, o.municipality, o.type, o.recipients] : ['', '', '', ''];
    first = false;
    return m;
  };
  for (const side of ['stands', 'site']) {
    for (const item of o.audit[side].required) {
      long.push(
        [o.id, ...meta(), side, item, o.audit[side].present.includes(item) ? 'да' : 'нет'].join(
          ';',
        ),
      );
    }
  }
  for (const l of lists)
    for (const item of o.audit[l]) long.push([o.id, ...meta(), l, item, 'да'].join(';'));
}
writeFileSync(new URL('audit-long.csv', here), `${long.join('\n')}\n`);

// Counts per organisation: the worked example for both schools, a small kindergarten.
const workedCounts = {
  n: 200,
  q1: 150,
  q2: 141,
  q3: 120,
  q4: 108,
  q5: 190,
  q6: 8,
  q7: 6,
  q8: 196,
  q9: 194,
  q10: 90,
  q11: 87,
  q12: 184,
  q13: 188,
  q14: 186,
};
const counts = {
  'school-1': workedCounts,
  'school-2': workedCounts,
  'kindergarten-3': {
    n: 40,
    q1: 30,
    q2: 28,
    q3: 25,
    q4: 20,
    q5: 38,
    q6: 2,
    q7: 2,
    q8: 40,
    q9: 39,
    q10: 10,
    q11: 10,
    q12: 36,
    q13: 37,
    q14: 37,
  },
};
const filters = { q2: 'q1', q4: 'q3', q7: 'q6', q11: 'q10' };
const questions = Array.from({ length: 14 }, (_, i) => `q${i + 1}`);
const rows = [['organisation', ...questions, 'q15'].join(';')];
for (const [id, c] of Object.entries(counts)) {
  for (let i = 0; i < c.n; i++) {
    const cells = questions.map((q) => {
      const filter = filters[q];
      if (filter !== undefined && i >= c[filter]) return ''; // not asked
      return i < c[q] ? 'Да' : 'Нет';
    });
    rows.push([id, ...cells, ''].join(';'));
  }
}
writeFileSync(new URL('answers.csv', here), `${rows.join('\n')}\n`);
