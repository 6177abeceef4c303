import type { OptionSpec } from '../command.js';

/** The options of commands that read a survey export. */
export const INGEST_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  delimiter: {
    type: 'string',
    value: 'CHAR',
    description: 'the CSV delimiter: , ; tab | (default: detected from the header)',
  },
  encoding: {
    type: 'string',
    value: 'NAME',
    description:
      'the encoding of a CSV export: utf-8 (default; UTF-16 with a byte order mark is recognised), windows-1257, windows-1251, koi8-r, utf-16le or utf-16be',
  },
  'id-column': {
    type: 'string',
    value: 'NAME',
    description: 'the respondent id column (default: a column named id)',
  },
  'weight-column': {
    type: 'string',
    value: 'NAME',
    description: 'the weight column (default: a column named weight)',
  },
  'decimal-mark': {
    type: 'string',
    value: 'MARK',
    description:
      'the decimal mark of numbers and weights: , or . (default: either, and a number such as 1,250 or 1 250 whose reading depends on it is refused)',
  },
  'duplicate-ids': {
    type: 'string',
    value: 'POLICY',
    description:
      'reject (default: a row repeating an earlier respondent id is left out and reported) or keep',
  },
  'on-invalid': {
    type: 'string',
    value: 'POLICY',
    description:
      'reject-row (default: a row with an invalid answer is left out) or drop-answer (only the answer is)',
  },
};
