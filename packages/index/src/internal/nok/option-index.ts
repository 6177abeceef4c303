// How the questionnaire package's CSV reader turns the text of a `single`
// cell into a dictionary code (its OptionTable in internal/columns.ts), for
// the NOK CSV counter's fast path: codes first, then every label of every
// locale, then the explicit `labels` option; unlisted answers are added as
// met when the question accepts them. The counter's equivalence test
// (nok-csv.test.ts) compares the two on hostile input, so a change to either
// side that makes them differ fails there.
import type { Item, ReadResponsesOptions } from '@edu-quality/questionnaire';
import { answerLabelKey, cleanAnswerLabel } from '@edu-quality/questionnaire';

/** Case-, whitespace- and normalisation-insensitive form of a label, as the reader keys it. */
export function normalizeLabel(label: string): string {
  return answerLabelKey(label);
}

/** The dictionary and the label index of one `single` item. */
export interface OptionIndex {
  /** The dictionary: the option codes, then unlisted codes as added. */
  readonly dictionary: string[];
  /** Normalised label or code → dictionary index. */
  readonly index: Map<string, number>;
  /** Whether unlisted answers are added to the dictionary. */
  readonly acceptUnlisted: boolean;
  /** Every text that resolves to a code: the codes, the labels and the explicit labels. */
  readonly texts: string[];
}

type Labels = ReadResponsesOptions['labels'];

function explicitLabels(labels: Labels, itemId: string): [string, number | string][] {
  if (labels === undefined) return [];
  const out: [string, number | string][] = [];
  for (const key of ['*', itemId]) {
    if (!Object.hasOwn(labels, key)) continue;
    const table = labels[key];
    if (table === undefined) continue;
    for (const [label, code] of Object.entries(table)) out.push([label, code]);
  }
  return out;
}

/**
 * Builds the option index of a `single` item as the reader does. A label
 * mapping to a code that is not an option, which the reader rejects, is
 * left out here: the counter reads the header with the reader first, which
 * throws for it.
 */
export function optionIndex(item: Item, labels: Labels): OptionIndex {
  const question = item.question;
  const acceptUnlisted = question.kind === 'single' && question.acceptUnlisted === true;
  const options = item.options ?? [];
  const dictionary: string[] = options.map((o) => o.value);
  const index = new Map<string, number>();
  const texts: string[] = [];
  options.forEach((option, i) => {
    index.set(normalizeLabel(option.value), i);
    texts.push(option.value);
  });
  options.forEach((option, i) => {
    for (const label of option.label === undefined ? [] : Object.values(option.label)) {
      const key = normalizeLabel(label);
      if (!index.has(key)) index.set(key, i);
      texts.push(label);
    }
  });
  const add = (code: string): number => {
    const key = normalizeLabel(code);
    const known = index.get(key);
    if (known !== undefined) return known;
    // Stored as the reader stores an unlisted code.
    dictionary.push(cleanAnswerLabel(code));
    index.set(key, dictionary.length - 1);
    return dictionary.length - 1;
  };
  for (const [label, code] of explicitLabels(labels, item.id)) {
    const target = index.get(normalizeLabel(String(code)));
    if (target === undefined || dictionary[target] !== String(code)) {
      if (acceptUnlisted && typeof code === 'string' && cleanAnswerLabel(code) !== '') {
        index.set(normalizeLabel(label), add(code));
        texts.push(label);
      }
      continue;
    }
    index.set(normalizeLabel(label), target);
    texts.push(label);
  }
  return { dictionary, index, acceptUnlisted, texts };
}

/** Adds the codes of `more` that `into` lacks (by the reader's key), in order. */
export function unite(into: string[], more: readonly string[]): void {
  const keys = new Set(into.map(normalizeLabel));
  for (const code of more) {
    const key = normalizeLabel(code);
    if (!keys.has(key)) {
      keys.add(key);
      into.push(code);
    }
  }
}
