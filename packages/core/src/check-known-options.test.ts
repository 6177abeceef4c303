import { describe, expect, it } from 'vitest';
import { checkKnownOptions } from './check-known-options.js';

describe('checkKnownOptions', () => {
  const shape = { timeZone: { type: 'string' } } as const;
  it('knows the unchecked keys without checking their values', () => {
    expect(() => {
      checkKnownOptions('f', { timeZone: 'UTC', pauses: new Map() }, shape, ['pauses']);
    }).not.toThrow();
    expect(() => {
      checkKnownOptions('f', undefined, shape, ['pauses']);
    }).not.toThrow();
  });
  it('still names an unknown key and a wrong value with the root of the path', () => {
    expect(() => {
      checkKnownOptions('f', { pause: [] }, shape, ['pauses']);
    }).toThrow(/^f: options\.pause is not an option \(known: timeZone, pauses\)/);
    expect(() => {
      checkKnownOptions('f', { timeZone: 1 }, shape, [], 'overrides');
    }).toThrow(/overrides\.timeZone must be a string/);
    expect(() => {
      checkKnownOptions('f', [1], shape, ['pauses']);
    }).toThrow(/options must be a plain object/);
  });
});
