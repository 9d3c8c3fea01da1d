// A build state that was cut short, overwritten, damaged in one value, unsealed, read-only or that
// cannot be saved: never a crash or a wrong site. The build says why in one line, builds
// everything again from the articles, and publishes what a clean build publishes.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdir, open, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateDir } from '../../src/store/state-dir.ts';
import { dateline, DATELINE_BIN } from '../helpers/cli.ts';
import { FIXTURE, readPages, tempDir } from '../helpers/files.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
const ARGS = ['--input', 'in', '--base-url', 'https://example.org/'];
const files = readdirSync(FIXTURE).sort().slice(0, 24);
let state: string;
let edits = 0;

beforeAll(async () => {
  work = await tempDir();
  await mkdir(path.join(work.dir, 'in'));
  for (const file of files) await copyFile(path.join(FIXTURE, file), path.join(work.dir, 'in', file));
  state = stateDir(path.join(work.dir, 'out'), path.join(work.dir, 'node_modules/.cache/dateline'));
});
afterAll(() => work.cleanup());

/** A sound state for `out`, then one article edited, so that the next build reads the state to update. */
async function soundStateThenEdit(): Promise<void> {
  expect((await dateline(['build', ...ARGS, '--output', 'out', '--clean'], { cwd: work.dir })).code).toBe(0);
  const file = path.join(work.dir, 'in', files[3]!);
  await writeAppend(file, `\n\nA late paragraph, edit ${++edits}, about the harbour works.\n`);
}

async function writeAppend(file: string, text: string): Promise<void> {
  const handle = await open(file, 'a');
  await handle.write(text);
  await handle.close();
}

/** The update after the damage: exit 0, one line saying why the state was dropped, and the site a clean build makes. */
async function expectHealed(reason: RegExp, env: Record<string, string> = {}): Promise<void> {
  const result = await dateline(['build', ...ARGS, '--output', 'out'], { cwd: work.dir, env });
  expect(result.code).toBe(0);
  const notes = result.stderr.split('\n').filter((line) => line.includes('build state'));
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatch(reason);
  expect(result.stdout).toMatch(/^Built 24 articles .*24 files parsed/);
  await expectCleanSite();
  // And the state it saved is sound: the next update continues from it.
  await writeAppend(path.join(work.dir, 'in', files[5]!), `\n\nAnother paragraph, edit ${++edits}.\n`);
  const next = await dateline(['build', ...ARGS, '--output', 'out'], { cwd: work.dir });
  expect(next.stderr).not.toMatch(/build state/);
  expect(next.stdout).toMatch(/^Built 24 articles .*1 file parsed/);
  await expectCleanSite();
}

async function expectCleanSite(): Promise<void> {
  expect((await dateline(['build', ...ARGS, '--output', 'clean', '--clean'], { cwd: work.dir })).code).toBe(0);
  expect(await readPages(path.join(work.dir, 'out'))).toEqual(await readPages(path.join(work.dir, 'clean')));
}

/** Writes `bytes` over the file at `at` in place, keeping its size, inode and times to the nanosecond (as damage on the disk would). */
async function overwriteInPlace(file: string, at: number, bytes: Buffer): Promise<void> {
  const times = `${file}.times`;
  execFileSync('cp', ['--preserve=timestamps', file, times]);
  const handle = await open(file, 'r+');
  await handle.write(bytes, 0, bytes.length, at);
  await handle.close();
  execFileSync('touch', ['-r', times, file]);
  await rm(times);
}

