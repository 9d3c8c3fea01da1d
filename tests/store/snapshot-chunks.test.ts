import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveRows } from '../../src/archive/rows.ts';
import type { Snapshot, StoreChanges, StoredMeta } from '../../src/store/contents.ts';
import { LmdbStateStore } from '../../src/store/lmdb-store.ts';
import { chunkEnds, decodeSnapshot, encodeSnapshot } from '../../src/store/snapshot-chunks.ts';
import { tempDir } from '../helpers/files.ts';

let seed = 5;
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const name = () => `${String(Math.floor(next() * 1e6)).padStart(6, '0')}_${Math.floor(next() * 1e9).toString(16)}.txt`;

function snapshotOf(paths: string[]): Snapshot {
  const sorted = [...new Set(paths)].sort();
  return {
    paths: sorted,
    times: Float64Array.from(sorted.flatMap((path) => [path.length, path.charCodeAt(3) * 1000, Number.NaN])),
    hashes: sorted.map((path) => `h-${path}`),
    ids: sorted.map((path) => path.slice(7, -4)),
    statuses: sorted.map((path) => (path.charCodeAt(2) % 3 === 0 ? 'error' : 'article')),
  };
}

/** The chunks as (first path, length) pairs. */
const chunksOf = (paths: string[]) => {
  let from = 0;
  return chunkEnds(paths).map((to) => {
    const chunk = `${paths[from]}:${to - from}`;
    from = to;
    return chunk;
  });
};

describe('snapshot chunks', () => {
  it('end where the paths say, so adding or removing a file changes at most two chunks', () => {
    for (let round = 0; round < 20; round++) {
      const before = snapshotOf(Array.from({ length: 3000 + Math.floor(next() * 3000) }, name)).paths;
      const after = next() < 0.5 ? snapshotOf([...before, name()]).paths : before.filter((_, at) => at !== Math.floor(next() * before.length));
      const old = new Set(chunksOf(before));
      const changed = chunksOf(after).filter((chunk) => !old.has(chunk));
      expect(changed.length).toBeLessThanOrEqual(2);
      expect(chunkEnds(after).at(-1)).toBe(after.length);
    }
  });

  it('encode and decode a range of rows', () => {
    const snapshot = snapshotOf(Array.from({ length: 50 }, name));
    const part = decodeSnapshot(encodeSnapshot(snapshot, 10, 20));
    expect(part.paths).toEqual(snapshot.paths.slice(10, 20));
    expect(part.hashes).toEqual(snapshot.hashes.slice(10, 20));
    expect([...part.times]).toEqual([...snapshot.times.slice(30, 60)]);
    expect(decodeSnapshot(encodeSnapshot(snapshot, 0, 0)).paths).toEqual([]);
  });
});

describe('the stored snapshot', () => {
  let work: Awaited<ReturnType<typeof tempDir>>;
  beforeEach(async () => {
    work = await tempDir();
  });
  afterEach(() => work.cleanup());

  const changes = (snapshot: Snapshot, clear: boolean): StoreChanges => ({
    meta: { code: 'test' } as StoredMeta,
    snapshot,
    clear,
    records: { put: [], remove: [] },
    entries: { put: [], remove: [] },
    names: { put: [], remove: [] },
    rows: { all: ArchiveRows.empty(), changed: new Set() },
    words: [],
    counts: [],
    labels: [],
    outputs: { put: [], remove: [] },
    docs: { put: [], remove: [] },
    segments: { put: [], remove: [] },
    sitemaps: [],
  });

  it('reads back what was committed, from the same store and from a new one, over random changes', async () => {
    let paths = Array.from({ length: 4000 }, name);
    let expected = snapshotOf(paths);
    let store = await LmdbStateStore.open(work.dir);
    await store.commit(changes(expected, true));
    for (let step = 0; step < 30; step++) {
      if (step % 10 === 9) {
        await store.close();
        store = await LmdbStateStore.open(work.dir);
      }
      expect(store.snapshot(), `step ${step}`).toEqual(expected);
      const action = next();
      if (action < 0.4) paths = [...paths, ...Array.from({ length: 1 + Math.floor(next() * 3) }, name)];
      else if (action < 0.7) paths = paths.filter(() => next() > 0.01);
      else paths = paths.map((path) => (next() < 0.005 ? name() : path));
      expected = snapshotOf(paths);
      if (step % 7 === 3) expected.hashes[Math.floor(next() * expected.hashes.length)] = 'edited';
      await store.commit(changes(expected, step === 15));
    }
    expect(store.snapshot()).toEqual(expected);
    await store.close();
  });
});
