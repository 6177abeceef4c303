import { EduQualityError, type Issue } from '@edu-quality/core';
import {
  listItems,
  type Questionnaire,
  type ReadResponsesOptions,
  type ResponseColumn,
  type ResponseCounts,
  type ResponseSet,
} from '@edu-quality/questionnaire';
import { renumberIssue, scanNokPart, type ScanSettings } from './internal/nok/csv-scan.js';
import { normalizeLabel, unite } from './internal/nok/option-index.js';
import {
  NOK_COUNT_KEYS,
  NOK_DEFAULT_QUESTION_MAP,
  NokSurveyAccumulator,
  addCountRow,
  type NokResponsesOptions,
} from './nok-survey.js';

/**
 * Bytes read on demand: the counter asks for them once, into memory of its
 * own, so a part of a large file is read from disk without a copy.
 *
 * @example
 * ```ts
 * const bytes = new TextEncoder().encode('organisation,q14\nschool-1,yes\n');
 * const source: NokByteSource = { byteLength: bytes.length, read: (into) => into.set(bytes) };
 * source.byteLength; // => 30
 * ```
 */
export interface NokByteSource {
  /** How many bytes there are. */
  readonly byteLength: number;
  /**
   * Fills `into`, which is exactly `byteLength` bytes long, with them; in
   * Node, for a part of a file, call `readSync(fd, into, done, into.length -
   * done, start + done)` until `done` reaches `into.length` (one call may read
   * fewer bytes). `into` comes zeroed: bytes left unfilled are counted as zero bytes (so
   * fill it whole, or throw: the error is passed on to the caller).
   */
  read(into: Uint8Array): void;
}

/** Options of {@link countNokCsv}: where the answers are, and how the CSV is read. */
export interface NokCsvOptions extends NokResponsesOptions {
  /** The CSV delimiter. Default: detected from the header line, as `readResponses` does. */
  readonly delimiter?: ReadResponsesOptions['delimiter'];
  /** Header → item id (`null` ignores the column), as in `readResponses`. */
  readonly columns?: ReadResponsesOptions['columns'];
  /** Explicit label → code mappings, as in `readResponses`. */
  readonly labels?: ReadResponsesOptions['labels'];
  /** What to do with a row that holds an invalid answer. Default `reject-row`. */
  readonly onInvalid?: ReadResponsesOptions['onInvalid'];
  /** The most issues listed; further ones are counted in a last `too-many-issues` issue. Default 1000. */
  readonly maxIssues?: number;
}

/** Options of {@link countNokCsvPart}: a part of a file cut at a line feed. */
export interface NokCsvPartOptions extends NokCsvOptions {
  /**
   * The file's header line (without its line end), when the bytes are a part
   * of the file after its header. Rows are then numbered as if the part
   * followed the header directly; {@link mergeNokCsvParts} renumbers them.
   */
  readonly header?: string;
  /**
   * Whether the bytes end the file. Default `true`. A part that does not end
   * the file and ends inside a quoted cell is marked incomplete (the cut was
   * not between records).
   */
  readonly final?: boolean;
}

/**
 * The counts of one part of a NOK survey export, as plain data that can be
 * posted between threads. Merge the parts, in file order, with
 * {@link mergeNokCsvParts}.
 */
export interface NokCsvPart {
  /** The organisations met (the reader's spelling), declared options first. */
  readonly organisations: readonly string[];
  /** The row (in the part's numbering) where each organisation was first accepted; 0 for declared options. */
  readonly firstRows: readonly number[];
  /** The counts, `organisations.length × NOK_COUNT_KEYS.length`, organisation-major. */
  readonly counts: Float64Array;
  /** Accepted rows without an organisation. */
  readonly noOrganisation: number;
  /** Rows read. */
  readonly read: number;
  /** Rows accepted. */
  readonly accepted: number;
  /** Rows rejected. */
  readonly rejected: number;
  /** Answers dropped under `onInvalid: 'drop-answer'`. */
  readonly droppedAnswers: number;
  /** The issues of the header. */
  readonly headerIssues: readonly Issue[];
  /** The issues of the rows, in the part's numbering. */
  readonly rowIssues: readonly Issue[];
  /** Row issues not listed because of `maxIssues`. */
  readonly omittedIssues: number;
  /** Header issues not listed because of `maxIssues` (the same in every part). */
  readonly omittedHeaderIssues: number;
  /** Records and blank lines after the header: the rows the part takes in the file. */
  readonly records: number;
  /**
   * False when the part is not the end of the file and its last record is
   * cut, or it could not be read as a part: among those, a part holding
   * bytes the reader refuses as a whole (not UTF-8, a runaway quote), whose
   * refusal is the whole file's, not the part's.
   */
  readonly complete: boolean;
  /** The first invalid row under `onInvalid: 'fail'`, in the part's numbering. */
  readonly failure?: {
    readonly row: number;
    readonly message: string;
    readonly issues: readonly Issue[];
  };
  /** Rows counted by the fast path; the others were read by `readResponsesSync`. */
  readonly fastRecords: number;
  /** The dictionary of each mapped question, as the reader ends with it. */
  readonly dictionaries: Readonly<Record<string, readonly string[]>>;
  /** True when `rowIssues` is the reader's own list (capped, with its `too-many-issues` issue). */
  readonly listed: boolean;
}

