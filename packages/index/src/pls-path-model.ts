import { checkOptions } from '@edu-quality/core';
import type { ResponseSet } from '@edu-quality/questionnaire';
import { buildResult, fitPrepared } from './internal/pls/fit.js';
import { PLS_FIT_OPTIONS } from './internal/pls/options.js';
import { preparePls } from './internal/pls/prepare.js';

/** How a block's indicators relate to its latent variable: `A` reflective, `B` formative. */
export type PlsMode = 'A' | 'B';

/** The inner weighting scheme of the PLS iteration. */
export type PlsScheme = 'centroid' | 'factorial' | 'path';

/** Whether indicators are standardised (`standardised`) or only centred (`raw`, the ACSI case). */
export type PlsScaling = 'standardised' | 'raw';

/** How respondents with missing answers are used; see {@link PlsOptions}. */
export type PlsMissing = 'listwise' | 'mean-imputation' | 'available-case';

/** A latent variable and the manifest variables (item ids or column names) that measure it. */
export interface PlsBlock {
  /** The latent variable's name, for example `SAT`. */
  readonly name: string;
  /** Its indicators: item ids of a ResponseSet or column names of a matrix. */
  readonly indicators: readonly string[];
  /** `A` (reflective, the default) or `B` (formative). */
  readonly mode?: PlsMode;
}

/** An arrow of the inner model: `[from, to]` by latent variable name. */
export type PlsEdge = readonly [from: string, to: string];

/**
 * A PLS path model: blocks (the outer model) and the arrows between latent
 * variables (the inner model).
 */
export interface PlsModel {
  /** The latent variables with their indicators, in the order results list them. */
  readonly blocks: readonly PlsBlock[];
  /**
   * The inner model: a list of `[from, to]` edges, or a square 0/1 path matrix
   * in block order whose entry `[i][j] = 1` means block j → block i (plspm's
   * convention). It must be acyclic, and every latent variable must take part.
   */
  readonly inner: readonly PlsEdge[] | readonly (readonly number[])[];
}

/** A numeric matrix with column names; `null` or `NaN` marks a missing cell. */
export interface PlsDataMatrix {
  /** The column names. */
  readonly columns: readonly string[];
  /** One array per respondent, aligned with `columns`. */
  readonly rows: readonly (readonly (number | null)[])[];
}

/** Options of {@link plsPathModel}. */
export interface PlsOptions {
  /** Inner weighting scheme; default `centroid`. */
  readonly scheme?: PlsScheme;
  /** `standardised` (default) or `raw` (centred only, for ACSI-style indices). */
  readonly scaling?: PlsScaling;
  /**
   * Convergence tolerance; default 1e-6 (plspm). Standardised fits stop when
   * Σ(|Y_old| − |Y_new|)² over all scores falls below it, raw fits when
   * Σ(|w_old| − |w_new|)² over the weights does (plspm's two engines).
   */
  readonly tolerance?: number;
  /** Iteration limit; default 100 (plspm). */
  readonly maxIterations?: number;
  /**
   * `listwise` (default): drop respondents with any missing indicator;
   * `mean-imputation`: replace a missing cell by its indicator's mean;
   * `available-case`: plspm's handling, every weight and score computed over
   * the available cells (standardised scaling and mode A blocks only).
   */
  readonly missing?: PlsMissing;
}

/** One indicator of the outer model. */
export interface PlsOuterRow {
  /** The indicator. */
  readonly indicator: string;
  /** Its latent variable. */
  readonly block: string;
  /** Outer weight on the treated (standardised or centred) indicator. */
  readonly weight: number;
  /** Outer weight on the indicator's own metric (weight ÷ its standard deviation when standardised). */
  readonly unstandardisedWeight: number;
  /** Correlation with its own latent variable. */
  readonly loading: number;
  /** loading². */
  readonly communality: number;
  /** communality × R² of its latent variable. */
  readonly redundancy: number;
  /** Correlations with every latent variable. */
  readonly crossLoadings: Readonly<Record<string, number>>;
  /** The indicator's mean over the respondents used. */
  readonly mean: number;
  /** The scale range of the indicator, when the data states it (ResponseSet scale items). */
  readonly range?: { readonly min: number; readonly max: number };
}

