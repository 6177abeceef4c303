/**
 * The latent variables of the ECSI model, as named in {@link ecsiBlocks}.
 */
export type EcsiBlock =
  'image' | 'expectations' | 'quality' | 'value' | 'satisfaction' | 'complaints' | 'loyalty';

/**
 * The measurement model of {@link ecsiQuestionnaire}: each latent variable of
 * the European Customer Satisfaction Index with the ids of the items that
 * measure it.
 *
 * @remarks
 * Every block is reflective (mode A) in ECSI practice. Image has 5 items,
 * expectations 4, perceived quality 5, perceived value 3, satisfaction 3,
 * complaints 2 and loyalty 3, all rated 1–10 ("don't know" coded 99). The
 * ids are plain identifiers (`imag1`, `qual3`, …) that a PLS model definition
 * can reference as column names.
 *
 * @example
 * ```ts
 * ecsiBlocks.value; // => ['val1', 'val2', 'val3']
 * Object.values(ecsiBlocks).flat().length; // => 25
 * ```
 */
export const ecsiBlocks: Readonly<Record<EcsiBlock, readonly string[]>> = {
  image: ['imag1', 'imag2', 'imag3', 'imag4', 'imag5'],
  expectations: ['expe1', 'expe2', 'expe3', 'expe4'],
  quality: ['qual1', 'qual2', 'qual3', 'qual4', 'qual5'],
  value: ['val1', 'val2', 'val3'],
  satisfaction: ['sat1', 'sat2', 'sat3'],
  complaints: ['comp1', 'comp2'],
  loyalty: ['loy1', 'loy2', 'loy3'],
};

/**
 * The structural model of ECSI: the paths between the latent variables of
 * {@link ecsiBlocks}, each as `[from, to]`.
 *
 * @remarks
 * The usual ECSI paths (Eklöf and Westlund; the model of the ECSI Technical
 * Committee, 1998), as in the project's method note on PLS and ACSI/ECSI:
 * image → expectations, satisfaction, loyalty; expectations → quality, value,
 * satisfaction; quality → value, satisfaction; value → satisfaction;
 * satisfaction → loyalty; and complaints between satisfaction and loyalty
 * (satisfaction → complaints → loyalty). The graph is acyclic.
 *
 * @example
 * ```ts
 * ecsiPaths.filter(([, to]) => to === 'satisfaction').map(([from]) => from); // => ['image', 'expectations', 'quality', 'value']
 * ecsiPaths.length; // => 12
 * ```
 */
export const ecsiPaths: readonly (readonly [EcsiBlock, EcsiBlock])[] = [
  ['image', 'expectations'],
  ['image', 'satisfaction'],
  ['image', 'loyalty'],
  ['expectations', 'quality'],
  ['expectations', 'value'],
  ['expectations', 'satisfaction'],
  ['quality', 'value'],
  ['quality', 'satisfaction'],
  ['value', 'satisfaction'],
  ['satisfaction', 'complaints'],
  ['satisfaction', 'loyalty'],
  ['complaints', 'loyalty'],
];
