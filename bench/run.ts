/**
 * `npm run bench`: cold builds of the seeds and the full Reuters corpus, several runs each,
 * medians of wall time and peak memory, and Hugo on the same articles when `hugo` is installed
 * (ratios measured in the same run). Prints a Markdown table for the README.
 *
 *   npm run bench -- --runs 5 --only reuters
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(root, '../shared');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, only: { type: 'string' } } });
const runs = Number(values.runs);

const corpora = [
  { name: 'seeds', input: path.join(root, 'seeds') },
  { name: 'reuters', input: path.join(shared, 'corpora/reuters21578/articles') },
].filter((corpus) => values.only === undefined || corpus.name === values.only);

interface Run {
  seconds: number;
  bytes?: number;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-'));
const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

function timed(command: string, args: string[], env: Record<string, string> = {}): Run {
  const rssFile = path.join(scratch, 'rss');
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, env: { ...process.env, ...env, DATELINE_BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  let bytes: number | undefined;
  try {
    bytes = Number(readFileSync(rssFile, 'utf8'));
  } catch {
    bytes = undefined;
  }
  return { seconds, ...(bytes === undefined ? {} : { bytes }) };
}

function datelineBuild(input: string): Run {
  const output = path.join(scratch, 'dateline-out');
  rmSync(output, { recursive: true, force: true });
  return timed(process.execPath, ['--require', path.join(root, 'bench/max-rss.cjs'), 'bin/dateline.js', 'build', '--input', input, '--output', output, '--base-url', 'https://example.org/']);
}

function hugoAvailable(): boolean {
  return spawnSync('hugo', ['version'], { stdio: 'ignore' }).status === 0;
}

function hugoBuild(site: string): Run {
  const output = path.join(scratch, 'hugo-out');
  rmSync(output, { recursive: true, force: true });
  return timed('hugo', ['--quiet', '-s', site, '-d', output]);
}

const rows: string[] = [];
const hugo = hugoAvailable();
for (const corpus of corpora) {
  const dateline: Run[] = [];
  const hugoRuns: Run[] = [];
  let hugoSite: string | undefined;
  if (hugo) {
    hugoSite = path.join(scratch, `hugo-${corpus.name}`);
    execFileSync(process.execPath, [path.join(shared, 'anchors/prepare-hugo.mjs'), corpus.input, hugoSite], { stdio: 'ignore' });
  }
  // Alternate the two so both see the same machine load.
  for (let run = 0; run < runs; run++) {
    dateline.push(datelineBuild(corpus.input));
    if (hugoSite) hugoRuns.push(hugoBuild(hugoSite));
    process.stderr.write(`${corpus.name} run ${run + 1}/${runs}: dateline ${dateline.at(-1)?.seconds.toFixed(2)} s${hugoSite ? `, hugo ${hugoRuns.at(-1)?.seconds.toFixed(2)} s` : ''}\n`);
  }
  const seconds = median(dateline.map((run) => run.seconds));
  const memory = median(dateline.flatMap((run) => (run.bytes === undefined ? [] : [run.bytes])));
  const hugoSeconds = hugoRuns.length ? median(hugoRuns.map((run) => run.seconds)) : undefined;
  // Each Dateline run is paired with the Hugo run right after it; the median of those ratios is
  // steadier on a shared machine than a ratio of medians.
  const ratio = hugoSeconds === undefined ? 'n/a' : median(dateline.map((run, index) => run.seconds / (hugoRuns[index] as Run).seconds)).toFixed(1);
  rows.push(`| ${corpus.name} | cold build | ${seconds.toFixed(2)} s | ${(memory / 2 ** 20).toFixed(0)} MiB | ${hugoSeconds === undefined ? 'not installed' : `${hugoSeconds.toFixed(2)} s`} | ${ratio} |`);
}

rmSync(scratch, { recursive: true, force: true });
console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; medians of ${runs} runs.\n`);
console.log('| corpus | what | Dateline | Dateline peak memory | Hugo | Dateline / Hugo (median of paired runs) |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
