import { describe, expect, it } from 'vitest';
import { isIsoDate } from './iso-date.js';

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    // 2024 is a leap year, 2100 is not (Gregorian rule).
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2026-1-9')).toBe(false);
    expect(isIsoDate('2026-01-09T00:00')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});
