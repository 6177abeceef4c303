import { formatValue } from '../format-value.js';
import type { ReportFigure } from '../report-document.js';
import { escapeHtml as esc } from './escape.js';
import { message } from './messages.js';

const W = 760;
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';

type Bars = Extract<ReportFigure, { kind: 'bars' }>;
type Stacked = Extract<ReportFigure, { kind: 'stacked' }>;
type Ipa = Extract<ReportFigure, { kind: 'ipa' }>;

/** A number written into an SVG attribute: fixed, finite, short. */
function n(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '0';
}

function clip(text: string, max: number): string {
  // Cut between graphemes, so no letter with a combining mark or emoji is split.
  const chars = Array.from(new Intl.Segmenter().segment(text), (s) => s.segment);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function open(figure: ReportFigure, height: number, uid: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${n(height)}" width="100%" ` +
    `role="img" aria-labelledby="${uid}-title ${uid}-desc" data-chart="${esc(figure.id)}" ${FONT} font-size="12">` +
    `<title id="${uid}-title">${esc(figure.title)}</title><desc id="${uid}-desc">${esc(figure.alt)}</desc>`
  );
}

/** Colours for k ordered categories: a diverging red–grey–blue ramp, safe for red–green colour blindness. */
function palette(k: number): string[] {
  const ramp = ['#b2182b', '#ef8a62', '#fddbc7', '#d9d9d9', '#d1e5f0', '#67a9cf', '#2166ac'];
  if (k === 3) return ['#b2182b', '#bdbdbd', '#2166ac'];
  if (k === 5) return ['#b2182b', '#ef8a62', '#d9d9d9', '#67a9cf', '#2166ac'];
  return Array.from({ length: k }, (_, i) => ramp[k === 1 ? 6 : Math.round((i * 6) / (k - 1))]!);
}