/** What {@link countNokCsv} returns. */
export interface NokCsvResult {
  /** The counts per organisation, ready for `nokAssessment({ responses: accumulator })`. */
  readonly accumulator: NokSurveyAccumulator;
  /** Rows read, accepted and rejected, as `readResponses` counts them. */
  readonly counts: ResponseCounts;
  /** The reading issues, with their file rows and columns, as `readResponses` lists them. */
  readonly issues: readonly Issue[];
  /** Rows counted straight from the bytes; the rest were read by `readResponsesSync`. */
  readonly fastRows: number;
}

function settingsOf(options: NokCsvPartOptions): ScanSettings {
  return {
    ...options,
    organisationField: options.organisationField ?? 'organisation',
    questionMap: options.questionMap ?? NOK_DEFAULT_QUESTION_MAP,
  };
}

/**
 * Counts one part of a NOK survey export: the same counts as
 * {@link countNokCsv}, as plain data, so that parts of a large file can be
 * counted on several threads and merged with {@link mergeNokCsvParts}.
 *
 * @remarks
 * Cut the file at line feeds; pass the header line as `options.header` for
 * every part but the first, and `final: false` for every part but the last.
 * When a cut falls inside a quoted cell, the part before it comes back with
 * `complete: false`: read the file in one piece then. So does a part that
 * holds bytes the reader refuses as a whole (not UTF-8, not a CSV file, a
 * runaway quote): the reader's refusal names the file's byte offset and
 * row, which only the file in one piece gives.
 *
 * @param questionnaire - the NOK questionnaire the export answers
 * @param csv - the part's bytes, text, or a source that reads them on demand
 * @param options - as {@link countNokCsv}, with the header and whether the part ends the file
 * @returns the part's counts, rows and issues
 * @throws {@link @edu-quality/core!EduQualityError} `invalid-argument` for options `readResponses` rejects
 *
 * @example
 * ```ts
 * import { nokEducationQuestionnaire } from '@edu-quality/templates';
 * const q = nokEducationQuestionnaire;
 * const file = 'organisation,q1,q2\nschool-1,yes,yes\nschool-2,yes,no\n';
 * const cut = file.indexOf('\n', 20) + 1;
 * const bytes = new TextEncoder().encode(file);
 * const parts = [
 *   countNokCsvPart(q, bytes.subarray(0, cut), { final: false }),
 *   countNokCsvPart(q, bytes.subarray(cut), { header: 'organisation,q1,q2' }),
 * ];
 * const merged = mergeNokCsvParts(q, parts);
 * merged.counts.accepted; // => 2
 * merged.accumulator.result().get('school-1')?.standsSatisfied; // => 1
 * ```
 */
export function countNokCsvPart(
  questionnaire: Questionnaire,
  csv: string | Uint8Array | NokByteSource,
  options: NokCsvPartOptions = {},
): NokCsvPart {
  const bytes = typeof csv === 'string' ? new TextEncoder().encode(csv) : csv;
  return scanNokPart(questionnaire, bytes, settingsOf(options));
}

function renumber(issue: Issue, offset: number): Issue {
  return renumberIssue(issue, (row) => row + offset);
}

