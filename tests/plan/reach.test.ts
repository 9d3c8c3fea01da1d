import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { configSchema } from '../../src/config/schema.ts';
import { KINDS } from '../../src/kinds/index.ts';
import { MemoryStateStore } from '../../src/store/memory-store.ts';
import { MemoryWriter } from '../../src/write/writer.ts';
import { FIXTURE, sample, tempDir } from '../helpers/files.ts';
import { random } from '../helpers/random.ts';

let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => work.cleanup());

/** Every kind as it is, and every kind without its reach rule: compared in full on every update. */
const COMPARED_IN_FULL = KINDS.map(({ reach: _reach, ...kind }) => kind);

describe('the reach rules of the page kinds', () => {
  it('plan exactly the outputs that comparing every output in full finds changed, over 40 random updates', async () => {
    const next = random(20261207);
    const input = path.join(work.dir, 'in');
    await mkdir(input);
    const pool = await sample(FIXTURE, 120);
    for (const name of pool.slice(0, 50)) await copyFile(path.join(FIXTURE, name), path.join(input, name));
    let unused = pool.slice(50);
    const config = configSchema.parse({ input, output: path.join(work.dir, 'out'), baseUrl: 'https://example.org/', pageSize: 4, dayPageSize: 3, feedSize: 6, topicMinArticles: 2, search: false, urlLedger: false });
    const narrowed = new MemoryStateStore();
    const full = new MemoryStateStore();
    /** One build with the kinds given: what it wrote (paths) and its counts. */
    const update = async (store: MemoryStateStore, kinds: typeof KINDS) => {
      const writer = new MemoryWriter();
      const summary = await build({ config, drafts: false, store, kinds, jobs: 1 }, writer);
      return { written: [...writer.files.keys()].sort(), counts: [summary.written, summary.unchanged, summary.removed] };
    };
    await update(narrowed, KINDS);
    await update(full, COMPARED_IN_FULL);
    for (let step = 0; step < 40; step++) {
      const present = (await readdir(input)).sort();
      const roll = next();
      const file = path.join(input, present[Math.floor(next() * present.length)]!);
      if (roll < 0.3 && unused.length > 0) {
        await copyFile(path.join(FIXTURE, unused[0]!), path.join(input, unused[0]!));
        unused = unused.slice(1);
      } else if (roll < 0.55) await writeFile(file, (await readFile(file, 'utf8')).replace(/date (\S+) /, `date $1 Step ${step}: `));
      else if (roll < 0.7) await writeFile(file, (await readFile(file, 'utf8')).replace(/date \S+/, `date 2023-11-${String(20 + (step % 9)).padStart(2, '0')}`));
      else if (roll < 0.85) await rm(file);
      else await rename(file, file.replace(/_/, `_s${step}`));
      const a = await update(narrowed, KINDS);
      const b = await update(full, COMPARED_IN_FULL);
      expect(a, `step ${step}`).toEqual(b);
      expect(a.written.length, `step ${step} wrote nothing`).toBeGreaterThan(0);
    }
  });
});
