import { describe, expect, it } from 'vitest';
import { checkOptions, type OptionShape } from './check-options.js';
import { EduQualityError } from './errors.js';

const shape = {
  level: { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true },
  replicates: { type: 'number', integer: true, min: 10 },
  interval: { type: 'literal', values: ['z', 't'] },
  weights: { type: 'numbers' },
  items: { type: 'strings' },
  onProgress: { type: 'function' },
  cells: { type: 'unknown' },
  strict: { type: 'boolean' },
  label: { type: 'string' },
  bootstrap: { type: 'object', shape: { seed: { type: 'number', integer: true } } },
  itemWeights: { type: 'record', value: { type: 'number', min: 0 } },
  scheme: {
    type: 'union',
    of: [
      { type: 'literal', values: ['equal'] },
      { type: 'object', shape: { items: { type: 'record', value: { type: 'number' } } } },
    ],
  },
} as const satisfies OptionShape;

function thrown(options: unknown): EduQualityError {
  try {
    checkOptions('f', options, shape);
  } catch (error) {
    if (EduQualityError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('checkOptions did not throw');
}

describe('checkOptions', () => {
  it('accepts valid options, undefined values and no options', () => {
    const options = Object.freeze({
      replicates: 10,
      interval: 't',
      weights: new Float64Array([1, 2]),
      items: ['a'],
      onProgress: () => undefined,
      strict: false,
      label: 'x',
      bootstrap: { seed: 3 },
      itemWeights: { a: 0, b: 2 },
      scheme: { items: { a: 1 } },
      // An option set to undefined is absent (callers spread optional settings).
      level: undefined,
    });
    expect(() => {
      checkOptions('f', options, shape);
    }).not.toThrow();
    expect(() => {
      checkOptions('f', undefined, shape);
    }).not.toThrow();
    expect(() => {
      checkOptions('f', { scheme: 'equal', weights: [1, 2] }, shape);
    }).not.toThrow();
    // An option carrying data is checked by its function: only its key here.
    expect(() => {
      checkOptions('f', { cells: new Map() }, shape);
    }).not.toThrow();
  });
  it('names an unknown key with its path and the known keys', () => {
    const error = thrown({ levl: 0.9 });
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toMatch(/^f: options\.levl is not an option \(known: level, /);
    expect(error.issues).toEqual([
      expect.objectContaining({ code: 'unknown-option', path: ['options', 'levl'] }),
    ]);
  });
  it('names a nested unknown key, through a union', () => {
    expect(thrown({ bootstrap: { sed: 1 } }).issues[0]?.path).toEqual([
      'options',
      'bootstrap',
      'sed',
    ]);
    expect(thrown({ scheme: { itms: {} } }).issues[0]?.path).toEqual(['options', 'scheme', 'itms']);
    expect(thrown({ scheme: 'none' }).message).toBe(
      'f: options.scheme must be one of "equal", or an object with the keys items, got the string "none"',
    );
  });
  it('refuses wrong types and values out of range, each with its path', () => {
    expect(thrown({ level: 95 }).message).toBe(
      'f: options.level must be a finite number > 0 and < 1, got 95',
    );
    expect(thrown({ level: '0.9' }).issues[0]?.code).toBe('invalid-option');
    expect(thrown({ level: Number.NaN }).issues[0]?.path).toEqual(['options', 'level']);
    expect(thrown({ replicates: 10.5 }).message).toMatch(
      /options\.replicates must be an integer ≥ 10/,
    );
    expect(thrown({ interval: 'x' }).message).toMatch(/must be one of "z", "t"/);
    expect(thrown({ weights: 'none' }).issues[0]?.path).toEqual(['options', 'weights']);
    expect(thrown({ weights: [1, '2'] }).issues[0]?.path).toEqual(['options', 'weights']);
    expect(thrown({ items: 'a' }).issues[0]?.path).toEqual(['options', 'items']);
    expect(thrown({ onProgress: 1 }).issues[0]?.path).toEqual(['options', 'onProgress']);
    expect(thrown({ strict: 'yes' }).issues[0]?.path).toEqual(['options', 'strict']);
    expect(thrown({ label: 1 }).issues[0]?.path).toEqual(['options', 'label']);
    expect(thrown({ itemWeights: { a: -1 } }).issues[0]?.path).toEqual([
      'options',
      'itemWeights',
      'a',
    ]);
  });
  it('collects every issue of one call', () => {
    const error = thrown({ levl: 1, level: 2, interval: 'q' });
    expect(error.issues.map((i) => i.path?.join('.'))).toEqual([
      'options.levl',
      'options.level',
      'options.interval',
    ]);
  });
  it('refuses options that are not a plain object', () => {
    for (const options of [null, 0.95, 'z', [1], new Map()]) {
      expect(thrown(options).issues[0]).toMatchObject({
        code: 'invalid-option',
        path: ['options'],
      });
    }
  });
});
