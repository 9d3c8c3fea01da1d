import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import type { BuildState } from '../../src/cache/state.ts';
import { configSchema } from '../../src/config/schema.ts';
import { ReplacingWriter, SwappingUpdateWriter, UpdatingWriter } from '../../src/write/disk-writer.ts';
import { readTree, REUTERS, reutersSample, tempDir } from '../helpers/files.ts';

/** A small seeded generator (mulberry32), so every run takes the same steps. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());

async function cleanBuild(input: string, output: string) {
  const config = configSchema.parse({ input, output, baseUrl: 'https://example.org/', pageSize: 5, dayPageSize: 4 });
  return build({ config, drafts: false }, await ReplacingWriter.open(output));
}

/**
 * An incremental build, published the way `dateline build` does (swapped in whole, starting from
 * the version kept by the last swap when there is one) or the way `serve` does (in place).
 * Returns the summary and, after a swap, what the kept version lacks.
 */
async function incrementalBuild(input: string, output: string, previous: BuildState, inPlace: boolean, keptLacks: string[] | undefined) {
  const config = configSchema.parse({ input, output, baseUrl: 'https://example.org/', pageSize: 5, dayPageSize: 4 });
  if (inPlace) return { summary: await build({ config, drafts: false, previous }, await UpdatingWriter.open(output)), keptLacks: undefined };
  const writer = await SwappingUpdateWriter.open(output, keptLacks === undefined ? undefined : { changedSince: keptLacks });
  return { summary: await build({ config, drafts: false, previous }, writer), keptLacks: writer.changes() };
}

describe('incremental builds', () => {
  it('equal a clean build byte for byte after 60 random adds, edits, deletes and renames, published either way', async () => {
    const next = random(20261127);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const input = path.join(work.dir, 'in');
    await mkdir(input);
    const pool = await reutersSample(160);
    for (const name of pool.slice(0, 40)) await copyFile(path.join(REUTERS, name), path.join(input, name));
    let unused = pool.slice(40);
    let state = (await cleanBuild(input, path.join(work.dir, 'incremental'))).state;
    let keptLacks: string[] | undefined;
    const counts = { add: 0, edit: 0, delete: 0, rename: 0, markdown: 0 };

    for (let step = 0; step < 60; step++) {
      const present = (await readdir(input)).sort();
      const roll = next();
      if ((roll < 0.3 && unused.length > 0) || present.length < 5) {
        const name = pick(unused);
        unused = unused.filter((other) => other !== name);
        await copyFile(path.join(REUTERS, name), path.join(input, name));
        counts.add++;
      } else if (roll < 0.5) {
        const name = pick(present);
        const text = await readFile(path.join(input, name), 'utf8');
        // Move it to another day, or change its lede (and so its headline and URL), or its tail.
        const edited =
          next() < 0.3 ? text.replace(/date \d{4}-\d{2}-\d{2}/, `date 1987-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`) : next() < 0.5 ? text.replace(/date (\S+) /, `date $1 Edited ${step}: `) : `${text}\n\nAdded paragraph ${step}.`;
        await writeFile(path.join(input, name), edited);
        counts.edit++;
      } else if (roll < 0.7) {
        await rm(path.join(input, pick(present)));
        counts.delete++;
      } else if (roll < 0.9) {
        const name = pick(present);
        await rename(path.join(input, name), path.join(input, name.replace(/_/, `_r${step}`)));
        counts.rename++;
      } else {
        await writeFile(path.join(input, `m${step % 4}.md`), `---\ntitle: Note ${step}\ndate: 1987-0${1 + (step % 5)}-01\ntags: [step${step}]\n---\nBody ${step}.\n`);
        counts.markdown++;
      }

      // Mostly swapped updates (each starting from the version the last one kept), every fifth in place.
      const incremental = await incrementalBuild(input, path.join(work.dir, 'incremental'), state, step % 5 === 4, keptLacks);
      state = incremental.summary.state;
      keptLacks = incremental.keptLacks;
      const clean = path.join(work.dir, `clean-${step}`);
      await cleanBuild(input, clean);
      const expected = await readTree(clean);
      const actual = await readTree(path.join(work.dir, 'incremental'));
      expect([...actual.keys()], `step ${step}`).toEqual([...expected.keys()]);
      for (const [file, bytes] of expected) expect(actual.get(file)?.toString(), `step ${step}: ${file}`).toBe(bytes.toString());
      await rm(clean, { recursive: true });
    }
    // Every kind of change was exercised.
    expect(Object.values(counts).every((count) => count > 0), JSON.stringify(counts)).toBe(true);
  });

  it('reuses records and rewrites only what an added article touches', async () => {
    const input = path.join(work.dir, 'touch');
    await mkdir(input);
    const names = await reutersSample(60);
    for (const name of names.slice(0, 50)) await copyFile(path.join(REUTERS, name), path.join(input, name));
    const output = path.join(work.dir, 'touch-out');
    const first = await cleanBuild(input, output);
    const { summary: again } = await incrementalBuild(input, output, first.state, false, undefined);
    expect(again).toMatchObject({ parsed: 0, reused: 50, written: 0, removed: 0 });
    await copyFile(path.join(REUTERS, names[55] as string), path.join(input, names[55] as string));
    const { summary: added } = await incrementalBuild(input, output, again.state, false, undefined);
    expect(added).toMatchObject({ parsed: 1, reused: 50 });
    // Only search-index files go: Pagefind names them by content, and the index took in the article.
    const gone = [...again.state.outputs.keys()].filter((file) => !added.state.outputs.has(file));
    expect(gone.length).toBe(added.removed);
    expect(gone.filter((file) => !file.startsWith('pagefind/'))).toEqual([]);
    expect(added.written).toBeGreaterThan(3);
    expect(added.written).toBeLessThan(added.pages / 2);
  });
});