/**
 * Merges the parts of one file, counted in file order by
 * {@link countNokCsvPart}, into the result {@link countNokCsv} gives for the
 * whole file: rows renumbered, organisations in the order they were first
 * met, issues capped at `maxIssues` as `readResponses` caps them.
 *
 * @param questionnaire - the NOK questionnaire the export answers
 * @param parts - the parts, in file order (none may be incomplete)
 * @param options - the options the parts were counted with
 * @returns the accumulator, the row counts and the issues
 * @throws {@link @edu-quality/core!EduQualityError} `invalid-argument` when a part is incomplete, or the organisation field or a mapped question is not a single-choice item; `invalid-input` for the first invalid row under `onInvalid: 'fail'`
 *
 * @example
 * ```ts
 * import { nokEducationQuestionnaire } from '@edu-quality/templates';
 * const q = nokEducationQuestionnaire;
 * const part = countNokCsvPart(q, 'organisation,q14\nschool-1,yes\n');
 * mergeNokCsvParts(q, [part]).accumulator.result().get('school-1')?.overallSatisfied; // => 1
 * ```
 */
export function mergeNokCsvParts(
  questionnaire: Questionnaire,
  parts: readonly NokCsvPart[],
  options: NokCsvOptions = {},
): NokCsvResult {
  const fn = 'mergeNokCsvParts';
  const settings = settingsOf(options);
  const maxIssues = options.maxIssues ?? 1000;
  if (parts.length === 0) {
    throw new EduQualityError('invalid-argument', `${fn}: there are no parts`);
  }
  // File row of each part's row 2: the header is row 1 in every part.
  const offsets: number[] = [];
  let offset = 0;
  for (const [k, part] of parts.entries()) {
    if (!part.complete) {
      throw new EduQualityError(
        'invalid-argument',
        `${fn}: part ${k + 1} is incomplete (its cut is not between records); read the file in one piece`,
      );
    }
    offsets.push(offset);
    offset += part.records;
  }
  for (const [k, part] of parts.entries()) {
    if (part.failure === undefined) continue;
    const row = part.failure.row + offsets[k]!;
    throw new EduQualityError(
      'invalid-input',
      `readResponses: row ${row} is invalid (onInvalid: 'fail')`,
      {
        issues: part.failure.issues.map((issue) => renumber(issue, offsets[k]!)),
      },
    );
  }

  // Organisations: by the reader's key; the earliest row gives the spelling
  // and the place (declared options first, then in the order first met).
  // Spellings are looked up as they are first: the parts of one file mostly
  // share them, and the reader's key (normalised, case-folded) is computed
  // only once a spelling is new, for every entry so far and from then on.
  type Entry = { spelling: string; firstRow: number; counts: Float64Array };
  const bySpelling = new Map<string, Entry>();
  let byKey: Map<string, Entry> | undefined;
  const width = NOK_COUNT_KEYS.length;
  for (const [k, part] of parts.entries()) {
    part.organisations.forEach((spelling, o) => {
      const local = part.firstRows[o]!;
      const row = local === 0 ? 0 : local + offsets[k]!;
      let entry = bySpelling.get(spelling);
      if (entry === undefined && k > 0) {
        byKey ??= new Map([...bySpelling.values()].map((e) => [normalizeLabel(e.spelling), e]));
        entry = byKey.get(normalizeLabel(spelling));
      }
      if (entry === undefined) {
        entry = { spelling, firstRow: row, counts: new Float64Array(width) };
        byKey?.set(normalizeLabel(spelling), entry);
      } else if (row < entry.firstRow) {
        entry.firstRow = row;
        entry.spelling = spelling;
      }
      bySpelling.set(spelling, entry);
      for (let w = 0; w < width; w++) entry.counts[w]! += part.counts[o * width + w]!;
    });
  }
  const organisations = [...new Set(bySpelling.values())].sort((a, b) => a.firstRow - b.firstRow);

  // The accumulator, built as addResponses builds it (organisation rows in
  // dictionary order, the same issues) from a response set without answers,
  // then given the counts.
  const noOrganisation = parts.reduce((s, p) => s + p.noOrganisation, 0);
  const dictionaries = new Map<string, string[]>();
  for (const part of parts) {
    for (const [id, dictionary] of Object.entries(part.dictionaries)) {
      const into = dictionaries.get(id) ?? [];
      unite(into, dictionary);
      dictionaries.set(id, into);
    }
  }
  const empty = new Int32Array(noOrganisation).fill(-1);
  const columns = new Map<string, ResponseColumn>();
  const items = listItems(questionnaire);
  for (const item of items) {
    if (item.kind !== 'single') continue;
    const dictionary =
      item.id === settings.organisationField
        ? organisations.map((o) => o.spelling)
        : (dictionaries.get(item.id) ?? item.options?.map((o) => o.value) ?? []);
    columns.set(item.id, { kind: 'category', id: item.id, dictionary, codes: empty });
  }
  const counts: ResponseCounts = {
    read: parts.reduce((s, p) => s + p.read, 0),
    accepted: parts.reduce((s, p) => s + p.accepted, 0),
    rejected: parts.reduce((s, p) => s + p.rejected, 0),
    droppedAnswers: parts.reduce((s, p) => s + p.droppedAnswers, 0),
  };
  const shell: ResponseSet = {
    questionnaire,
    items,
    size: noOrganisation,
    columns,
    sourceRows: new Uint32Array(noOrganisation),
    counts,
    issues: [],
  };
  const accumulator = new NokSurveyAccumulator().addResponses(shell, {
    organisationField: settings.organisationField,
    questionMap: settings.questionMap,
  });
  for (const o of organisations) addCountRow(accumulator, o.spelling, o.counts, 0);

  // Issues: the header's once, then the rows', capped as the reader caps them.
  let issues: Issue[];
  if (parts.length === 1 && parts[0]!.listed) {
    issues = [...parts[0]!.headerIssues, ...parts[0]!.rowIssues];
  } else {
    const all = [
      ...parts[0]!.headerIssues,
      ...parts.flatMap((p, k) => p.rowIssues.map((issue) => renumber(issue, offsets[k]!))),
    ];
    issues = all.slice(0, maxIssues);
    const omitted =
      all.length -
      issues.length +
      parts[0]!.omittedHeaderIssues +
      parts.reduce((s, p) => s + p.omittedIssues, 0);
    if (omitted > 0) {
      issues.push({
        code: 'too-many-issues',
        message: `${omitted} further issues were not listed`,
      });
    }
  }
  return {
    accumulator,
    counts,
    issues,
    fastRows: parts.reduce((s, p) => s + p.fastRecords, 0),
  };
}

