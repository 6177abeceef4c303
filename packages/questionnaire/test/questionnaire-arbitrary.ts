// fast-check generator of valid questionnaires in the subset that SurveyJS
// and XLSForm carry both ways (see the round-trip tests of src/formats).
import type { LocalizedText } from '@edu-quality/core';
import fc from 'fast-check';
import type { Expression, Literal } from '../src/expression/ast.js';
import { printExpression } from '../src/expression/print-expression.js';
import type { ItemMeta, Question, Questionnaire, Scale, Section } from '../src/schema.js';

const word = fc
  .stringMatching(/^[A-Za-z0-9 ,.?!ąčęėįšųūž'"-]{1,12}$/)
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const code = fc.stringMatching(/^[a-z0-9_]{1,6}$/);

function localized(locales: readonly string[]): fc.Arbitrary<LocalizedText> {
  return fc
    .tuple(...locales.map(() => word))
    .map((texts) => Object.fromEntries(locales.map((l, i) => [l, texts[i] as string])));
}

function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}

function clean<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

const meta: fc.Arbitrary<ItemMeta> = fc
  .record({
    dimension: optional(fc.constantFrom('staff', 'information', 'timeliness')),
    role: optional(
      fc.constantFrom('satisfaction', 'overall', 'segment', 'demographic') as fc.Arbitrary<
        ItemMeta['role'] & string
      >,
    ),
  })
  .map((m) => clean(m) as ItemMeta);

function scale(locales: readonly string[]): fc.Arbitrary<Scale> {
  return fc
    .uniqueArray(fc.integer({ min: 0, max: 250 }), { minLength: 2, maxLength: 6 })
    .chain((values) => {
      const sorted = [...values].sort((a, b) => a - b);
      const free = fc.integer({ min: 0, max: 250 }).filter((v) => !sorted.includes(v));
      return fc.record({
        points: fc
          .tuple(...sorted.map(() => localized(locales)))
          .map((labels) =>
            sorted.map((value, i) => ({ value, label: labels[i] as LocalizedText })),
          ),
        notApplicable: optional(fc.record({ value: free, label: localized(locales) })),
      });
    })
    .map((s) => clean(s) as Scale);
}

function options(
  locales: readonly string[],
  min: number,
): fc.Arbitrary<{ value: string; label: LocalizedText }[]> {
  return fc
    .uniqueArray(code, { minLength: min, maxLength: 4 })
    .chain((values) =>
      fc
        .tuple(...values.map(() => localized(locales)))
        .map((labels) => values.map((value, i) => ({ value, label: labels[i] as LocalizedText }))),
    );
}

type Body = Omit<Question, 'id' | 'text'> & Record<string, unknown>;

function body(locales: readonly string[], rowIds: fc.Arbitrary<string[]>): fc.Arbitrary<Body> {
  const label = optional(localized(locales));
  return fc.oneof(
    fc.record({ kind: fc.constant('scale' as const), scale: scale(locales) }),
    fc
      .record({
        kind: fc.constant('rating' as const),
        min: fc.constantFrom(0, 1),
        max: fc.integer({ min: 2, max: 12 }),
        minLabel: label,
        maxLabel: label,
        na: optional(
          fc.record({ value: fc.integer({ min: 13, max: 250 }), label: localized(locales) }),
        ),
      })
      .map(({ na, ...rest }) => clean({ ...rest, notApplicable: na })),
    fc.record({ kind: fc.constant('nps' as const), minLabel: label, maxLabel: label }).map(clean),
    fc
      .record({
        kind: fc.constant('single' as const),
        options: options(locales, 1),
        acceptUnlisted: optional(fc.constant(true)),
      })
      .map(clean),
    fc.record({
      kind: fc.constant('single' as const),
      options: fc.constant([]),
      acceptUnlisted: fc.constant(true),
    }),
    options(locales, 1).chain((opts) =>
      fc
        .record({
          a: optional(fc.integer({ min: 0, max: opts.length })),
          b: optional(fc.integer({ min: 1, max: opts.length })),
        })
        .map(({ a, b }) => {
          // minSelected 0 says nothing; the formats write no bound for it.
          const min = a !== undefined && b !== undefined ? Math.min(a, b) : a;
          return clean({
            kind: 'multi' as const,
            options: opts,
            minSelected: min === 0 ? undefined : min,
            maxSelected: b,
          });
        }),
    ),
    fc
      .record({
        kind: fc.constant('text' as const),
        multiline: optional(fc.constant(true)),
        maxLength: optional(fc.integer({ min: 1, max: 2000 })),
      })
      .map(clean),
    fc
      .record({
        kind: fc.constant('number' as const),
        lo: optional(fc.integer({ min: -100, max: 100 })),
        span: optional(fc.integer({ min: 0, max: 100 })),
        integer: optional(fc.constant(true)),
      })
      .map(({ lo, span, ...rest }) =>
        clean({ ...rest, min: lo, max: lo !== undefined && span !== undefined ? lo + span : span }),
      ),
    fc
      .record({
        kind: fc.constant('matrix' as const),
        scale: scale(locales),
        rowIds,
        rowTexts: fc.array(localized(locales), { minLength: 4, maxLength: 4 }),
        rowMeta: fc.array(meta, { minLength: 4, maxLength: 4 }),
      })
      .map(({ rowIds: ids, rowTexts, rowMeta, ...rest }) => ({
        ...rest,
        rows: ids.map((id, i) => ({
          id,
          text: rowTexts[i] as LocalizedText,
          ...(rowMeta[i] as ItemMeta),
        })),
      })),
  );
}

interface ItemInfo {
  readonly id: string;
  readonly kind: string;
  readonly options?: readonly string[];
}

/** A condition on earlier items, with literals of the type their answers have. */
function condition(items: readonly ItemInfo[]): fc.Arbitrary<string> | undefined {
  if (items.length === 0) return undefined;
  const atom: fc.Arbitrary<Expression> = fc
    .constantFrom(...items)
    .chain((item): fc.Arbitrary<Expression> => {
      const reference = { type: 'reference' as const, id: item.id };
      const literal: fc.Arbitrary<Literal> =
        item.kind === 'single' || item.kind === 'multi'
          ? fc
              .constantFrom(...(item.options?.length ? item.options : ['x']))
              .map((value) => ({ type: 'string' as const, value }))
          : item.kind === 'text'
            ? code.map((value) => ({ type: 'string' as const, value }))
            : fc.integer({ min: -5, max: 20 }).map((value) => ({ type: 'number' as const, value }));
      const operator = fc.constantFrom('=', '!=', '<', '<=', '>', '>=' as const);
      const choices: fc.Arbitrary<Expression>[] = [
        fc.constant({ type: 'answered' as const, reference }),
        fc
          .record({ operator, literal, flip: fc.boolean() })
          .map(({ operator: op, literal: lit, flip }) => ({
            type: 'comparison' as const,
            operator: op,
            left: flip ? lit : reference,
            right: flip ? reference : lit,
          })),
      ];
      if (item.kind === 'multi')
        choices.push(literal.map((value) => ({ type: 'contains' as const, reference, value })));
      return fc.oneof(...choices);
    });
  return fc
    .letrec<{ e: Expression }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
        atom,
        tie('e').map((operand) => ({ type: 'not' as const, operand })),
        fc
          .array(tie('e'), { minLength: 2, maxLength: 3 })
          .map((operands) => ({ type: 'and' as const, operands })),
        fc
          .array(tie('e'), { minLength: 2, maxLength: 3 })
          .map((operands) => ({ type: 'or' as const, operands })),
      ),
    }))
    .e.map(printExpression);
}

