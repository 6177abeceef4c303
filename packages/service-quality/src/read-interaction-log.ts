import { checkOptions, EduQualityError, isSafeKey, type Issue } from '@edu-quality/core';
import {
  EVENT_NAMES,
  INTERACTION_CHANNELS,
  INTERACTION_KINDS,
  type EventName,
  type InteractionCase,
  type InteractionChannel,
  type InteractionKind,
} from './interaction-case.js';
import { detectDelimiter, parseCsv } from './internal/csv.js';
import { parseTimestamp } from './internal/timestamp.js';

/**
 * The fields of an interaction log row: the case's scalar fields, one per
 * event of {@link EVENT_NAMES}, and `pauseFrom`/`pauseTo` for the
 * clarification pause.
 *
 * @example
 * ```ts
 * LOG_FIELDS.includes('answered'); // => true
 * ```
 */
export const LOG_FIELDS: readonly LogField[] = [
  'id',
  'kind',
  'institution',
  'service',
  'channel',
  'replyChannel',
  'preferredChannel',
  ...EVENT_NAMES,
  'pauseFrom',
  'pauseTo',
  'confirmationRequested',
  'answerSeconds',
  'rings',
  'abandoned',
  'turnedAway',
];

/** One of {@link LOG_FIELDS}. */
export type LogField =
  | 'id'
  | 'kind'
  | 'institution'
  | 'service'
  | 'channel'
  | 'replyChannel'
  | 'preferredChannel'
  | EventName
  | 'pauseFrom'
  | 'pauseTo'
  | 'confirmationRequested'
  | 'answerSeconds'
  | 'rings'
  | 'abandoned'
  | 'turnedAway';

/** Options of {@link readInteractionLog}. */
export interface ReadInteractionLogOptions {
  /** `csv` or `json`; by default JSON when the text starts with `[` or `{`, else CSV. */
  readonly format?: 'csv' | 'json';
  /** The CSV delimiter; by default `;` or `,`, whichever the header row holds more of. */
  readonly delimiter?: ';' | ',';
  /** The column (or JSON key) of a field when it is not the field's own name, for example `{ id: 'Reg. No.' }`. */
  readonly columns?: Readonly<Partial<Record<LogField, string>>>;
}

/** The result of {@link readInteractionLog}. */
export interface InteractionLog {
  /** The accepted cases, in the order read. */
  readonly cases: readonly InteractionCase[];
  /** Every problem found, by row and column (CSV) or path (JSON). Messages name the field, never the value. */
  readonly issues: readonly Issue[];
  /** Rows read (blank lines not counted), accepted and rejected: `accepted + rejected = read`. */
  readonly counts: { readonly read: number; readonly accepted: number; readonly rejected: number };
}

const REQUIRED: readonly LogField[] = ['id', 'kind', 'institution', 'channel'];
const TRUE = new Set(['true', '1', 'yes', 'y', 'taip', 'да']);
const FALSE = new Set(['false', '0', 'no', 'n', 'ne', 'нет']);

interface Where {
  readonly row?: number;
  readonly column?: number;
  readonly path?: readonly (string | number)[];
}

type Raw = (field: LogField) => { readonly value: string | undefined; readonly where: Where };

function issueAt(where: Where, field: string, code: string, message: string): Issue {
  return {
    code,
    message: `${field}: ${message}`,
    field,
    ...(where.row === undefined ? {} : { row: where.row }),
    ...(where.column === undefined ? {} : { column: where.column }),
    ...(where.path === undefined ? {} : { path: where.path }),
  };
}

