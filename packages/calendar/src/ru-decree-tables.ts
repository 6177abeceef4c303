import type { YearTable } from './calendar-definition.js';

const CHECKED =
  'Dates checked against the ConsultantPlus production calendar of the year, as transcribed in d10xa/holidays-calendar json/consultant';

/**
 * The yearly Russian Government decrees "On the transfer of days off" for
 * 2015–2027, and the Presidential decrees that declared extra non-working days,
 * as data: one {@link YearTable} per year, each naming its source.
 *
 * @remarks
 * Labour Code art. 112 part 5 lets the Government move days off; each year's
 * decree moves the two January holidays that fall on a weekend (they have no
 * automatic substitution) and sometimes swaps a Saturday for a bridge day.
 * A transfer whose `from` is a weekend holiday also cancels that holiday's
 * automatic substitution (2025: Sunday 23 February → Thursday 8 May, so Monday
 * 24 February stays working).
 *
 * Provenance. Every year's dates were checked against an independent
 * publication: the ConsultantPlus production calendar transcribed in the
 * public repository d10xa/holidays-calendar (`json/consultantYYYY.json`, for
 * 2024 `json/superjob2024.json`), and for 2024 also the decree text
 * (normativ.kontur.ru, document 454126); 2026 also the Government press release
 * of 2025-09-24 (TASS). Decree numbers are given only where a published text or
 * report read for this table named them (2024, 2025); the others are named by title and year.
 * 2027 is **unconfirmed**: no decree had been adopted when this table was
 * written (a deputy's statement of 2025-12-28 calls the 2027 calendar
 * preliminary), so only the statutory rules apply and no transfer is listed.
 * Replace it with {@link WorkingCalendar.with} when the decree is published.
 *
 * The 2020 and 2021 non-working days declared by Presidential decree (COVID-19,
 * the 2020 parade and vote) are listed as `daysOff`: they were official
 * non-working days, and the production calendar counts them so.
 *
 * @example
 * ```ts
 * RU_DECREE_TABLES['2026']?.transfers; // => [{ from: '2026-01-03', to: '2026-01-09' }, { from: '2026-01-04', to: '2026-12-31' }]
 * RU_DECREE_TABLES['2027']?.confirmed; // => false
 * ```
 */
