// Package checks on what users install: publint (strict) and
// arethetypeswrong (ESM-only profile) on each packed public package.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const packages = readdirSync(join(root, 'packages')).filter((d) =>
  existsSync(join(root, 'packages', d, 'package.json')),
);
let failed = 0;
for (const dir of packages) {
  const path = join(root, 'packages', dir);
  const { name, private: isPrivate } = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'));
  if (isPrivate) continue;
  for (const [cmd, args] of [
    ['publint', ['--strict', path]],
    ['attw', ['--pack', path, '--profile', 'esm-only', '--format', 'table-flipped']],
  ]) {
    try {
      execFileSync('pnpm', ['exec', cmd, ...args], { stdio: 'pipe', cwd: root });
      console.error(`ok   ${cmd} ${name}`);
    } catch (error) {
      failed++;
      console.error(`FAIL ${cmd} ${name}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
}
if (failed > 0) process.exit(1);
