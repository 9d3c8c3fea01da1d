import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateline, DATELINE_BIN } from '../helpers/cli.ts';
import { FIXTURE, readTree, sample, tempDir } from '../helpers/files.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());

const ARGS = ['--input', 'in', '--output', 'out', '--base-url', 'https://example.org/'];

/** The site without its search index (compared by results elsewhere). */
async function site(root: string): Promise<Map<string, string>> {
  const tree = await readTree(root);
  return new Map([...tree].filter(([file]) => !file.startsWith('pagefind/')).map(([file, bytes]) => [file, bytes.toString('utf8')]));
}

function same(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([file, text]) => b.get(file) === text);
}

/** Starts a build and kills it after `delay` ms (or lets it finish first). */
async function killedBuild(delay: number): Promise<void> {
  const child = spawn(process.execPath, [DATELINE_BIN, 'build', ...ARGS], { cwd: work.dir, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, delay))]);
  child.kill('SIGKILL');
  await exited;
}

describe('a build killed at any point', () => {
  it('leaves the site as it was or as it is to be, never a mix, and a state the next build uses or discards: its result equals a clean build', async () => {
    const input = path.join(work.dir, 'in');
    await mkdir(input);
    const pool = await sample(FIXTURE, 360);
    for (const name of pool.slice(0, 300)) await copyFile(path.join(FIXTURE, name), path.join(input, name));
    let unused = pool.slice(300);
    expect((await dateline(['build', ...ARGS], { cwd: work.dir })).code).toBe(0);
    // How long an update takes, so kills land across all of it: reading, rendering, saving the state, swapping.
    await writeFile(path.join(input, '999_probe.txt'), ' date 2023-11-29 A probe article about oil.');
    const started = performance.now();
    expect((await dateline(['build', ...ARGS], { cwd: work.dir })).code).toBe(0);
    const duration = performance.now() - started;
    const fractions = [0.05, 0.2, 0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 3];
    const outcomes = { old: 0, new: 0 };
    for (const [round, fraction] of fractions.entries()) {
      // A change that touches many pages: new articles, edited ledes, moved dates, a deletion.
      const present = (await readdir(input)).sort();
      for (const name of unused.slice(0, 4)) await copyFile(path.join(FIXTURE, name), path.join(input, name));
      unused = unused.slice(4);
      for (const name of present.filter((_, index) => index % 37 === round % 37).slice(0, 3)) {
        const file = path.join(input, name);
        await writeFile(file, (await readFile(file, 'utf8')).replace(/date (\d{4})-(\d\d)-(\d\d) /, `date $1-$2-0${1 + (round % 9)} Round ${round}: `));
      }
      await rm(path.join(input, present[(round * 7) % present.length]!));
      const before = await site(path.join(work.dir, 'out'));
      await killedBuild(duration * fraction);
      // The published site is the old one or the new one, whole.
      const during = await site(path.join(work.dir, 'out'));
      await rm(path.join(work.dir, 'clean'), { recursive: true, force: true });
      expect((await dateline(['build', '--input', 'in', '--output', 'clean', '--base-url', 'https://example.org/', '--clean'], { cwd: work.dir })).code).toBe(0);
      const expected = await site(path.join(work.dir, 'clean'));
      expect(same(during, before) || same(during, expected), `round ${round}: the killed build left a mix of old and new pages`).toBe(true);
      outcomes[same(during, before) ? 'old' : 'new']++;
      // The next build finishes the job, from the state the killed one left (or from nothing if it discarded it).
      expect((await dateline(['build', ...ARGS], { cwd: work.dir })).code).toBe(0);
      const after = await site(path.join(work.dir, 'out'));
      expect([...after.keys()], `round ${round}`).toEqual([...expected.keys()]);
      for (const [file, text] of expected) expect(after.get(file), `round ${round}: ${file}`).toBe(text);
    }
    // Kills landed both before the swap and after it.
    expect(outcomes.old, JSON.stringify(outcomes)).toBeGreaterThan(0);
    expect(outcomes.new, JSON.stringify(outcomes)).toBeGreaterThan(0);
    const leftovers = (await readdir(work.dir)).filter((name) => /^out\.(staging|old)-/.test(name));
    expect(leftovers).toEqual([]);
  });
});
