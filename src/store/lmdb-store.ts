import { createHash, randomUUID } from 'node:crypto';
import type { Database, DatabaseOptions, Key, RootDatabase } from 'lmdb';
import { decodeNames, decodeRowGroups, encodeNames, encodeRows, rowGroups } from '../archive/row.ts';
import type { ArchiveRows } from '../archive/rows.ts';
import type { LabelCounts, NamedIn } from '../corpus/name-counts.ts';
import type { IsoDate } from '../dates.ts';
import type { ArticleEntry } from '../records/entry.ts';
import type { ArticleRecord } from '../records/record.ts';
import type { SearchDoc } from '../search/segments.ts';
import type { SegmentContents, Snapshot, StateStore, StoreChanges, StoredMeta } from './contents.ts';
import { chunkEnds, decodeSnapshot, encodeSnapshot, joinSnapshots, sameRows, type SnapshotChunk } from './snapshot-chunks.ts';
import { faultError } from '../fault-point.ts';
import { checkedValues } from './checked-values.ts';
import { isWriteRefusal, reading, sealed, StateDamaged, StateUnsaved, unsealed } from './damage.ts';
import { dataFileProblem, matchesSeal, sealState, verifyInChild } from './data-file.ts';

/** The databases in the state, each value sealed with its checksum. */
const DATABASES = ['meta', 'files', 'records', 'entries', 'rows', 'names', 'counts', 'labels', 'words', 'words-by-id', 'outputs', 'docs', 'segments', 'sitemaps'];

/** The layout of the values (see `damage.ts`): a state without it, or with another, was written by another Dateline. */
const STATE_FORMAT = 'checked-2';

/**
 * lmdb's TransactionFlags: abortable, committed before returning, but not waiting for the disk
 * to flush it. The commit is atomic and durable against the process being killed (the pages are in
 * the operating system's cache); only a power cut before the flush can lose it, and then the state
 * no longer matches the output and the next build starts clean.
 */
const COMMIT_WITHOUT_WAITING_FOR_DISK = 0x1 | 0x2 | 0x10000;

/**
 * The build state in LMDB (the `lmdb` package, whose binary ships in its npm package): a memory-
 * mapped B-tree, so a read is a lookup in mapped memory and the archive's rows come back in key
 * order from one range scan. Chosen over SQLite (better-sqlite3) by measurement — reading 19,043
 * compact rows took 75 ms against 190 ms, a point read 15 µs against 30–60 µs — and because
 * better-sqlite3 compiles SQLite when installed (a minute here, and never when npm skips install
 * scripts). Each build's changes are one write transaction: LMDB commits it atomically, so a build
 * killed at any point leaves the old state or the new one, never a mix.
 */
export class LmdbStateStore implements StateStore {
  readonly #root: RootDatabase;
  readonly #meta: Database;
  /** The snapshot of the input folder: its chunks (binary, see `encodeSnapshot`) by number, and their order. */
  readonly #files: Database<Buffer, string | number>;
  /** The snapshot as read or last written, and its chunks, to know which to write again. */
  #snapshot: { snapshot: Snapshot; chunks: SnapshotChunk[] } | undefined;
  readonly #records: Database<ArticleRecord, string>;
  readonly #entries: Database<ArticleEntry, string>;
  readonly #rows: Database<Buffer, string>;
  /** The group keys of the rows as read (see `rowGroups`), to know which to rewrite or delete. */
  #rowKeys: Set<string> | undefined;
  /** The generation the two above were read or written at: another process's commit makes them stale. */
  #seen: string | undefined;
  readonly #names: Database<Buffer, number>;
  readonly #counts: Database<Buffer, number>;
  readonly #labels: Database<Buffer, number>;
  readonly #words: Database<number, string>;
  readonly #wordsById: Database<string, number>;
  readonly #outputs: Database<string, string>;
  readonly #docs: Database<SearchDoc, string>;
  readonly #segments: Database<SegmentContents, string>;
  /** Each sitemap bucket's pages and dates, as text (see `encodeSitemap`). */
  readonly #sitemaps: Database<Buffer, string>;

