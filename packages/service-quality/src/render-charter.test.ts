import { describe, expect, it } from 'vitest';
import { LT_SERVICE_QUALITY_STANDARD } from './lt-service-quality-standard.js';
import { renderCharter } from './render-charter.js';
import { RU_SERVICE_QUALITY_STANDARD } from './ru-service-quality-standard.js';
import type { ServiceQualityStandard } from './service-quality-standard.js';

const HOSTILE = '<img src=x onerror=alert(1)>';
const hostileText = { lt: HOSTILE, en: HOSTILE, ru: HOSTILE };
const hostile: ServiceQualityStandard = {
  ...LT_SERVICE_QUALITY_STANDARD,
  title: { en: `${HOSTILE} "quoted" & 'single'` },
  institution: hostileText,
  principles: [
    {
      id: 'p',
      title: hostileText,
      description: { en: '[click](javascript:alert(1)) **bold**\n# heading' },
      measuredBy: { items: ['q1'] },
    },
  ],
  norms: [
    { ...LT_SERVICE_QUALITY_STANDARD.norms[0]!, title: hostileText },
    { ...LT_SERVICE_QUALITY_STANDARD.norms[10]!, commitment: hostileText },
  ],
  expectations: [{ en: '- <script>alert(1)</script>' }],
  complaints: hostileText,
  satisfactionMeasurement: { en: '1. </p><iframe>' },
};

describe('renderCharter', () => {
  it('writes every section in lt, en and ru, in Markdown and HTML', () => {
    for (const locale of ['lt', 'en', 'ru']) {
      const md = renderCharter({
        standard: LT_SERVICE_QUALITY_STANDARD,
        locale,
        format: 'markdown',
      });
      expect(md.match(/^## /gm)).toHaveLength(5);
      expect(md.match(/^- /gm)?.length).toBe(6 + 14 + 5);
      const html = renderCharter({ standard: LT_SERVICE_QUALITY_STANDARD, locale, format: 'html' });
      expect(html.startsWith(`<article class="citizens-charter" lang="${locale}">`)).toBe(true);
      expect(html.match(/<li>/g)?.length).toBe(6 + 14 + 5);
    }
  });

  it('writes the concrete norms from the data, with plural forms of the language', () => {
    const lt = renderCharter({
      standard: LT_SERVICE_QUALITY_STANDARD,
      locale: 'lt',
      format: 'markdown',
    });
    expect(lt).toContain(
      '- Atsakymas į rašytinį prašymą – terminas: 20 darbo dienų, skaičiuojant nuo kitos dienos po gavimo.',
    );
    expect(lt).toContain('Persiuntimas kompetentingai institucijai – terminas: 5 darbo dienos');
    expect(lt).toContain('Laukimas eilėje – didžiausia trukmė: 15 minučių.');
    expect(lt).toContain('darbo laikas: pr–kt 08:00–17:00; pn 08:00–15:45');
    const ru = renderCharter({
      standard: RU_SERVICE_QUALITY_STANDARD,
      locale: 'ru',
      format: 'markdown',
    });
    expect(ru).toContain('Регистрация обращения — срок: 3 календарных дня');
    expect(ru).toContain('Начало отсчёта: регистрация.');
    const en = renderCharter({
      standard: LT_SERVICE_QUALITY_STANDARD,
      locale: 'en',
      format: 'markdown',
    });
    expect(en).toContain(
      'Decision on a complaint — time limit: 20 working days, counted from the day after receipt. The time limit may be extended by 10 working days; we will tell you. Our target: 95% of cases.',
    );
    expect(en).toContain(
      'Answering the telephone — at most 2 rings. Unanswered calls: at most 10%.',
    );
    expect(en).toContain('Client satisfaction index — at least 75 out of 100.');
  });

  it('changes with the data: an edited norm is written with its new number', () => {
    const edited = structuredClone(LT_SERVICE_QUALITY_STANDARD) as {
      norms: { id: string; maxMinutes?: number }[];
    } & ServiceQualityStandard;
    edited.norms.find((n) => n.id === 'N8')!.maxMinutes = 21;
    expect(renderCharter({ standard: edited, locale: 'en', format: 'markdown' })).toContain(
      'Waiting in the queue — at most 21 minutes.',
    );
    expect(renderCharter({ standard: edited, locale: 'ru', format: 'markdown' })).toContain(
      'предельное время: 21 минута.',
    );
  });

  it('lists the services and their own commitments', () => {
    const services = [
      {
        id: 'admission',
        name: { en: 'Admission to a school' },
        qualityCommitments: [{ text: { en: 'Decision within 10 working days' }, norm: 'N1' }],
      },
      { id: 'none', name: { en: 'No commitments' } },
    ];
    const md = renderCharter({
      standard: LT_SERVICE_QUALITY_STANDARD,
      services,
      locale: 'en',
      format: 'markdown',
    });
    expect(md).toContain(
      '## Commitments of our services\n\n### Admission to a school\n\n- Decision within 10 working days',
    );
    expect(md).not.toContain('No commitments');
  });

  it('escapes hostile strings in HTML', () => {
    const html = renderCharter({ standard: hostile, locale: 'en', format: 'html' });
    expect(html).not.toMatch(/<img|<script|<iframe|<\/p><iframe/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
    // Only the template's own tags remain.
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['article', 'h1', 'h2', 'li', 'p', 'section', 'ul']);
  });

  it('escapes hostile strings in Markdown, where raw HTML would pass through', () => {
    const md = renderCharter({ standard: hostile, locale: 'en', format: 'markdown' });
    expect(md).not.toMatch(/<img|<script|<iframe/);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('\\[click\\](javascript:alert(1)) \\*\\*bold\\*\\* \\# heading');
    expect(md).toContain('- \\- &lt;script&gt;');
    expect(md).toContain('\n\\1. &lt;/p&gt;&lt;iframe&gt;');
    // No line of data text starts a heading or a list of its own.
    expect(md.split('\n').filter((l) => l.startsWith('#')).length).toBe(1 + 5);
  });

  it('prints a commitment text as written instead of the generated sentence', () => {
    const md = renderCharter({ standard: hostile, locale: 'lt', format: 'markdown' });
    expect(md).toContain('- &lt;img src=x onerror=alert(1)&gt;\n');
  });

  it('falls back to English templates for other locales and rejects bad arguments', () => {
    const de = renderCharter({
      standard: LT_SERVICE_QUALITY_STANDARD,
      locale: 'de',
      format: 'markdown',
    });
    expect(de.split('\n')[0]).toBe("# Citizens' charter");
    expect(() =>
      renderCharter({ standard: LT_SERVICE_QUALITY_STANDARD, locale: '"><x', format: 'html' }),
    ).toThrow(/locale/);
    expect(() =>
      renderCharter({
        standard: LT_SERVICE_QUALITY_STANDARD,
        locale: 'en',
        format: 'pdf' as 'html',
      }),
    ).toThrow(/format/);
  });
});

describe('renderCharter options', () => {
  it('names an unknown option key', () => {
    const options = {
      standard: LT_SERVICE_QUALITY_STANDARD,
      locale: 'lt',
      format: 'html',
      service: [],
    } as unknown as Parameters<typeof renderCharter>[0];
    expect(() => renderCharter(options)).toThrow(
      /renderCharter: options\.service is not an option/,
    );
  });
});
