import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { easterSunday } from './easter-sunday.js';

describe('easterSunday', () => {
  it('matches date-holidays (Western Easter) for 1900–2100', () => {
    const oracle = new Holidays('LT');
    for (let year = 1900; year <= 2100; year++) {
      const easter = oracle.getHolidays(year).find((h) => h.rule === 'easter');
      expect(easterSunday(year), String(year)).toBe(easter?.date.slice(0, 10));
    }
  });
  it('gives the published extremes', () => {
    // Meeus, Astronomical Algorithms, ch. 8: earliest 22 March (1818, 2285), latest 25 April (1943, 2038).
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });
  it('refuses years before the Gregorian reform and non-integers', () => {
    expect(() => easterSunday(1582)).toThrow(/easterSunday/);
    expect(() => easterSunday(2026.5)).toThrow(/easterSunday/);
  });
});
