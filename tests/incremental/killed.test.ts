import { spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildStep } from '../../src/fault-point.ts';
import { dateline, DATELINE_BIN } from '../helpers/cli.ts';
import { FIXTURE, readPages, sample, tempDir } from '../helpers/files.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());

const ARGS = ['--input', 'in', '--output', 'out', '--base-url', 'https://example.org/'];


function same(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([file, text]) => b.get(file) === text);
}

/**
 * Each round's kill: the step of the build it lands on (see src/fault-point.ts), whether the build
 * is an update or a `--clean` one, and what a reader finds at the output then: the old site, the
 * new one, or none (between the swap's two renames the old one is moved aside). `next` is what the
 * next build must do besides: discard the build state, which names a version of the output that
 * was never published, or find nothing left to write. (Otherwise it is the update it would have
 * been: incremental, or clean when what furniture discovery finds changed.)
 */
const KILLS: { at: BuildStep; clean?: true; leaves: 'old' | 'new' | 'none'; next?: 'discards the state' | 'writes nothing' }[] = [
  { at: 'read', leaves: 'old' },
  { at: 'write', leaves: 'old' },
  { at: 'index', leaves: 'old' },
  // The URL ledger is half written (an article moved to another month is in both months' files), or written and the state not:
  // the next build finds a ledger it did not write, settles it, and places again what it moved.
  { at: 'ledger-round', leaves: 'old' },
  { at: 'ledger', leaves: 'old' },
  { at: 'commit', leaves: 'old', next: 'discards the state' },
  // Killed between the swap's renames, the new version is whole and the state saved for it: the next start finishes the swap.
  { at: 'swap', leaves: 'none', next: 'writes nothing' },
  { at: 'publish', leaves: 'new', next: 'writes nothing' },
  { at: 'swap', clean: true, leaves: 'none', next: 'writes nothing' },
];

/** Runs a build that kills itself at `step`; resolves with its process id once it is dead, and fails if it ended any other way. */
async function killedBuild(step: BuildStep, clean: boolean): Promise<number> {
  const child = spawn(process.execPath, [DATELINE_BIN, 'build', ...ARGS, ...(clean ? ['--clean'] : [])], { cwd: work.dir, stdio: 'ignore', env: { ...process.env, DATELINE_KILL_AT: step } });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('exit', (...ended) => resolve(ended)));
  expect({ code, signal }, `the build was not killed at "${step}"`).toEqual({ code: null, signal: 'SIGKILL' });
  return child.pid!;
}

describe('a build killed at each step', () => {
  it('leaves the old site or the new one, never a mix (between the two renames of the swap, none, the old one whole beside it), and a state the next build uses or discards: its result equals a clean build', async () => {
    const input = path.join(work.dir, 'in');
    await mkdir(input);
    const pool = await sample(FIXTURE, 360);
    for (const name of pool.slice(0, 300)) await copyFile(path.join(FIXTURE, name), path.join(input, name));
    let unused = pool.slice(300);
    expect((await dateline(['build', ...ARGS], { cwd: work.dir })).code).toBe(0);
    for (const [round, kill] of KILLS.entries()) {
      const name = `round ${round} (killed at "${kill.at}"${kill.clean ? ', clean' : ''})`;
      // A change that touches many pages: new articles, edited ledes, moved dates, a deletion.
      const present = (await readdir(input)).sort();
      for (const file of unused.slice(0, 4)) await copyFile(path.join(FIXTURE, file), path.join(input, file));
      unused = unused.slice(4);
      // The first moves to another month: its line in the URL ledger moves to another file.
      for (const [nth, file] of present.filter((_, index) => index % 37 === round % 37).slice(0, 3).entries()) {
        const at = path.join(input, file);
        await writeFile(at, (await readFile(at, 'utf8')).replace(/date (\d{4})-(\d\d)-(\d\d) /, (_, year: string, month: string) => `date ${year}-${nth > 0 ? month : month === '10' ? '09' : '10'}-0${1 + (round % 9)} Round ${round}: `));
      }
      await rm(path.join(input, present[(round * 7) % present.length]!));
      const before = await readPages(path.join(work.dir, 'out'));
      // A clean build of the same input, in a folder of its own. It records the new URLs in the
      // input's URL ledger as the killed build would, so it runs after the kill, unless the kill
      // leaves the new site (to compare with).
      const cleanBuild = async () => {
        await rm(path.join(work.dir, 'clean'), { recursive: true, force: true });
        expect((await dateline(['build', '--input', 'in', '--output', 'clean', '--base-url', 'https://example.org/', '--clean'], { cwd: work.dir })).code).toBe(0);
        return readPages(path.join(work.dir, 'clean'));
      };
      let expected = kill.leaves === 'new' ? await cleanBuild() : undefined;

      const pid = await killedBuild(kill.at, kill.clean ?? false);
      expected ??= await cleanBuild();
      // The published site is the old one or the new one, whole; or, between the swap's renames,
      // absent, the old one whole beside it (the kept version of an update, or `.old-<pid>`).
      if (kill.leaves === 'none') {
        expect(await readdir(work.dir), name).not.toContain('out');
        const aside = path.join(work.dir, kill.clean ? `out.old-${pid}` : '.out.previous');
        expect(same(await readPages(aside), before), `${name}: the old site is not whole beside the output`).toBe(true);
      } else {
        const during = await readPages(path.join(work.dir, 'out'));
        expect(same(during, kill.leaves === 'old' ? before : expected), `${name}: the output is not the ${kill.leaves} site`).toBe(true);
      }

      // The next build finishes the job, from the state the killed one left or from nothing.
      const next = await dateline(['build', ...ARGS], { cwd: work.dir });
      expect(next.code, next.stderr).toBe(0);
      if (kill.next === 'discards the state') expect(next.stdout, name).toMatch(/: \d+ files parsed, 0 reused from the cache; \d+ files in the site; \d+ files written, 0 unchanged, 0 removed\./);
      if (kill.next === 'writes nothing') expect(next.stdout, name).toMatch(/: 0 files parsed, \d+ reused from the cache; \d+ files in the site; 0 files written, \d+ unchanged, 0 removed\./);
      const after = await readPages(path.join(work.dir, 'out'));
      expect([...after.keys()], name).toEqual([...expected.keys()]);
      for (const [file, text] of expected) expect(after.get(file), `${name}: ${file}`).toBe(text);
      expect((await readdir(work.dir)).filter((entry) => /^out\.(staging|old|sealed|kept)-/.test(entry)), name).toEqual([]);
    }
  });
});
