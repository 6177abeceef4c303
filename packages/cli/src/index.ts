/**
 * The `edu-quality` command: validate questionnaires and survey exports,
 * compute satisfaction indices, write study reports and score NOK 344n
 * assessments, on files. {@link run} is the whole command line as a function,
 * for tests and for apps that embed it.
 *
 * @packageDocumentation
 */
export { run } from './run.js';
export type { CliIo, CliStream } from './cli-io.js';
export { EXIT_CODES } from './exit-codes.js';
export type { ExitCode } from './exit-codes.js';
export { readNokAuditCsv } from './read-nok-audit-csv.js';
export type { NokAuditCell, NokAuditCsvResult } from './read-nok-audit-csv.js';
export { NokCsvFilePool, countNokCsvFile } from './nok-csv-file.js';
export type { NokCsvFilePoolOptions, NokCsvFileResult } from './nok-csv-file.js';
