import { ArchiveRows } from '../archive/rows.ts';
import type { LabelCounts, NamedIn } from '../corpus/name-counts.ts';
import type { IsoDate } from '../dates.ts';
import type { ArticleEntry } from '../records/entry.ts';
import type { ArticleRecord } from '../records/record.ts';
import type { SearchDoc } from '../search/segments.ts';
import type { SegmentContents, Snapshot, StateStore, StoreChanges, StoredMeta } from './contents.ts';

/** The build state in memory: for tests and dry runs, and for builds that keep nothing. */
export class MemoryStateStore implements StateStore {
  #meta: StoredMeta | undefined;
  #commits = 0;
  #snapshot: Snapshot | undefined;
  readonly #records = new Map<string, ArticleRecord>();
  readonly #entries = new Map<string, ArticleEntry>();
  #rows = ArchiveRows.empty();
  readonly #counts = new Map<number, Uint8Array>();
  readonly #labels = new Map<number, LabelCounts>();
  readonly #names = new Map<number, NamedIn>();
  readonly #words = new Map<string, number>();
  readonly #wordsById = new Map<number, string>();
  readonly #outputs = new Map<string, string>();
  readonly #docs = new Map<string, SearchDoc>();
  readonly #segments = new Map<string, SegmentContents>();
  readonly #sitemaps = new Map<string, [string, IsoDate | null][]>();

  meta(): StoredMeta | undefined {
    return this.#meta;
  }

  generation(): string | undefined {
    return this.#commits === 0 ? undefined : String(this.#commits);
  }

  snapshot(): Snapshot | undefined {
    return this.#snapshot;
  }

  rows(): ArchiveRows {
    return this.#rows;
  }

  names(no: number): NamedIn | undefined {
    return this.#names.get(no);
  }

  countChunks(): number[] {
    return [...this.#counts.keys()];
  }

  countChunk(index: number): Uint8Array | undefined {
    return this.#counts.get(index);
  }

  labels(key: number): ReadonlyMap<number, number> | undefined {
    return this.#labels.get(key);
  }

  record(hash: string): ArticleRecord | undefined {
    return this.#records.get(hash);
  }

  entry(id: string): ArticleEntry | undefined {
    return this.#entries.get(id);
  }

  output(file: string): string | undefined {
    return this.#outputs.get(file);
  }

  outputFiles(): string[] {
    return [...this.#outputs.keys()];
  }

  doc(id: string): SearchDoc | undefined {
    return this.#docs.get(id);
  }

  segment(id: string): SegmentContents | undefined {
    return this.#segments.get(id);
  }

  sitemap(bucket: string): Map<string, IsoDate | undefined> | undefined {
    const entries = this.#sitemaps.get(bucket);
    return entries && new Map(entries.map(([path, lastmod]) => [path, lastmod ?? undefined]));
  }

  wordId(text: string): number | undefined {
    return this.#words.get(text);
  }

  word(id: number): string | undefined {
    return this.#wordsById.get(id);
  }

  async commit(changes: StoreChanges): Promise<void> {
    const tables = [this.#records, this.#entries, this.#names, this.#counts, this.#labels, this.#words, this.#wordsById, this.#outputs, this.#docs, this.#segments, this.#sitemaps];
    if (changes.clear) for (const table of tables) table.clear();
    apply(this.#records, changes.records.put.map((record) => [record.hash, record]), changes.records.remove);
    apply(this.#entries, changes.entries.put.map((entry) => [entry.id, entry]), changes.entries.remove);
    this.#rows = changes.rows.all;
    for (const no of changes.names.remove) this.#names.delete(no);
    for (const row of changes.names.put) this.#names.set(row.no, { names: Int32Array.from(row.names), tags: Int32Array.from(row.tags) });
    for (const [index, chunk] of changes.counts) this.#counts.set(index, chunk.slice());
    for (const [key, labels] of changes.labels) {
      if (labels.size === 0) this.#labels.delete(key);
      else this.#labels.set(key, new Map(labels));
    }
    for (const [text, id] of changes.words) {
      this.#words.set(text, id);
      this.#wordsById.set(id, text);
    }
    apply(this.#outputs, changes.outputs.put, changes.outputs.remove);
    apply(this.#docs, changes.docs.put, changes.docs.remove);
    apply(this.#segments, changes.segments.put, changes.segments.remove);
    for (const [bucket, entries] of changes.sitemaps) {
      if (entries === undefined) this.#sitemaps.delete(bucket);
      else this.#sitemaps.set(bucket, entries);
    }
    this.#snapshot = changes.snapshot;
    this.#meta = changes.meta;
    this.#commits++;
  }

  async setOutput(identity: string | null): Promise<void> {
    if (this.#meta) this.#meta = { ...this.#meta, output: identity };
    this.#commits++;
  }

  async close(): Promise<void> {}
}

function apply<K, V>(table: Map<K, V>, put: readonly (readonly [K, V])[], remove: readonly K[]): void {
  for (const key of remove) table.delete(key);
  for (const [key, value] of put) table.set(key, value);
}
