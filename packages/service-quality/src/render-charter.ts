import { describeDeadlineRule } from '@edu-quality/calendar';
import {
  checkKnownOptions,
  EduQualityError,
  isLocaleTag,
  localeChain,
  localize,
  type Locale,
  type LocalizedText,
} from '@edu-quality/core';
import {
  amountWithUnit,
  CHARTER_MESSAGES,
  fill,
  type CharterMessages,
} from './internal/charter-messages.js';
import type {
  Norm,
  OpeningHoursPeriod,
  ServiceQualityStandard,
} from './service-quality-standard.js';

/**
 * What the charter needs to know of a service: its id, its name and its
 * quality commitments. A service description of
 * `@edu-quality/service-standard` (`ServiceStandard`) has this shape.
 */
export interface CharterService {
  /** The service id, as norms' scopes name it. */
  readonly id: string;
  /** The service's name. */
  readonly name: LocalizedText;
  /** The service's own commitments. */
  readonly qualityCommitments?: readonly {
    readonly text: LocalizedText;
    readonly norm?: string;
  }[];
}

/** Options of {@link renderCharter}. */
export interface RenderCharterOptions {
  /** The customer-service quality standard the charter states. */
  readonly standard: ServiceQualityStandard;
  /** Services whose own commitments the charter lists. */
  readonly services?: readonly CharterService[];
  /** The language: `lt`, `en` or `ru` (others get English templates and the standard's texts by the fallback rule). */
  readonly locale: Locale;
  /** `markdown` or `html` (a fragment: one `<article>`). */
  readonly format: 'markdown' | 'html';
}

type Language = 'lt' | 'en' | 'ru';

interface Section {
  readonly heading: string;
  readonly paragraphs?: readonly string[];
  readonly items?: readonly string[];
  readonly subsections?: readonly { readonly heading: string; readonly items: readonly string[] }[];
}

function languageOf(locale: Locale): Language {
  const language = localeChain(locale).at(-1);
  return language === 'lt' || language === 'ru' ? language : 'en';
}

function percent(share: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(
    share,
  );
}

function weekdayNames(language: Language): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  // 1 January 2024 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

function hoursText(hours: readonly OpeningHoursPeriod[], language: Language): string {
  const names = weekdayNames(language);
  return hours
    .map((period) => {
      const days = [...new Set(period.weekdays)].sort((a, b) => a - b);
      const runs: string[] = [];
      for (let i = 0; i < days.length;) {
        let j = i;
        while (j + 1 < days.length && days[j + 1] === (days[j] ?? 0) + 1) j++;
        const first = names[(days[i] ?? 1) - 1] ?? '';
        const last = names[(days[j] ?? 1) - 1] ?? '';
        runs.push(i === j ? first : `${first}–${last}`);
        i = j + 1;
      }
      return `${runs.join(', ')} ${period.opens}–${period.closes}`;
    })
    .join('; ');
}

function normSentence(norm: Norm, locale: Locale, language: Language, m: CharterMessages): string {
  if (norm.commitment !== undefined) return localize(norm.commitment, locale);
  const title = localize(norm.title, locale);
  const target = (share: number): string => fill(m.target, { share: percent(share, language) });
  switch (norm.kind) {
    case 'response-deadline': {
      let text = fill(m.daysLimit, { title, rule: describeDeadlineRule(norm.deadline, language) });
      if (norm.from !== 'received') text += fill(m.countStart, { event: m.events[norm.from] });
      if (norm.extension !== undefined) {
        text += fill(m.extension, {
          amount: amountWithUnit(norm.extension.amount, m.units[norm.extension.unit], language),
        });
      }
      return text + target(norm.targetShare);
    }
    case 'latency': {
      const { unit, amount } = norm.limit;
      const text =
        unit === 'working-days' || unit === 'calendar-days'
          ? fill(m.daysLimit, {
              title,
              rule: describeDeadlineRule(
                {
                  amount,
                  unit,
                  ...(norm.limit.countFrom === undefined
                    ? {}
                    : { countFrom: norm.limit.countFrom }),
                  ...(norm.limit.moveOffNonWorkingDay === undefined
                    ? {}
                    : { moveOffNonWorkingDay: norm.limit.moveOffNonWorkingDay }),
                },
                language,
              ),
            })
          : fill(m.durationLimit, {
              title,
              amount: amountWithUnit(amount, m.units[unit], language),
            });
      return text + target(norm.targetShare);
    }
    case 'waiting-time':
      return (
        fill(m.durationLimit, {
          title,
          amount: amountWithUnit(norm.maxMinutes, m.units.minutes, language),
        }) + target(norm.targetShare)
      );
    case 'phone-answer': {
      let text =
        norm.measure === 'rings'
          ? fill(m.ringsLimit, { title, amount: new Intl.NumberFormat(language).format(norm.max) })
          : fill(m.durationLimit, {
              title,
              amount: amountWithUnit(norm.max, m.units.seconds, language),
            });
      if (norm.maxAbandonedShare !== undefined) {
        text += fill(m.abandoned, { share: percent(norm.maxAbandonedShare, language) });
      }
      return text + target(norm.targetShare);
    }
    case 'reply-channel':
      return fill(m.replyChannel, { title }) + target(norm.targetShare);
    case 'opening-hours': {
      let text = fill(m.openingHours, { title, hours: hoursText(norm.hours, language) });
      if ((norm.shortDayMinutes ?? 0) > 0) {
        text += fill(m.shortDay, {
          amount: amountWithUnit(norm.shortDayMinutes ?? 0, m.units.minutes, language),
        });
      }
      return text + target(norm.targetShare);
    }
    case 'satisfaction-target':
      return fill(m.satisfactionTarget, {
        title,
        minimum: new Intl.NumberFormat(language).format(norm.minimum),
      });
  }
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Markdown passes raw HTML through, so the characters of HTML are written as
// entities; Markdown's own punctuation is backslash-escaped, and line breaks
// become spaces so that a text cannot start a block of its own.
function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]{}|!#])/g, '\\$1')
    .replace(/^([-+]|\d+[.)])(?=\s|$)/, '\\$1');
}

