import { EduQualityError, checkOptions, type OptionShape } from '@edu-quality/core';
import {
  evaluateExpression,
  parseExpression,
  type Expression,
  type Question,
  type Questionnaire,
  type Scale,
} from '@edu-quality/questionnaire';
import { createRandom, normalCdf, type Random } from './internal/prng.js';
import { textSamples, type Tone } from './internal/open-text.js';

/**
 * One synthetic respondent: answers keyed by item id (a question id, or a
 * matrix row id), plus the id and weight columns. A scale, rating, NPS or
 * number answer is a number (the "not applicable" code included), a single
 * choice an option code, a multiple choice an array of codes, a text a
 * string. An unanswered or hidden item has no key.
 */
export type SyntheticRecord = Record<string, string | number | string[]>;

/** Options of {@link generateResponses}. */
export interface GenerateResponsesOptions {
  /** The number of respondents, a whole number ≥ 0. */
  readonly n: number;
  /** The seed; the same seed and options give the same records. */
  readonly seed: number;
  /**
   * The institution codes. Default: the options of the institution question,
   * or `inst-01` … `inst-12` when it has none.
   */
  readonly institutions?: readonly string[];
  /**
   * The id of the question that holds the institution. Default: the first
   * `segment` single-choice question with `acceptUnlisted`, else a question
   * named `institution` or `organisation`.
   */
  readonly institutionItem?: string;
  /** The standard deviation of the institution effects on the latent scale. Default 0.3. */
  readonly institutionEffect?: number;
  /** The mean of the latent satisfaction (0 is the middle of every scale). Default 0.8. */
  readonly meanSatisfaction?: number;
  /** The correlation of the dimension factors, 0–1. Default 0.7. */
  readonly dimensionCorrelation?: number;
  /** The share of visible, optional items left unanswered, 0–1. Default 0.03. */
  readonly missingRate?: number;
  /** The share of answers "not applicable / don't know" where a scale offers it, 0–1. Default 0.05. */
  readonly notApplicableRate?: number;
  /** The share of visible open-text questions answered, 0–1. Default 0.3. */
  readonly textRate?: number;
  /** Texts to answer open questions with, instead of the built-in samples in the default locale. */
  readonly textSamples?: readonly string[];
  /**
   * Relative frequencies of the options of single-choice questions that are
   * not driven by satisfaction (segments, filters), by item id, for example
   * `{ q6: { yes: 0.08, no: 0.92 } }`. Default: frequencies drawn from the seed.
   */
  readonly shares?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Shifts of the latent scale by item id or dimension name, for example `{ timeliness: -0.5 }`. */
  readonly offsets?: Readonly<Record<string, number>>;
  /** Whether to add a respondent weight (mean 1). Default `false`. */
  readonly weights?: boolean;
  /** The key of the respondent id. Default `id`. */
  readonly idColumn?: string;
  /** The key of the weight. Default `weight`. */
  readonly weightColumn?: string;
}

const DEFAULT_INSTITUTIONS = 12;
// Loading of an item on its dimension factor, and the SD of the item's own noise:
// with the defaults a 5-point item spreads like municipal survey data (about 35–40%
// top box, 30–35% 4, few 1s).
const LOADING = 0.6;
const NOISE = 0.4;

interface Plan {
  readonly question: Question;
  // The score codes of a scale, matrix, rating or NPS question, ascending.
  readonly codes: readonly number[];
  readonly sectionCondition: Expression | undefined;
  readonly condition: Expression | undefined;
}

function fail(message: string): never {
  throw new EduQualityError('invalid-argument', `generateResponses: ${message}`);
}

function rate(value: number | undefined, fallback: number, name: string): number {
  const v = value ?? fallback;
  if (!(v >= 0 && v <= 1)) fail(`${name} must be between 0 and 1, got ${String(v)}`);
  return v;
}

function isYesNo(question: Question): boolean {
  if (question.kind !== 'single' || question.options.length !== 2) return false;
  const values = question.options.map((option) => option.value).sort();
  return values[0] === 'no' && values[1] === 'yes';
}

// Satisfaction-driven single choice: a yes/no question that measures something.
function isLatentYesNo(question: Question): boolean {
  return (
    isYesNo(question) &&
    (question.dimension !== undefined ||
      question.role === 'satisfaction' ||
      question.role === 'overall' ||
      question.role === 'recommend')
  );
}