function barsSvg(figure: Bars, locale: string, uid: string): string {
  const labelWidth = 270;
  const x0 = labelWidth + 10;
  const x1 = W - 60;
  const row = 26;
  const top = 24;
  const height = top + Math.max(1, figure.bars.length) * row + 8;
  const { min, max } = figure.scale;
  const x = (v: number): number =>
    x0 + ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * (x1 - x0);
  const parts: string[] = [open(figure, height, uid)];
  for (let t = 0; t <= 5; t++) {
    const v = min + ((max - min) * t) / 5;
    parts.push(
      `<line x1="${n(x(v))}" x2="${n(x(v))}" y1="${top - 6}" y2="${n(height - 8)}" stroke="#e0e0e0" aria-hidden="true"/>` +
        `<text x="${n(x(v))}" y="${top - 10}" text-anchor="middle" fill="#555" aria-hidden="true">${esc(formatValue(v, 'count', locale))}</text>`,
    );
  }
  figure.bars.forEach((bar, i) => {
    const y = top + i * row;
    const whisker =
      bar.lower !== undefined && bar.upper !== undefined
        ? `<line x1="${n(x(bar.lower))}" x2="${n(x(bar.upper))}" y1="${y + row / 2 - 1}" y2="${y + row / 2 - 1}" stroke="#222" stroke-width="1.5" data-interval=""/>` +
          `<line x1="${n(x(bar.lower))}" x2="${n(x(bar.lower))}" y1="${y + 7}" y2="${y + row - 9}" stroke="#222" stroke-width="1.5"/>` +
          `<line x1="${n(x(bar.upper))}" x2="${n(x(bar.upper))}" y1="${y + 7}" y2="${y + row - 9}" stroke="#222" stroke-width="1.5"/>`
        : '';
    parts.push(
      `<g data-mark="${esc(bar.id)}" data-value="${esc(String(bar.value))}">` +
        `<title>${esc(bar.label)}: ${esc(formatValue(bar.value, figure.format ?? 'score', locale))}</title>` +
        `<text x="${labelWidth}" y="${y + row / 2 + 3}" text-anchor="end" fill="#222">${esc(clip(bar.label, 44))}</text>` +
        `<rect x="${x0}" y="${y + 4}" width="${n(Math.max(0, x(bar.value) - x0))}" height="${row - 10}" fill="#4a78a8"/>` +
        whisker +
        `<text x="${W - 4}" y="${y + row / 2 + 3}" text-anchor="end" fill="#222">${esc(formatValue(bar.value, figure.format ?? 'score', locale))}</text>` +
        `</g>`,
    );
  });
  if (figure.reference !== undefined) {
    parts.push(
      `<line data-reference="" x1="${n(x(figure.reference))}" x2="${n(x(figure.reference))}" y1="${top - 6}" y2="${n(height - 8)}" stroke="#b2182b" stroke-dasharray="4 3" stroke-width="1.5"/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

function stackedSvg(figure: Stacked, locale: string, uid: string): string {
  const labelWidth = 270;
  const x0 = labelWidth + 10;
  const x1 = W - 10;
  const row = 26;
  const colours = palette(figure.categories.length);
  // A legend row per four categories above the bars.
  const legendRows = Math.ceil(figure.categories.length / 3);
  const top = 8 + legendRows * 18;
  const height = top + Math.max(1, figure.stacks.length) * row + 6;
  const parts: string[] = [open(figure, height, uid)];
  figure.categories.forEach((c, k) => {
    const lx = 10 + (k % 3) * 250;
    const ly = 6 + Math.floor(k / 3) * 18;
    parts.push(
      `<g data-legend="${k}"><rect x="${lx}" y="${ly}" width="12" height="12" fill="${colours[k]!}"/>` +
        `<text x="${lx + 16}" y="${ly + 10}" fill="#222">${esc(clip(c, 38))}</text></g>`,
    );
  });
  figure.stacks.forEach((stack, i) => {
    const y = top + i * row;
    const total = stack.shares.reduce((s, v) => s + (Number.isFinite(v) ? v : 0), 0) || 1;
    let at = x0;
    const segments = stack.shares.map((share, k) => {
      const w = ((Number.isFinite(share) ? share : 0) / total) * (x1 - x0);
      const seg =
        `<rect data-category="${k}" x="${n(at)}" y="${y + 4}" width="${n(w)}" height="${row - 8}" fill="${colours[k]!}"/>` +
        (w >= 34
          ? `<text x="${n(at + w / 2)}" y="${y + row / 2 + 4}" text-anchor="middle" fill="${k === 0 || k === stack.shares.length - 1 ? '#fff' : '#111'}" font-size="11">${esc(formatValue(share, 'share', locale).replace(/[.,]\d/, ''))}</text>`
          : '');
      at += w;
      return seg;
    });
    parts.push(
      `<g data-mark="${esc(stack.id)}"><title>${esc(stack.label)}</title>` +
        `<text x="${labelWidth}" y="${y + row / 2 + 3}" text-anchor="end" fill="#222">${esc(clip(stack.label, 44))}</text>` +
        segments.join('') +
        `</g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

function ipaSvg(figure: Ipa, locale: string, uid: string): string {
  const height = 470;
  const left = 70;
  const right = W - 20;
  const top = 20;
  const bottom = height - 50;
  const xs = figure.points.map((p) => p.importance).concat(figure.cuts.importance);
  const ys = figure.points.map((p) => p.performance).concat(figure.cuts.performance);
  const pad = (lo: number, hi: number): [number, number] => {
    const span = hi - lo || Math.abs(hi) || 1;
    return [lo - span * 0.1, hi + span * 0.1];
  };
  const [xmin, xmax] = pad(Math.min(...xs), Math.max(...xs));
  const [ylo, yhi] = pad(Math.min(...ys), Math.max(...ys));
  const ymin = Math.max(0, ylo);
  const ymax = Math.min(100, yhi);
  const x = (v: number): number => left + ((v - xmin) / (xmax - xmin)) * (right - left);
  const y = (v: number): number => bottom - ((v - ymin) / (ymax - ymin || 1)) * (bottom - top);
  const parts: string[] = [open(figure, height, uid)];
  parts.push(
    `<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="none" stroke="#999"/>`,
  );
  for (let t = 0; t <= 4; t++) {
    const vx = xmin + ((xmax - xmin) * t) / 4;
    const vy = ymin + ((ymax - ymin) * t) / 4;
    parts.push(
      `<text x="${n(x(vx))}" y="${bottom + 16}" text-anchor="middle" fill="#555" aria-hidden="true">${esc(formatValue(vx, 'decimal', locale))}</text>` +
        `<text x="${left - 6}" y="${n(y(vy) + 4)}" text-anchor="end" fill="#555" aria-hidden="true">${esc(formatValue(vy, 'score', locale))}</text>`,
    );
  }
  parts.push(
    `<text x="${(left + right) / 2}" y="${height - 10}" text-anchor="middle" fill="#222">${esc(figure.xLabel)}</text>` +
      `<text x="16" y="${(top + bottom) / 2}" text-anchor="middle" fill="#222" transform="rotate(-90 16 ${(top + bottom) / 2})">${esc(figure.yLabel)}</text>`,
  );
  const cx = x(figure.cuts.importance);
  const cy = y(figure.cuts.performance);
  parts.push(
    `<line data-cut="importance" x1="${n(cx)}" x2="${n(cx)}" y1="${top}" y2="${bottom}" stroke="#666" stroke-dasharray="5 4"/>` +
      `<line data-cut="performance" x1="${left}" x2="${right}" y1="${n(cy)}" y2="${n(cy)}" stroke="#666" stroke-dasharray="5 4"/>`,
  );
  const corner = (
    key: Parameters<typeof message>[0],
    tx: number,
    ty: number,
    anchor: string,
  ): string =>
    `<text x="${n(tx)}" y="${n(ty)}" text-anchor="${anchor}" fill="#777" font-style="italic">${esc(message(key, locale))}</text>`;
  parts.push(
    corner('quadrant_concentrate-here', right - 6, bottom - 8, 'end'),
    corner('quadrant_keep-up-the-good-work', right - 6, top + 14, 'end'),
    corner('quadrant_low-priority', left + 6, bottom - 8, 'start'),
    corner('quadrant_possible-overkill', left + 6, top + 14, 'start'),
  );
  const fill: Record<string, string> = {
    'concentrate-here': '#b2182b',
    'keep-up-the-good-work': '#2166ac',
    'low-priority': '#999999',
    'possible-overkill': '#67a9cf',
  };
  for (const p of figure.points) {
    const px = x(p.importance);
    const py = y(p.performance);
    parts.push(
      `<g data-mark="${esc(p.id)}" data-quadrant="${esc(p.quadrant)}">` +
        `<title>${p.number}. ${esc(p.label)}: ${esc(formatValue(p.importance, 'decimal', locale))}; ${esc(formatValue(p.performance, 'score', locale))}</title>` +
        `<circle cx="${n(px)}" cy="${n(py)}" r="6" fill="${fill[p.quadrant] ?? '#333'}" stroke="#fff"/>` +
        `<text x="${n(px + 8)}" y="${n(py - 6)}" fill="#222" font-size="11">${p.number}</text></g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The SVG of a figure; every string from data is escaped. `uid` makes the ids of its title and description unique. */
export function figureSvg(figure: ReportFigure, locale: string, uid: string): string {
  switch (figure.kind) {
    case 'bars':
      return barsSvg(figure, locale, uid);
    case 'stacked':
      return stackedSvg(figure, locale, uid);
    case 'ipa':
      return ipaSvg(figure, locale, uid);
  }
}
