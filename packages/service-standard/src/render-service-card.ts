import { describeDeadlineRule } from '@edu-quality/calendar';
import {
  checkOptions,
  EduQualityError,
  isLocaleTag,
  localize,
  type Locale,
} from '@edu-quality/core';
import { escapeHtml, escapeMarkdown } from './internal/escape.js';
import type { ServiceStandard } from './service-standard.js';

/** Options of {@link renderServiceCard}. */
export interface RenderServiceCardOptions {
  /** The language of the card, for example `lt` or `en`. */
  readonly locale: Locale;
  /** `markdown` or an HTML fragment. */
  readonly format: 'markdown' | 'html';
}

const LABELS = {
  lt: {
    provider: 'Paslaugą teikia',
    audience: 'Kam skirta',
    requirements: 'Reikalavimai',
    evidence: 'Reikalingi dokumentai',
    steps: 'Eiga',
    deadline: 'Terminas',
    cost: 'Kaina',
    free: 'Nemokama',
    output: 'Rezultatas',
    channels: 'Kaip kreiptis',
    responsible: 'Atsakingas asmuo',
    legal: 'Teisinis pagrindas',
    commitments: 'Mūsų įsipareigojimai',
  },
  en: {
    provider: 'Provided by',
    audience: 'For',
    requirements: 'Requirements',
    evidence: 'Documents required',
    steps: 'Steps',
    deadline: 'Deadline',
    cost: 'Cost',
    free: 'Free of charge',
    output: 'Result',
    channels: 'How to apply',
    responsible: 'Responsible official',
    legal: 'Legal basis',
    commitments: 'Our commitments',
  },
  ru: {
    provider: 'Услугу предоставляет',
    audience: 'Для кого',
    requirements: 'Требования',
    evidence: 'Необходимые документы',
    steps: 'Порядок',
    deadline: 'Срок',
    cost: 'Стоимость',
    free: 'Бесплатно',
    output: 'Результат',
    channels: 'Как обратиться',
    responsible: 'Ответственное лицо',
    legal: 'Правовое основание',
    commitments: 'Наши обязательства',
  },
} as const;

const CHANNEL_NAMES = {
  lt: {
    'in-person': 'Atvykus',
    phone: 'Telefonu',
    email: 'El. paštu',
    'e-service': 'Elektroninė paslauga',
  },
  en: { 'in-person': 'In person', phone: 'By phone', email: 'By e-mail', 'e-service': 'Online' },
  ru: {
    'in-person': 'Лично',
    phone: 'По телефону',
    email: 'По электронной почте',
    'e-service': 'Онлайн',
  },
} as const;

/**
 * Renders a one-page card of a service that a municipality can publish: what
 * it is, who provides it, what to bring, the steps, the deadline, the cost,
 * the result, how to apply, the responsible official, the legal basis and the
 * commitments.
 *
 * @remarks
 * Texts come from the service in the requested locale (with the fallback of
 * {@link @edu-quality/core!localize}); labels exist in lt, en and ru (others get
 * English). Every text taken from the service is escaped: HTML special
 * characters in the HTML format, Markdown syntax in the Markdown format, so a
 * service description cannot inject markup or scripts. URLs are written as
 * text, not as links, so a `javascript:` address can never become clickable.
 *
 * @param service - the service
 * @param options - the locale and the format
 * @returns the card as Markdown, or as an HTML `<article>` fragment
 * @throws {@link @edu-quality/core!EduQualityError} `invalid-argument` naming the option for an unknown key, a missing or wrong locale or format
 *
 * @example
 * ```ts
 * const card = renderServiceCard(EXAMPLE_SERVICES[1]!, { locale: 'en', format: 'markdown' });
 * card.split('\n')[0]; // => '# Issue of a certificate of studies'
 * card.includes('5 working days, counted from the day after receipt'); // => true
 * ```
 */