function findInstitutionItem(
  questionnaire: Questionnaire,
  requested: string | undefined,
): Question | undefined {
  const questions = questionnaire.sections.flatMap((section) => section.questions);
  if (requested !== undefined) {
    const found = questions.find((question) => question.id === requested);
    if (found?.kind !== 'single')
      fail(`institutionItem ${requested} is not a single-choice question`);
    return found;
  }
  return (
    questions.find(
      (q) => q.kind === 'single' && q.role === 'segment' && q.acceptUnlisted === true,
    ) ??
    questions.find(
      (q) => q.kind === 'single' && (q.id === 'institution' || q.id === 'organisation'),
    )
  );
}

// A categorical draw from relative frequencies.
function draw(random: Random, codes: readonly string[], weights: readonly number[]): string {
  let total = 0;
  for (const w of weights) total += w;
  let u = random.next() * total;
  for (let i = 0; i < codes.length; i++) {
    u -= weights[i] ?? 0;
    if (u < 0) return codes[i] as string;
  }
  return codes[codes.length - 1] as string;
}

// Frequencies of a segment or filter question: given, or drawn once from the seed
// (exponential weights, i.e. a flat Dirichlet).
function frequencies(
  seed: number,
  id: string,
  codes: readonly string[],
  given: Readonly<Record<string, number>> | undefined,
): number[] {
  if (given !== undefined) {
    const weights = codes.map((code) => (Object.hasOwn(given, code) ? (given[code] ?? 0) : 0));
    if (weights.some((w) => !(w >= 0)) || weights.every((w) => w === 0)) {
      fail(`shares of ${id} must be non-negative and not all zero`);
    }
    return weights;
  }
  const random = createRandom(seed, `share:${id}`);
  return codes.map(() => -Math.log(1 - random.next()) + 0.2);
}

function toCode(latent: number, codes: readonly number[]): number {
  const p = normalCdf(latent);
  const index = Math.min(codes.length - 1, Math.floor(p * codes.length));
  return codes[index] as number;
}

function scaleCodes(scale: Scale): number[] {
  return scale.points.map((point) => point.value).sort((a, b) => a - b);
}

function codesOf(question: Question): number[] {
  switch (question.kind) {
    case 'scale':
    case 'matrix':
      return scaleCodes(question.scale);
    case 'rating':
      return range(question.min, question.max);
    case 'nps':
      return range(0, 10);
    default:
      return [];
  }
}

function range(min: number, max: number): number[] {
  const out: number[] = [];
  for (let v = min; v <= max; v++) out.push(v);
  return out;
}

function truncate(text: string, maxLength: number | undefined): string {
  if (maxLength === undefined) return text;
  const chars = Array.from(text);
  return chars.length <= maxLength ? text : chars.slice(0, maxLength).join('');
}

// Every key generateResponses knows; their values are checked below, with
// the messages of this function. A typo (`seeds`) is an error, not a default.
const GENERATE_OPTIONS: OptionShape = {
  n: { type: 'unknown' },
  seed: { type: 'unknown' },
  institutions: { type: 'unknown' },
  institutionItem: { type: 'unknown' },
  institutionEffect: { type: 'unknown' },
  meanSatisfaction: { type: 'unknown' },
  dimensionCorrelation: { type: 'unknown' },
  missingRate: { type: 'unknown' },
  notApplicableRate: { type: 'unknown' },
  textRate: { type: 'unknown' },
  textSamples: { type: 'unknown' },
  shares: { type: 'unknown' },
  offsets: { type: 'unknown' },
  weights: { type: 'unknown' },
  idColumn: { type: 'unknown' },
  weightColumn: { type: 'unknown' },
};

