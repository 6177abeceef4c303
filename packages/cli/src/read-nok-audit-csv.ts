import type { Issue } from '@edu-quality/core';
import type { NokAudit, NokOrganisation, NokSector } from '@edu-quality/index';
import { parseCsv } from './internal/csv.js';

/**
 * Where a value of an audit CSV was read from.
 *
 * @example
 * ```ts
 * const cell: NokAuditCell = { row: 2, column: 7, field: 'remote_channels' };
 * cell.row; // => 2
 * ```
 */
export interface NokAuditCell {
  /** The 1-based row; the header is row 1. */
  readonly row: number;
  /** The 1-based column. */
  readonly column: number;
  /** The header of the column. */
  readonly field: string;
}

/**
 * The result of {@link readNokAuditCsv}.
 *
 * @example
 * ```ts
 * const r: NokAuditCsvResult = readNokAuditCsv('organisation;list;item;present\nschool-1;stands;charter;да\n');
 * r.layout; // => 'long'
 * r.organisations.map((o) => o.id); // => ['school-1']
 * r.issues; // => []
 * ```
 */
export interface NokAuditCsvResult {
  /** `wide`: one row per organisation; `long`: one row per organisation × item. */
  readonly layout: 'wide' | 'long';
  /** The organisations, in the order first met, ready for `nokAssessment`. */
  readonly organisations: NokOrganisation[];
  /** Problems found; an organisation with an error is still listed, without the bad value. */
  readonly issues: Issue[];
  /**
   * The cell of each value, keyed by its path in the `nokAssessment` input
   * joined with dots (`organisations.0.audit.remoteChannels.2`), to trace an
   * issue of `nokAssessment` back to the file.
   */
  readonly cells: ReadonlyMap<string, NokAuditCell>;
}

/** The audit lists by column name (wide layout) or `list` value (long layout). */
const LISTS = {
  stands: 'stands',
  site: 'site',
  remote_channels: 'remoteChannels',
  comfort_conditions: 'comfortConditions',
  accessible_premises: 'accessiblePremises',
  accessibility_conditions: 'accessibilityConditions',
} as const;

type ListKey = (typeof LISTS)[keyof typeof LISTS];

const WIDE_LISTS: Readonly<Record<string, { list: ListKey; part?: 'required' | 'present' }>> = {
  stands_required: { list: 'stands', part: 'required' },
  stands_present: { list: 'stands', part: 'present' },
  site_required: { list: 'site', part: 'required' },
  site_present: { list: 'site', part: 'present' },
  remote_channels: { list: 'remoteChannels' },
  comfort_conditions: { list: 'comfortConditions' },
  accessible_premises: { list: 'accessiblePremises' },
  accessibility_conditions: { list: 'accessibilityConditions' },
};

const META = [
  'organisation',
  'name',
  'municipality',
  'founder',
  'type',
  'sector',
  'recipients',
] as const;
const SECTORS: readonly NokSector[] = ['education', 'culture', 'health', 'social'];
const YES = new Set(['yes', 'y', '1', 'true', 'да', 'д', 'taip', '+', 'x']);
const NO = new Set(['no', 'n', '0', 'false', 'нет', 'н', 'ne', '-', '']);

