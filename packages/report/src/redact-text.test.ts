import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactText } from './redact-text.js';

describe('redactText', () => {
  it.each([
    // e-mails
    ['Rašykite jonas.jonaitis@trakai.lt', 'Rašykite [removed]'],
    ['пишите: иван_петров+школа@почта.рф!', 'пишите: [removed]!'],
    // Lithuanian personal codes: 11 digits, first 1–6
    ['a.k. 38703181745', 'a.k. [removed]'],
    ['kodas:49001011234.', 'kodas:[removed].'],
    // Russian SNILS
    ['СНИЛС 112-233-445 95', 'СНИЛС [removed]'],
    ['СНИЛС 112 233 445 95', 'СНИЛС [removed]'],
    // phones: Lithuanian and Russian formats
    ['tel. +370 612 34567', 'tel. [removed]'],
    ['tel. 8 612 34567', 'tel. [removed]'],
    ['skambinkite 861234567', 'skambinkite [removed]'],
    ['+7 (912) 345-67-89', '[removed]'],
    ['8 (800) 555-35-35, спасибо', '[removed], спасибо'],
    ['+79123456789', '[removed]'],
  ])('removes personal data: %s', (input, output) => {
    expect(redactText(input)).toBe(output);
  });

  it.each([
    'Susitikimas 2026-10-15 10:30',
    'Kaina 1 500 €, 20 vietų, 3 klasės',
    'Per metus 2025–2026 buvo geriau',
    'Room 101, building 12-3',
    'a@b', // not an address: no domain
  ])('keeps ordinary text: %s', (input) => {
    expect(redactText(input)).toBe(input);
  });

  it('does not take an 11-digit number starting 7–9 for a personal code, but takes it for a phone', () => {
    expect(redactText('88001234567', { phones: false })).toBe('88001234567');
    expect(redactText('88001234567')).toBe('[removed]');
  });

  it('removes only what is asked, with the given mark', () => {
    const text = 'x@y.lt +370 612 34567 38703181745';
    expect(redactText(text, { emails: false })).toBe('x@y.lt [removed] [removed]');
    expect(redactText(text, { phones: false, personalCodes: false, replacement: '***' })).toBe(
      '*** +370 612 34567 38703181745',
    );
  });

  it('is idempotent and never lengthens text without a match', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = redactText(s);
        expect(redactText(once)).toBe(once);
        if (!/\d|@/.test(s)) expect(once).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});