/** A path coefficient with its OLS standard error, t and two-sided p. */
export interface PlsPathRow {
  /** The predecessor. */
  readonly from: string;
  /** The endogenous latent variable. */
  readonly to: string;
  /** The standardised path coefficient. */
  readonly estimate: number;
  /** OLS standard error. */
  readonly stdError: number;
  /** estimate ÷ stdError. */
  readonly t: number;
  /** Two-sided p from Student's t with n − k − 1 degrees of freedom. */
  readonly pValue: number;
}

/** The direct, indirect and total effect of one latent variable on another. */
export interface PlsEffect {
  /** The cause. */
  readonly from: string;
  /** The effect. */
  readonly to: string;
  /** The path coefficient (0 without a direct arrow). */
  readonly direct: number;
  /** The sum over the paths through other latent variables. */
  readonly indirect: number;
  /** direct + indirect. */
  readonly total: number;
}

/** Block-level quality of one latent variable. */
export interface PlsBlockSummary {
  /** The latent variable. */
  readonly name: string;
  /** Its measurement mode. */
  readonly mode: PlsMode;
  /** Number of indicators. */
  readonly indicators: number;
  /** Whether it has predecessors in the inner model. */
  readonly type: 'exogenous' | 'endogenous';
  /** R² (0 for an exogenous latent variable). */
  readonly r2: number;
  /** Mean communality of its indicators. */
  readonly blockCommunality: number;
  /** Mean redundancy of its indicators. */
  readonly meanRedundancy: number;
  /** Average variance extracted, for mode A; `null` for a formative block. */
  readonly ave: number | null;
  /** Standardised Cronbach's α: p·r̄ / (1 + (p − 1)·r̄), floored at 0. */
  readonly cronbachAlpha: number;
  /** Dillon–Goldstein ρ from the block's first principal component. */
  readonly dillonGoldsteinRho: number;
  /** First eigenvalue of the block's correlation matrix. */
  readonly firstEigenvalue: number;
  /** Second eigenvalue of the block's correlation matrix (0 for one indicator). */
  readonly secondEigenvalue: number;
}

/** What the missing-data policy did. */
export interface PlsMissingReport {
  /** The policy applied. */
  readonly method: PlsMissing;
  /** Respondents in the data. */
  readonly rowsRead: number;
  /** Respondents used in the fit. */
  readonly rowsUsed: number;
  /** Respondents dropped (listwise, or no answer at all in a block). */
  readonly rowsDropped: number;
  /** Missing indicator cells in the data (NA answers included). */
  readonly cellsMissing: number;
  /** Cells replaced by their indicator's mean. */
  readonly cellsImputed: number;
}

/** The result of {@link plsPathModel}. */
export interface PlsResult {
  /** The latent variables, in model order. */
  readonly latent: readonly string[];
  /** The outer model, one row per indicator in block order. */
  readonly outer: readonly PlsOuterRow[];
  /** The path coefficients, one row per arrow. */
  readonly inner: readonly PlsPathRow[];
  /** Path coefficients by `[to][from]` (0 where there is no arrow). */
  readonly pathCoefficients: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** R² per latent variable (0 when exogenous). */
  readonly r2: Readonly<Record<string, number>>;
  /** Direct, indirect and total effects for every pair joined by a directed path. */
  readonly effects: readonly PlsEffect[];
  /** Block quality. */
  readonly blocks: readonly PlsBlockSummary[];
  /** Latent variable scores (unit population variance), one value per respondent used. */
  readonly scores: Readonly<Record<string, Float64Array>>;
  /** Goodness of fit; `null` when every block has a single indicator. */
  readonly gof: number | null;
  /** Iterations until convergence. */
  readonly iterations: number;
  /** Always true: a fit that does not converge throws. */
  readonly converged: true;
  /** Respondents used. */
  readonly n: number;
  /** The missing-data policy and its counts. */
  readonly missing: PlsMissingReport;
  /** The inner weighting scheme. */
  readonly scheme: PlsScheme;
  /** The scaling. */
  readonly scaling: PlsScaling;
}

