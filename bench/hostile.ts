/**
 * Hostile files at 1 MiB, the largest file Dateline reads (bench/hostile-cases.ts): the time to
 * read and parse each (Dateline's own per-file step, in this process: the build runs it on a
 * worker thread per core), the median of `runs` runs. Target: each well under a second.
 *
 *   tsx bench/hostile.ts [runs]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gazetteer } from '../src/derive/gazetteer.ts';
import { buildRecord, compileCleaning } from '../src/records/parse-sources.ts';
import { readOne } from '../src/read/read-sources.ts';
import { hostileFiles } from './hostile-cases.ts';
import { median } from './median.ts';

const runs = Number(process.argv[2] ?? 3);
const folder = mkdtempSync(path.join(os.tmpdir(), 'dateline-hostile-'));
const cleaning = compileCleaning([], []); // a site's default settings: the built-in leftover patterns
gazetteer(); // loaded once per worker in a build, not per file

const rows: { kind: string; ms: number; outcome: string }[] = [];
for (const file of hostileFiles(1024 * 1024)) {
  const absolutePath = path.join(folder, file.name);
  writeFileSync(absolutePath, file.bytes);
  const times: number[] = [];
  let outcome = '';
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const source = await readOne({ absolutePath, relativePath: file.name, format: file.name.endsWith('.md') ? 'markdown' : 'text' }, folder);
    const result = 'text' in source ? await buildRecord(source, cleaning) : source;
    times.push(performance.now() - start);
    outcome = 'message' in result ? `refused: ${result.message}` : 'built';
  }
  rows.push({ kind: file.kind, ms: median(times), outcome });
}
rmSync(folder, { recursive: true, force: true });
rows.sort((a, b) => b.ms - a.ms);
const all = rows.map((row) => row.ms);
console.log(`Hostile files, 1 MiB each (${rows.length} kinds, read and parse, median of ${runs} runs): median ${median(all).toFixed(0)} ms, slowest ${rows[0]!.ms.toFixed(0)} ms (${rows[0]!.kind}); target each < 1,000 ms: ${rows[0]!.ms < 1000 ? 'met' : 'MISSED'}`);
for (const row of rows) console.log(`  ${row.ms.toFixed(0).padStart(5)} ms  ${row.kind} (${row.outcome.slice(0, 70)})`);