/**
 * Counts the answers of a NOK survey export per organisation, straight from
 * the CSV: what `readResponsesSync` followed by
 * {@link NokSurveyAccumulator.addResponses} gives, with only the
 * organisation and the mapped questions read, several times faster.
 *
 * @remarks
 * The result equals reading the file with `readResponsesSync(questionnaire,
 * csv, { ...options, columns })`, where `columns` ignores every column but
 * the organisation field and the questions of the question map, and counting
 * the response set with `addResponses`: the same counts, the same row
 * counts, the same issues with the same rows and columns (less the reader's
 * `missing-column` issues about the items it skips on purpose), the
 * organisations in the same order. Records whose read cells are codes, labels or blanks
 * are counted straight from the bytes; every other record (a bad answer, a
 * wrong number of fields, a doubled quote in a read cell) is read by
 * `readResponsesSync`, which decides and reports it. A file with CR-only
 * line ends is read by `readResponsesSync` throughout, and so is one the
 * reader refuses as a whole (bytes that are not UTF-8, which
 * `checkResponseBytes` finds in one pass before the rows are counted; not a
 * CSV file; a runaway quote in a record it reads): the error is then the
 * reader's own, with the file's byte offset and row.
 *
 * @param questionnaire - the NOK questionnaire the export answers
 * @param csv - the export, as bytes, text, or a source that reads them on demand
 * @param options - the organisation field, the question map and the reading options
 * @returns the accumulator for `nokAssessment`, the row counts and the issues
 * @throws {@link @edu-quality/core!EduQualityError} `invalid-argument` when the organisation field or a mapped question is not a single-choice item, or for options `readResponses` rejects; `invalid-input` for the first invalid row under `onInvalid: 'fail'`
 *
 * @example
 * ```ts
 * import { nokEducationQuestionnaire } from '@edu-quality/templates';
 * const q = nokEducationQuestionnaire;
 * const csv = 'organisation,q1,q2,q14\nschool-1,yes,yes,yes\nschool-1,no,yes,no\nschool-2,maybe,,yes\n';
 * const { accumulator, counts, issues } = countNokCsv(q, csv);
 * counts.rejected; // => 1
 * // q3 … q13 have no column (row 1), and row 4 says "maybe":
 * issues.filter((issue) => issue.code === 'missing-column').length; // => 11
 * issues.at(-1)?.row; // => 4
 * accumulator.result().get('school-1')?.standsSatisfied; // => 1
 * ```
 */
export function countNokCsv(
  questionnaire: Questionnaire,
  csv: string | Uint8Array | NokByteSource,
  options: NokCsvOptions = {},
): NokCsvResult {
  return mergeNokCsvParts(questionnaire, [countNokCsvPart(questionnaire, csv, options)], options);
}