  /** The data file (sealed after every write, see `sealState`). */
  readonly #file: string;

  private constructor(root: RootDatabase, file: string) {
    this.#root = root;
    this.#file = file;
    // Every value is stored with its checksum: structured ones through a checked encoder, binary ones sealed here.
    // (`encoder` is an lmdb option its types leave out.)
    const checked = <V, K extends Key = string>(name: string) => root.openDB<V, K>({ name, encoder: checkedValues(name) } as DatabaseOptions & { name: string });
    this.#meta = checked('meta');
    this.#files = root.openDB({ name: 'files', encoding: 'binary' });
    this.#records = checked('records');
    this.#entries = checked('entries');
    this.#rows = root.openDB({ name: 'rows', encoding: 'binary' });
    this.#names = root.openDB({ name: 'names', encoding: 'binary', keyEncoding: 'uint32' });
    this.#counts = root.openDB({ name: 'counts', encoding: 'binary', keyEncoding: 'uint32' });
    this.#labels = root.openDB({ name: 'labels', encoding: 'binary', keyEncoding: 'uint32' });
    this.#words = checked('words');
    this.#wordsById = checked<string, number>('words-by-id');
    this.#outputs = checked('outputs');
    this.#docs = checked('docs');
    this.#segments = checked('segments');
    this.#sitemaps = root.openDB({ name: 'sitemaps', encoding: 'binary' });
  }

