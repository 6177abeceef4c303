// A small structural check of the HTML the renderer writes (Node has no DOM):
// tags balance, attributes are quoted, nothing runs. It is not a general HTML
// parser; it knows the shape renderHtml produces, which is what it guards.

const VOID = new Set(['meta', 'br', 'img', 'input', 'link', 'hr', 'col']);
// SVG elements the renderer writes self-closed.
const SELF_CLOSED = /\/>$/;

/** Problems of an HTML string: unbalanced tags, unquoted attributes, scripts, event handlers, external URLs. */
export function checkHtml(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  // The style element holds CSS, not markup.
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>');
  for (const m of body.matchAll(
    /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*(\/?)>|<(?!!doctype)[^\s]/g,
  )) {
    if (m[2] === undefined) {
      problems.push(`stray < at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
      continue;
    }
    const [, closing, name, attrs] = m;
    const tag = name.toLowerCase();
    if (tag === 'script') problems.push('a script element');
    if (/\son\w+=/i.test(attrs ?? '')) problems.push(`an event handler in <${tag}${attrs}>`);
    if (/\s(?:src|href)="(?!#|data:)/i.test(attrs ?? ''))
      problems.push(`an external reference in <${tag}${attrs}>`);
    if (closing === '/') {
      const open = stack.pop();
      if (open !== tag) problems.push(`</${tag}> closes <${open ?? 'nothing'}> at ${m.index}`);
    } else if (!VOID.has(tag) && !SELF_CLOSED.test(m[0])) {
      stack.push(tag);
    }
  }
  // Anything between tags must be text without a raw < or >.
  const text = body.replace(/<[^>]*>/g, '\u0000');
  if (/[<>]/.test(text.replace('<!doctype html>', ''))) problems.push('a raw < or > in text');
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' ')}`);
  return problems;
}

/** Decodes the entities that escapeHtml writes. */
export function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, '`')
    .replace(/&amp;/g, '&');
}

/** The elements `<tag ...attr="value"...>` with their inner HTML (non-nested tags only). */
export function elements(html: string, tag: string, attr: string, value?: string): string[] {
  const re = new RegExp(
    `<${tag}\\b[^>]*\\s${attr}="${value === undefined ? '[^"]*' : value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</${tag}>`,
    'g',
  );
  return [...html.matchAll(re)].map((m) => m[1] ?? '');
}
