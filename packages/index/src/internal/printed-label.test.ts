// The publication guard's printed form: two labels that print alike share it.
// The oracle is the letters as written (Cyrillic code points named).
import { describe, expect, it } from 'vitest';
import { printedForm } from './printed-label.js';

describe('printedForm', () => {
  it('folds Cyrillic and Greek look-alikes of Latin letters, in any word', () => {
    // Cyrillic і (U+0456) and о (U+043E); Greek Ο (U+039F).
    expect(printedForm('G\u0456mnazija A')).toBe(printedForm('Gimnazija A'));
    expect(printedForm('Pr\u043egimnazija B')).toBe(printedForm('Progimnazija B'));
    expect(printedForm('\u039fNA')).toBe(printedForm('ONA'));
    // Wholly Cyrillic and wholly Latin, yet printing alike: one printed form.
    expect(printedForm('\u0420\u043e\u0441')).toBe(printedForm('Poc'));
  });

  it('keeps labels that print differently apart', () => {
    expect(printedForm('Школа')).not.toBe(printedForm('Шкала'));
    expect(printedForm('Gimnazija A')).not.toBe(printedForm('Gimnazija B'));
    expect(printedForm('a  b')).toBe('a  b');
  });
});
