import { EduQualityError } from '@edu-quality/core';
import { readResponsesSync } from '@edu-quality/questionnaire';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../test/well-formed.js';
import { educationSatisfactionQuestionnaire as edu } from './education-satisfaction-questionnaire.js';
import { generateResponses } from './generate-responses.js';
import { nokEducationQuestionnaire as nok } from './nok-education-questionnaire.js';
import { responsesToCsv } from './responses-to-csv.js';

describe('responsesToCsv', () => {
  it('writes RFC 4180: a header, CRLF, quotes only where needed, quotes doubled', () => {
    const records = deepFreeze([
      { id: 'R1', q: 4, note: 'a,b', w: 1.5 },
      { id: 'R2', note: 'say "hi"\nbye', extra: 'x' },
    ]);
    expect(responsesToCsv(records)).toBe(
      'id,q,note,w,extra\r\nR1,4,"a,b",1.5,\r\nR2,,"say ""hi""\nbye",,x\r\n',
    );
    expect(
      responsesToCsv(records, { delimiter: ';', decimalSeparator: ',', lineEnding: '\n' }),
    ).toBe('id;q;note;w;extra\nR1;4;a,b;1,5;\nR2;;"say ""hi""\nbye";;x\n');
    expect(responsesToCsv([], {})).toBe('\r\n');
    expect(responsesToCsv([{ a: 1 }], { bom: true })).toBe('\uFEFFa\r\n1\r\n');
  });

  it('writes formula-like text verbatim (the CSV is data, not a spreadsheet)', () => {
    expect(responsesToCsv([{ t: '=SUM(A1)' }, { t: '+1' }, { t: '-' }, { t: '@x' }])).toBe(
      't\r\n=SUM(A1)\r\n+1\r\n-\r\n@x\r\n',
    );
  });

  it('orders columns by the questionnaire: leading keys, every item, then the rest', () => {
    const csv = responsesToCsv([{ id: 'R1', q14: 'yes', weight: 1, organisation: 'a' }], {
      questionnaire: nok,
    });
    const header = csv.split('\r\n')[0]?.split(',');
    expect(header).toEqual([
      'id',
      'organisation',
      ...Array.from({ length: 15 }, (_, i) => `q${i + 1}`),
      'weight',
    ]);
    expect(csv.split('\r\n')[1]).toBe('R1,a,,,,,,,,,,,,,,yes,,1');
  });

  it('writes labels in the chosen locale, "don\'t know" included, and multi answers joined', () => {
    const record = {
      id: 'R1',
      group: 'parent',
      institution: 'my-school',
      info_available: 9,
      overall: 5,
      recommend: 10,
    };
    const lt = responsesToCsv([record], {
      questionnaire: edu,
      labels: 'labels',
      delimiter: ';',
    }).split('\r\n')[1];
    expect(lt?.split(';').slice(0, 5)).toEqual([
      'R1',
      'Tėvai (globėjai, rūpintojai)',
      'my-school', // an unlisted code stays a code
      '', // service unanswered
      'Nežinau / negaliu įvertinti',
    ]);
    const ru = responsesToCsv([record], { questionnaire: edu, labels: 'labels', locale: 'ru' });
    expect(ru).toContain('Полностью удовлетворены,10');
    expect(responsesToCsv([{ m: ['a', 'b'] }])).toBe('m\r\na b\r\n');
    expect(responsesToCsv([{ m: ['a', 'b'] }], { multiSeparator: '|' })).toBe('m\r\na|b\r\n');
  });

  it('needs the questionnaire for labels', () => {
    let caught: unknown;
    try {
      responsesToCsv([{ a: 1 }], { labels: 'labels' });
    } catch (error) {
      caught = error;
    }
    expect(EduQualityError.isInstance(caught) && caught.code).toBe('invalid-argument');
  });

  it('round-trips generated data through readResponses, as codes and as Excel-style labels', () => {
    const records = generateResponses(edu, { n: 500, seed: 21, weights: true });
    // The writer's decimal mark is told to the reader: a weight such as 1.125
    // is otherwise ambiguous (1125 in en) and refused.
    const codes = readResponsesSync(edu, responsesToCsv(records, { questionnaire: edu }), {
      decimalMark: '.',
    });
    const labels = readResponsesSync(
      edu,
      responsesToCsv(records, {
        questionnaire: edu,
        labels: 'labels',
        delimiter: ';',
        decimalSeparator: ',',
        bom: true,
      }),
      { decimalMark: ',' },
    );
    for (const set of [codes, labels]) {
      expect(set.issues).toEqual([]);
      expect(set.counts.accepted).toBe(500);
      expect(set.ids).toEqual(records.map((r) => r.id));
      expect(Array.from(set.weights ?? [])).toEqual(records.map((r) => r.weight));
    }
    for (const id of ['overall', 'staff_politeness', 'recommend', 'imp_staff']) {
      const a = codes.columns.get(id);
      const b = labels.columns.get(id);
      expect(a?.kind).toBe('scale');
      expect(b).toEqual(a);
    }
  });
});
