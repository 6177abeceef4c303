import { ensure, fail } from './fail.js';
import type { CategoriesView } from './values.js';

/** Scales weights within each cell to the cell's population; shared with rake. */
export function scaleToMargin(
  weights: Float64Array,
  cells: CategoriesView,
  population: Readonly<Record<string, number>>,
  fn: string,
): Record<string, number> {
  const sums = new Map<string, number>();
  for (let i = 0; i < cells.length; i++) {
    const h = cells.at(i);
    if (h === undefined) fail('invalid-argument', fn, `respondent ${i} has no cell`);
    ensure(Object.hasOwn(population, h), fn, `cell ${h} has no population total`);
    sums.set(h, (sums.get(h) ?? 0) + weights[i]!);
  }
  const factors: Record<string, number> = {};
  for (const [h, total] of Object.entries(population)) {
    ensure(Number.isFinite(total) && total > 0, fn, `population of ${h} must be positive`);
    const sum = sums.get(h);
    if (sum === undefined) fail('insufficient-data', fn, `cell ${h} has no respondents`);
    factors[h] = total / sum;
  }
  for (let i = 0; i < cells.length; i++) weights[i] = weights[i]! * factors[cells.at(i)!]!;
  return factors;
}
