/**
 * Where in a document an issue lies: object keys and array indices from the
 * root of the input, as in zod's issues.
 */
export type IssuePath = readonly (string | number)[];

/**
 * A problem found in user input: a questionnaire definition, a survey export,
 * a service standard or an interaction log.
 *
 * @remarks
 * Every package reports invalid external data as a list of issues rather than
 * throwing at the first one. An issue carries a machine-readable `code`, a
 * human `message`, and its location: a `path` into structured input, or a
 * 1-based `row` and `column` in tabular input (the header is row 1, as a
 * spreadsheet shows it). `field` names the column when it has a header.
 *
 * @example
 * ```ts
 * const issue: Issue = { code: 'out-of-range', message: 'q3: 7 is above the scale maximum 5', row: 12, column: 4, field: 'q3' };
 * formatIssue(issue); // => 'row 12, column 4 (q3): q3: 7 is above the scale maximum 5 [out-of-range]'
 * ```
 */
export interface Issue {
  /** A stable, machine-readable code such as `out-of-range` or `unknown-reference`. */
  readonly code: string;
  /** A human-readable message. It never contains a respondent's free-text answer. */
  readonly message: string;
  /** The location in structured input. */
  readonly path?: IssuePath;
  /** The 1-based row in tabular input; the header row is row 1. */
  readonly row?: number;
  /** The 1-based column in tabular input. */
  readonly column?: number;
  /** The header of the column, where there is one. */
  readonly field?: string;
}

/**
 * Formats an issue as one line: its location, its message and its code.
 *
 * @param issue - the issue to format
 * @returns a single line, for logs and command-line output
 *
 * @example
 * ```ts
 * formatIssue({ code: 'duplicate-id', message: 'id q1 is used twice', path: ['sections', 0, 'questions', 2, 'id'] });
 * // => 'sections.0.questions.2.id: id q1 is used twice [duplicate-id]'
 * ```
 */
export function formatIssue(issue: Issue): string {
  const where: string[] = [];
  if (issue.row !== undefined) where.push(`row ${issue.row}`);
  if (issue.column !== undefined) {
    where.push(`column ${issue.column}${issue.field !== undefined ? ` (${issue.field})` : ''}`);
  } else if (issue.field !== undefined) where.push(`field ${issue.field}`);
  if (issue.path !== undefined && issue.path.length > 0) where.push(issue.path.join('.'));
  const prefix = where.length > 0 ? `${where.join(', ')}: ` : '';
  return `${prefix}${issue.message} [${issue.code}]`;
}