/**
 * Generates synthetic survey responses for a questionnaire, with the
 * structure of real data: a latent satisfaction per respondent, institution
 * effects, correlated dimensions, item offsets, missing answers, "don't
 * know", skip logic and open-text comments.
 *
 * @remarks
 * The model, on a latent scale where 0 is the middle of every answer scale:
 *
 * - Each institution c has an effect u_c ~ N(0, `institutionEffect`²) and a
 *   size ~ lognormal(0, 0.5²), both drawn from the seed and the institution
 *   code, so an institution keeps its effect whatever the other codes.
 * - Each respondent r has a general factor g_r ~ N(0, 1) and, per dimension
 *   d, a factor f_rd = √ρ·g_r + √(1 − ρ)·z_rd with ρ = `dimensionCorrelation`.
 * - An item j of dimension d gets y = μ + u_c + o_j + 0.6·f_rd + 0.4·ε, with
 *   μ = `meanSatisfaction`, o_j an item offset ~ N(0, 0.25²) drawn from the
 *   seed and the item id plus any `offsets` for the item or its dimension.
 *   Items without a dimension, `overall` and `recommend` use g_r.
 *   Importance items have their own factor and a higher mean.
 * - A scale, rating or NPS answer is the code at quantile Φ(y) of its codes
 *   (so a k-point item's mean rises with y); a satisfaction yes/no question
 *   (one with a dimension, such as the NOK questions) is `yes` when
 *   y + 0.5 + noise > 0. Segment and filter questions draw from `shares`.
 * - Visible optional items are left out with probability `missingRate`;
 *   required ones never. Scales with a "not applicable" code get it with
 *   probability `notApplicableRate`.
 * - Skip logic is respected: sections and questions whose `visibleIf` is
 *   false (by `evaluateExpression` of `@edu-quality/questionnaire` on the
 *   answers so far) stay unanswered.
 * - Open text is answered with probability `textRate` (0.6 for a text shown
 *   by a condition), from samples in the questionnaire's default locale
 *   chosen by tone (negative, neutral, positive) from y, or from
 *   `textSamples`, cut to `maxLength`.
 * - With `weights`, each respondent gets a weight exp(0.3·a_group + 0.15·z),
 *   rescaled to mean 1 and rounded to 4 decimals.
 *
 * Randomness comes from mulberry32, a small 32-bit seeded generator (see
 * `src/internal/prng.ts`), hashed per purpose, so the output depends only on
 * the questionnaire, the seed and the options: same seed, identical records
 * on every platform. It is not a cryptographic generator.
 *
 * @param questionnaire - the questionnaire (a parsed one: `visibleIf` must parse)
 * @param options - the number of respondents, the seed and the model settings
 * @returns `n` records, each with the id (`R00001`, …) first and the weight last
 * @throws {@link @edu-quality/core!EduQualityError} with code `invalid-argument`
 * when `n` is not a whole number ≥ 0, a rate lies outside 0–1, the institution
 * question cannot be found while `institutions` is given, or a `visibleIf`
 * does not parse
 *
 * @example
 * ```ts
 * const records = generateResponses(educationSatisfactionQuestionnaire, { n: 200, seed: 42, institutions: ['a', 'b'] });
 * records.length; // => 200
 * records[0]?.id; // => 'R00001'
 * records.every((r) => r.institution === 'a' || r.institution === 'b'); // => true
 * generateResponses(educationSatisfactionQuestionnaire, { n: 5, seed: 42 })[0]; // => generateResponses(educationSatisfactionQuestionnaire, { n: 5, seed: 42 })[0]
 * generateResponses(educationSatisfactionQuestionnaire, { n: -1, seed: 1 }); // throws
 * ```
 */
