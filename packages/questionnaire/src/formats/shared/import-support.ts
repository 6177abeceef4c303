// Shared plumbing of the format importers (SurveyJS, XLSForm, Kobo, LimeSurvey):
// issue collection, id allocation, translations and the final validation.
// Not exported from any entry point.
import {
  isLocaleTag,
  isSafeKey,
  type Issue,
  type IssuePath,
  type LocalizedText,
} from '@edu-quality/core';
import { checkQuestionnaire } from '../../check-questionnaire.js';
import type { Expression, Literal } from '../../expression/ast.js';
import {
  IDENTIFIER_PATTERN,
  QuestionnaireSchema,
  type Question,
  type QuestionKind,
  type Questionnaire,
} from '../../schema.js';

/**
 * What an importer of a survey format returns: the questionnaire, and every
 * part of the source that could not be carried over faithfully.
 *
 * @remarks
 * Importers never throw on unsupported parts of a definition: each becomes an
 * {@link @edu-quality/core!Issue} with a `code`, a `message` and a `path` into
 * the source (or a `row`/`column` for sheets). The issues of
 * `checkQuestionnaire` on the result come last. `questionnaire` is
 * `undefined` only when nothing importable was found (no question at all, or
 * input that is not a definition of the format).
 */
export interface FormatImportResult {
  /** The imported questionnaire, or `undefined` when nothing could be imported. */
  readonly questionnaire: Questionnaire | undefined;
  /** The problems found, in source order, then the issues of `checkQuestionnaire`. */
  readonly issues: Issue[];
}

export class Issues {
  readonly list: Issue[] = [];
  add(code: string, message: string, path?: IssuePath): void {
    this.list.push(path === undefined ? { code, message } : { code, message, path });
  }
}

/** Hands out valid, unique identifiers, reporting every renaming. */
export class IdAllocator {
  private readonly used = new Set<string>();
  constructor(
    private readonly issues: Issues,
    private readonly what: string,
  ) {}

  has(id: string): boolean {
    return this.used.has(id);
  }

