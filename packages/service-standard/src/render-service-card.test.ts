import { describe, expect, it } from 'vitest';
import { EXAMPLE_SERVICES } from './example-services.js';
import { renderServiceCard } from './render-service-card.js';
import type { ServiceStandard } from './service-standard.js';

const hostile =
  '<script>alert("x")</script> & <img src=x onerror=alert(1)> [link](javascript:alert(1)) **bold**';
const service: ServiceStandard = Object.freeze({
  ...EXAMPLE_SERVICES[1]!,
  name: { lt: hostile, en: hostile },
  description: { lt: `a\n# heading`, en: `a\n# heading` },
});

describe('renderServiceCard', () => {
  it('escapes hostile text in HTML', () => {
    const html = renderServiceCard(service, { locale: 'en', format: 'html' });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
    );
    expect(html.startsWith('<article class="service-card" lang="en">')).toBe(true);
  });

  it('escapes hostile text in Markdown', () => {
    const md = renderServiceCard(service, { locale: 'en', format: 'markdown' });
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('[link](');
    expect(md).toContain('\\[link\\](javascript:alert(1)) \\*\\*bold\\*\\*');
    // A newline in a text cannot start a heading of its own.
    expect(md).not.toMatch(/^# heading/m);
  });

  it('renders the card in Lithuanian with the deadline in words and the free cost', () => {
    const md = renderServiceCard(EXAMPLE_SERVICES[1]!, { locale: 'lt', format: 'markdown' });
    expect(md.split('\n')[0]).toBe('# Pažymos apie mokymąsi išdavimas');
    expect(md).toContain(
      '## Terminas\n\n- 5 darbo dienos, skaičiuojant nuo kitos dienos po gavimo',
    );
    expect(md).toContain('## Kaina\n\n- Nemokama');
  });
  it('names an unknown option, a missing format and a bad locale', () => {
    const service = EXAMPLE_SERVICES[1]!;
    const bad = (options: object) => () =>
      renderServiceCard(service, options as Parameters<typeof renderServiceCard>[1]);
    expect(bad({ locale: 'en', format: 'html', theme: 'dark' })).toThrow(
      /renderServiceCard: options\.theme is not an option/,
    );
    expect(bad({ locale: 'en' })).toThrow(/options\.format must be markdown or html/);
    expect(bad({ format: 'html' })).toThrow(/options\.locale must be a BCP 47 tag/);
    expect(bad({ locale: 'en', format: 'pdf' })).toThrow(/options\.format must be one of/);
  });
});