  /**
   * Opens (or makes) the state in `file`. Throws `StateDamaged` when it is cut short, damaged or
   * written by another Dateline (see `openState`, which drops it then), and lmdb's own error when
   * it cannot be opened for writing.
   */
  static async open(file: string): Promise<LmdbStateStore> {
    const sealedAsLeft = matchesSeal(file);
    const problem = dataFileProblem(file) ?? (sealedAsLeft ? undefined : verifyInChild(file, DATABASES));
    if (problem !== undefined) throw new StateDamaged(problem);
    const { open } = await import('lmdb');
    let root: RootDatabase;
    try {
      root = open({ path: file, maxDbs: 16, compression: false });
    } catch (error) {
      if (isWriteRefusal(error)) throw error;
      throw new StateDamaged(`LMDB cannot open it: ${(error as Error).message}`);
    }
    const store = new LmdbStateStore(root, file);
    // Read through and found sound (a state restored from a cache): sealed as it is now.
    if (!sealedAsLeft) sealState(file);
    const format = reading('its format', () => store.#meta.get('format'));
    if (format !== STATE_FORMAT && reading('its contents', () => store.#meta.doesExist('meta'))) {
      await store.close();
      throw new StateDamaged('it was written by another version of Dateline');
    }
    return store;
  }

  /**
   * Opens the state in `dir` only to read it, as `check` does: never made, repaired or written
   * (LMDB registers the reader in the state's lock file, as every reader does). Undefined when
   * there is none or it cannot be opened.
   */
  static async openToRead(dir: string): Promise<LmdbStateStore | undefined> {
    const { existsSync } = await import('node:fs');
    if (!existsSync(dir) || (dataFileProblem(dir) ?? (matchesSeal(dir) ? undefined : verifyInChild(dir, DATABASES))) !== undefined) return undefined;
    const { open } = await import('lmdb');
    try {
      const store = new LmdbStateStore(open({ path: dir, maxDbs: 16, compression: false, readOnly: true }), dir);
      if (store.#meta.get('format') === STATE_FORMAT) return store;
      await store.close();
      return undefined;
    } catch {
      return undefined;
    }
  }

  meta(): StoredMeta | undefined {
    return reading('its summary', () => this.#meta.get('meta') as StoredMeta | undefined);
  }

  generation(): string | undefined {
    return reading('its generation', () => this.#meta.get('generation') as string | undefined);
  }

  /** Forgets the snapshot and row keys read before another process committed. */
  #sync(): void {
    const now = this.generation();
    if (now === this.#seen) return;
    this.#snapshot = undefined;
    this.#rowKeys = undefined;
    this.#seen = now;
  }

  snapshot(): Snapshot | undefined {
    this.#sync();
    const keys = this.#chunkKeys();
    if (keys === undefined) return undefined;
    const parts = reading('the snapshot of the input', () => keys.map((key) => decodeSnapshot(valueOf(this.#files, key, 'the snapshot'))));
    const chunks: SnapshotChunk[] = [];
    let from = 0;
    parts.forEach((part, index) => chunks.push({ key: keys[index]!, from, to: (from += part.paths.length) }));
    const snapshot = joinSnapshots(parts);
    this.#snapshot = { snapshot, chunks };
    return snapshot;
  }

  #chunkKeys(): number[] | undefined {
    const stored = reading('the snapshot of the input', () => this.#files.getBinary('order'));
    if (stored === undefined) return undefined;
    const order = unsealed(stored, 'the snapshot');
    const keys = new Int32Array(order.byteLength / 4);
    new Uint8Array(keys.buffer).set(order);
    return [...keys];
  }

  rows(): ArchiveRows {
    // Decoded straight from the database's read buffer into the archive's columns: no copy of the stored bytes.
    this.#sync();
    return reading('the archive rows', () => {
      const keys = [...this.#rows.getKeys()] as string[];
      this.#rowKeys = new Set(keys);
      return decodeRowGroups(keys.length, (index) => valueOf(this.#rows, keys[index]!, 'the archive rows'));
    });
  }

  names(no: number): NamedIn | undefined {
    return reading('names', () => (this.#names.doesExist(no) ? decodeNames(valueOf(this.#names, no, 'names')) : undefined));
  }

  countChunks(): number[] {
    return reading('the name counts', () => [...this.#counts.getKeys()] as number[]);
  }

  countChunk(index: number): Uint8Array | undefined {
    return reading('the name counts', () => (this.#counts.doesExist(index) ? valueOf(this.#counts, index, 'the name counts') : undefined));
  }

  labels(key: number): ReadonlyMap<number, number> | undefined {
    const stored = reading('labels', () => this.#labels.getBinary(key));
    if (stored === undefined) return undefined;
    const bytes = unsealed(stored, 'labels');
    const pairs = new Int32Array(bytes.byteLength / 4);
    new Uint8Array(pairs.buffer).set(bytes);
    const labels = new Map<number, number>();
    for (let at = 0; at < pairs.length; at += 2) labels.set(pairs[at]!, pairs[at + 1]!);
    return labels;
  }

  record(hash: string): ArticleRecord | undefined {
    return reading('a record', () => this.#records.get(hash));
  }

  entry(id: string): ArticleEntry | undefined {
    return reading('an entry', () => this.#entries.get(id));
  }

  output(file: string): string | undefined {
    return reading('the outputs', () => this.#outputs.get(file));
  }

  outputFiles(): string[] {
    return reading('the outputs', () => [...this.#outputs.getKeys()] as string[]);
  }

  doc(id: string): SearchDoc | undefined {
    return reading('the search entries', () => this.#docs.get(id));
  }

  segment(id: string): SegmentContents | undefined {
    return reading('the search segments', () => this.#segments.get(id));
  }

  sitemap(bucket: string): Map<string, IsoDate | undefined> | undefined {
    return reading('the sitemaps', () => (this.#sitemaps.doesExist(bucket) ? decodeSitemap(valueOf(this.#sitemaps, bucket, 'the sitemaps')) : undefined));
  }

  wordId(text: string): number | undefined {
    return reading('the dictionary', () => this.#words.get(dictionaryKey(text)));
  }

  word(id: number): string | undefined {
    return reading('the dictionary', () => this.#wordsById.get(id));
  }

  async commit(changes: StoreChanges): Promise<void> {
    let written: { snapshot: Snapshot; chunks: SnapshotChunk[] } | undefined;
    const generation = randomUUID();
    this.#refusingWrites(() => this.#root.transactionSync(() => {
      // Committed by another process since this one read: what it kept of the snapshot and rows is stale.
      this.#sync();
      if (changes.clear) {
        for (const db of [this.#meta, this.#files, this.#records, this.#entries, this.#rows, this.#names, this.#counts, this.#labels, this.#words, this.#wordsById, this.#outputs, this.#docs, this.#segments, this.#sitemaps]) db.clearSync();
      }
      for (const hash of changes.records.remove) this.#records.removeSync(hash);
      for (const record of changes.records.put) this.#records.putSync(record.hash, record);
      for (const id of changes.entries.remove) this.#entries.removeSync(id);
      for (const entry of changes.entries.put) this.#entries.putSync(entry.id, entry);
      this.#writeRows(changes.rows.all, changes.rows.changed, changes.clear);
      for (const no of changes.names.remove) this.#names.removeSync(no);
      for (const row of changes.names.put) this.#names.putSync(row.no, sealed(encodeNames(row)));
      for (const [index, chunk] of changes.counts) this.#counts.putSync(index, sealed(chunk));
      for (const [key, labels] of changes.labels) {
        if (labels.size === 0) this.#labels.removeSync(key);
        else this.#labels.putSync(key, sealed(encodeLabels(labels)));
      }
      for (const [text, id] of changes.words) {
        this.#words.putSync(dictionaryKey(text), id);
        this.#wordsById.putSync(id, text);
      }
      for (const file of changes.outputs.remove) this.#outputs.removeSync(file);
      for (const [file, key] of changes.outputs.put) this.#outputs.putSync(file, key);
      for (const id of changes.docs.remove) this.#docs.removeSync(id);
      for (const [id, doc] of changes.docs.put) this.#docs.putSync(id, doc);
      for (const id of changes.segments.remove) this.#segments.removeSync(id);
      for (const [id, contents] of changes.segments.put) this.#segments.putSync(id, contents);
      for (const [bucket, entries] of changes.sitemaps) {
        if (entries === undefined) this.#sitemaps.removeSync(bucket);
        else this.#sitemaps.putSync(bucket, sealed(encodeSitemap(entries)));
      }
      written = this.#writeSnapshot(changes.snapshot, changes.clear);
      this.#meta.putSync('meta', changes.meta);
      this.#meta.putSync('format', STATE_FORMAT);
      this.#meta.putSync('generation', generation);
    }, COMMIT_WITHOUT_WAITING_FOR_DISK));
    this.#snapshot = written;
    this.#seen = generation;
  }

  /** Runs a write transaction: one the file system refuses (read-only, full) is a `StateUnsaved`, one that meets damage a `StateDamaged`; either way the state stays as it was. */
  #refusingWrites(write: () => void): void {
    try {
      faultError('state-write');
      write();
      sealState(this.#file);
    } catch (error) {
      if (isWriteRefusal(error) || /MDB_MAP_FULL|MDB_TXN_FULL|No space left/i.test((error as Error).message)) throw new StateUnsaved((error as Error).message);
      // A page the write reaches turns out damaged: nothing was written, and the build starts again clean.
      if (/MDB_(PAGE_NOTFOUND|CORRUPTED|BAD_TXN|INVALID|BAD_VALSIZE)/.test((error as Error).message)) throw new StateDamaged(`writing it: ${(error as Error).message}`);
      throw error;
    }
  }

  /** Rewrites the row groups that hold a changed row (and new ones), and deletes groups that went. */
  #writeRows(all: ArchiveRows, changed: ReadonlySet<string>, clear: boolean): void {
    const groups = rowGroups(all);
    const before = clear ? new Set<string>() : (this.#rowKeys ?? new Set(this.#rows.getKeys() as Iterable<string>));
    const dirty = new Set<string>();
    for (const order of changed) dirty.add(order.slice(0, 10));
    for (const [key, [from, to]] of groups) if (!before.has(key) || dirty.has(key)) this.#rows.putSync(key, sealed(encodeRows(all, from, to)));
    for (const key of before) if (!groups.has(key)) this.#rows.removeSync(key);
    this.#rowKeys = new Set(groups.keys());
  }

  /**
   * Writes the chunks of the snapshot that differ from the stored ones (see `SNAPSHOT_CHUNK`):
   * a chunk with the first path, the length and the rows of a stored one is kept as it is.
   */
  #writeSnapshot(snapshot: Snapshot, clear: boolean): { snapshot: Snapshot; chunks: SnapshotChunk[] } {
    if (!clear && this.#snapshot === undefined) this.snapshot();
    const old = clear ? undefined : this.#snapshot;
    const byFirst = new Map((old?.chunks ?? []).map((chunk) => [old!.snapshot.paths[chunk.from]!, chunk]));
    const kept = new Set<number>();
    let next = Math.max(0, ...(old?.chunks ?? []).map((chunk) => chunk.key + 1));
    const chunks: SnapshotChunk[] = [];
    let from = 0;
    for (const to of chunkEnds(snapshot.paths)) {
      const stored = byFirst.get(snapshot.paths[from]!);
      if (stored && stored.to - stored.from === to - from && sameRows(old!.snapshot, stored.from, snapshot, from, to - from)) {
        kept.add(stored.key);
        chunks.push({ key: stored.key, from, to });
      } else {
        const key = next++;
        this.#files.putSync(key, sealed(encodeSnapshot(snapshot, from, to)));
        chunks.push({ key, from, to });
      }
      from = to;
    }
    for (const chunk of old?.chunks ?? []) if (!kept.has(chunk.key)) this.#files.removeSync(chunk.key);
    this.#files.putSync('order', sealed(new Uint8Array(Int32Array.from(chunks, (chunk) => chunk.key).buffer)));
    return { snapshot, chunks };
  }

  async setOutput(identity: string | null): Promise<void> {
    const meta = this.meta();
    if (meta === undefined) return;
    const generation = randomUUID();
    const before = this.generation();
    this.#refusingWrites(() =>
      this.#root.transactionSync(() => {
        this.#meta.putSync('meta', { ...meta, output: identity });
        this.#meta.putSync('generation', generation);
      }, COMMIT_WITHOUT_WAITING_FOR_DISK),
    );
    if (before === this.#seen) this.#seen = generation;
  }

  async close(): Promise<void> {
    await this.#root.close();
  }
}

/**
 * The dictionary's key for a word: the word itself, or, for one longer than LMDB's keys may be
 * (a 256 KB token is one "word"), its SHA-256, marked so that no word can be mistaken for it.
 */
function dictionaryKey(text: string): string {
  return Buffer.byteLength(text) <= 400 ? text : `\u0000sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * A sitemap bucket as UTF-8 text: path, date (empty when unknown), path, date…, joined by NUL,
 * which no path holds: thousands of pages a month, encoded and decoded in one pass each.
 */
function encodeSitemap(entries: readonly [string, IsoDate | null][]): Buffer {
  return Buffer.from(entries.map(([path, lastmod]) => `${path}\0${lastmod ?? ''}`).join('\0'), 'utf8');
}

function decodeSitemap(bytes: Uint8Array): Map<string, IsoDate | undefined> {
  const entries = new Map<string, IsoDate | undefined>();
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text === '') return entries;
  const fields = text.split('\0');
  for (let at = 0; at < fields.length; at += 2) entries.set(fields[at]!, fields[at + 1] === '' ? undefined : (fields[at + 1] as IsoDate));
  return entries;
}

/** Label counts as pairs of 32-bit numbers: label id, count. */
function encodeLabels(labels: LabelCounts): Buffer {
  const pairs = new Int32Array(labels.size * 2);
  let at = 0;
  for (const [label, count] of labels) {
    pairs[at++] = label;
    pairs[at++] = count;
  }
  return Buffer.from(pairs.buffer);
}

/**
 * A stored value's bytes without a copy, once its checksum matches: lmdb's shared read buffer,
 * valid until the next read. That buffer is longer than the value, which its `length` property
 * (set by lmdb) gives.
 */
function valueOf<K extends string | number>(db: Database<Buffer, K>, key: K, what: string): Uint8Array {
  const bytes = db.getBinaryFast(key)!;
  return unsealed(bytes.subarray(0, bytes.length), what);
}
