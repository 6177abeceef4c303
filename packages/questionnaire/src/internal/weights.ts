// Why a weight is refused, in one place for the CSV and the record paths.
import { MAX_WEIGHT, MIN_WEIGHT } from '../weight-range.js';

/**
 * The issue code and message for a weight outside
 * [MIN_WEIGHT, MAX_WEIGHT]; `shown` describes the cell without repeating
 * free text.
 */
export function weightProblem(value: number, shown: string): [code: string, message: string] {
  if (Number.isNaN(value)) return ['invalid-weight', `the weight ${shown} is not a number`];
  if (value === 0) {
    return [
      'zero-weight',
      'the weight is 0; leave a respondent who must not count out of the export',
    ];
  }
  if (value < 0) return ['invalid-weight', `the weight ${shown} is negative`];
  return [
    'invalid-weight',
    `the weight ${shown} is outside the accepted range ${MIN_WEIGHT} to ${MAX_WEIGHT}`,
  ];
}
