#!/usr/bin/env node
// `npm pack` and `npm publish` ship package.json as it is on disk. Its scripts are the repository's:
// `prepare` compiles lib/ from src/ in a clone, the others test, benchmark and compile, and they
// name files the package does not ship (npm 11 would even ask a site's owner to approve `prepare`).
// An installed Dateline runs as its `dateline` command and needs none of them. So `prepack`, once
// lib/ is compiled, runs `strip`: package.json loses its scripts for the tarball; `postpack` runs
// `restore`: package.json is put back byte for byte. A pack that failed in between leaves the
// original in package.json.before-pack, and the next `strip` puts it back first.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const manifest = new URL('../package.json', import.meta.url);
const saved = new URL('../package.json.before-pack', import.meta.url);

const step = process.argv[2];
if (step === 'strip') {
  if (existsSync(saved)) renameSync(saved, manifest);
  const text = readFileSync(manifest, 'utf8');
  writeFileSync(saved, text);
  const { scripts: _scripts, ...packed } = JSON.parse(text);
  writeFileSync(manifest, `${JSON.stringify(packed, null, 2)}\n`);
} else if (step === 'restore') {
  if (existsSync(saved)) renameSync(saved, manifest);
} else {
  process.stderr.write('usage: node scripts/pack-manifest.mjs strip|restore\n');
  process.exit(2);
}
