// `pnpm bench`: builds the packages, then runs every bench/*.bench.mjs (or
// those whose name contains an argument: `pnpm bench ingest`) with
// `node --expose-gc` against the built dist. Benchmarks are never part of the
// test run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = (command, args) => {
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

run('pnpm', ['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
const filters = process.argv.slice(2);
const benches = readdirSync(join(root, 'bench'))
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();
for (const name of benches) {
  console.log(`\n== bench/${name}`);
  run(process.execPath, ['--expose-gc', join('bench', name)]);
}