/**
 * Writes the citizens' charter of a customer-service quality standard in
 * Markdown or HTML, in Lithuanian, English or Russian: the institution's
 * commitments with the norms written out, the services' own commitments,
 * what the institution asks of people, how to complain and how satisfaction
 * is measured.
 *
 * @remarks
 * Every text comes from the standard's data (titles, expectations, the
 * complaints and measurement texts) or from the services; the sentences
 * around the numbers come from localised message tables, and day limits are
 * stated by `@edu-quality/calendar`'s `describeDeadlineRule`. A norm with a
 * `commitment` text is printed as written. Every text is escaped: in HTML
 * `& < > " '` become entities; in Markdown the HTML characters become
 * entities too (Markdown passes raw HTML through) and Markdown punctuation is
 * backslash-escaped, so a hostile name cannot inject markup or script.
 *
 * @param options - the standard, the services, the locale and the format
 * @returns the charter document
 * @throws {@link @edu-quality/core!EduQualityError} `invalid-argument` for a locale that is not a BCP 47 tag, an unknown format or an unknown option key (named with its path)
 *
 * @example
 * ```ts
 * const md = renderCharter({ standard: LT_SERVICE_QUALITY_STANDARD, locale: 'en', format: 'markdown' });
 * md.split('\n')[0]; // => "# Citizens' charter"
 * md.includes('- Reply to a written request — time limit: 20 working days, counted from the day after receipt. Our target: 95% of cases.'); // => true
 * const html = renderCharter({ standard: RU_SERVICE_QUALITY_STANDARD, locale: 'ru', format: 'html' });
 * html.includes('<li>Ожидание в очереди (МФЦ) — предельное время: 15 минут.'); // => true
html.includes('Начало отсчёта: регистрация.'); // => true
 * ```
 */
export function renderCharter(options: RenderCharterOptions): string {
  checkKnownOptions(
    'renderCharter',
    options,
    { locale: { type: 'string' }, format: { type: 'literal', values: ['markdown', 'html'] } },
    ['standard', 'services'],
  );
  const { standard, locale, format } = options;
  if (!isLocaleTag(locale)) {
    throw new EduQualityError(
      'invalid-argument',
      'renderCharter: locale must be a BCP 47 tag such as lt, en or ru',
    );
  }
  if (format !== 'markdown' && format !== 'html') {
    throw new EduQualityError('invalid-argument', 'renderCharter: format must be markdown or html');
  }
  const language = languageOf(locale);
  const m = CHARTER_MESSAGES[language];
  const text = (t: LocalizedText): string => localize(t, locale);
  const standardName =
    text(standard.title) + (standard.version === undefined ? '' : `, ${standard.version}`);
  const intro = fill(m.intro, { institution: text(standard.institution), standard: standardName });
  const sections: Section[] = [];
  if (standard.principles.length > 0) {
    sections.push({
      heading: m.principles,
      items: standard.principles.map((p) =>
        p.description === undefined ? text(p.title) : `${text(p.title)}: ${text(p.description)}`,
      ),
    });
  }
  if (standard.norms.length > 0) {
    sections.push({
      heading: m.commitments,
      items: standard.norms.map((n) => normSentence(n, locale, language, m)),
    });
  }
  const services = (options.services ?? []).filter((s) => (s.qualityCommitments ?? []).length > 0);
  if (services.length > 0) {
    sections.push({
      heading: m.services,
      subsections: services.map((s) => ({
        heading: text(s.name),
        items: (s.qualityCommitments ?? []).map((c) => text(c.text)),
      })),
    });
  }
  if (standard.expectations.length > 0) {
    sections.push({ heading: m.expectations, items: standard.expectations.map(text) });
  }
  sections.push({ heading: m.complaints, paragraphs: [text(standard.complaints)] });
  sections.push({ heading: m.satisfaction, paragraphs: [text(standard.satisfactionMeasurement)] });

  if (format === 'html') {
    const e = escapeHtml;
    const list = (items: readonly string[]): string =>
      `<ul>\n${items.map((i) => `<li>${e(i)}</li>`).join('\n')}\n</ul>`;
    const parts = [
      `<article class="citizens-charter" lang="${e(locale)}">`,
      `<h1>${e(m.title)}</h1>`,
      `<p>${e(intro)}</p>`,
    ];
    for (const s of sections) {
      parts.push(`<section>\n<h2>${e(s.heading)}</h2>`);
      for (const p of s.paragraphs ?? []) parts.push(`<p>${e(p)}</p>`);
      if (s.items !== undefined) parts.push(list(s.items));
      for (const sub of s.subsections ?? [])
        parts.push(`<h3>${e(sub.heading)}</h3>`, list(sub.items));
      parts.push('</section>');
    }
    parts.push('</article>');
    return `${parts.join('\n')}\n`;
  }
  const e = escapeMarkdown;
  const parts = [`# ${e(m.title)}`, e(intro)];
  for (const s of sections) {
    parts.push(`## ${e(s.heading)}`);
    for (const p of s.paragraphs ?? []) parts.push(e(p));
    if (s.items !== undefined) parts.push(s.items.map((i) => `- ${e(i)}`).join('\n'));
    for (const sub of s.subsections ?? []) {
      parts.push(`### ${e(sub.heading)}`, sub.items.map((i) => `- ${e(i)}`).join('\n'));
    }
  }
  return `${parts.join('\n\n')}\n`;
}