export function renderServiceCard(
  service: ServiceStandard,
  options: RenderServiceCardOptions,
): string {
  checkOptions('renderServiceCard', options, {
    locale: { type: 'string' },
    format: { type: 'literal', values: ['markdown', 'html'] },
  });
  const { locale } = options;
  if (options.format === undefined) {
    throw new EduQualityError(
      'invalid-argument',
      'renderServiceCard: options.format must be markdown or html',
    );
  }
  if (typeof locale !== 'string' || !isLocaleTag(locale)) {
    throw new EduQualityError(
      'invalid-argument',
      'renderServiceCard: options.locale must be a BCP 47 tag such as lt, en or ru',
    );
  }
  const language = locale.split('-')[0] ?? 'en';
  const key = language === 'lt' || language === 'ru' ? language : 'en';
  const L = LABELS[key];
  const t = (text: Parameters<typeof localize>[0]): string => localize(text, locale);
  const sections: [string, string[]][] = [];
  const provider = service.provider ?? service.competentAuthority;
  sections.push([L.provider, [t(provider.name)]]);
  if (service.audience.length > 0) sections.push([L.audience, service.audience.map(t)]);
  if (service.requirements.length > 0)
    sections.push([L.requirements, service.requirements.map((r) => t(r.title))]);
  if (service.evidence.length > 0) {
    sections.push([
      L.evidence,
      service.evidence.map((e) =>
        e.description !== undefined ? `${t(e.title)}: ${t(e.description)}` : t(e.title),
      ),
    ]);
  }
  if (service.steps.length > 0) {
    sections.push([
      L.steps,
      service.steps.map((s) => {
        const deadline =
          s.deadline !== undefined ? `, ${describeDeadlineRule(s.deadline, key)}` : '';
        return `${t(s.title)} (${t(s.owner)}${deadline})`;
      }),
    ]);
  }
  sections.push([L.deadline, [describeDeadlineRule(service.processingTime, key)]]);
  sections.push([
    L.cost,
    service.costs.length === 0 || service.costs.every((c) => c.value === 0)
      ? [L.free]
      : service.costs.map(
          (c) =>
            `${c.value.toFixed(2)} ${c.currency}${c.description !== undefined ? ` (${t(c.description)})` : ''}`,
        ),
  ]);
  if (service.outputs.length > 0) sections.push([L.output, service.outputs.map((o) => t(o.title))]);
  sections.push([
    L.channels,
    service.channels.map((ch) => {
      const c = ch.contact;
      const parts = [
        c.address !== undefined ? t(c.address) : undefined,
        c.telephone,
        c.email,
        c.url,
        ch.openingHours !== undefined ? t(ch.openingHours) : undefined,
      ].filter((p): p is string => p !== undefined);
      return `${CHANNEL_NAMES[key][ch.type]}: ${parts.join('; ')}`;
    }),
  ]);
  sections.push([L.responsible, [t(service.responsibleRole)]]);
  if (service.legalBasis.length > 0)
    sections.push([L.legal, service.legalBasis.map((a) => `${t(a.title)} (${a.iri})`)]);
  if (service.qualityCommitments.length > 0) {
    sections.push([L.commitments, service.qualityCommitments.map((q) => t(q.text))]);
  }

  if (options.format === 'html') {
    const body = sections
      .map(
        ([label, items]) =>
          `<h2>${escapeHtml(label)}</h2>\n<ul>\n${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`,
      )
      .join('\n');
    return `<article class="service-card" lang="${escapeHtml(locale)}">\n<h1>${escapeHtml(t(service.name))}</h1>\n<p>${escapeHtml(
      t(service.description),
    )}</p>\n${body}\n</article>\n`;
  }
  const body = sections
    .map(
      ([label, items]) =>
        `## ${escapeMarkdown(label)}\n\n${items.map((i) => `- ${escapeMarkdown(i)}`).join('\n')}`,
    )
    .join('\n\n');
  return `# ${escapeMarkdown(t(service.name))}\n\n${escapeMarkdown(t(service.description))}\n\n${body}\n`;
}
