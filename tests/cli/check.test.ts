import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkEverything, checkFromState } from '../../src/build/check.ts';
import { buildSite } from '../../src/cli/build-command.ts';
import { runCheck } from '../../src/cli/check-command.ts';
import { configSchema, type SiteConfig } from '../../src/config/schema.ts';
import { scanArticles } from '../../src/read/scan.ts';
import { LmdbStateStore } from '../../src/store/lmdb-store.ts';
import { stampFileOf } from '../../src/store/stamp.ts';
import { stateDir } from '../../src/store/state-dir.ts';
import { listFiles, readTree, tempDir } from '../helpers/files.ts';
import { writeInput } from '../helpers/site.ts';

const story = (n: number) => `Paragraph ${n} of the story says what happened and why it matters.`;

/** Scraped articles with leftovers and sign-offs, authored ones that clash on a day, a draft, a warning and a broken file. */
const FILES: Record<string, string> = {
  '001_a.txt': ` date 2025-03-01 ${story(1)}\n\nAdvertisement 1\n\n${story(2)} Reuter`,
  '002_b.txt': ` date 2025-03-01 ${story(3)}\n\nADVERTISEMENT\n\n${story(4)}\n\nREUTER`,
  '003_c.txt': ` date 2025-03-02 ${story(5)}\n\nAdvertisement 3\n\nRead more\n\n${story(6)}`,
  '004_d.txt': ` date 2025-03-02 ${story(7)}\n\nAdvertisement\n\n${story(8)} REUTER...`,
  '005_e.txt': ` date 2025-03-03 ${story(9)}\n\nAdvertisement 5\n\n${story(10)}`,
  '010_p.md': '---\ntitle: Press release\ndate: 2025-03-01\nslug: press\n---\nText.',
  '011_q.md': '---\ntitle: Press again\ndate: 2025-03-01\nslug: press\n---\nText <b>bold</b>.',
  '012_r.md': '---\ntitle: Not yet\ndate: 2025-03-02\nslug: press\ndraft: true\n---\nText.',
  '013_s.txt': ' date 2025-02-30 Not a date.',
};

let work: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  work = await tempDir();
});
afterEach(() => work.cleanup());

const input = () => path.join(work.dir, 'in');
const configOf = (): SiteConfig => configSchema.parse({ input: input(), output: path.join(work.dir, 'out'), search: false });
const cacheDir = () => path.join(work.dir, 'cache');

/** Builds the site with its state, the clock ahead so that every file's times are trusted. */
async function buildOnce(): Promise<void> {
  await buildSite(configOf(), { strict: false, drafts: false, clean: false, cacheDir: cacheDir(), clock: () => Date.now() + 3000 }, { out: () => {}, err: () => {} });
}

/** What `dateline check` prints, to its two streams, with the build state in `cache` (an empty folder: none). */
async function checkPrints(cache: string, drafts = false): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCheck(configOf(), drafts, { out: (line) => out.push(line), err: (line) => err.push(line) }, 1, cache);
  return { code, out, err };
}

