/**
 * Runs every code example in the docs: each TSDoc `@example` of every package
 * source, and each `ts` block of the guides in docs/guides. Result comments
 * (`// => value`, `// throws`) become assertions; see tooling/doc-examples.ts.
 */
import { mkdirSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  extractMarkdownExamples,
  extractTsdocExamples,
  instrumentExample,
  runtimePrelude,
} from '../tooling/doc-examples.ts';

const root = resolve(import.meta.dirname, '..');
const tmp = join(root, '.tmp', 'examples');
mkdirSync(tmp, { recursive: true });

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

function importedNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from/g)) {
    for (const part of (m[1] ?? '').split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.add(name.replace(/^type\s+/, ''));
    }
  }
  return names;
}

let counter = 0;
async function run(code: string, location: string, pkg?: string): Promise<void> {
  const instrumented = instrumentExample(code, relative(root, location));
  let header = runtimePrelude;
  if (pkg !== undefined) {
    const mod = (await import(pkg)) as Record<string, unknown>;
    const taken = importedNames(code);
    const names = Object.keys(mod).filter((n) => !taken.has(n) && n !== 'default');
    header =
      `import * as __pkg from '${pkg}';\n` +
      (names.length > 0 ? `const { ${names.join(', ')} } = __pkg;\n` : '') +
      header;
  }
  const file = join(tmp, `example-${process.pid}-${counter++}.ts`);
  writeFileSync(file, `${header}\n${instrumented}\nexport {};\n`);
  await import(/* @vite-ignore */ pathToFileURL(file).href);
}

const packagesDir = join(root, 'packages');
for (const pkgDir of readdirSync(packagesDir)) {
  const src = join(packagesDir, pkgDir, 'src');
  if (!existsSync(src)) continue;
  const examples = sourceFiles(src)
    .filter((f) => !f.includes(`${join('src', 'internal')}`))
    .flatMap((f) => extractTsdocExamples(f));
  describe(`@edu-quality/${pkgDir} TSDoc examples`, () => {
    it('has examples', () => {
      expect(examples.length).toBeGreaterThan(0);
    });
    for (const example of examples) {
      it(relative(root, example.location), async () => {
        await run(example.code, example.location, `@edu-quality/${pkgDir}`);
      });
    }
  });
}

const guidesDir = join(root, 'docs', 'guides');
for (const guide of existsSync(guidesDir)
  ? readdirSync(guidesDir).filter((f) => f.endsWith('.md') && f !== 'README.md')
  : []) {
  const examples = extractMarkdownExamples(join(guidesDir, guide));
  describe(`guide ${guide}`, () => {
    for (const example of examples) {
      it(relative(root, example.location), async () => {
        await run(example.code, example.location);
      });
    }
  });
}

describe('the example runner', () => {
  it('fails an example whose result comment is wrong', async () => {
    await expect(run('1 + 1; // => 3', join(root, 'docs', 'self-check'))).rejects.toThrow(
      /expected 3, got 2/,
    );
  });
  it('compares numbers to the precision written', async () => {
    await run('Math.PI; // => 3.1416', join(root, 'docs', 'self-check'));
    await expect(run('Math.PI; // => 3.1415', join(root, 'docs', 'self-check'))).rejects.toThrow();
  });
  it('fails a `throws` example that does not throw', async () => {
    await expect(run('Math.sqrt(4); // throws', join(root, 'docs', 'self-check'))).rejects.toThrow(
      /to throw/,
    );
  });
});