/**
 * Fits a PLS path model (partial least squares path modelling, Wold and
 * Lohmöller): latent variables measured by blocks of indicators, joined by an
 * acyclic inner model, estimated as in R plspm.
 *
 * @remarks
 * The indicators are standardised with the population variance (divisor n),
 * or only centred when `scaling` is `raw`. The algorithm repeats, from equal
 * positive weights: inner weights e_ij for adjacent latent variables
 * (centroid: sign cor(Y_i, Y_j); factorial: cov(Y_i, Y_j); path: the
 * regression coefficients of Y_j on its predecessors, and cor(Y_i, Y_j) for
 * its successors); inner estimates Z_j = Σ e_ij Y_i; new outer weights,
 * mode A w_j = X_j′Z_j / Z_j′Z_j (a covariance up to scale), mode B
 * w_j = (X_j′X_j)⁻¹X_j′Z_j; new scores Y_j = X_j w_j rescaled to unit
 * variance; until the change falls below `tolerance`. Standardised fits follow
 * plspm's non-metric engine with numeric scaling (get_weights_nonmetric, the
 * engine behind the reference values), raw fits plspm's get_weights. The final
 * weights give unit-variance scores. Paths are OLS regressions of each
 * endogenous score on its predecessors; loadings are cor(x, Y_j);
 * GoF = √(mean communality of the blocks with more than one indicator ×
 * mean R² of the endogenous latent variables), as plspm's get_gof.
 *
 * Sign rule: a latent variable is defined up to its sign, and each fit
 * follows the plspm engine it reproduces. Standardised fits (plspm with
 * numeric scaling, get_weights_nonmetric) keep the sign the iteration reaches
 * from equal positive weights, as plspm does: it applies no sign rule there
 * (the Russett IND block keeps plspm's −0.95 on gnpr, +0.95 on labo). Raw
 * fits (plspm's metric engine) apply plspm's get_scores rule: when the signs
 * of cor(x, Y) over the block's own indicators sum to zero or less (a
 * majority correlates negatively, or they tie), the score is negated, and so
 * are its loadings and paths; the outer weights keep the sign get_weights
 * gave them, as plspm reports them, so such a block's score is −X·w.
 *
 * With `missing: 'available-case'` and missing cells, each mode A weight is
 * a regression over the rows where the indicator is present and each score a
 * regression over the indicators present in the row, as in plspm; loadings
 * and block statistics use pairwise-complete correlations. A {@link ResponseSet}'s "not applicable" code counts as missing.
 *
 * References: Tenenhaus, Esposito Vinzi, Chatelin and Lauro (2005), "PLS path
 * modeling", Computational Statistics & Data Analysis 48; Sanchez (2013),
 * "PLS Path Modeling with R" (R package plspm).
 *
 * @param data - a ResponseSet (scale, rating, NPS or number items) or a {@link PlsDataMatrix}
 * @param model - the blocks and the inner model
 * @param options - scheme, scaling, tolerance, iteration limit and missing-data policy
 * @returns weights, loadings, cross-loadings, communalities, redundancies, paths with R², effects, scores, block quality and GoF
 * @throws {@link @edu-quality/core!EduQualityError} `invalid-argument` for a malformed model (unknown names, a cycle, an isolated latent variable) or bad options;
 * an unknown option key or an option of the wrong type names its path (`options.scheme`);
 * `insufficient-data` for too few respondents or a constant indicator; `not-converged` when the iteration limit is reached.
 *
 * @example
 * ```ts
 * const rows = [[1, 2, 1, 2], [2, 1, 2, 2], [3, 3, 3, 4], [4, 5, 3, 3], [5, 4, 5, 5], [3, 4, 4, 3]];
 * const fit = plsPathModel(
 *   { columns: ['q1', 'q2', 's1', 's2'], rows },
 *   { blocks: [{ name: 'QUAL', indicators: ['q1', 'q2'] }, { name: 'SAT', indicators: ['s1', 's2'] }], inner: [['QUAL', 'SAT']] },
 * );
 * fit.r2.SAT; // => 0.72
 * fit.pathCoefficients.SAT?.QUAL; // => 0.85
 * plsPathModel({ columns: ['q1', 'q2', 's1', 's2'], rows }, { blocks: [{ name: 'A', indicators: ['q1'] }, { name: 'B', indicators: ['s1'] }], inner: [['A', 'B'], ['B', 'A']] }); // throws
 * ```
 */
export function plsPathModel(
  data: ResponseSet | PlsDataMatrix,
  model: PlsModel,
  options: PlsOptions = {},
): PlsResult {
  checkOptions('plsPathModel', options, PLS_FIT_OPTIONS);
  const prep = preparePls('plsPathModel', data, model, options);
  const ws = fitPrepared('plsPathModel', prep);
  return buildResult(prep, ws, options);
}
