import { SCALE_RANGE } from './internal/option-shapes.js';
import { checkOptions } from '@edu-quality/core';
import { ensure } from './internal/fail.js';

/** The bounds of a scale. */
export interface ScaleRange {
  /** The lowest point (least satisfied). */
  readonly min: number;
  /** The highest point (most satisfied). */
  readonly max: number;
}

/**
 * The 0–100 score of a value on any scale: where the value lies between the
 * lowest and the highest point, in percent.
 *
 * @remarks
 * `s = (x − min)/(max − min) × 100`. Applied to an item mean it gives the item
 * score of a satisfaction index, so results on 1–5, 0–4 and 1–10 scales are
 * comparable. See the methods note "Satisfaction indices and their
 * statistics", section Scores (ACSI and EPSI report on the same 0–100 scale:
 * Fornell et al. (1996), Journal of Marketing 60(4), 7–18).
 *
 * @param value - a value or a mean on the scale, within its bounds
 * @param range - the scale's lowest and highest points
 * @returns the score in 0–100
 * @throws `EduQualityError` `invalid-argument` when min ≥ max or the value lies outside the scale
 *
 * @example
 * ```ts
 * scaleScore(4, { min: 1, max: 5 }); // => 75
 * scaleScore(3.6, { min: 1, max: 5 }); // => 65
 * scaleScore(7, { min: 0, max: 10 }); // => 70
 * scaleScore(6, { min: 1, max: 5 }); // throws
 * ```
 */
export function scaleScore(value: number, range: ScaleRange): number {
  checkOptions('scaleScore', range, SCALE_RANGE, 'range');
  const { min, max } = range;
  ensure(
    Number.isFinite(min) && Number.isFinite(max) && min < max,
    'scaleScore',
    'needs min < max',
  );
  ensure(
    Number.isFinite(value) && value >= min - 1e-12 && value <= max + 1e-12,
    'scaleScore',
    `value ${value} is outside ${min}–${max}`,
  );
  return Math.min(100, Math.max(0, ((value - min) / (max - min)) * 100));
}
