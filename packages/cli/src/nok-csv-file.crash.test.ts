import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { nokEducationQuestionnaire } from '@edu-quality/templates';

// Worker threads that stop as soon as they are sent a part: the pool must
// reject the count (not hang), end its threads and start new ones next time.
const started: FakeWorker[] = [];
class FakeWorker extends EventEmitter {
  terminated = false;
  constructor() {
    super();
    started.push(this);
  }
  postMessage(): void {
    setImmediate(() => this.emit('exit', 7));
  }
  ref(): void {}
  unref(): void {}
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(0);
  }
}
vi.mock('node:worker_threads', () => ({ Worker: FakeWorker }));

const { NokCsvFilePool } = await import('./nok-csv-file.js');

describe('NokCsvFilePool when a worker thread stops', () => {
  it('rejects the count, ends the threads and starts new ones for the next count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edu-quality-nok-crash-'));
    const path = join(dir, 'answers.csv');
    const rows = ['organisation,q1'];
    for (let i = 0; i < 2000; i++) rows.push(`school-${i % 7},yes`);
    writeFileSync(path, rows.join('\n') + '\n');
    const pool = new NokCsvFilePool({ threads: 2, minPartBytes: 1024 });
    await expect(pool.count(nokEducationQuestionnaire, path)).rejects.toThrow(
      /worker thread stopped \(exit code 7\)/,
    );
    expect(started).toHaveLength(2);
    expect(started.every((w) => w.terminated)).toBe(true);
    expect(started.every((w) => w.listenerCount('message') === 0)).toBe(true);
    await expect(pool.count(nokEducationQuestionnaire, path)).rejects.toThrow(/exit code 7/);
    expect(started).toHaveLength(4);
    await pool.close();
  });
});