  /** Reserves `raw` if it is a free valid id; otherwise a sanitised variant, with an issue. */
  claim(raw: string, path: IssuePath, fallback: string): string {
    if (IDENTIFIER_PATTERN.test(raw) && isSafeKey(raw) && !this.used.has(raw)) {
      this.used.add(raw);
      return raw;
    }
    let base = raw.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 56);
    if (!/^[A-Za-z_]/.test(base)) base = `${fallback}_${base}`.slice(0, 56);
    if (!isSafeKey(base) || base === `${fallback}_`) base = `${fallback}_${base}`;
    let id = base;
    for (let n = 2; this.used.has(id) || !IDENTIFIER_PATTERN.test(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    this.issues.add(
      'renamed-id',
      raw === ''
        ? `a ${this.what} without a name was given the id ${JSON.stringify(id)}`
        : `the ${this.what} name ${JSON.stringify(raw.slice(0, 80))} is not a valid or unique id; it was renamed ${JSON.stringify(id)}`,
      path,
    );
    return id;
  }
}

/** Collects texts per locale, keeping locale tags safe. */
export function addText(
  into: Record<string, string>,
  locale: string,
  text: unknown,
  issues: Issues,
  path: IssuePath,
): void {
  if (typeof text === 'number' || typeof text === 'boolean') text = String(text);
  if (typeof text !== 'string' || text.trim() === '') return;
  if (!isLocaleTag(locale) || !isSafeKey(locale)) {
    issues.add(
      'invalid-locale',
      `${JSON.stringify(locale.slice(0, 40))} is not a language tag; the text is ignored`,
      path,
    );
    return;
  }
  into[locale] = text;
}

/** Applies `fn` to every localized text of a questionnaire draft, with its path. */
export function mapTexts(
  questionnaire: Questionnaire,
  fn: (text: LocalizedText, path: IssuePath) => LocalizedText,
): Questionnaire {
  const opt = <T extends object>(value: T, key: string, path: IssuePath): T => {
    const text = (value as Record<string, unknown>)[key] as LocalizedText | undefined;
    return text === undefined ? value : { ...value, [key]: fn(text, [...path, key]) };
  };
  const na = <T extends { notApplicable?: { value: number; label: LocalizedText } }>(
    value: T,
    path: IssuePath,
  ): T =>
    value.notApplicable === undefined
      ? value
      : { ...value, notApplicable: opt(value.notApplicable, 'label', [...path, 'notApplicable']) };
  let result = opt(opt(questionnaire, 'title', []), 'description', []);
  result = {
    ...result,
    sections: result.sections.map((section, s) => {
      const sp = ['sections', s];
      const next = opt(opt(section, 'title', sp), 'description', sp);
      return {
        ...next,
        questions: next.questions.map((question, q): Question => {
          const qp = [...sp, 'questions', q];
          let out: Question = opt(opt(question, 'text', qp), 'description', qp);
          if (out.kind === 'rating' || out.kind === 'nps')
            out = opt(opt(out, 'minLabel', qp), 'maxLabel', qp);
          if (out.kind === 'rating') out = na(out, qp);
          if (out.kind === 'scale' || out.kind === 'matrix') {
            const scale = na(out.scale, [...qp, 'scale']);
            out = {
              ...out,
              scale: {
                ...scale,
                points: scale.points.map((point, p) =>
                  opt(point, 'label', [...qp, 'scale', 'points', p]),
                ),
              },
            };
          }
          if (out.kind === 'matrix') {
            out = { ...out, rows: out.rows.map((row, r) => opt(row, 'text', [...qp, 'rows', r])) };
          }
          if (out.kind === 'single' || out.kind === 'multi') {
            out = {
              ...out,
              options: out.options.map((o, i) => opt(o, 'label', [...qp, 'options', i])),
            };
          }
          return out;
        }),
      };
    }),
  };
  return result;
}

/** Every locale used by any text of the questionnaire, in order of first use. */
export function usedLocales(questionnaire: Questionnaire): string[] {
  const seen = new Set<string>();
  mapTexts(questionnaire, (text) => {
    for (const key of Object.keys(text)) seen.add(key);
    return text;
  });
  return [...seen];
}

/**
 * Gives every text an entry in every locale, as the source formats display
 * it: the default locale's text, else the first one. Each filled text is
 * reported once (`missing-translation`), naming the locales filled.
 */
export function fillTranslations(
  questionnaire: Questionnaire,
  issues: Issues,
  quiet: (text: LocalizedText) => boolean = () => false,
): Questionnaire {
  const { locales, defaultLocale } = questionnaire;
  return mapTexts(questionnaire, (text, path) => {
    const missing = locales.filter((locale) => !Object.hasOwn(text, locale));
    if (missing.length === 0) return text;
    const fallback = text[defaultLocale] ?? Object.values(text)[0];
    if (fallback === undefined) return text;
    if (!quiet(text))
      issues.add(
        'missing-translation',
        `no text in ${missing.join(', ')}; the ${Object.hasOwn(text, defaultLocale) ? defaultLocale : 'first'} text is used, as the source shows it`,
        path,
      );
    const filled: Record<string, string> = { ...text };
    for (const locale of missing) filled[locale] = fallback;
    return filled;
  });
}

/**
 * Validates the draft with the schema and `checkQuestionnaire`, and returns
 * the import result. Schema failures leave no questionnaire.
 */
export function finishImport(draft: Questionnaire | undefined, issues: Issues): FormatImportResult {
  if (draft === undefined) return { questionnaire: undefined, issues: issues.list };
  if (draft.sections.length === 0) {
    issues.add(
      'empty-questionnaire',
      'the definition holds no question that could be imported',
      [],
    );
    return { questionnaire: undefined, issues: issues.list };
  }
  const parsed = QuestionnaireSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.add(
        issue.code.replaceAll('_', '-'),
        issue.message,
        issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
      );
    }
    return { questionnaire: undefined, issues: issues.list };
  }
  issues.list.push(...checkQuestionnaire(parsed.data));
  return { questionnaire: parsed.data, issues: issues.list };
}

/** Where an expression's references point: the kind of the item, for literal coercion. */
export type KindLookup = (id: string) => Exclude<QuestionKind, 'matrix'> | undefined;

const NUMERIC_KINDS: ReadonlySet<string> = new Set(['scale', 'rating', 'nps', 'number']);

/**
 * Gives each literal compared with an item the type its answers have: option
 * codes are strings, scale, rating, NPS and number answers are numbers. The
 * source formats compare loosely (`{q} = '3'` with a numeric q); ours does not.
 * Returns `undefined` when a literal cannot take that type.
 */
export function coerceLiteral(
  literal: Literal | boolean,
  kind: Exclude<QuestionKind, 'matrix'> | undefined,
): Literal | undefined {
  if (typeof literal === 'boolean') return { type: 'string', value: String(literal) };
  if (kind === undefined) return literal;
  if (NUMERIC_KINDS.has(kind)) {
    if (literal.type === 'number') return literal;
    const trimmed = literal.value.trim();
    if (!/^-?\d+(?:\.\d+)?$/.test(trimmed)) return undefined;
    const value = Number(trimmed);
    return { type: 'number', value: value === 0 ? 0 : value };
  }
  return literal.type === 'string' ? literal : { type: 'string', value: String(literal.value) };
}

/** `a and b`, flattening nothing: one operand stays itself. */
export function conjunction(operands: readonly Expression[]): Expression | undefined {
  if (operands.length === 0) return undefined;
  if (operands.length === 1) return operands[0];
  return { type: 'and', operands };
}

/** Removes keys whose value is `undefined`, for exactOptionalPropertyTypes. */
export function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}

/** A value as a short, safe text for a message. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
