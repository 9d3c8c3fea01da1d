// The disk filling up while a build writes the new version: one message naming the file and saying
// the previous site is as it was, exit 1, the site byte for byte, and the next build finishes the job.
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateline } from '../helpers/cli.ts';
import { FIXTURE, readTree, tempDir } from '../helpers/files.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
const ARGS = ['--input', 'in', '--output', 'out', '--base-url', 'https://example.org/'];
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());

describe('a full disk during a build', () => {
  it('names the file, keeps the previous site, and leaves nothing behind; the next build succeeds', async () => {
    const files = (await readdir(FIXTURE)).sort();
    await mkdir(path.join(work.dir, 'in'));
    for (const file of files.slice(0, 10)) await copyFile(path.join(FIXTURE, file), path.join(work.dir, 'in', file));
    expect((await dateline(['build', ...ARGS], { cwd: work.dir })).code).toBe(0);
    const before = await readTree(path.join(work.dir, 'out'));
    await copyFile(path.join(FIXTURE, files[10]!), path.join(work.dir, 'in', files[10]!));

    for (const clean of [false, true]) {
      const full = await dateline(['build', ...ARGS, ...(clean ? ['--clean'] : [])], { cwd: work.dir, env: { DATELINE_FAIL_AT: 'write' } });
      expect(full.code).toBe(1);
      expect(full.stderr).toMatch(/^out\/\S+: could not be written \(the disk is full\); nothing was published: the previous site is as it was \(free some space on the disk and build again\)$/m);
      expect(await readTree(path.join(work.dir, 'out'))).toEqual(before);
      expect((await readdir(work.dir)).filter((name) => name.startsWith('out.'))).toEqual([]);
    }
    const next = await dateline(['build', ...ARGS], { cwd: work.dir });
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/^Built 11 articles/);
  }, 120_000);
});
