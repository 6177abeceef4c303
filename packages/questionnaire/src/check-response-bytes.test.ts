// checkResponseBytes: the refusal of the reader's first stage, without
// reading a record. The oracle is readResponsesSync on the same bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EduQualityError } from '@edu-quality/core';
import { describe, expect, it } from 'vitest';
import { checkResponseBytes } from './check-response-bytes.js';
import { readResponsesSync } from './read-responses.js';
import { QuestionnaireSchema, type Questionnaire } from './schema.js';

const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures');
const questionnaire: Questionnaire = QuestionnaireSchema.parse(
  JSON.parse(readFileSync(join(fixtures, 'read-responses', 'questionnaire.json'), 'utf8')),
);
const fixture = (name: string): Uint8Array =>
  Uint8Array.from(readFileSync(join(fixtures, 'read-responses-encodings', name)));
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function caught(run: () => void): EduQualityError | undefined {
  try {
    run();
  } catch (error) {
    if (EduQualityError.isInstance(error)) return error;
    throw error;
  }
  return undefined;
}

describe('checkResponseBytes', () => {
  it('TSDoc example: returns for UTF-8, throws for byte offset 2 (0xFF), returns with a code page', () => {
    expect(
      caught(() => {
        checkResponseBytes(encode('school\nA\n'));
      }),
    ).toBeUndefined();
    const error = caught(() => {
      checkResponseBytes(new Uint8Array([0x73, 0x0a, 0xff, 0x0a]));
    });
    expect(error?.issues[0]?.code).toBe('invalid-encoding');
    expect(error?.message).toContain('at byte offset 2 is not UTF-8');
    expect(
      caught(() => {
        checkResponseBytes(new Uint8Array([0x73, 0x0a, 0xff, 0x0a]), { encoding: 'windows-1257' });
      }),
    ).toBeUndefined();
  });

  const refused: [string, Uint8Array][] = [
    ['windows-1257 bytes', fixture('lt.windows-1257.csv')],
    ['windows-1251 bytes', fixture('ru.windows-1251.csv')],
    ['KOI8-R bytes', fixture('ru.koi8-r.csv')],
    ['an .xlsx workbook', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...encode('id\n'.repeat(20))])],
    ['a PDF', encode('%PDF-1.7\nid\n')],
    [
      'UTF-16 LE without a BOM',
      Uint8Array.from([...encode('school,staff\nA,5\nB,4\nA,3\n')].flatMap((b) => [b, 0])),
    ],
    ['a sequence cut by the end', Uint8Array.from([...encode('school\nA'), 0xd0])],
  ];
  for (const [what, bytes] of refused) {
    it(`throws the reader's refusal of ${what}, the same error readResponsesSync throws`, () => {
      const error = caught(() => {
        checkResponseBytes(bytes);
      });
      expect(error).toBeDefined();
      const read = caught(() => {
        readResponsesSync(questionnaire, bytes);
      });
      expect(error?.code).toBe(read?.code);
      expect(error?.message).toBe(read?.message);
      expect(error?.issues).toStrictEqual(read?.issues);
      expect(error?.issues).toHaveLength(1);
    });
  }

  it('returns for the UTF-8 originals and for a code page passed as encoding', () => {
    expect(
      caught(() => {
        checkResponseBytes(fixture('lt.utf-8.csv'));
      }),
    ).toBeUndefined();
    expect(
      caught(() => {
        checkResponseBytes(fixture('ru.utf-8.csv'));
      }),
    ).toBeUndefined();
    expect(
      caught(() => {
        checkResponseBytes(fixture('ru.windows-1251.csv'), { encoding: 'windows-1251' });
      }),
    ).toBeUndefined();
  });
});