function buildCase(raw: Raw, issues: Issue[]): InteractionCase | undefined {
  const before = issues.length;
  const text = (field: LogField): string | undefined => {
    const v = raw(field).value?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const fail = (field: LogField, code: string, message: string): void => {
    issues.push(issueAt(raw(field).where, field, code, message));
  };
  for (const field of REQUIRED) {
    if (text(field) === undefined) fail(field, 'missing-value', 'is required');
  }
  const oneOf = <T extends string>(field: LogField, allowed: readonly T[]): T | undefined => {
    const v = text(field);
    if (v === undefined) return undefined;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    fail(field, 'invalid-value', `must be one of ${allowed.join(', ')}`);
    return undefined;
  };
  const kind = oneOf<InteractionKind>('kind', INTERACTION_KINDS);
  const channel = oneOf<InteractionChannel>('channel', INTERACTION_CHANNELS);
  const replyChannel = oneOf<InteractionChannel>('replyChannel', INTERACTION_CHANNELS);
  const preferredChannel = oneOf<InteractionChannel>('preferredChannel', INTERACTION_CHANNELS);
  const events: Partial<Record<EventName, string>> = {};
  for (const name of EVENT_NAMES) {
    const v = text(name);
    if (v === undefined) continue;
    if (parseTimestamp(v) === undefined) {
      fail(
        name,
        'invalid-timestamp',
        'must be YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss] or an ISO instant with an offset',
      );
    } else events[name] = v;
  }
  const date = (field: LogField): string | undefined => {
    const v = text(field);
    if (v === undefined) return undefined;
    const parsed = parseTimestamp(v);
    if (parsed === undefined || parsed.hasTime) {
      fail(field, 'invalid-date', 'must be a date written YYYY-MM-DD');
      return undefined;
    }
    return parsed.date;
  };
  const pauseFrom = date('pauseFrom');
  const pauseTo = date('pauseTo');
  if ((text('pauseFrom') === undefined) !== (text('pauseTo') === undefined)) {
    fail(
      text('pauseFrom') === undefined ? 'pauseFrom' : 'pauseTo',
      'invalid-pause',
      'a pause needs both pauseFrom and pauseTo',
    );
  } else if (pauseFrom !== undefined && pauseTo !== undefined && pauseTo < pauseFrom) {
    fail('pauseTo', 'invalid-pause', 'must not be before pauseFrom');
  }
  const bool = (field: LogField): boolean | undefined => {
    const v = text(field)?.toLowerCase();
    if (v === undefined) return undefined;
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    fail(field, 'invalid-boolean', 'must be true or false (also 1/0, yes/no, taip/ne, да/нет)');
    return undefined;
  };
  const number = (field: LogField): number | undefined => {
    const v = text(field);
    if (v === undefined) return undefined;
    const n = /^\d+(?:[.,]\d+)?$/.test(v) ? Number(v.replace(',', '.')) : NaN;
    if (!Number.isFinite(n)) {
      fail(field, 'invalid-number', 'must be a number of 0 or more');
      return undefined;
    }
    return n;
  };
  const confirmationRequested = bool('confirmationRequested');
  const answerSeconds = number('answerSeconds');
  const rings = number('rings');
  const abandoned = bool('abandoned');
  const turnedAway = bool('turnedAway');
  const id = text('id');
  const institution = text('institution');
  if (
    issues.length > before ||
    id === undefined ||
    institution === undefined ||
    kind === undefined ||
    channel === undefined
  ) {
    return undefined;
  }
  const service = text('service');
  return {
    id,
    kind,
    institution,
    channel,
    events,
    ...(service === undefined ? {} : { service }),
    ...(replyChannel === undefined ? {} : { replyChannel }),
    ...(preferredChannel === undefined ? {} : { preferredChannel }),
    ...(pauseFrom === undefined || pauseTo === undefined
      ? {}
      : { pause: { from: pauseFrom, to: pauseTo } }),
    ...(confirmationRequested === undefined ? {} : { confirmationRequested }),
    ...(answerSeconds === undefined ? {} : { answerSeconds }),
    ...(rings === undefined ? {} : { rings }),
    ...(abandoned === undefined ? {} : { abandoned }),
    ...(turnedAway === undefined ? {} : { turnedAway }),
  };
}

function columnName(field: LogField, options: ReadInteractionLogOptions): string {
  return options.columns?.[field] ?? field;
}

function readCsv(text: string, options: ReadInteractionLogOptions): InteractionLog {
  const issues: Issue[] = [];
  const { records, unclosed } = parseCsv(text, options.delimiter ?? detectDelimiter(text));
  const [header, ...rows] = records;
  if (header === undefined)
    return { cases: [], issues, counts: { read: 0, accepted: 0, rejected: 0 } };
  const byName = new Map<string, number>();
  header.fields.forEach((name, i) => {
    const key = name.trim();
    if (byName.has(key)) {
      issues.push({
        code: 'duplicate-column',
        message: 'the column appears twice; the first is read',
        row: 1,
        column: i + 1,
        field: key,
      });
    } else byName.set(key, i);
  });
  const index = new Map<LogField, number>();
  for (const field of LOG_FIELDS) {
    const i = byName.get(columnName(field, options));
    if (i !== undefined) index.set(field, i);
  }
  const known = new Set([...index.values()]);
  header.fields.forEach((name, i) => {
    if (!known.has(i) && byName.get(name.trim()) === i) {
      issues.push({
        code: 'unknown-column',
        message: 'the column is not a log field and is ignored',
        row: 1,
        column: i + 1,
        field: name.trim(),
      });
    }
  });
  const missing = REQUIRED.filter((f) => !index.has(f));
  for (const f of missing) {
    issues.push({
      code: 'missing-column',
      message: `${columnName(f, options)}: the required column is missing; no row can be read`,
      row: 1,
      field: columnName(f, options),
    });
  }
  const cases: InteractionCase[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  rows.forEach((record, r) => {
    const last = unclosed && r === rows.length - 1;
    if (missing.length > 0) {
      rejected++;
      return;
    }
    if (record.fields.length !== header.fields.length || last) {
      issues.push({
        code: last ? 'unclosed-quote' : 'field-count',
        message: last
          ? 'a quoted field is not closed before the end of the file'
          : `the row has ${record.fields.length} fields, the header ${header.fields.length}`,
        row: record.row,
      });
      rejected++;
      return;
    }
    const raw: Raw = (field) => {
      const i = index.get(field);
      return {
        value: i === undefined ? undefined : record.fields[i],
        where: { row: record.row, ...(i === undefined ? {} : { column: i + 1 }) },
      };
    };
    const c = buildCase(raw, issues);
    if (c === undefined) {
      rejected++;
    } else if (seen.has(c.id)) {
      issues.push(
        issueAt(
          raw('id').where,
          'id',
          'duplicate-id',
          'the case id was already read in an earlier row; this row is rejected',
        ),
      );
      rejected++;
    } else {
      seen.add(c.id);
      cases.push(c);
    }
  });
  return { cases, issues, counts: { read: rows.length, accepted: cases.length, rejected } };
}

function readJson(
  records: readonly unknown[],
  options: ReadInteractionLogOptions,
  prefix: readonly (string | number)[],
): InteractionLog {
  const issues: Issue[] = [];
  const cases: InteractionCase[] = [];
  const seen = new Set<string>();
  let rejected = 0;
  const fieldKeys = new Set(LOG_FIELDS.map((f) => columnName(f, options)));
  records.forEach((record, r) => {
    const path = [...prefix, r];
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      issues.push({ code: 'invalid-record', message: 'a log record must be an object', path });
      rejected++;
      return;
    }
    const obj = record as Record<string, unknown>;
    const nested = obj.events;
    const events =
      typeof nested === 'object' && nested !== null && !Array.isArray(nested)
        ? (nested as Record<string, unknown>)
        : undefined;
    let bad = false;
    for (const key of Object.keys(obj)) {
      if (key === 'events' && events !== undefined) continue;
      if (!isSafeKey(key) || !fieldKeys.has(key)) {
        issues.push({
          code: 'unknown-field',
          message: 'the key is not a log field',
          path: [...path, key],
          field: key,
        });
        bad = true;
      }
    }
    for (const key of Object.keys(events ?? {})) {
      if (!(EVENT_NAMES as readonly string[]).includes(key)) {
        issues.push({
          code: 'unknown-field',
          message: 'the key is not an event name',
          path: [...path, 'events', key],
          field: key,
        });
        bad = true;
      }
    }
    const raw: Raw = (field) => {
      const key = columnName(field, options);
      const isEvent = (EVENT_NAMES as readonly string[]).includes(field);
      const fromEvents = isEvent && events !== undefined && Object.hasOwn(events, key);
      const value = fromEvents ? events[key] : Object.hasOwn(obj, key) ? obj[key] : undefined;
      const where = { path: fromEvents ? [...path, 'events', key] : [...path, key] };
      if (value === undefined || value === null) return { value: undefined, where };
      if (typeof value === 'string') return { value, where };
      if (typeof value === 'number' || typeof value === 'boolean')
        return { value: String(value), where };
      return { value: '\u0000', where };
    };
    const c = buildCase(raw, issues);
    if (c === undefined || bad) {
      rejected++;
    } else if (seen.has(c.id)) {
      issues.push(
        issueAt(
          raw('id').where,
          'id',
          'duplicate-id',
          'the case id was already read in an earlier record; this record is rejected',
        ),
      );
      rejected++;
    } else {
      seen.add(c.id);
      cases.push(c);
    }
  });
  return { cases, issues, counts: { read: records.length, accepted: cases.length, rejected } };
}

/**
 * Reads an interaction log (a request register, a complaints log, queue and
 * call records) from CSV or JSON into typed cases, with an issue for every
 * problem and nothing dropped silently.
 *
 * @remarks
 * CSV: a header row of field names ({@link LOG_FIELDS}, or your own names
 * mapped with `options.columns`), `;` or `,` as delimiter, RFC 4180 quotes,
 * an optional UTF-8 BOM, CRLF or LF. JSON: an array of flat records, or
 * `{ "cases": [...] }`; events may also sit in a nested `events` object; an
 * array already parsed may be passed as is. Timestamps are checked for shape
 * ({@link Timestamp}) but placed in the institution's time zone only when
 * evaluated. A row with any problem is rejected whole, and counted:
 * `accepted + rejected = read`. Issues carry the row and column (CSV, header =
 * row 1) or the path (JSON) and name the field, never its content, so
 * personal data in a register cannot leak into logs. Unknown CSV columns are
 * reported once and ignored; unknown JSON keys reject the record (strict, as
 * the schemas are). A second row with the same id is rejected.
 *
 * @param source - the CSV or JSON text, or an array of records
 * @param options - the format, the delimiter and column names
 * @returns the cases, the issues and the row counts
 * @throws {@link @edu-quality/core!EduQualityError} `invalid-input` when JSON text does not parse or is not an array of records; `invalid-argument` for an unknown option key or value (named with its path)
 *
 * @example
 * ```ts
 * const csv = '\uFEFFid;kind;institution;channel;received;answered\nR1;request;school-1;email;2026-04-03T23:30;2026-04-20\nR2;letter;school-1;post;2026-04-03;\n';
 * const log = readInteractionLog(csv);
 * log.counts; // => { read: 2, accepted: 1, rejected: 1 }
 * log.issues[0]; // => { code: 'invalid-value', row: 3, column: 2, field: 'kind' }
 * log.cases[0].events; // => { received: '2026-04-03T23:30', answered: '2026-04-20' }
 * readInteractionLog('[{"id": 1}'); // throws
 * ```
 */
export function readInteractionLog(
  source: string | readonly unknown[],
  options: ReadInteractionLogOptions = {},
): InteractionLog {
  checkOptions('readInteractionLog', options, {
    format: { type: 'literal', values: ['csv', 'json'] },
    delimiter: { type: 'literal', values: [';', ','] },
    columns: { type: 'record', value: { type: 'string' } },
  });
  if (typeof source !== 'string') return readJson(source, options, []);
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const format = options.format ?? (/^\s*[[{]/.test(text) ? 'json' : 'csv');
  if (format === 'csv') return readCsv(text, options);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parser's message quotes the text around the error; leave it out, it may hold personal data.
    throw new EduQualityError('invalid-input', 'readInteractionLog: the JSON text does not parse', {
      issues: [{ code: 'invalid-json', message: 'the JSON text does not parse' }],
    });
  }
  if (Array.isArray(parsed)) return readJson(parsed, options, []);
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    Array.isArray((parsed as { cases?: unknown }).cases)
  ) {
    return readJson((parsed as { cases: unknown[] }).cases, options, ['cases']);
  }
  throw new EduQualityError(
    'invalid-input',
    'readInteractionLog: JSON must be an array of records or { "cases": [...] }',
    {
      issues: [
        { code: 'invalid-json', message: 'must be an array of records or { "cases": [...] }' },
      ],
    },
  );
}