describe('dateline check with the build state', () => {
  it('prints exactly what check without a state prints, after adds, edits, a broken file and deletions, reading only what changed', async () => {
    await writeInput(input(), FILES);
    await buildOnce();
    // Each step's change, and how many files check parses since the last build.
    const steps: [string, () => Promise<unknown>, number][] = [
      ['nothing changed', async () => {}, 0],
      ['an article added, and an authored one taking a slug on the clash day', () => writeInput(input(), { '006_f.txt': ` date 2025-03-04 ${story(11)}\n\nSponsored content\n\n${story(12)}\n\nMORE`, '014_t.md': '---\ntitle: Third\ndate: 2025-03-01\nslug: press\n---\nText.' }), 2],
      ['an article edited: its leftover gone, its sign-off another', () => writeFile(path.join(input(), '001_a.txt'), ` date 2025-03-01 ${story(1)}\n\n${story(2)} REUTER`), 3],
      ['a good file broken', () => writeFile(path.join(input(), '003_c.txt'), ' date 2025-13-02 Broken now.'), 4],
      ['a build, then the broken file fixed and the first authored one deleted', async () => {
        await buildOnce();
        await writeFile(path.join(input(), '013_s.txt'), ` date 2025-02-28 ${story(13)}\n\nAdvertisement`);
        await rm(path.join(input(), '010_p.md'));
      }, 1],
      // The state names one example of "advertisement" (the others went in earlier updates): it goes, and the next is found.
      ['every example of a line deleted', () => rm(path.join(input(), '002_b.txt')), 1],
      ['a file renamed ahead of the rest, and another deleted', async () => {
        await rename(path.join(input(), '005_e.txt'), path.join(input(), '000_e.txt'));
        await rm(path.join(input(), '004_d.txt'));
      }, 2],
    ];
    const printed = new Map<string, { out: string[]; err: string[] }>();
    for (const [step, change, parsed] of steps) {
      await change();
      const withState = await checkPrints(cacheDir());
      const without = await checkPrints(path.join(work.dir, 'no-cache'));
      expect(withState, step).toEqual(without);
      printed.set(step, withState);
      expect(await checkPrints(cacheDir(), true), `${step}, with drafts`).toEqual(await checkPrints(path.join(work.dir, 'no-cache'), true));
      // The state stood in for the files that did not change.
      const state = (await LmdbStateStore.openToRead(stateDir(configOf().output, cacheDir())))!;
      try {
        const options = { config: configOf(), scan: await scanArticles(input()), drafts: false, jobs: 1 };
        const fromState = await checkFromState(options, state);
        expect(fromState?.parsed, step).toBe(parsed);
        const { parsed: _parsed, ...result } = fromState!;
        const { parsed: all, ...everything } = await checkEverything(options);
        expect(result, step).toEqual(everything);
        expect(all).toBeGreaterThan(parsed);
      } finally {
        await state.close();
      }
    }
    // What was printed named the clash of the slug another article has, the broken file, and the leftovers' first file found again.
    expect(printed.get(steps[1]![0])!.err.join('\n')).toContain('014_t.md: warning: would have the same URL /2025/03/01/press/ as');
    expect(printed.get(steps[3]![0])!.err.join('\n')).toContain('003_c.txt:1: date "2025-13-02" is not a calendar date');
    expect(printed.get(steps[5]![0])!.out.join('\n')).toContain('"advertisement": 3 articles, e.g. 004_d.txt');
    expect(printed.get(steps[6]![0])!.out.join('\n')).toContain('"advertisement": 2 articles, e.g. 000_e.txt');
  }, 60_000);

  it('writes nothing: not the state, not the stamp, not the output, not the URL ledger', async () => {
    await writeInput(input(), FILES);
    await buildOnce();
    const dir = stateDir(configOf().output, cacheDir());
    const written = async () => ({ state: await readFile(dir), stateTimes: (await stat(dir)).mtimeMs, stamp: await readFile(stampFileOf(dir), 'utf8'), output: await readTree(configOf().output), cache: await listFiles(cacheDir()), ledger: await readTree(path.join(input(), 'urls')) });
    const before = await written();
    await writeInput(input(), { '006_f.txt': ` date 2025-03-04 ${story(11)}` });
    await rm(path.join(input(), '001_a.txt'));
    expect((await checkPrints(cacheDir())).code).toBe(1);
    // LMDB registers a reader in the state's lock file; the state itself is as the build left it, and the URL ledger too.
    expect(await written()).toEqual(before);
    // Without a state, none is made.
    await checkPrints(path.join(work.dir, 'no-cache'));
    expect(await listFiles(work.dir).then((files) => files.filter((file) => file.startsWith('no-cache')))).toEqual([]);
  }, 60_000);

  it('reads everything when the state was made with other cleaning settings', async () => {
    await writeInput(input(), FILES);
    await buildOnce();
    const state = (await LmdbStateStore.openToRead(stateDir(configOf().output, cacheDir())))!;
    try {
      const config = { ...configOf(), leftoverPatterns: ['Read more'] };
      expect(await checkFromState({ config, scan: await scanArticles(input()), drafts: false, jobs: 1 }, state)).toBeUndefined();
    } finally {
      await state.close();
    }
  }, 60_000);
});

describe('dateline check on the site\'s own pages and files', () => {
  it('names a bad page and a refused own file as a build does, and exits 1', async () => {
    await writeInput(work.dir, {
      'in/001_a.txt': ` date 2025-03-01 ${story(1)}`,
      'pages/archive.md': '---\ntitle: Mine\n---\nText.',
      'pages/about.md': '---\nnav: true\n---\nNo title.',
      'static/index.html': '<p>mine</p>',
    });
    const config = configSchema.parse({ input: input(), pages: path.join(work.dir, 'pages'), static: path.join(work.dir, 'static'), output: path.join(work.dir, 'out'), search: false });
    const lines: string[] = [];
    const code = await runCheck(config, false, { out: (line) => lines.push(line), err: (line) => lines.push(line) }, 1, cacheDir());
    expect(code).toBe(1);
    const text = lines.join('\n');
    expect(text).toMatch(/pages\/about\.md:1: title: title is required/);
    expect(text).toMatch(/pages\/archive\.md: would be at \/archive\/, where Dateline makes the archive/);
    expect(text).toMatch(/static\/index\.html: would replace the front page, which Dateline makes; skipped/);
  });
});
