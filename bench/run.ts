/**
 * `npm run bench`: for the seeds, the full Reuters corpus and a generated corpus of 100,000
 * articles — cold build, no-op rebuild, add-one-article rebuild, edit-one rebuild, peak memory —
 * and Hugo's full build of the same articles when `hugo` is installed, in the same run.
 * Several runs; medians; ratios to Hugo are medians of runs paired in time. Prints Markdown.
 *
 *   npm run bench -- --runs 5 --only reuters       (corpora: seeds, reuters, generated)
 *   npm run bench -- --generated 100000 --generated-runs 1
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, appendFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.ts';

const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(root, '../shared');
const reuters = path.join(shared, 'corpora/reuters21578/articles');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    generated: { type: 'string', default: '100000' },
    'generated-runs': { type: 'string', default: '1' },
  },
});
const scratch = mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-'));
const median = (numbers: readonly number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

interface Run {
  seconds: number;
  /** Peak resident memory of the Node process. */
  bytes: number;
  /** Peak of the largest process in the build's tree (Pagefind's indexer runs as a child), from GNU time. */
  treeBytes: number;
  /** Seconds of the `index for search` stage, from the build's summary (0 when the index was reused). */
  searchSeconds: number;
}

function timed(command: string, args: readonly string[]): Run {
  const rssFile = path.join(scratch, 'rss');
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const gnuTime = existsSync('/usr/bin/time');
  const timeFile = path.join(scratch, 'time');
  if (gnuTime) [command, args] = ['/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args]];
  const result = spawnSync(command, args, { cwd: root, env: { ...process.env, DATELINE_BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 2 ** 20 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  let bytes = Number.NaN;
  try {
    bytes = Number(readFileSync(rssFile, 'utf8'));
  } catch {
    // Hugo is not a Node process: no figure
  }
  const treeBytes = gnuTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) * 1024 : Number.NaN;
  const searchSeconds = Number(/index for search (\d+\.\d+) s/.exec(String(result.stdout))?.[1] ?? 0);
  return { seconds, bytes, treeBytes, searchSeconds };
}

const dateline = (input: string, output: string, ...extra: string[]) =>
  timed(process.execPath, ['--max-old-space-size=12288', '--require', path.join(root, 'bench/max-rss.cjs'), 'bin/dateline.js', 'build', '--input', input, '--output', output, '--base-url', 'https://example.org/', ...extra]);
const hugoInstalled = spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;

interface Corpus {
  name: string;
  make: (target: string) => void;
  runs: number;
}

const allCorpora: Corpus[] = [
  { name: 'seeds (1 article)', make: (target) => copyAll(path.join(root, 'seeds'), target), runs: Number(values.runs) },
  { name: 'Reuters (19,043 articles)', make: (target) => copyAll(reuters, target), runs: Number(values.runs) },
  {
    name: `generated (${Number(values.generated).toLocaleString('en')} articles)`,
    make: (target) => generateCorpus(reuters, target, Number(values.generated)),
    runs: Number(values['generated-runs']),
  },
];
const corpora = allCorpora.filter((corpus) => values.only === undefined || corpus.name.toLowerCase().startsWith(values.only.toLowerCase()));

function copyAll(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) copyFileSync(path.join(from, name), path.join(to, name));
}

const rows: string[] = [];
for (const corpus of corpora) {
  const input = path.join(scratch, 'input');
  const output = path.join(scratch, 'site');
  rmSync(input, { recursive: true, force: true });
  corpus.make(input);
  let hugoSite: string | undefined;
  if (hugoInstalled) {
    hugoSite = path.join(scratch, 'hugo-site');
    execFileSync(process.execPath, [path.join(shared, 'anchors/prepare-hugo.mjs'), input, hugoSite], { stdio: 'ignore' });
  }
  const results: Record<'cold' | 'noop' | 'add' | 'edit' | 'hugo', Run[]> = { cold: [], noop: [], add: [], edit: [], hugo: [] };
  const names = readdirSync(input).sort();
  const last = readFileSync(path.join(input, names.at(-1) as string), 'utf8');
  const lastDate = /date (\S+)/.exec(last)?.[1] ?? '2025-04-27';
  for (let run = 0; run < corpus.runs; run++) {
    rmSync(output, { recursive: true, force: true });
    results.cold.push(dateline(input, output, '--clean'));
    if (hugoSite) {
      rmSync(path.join(scratch, 'hugo-out'), { recursive: true, force: true });
      results.hugo.push(timed('hugo', ['--quiet', '-s', hugoSite, '-d', path.join(scratch, 'hugo-out')]));
    }
    results.noop.push(dateline(input, output));
    const added = path.join(input, `999999_bench${String(run).padStart(11, '0')}.txt`);
    writeFileSync(added, ` date ${lastDate} Benchmark run ${run} adds this article.\n\nIt has a second paragraph.`);
    results.add.push(dateline(input, output));
    appendFileSync(path.join(input, names[Math.floor(names.length / 2)] as string), `\n\nEdited in benchmark run ${run}.`);
    results.edit.push(dateline(input, output));
    rmSync(added);
    dateline(input, output); // back to the corpus as it was, for the next cold build
    process.stderr.write(`${corpus.name} run ${run + 1}/${corpus.runs}: cold ${results.cold.at(-1)?.seconds.toFixed(2)} s, no-op ${results.noop.at(-1)?.seconds.toFixed(2)} s, add ${results.add.at(-1)?.seconds.toFixed(2)} s, edit ${results.edit.at(-1)?.seconds.toFixed(2)} s${hugoSite ? `, hugo ${results.hugo.at(-1)?.seconds.toFixed(2)} s` : ''}\n`);
  }
  const hugoSeconds = results.hugo.length ? median(results.hugo.map((run) => run.seconds)) : undefined;
  for (const [what, key] of [['cold build', 'cold'], ['no-op rebuild', 'noop'], ['add one article', 'add'], ['edit one article', 'edit']] as const) {
    const runs = results[key];
    const seconds = median(runs.map((run) => run.seconds));
    const memory = median(runs.map((run) => run.bytes)) / 2 ** 20;
    const tree = median(runs.map((run) => run.treeBytes)) / 2 ** 20;
    const search = median(runs.map((run) => run.searchSeconds));
    const ratio = hugoSeconds === undefined ? 'n/a' : median(runs.map((run, index) => run.seconds / (results.hugo[index] as Run).seconds)).toFixed(3);
    rows.push(`| ${corpus.name} | ${what} | ${seconds.toFixed(2)} s | ${search.toFixed(2)} s | ${memory.toFixed(0)} MiB | ${Number.isNaN(tree) ? 'n/a' : `${tree.toFixed(0)} MiB`} | ${hugoSeconds === undefined ? 'not installed' : `${hugoSeconds.toFixed(2)} s`} | ${ratio} |`);
  }
}

rmSync(scratch, { recursive: true, force: true });
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.\n`);
console.log('| corpus | what | Dateline (median) | of which search index | Node peak memory | largest process (Pagefind) | Hugo full build (median) | Dateline / Hugo (median of paired runs) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
