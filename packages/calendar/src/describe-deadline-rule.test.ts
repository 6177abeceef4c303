import { describe, expect, it } from 'vitest';
import { describeDeadlineRule } from './describe-deadline-rule.js';

describe('describeDeadlineRule', () => {
  it('uses the plural forms of each language', () => {
    // Lithuanian: 1 diena, 2 dienos, 10 dienų, 21 diena; Russian: 1 день, 3 дня, 5 дней.
    const w = (amount: number) => ({
      amount,
      unit: 'working-days' as const,
      countFrom: 'receipt' as const,
    });
    expect(describeDeadlineRule(w(1), 'lt')).toBe('1 darbo diena, skaičiuojant nuo gavimo dienos');
    expect(describeDeadlineRule(w(2), 'lt')).toMatch(/^2 darbo dienos,/);
    expect(describeDeadlineRule(w(10), 'lt')).toMatch(/^10 darbo dienų,/);
    expect(describeDeadlineRule(w(1), 'ru')).toMatch(/^1 рабочий день,/);
    expect(describeDeadlineRule(w(3), 'ru')).toMatch(/^3 рабочих дня,/);
    expect(describeDeadlineRule(w(5), 'ru-RU')).toMatch(/^5 рабочих дней,/);
    expect(describeDeadlineRule(w(1), 'en')).toBe('1 working day, counted from the day of receipt');
  });
  it('falls back to English and states the move rule only for calendar days', () => {
    expect(describeDeadlineRule({ amount: 30, unit: 'calendar-days' }, 'de')).toBe(
      '30 calendar days, counted from the day after receipt; a deadline that falls on a day off moves to the next working day',
    );
    expect(
      describeDeadlineRule(
        { amount: 30, unit: 'calendar-days', moveOffNonWorkingDay: false },
        'en',
      ),
    ).toBe('30 calendar days, counted from the day after receipt');
  });
  it('rejects an invalid rule', () => {
    expect(() => describeDeadlineRule({ amount: -1, unit: 'working-days' }, 'en')).toThrow(
      /describeDeadlineRule/,
    );
  });
});
