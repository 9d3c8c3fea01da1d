import type { StoredFurniture } from '../build/furniture-stage.ts';
import type { ArchiveRows } from '../archive/rows.ts';
import type { StoredRemovals } from '../clean/removal-counts.ts';
import type { LabelCounts, NamedIn } from '../corpus/name-counts.ts';
import type { StoredTopic } from '../corpus/topics.ts';
import type { IsoDate } from '../dates.ts';
import type { Problem } from '../errors.ts';
import type { ArticleEntry } from '../records/entry.ts';
import type { ArticleRecord } from '../records/record.ts';
import type { FormerUrl, UnpublishedEntry } from '../ledger/ledger.ts';
import type { OwnPage } from '../records/page-record.ts';
import type { SearchDoc, Segment } from '../search/segments.ts';

/** What a build knows of the input folder as it last read it: per file, in path order. */
export interface Snapshot {
  paths: string[];
  /** Size, modification and change time of each file when read; NaN times when too recent to vouch for it. */
  times: Float64Array;
  hashes: string[];
  ids: string[];
  statuses: ('article' | 'draft' | 'error')[];
}

/** The small facts a build reads whole at its start (besides the rows). */
export interface StoredMeta {
  /** Dateline's code key: another means start clean. */
  code: string;
  /** Settings that shape records (leftover patterns): another means parse again. */
  records: string;
  /** Templates and site settings: another means every page is made again. */
  site: string;
  /** Search settings (language, Pagefind): another means index again. */
  search: string;
  /** Identity of the output the state describes (see `outputIdentity`); null while it may not match. */
  output: string | null;
  /** The previous version kept beside the output by a swapping update, and what changed since. */
  retained?: { identity: string; changedSince: string[]; at?: number };
  /** Problems of files read earlier, by path, to report again. */
  problems: [string, Problem[]][];
  /** The topics with pages, A–Z (see `StoredTopic`), and the threshold that made them. */
  topics: StoredTopic[];
  minArticles: number;
  /** Whether drafts were published. */
  drafts: boolean;
  /** Next article `no` and next dictionary id. */
  nextNo: number;
  nextWord: number;
  /** The search segments, the next segment number, and the runtime's placeholder id. */
  segments: Segment[];
  nextSegment: number;
  placeholder?: string;
  /** The sitemap files written (the index lists them). */
  sitemapFiles: string[];
  /** Files of Pagefind's runtime written under `pagefind/`. */
  runtimeFiles: string[];
  /** URL clashes of authored articles, by day. */
  clashes: [string, Problem[]][];
  /** The URL ledger's files (names, sizes and times) as this build left them (others next time: one was edited or restored). */
  ledger: string;
  /** The ledger's former URLs as this build published them (redirect pages). */
  formerUrls: FormerUrl[];
  /** The articles in the ledger this build did not publish (deleted, drafts): a renamed file may be one of them. */
  unpublishedUrls?: UnpublishedEntry[];
  /** The site's own pages as this build published them. */
  pages?: OwnPage[];
  /** The site's own files as this build copied them. */
  staticFiles?: StoredStatic[];
  /** The input folder's pictures as this build saw them, and the authored articles that show pictures, with every path they refer to. */
  attachments?: { paths: string[]; times: number[] };
  imageRefs?: [string, string[]][];
  /** Output files of the site (for the summary). */
  files: number;
  /** The archive's page furniture: counts, and the lines the stored records were cleaned of. */
  furniture?: StoredFurniture;
  /** What leftover patterns and sign-offs removed over the archive (see `RemovalCounts`). */
  removals: StoredRemovals;
}

/** A file of the site's own as copied: its path, size, modification and change time, and the key of its bytes. */
export type StoredStatic = [path: string, size: number, mtimeMs: number, ctimeMs: number, key: string];

/** What a search segment holds: its files under the output, and the articles indexed in it (live or not). */
export interface SegmentContents {
  files: string[];
  ids: string[];
}

/** Every change a build makes to its state, applied at once. */
export interface StoreChanges {
  meta: StoredMeta;
  snapshot: Snapshot;
  /** Start from nothing (a clean build) before applying the rest. */
  clear: boolean;
  records: { put: ArticleRecord[]; remove: string[] };
  entries: { put: ArticleEntry[]; remove: string[] };
  /** The names and tags of new or changed articles, by `no`, and the articles gone. */
  names: { put: readonly (NamedIn & { no: number })[]; remove: number[] };
  /** The archive's rows now, in order, and the order keys of rows new, changed or gone. */
  rows: { all: ArchiveRows; changed: ReadonlySet<string> };
  words: [string, number][];
  /** Chunks of the name counts that changed (see `NameCounts.dirtyChunks`). */
  counts: [number, Uint8Array][];
  /** Label counts of the keys whose labels changed (empty: the key is named no more). */
  labels: [number, LabelCounts][];
  outputs: { put: [string, string][]; remove: string[] };
  docs: { put: [string, SearchDoc][]; remove: string[] };
  segments: { put: [string, SegmentContents][]; remove: string[] };
  /** Sitemap buckets: their entries (path, newest date), or undefined when the bucket went. */
  sitemaps: [string, [string, IsoDate | null][] | undefined][];
}

/**
 * Where builds keep what they know for the next one. Reads are by key (one record, one output's
 * key) except for the meta facts, the snapshot and the archive's rows, which every build reads
 * whole; writes happen in one atomic transaction per build, so a build killed at any point leaves
 * either the old state or the new one.
 */
export interface StateStore {
  meta(): StoredMeta | undefined;
  snapshot(): Snapshot | undefined;
  /** Every row, in archive order. */
  rows(): ArchiveRows;
  /** The names and tags an article holds, by its `no`. */
  names(no: number): NamedIn | undefined;
  /** The stored chunks of the name counts (see `NameCounts`): their indexes, and one chunk's bytes (valid until the next read). */
  countChunks(): number[];
  countChunk(index: number): Uint8Array | undefined;
  /** A key's label counts (not to be changed). */
  labels(key: number): ReadonlyMap<number, number> | undefined;
  record(hash: string): ArticleRecord | undefined;
  entry(id: string): ArticleEntry | undefined;
  output(file: string): string | undefined;
  /** Every output file the last build recorded (pages, feeds, sitemaps, static files; not the search index). */
  outputFiles(): string[];
  doc(id: string): SearchDoc | undefined;
  segment(id: string): SegmentContents | undefined;
  sitemap(bucket: string): Map<string, IsoDate | undefined> | undefined;
  wordId(text: string): number | undefined;
  word(id: number): string | undefined;
  /**
   * A token that changes with every commit, by this process or another (a `dateline build` beside
   * `serve`): what was read at one generation may be kept only while the generation is the same.
   */
  generation(): string | undefined;
  commit(changes: StoreChanges): Promise<void>;
  /** Records the output's identity after an in-place update (see {@link StoredMeta.output}). */
  setOutput(identity: string | null): Promise<void>;
  close(): Promise<void>;
}
