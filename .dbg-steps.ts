import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSite } from './src/cli/build-command.ts';
import { configSchema } from './src/config/schema.ts';
import { closeSearchService } from './src/search/pagefind.ts';
import { REUTERS, reutersSample } from './tests/helpers/files.ts';
import { searchSite } from './tests/helpers/search.ts';
function random(seed: number): () => number { let state = seed; return () => { state = (state + 0x6d2b79f5) | 0; let t = Math.imul(state ^ (state >>> 15), 1 | state); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
const dir = '/tmp/dbg-steps'; await rm(dir, { recursive: true, force: true });
const next = random(88); const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
const input = path.join(dir, 'in'); await mkdir(input, { recursive: true });
const pool = await reutersSample(120);
for (const name of pool.slice(0, 40)) await copyFile(path.join(REUTERS, name), path.join(input, name));
let unused = pool.slice(40);
const settings = (i: string, o: string) => configSchema.parse({ input: i, output: o, topicMinArticles: 2, search: true });
const output = path.join(dir, 'out'); const cacheDir = path.join(dir, 'cache');
const log = (line: string) => console.log(line);
await buildSite(settings(input, output), { strict: false, drafts: false, clean: false, cacheDir }, { out: () => {}, err: () => {} });
for (let step = 0; step < 6; step++) {
  const present = (await readdir(input)).sort(); const roll = next();
  if (roll < 0.45 && unused.length > 0) { const name = pick(unused); unused = unused.filter((o) => o !== name); await copyFile(path.join(REUTERS, name), path.join(input, name)); console.log(step, 'add', name); }
  else if (roll < 0.8) { const n = pick(present); const file = path.join(input, n); const text = await readFile(file, 'utf8'); const add = next() < 0.5; await writeFile(file, add ? `${text}\n\nThe bank said oil and dividend news lifted shares.` : text.replace(/\b(oil|bank|shares|dividend|trade|profit)\b/gi, 'it')); console.log(step, add ? 'edit+' : 'edit-', n); }
  else { const n = pick(present); await rm(path.join(input, n)); console.log(step, 'delete', n); }
  await buildSite(settings(input, output), { strict: false, drafts: false, clean: false, cacheDir }, { out: (l) => l.startsWith('Search') && console.log('   ', l), err: () => {} });
}
const clean = path.join(dir, 'clean');
await buildSite(settings(input, clean), { strict: false, drafts: false, clean: true, cacheDir }, { out: () => {}, err: () => {} });
const a = await searchSite(output, [{ term: 'dividend' }]); const b = await searchSite(clean, [{ term: 'dividend' }]);
console.log('updated only:', a.results[0]!.filter((u) => !b.results[0]!.includes(u)), 'clean only:', b.results[0]!.filter((u) => !a.results[0]!.includes(u)));
console.log(await readFile(path.join(output, 'pagefind/segments.json'), 'utf8'));
await closeSearchService();
