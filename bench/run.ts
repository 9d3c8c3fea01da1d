/**
 * `npm run bench`: what an update costs against Hugo's full build of the same articles, measured
 * in the same run (Hugo must be installed: `apt-get install hugo`).
 *
 * - Reuters (19,043 articles): each run builds with Hugo, then times Dateline's no-op rebuild and
 *   the updates — add an article dated on the newest day, add a back-dated one, edit one, delete
 *   one — and restores the corpus. Medians of the runs; each ratio is the median of the runs' own
 *   ratios (update ÷ Hugo in that run), since this machine is shared and its speed drifts.
 * - The first 2,000 Reuters articles: the same add, to show how an update grows with the archive.
 * - A generated archive of 100,000 articles (Reuters' texts, dates over 1987–2025): add one, against Hugo.
 * - `dateline serve` on Reuters: from saving a new article to the reload event (bench/serve-latency.ts).
 * - Hostile files, 1 MiB each: the time to read and parse each (bench/hostile.ts; skip with `hostile`).
 *
 *   npm run bench                        all of it (about 20 minutes here)
 *   npm run bench -- --runs 3 --skip generated,serve
 *   npm run bench -- --cold --runs 3     cold builds against Hugo + Pagefind (bench/cold.ts)
 *   npm run bench -- --scale 10000,100000,1000000   cold builds of generated archives
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.ts';
import { median } from './median.ts';

const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(root, '../shared');
const reuters = path.join(shared, 'corpora/reuters21578/articles');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    generated: { type: 'string', default: '100000' },
    skip: { type: 'string', default: '' },
    cold: { type: 'boolean', default: false },
    scale: { type: 'string' },
  },
});
// Cold builds (against Hugo + Pagefind) and archives of other sizes are bench/cold.ts's.
if (values.cold || values.scale !== undefined) {
  const args = ['--import', 'tsx', path.join(import.meta.dirname, 'cold.ts'), '--runs', values.cold ? values.runs : '0', ...(values.scale === undefined ? [] : ['--scale', values.scale])];
  process.exit(spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1);
}
const runs = Number(values.runs);
const skip = new Set(values.skip.split(',').filter(Boolean));
const scratch = mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-'));
const NODE_FLAGS = ['--max-old-space-size=12288', '--max-semi-space-size=4']; // as bin/dateline.js and package.json run it

if (spawnSync('hugo', ['version'], { stdio: 'ignore' }).status !== 0) {
  console.error('bench: Hugo is not installed (apt-get install hugo); the targets are ratios to its full build');
  process.exit(1);
}

interface Timing {
  seconds: number;
  /** Peak resident memory of the Dateline process (NaN for Hugo). */
  bytes: number;
  /** The build's own report of its `index for search` stage. */
  searchSeconds: number;
}

function run(command: string, args: readonly string[]): Timing {
  const rssFile = path.join(scratch, 'rss');
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, env: { ...process.env, DATELINE_BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 2 ** 20 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  let bytes = Number.NaN;
  try {
    bytes = Number(readFileSync(rssFile, 'utf8'));
  } catch {
    // not a Node process
  }
  return { seconds, bytes, searchSeconds: Number(/index for search (\d+\.\d+) s/.exec(String(result.stdout))?.[1] ?? 0) };
}

/** Dateline's compiled command, as `npm run build` runs it, with search and a base URL (so feeds and sitemaps are made too). */
const dateline = (input: string, output: string, ...extra: string[]) =>
  run(process.execPath, [...NODE_FLAGS, '--require', path.join(root, 'bench/max-rss.cjs'), 'bin/dateline.js', 'build', '--input', input, '--output', output, '--base-url', 'https://example.org/', ...extra]);

function hugo(input: string, name: string): () => Timing {
  const site = path.join(scratch, `hugo-${name}`);
  execFileSync(process.execPath, [path.join(shared, 'anchors/prepare-hugo.mjs'), input, site], { stdio: 'ignore' });
  return () => {
    rmSync(path.join(scratch, 'hugo-out'), { recursive: true, force: true });
    return run('hugo', ['--quiet', '-s', site, '-d', path.join(scratch, 'hugo-out')]);
  };
}

function copyCorpus(from: string, to: string, count = Infinity): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).sort().slice(0, count)) copyFileSync(path.join(from, name), path.join(to, name));
}

