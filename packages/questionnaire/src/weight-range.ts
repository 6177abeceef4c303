/**
 * The smallest respondent weight {@link readResponses} accepts: `1e-6`.
 *
 * @remarks
 * A weight is how many people a respondent stands for: an inverse inclusion
 * probability (at least 1, at most the population of a municipality), or a
 * post-stratification factor normalised to a mean of 1 (typically 0.1–10).
 * The accepted range `[MIN_WEIGHT, MAX_WEIGHT]` = `[1e-6, 1e6]` holds both
 * with room to spare. Outside it a weight is a data error — `0` (the
 * respondent should not be in the export), a negative value, `Infinity`,
 * `1e308` or a subnormal such as `1e-320` — and the row is refused with an
 * issue at its row and column. The range also keeps every later sum safe: a
 * million rows of weights up to `1e6` sum to at most `1e12`, their squares
 * to `1e18`, far from overflow, and the largest and smallest weight differ
 * by at most `1e12`, within the 15 significant digits of a double.
 *
 * @example
 * ```ts
 * const q = parseQuestionnaire({ id: 'q', version: '1', title: { en: 'Q' }, locales: ['en'], defaultLocale: 'en', sections: [{ id: 's', title: { en: 'S' }, questions: [{ id: 'nps', kind: 'nps', text: { en: 'Recommend?' } }] }] });
 * const set = readResponsesSync(q, 'nps,weight\n9,0.000001\n8,0.0000001\n');
 * Array.from(set.weights ?? []); // => [MIN_WEIGHT]
 * set.issues[0]?.code; // => 'invalid-weight'
 * ```
 */
export const MIN_WEIGHT = 1e-6;

/**
 * The largest respondent weight {@link readResponses} accepts: `1e6`. See
 * {@link MIN_WEIGHT} for the range and why.
 *
 * @example
 * ```ts
 * const q = parseQuestionnaire({ id: 'q', version: '1', title: { en: 'Q' }, locales: ['en'], defaultLocale: 'en', sections: [{ id: 's', title: { en: 'S' }, questions: [{ id: 'nps', kind: 'nps', text: { en: 'Recommend?' } }] }] });
 * const set = readResponsesSync(q, 'nps,weight\n9,1000000\n8,1e308\n');
 * Array.from(set.weights ?? []); // => [MAX_WEIGHT]
 * set.counts.rejected; // => 1
 * ```
 */
export const MAX_WEIGHT = 1e6;
