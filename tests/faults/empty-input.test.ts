// An input folder that comes up empty (a failed mount, a wrong path) must not replace a published
// archive with an empty site: the build says so, exits non-zero and leaves the site byte for byte.
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateline } from '../helpers/cli.ts';
import { FIXTURE, readTree, tempDir } from '../helpers/files.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
const ARGS = ['--input', 'in', '--output', 'out', '--base-url', 'https://example.org/'];

beforeAll(async () => {
  work = await tempDir();
  await mkdir(path.join(work.dir, 'in'));
});
afterAll(() => work.cleanup());

async function emptyInput(): Promise<void> {
  for (const name of await readdir(path.join(work.dir, 'in'))) await rm(path.join(work.dir, 'in', name), { recursive: true });
}

describe('an empty input folder', () => {
  it('is built into an empty site the first time, and again while the site is empty', async () => {
    expect((await dateline(['build', ...ARGS], { cwd: work.dir })).code).toBe(0);
    expect((await dateline(['build', ...ARGS], { cwd: work.dir })).code).toBe(0);
  });

  it('leaves a published archive as it was, with the state gone too, unless told to publish it empty', async () => {
    for (const file of (await readdir(FIXTURE)).sort().slice(0, 20)) await copyFile(path.join(FIXTURE, file), path.join(work.dir, 'in', file));
    expect((await dateline(['build', ...ARGS], { cwd: work.dir })).code).toBe(0);
    const published = await readTree(path.join(work.dir, 'out'));
    expect([...published.keys()].filter((file) => file.endsWith('/index.html')).length).toBeGreaterThan(20);

    await emptyInput();
    const refused = await dateline(['build', ...ARGS], { cwd: work.dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`in: has no articles, but out holds a published site: it was left as it was rather than replaced by an empty one`);
    expect(refused.stderr).toContain('--allow-empty');
    expect(await readTree(path.join(work.dir, 'out'))).toEqual(published);

    // The build state is a cache: without it, the site is still kept.
    await rm(path.join(work.dir, 'node_modules'), { recursive: true, force: true });
    expect((await dateline(['build', ...ARGS], { cwd: work.dir })).code).toBe(1);
    expect(await readTree(path.join(work.dir, 'out'))).toEqual(published);

    const told = await dateline(['build', ...ARGS, '--allow-empty'], { cwd: work.dir });
    expect(told.code).toBe(0);
    const empty = await readTree(path.join(work.dir, 'out'));
    expect([...empty.keys()].some((file) => /^\d{4}\/\d\d\/\d\d\/.+\/index\.html$/.test(file))).toBe(false);
  }, 120_000);
});
