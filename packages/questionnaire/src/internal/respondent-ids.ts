// Repeated respondent ids: a file appended to itself, or a respondent sent
// twice, doubles n and narrows every interval. The first row with an id is
// the respondent; later rows with the same id are duplicates.
import type { DuplicateIdPolicy } from '../read-responses.js';

/** The ids met so far, with the row of their first occurrence. */
export class RespondentIds {
  private readonly firstRows = new Map<string, number>();

  constructor(readonly policy: DuplicateIdPolicy) {}

  /**
   * The row where `id` was first met, or 0 when it is new (it is then
   * recorded at `row`) or blank. Ids are compared as NFC text without
   * surrounding spaces; `007` and `7` are different ids.
   */
  firstRow(id: string, row: number): number {
    const key = id.normalize('NFC').trim();
    if (key === '') return 0;
    const first = this.firstRows.get(key);
    if (first !== undefined) return first;
    this.firstRows.set(key, row);
    return 0;
  }
}
