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

describe("Pagefind's process killed while serve indexes", () => {
  it('serve says so and keeps serving the previous site; the next change is indexed by a new Pagefind', async () => {
    const { startServe } = await import('../../src/cli/serve-command.ts');
    const { configSchema } = await import('../../src/config/schema.ts');
    const { searchSite } = await import('../helpers/search.ts');
    const files = (await readdir(FIXTURE)).sort();
    const site = path.join(work.dir, 'served');
    await (await import('node:fs/promises')).mkdir(path.join(site, 'in'), { recursive: true });
    for (const file of files.slice(0, 10)) await copyFile(path.join(FIXTURE, file), path.join(site, 'in', file));
    const config = configSchema.parse({ input: path.join(site, 'in'), output: path.join(site, 'out') });
    const lines: string[] = [];
    const waiters: (() => void)[] = [];
    const said = (line: string) => {
      lines.push(line);
      for (const wake of waiters.splice(0)) wake();
    };
    const until = async (test: RegExp) => {
      while (!lines.some((line) => test.test(line))) await new Promise<void>((resolve) => waiters.push(resolve));
    };
    const serving = await startServe(config, { port: 0, host: '127.0.0.1', loadConfig: async () => config, configFile: path.join(site, 'none.json'), cacheDir: path.join(site, 'cache') }, { out: said, err: said });
    try {
      const before = await readTree(path.join(site, 'out'));
      // The next build's Pagefind is killed while it writes the index, when nothing more is sent to
      // it (no broken pipe tells): serve finds it gone, says so, and publishes nothing.
      process.env.DATELINE_KILL_SEARCH_AT = 'search-files';
      await copyFile(path.join(FIXTURE, files[10]!), path.join(site, 'in', files[10]!));
      await until(/Pagefind failed while making the search index \(its process ended without answering\); nothing was published: the previous site is as it was/);
      delete process.env.DATELINE_KILL_SEARCH_AT;
      expect(await readTree(path.join(site, 'out'))).toEqual(before);
      // Still serving; the next change builds, with a Pagefind of its own, both new articles.
      lines.length = 0;
      await copyFile(path.join(FIXTURE, files[11]!), path.join(site, 'in', files[11]!));
      await until(/^Built 12 articles/);
      const home = await fetch(serving.url);
      expect(home.status).toBe(200);
      const { results } = await searchSite(path.join(site, 'out'), [{}]);
      expect(results[0]).toHaveLength(12);
    } finally {
      delete process.env.DATELINE_KILL_SEARCH_AT;
      await serving.stop();
    }
  }, 120_000);
});