/** The article files of a folder, in order (a build adds the URL ledger's folder beside them). */
const articleNames = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.txt')).sort();
const dateOf = (file: string) => /date (\d{4}-\d{2}-\d{2})/.exec(readFileSync(file, 'utf8'))?.[1] ?? '2000-01-01';
const article = (date: string, text: string) => ` date ${date} ${text}\n\nIt has a second paragraph, about grain exports and the weather.\n`;

const lines: string[] = [];
const report = (line: string) => {
  lines.push(line);
  process.stderr.write(`${line}\n`);
};
const row = (what: string, times: readonly Timing[], hugoTimes?: readonly Timing[], target?: string) => {
  const ratio = hugoTimes ? median(times.map((time, index) => time.seconds / hugoTimes[index]!.seconds)) : undefined;
  const memory = median(times.map((time) => time.bytes)) / 2 ** 20;
  return `| ${what} | ${median(times.map((time) => time.seconds)).toFixed(2)} s | ${median(times.map((time) => time.searchSeconds)).toFixed(2)} s | ${Number.isNaN(memory) ? '–' : `${memory.toFixed(0)} MiB`} | ${hugoTimes ? `${median(hugoTimes.map((time) => time.seconds)).toFixed(2)} s` : '–'} | ${ratio === undefined ? '–' : ratio.toFixed(3)} | ${target ?? ''} |`;
};
const table: string[] = ['| what | Dateline (median) | of which search index | Node peak memory | Hugo full build (median) | Dateline ÷ Hugo (median of runs) | target |', '|---|---|---|---|---|---|---|'];

// Reuters: every update against Hugo, run by run.
const input = path.join(scratch, 'reuters');
const output = path.join(scratch, 'reuters-site');
copyCorpus(reuters, input);
const names = articleNames(input);
const newest = dateOf(path.join(input, names.at(-1)!));
const backDated = dateOf(path.join(input, names[Math.floor(names.length / 4)]!));
const hugoReuters = hugo(input, 'reuters');
const cold = [dateline(input, output, '--clean')];
const times = { hugo: [] as Timing[], noop: [] as Timing[], newest: [] as Timing[], backDated: [] as Timing[], edit: [] as Timing[], remove: [] as Timing[] };
for (let index = 0; index < runs; index++) {
  times.hugo.push(hugoReuters());
  dateline(input, output); // the first build once the last changes settled: it records that nothing changed
  times.noop.push(dateline(input, output));
  const added = path.join(input, `99999_bench${String(index).padStart(11, '0')}.txt`);
  writeFileSync(added, article(newest, `Benchmark run ${index} adds this article on the newest day.`));
  times.newest.push(dateline(input, output));
  const old = path.join(input, `0_bench${String(index).padStart(11, '0')}.txt`);
  writeFileSync(old, article(backDated, `Benchmark run ${index} adds this back-dated article.`));
  times.backDated.push(dateline(input, output));
  const edited = path.join(input, names[1000 + index]!);
  const text = readFileSync(edited, 'utf8');
  appendFileSync(edited, `\n\nEdited in benchmark run ${index}: the Canadian Wheat Board said exports rose.`);
  times.edit.push(dateline(input, output));
  const removed = path.join(input, names[2000 + index]!);
  const removedText = readFileSync(removed, 'utf8');
  rmSync(removed);
  times.remove.push(dateline(input, output));
  // Back to the corpus as it was.
  rmSync(added);
  rmSync(old);
  writeFileSync(edited, text);
  writeFileSync(removed, removedText);
  dateline(input, output);
  report(`Reuters run ${index + 1}/${runs}: Hugo ${times.hugo.at(-1)!.seconds.toFixed(2)} s; no-op ${times.noop.at(-1)!.seconds.toFixed(2)} s, add newest ${times.newest.at(-1)!.seconds.toFixed(2)} s, add back-dated ${times.backDated.at(-1)!.seconds.toFixed(2)} s, edit ${times.edit.at(-1)!.seconds.toFixed(2)} s, delete ${times.remove.at(-1)!.seconds.toFixed(2)} s`);
}
table.push(
  row('Reuters 19,043: clean build', cold, [times.hugo[0]!]),
  row('Reuters 19,043: no-op rebuild', times.noop, times.hugo, '≤ 0.03'),
  row('Reuters 19,043: add one, newest day', times.newest, times.hugo, '≤ 0.10'),
  row('Reuters 19,043: add one, back-dated', times.backDated, times.hugo, '≤ 0.10'),
  row('Reuters 19,043: edit one', times.edit, times.hugo, '≤ 0.10'),
  row('Reuters 19,043: delete one', times.remove, times.hugo, '≤ 0.10'),
);

