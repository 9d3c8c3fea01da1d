// Pagefind's process dying while a build indexes: the build says so and exits non-zero, publishes
// nothing (the previous site byte for byte, no lock or staging folder left), and the next build
// equals a clean one.
import { copyFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateline } from '../helpers/cli.ts';
import { FIXTURE, readPages, readTree, tempDir } from '../helpers/files.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
const ARGS = ['--input', 'in', '--output', 'out', '--base-url', 'https://example.org/'];
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());


describe("Pagefind's process killed during a build", () => {
  it('fails the build with a message, leaves the previous site whole, and the next build equals a clean one', async () => {
    const files = (await readdir(FIXTURE)).sort();
    await (await import('node:fs/promises')).mkdir(path.join(work.dir, 'in'));
    for (const file of files.slice(0, 30)) await copyFile(path.join(FIXTURE, file), path.join(work.dir, 'in', file));
    expect((await dateline(['build', ...ARGS], { cwd: work.dir })).code).toBe(0);
    const before = await readTree(path.join(work.dir, 'out'));

    for (const clean of [false, true]) {
      await copyFile(path.join(FIXTURE, files[30 + Number(clean)]!), path.join(work.dir, 'in', files[30 + Number(clean)]!));
      const killed = await dateline(['build', ...ARGS, ...(clean ? ['--clean'] : [])], { cwd: work.dir, env: { DATELINE_KILL_SEARCH_AT: 'search-record' } });
      expect(killed.code, killed.stderr).toBe(1);
      expect(killed.stderr).toMatch(/Pagefind failed while making the search index \(.+\); nothing was published: the previous site is as it was/);
      expect(await readTree(path.join(work.dir, 'out'))).toEqual(before);
      expect((await readdir(work.dir)).filter((name) => name.startsWith('out.'))).toEqual([]);
    }

    expect((await dateline(['build', ...ARGS], { cwd: work.dir })).code).toBe(0);
    const after = await readPages(path.join(work.dir, 'out'));
    await rm(path.join(work.dir, 'clean'), { recursive: true, force: true });
    expect((await dateline(['build', '--input', 'in', '--output', 'clean', '--base-url', 'https://example.org/', '--clean'], { cwd: work.dir })).code).toBe(0);
    expect(after).toEqual(await readPages(path.join(work.dir, 'clean')));
  }, 180_000);
});