function norm(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

interface Draft {
  id: string;
  row: number;
  meta: Partial<Record<(typeof META)[number], string>>;
  stands: { required: string[]; present: string[] };
  site: { required: string[]; present: string[] };
  remoteChannels: string[];
  comfortConditions: string[];
  accessiblePremises: string[];
  accessibilityConditions: string[];
}

/**
 * Reads the expert audits of a NOK 344n assessment from a CSV file: every
 * item listed by name, so the result can say what is missing.
 *
 * @remarks
 * Two layouts, told apart by the header (names are case-insensitive; `-`,
 * `_` and spaces are the same; the delimiter `,` `;` or tab is detected):
 *
 * - **wide** — one row per organisation: `organisation` (the id, as in the
 *   survey's `organisation` column), optional `name`, `municipality`,
 *   `founder`, `type`, `sector` (`education` by default, `culture`,
 *   `health`, `social`) and `recipients`, and one column per list whose
 *   cell holds the item names separated by `|`: `stands_required`,
 *   `stands_present`, `site_required`, `site_present`, `remote_channels`,
 *   `comfort_conditions`, `accessible_premises`, `accessibility_conditions`.
 * - **long** — one row per organisation × item: `organisation`, `list` (one
 *   of `stands`, `site`, `remote_channels`, `comfort_conditions`,
 *   `accessible_premises`, `accessibility_conditions`), `item` and `present`
 *   (`yes`/`no`, `1`/`0`, `да`/`нет`). A `stands` or `site` row is a required
 *   material, present or not; a row of another list counts only when
 *   present. The optional organisation columns may be on any of its rows.
 *
 * The ids of remote channels, comfort conditions and accessibility items are
 * those of the sector's catalogues (`NOK_REMOTE_CHANNELS` …);
 * `nokAssessment` reports an unknown one, and {@link NokAuditCsvResult.cells}
 * traces it back to its row and column. Issues carry the row (the header is
 * row 1), the column and the header.
 *
 * @param text - the CSV text
 * @returns the organisations, the issues and where each value was read
 *
 * @example
 * ```ts
 * const wide = 'organisation;type;stands_required;stands_present;site_required;site_present;remote_channels;comfort_conditions;accessible_premises;accessibility_conditions\n' +
 *   'school-1;school;charter|licence;charter;charter;charter;phone|email;navigation;ramps;braille\n';
 * const r = readNokAuditCsv(wide);
 * r.layout; // => 'wide'
 * r.organisations[0]?.audit.stands; // => { required: ['charter', 'licence'], present: ['charter'] }
 * r.cells.get('organisations.0.audit.remoteChannels.1'); // => { row: 2, column: 7, field: 'remote_channels' }
 * const long = 'organisation,list,item,present\nschool-1,stands,charter,yes\nschool-1,stands,licence,no\nschool-1,remote_channels,phone,да\nschool-1,remote_channels,email,maybe\n';
 * readNokAuditCsv(long).organisations[0]?.audit.stands; // => { required: ['charter', 'licence'], present: ['charter'] }
 * readNokAuditCsv(long).issues[0]; // => { code: 'nok-audit-invalid-present', row: 5, column: 4, field: 'present' }
 * ```
 */
export function readNokAuditCsv(text: string): NokAuditCsvResult {
  const { rows } = parseCsv(text);
  const issues: Issue[] = [];
  const cells = new Map<string, NokAuditCell>();
  const header = (rows[0] ?? []).map(norm);
  const rawHeader = rows[0] ?? [];
  const col = (name: string): number => header.indexOf(name);
  const isLong = col('list') >= 0 && col('item') >= 0;
  const layout = isLong ? 'long' : 'wide';
  if (col('organisation') < 0) {
    issues.push({
      code: 'nok-audit-missing-column',
      message: 'the header has no organisation column (the organisation id)',
      row: 1,
    });
    return { layout, organisations: [], issues, cells };
  }
  const known = new Set<string>([
    ...META,
    ...(isLong ? ['list', 'item', 'present'] : Object.keys(WIDE_LISTS)),
  ]);
  header.forEach((h, i) => {
    if (!known.has(h) && h !== '') {
      issues.push({
        code: 'nok-audit-unknown-column',
        message: `column "${rawHeader[i] ?? h}" is not part of the audit format; it is ignored`,
        row: 1,
        column: i + 1,
        field: rawHeader[i] ?? h,
      });
    }
  });
  if (isLong && col('present') < 0) {
    issues.push({
      code: 'nok-audit-missing-column',
      message: 'the long layout needs a present column (yes/no)',
      row: 1,
    });
  }
  const drafts = new Map<string, Draft>();
  const order: Draft[] = [];
  const cellOf = (row: number, column: number): NokAuditCell => ({
    row,
    column: column + 1,
    field: rawHeader[column] ?? '',
  });
  const draftFor = (id: string, row: number): { draft: Draft; index: number; fresh: boolean } => {
    let draft = drafts.get(id);
    const fresh = draft === undefined;
    if (draft === undefined) {
      draft = {
        id,
        row,
        meta: {},
        stands: { required: [], present: [] },
        site: { required: [], present: [] },
        remoteChannels: [],
        comfortConditions: [],
        accessiblePremises: [],
        accessibilityConditions: [],
      };
      drafts.set(id, draft);
      order.push(draft);
    }
    return { draft, index: order.indexOf(draft), fresh };
  };
  const add = (
    index: number,
    draft: Draft,
    list: ListKey,
    part: 'required' | 'present' | undefined,
    item: string,
    cell: NokAuditCell,
  ): void => {
    const target =
      list === 'stands' || list === 'site' ? draft[list][part ?? 'required'] : draft[list];
    const path =
      list === 'stands' || list === 'site'
        ? `organisations.${index}.audit.${list}.${part ?? 'required'}.${target.length}`
        : `organisations.${index}.audit.${list}.${target.length}`;
    target.push(item);
    cells.set(path, cell);
  };
  for (let r = 1; r < rows.length; r++) {
    const cellsOfRow = rows[r] ?? [];
    const rowNumber = r + 1;
    if (cellsOfRow.every((c) => c.trim() === '')) continue;
    const id = (cellsOfRow[col('organisation')] ?? '').trim();
    if (id === '') {
      issues.push({
        code: 'nok-audit-missing-organisation',
        message: 'the row names no organisation; it is skipped',
        ...cellOf(rowNumber, col('organisation')),
      });
      continue;
    }
    const { draft, index, fresh } = draftFor(id, rowNumber);
    if (!isLong && !fresh) {
      issues.push({
        code: 'nok-audit-duplicate-organisation',
        message: `organisation ${id} is on row ${draft.row} already; this row is skipped`,
        ...cellOf(rowNumber, col('organisation')),
      });
      continue;
    }
    if (fresh) cells.set(`organisations.${index}.id`, cellOf(rowNumber, col('organisation')));
    for (const key of META) {
      const c = col(key);
      const value = c < 0 ? '' : (cellsOfRow[c] ?? '').trim();
      if (key === 'organisation' || value === '') continue;
      const before = draft.meta[key];
      if (before !== undefined && before !== value) {
        issues.push({
          code: 'nok-audit-conflicting-value',
          message: `${id}: ${key} is "${before}" on an earlier row`,
          ...cellOf(rowNumber, c),
        });
        continue;
      }
      if (key === 'sector' && !(SECTORS as readonly string[]).includes(value)) {
        issues.push({
          code: 'nok-audit-invalid-sector',
          message: `${id}: sector must be one of ${SECTORS.join(', ')}`,
          ...cellOf(rowNumber, c),
        });
        continue;
      }
      if (key === 'recipients' && !/^\d+$/.test(value)) {
        issues.push({
          code: 'nok-audit-invalid-recipients',
          message: `${id}: recipients must be a whole number`,
          ...cellOf(rowNumber, c),
        });
        continue;
      }
      draft.meta[key] = value;
      cells.set(`organisations.${index}.${key}`, cellOf(rowNumber, c));
    }
    if (isLong) {
      const listName = norm(cellsOfRow[col('list')] ?? '');
      const list = (LISTS as Readonly<Record<string, ListKey>>)[listName];
      const item = (cellsOfRow[col('item')] ?? '').trim();
      const presentRaw = (cellsOfRow[col('present')] ?? '').trim().toLowerCase();
      if (list === undefined) {
        issues.push({
          code: 'nok-audit-unknown-list',
          message: `${id}: list must be one of ${Object.keys(LISTS).join(', ')}`,
          ...cellOf(rowNumber, col('list')),
        });
        continue;
      }
      if (item === '') {
        issues.push({
          code: 'nok-audit-missing-item',
          message: `${id}: the row names no item`,
          ...cellOf(rowNumber, col('item')),
        });
        continue;
      }
      const present = YES.has(presentRaw) ? true : NO.has(presentRaw) ? false : undefined;
      if (present === undefined) {
        issues.push({
          code: 'nok-audit-invalid-present',
          message: `${id}: present must be yes or no (1/0, да/нет)`,
          ...cellOf(rowNumber, col('present')),
        });
        continue;
      }
      const where = cellOf(rowNumber, col('item'));
      if (list === 'stands' || list === 'site') {
        add(index, draft, list, 'required', item, where);
        if (present) add(index, draft, list, 'present', item, where);
      } else if (present) {
        add(index, draft, list, undefined, item, where);
      }
    } else {
      for (const [name, { list, part }] of Object.entries(WIDE_LISTS)) {
        const c = col(name);
        if (c < 0) continue;
        for (const item of (cellsOfRow[c] ?? '').split(/[|\n]/)) {
          const trimmed = item.trim();
          if (trimmed !== '') add(index, draft, list, part, trimmed, cellOf(rowNumber, c));
        }
      }
    }
  }
  const organisations = order.map((d): NokOrganisation => {
    const audit: NokAudit = {
      stands: d.stands,
      site: d.site,
      remoteChannels: d.remoteChannels,
      comfortConditions: d.comfortConditions,
      accessiblePremises: d.accessiblePremises,
      accessibilityConditions: d.accessibilityConditions,
    };
    const { name, municipality, founder, type, sector, recipients } = d.meta;
    return {
      id: d.id,
      audit,
      ...(name === undefined ? {} : { name }),
      ...(municipality === undefined ? {} : { municipality }),
      ...(founder === undefined ? {} : { founder }),
      ...(type === undefined ? {} : { type }),
      ...(sector === undefined ? {} : { sector: sector as NokSector }),
      ...(recipients === undefined ? {} : { recipients: Number(recipients) }),
    };
  });
  return { layout, organisations, issues, cells };
}
