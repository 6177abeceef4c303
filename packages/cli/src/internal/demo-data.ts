import { listItems } from '@edu-quality/questionnaire';
import {
  educationSatisfactionQuestionnaire,
  generateResponses,
  type SyntheticRecord,
} from '@edu-quality/templates';

/** The twelve institutions of the synthetic municipality (fictional names). */
export const DEMO_INSTITUTIONS: readonly string[] = [
  'Ežerų gimnazija',
  'Pilies progimnazija',
  'Vytauto pagrindinė mokykla',
  'Lentvario pradinė mokykla',
  'Saulutės lopšelis-darželis',
  'Pasakos lopšelis-darželis',
  'Ąžuoliuko darželis',
  'Bitutės darželis',
  'Meno mokykla',
  'Sporto centras',
  'Pedagoginė psichologinė tarnyba',
  'Švietimo skyrius',
];

/** A survey wave of the demo: its label, seed and size. */
export interface DemoWave {
  readonly id: string;
  readonly seed: number;
  readonly n: number;
  /** Shifts of the latent scale by dimension: what changed since the last wave. */
  readonly offsets: Readonly<Record<string, number>>;
}

/**
 * The two waves: the 2026 wave improved waiting times after the 2025 report.
 * The seeds were chosen among the first few for a plausible story (a similar
 * NPS in both waves): the generator draws institution effects and the
 * recommend item's level from the seed, so seeds differ more than waves do.
 */
export const DEMO_WAVES: readonly [DemoWave, DemoWave] = [
  { id: '2025', seed: 15, n: 1200, offsets: { timeliness: -0.3 } },
  { id: '2026', seed: 3, n: 1300, offsets: { timeliness: 0 } },
];

/** The synthetic records of one wave; `extraTexts` replace the first open-text answers. */
export function demoRecords(wave: DemoWave, extraTexts: readonly string[] = []): SyntheticRecord[] {
  const records = generateResponses(educationSatisfactionQuestionnaire, {
    n: wave.n,
    seed: wave.seed,
    institutions: DEMO_INSTITUTIONS,
    offsets: wave.offsets,
  });
  if (extraTexts.length > 0) {
    const textItems = listItems(educationSatisfactionQuestionnaire)
      .filter((item) => item.kind === 'text')
      .map((item) => item.id);
    let next = 0;
    for (const record of records) {
      if (next >= extraTexts.length) break;
      for (const id of textItems) {
        if (typeof record[id] === 'string' && next < extraTexts.length) {
          record[id] = extraTexts[next++] as string;
        }
      }
    }
  }
  return records;
}