export function generateResponses(
  questionnaire: Questionnaire,
  options: GenerateResponsesOptions,
): SyntheticRecord[] {
  checkOptions('generateResponses', options, GENERATE_OPTIONS);
  const { n, seed } = options;
  if (!Number.isInteger(n) || n < 0) fail(`n must be a whole number >= 0, got ${String(n)}`);
  if (!Number.isFinite(seed)) fail(`seed must be a finite number, got ${String(seed)}`);
  const missingRate = rate(options.missingRate, 0.03, 'missingRate');
  const naRate = rate(options.notApplicableRate, 0.05, 'notApplicableRate');
  const textRate = rate(options.textRate, 0.3, 'textRate');
  const rho = rate(options.dimensionCorrelation, 0.7, 'dimensionCorrelation');
  const institutionSd = options.institutionEffect ?? 0.3;
  if (!(institutionSd >= 0)) fail(`institutionEffect must be >= 0, got ${String(institutionSd)}`);
  const mean = options.meanSatisfaction ?? 0.8;
  if (!Number.isFinite(mean)) fail('meanSatisfaction must be finite');
  const idColumn = options.idColumn ?? 'id';
  const weightColumn = options.weightColumn ?? 'weight';
  const offsets = options.offsets ?? {};
  const shares = options.shares ?? {};
  const offset = (key: string | undefined): number =>
    key !== undefined && Object.hasOwn(offsets, key) ? (offsets[key] ?? 0) : 0;

  // Plan: the questions in order with their parsed conditions.
  const plans: Plan[] = [];
  const itemIds = new Set<string>();
  for (const section of questionnaire.sections) {
    const sectionCondition = parse(section.visibleIf, `section ${section.id}`);
    for (const question of section.questions) {
      plans.push({
        question,
        codes: codesOf(question),
        sectionCondition,
        condition: parse(question.visibleIf, `question ${question.id}`),
      });
      if (question.kind === 'matrix') for (const row of question.rows) itemIds.add(row.id);
      else itemIds.add(question.id);
    }
  }
  for (const key of [idColumn, weightColumn]) {
    if (itemIds.has(key)) fail(`${key} is an item id; choose another idColumn or weightColumn`);
  }

  // Institutions: codes, effects and sizes.
  const institutionQuestion = findInstitutionItem(questionnaire, options.institutionItem);
  if (institutionQuestion === undefined && options.institutions !== undefined) {
    fail('no institution question found; name it with institutionItem');
  }
  const listed =
    institutionQuestion?.kind === 'single' ? institutionQuestion.options.map((o) => o.value) : [];
  const institutions =
    options.institutions ??
    (listed.length > 0
      ? listed
      : Array.from(
          { length: DEFAULT_INSTITUTIONS },
          (_, i) => `inst-${String(i + 1).padStart(2, '0')}`,
        ));
  if (institutions.length === 0) fail('institutions must not be empty');
  const effect = new Map<string, number>();
  const sizes: number[] = [];
  for (const code of institutions) {
    const random = createRandom(seed, `institution:${code}`);
    effect.set(code, institutionSd * random.normal());
    sizes.push(Math.exp(0.5 * random.normal()));
  }

  // Fixed per item and per dimension: offsets drawn from the seed, computed once.
  const itemOffsets = new Map<string, number>();
  const itemOffset = (id: string, dimension: string | undefined): number => {
    let o = itemOffsets.get(id);
    if (o === undefined) {
      o = 0.25 * createRandom(seed, `item:${id}`).normal() + offset(id) + offset(dimension);
      itemOffsets.set(id, o);
    }
    return o;
  };
  const shareCache = new Map<string, number[]>();
  const sharesOf = (id: string, codes: readonly string[]): number[] => {
    let weights = shareCache.get(id);
    if (weights === undefined) {
      weights = frequencies(seed, id, codes, Object.hasOwn(shares, id) ? shares[id] : undefined);
      shareCache.set(id, weights);
    }
    return weights;
  };

  const random = createRandom(seed, 'respondents');
  const groupEffects = new Map<string, number>();
  const records: SyntheticRecord[] = [];
  const rawWeights: number[] = [];
  const tonesLocale = questionnaire.defaultLocale;

  for (let r = 0; r < n; r++) {
    const record: SyntheticRecord = { [idColumn]: `R${String(r + 1).padStart(5, '0')}` };
    const answers: Record<string, string | number | string[]> = {};
    const g = random.normal();
    const importanceFactor = random.normal();
    const dimensionFactors = new Map<string, number>();
    const factor = (dimension: string | undefined): number => {
      if (dimension === undefined) return g;
      let f = dimensionFactors.get(dimension);
      if (f === undefined) {
        f = Math.sqrt(rho) * g + Math.sqrt(1 - rho) * random.normal();
        dimensionFactors.set(dimension, f);
      }
      return f;
    };
    const institution = draw(random, institutions, sizes);
    const u = effect.get(institution) ?? 0;
    let weightKey = '';
    const latent = (
      id: string,
      dimension: string | undefined,
      role: string | undefined,
    ): number => {
      if (role === 'importance') {
        return 1.0 + itemOffset(id, dimension) + 0.5 * importanceFactor + 0.8 * random.normal();
      }
      return (
        mean + u + itemOffset(id, dimension) + LOADING * factor(dimension) + NOISE * random.normal()
      );
    };
    const skip = (required: boolean | undefined): boolean =>
      required !== true && random.next() < missingRate;

    for (const { question, codes: scoreCodes, sectionCondition, condition } of plans) {
      const visible =
        (sectionCondition === undefined || evaluateExpression(sectionCondition, answers)) &&
        (condition === undefined || evaluateExpression(condition, answers));
      if (!visible) continue;
      const set = (id: string, value: string | number | string[]): void => {
        answers[id] = value;
        record[id] = value;
      };
      switch (question.kind) {
        case 'matrix': {
          const na = question.scale.notApplicable?.value;
          for (const row of question.rows) {
            if (skip(question.required)) continue;
            if (na !== undefined && random.next() < naRate) {
              set(row.id, na);
              continue;
            }
            const role = row.role ?? question.role;
            set(
              row.id,
              toCode(latent(row.id, row.dimension ?? question.dimension, role), scoreCodes),
            );
          }
          break;
        }
        case 'scale': {
          if (skip(question.required)) break;
          const na = question.scale.notApplicable?.value;
          if (na !== undefined && random.next() < naRate) set(question.id, na);
          else
            set(
              question.id,
              toCode(latent(question.id, question.dimension, question.role), scoreCodes),
            );
          break;
        }
        case 'rating': {
          if (skip(question.required)) break;
          const na = question.notApplicable?.value;
          if (na !== undefined && random.next() < naRate) set(question.id, na);
          else
            set(
              question.id,
              toCode(latent(question.id, question.dimension, question.role), scoreCodes),
            );
          break;
        }
        case 'nps':
          if (skip(question.required)) break;
          set(
            question.id,
            toCode(latent(question.id, question.dimension, 'recommend'), scoreCodes),
          );
          break;
        case 'single': {
          if (question === institutionQuestion) {
            set(question.id, institution);
            break;
          }
          if (skip(question.required)) break;
          if (isLatentYesNo(question)) {
            const y = latent(question.id, question.dimension, question.role);
            set(question.id, y + 0.5 + 0.5 * random.normal() > 0 ? 'yes' : 'no');
            break;
          }
          const codes = question.options.map((option) => option.value);
          if (codes.length === 0) break;
          const value = draw(random, codes, sharesOf(question.id, codes));
          set(question.id, value);
          if (question.role === 'segment' && weightKey === '')
            weightKey = `${question.id}=${value}`;
          break;
        }
        case 'multi': {
          if (skip(question.required)) break;
          const codes = question.options.map((option) => option.value);
          const min = Math.max(1, question.minSelected ?? 1);
          const max = Math.min(codes.length, question.maxSelected ?? codes.length);
          const chosen = codes.filter(() => random.next() < 0.35);
          while (chosen.length < min) {
            const candidate = codes[random.int(codes.length)] as string;
            if (!chosen.includes(candidate)) chosen.push(candidate);
          }
          chosen.length = Math.min(chosen.length, max);
          set(
            question.id,
            codes.filter((code) => chosen.includes(code)),
          );
          break;
        }
        case 'number': {
          if (skip(question.required)) break;
          const min = question.min ?? 0;
          const max = question.max ?? Math.max(min, 100);
          const value = min + random.next() * (max - min);
          set(
            question.id,
            question.integer === false ? Math.round(value * 10) / 10 : Math.round(value),
          );
          break;
        }
        case 'text': {
          const share = question.visibleIf === undefined ? textRate : Math.min(1, 2 * textRate);
          if (random.next() >= share) break;
          const y = mean + u + LOADING * g + NOISE * random.normal();
          const tone: Tone = y < mean - 0.5 ? 'negative' : y > mean + 0.7 ? 'positive' : 'neutral';
          const pool = options.textSamples ?? textSamples(tonesLocale, tone);
          if (pool.length === 0) break;
          set(question.id, truncate(pool[random.int(pool.length)] as string, question.maxLength));
          break;
        }
      }
    }

    if (options.weights === true) {
      let a = groupEffects.get(weightKey);
      if (a === undefined) {
        a = createRandom(seed, `weight:${weightKey}`).normal();
        groupEffects.set(weightKey, a);
      }
      rawWeights.push(Math.exp(0.3 * a + 0.15 * random.normal()));
    }
    records.push(record);
  }

  if (options.weights === true && n > 0) {
    let total = 0;
    for (const w of rawWeights) total += w;
    const scale = n / total;
    records.forEach((record, i) => {
      record[weightColumn] = Math.round((rawWeights[i] ?? 1) * scale * 10_000) / 10_000;
    });
  }
  return records;
}

function parse(source: string | undefined, owner: string): Expression | undefined {
  if (source === undefined) return undefined;
  try {
    return parseExpression(source);
  } catch (error) {
    throw new EduQualityError(
      'invalid-argument',
      `generateResponses: ${owner}: visibleIf does not parse`,
      {
        cause: error,
      },
    );
  }
}
