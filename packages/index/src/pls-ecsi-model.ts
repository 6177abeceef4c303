import { checkOptions } from '@edu-quality/core';
import { ensure } from './internal/fail.js';
import { ECSI_ITEMS } from './internal/pls/options.js';
import type { PlsEdge, PlsModel } from './pls-path-model.js';

/** The item ids that measure each latent variable of the ECSI model. */
export interface EcsiItems {
  /** IMAG: the image of the service or institution. */
  readonly image: readonly string[];
  /** EXPE: what the respondent expected. */
  readonly expectations: readonly string[];
  /** QUAL: perceived quality. */
  readonly quality: readonly string[];
  /** VAL: perceived value (quality for the price or effort). */
  readonly value: readonly string[];
  /** SAT: satisfaction. */
  readonly satisfaction: readonly string[];
  /** COMP: complaints and their handling; optional, on a path SAT → COMP → LOY beside SAT → LOY. */
  readonly complaints?: readonly string[];
  /** LOY: loyalty (would choose again, would recommend). */
  readonly loyalty: readonly string[];
}

/**
 * The European Customer Satisfaction Index (ECSI) model as a {@link PlsModel}:
 * image, expectations, perceived quality, perceived value, satisfaction,
 * optionally complaints, and loyalty, with the standard inner model,
 * parameterised by the item ids of each block.
 *
 * @remarks
 * Latent variables IMAG, EXPE, QUAL, VAL, SAT, (COMP), LOY, all reflective
 * (mode A). Inner model: IMAG → EXPE, SAT, LOY; EXPE → QUAL, VAL, SAT;
 * QUAL → VAL, SAT; VAL → SAT; SAT → LOY; with complaints, also SAT → COMP
 * and COMP → LOY, keeping the direct SAT → LOY (the ECSI and ACSI models
 * both keep it; the ECSI structural model of `@edu-quality/templates`,
 * `ecsiPaths`, has the same twelve paths). Each block usually has 3–5 items
 * on a 0–10 or 1–10 scale.
 *
 * References: ECSI Technical Committee (1998), "European Customer
 * Satisfaction Index: foundation and structure for harmonized national pilot
 * projects"; Tenenhaus et al. (2005), section 5.
 *
 * @param items - the item ids of each block
 * @returns the model, ready for {@link plsPathModel}
 * @throws {@link @edu-quality/core!EduQualityError} `invalid-argument` when a block has no items, or for an unknown key or a block that is not an array of strings (the path is named, e.g. `items.complaint`).
 *
 * @example
 * ```ts
 * const model = ecsiModel({
 *   image: ['img1', 'img2'], expectations: ['exp1', 'exp2'], quality: ['qual1', 'qual2'],
 *   value: ['val1', 'val2'], satisfaction: ['sat1', 'sat2'], loyalty: ['loy1', 'loy2'],
 * });
 * model.blocks.map((b) => b.name); // => ['IMAG', 'EXPE', 'QUAL', 'VAL', 'SAT', 'LOY']
 * model.inner.length; // => 10
 * ecsiModel({ image: ['i'], expectations: ['e'], quality: ['q'], value: ['v'], satisfaction: ['s'], complaints: ['c'], loyalty: ['l'] }).inner.length; // => 12
 * ecsiModel({ image: [], expectations: ['e'], quality: ['q'], value: ['v'], satisfaction: ['s'], loyalty: ['l'] }); // throws
 * ```
 */
export function ecsiModel(items: EcsiItems): PlsModel {
  // An unknown key (say `complaint`) would otherwise drop its block silently.
  checkOptions('ecsiModel', items, ECSI_ITEMS, 'items');
  const blocks: { name: string; indicators: readonly string[] }[] = [
    { name: 'IMAG', indicators: items.image },
    { name: 'EXPE', indicators: items.expectations },
    { name: 'QUAL', indicators: items.quality },
    { name: 'VAL', indicators: items.value },
    { name: 'SAT', indicators: items.satisfaction },
  ];
  if (items.complaints !== undefined) blocks.push({ name: 'COMP', indicators: items.complaints });
  blocks.push({ name: 'LOY', indicators: items.loyalty });
  for (const block of blocks) {
    ensure(
      Array.isArray(block.indicators) && block.indicators.length > 0,
      'ecsiModel',
      `block ${block.name} needs at least one item id`,
    );
  }
  const inner: PlsEdge[] = [
    ['IMAG', 'EXPE'],
    ['IMAG', 'SAT'],
    ['IMAG', 'LOY'],
    ['EXPE', 'QUAL'],
    ['EXPE', 'VAL'],
    ['EXPE', 'SAT'],
    ['QUAL', 'VAL'],
    ['QUAL', 'SAT'],
    ['VAL', 'SAT'],
  ];
  // Complaints add a path beside SAT → LOY, they do not replace it.
  if (items.complaints === undefined) inner.push(['SAT', 'LOY']);
  else inner.push(['SAT', 'COMP'], ['SAT', 'LOY'], ['COMP', 'LOY']);
  return { blocks: blocks.map((b) => ({ ...b, indicators: [...b.indicators] })), inner };
}