describe('a damaged build state', () => {
  it('cut to half its size: dropped before LMDB maps it (no SIGBUS), and the site built clean', async () => {
    await soundStateThenEdit();
    await truncate(state, Math.floor((await stat(state)).size / 2));
    await expectHealed(/^note: the build state is damaged \(its data file is cut short: \d+ bytes of \d+\): it was dropped, and everything is built again from the articles$/);
  }, 120_000);

  it('4 KB pages overwritten with garbage: found by its seal, read through in a child process (LMDB may crash there, not here)', async () => {
    await soundStateThenEdit();
    // Every page holding a copy of an article's file name: the snapshot of the input, which the state uses, is on one.
    const bytes = await readFile(state);
    const pages = new Set<number>();
    for (let at = bytes.indexOf(files[10]!); at !== -1; at = bytes.indexOf(files[10]!, at + 1)) pages.add(Math.floor(at / 4096) * 4096);
    expect(pages.size).toBeGreaterThan(0);
    const handle = await open(state, 'r+');
    for (const page of pages) await handle.write(Buffer.from(Array.from({ length: 4096 }, (_, at) => (at * 7919 + page) % 256)), 0, 4096, page);
    await handle.close();
    await expectHealed(/^note: the build state is damaged \((a value of \S+ does not match its checksum|reading it crashed LMDB \(SIG\w+\)|reading it failed: .+)\): it was dropped, and everything is built again from the articles$/);
  }, 120_000);

  it('one value damaged in place with its size and times kept: found by its checksum when read', async () => {
    await soundStateThenEdit();
    // Every copy of an article's file name: the snapshot of the input, read by every update, holds one.
    const bytes = await readFile(state);
    const name = Buffer.from(files[10]!);
    let found = 0;
    for (let at = bytes.indexOf(name); at !== -1; at = bytes.indexOf(name, at + 1), found++) await overwriteInPlace(state, at, Buffer.from('X'));
    expect(found).toBeGreaterThan(0);
    await expectHealed(/the build state is damaged \(.*does not match its checksum\)/);
  }, 120_000);

  it('copied (restored from a cache) and damaged: the copy is read through before it is trusted', async () => {
    await soundStateThenEdit();
    const copy = await readFile(state);
    // Every copy of an article's file name (the snapshot of the input holds one), one letter changed.
    for (let at = copy.indexOf(files[12]!); at !== -1; at = copy.indexOf(files[12]!, at + 1)) copy[at] = copy[at]! ^ 0x20;
    await rm(state);
    await writeFile(state, copy);
    await expectHealed(/^note: the build state is damaged \(a value of \S+ does not match its checksum\)/);
  }, 120_000);

  it('copied whole (restored from a cache): trusted after it is read through, and the update stays incremental', async () => {
    await soundStateThenEdit();
    const copy = await readFile(state);
    await rm(state);
    await writeFile(state, copy);
    const result = await dateline(['build', ...ARGS, '--output', 'out'], { cwd: work.dir });
    expect(result.stderr).not.toMatch(/build state/);
    expect(result.stdout).toMatch(/^Built 24 articles .*1 file parsed/);
    await expectCleanSite();
  }, 120_000);
});

describe('a build state that cannot be written', () => {
  it('that the disk refuses to save (full): the site is published, the note says so, and the next build is clean and right', async () => {
    await soundStateThenEdit();
    const before = await readFile(state);
    const full = await dateline(['build', ...ARGS, '--output', 'out'], { cwd: work.dir, env: { DATELINE_FAIL_AT: 'state-write' } });
    expect(full.code).toBe(0);
    expect(full.stderr).toMatch(/^note: the build state could not be saved \(ENOSPC: no space left on device, write\): the site was published, and the next build builds everything again$/m);
    expect(await readFile(state)).toEqual(before);
    await expectCleanSite();
    const next = await dateline(['build', ...ARGS, '--output', 'out'], { cwd: work.dir });
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/^Built 24 articles .*24 files parsed/);
    await expectCleanSite();
  }, 120_000);

  const canMountReadOnly = (() => {
    try {
      execFileSync('unshare', ['-rm', 'true'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  // A read-only file system, made for the one build by a private mount namespace (util-linux `unshare`).
  it.skipIf(!canMountReadOnly)('on a read-only file system: left as it is, the site built clean without it, and the note says so', async () => {
    await soundStateThenEdit();
    const before = await readFile(state);
    const cache = path.dirname(state);
    const script = `mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && exec "$2" "$3" build ${ARGS.join(' ')} --output out`;
    const { status, stdout, stderr } = spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', cache, process.execPath, DATELINE_BIN], { cwd: work.dir, encoding: 'utf8' });
    expect(status, stderr).toBe(0);
    expect(stderr).toMatch(/^note: the build state \S+ cannot be written \(EROFS\): everything is built again, and the state is not saved$/m);
    expect(stdout).toMatch(/^Built 24 articles .*24 files parsed/);
    expect(await readFile(state)).toEqual(before);
    await expectCleanSite();
  }, 120_000);
});
