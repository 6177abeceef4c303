import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOK_SCAN_WASM } from './scan-wasm.js';

// The committed WebAssembly module (scan-wasm.ts, base64) must be what the
// AssemblyScript source wasm/nok-scan.ts compiles to: the script recompiles
// it with the pinned assemblyscript and compares the generated module text.
describe('the NOK row loop module', () => {
  it('is the one wasm/nok-scan.ts compiles to (build:wasm --check)', () => {
    const script = join(import.meta.dirname, '..', '..', '..', 'scripts', 'build-wasm.mjs');
    expect(() =>
      execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  }, 60_000);

  it('stays under the 4 KB a browser main thread compiles synchronously (Chromium refuses more)', () => {
    expect(atob(NOK_SCAN_WASM).length).toBeLessThan(4096);
  });
});