/** Valid questionnaires of 1–3 sections of 1–4 questions, in 1–3 of lt, en, ru. */
export const questionnaireArbitrary: fc.Arbitrary<Questionnaire> = fc
  .record({
    locales: fc.shuffledSubarray(['lt', 'en', 'ru'], { minLength: 1 }),
    ids: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/), {
      minLength: 70,
      maxLength: 70,
    }),
    shape: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    seed: fc.integer(),
  })
  .chain(({ locales, ids, shape }) => {
    let next = 0;
    const take = (): string => ids[next++] as string;
    const sectionIds = shape.map(() => take());
    const questionIds = shape.map((n) =>
      Array.from({ length: n }, () => ({ id: take(), rows: [take(), take(), take(), take()] })),
    );
    const bodies = questionIds.map((qs) =>
      fc.tuple(
        ...qs.map((q) =>
          body(
            locales,
            fc.integer({ min: 1, max: 4 }).map((n) => q.rows.slice(0, n)),
          ),
        ),
      ),
    );
    return fc
      .tuple(fc.tuple(...bodies), localized(locales), optional(localized(locales)), word, code)
      .chain(([allBodies, title, description, version, id]) => {
        // Conditions are drawn once the items before each point are known.
        const items: ItemInfo[] = [];
        const sectionArbs: fc.Arbitrary<Section>[] = [];
        allBodies.forEach((sectionBodies, s) => {
          const before = [...items];
          const questionArbs: fc.Arbitrary<Question>[] = [];
          sectionBodies.forEach((b, q) => {
            const qid = (questionIds[s]?.[q] as { id: string }).id;
            const earlier = [...items];
            const cond = condition(earlier);
            questionArbs.push(
              fc
                .record({
                  text: localized(locales),
                  description: optional(localized(locales)),
                  required: optional(fc.constant(true as const)),
                  meta: b.kind === 'matrix' ? fc.constant({}) : meta,
                  visibleIf: cond === undefined ? fc.constant(undefined) : optional(cond),
                })
                .map(({ meta: m, ...rest }) => clean({ id: qid, ...rest, ...m, ...b }) as Question),
            );
            if (b.kind === 'matrix')
              for (const row of (b as unknown as { rows: { id: string }[] }).rows)
                items.push({ id: row.id, kind: 'scale' });
            else
              items.push({
                id: qid,
                kind: b.kind,
                options:
                  (b as { options?: { value: string }[] }).options?.map((o) => o.value) ?? [],
              });
          });
          const cond = condition(before);
          sectionArbs.push(
            fc
              .record({
                title: localized(locales),
                description: optional(localized(locales)),
                visibleIf: cond === undefined ? fc.constant(undefined) : optional(cond),
                questions: fc.tuple(...questionArbs),
              })
              .map((rest) => clean({ id: sectionIds[s] as string, ...rest }) as Section),
          );
        });
        return fc.tuple(...sectionArbs).map(
          (sections) =>
            clean({
              id: `q_${id}`,
              version,
              title,
              description,
              locales,
              defaultLocale: locales[0] as string,
              sections,
            }) as Questionnaire,
        );
      });
  });
