/**
 * `npm run bench -- --cold` (or `--scale`): what a cold build costs (no build state, no output, search on, base URL
 * set), against Hugo followed by Pagefind's command line on Hugo's pages, in the same run.
 *
 * - Reuters (19,043 articles), run by run: Hugo + Pagefind, Dateline with one worker thread,
 *   Dateline with one per core. Each run's ratios are taken within the run; medians are shown.
 * - `--scale 10000,100000,…`: generated archives (Reuters' texts, dates over 1987–2025, see
 *   generate-corpus.ts): for each size one cold Dateline build, the disk its site takes, one
 *   article added and built again, and Hugo then Pagefind's command line on the same articles.
 *
 * For every build: the wall time, the CPU time the whole machine spent meanwhile (from
 * /proc/stat, so Pagefind's processes and the worker threads count), and the peak of the summed
 * resident memory of the process and all its descendants, sampled every 100 ms.
 *
 *   npx tsx bench/cold.ts --runs 3
 *   npx tsx bench/cold.ts --runs 0 --scale 10000,100000
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.ts';
import { median } from './median.ts';

const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(root, '../shared');
const reuters = process.env.DATELINE_REUTERS ?? path.join(shared, 'corpora/reuters21578/articles');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, scale: { type: 'string', default: '' }, jobs: { type: 'string' } } });
const runs = Number(values.runs);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'dateline-cold-'));
const pagefindBinary = path.join(root, 'node_modules/@pagefind/linux-x64/bin/pagefind_extended');
const jobs = values.jobs ?? String(os.availableParallelism());

interface Measure {
  seconds: number;
  cpuSeconds: number;
  peakBytes: number;
  stdout: string;
}

/** Busy CPU time of the whole machine so far, in seconds. */
function busyCpu(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
}

/** The summed resident memory of `pid` and its descendants, in bytes. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      (children.get(parent) ?? children.set(parent, []).get(parent)!).push(Number(name));
      rss.set(Number(name), Number(fields[21]) * 4096);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const at = stack.pop()!;
    total += rss.get(at) ?? 0;
    stack.push(...(children.get(at) ?? []));
  }
  return total;
}

function measure(command: string, args: readonly string[], cwd = scratch): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const cpu = busyCpu();
    const started = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peakBytes = 0;
    const sampler = setInterval(() => (peakBytes = Math.max(peakBytes, treeRss(child.pid!))), 100);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} failed (${code}): ${stderr.slice(-2000)}`));
      else resolve({ seconds: (performance.now() - started) / 1000, cpuSeconds: busyCpu() - cpu, peakBytes, stdout });
    });
  });
}

const datelineWork = path.join(scratch, 'dateline');

/** A cold Dateline build: no state, no output; the compiled command as `npm run build` runs it. */
async function dateline(input: string, threads: string): Promise<Measure> {
  rmSync(datelineWork, { recursive: true, force: true });
  mkdirSync(datelineWork);
  return datelineAgain(input, threads);
}

/** A Dateline build from the state and output the last one left: an update. */
function datelineAgain(input: string, threads: string): Promise<Measure> {
  return measure(process.execPath, [path.join(root, 'bin/dateline.js'), 'build', '--input', input, '--output', path.join(datelineWork, 'dist'), '--base-url', 'https://example.org/', '--jobs', threads], datelineWork);
}

/** The disk a folder takes (its blocks, as `du` counts them). */
function diskUsed(folder: string): number {
  return Number(spawnSync('du', ['-sk', folder], { encoding: 'utf8' }).stdout.split(/\s/)[0]) * 1024;
}

function prepareHugo(input: string, name: string): string {
  const site = path.join(scratch, `hugo-${name}`);
  if (!existsSync(site)) {
    if (spawnSync(process.execPath, [path.join(shared, 'anchors/prepare-hugo.mjs'), input, site], { stdio: 'ignore' }).status !== 0) throw new Error('prepare-hugo.mjs failed');
  }
  return site;
}

async function hugo(site: string): Promise<Measure> {
  const output = path.join(scratch, 'hugo-out');
  rmSync(output, { recursive: true, force: true });
  return measure('hugo', ['--quiet', '-s', site, '-d', output]);
}

const pagefind = () => measure(pagefindBinary, ['--site', path.join(scratch, 'hugo-out')]);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const stagesOf = (stdout: string) => /Stages: (.*)/.exec(stdout)?.[1] ?? '';

const lines: string[] = [`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`, ''];
const say = (line: string) => {
  lines.push(line);
  process.stderr.write(`${line}\n`);
};