export const RU_DECREE_TABLES: Readonly<Record<string, YearTable>> = {
  '2015': {
    source: 'Government decree "On the transfer of days off in 2015" (number not confirmed here)',
    confirmed: true,
    note: `${CHECKED}2015.json`,
    transfers: [
      { from: '2015-01-03', to: '2015-01-09' },
      { from: '2015-01-04', to: '2015-05-04' },
    ],
  },
  '2016': {
    source: 'Government decree "On the transfer of days off in 2016" (number not confirmed here)',
    confirmed: true,
    note: `${CHECKED}2016.json`,
    transfers: [
      { from: '2016-01-02', to: '2016-05-03' },
      { from: '2016-01-03', to: '2016-03-07' },
      { from: '2016-02-20', to: '2016-02-22' },
    ],
  },
  '2017': {
    source: 'Government decree "On the transfer of days off in 2017" (number not confirmed here)',
    confirmed: true,
    note: `${CHECKED}2017.json`,
    transfers: [
      { from: '2017-01-01', to: '2017-02-24' },
      { from: '2017-01-07', to: '2017-05-08' },
    ],
  },
  '2018': {
    source: 'Government decree "On the transfer of days off in 2018" (number not confirmed here)',
    confirmed: true,
    note: `${CHECKED}2018.json`,
    transfers: [
      { from: '2018-01-06', to: '2018-03-09' },
      { from: '2018-01-07', to: '2018-05-02' },
      { from: '2018-04-28', to: '2018-04-30' },
      { from: '2018-06-09', to: '2018-06-11' },
      { from: '2018-12-29', to: '2018-12-31' },
    ],
  },
  '2019': {
    source: 'Government decree "On the transfer of days off in 2019" (number not confirmed here)',
    confirmed: true,
    note: `${CHECKED}2019.json`,
    transfers: [
      { from: '2019-01-05', to: '2019-05-02' },
      { from: '2019-01-06', to: '2019-05-03' },
      { from: '2019-02-23', to: '2019-05-10' },
    ],
  },
  '2020': {
    source:
      'Government decree "On the transfer of days off in 2020"; Presidential decrees declaring non-working days (COVID-19: 30 March – 30 April and 6–8 May; 24 June, Victory parade; 1 July, constitutional vote)',
    confirmed: true,
    note: `${CHECKED}2020.json (its "nowork2020" list)`,
    transfers: [
      { from: '2020-01-04', to: '2020-05-04' },
      { from: '2020-01-05', to: '2020-05-05' },
    ],
    daysOff: [
      ...covidDays('2020-03-30', '2020-04-30'),
      ...covidDays('2020-05-06', '2020-05-08'),
      {
        date: '2020-06-24',
        reason: { ru: 'Нерабочий день (парад Победы)', en: 'Non-working day (Victory parade)' },
      },
      {
        date: '2020-07-01',
        reason: {
          ru: 'Нерабочий день (общероссийское голосование)',
          en: 'Non-working day (constitutional vote)',
        },
      },
    ],
  },
  '2021': {
    source:
      'Government decree "On the transfer of days off in 2021" (signed October 2020, transfers also in the Government press release); Presidential decrees declaring non-working days 4–7 May and 1–3 November (COVID-19)',
    confirmed: true,
    note: `${CHECKED}2021.json (its "nowork" list)`,
    transfers: [
      { from: '2021-01-02', to: '2021-11-05' },
      { from: '2021-01-03', to: '2021-12-31' },
      { from: '2021-02-20', to: '2021-02-22' },
    ],
    daysOff: [...covidDays('2021-05-04', '2021-05-07'), ...covidDays('2021-11-01', '2021-11-03')],
  },
  '2022': {
    source: 'Government decree "On the transfer of days off in 2022" (2021)',
    confirmed: true,
    note: `${CHECKED}2022.json`,
    transfers: [
      { from: '2022-01-01', to: '2022-05-03' },
      { from: '2022-01-02', to: '2022-05-10' },
      { from: '2022-03-05', to: '2022-03-07' },
    ],
  },
  '2023': {
    source: 'Government decree "On the transfer of days off in 2023" (2022)',
    confirmed: true,
    note: `${CHECKED}2023.json`,
    transfers: [
      { from: '2023-01-01', to: '2023-02-24' },
      { from: '2023-01-08', to: '2023-05-08' },
    ],
  },
  '2024': {
    source: 'Government decree of 10.08.2023 No. 1314 "On the transfer of days off in 2024"',
    confirmed: true,
    note: 'Decree text read at normativ.kontur.ru (document 454126); dates also checked against d10xa/holidays-calendar json/superjob2024.json',
    transfers: [
      { from: '2024-01-06', to: '2024-05-10' },
      { from: '2024-01-07', to: '2024-12-31' },
      { from: '2024-04-27', to: '2024-04-29' },
      { from: '2024-11-02', to: '2024-04-30' },
      { from: '2024-12-28', to: '2024-12-30' },
    ],
  },
  '2025': {
    source: 'Government decree of 04.10.2024 No. 1335 "On the transfer of days off in 2025"',
    confirmed: true,
    note: `${CHECKED}2025.json; all five transfers also in the Government press release of 2024-10-04`,
    transfers: [
      { from: '2025-01-04', to: '2025-05-02' },
      { from: '2025-01-05', to: '2025-12-31' },
      { from: '2025-02-23', to: '2025-05-08' },
      { from: '2025-03-08', to: '2025-06-13' },
      { from: '2025-11-01', to: '2025-11-03' },
    ],
  },
  '2026': {
    source: 'Government decree "On the transfer of days off in 2026", signed 24.09.2025',
    confirmed: true,
    note: `${CHECKED}2026.json and the Government press release of 2025-09-24 (TASS)`,
    transfers: [
      { from: '2026-01-03', to: '2026-01-09' },
      { from: '2026-01-04', to: '2026-12-31' },
    ],
  },
  '2027': {
    source: 'No decree yet: Labour Code art. 112 only',
    confirmed: false,
    note: 'Unconfirmed. The decree for 2027 was not adopted when this table was written; Saturday 2 and Sunday 3 January 2027 will be moved by it. A forecast calendar (d10xa/holidays-calendar json/consultant2027.json) and a draft reported in the press disagree, so neither is used.',
    transfers: [],
  },
};

function covidDays(
  first: string,
  last: string,
): { readonly date: string; readonly reason: { readonly ru: string; readonly en: string } }[] {
  const out: { date: string; reason: { ru: string; en: string } }[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end; t += 86_400_000) {
    const date = new Date(t);
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    out.push({
      date: date.toISOString().slice(0, 10),
      reason: {
        ru: 'Нерабочий день по указу Президента',
        en: 'Non-working day by Presidential decree',
      },
    });
  }
  return out;
}
