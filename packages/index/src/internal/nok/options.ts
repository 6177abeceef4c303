// The options of the public NOK functions, for core's checkOptions. Rating
// bands (an array of objects) and replacement profiles (checked in depth by
// nokAssessment) are beyond its rules and are checked here by hand, with the
// same option paths.
import { checkOptions, EduQualityError, type OptionShape } from '@edu-quality/core';

const SECTORS: readonly string[] = ['education', 'culture', 'health', 'social'];

const rounding = { type: 'literal', values: ['full', 'operator'] } as const;

/** {@link NokAssessmentOptions}, without `profiles` and `bands`. */
const ASSESSMENT: OptionShape = {
  sector: { type: 'literal', values: SECTORS },
  emptyDenominator: { type: 'literal', values: ['redistribute', 0, 100] },
  rounding,
  sampleSize: {
    type: 'object',
    shape: {
      minShare: { type: 'number', min: 0, max: 1, exclusiveMin: true },
      cap: { type: 'number', integer: true, min: 1 },
    },
  },
};

/** {@link NokAggregateOptions}, without `bands`; `by` stays open to plain-JavaScript groupings. */
const AGGREGATE: OptionShape = { by: { type: 'string' }, rounding };

const BAND: OptionShape = { min: { type: 'number' }, label: { type: 'string' } };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function refuse(fn: string, path: string, message: string): never {
  throw new EduQualityError('invalid-argument', `${fn}: ${path} ${message}`, {
    issues: [{ code: 'invalid-option', path: path.split('.'), message: `${path} ${message}` }],
  });
}

function checkBands(fn: string, bands: unknown): void {
  if (bands === undefined) return;
  if (!Array.isArray(bands)) refuse(fn, 'options.bands', 'must be an array of { min, label }');
  bands.forEach((band: unknown, i) => {
    const path = `options.bands.${i}`;
    if (!isPlainObject(band)) refuse(fn, path, 'must be an object { min, label }');
    checkOptions(fn, band, BAND, path);
    if (band.min === undefined || band.label === undefined) {
      refuse(fn, path, 'needs both min and label');
    }
  });
}

/** Checks the options of nokAssessment; the profiles' contents are checked by the caller. */
export function checkAssessmentOptions(fn: string, options: unknown): void {
  if (!isPlainObject(options)) {
    checkOptions(fn, options, ASSESSMENT);
    return;
  }
  const { profiles, bands, ...rest } = options;
  checkOptions(fn, rest, ASSESSMENT);
  checkBands(fn, bands);
  if (profiles === undefined) return;
  if (!isPlainObject(profiles)) refuse(fn, 'options.profiles', 'must be an object by sector');
  for (const [sector, profile] of Object.entries(profiles)) {
    const path = `options.profiles.${sector}`;
    if (!SECTORS.includes(sector)) {
      refuse(fn, path, `is not a sector (known: ${SECTORS.join(', ')})`);
    }
    if (profile !== undefined && !isPlainObject(profile)) refuse(fn, path, 'must be a profile');
  }
}

/** Checks the options of nokAggregate. */
export function checkAggregateOptions(fn: string, options: unknown): void {
  if (!isPlainObject(options)) {
    checkOptions(fn, options, AGGREGATE);
    return;
  }
  const { bands, ...rest } = options;
  checkOptions(fn, rest, AGGREGATE);
  checkBands(fn, bands);
}
