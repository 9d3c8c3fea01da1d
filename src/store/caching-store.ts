import type { ArchiveRows } from '../archive/rows.ts';
import type { NamedIn } from '../corpus/name-counts.ts';
import type { IsoDate } from '../dates.ts';
import type { ArticleEntry } from '../records/entry.ts';
import type { ArticleRecord } from '../records/record.ts';
import type { SearchDoc } from '../search/segments.ts';
import type { SegmentContents, Snapshot, StateStore, StoreChanges, StoredMeta } from './contents.ts';

/**
 * A store that keeps what it reads in memory and keeps it up to date as it commits: `serve`
 * builds again and again in one process, so the archive's rows, the snapshot and every entry or
 * key read once are not read again. Writes still go to the store underneath, so a `dateline
 * build` after `serve` continues from the same state. What it keeps belongs to one generation of
 * the store (see `StateStore.generation`): `refresh` before each build drops it all when another
 * process committed since, and a clean rebuild's commit drops it too.
 */
export class CachingStateStore implements StateStore {
  readonly #store: StateStore;
  #meta: StoredMeta | undefined | null = null;
  #snapshot: Snapshot | undefined | null = null;
  #rows: ArchiveRows | null = null;
  /** The name counts' chunks as stored, once read, and which chunks there are. */
  readonly #counts = new Map<number, Uint8Array | undefined>();
  #countChunks: number[] | undefined;
  readonly #labels = new Map<number, ReadonlyMap<number, number> | undefined>();
  readonly #names = new Map<number, NamedIn | undefined>();
  readonly #records = new Map<string, ArticleRecord | undefined>();
  readonly #entries = new Map<string, ArticleEntry | undefined>();
  readonly #outputs = new Map<string, string | undefined>();
  readonly #docs = new Map<string, SearchDoc | undefined>();
  readonly #words = new Map<string, number | undefined>();
  readonly #wordsById = new Map<number, string | undefined>();
  /** The store's generation what is kept here belongs to. */
  #generation: string | undefined;

  constructor(store: StateStore) {
    this.#store = store;
    this.#generation = store.generation();
  }

  /**
   * Forgets what was kept if the store was committed to by another process since (a `dateline
   * build` beside `serve`), and says so.
   */
  refresh(): boolean {
    const now = this.#store.generation();
    const elsewhere = now !== this.#generation;
    if (elsewhere) this.#forget();
    this.#generation = now;
    return elsewhere;
  }

  generation(): string | undefined {
    return this.#store.generation();
  }

  #forget(): void {
    this.#meta = null;
    this.#snapshot = null;
    this.#rows = null;
    this.#countChunks = undefined;
    for (const map of [this.#counts, this.#labels, this.#names, this.#records, this.#entries, this.#outputs, this.#docs, this.#words, this.#wordsById]) map.clear();
  }

  meta(): StoredMeta | undefined {
    if (this.#meta === null) this.#meta = this.#store.meta();
    return this.#meta;
  }

  snapshot(): Snapshot | undefined {
    if (this.#snapshot === null) this.#snapshot = this.#store.snapshot();
    return this.#snapshot;
  }

  rows(): ArchiveRows {
    this.#rows ??= this.#store.rows();
    return this.#rows;
  }

  names(no: number): NamedIn | undefined {
    return cached(this.#names, no, () => this.#store.names(no));
  }

  countChunks(): number[] {
    this.#countChunks ??= this.#store.countChunks();
    return [...this.#countChunks];
  }

  countChunk(index: number): Uint8Array | undefined {
    return cached(this.#counts, index, () => this.#store.countChunk(index)?.slice());
  }

  labels(key: number): ReadonlyMap<number, number> | undefined {
    return cached(this.#labels, key, () => this.#store.labels(key));
  }

  record(hash: string): ArticleRecord | undefined {
    return cached(this.#records, hash, () => this.#store.record(hash));
  }

  entry(id: string): ArticleEntry | undefined {
    return cached(this.#entries, id, () => this.#store.entry(id));
  }

  output(file: string): string | undefined {
    return cached(this.#outputs, file, () => this.#store.output(file));
  }

  outputFiles(): string[] {
    return this.#store.outputFiles();
  }

  doc(id: string): SearchDoc | undefined {
    return cached(this.#docs, id, () => this.#store.doc(id));
  }

  segment(id: string): SegmentContents | undefined {
    return this.#store.segment(id);
  }

  sitemap(bucket: string): Map<string, IsoDate | undefined> | undefined {
    return this.#store.sitemap(bucket);
  }

  wordId(text: string): number | undefined {
    return cached(this.#words, text, () => this.#store.wordId(text));
  }

  word(id: number): string | undefined {
    return cached(this.#wordsById, id, () => this.#store.word(id));
  }

  async commit(changes: StoreChanges): Promise<void> {
    await this.#store.commit(changes);
    this.#generation = this.#store.generation();
    if (changes.clear) {
      // A clean build numbers words, rows and labels afresh: nothing kept from before holds.
      this.#forget();
      this.#countChunks = [];
    }
    for (const [index, chunk] of changes.counts) {
      this.#counts.set(index, chunk.slice());
      if (this.#countChunks && !this.#countChunks.includes(index)) this.#countChunks.push(index);
    }
    for (const no of changes.names.remove) this.#names.set(no, undefined);
    for (const row of changes.names.put) this.#names.set(row.no, { names: row.names, tags: row.tags });
    for (const [key, labels] of changes.labels) this.#labels.set(key, labels.size === 0 ? undefined : new Map(labels));
    this.#meta = changes.meta;
    this.#snapshot = changes.snapshot;
    this.#rows = changes.rows.all;
    apply(this.#records, changes.records.put.map((record) => [record.hash, record]), changes.records.remove);
    apply(this.#entries, changes.entries.put.map((entry) => [entry.id, entry]), changes.entries.remove);
    apply(this.#outputs, changes.outputs.put, changes.outputs.remove);
    apply(this.#docs, changes.docs.put, changes.docs.remove);
    for (const [text, id] of changes.words) {
      this.#words.set(text, id);
      this.#wordsById.set(id, text);
    }
  }

  async setOutput(identity: string | null): Promise<void> {
    await this.#store.setOutput(identity);
    this.#generation = this.#store.generation();
    const meta = this.meta();
    if (meta) this.#meta = { ...meta, output: identity };
  }

  async close(): Promise<void> {
    await this.#store.close();
  }
}

function cached<K, V>(map: Map<K, V | undefined>, key: K, read: () => V | undefined): V | undefined {
  if (map.has(key)) return map.get(key);
  const value = read();
  map.set(key, value);
  return value;
}

function apply<K, V>(map: Map<K, V | undefined>, put: readonly (readonly [K, V])[], remove: readonly K[]): void {
  for (const key of remove) map.set(key, undefined);
  for (const [key, value] of put) map.set(key, value);
}
