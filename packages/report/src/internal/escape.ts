// Control characters other than tab and newline have no place in a report; they
// are replaced rather than passed to a parser (NUL, form feed, escape …).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const HTML: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Escapes text for HTML and SVG element content and for double- or
 * single-quoted attribute values: every `& < > " ' \``, and control
 * characters replaced by U+FFFD. Nothing from data reaches the markup any
 * other way.
 */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, '\uFFFD').replace(/[&<>"'`]/g, (c) => HTML[c]!);
}

/**
 * Escapes text for Markdown: HTML-significant characters become entities
 * (so no raw HTML passes through a Markdown renderer) and every
 * Markdown-significant ASCII punctuation character gets a backslash (so no
 * emphasis, link, heading, list, table cell or code span can be made). Line
 * breaks become spaces: a line break could start a block.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROL, '\uFFFD')
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~:;=$%^]/g, (c) => `\\${c}`)
    .replace(/[&<>"']/g, (c) => HTML[c]!);
}