// The same add on 2,000 articles, alternating with the add on 19,043, for the ratio.
const small = path.join(scratch, 'small');
const smallOutput = path.join(scratch, 'small-site');
copyCorpus(reuters, small, 2000);
dateline(small, smallOutput, '--clean');
const smallNewest = dateOf(path.join(small, articleNames(small).at(-1)!));
const growth = { small: [] as Timing[], large: [] as Timing[] };
for (let index = 0; index < runs; index++) {
  for (const [folder, site, date, into] of [[small, smallOutput, smallNewest, growth.small], [input, output, newest, growth.large]] as const) {
    const added = path.join(folder, `99999_grow${String(index).padStart(11, '0')}.txt`);
    writeFileSync(added, article(date, `Benchmark run ${index} adds this article to measure growth.`));
    into.push(dateline(folder, site));
    rmSync(added);
    dateline(folder, site);
  }
}
const growthRatio = median(growth.large.map((time, index) => time.seconds / growth.small[index]!.seconds));
table.push(row('Reuters first 2,000: add one, newest day', growth.small), row('Reuters 19,043: add one, newest day (paired with the row above)', growth.large));
report(`add at 19,043 ÷ add at 2,000 (median of ${runs} paired runs): ${growthRatio.toFixed(2)} (target ≤ 1.5)`);

// 100,000 generated articles.
if (!skip.has('generated')) {
  const count = Number(values.generated);
  const big = path.join(scratch, 'generated');
  const bigOutput = path.join(scratch, 'generated-site');
  generateCorpus(reuters, big, count);
  const hugoBig = hugo(big, 'generated');
  const bigCold = [dateline(big, bigOutput, '--clean')];
  const bigNewest = dateOf(path.join(big, articleNames(big).at(-1)!));
  const bigTimes = { hugo: [] as Timing[], add: [] as Timing[] };
  for (let index = 0; index < Math.max(1, Math.ceil(runs / 2)); index++) {
    bigTimes.hugo.push(hugoBig());
    const added = path.join(big, `999999_bench${String(index).padStart(11, '0')}.txt`);
    writeFileSync(added, article(bigNewest, `Benchmark run ${index} adds this article to the large archive.`));
    bigTimes.add.push(dateline(big, bigOutput));
    rmSync(added);
    dateline(big, bigOutput);
    report(`generated run ${index + 1}: Hugo ${bigTimes.hugo.at(-1)!.seconds.toFixed(2)} s, add ${bigTimes.add.at(-1)!.seconds.toFixed(2)} s`);
  }
  const label = count.toLocaleString('en');
  table.push(row(`generated ${label}: clean build`, bigCold, [bigTimes.hugo[0]!]), row(`generated ${label}: add one, newest day`, bigTimes.add, bigTimes.hugo, '≤ 0.05'));
}

// serve: save → reload event, on the Reuters site.
let serveLine = '';
if (!skip.has('serve')) {
  const latency = spawnSync(process.execPath, [...NODE_FLAGS, '--import', 'tsx', 'bench/serve-latency.ts', input, output, String(Math.max(5, runs))], { cwd: root, encoding: 'utf8' });
  if (latency.status !== 0) throw new Error(`serve latency failed: ${latency.stderr}`);
  const seconds = latency.stdout.trim().split('\n').map(Number);
  serveLine = `dateline serve on Reuters, save → reload event: median ${median(seconds).toFixed(3)} s over ${seconds.length} saves (${seconds.map((value) => value.toFixed(3)).join(', ')}; target ≤ 0.3 s)`;
}

// Hostile files: read and parse each at 1 MiB (bench/hostile.ts).
let hostileLines = '';
if (!skip.has('hostile')) {
  const hostile = spawnSync(process.execPath, [...NODE_FLAGS, '--import', 'tsx', 'bench/hostile.ts', String(runs)], { cwd: root, encoding: 'utf8' });
  if (hostile.status !== 0) throw new Error(`hostile files failed: ${hostile.stderr}`);
  hostileLines = hostile.stdout.trim();
}

rmSync(scratch, { recursive: true, force: true });
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${runs} runs.\n`);
console.log(table.join('\n'));
console.log(`\n${lines.filter((line) => line.startsWith('add at')).join('\n')}`);
if (serveLine) console.log(serveLine);
if (hostileLines) console.log(`\n${hostileLines}`);
