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
    ['(8 5) 212 3456', '[removed]'],
    ['Numeris +48 601 234 567', 'Numeris [removed]'],
  ])('removes personal data: %s', (input, output) => {
    expect(redactText(input)).toBe(output);
  });

  it.each([
    'Susitikimas 2026-10-15 10:30',
    'Kaina 1 500 €, 20 vietų, 3 klasės',
    'Per metus 2025–2026 buvo geriau',
    'Room 101, building 12-3',
    'a@b', // not an address: no domain
    'Per mokslo metus 2025–2026 ir 2025/26',
    'Susitikimas 15.10.2026 8.30 val., kitas 31.12.2026',
    'Kaina 1 500 000 €, nuolaida 12,5 %',
    'Сумма 1 234 567 890 руб. за 2026 год',
    '5a ir 10B klasės, 11-a klasė, 10А класс',
  ])('keeps ordinary text: %s', (input) => {
    expect(redactText(input)).toBe(input);
  });

  // Regression: the phone pattern ran on into a following date (and the date
  // test then kept the whole phone), and a phone grouped like a date was kept.
  it.each([
    ['tel. +370 612 34567 15.10.2026', 'tel. [removed] 15.10.2026'],
    ['tel. 8 612 34567 2026-10-15 10:30', 'tel. [removed] 2026-10-15 10:30'],
    ['8 (912) 345-67-89 15.10.2026', '[removed] 15.10.2026'],
    ['15.10.2026 +7 912 345 67 89', '15.10.2026 [removed]'],
    ['tel. +370-61-21-2345', 'tel. [removed]'],
    ['tel. +370.5.12.2026', 'tel. [removed]'],
    // Three numbers before a date were read as a SNILS that took the day.
    ['100 100 100 01.01.2000', '[removed] 01.01.2000'],
  ])('removes a phone next to a date or grouped like one: %s', (input, output) => {
    expect(redactText(input)).toBe(output);
  });

  it('removes every planted Lithuanian or Russian phone and keeps every planted date', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
    const sep = fc.constantFrom(' ', '-', '.', '');
    // An area or operator code, in brackets or not.
    const area = (code: fc.Arbitrary<string>) =>
      fc.tuple(code, fc.boolean()).map(([c, bracket]) => (bracket ? `(${c})` : c));
    const groups = (...parts: fc.Arbitrary<string>[]) =>
      fc
        .tuple(
          fc.tuple(...parts),
          fc.array(sep, { minLength: parts.length, maxLength: parts.length }),
        )
        .map(([ps, ss]) => ps.map((p, i) => (i === 0 ? p : `${ss[i] ?? ''}${p}`)).join(''));
    const phone = fc.oneof(
      // Lithuanian mobile 6xx xxxxx and Vilnius 5 2xx xxxx, national (8) and international.
      groups(fc.constantFrom('8', '+370'), area(digits(2).map((d) => `6${d}`)), digits(5)),
      groups(
        fc.constant('+370'),
        digits(1).map((d) => `6${d}`),
        digits(2),
        digits(4),
      ),
      groups(
        fc.constantFrom('8', '+370'),
        area(fc.constant('5')),
        digits(2).map((d) => `2${d}`),
        digits(4),
      ),
      // Russian mobile 9xx and Moscow 495, national (8) and international (+7).
      groups(
        fc.constantFrom('8', '+7'),
        area(fc.constantFrom('495', '912', '987', '800')),
        digits(3),
        digits(2),
        digits(2),
      ),
    );
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = fc
      .tuple(
        fc.integer({ min: 2000, max: 2039 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.boolean(),
      )
      .map(([y, m, d, iso]) => (iso ? `${y}-${pad(m)}-${pad(d)}` : `${pad(d)}.${pad(m)}.${y}`));
    type Token = { kind: 'phone' | 'date' | 'number' | 'word'; text: string };
    const token: fc.Arbitrary<Token> = fc.oneof(
      phone.map((text) => ({ kind: 'phone' as const, text })),
      date.map((text) => ({ kind: 'date' as const, text })),
      fc.integer({ min: 0, max: 999 }).map((n) => ({ kind: 'number' as const, text: String(n) })),
      fc
        .constantFrom('tel.', 'skambinkite', 'iki', 'звоните', 'до', 'nuo', 'klasė', '5a', '+')
        .map((text) => ({ kind: 'word' as const, text })),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(token, fc.constantFrom(' ', ', ', '; ')), { minLength: 1, maxLength: 8 }),
        phone,
        date,
        (pairs, planted, plantedDate) => {
          const tokens = [
            ...pairs.map(([t]) => t),
            { kind: 'phone', text: planted },
            { kind: 'date', text: plantedDate },
          ];
          const text = [
            ...pairs.flat().map((p) => (typeof p === 'string' ? p : p.text)),
            planted,
            ' ',
            plantedDate,
          ].join('');
          let out = redactText(text);
          for (const t of tokens) {
            if (t.kind === 'phone') expect(out).not.toContain(t.text);
            if (t.kind !== 'date') continue;
            expect(out).toContain(t.text);
            out = out.replace(t.text, ' ');
          }
          // What digits are left (dates cut out) are planted numbers, never a piece of a phone.
          const numbers = new Set(tokens.filter((t) => t.kind === 'number').map((t) => t.text));
          for (const run of out.match(/\d+/g) ?? []) {
            if (run === '5' && tokens.some((t) => t.text === '5a')) continue;
            expect(numbers).toContain(run);
          }
        },
      ),
      { numRuns: 1000 },
    );
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
        // Without digits or @ there is no e-mail, phone or code; names are
        // found in letters alone (`x Ab Cd`), so they are left out here.
        if (!/\d|@/.test(s)) expect(redactText(s, { names: false })).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  // Person names: the hostile corpus's planted answers (test/hostile,
  // personal-name.csv and personal-name-ru.csv) and their variants.
  it.each([
    [
      'Mokytoja Rūta Kazlauskienė iš 5b klasės elgiasi netinkamai',
      'Mokytoja [removed] iš 5b klasės elgiasi netinkamai',
    ],
    ['Учитель Иванова Мария Петровна кричит на детей', 'Учитель [removed] кричит на детей'],
    ['Rūta Kazlauskienė elgiasi netinkamai', '[removed] elgiasi netinkamai'],
    ['Jonas Petraitis vėluoja.', '[removed] vėluoja.'],
    ['Vakar kalbėjau su Jonu Petraičiu.', 'Vakar kalbėjau su [removed].'],
    [
      'Kalbėjau su p. Kazlauskiene ir mokytoja Rūta.',
      'Kalbėjau su p. [removed] ir mokytoja [removed].',
    ],
    ['Mūsų auklėtoja Ona Onaitė labai gera', 'Mūsų auklėtoja [removed] labai gera'],
    ['Direktorius Jonaitis neatsako', 'Direktorius [removed] neatsako'],
    ['Мария Петровна кричит', '[removed] кричит'],
    ['наша учительница Анна очень добрая', 'наша учительница [removed] очень добрая'],
    ['Говорил с директором Сидоровым Петром.', 'Говорил с директором [removed].'],
    ['Жалоба на Петрова Ивана Сергеевича', 'Жалоба на [removed]'],
    ['Klasės vadovė — Jurgita Kazlauskaitė-Petrauskienė.', 'Klasės vadovė — [removed].'],
  ])('removes a person name: %s', (input, output) => {
    expect(redactText(input)).toBe(output);
    // Composed or decomposed letters read the same.
    expect(redactText(input.normalize('NFD'))).toBe(output.normalize('NFD'));
  });

  it.each([
    'Trakų gimnazija yra gera, mokytojai geri.',
    'Mokausi Trakų gimnazijoje nuo 2020 m.',
    'Labai patenkintas. Viskas gerai, ačiū! Susitikimas 15.10.2026 10:30.',
    'Gimnazija A ir Progimnazija B, 5b klasė',
    'Mokytoja labai gera. Direktorius irgi.',
    'Все хорошо. Спасибо учителям! Москва красивая.',
    'Школа №5 лучшая, 10А класс, 01.09.2026',
    'ĮT ir СНИЛС nėra vardai',
    'Nežinau. Geriau būtų daugiau būrelių.',
  ])('keeps ordinary text, place names and sentence-initial words: %s', (input) => {
    expect(redactText(input)).toBe(input);
  });

  it('removes names only when asked, with the given mark', () => {
    const text = 'Mokytoja Rūta Kazlauskienė, tel. +370 612 34567';
    expect(redactText(text, { names: false })).toBe('Mokytoja Rūta Kazlauskienė, tel. [removed]');
    expect(redactText(text, { phones: false, replacement: '[…]' })).toBe(
      'Mokytoja […], tel. +370 612 34567',
    );
  });

  it('removes a planted name from any ordinary sentence around it', () => {
    const given = fc.constantFrom('Rūta', 'Jonas', 'Ona', 'Мария', 'Иван');
    const surname = fc.constantFrom('Kazlauskienė', 'Petraitytė', 'Jonaitis', 'Иванова', 'Петров');
    const words = fc.array(
      fc.constantFrom('gerai', 'mokykla', 'iš', '5b', 'klasės', 'очень', 'школа', 'и', 'metų'),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(words, given, surname, words, (before, g, s, after) => {
        const text = ['Sakau', ...before, g, s, ...after].join(' ') + '.';
        const out = redactText(text);
        expect(out).not.toContain(s);
        expect(out.startsWith('Sakau')).toBe(true);
        for (const w of [...before, ...after]) expect(out).toContain(w);
      }),
      { numRuns: 300 },
    );
  });
});