if (runs > 0) {
  const site = prepareHugo(reuters, 'reuters');
  // Dateline builds a linked copy: a build records its URLs beside its articles (urls/), and the shared corpus stays as it is.
  const articles = path.join(scratch, 'reuters');
  // (Hard links where the two share a file system, else copies.)
  const copied = (how: string) => (rmSync(articles, { recursive: true, force: true }), spawnSync('cp', [how, reuters, articles]).status === 0);
  if (!copied('-al') && !copied('-r')) throw new Error(`could not copy ${reuters} into ${articles}`);
  const rows = { hugo: [] as Measure[], pagefind: [] as Measure[], one: [] as Measure[], all: [] as Measure[] };
  for (let run = 0; run < runs; run++) {
    rows.hugo.push(await hugo(site));
    rows.pagefind.push(await pagefind());
    rows.one.push(await dateline(articles, '1'));
    rows.all.push(await dateline(articles, jobs));
    const both = rows.hugo.at(-1)!.seconds + rows.pagefind.at(-1)!.seconds;
    say(`Reuters run ${run + 1}/${runs}: Hugo ${rows.hugo.at(-1)!.seconds.toFixed(2)} s + Pagefind ${rows.pagefind.at(-1)!.seconds.toFixed(2)} s = ${both.toFixed(2)} s; Dateline --jobs 1 ${rows.one.at(-1)!.seconds.toFixed(2)} s, --jobs ${jobs} ${rows.all.at(-1)!.seconds.toFixed(2)} s`);
    say(`  --jobs 1 stages: ${stagesOf(rows.one.at(-1)!.stdout)}`);
    say(`  --jobs ${jobs} stages: ${stagesOf(rows.all.at(-1)!.stdout)}`);
  }
  const both = rows.hugo.map((time, run) => time.seconds + rows.pagefind[run]!.seconds);
  const line = (what: string, times: Measure[], ratio?: number[]) =>
    `| ${what} | ${median(times.map((time) => time.seconds)).toFixed(2)} s | ${median(times.map((time) => time.cpuSeconds)).toFixed(1)} s | ${mib(median(times.map((time) => time.peakBytes)))} | ${ratio ? median(ratio).toFixed(3) : '–'} |`;
  say('');
  say(`Reuters 19,043, cold, search on (medians of ${runs} runs; ratios to Hugo + Pagefind within each run):`);
  say('');
  say('| build | wall | CPU (machine) | peak memory (process tree) | ÷ Hugo + Pagefind |');
  say('|---|---|---|---|---|');
  say(line('Hugo (pages)', rows.hugo));
  say(line('Pagefind CLI on Hugo\'s pages', rows.pagefind));
  say(`| Hugo + Pagefind | ${median(both).toFixed(2)} s | ${median(rows.hugo.map((time, run) => time.cpuSeconds + rows.pagefind[run]!.cpuSeconds)).toFixed(1)} s | – | 1.000 |`);
  say(line('Dateline --jobs 1', rows.one, rows.one.map((time, run) => time.seconds / both[run]!)));
  say(line(`Dateline --jobs ${jobs}`, rows.all, rows.all.map((time, run) => time.seconds / both[run]!)));
  say(`speed-up from 1 to ${jobs} workers (median of the runs' own ratios): ${median(rows.one.map((time, run) => time.seconds / rows.all[run]!.seconds)).toFixed(2)}×`);
}

const scales = values.scale.split(',').filter(Boolean).map(Number);
if (scales.length > 0) {
  // Each size: Dateline's cold build (search on), the disk its site takes, then one article added and built again;
  // the like-for-like anchor on the same articles, Hugo then Pagefind's command line on Hugo's pages (its failure is reported, not fatal).
  const table = [
    '| articles | Dateline cold, search on | CPU | peak memory (process tree) | per article | site on disk | add one, then build | Hugo + Pagefind | their CPU | their peak | Dateline ÷ Hugo + Pagefind |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const count of scales) {
    const input = path.join(scratch, `generated-${count}`);
    generateCorpus(reuters, input, count);
    const built = await dateline(input, jobs);
    say(`  ${count} cold: ${stagesOf(built.stdout)}`);
    const disk = diskUsed(path.join(datelineWork, 'dist'));
    addOneArticle(input, count);
    const added = await datelineAgain(input, jobs);
    say(`  ${count} add one: ${stagesOf(added.stdout)}`);
    rmSync(datelineWork, { recursive: true, force: true });
    let anchor: string;
    try {
      const pages = await hugo(prepareHugo(input, `generated-${count}`));
      const indexed = await pagefind();
      const both = pages.seconds + indexed.seconds;
      anchor = `${pages.seconds.toFixed(1)} s + ${indexed.seconds.toFixed(1)} s | ${(pages.cpuSeconds + indexed.cpuSeconds).toFixed(0)} s | ${mib(pages.peakBytes)}, ${mib(indexed.peakBytes)} | ${(built.seconds / both).toFixed(2)}`;
    } catch (error) {
      anchor = `failed: ${String((error as Error).message).split('\n')[0]!.slice(0, 120)} | – | – | –`;
    }
    table.push(`| ${count.toLocaleString('en')} | ${built.seconds.toFixed(1)} s | ${built.cpuSeconds.toFixed(0)} s | ${mib(built.peakBytes)} | ${((built.seconds / count) * 1000).toFixed(2)} ms | ${mib(disk)} | ${added.seconds.toFixed(2)} s | ${anchor} |`);
    process.stderr.write(`${table.at(-1)!}\n`);
    rmSync(input, { recursive: true, force: true });
    rmSync(path.join(scratch, `hugo-generated-${count}`), { recursive: true, force: true });
    rmSync(path.join(scratch, 'hugo-out'), { recursive: true, force: true });
  }
  say('');
  for (const row of table) say(row);
}

/** One more article, on the archive's last day, as a user adds one: a new file in the input folder. */
function addOneArticle(input: string, count: number): void {
  const last = readdirSync(input).filter((name) => name.endsWith('.txt')).sort().at(-1)!;
  const date = /date\s+(\d{4}-\d{2}-\d{2})/.exec(readFileSync(path.join(input, last), 'utf8'))![1]!;
  const body = 'WASHINGTON - The archive grew by one article today, officials said.\n\nThe new article was added after a cold build to measure what an update costs at this size.\n';
  writeFileSync(path.join(input, `${String(count).padStart(7, '0')}_added${count}.txt`), ` date ${date} ${body}`);
}

rmSync(scratch, { recursive: true, force: true });
console.log(lines.join('\n'));
