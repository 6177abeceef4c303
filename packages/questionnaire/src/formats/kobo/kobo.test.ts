import { describe, expect, it } from 'vitest';
import { readResponsesSync } from '../../read-responses.js';
import { deepFreeze } from '../../../test/sample-questionnaire.js';
import { fromKoboAsset, koboColumnMap, koboExportColumns } from './index.js';

// Shaped like kobotoolbox/formpack fixtures (formats.md §1.2): labels aligned with translations,
// select rows with select_from_list_name, boolean required.
const asset = deepFreeze({
  survey: [
    { type: 'begin_group', name: 'service', label: ['Service', 'Paslauga'], $kuid: 'k1' },
    {
      type: 'select_multiple',
      select_from_list_name: 'topics',
      name: 'topics',
      label: ['Topics', 'Temos'],
      required: true,
    },
    { type: 'begin_group', name: 'grid', appearance: 'table-list', label: ['Rate', 'Įvertinkite'] },
    {
      type: 'select_one',
      select_from_list_name: 'likert',
      $autoname: 'staff',
      label: ['Staff', 'Darbuotojai'],
    },
    { type: 'end_group' },
    { type: 'end_group' },
    { type: 'note', name: 'thanks', label: ['Thanks', 'Ačiū'] },
  ],
  choices: [
    { list_name: 'topics', name: 'food', label: ['Food', 'Maistas'] },
    { list_name: 'topics', name: 'rooms', label: ['Rooms', 'Patalpos'] },
    ...[1, 2, 3, 4, 5].map((n) => ({
      list_name: 'likert',
      name: String(n),
      label: [String(n), String(n)],
    })),
  ],
  settings: { id_string: 'school', version: 'v3', default_language: 'English (en)' },
  translations: ['English (en)', 'Lietuvių (lt)'],
});

describe('fromKoboAsset', () => {
  const result = fromKoboAsset(asset);

  it('imports through the XLSForm importer, with texts per translation', () => {
    expect(result.questionnaire).toMatchObject({
      id: 'school',
      version: 'v3',
      locales: ['en', 'lt'],
    });
    const [topics, grid] = result.questionnaire?.sections[0]?.questions ?? [];
    expect(topics).toMatchObject({
      kind: 'multi',
      required: true,
      text: { en: 'Topics', lt: 'Temos' },
    });
    expect(grid).toMatchObject({
      kind: 'matrix',
      rows: [{ id: 'staff', text: { en: 'Staff', lt: 'Darbuotojai' } }],
    });
    expect(result.issues.map((i) => [i.code, i.row])).toEqual([['unsupported-type', 8]]);
  });

  it('maps the export columns of the asset (group/question, group_sep /)', () => {
    expect(result.columns).toEqual({ 'service/topics': 'topics', 'service/grid/staff': 'staff' });
  });

  it('lets readResponses read a Kobo export with 0/1 columns', () => {
    const q = result.questionnaire!;
    const csv =
      'service/topics,service/topics/food,service/topics/rooms,service/grid/staff\nfood rooms,1,1,4\nrooms,0,1,2\n';
    const set = readResponsesSync(q, csv, { columns: result.columns });
    expect(set.issues).toEqual([]);
    expect(set.counts.accepted).toBe(2);
  });
});

describe('koboExportColumns and koboColumnMap', () => {
  it('name sections and matrices as groups, and list 0/1 columns of a multi', () => {
    const q = fromKoboAsset(asset).questionnaire!;
    expect(koboExportColumns(q).map((c) => c.header)).toEqual([
      'service/topics',
      'service/topics/food',
      'service/topics/rooms',
      'service/grid/staff',
    ]);
    expect(koboColumnMap(q, { groupSeparator: '-' })).toEqual({
      'service-topics': 'topics',
      'service-grid-staff': 'staff',
    });
  });
});
