import type { ArchiveRow } from '../archive/row.ts';
import { updateArchive } from '../archive/update.ts';
import { deriveArchive, sameNumbers } from '../archive/derive.ts';
import { DEFAULT_TEMPLATES } from '../build-paths.ts';
import type { SiteConfig } from '../config/schema.ts';
import { MemoryDictionary } from '../corpus/dictionary.ts';
import { DatelineError, type Problem } from '../errors.ts';
import { planChanges, planEverything, type OutputPlan } from '../plan/changes.ts';
import type { SiteState } from '../pages/state.ts';
import { displayPath, scanArticles, type ScanResult } from '../read/scan.ts';
import { isSettled } from '../read/fingerprint.ts';
import { readArticles, sortProblems, type FileStatus } from '../records/load-records.ts';
import type { ArticleEntry } from '../records/entry.ts';
import type { ArticleRecord } from '../records/record.ts';
import type { Snapshot, StateStore, StoreChanges, StoredMeta } from '../store/contents.ts';
import type { Writer } from '../write/writer.ts';
import { writeOutputs } from './outputs.ts';
import { updateSearch, type SearchMeta } from './search-stage.ts';
import { siteSettings, stateKeys, type StateKeys } from './settings.ts';
import { siteState, storedTopics } from './site-state.ts';

export interface BuildOptions {
  config: SiteConfig;
  /** Publish drafts. */
  drafts: boolean;
  /** What the last build left: records, rows, output keys, search segments. Updated at the end. */
  store: StateStore;
  /** Ignore what the store holds: read, make and index everything. */
  clean?: boolean;
  /** The input folder's listing, when the caller already made it. */
  scan?: ScanResult;
  /** Told how far a stage has got. */
  progress?: Progress;
  publishing?: {
    /** What a swapping update keeps beside the output, recorded for the next update. */
    retained?: () => Promise<StoredMeta['retained']>;
    /** The output's identity after an in-place publish (unknown before). */
    identify?: () => Promise<string | undefined>;
  };
}

/** Told how far a stage has got (the CLI draws a progress bar from it). */
export type Progress = (stage: string, done: number, total: number) => void;

export interface StageTime {
  stage: string;
  seconds: number;
}

export interface BuildSummary {
  articles: number;
  skipped: number;
  drafts: number;
  problems: Problem[];
  /** Files parsed now, and files whose record was known. */
  parsed: number;
  reused: number;
  /** Output files of the site (pages, feeds, sitemaps, static files; the search index apart). */
  files: number;
  /** Outputs made and written, made and found unchanged, and files removed. */
  written: number;
  unchanged: number;
  removed: number;
  /** Related-article lists computed (all of them on a clean build). */
  related: number;
  /** The search index: articles indexed now, segments merged, segments in all (absent without search). */
  search?: { indexed: number; merged: number; segments: number };
  stages: StageTime[];
  seconds: number;
}

/**
 * The build, as named stages: read (only what changed) → archive (rows, places) → derive
 * (topics, related articles) → plan (what the changes reach) → make and write (render only what
 * differs) → index for search (a new segment, in Pagefind's own process, alongside) → publish
 * and save the state. A clean build is the same path with nothing known; an update's result is
 * the same, byte for byte, as a clean build of the same input.
 */
export async function build(options: BuildOptions, writer: Writer): Promise<BuildSummary> {
  const started = performance.now();
  const stages: StageTime[] = [];
  const timed = async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const result = await work();
    stages.push({ stage, seconds: (performance.now() - start) / 1000 });
    return result;
  };
  const { config, store } = options;
  const templatesDir = config.templates ?? DEFAULT_TEMPLATES;
  const site = siteSettings(config);
  try {
    const keys = await stateKeys(config, templatesDir);
    const stored = options.clean ? undefined : store.meta();
    const previous = stored?.code === keys.code && stored.records === keys.records ? stored : undefined;
    const scan = options.scan ?? (await scanArticles(config.input));

    // Read: only files whose size, times or bytes changed since the last build.
    const snapshot = previous ? store.snapshot() : undefined;
    const known = snapshotIndex(snapshot);
    const storedProblems = new Map(previous?.problems ?? []);
    const read = await timed('read and parse', () =>
      readArticles({
        inputDir: config.input,
        scan,
        leftoverPatterns: config.leftoverPatterns,
        ...(previous ? { known: (path: string) => known.get(path), stored: (hash: string) => store.record(hash), storedProblems: (path: string) => storedProblems.get(path) } : {}),
      }),
    );
    const published = new Map<string, string>();
    let drafts = 0;
    for (const file of read.files) {
      if (file.status === 'article' || (file.status === 'draft' && options.drafts)) published.set(file.id, file.hash);
      else if (file.status === 'draft') drafts++;
    }
    const errors = read.problems.filter((problem) => problem.severity === 'error').length;
    if (published.size === 0 && errors > 0) {
      throw new DatelineError({ code: 'nothing-built', file: config.input, message: `none of the articles could be built (${errors} skipped with errors), so the previous site was left as it was` }, { problems: read.problems });
    }

    // Archive and derive: rows for the changed articles, places, topics, related articles.
    const dictionary = new MemoryDictionary(previous ? { lookup: (text) => store.wordId(text), reverse: (id) => store.word(id), next: previous.nextWord } : undefined);
    const record = (hash: string): ArticleRecord => {
      const found = read.records.get(hash) ?? store.record(hash);
      if (found === undefined) throw new Error(`the build state has no record ${hash}; run dateline build --clean`);
      return found;
    };
    const storedEntry = (id: string): ArticleEntry => {
      const found = store.entry(id);
      if (found === undefined) throw new Error(`the build state has no entry for ${id}; run dateline build --clean`);
      return found;
    };
    const previousHash = hashesById(snapshot);
    const { before, update, derived } = await timed('archive and derive', () => {
      const beforeRows = previous ? store.rows() : [];
      const changes = updateArchive({
        before: beforeRows,
        published,
        previousHash: (id) => previousHash.get(id),
        record,
        entry: storedEntry,
        dictionary,
        nextNo: previous?.nextNo ?? 0,
        displayPath: (source) => `${displayPath(config.input)}/${source}`,
      });
      const topicSettings = { language: site.language, ...(site.topicMinArticles === undefined ? {} : { minArticles: site.topicMinArticles }) };
      return { before: beforeRows, update: changes, derived: deriveArchive(changes.rows, dictionary, topicSettings, previous ? { rows: beforeRows, changed: changes.changed } : undefined) };
    });

    const entryNow = (id: string) => update.entries.get(id) ?? storedEntry(id);
    const body = (entry: ArticleEntry) => record(entry.hash).bodyHtml;
    const after = siteState(site, derived.rows, derived.topics, { entry: entryNow, body });
    const replan = previous === undefined || previous.site !== keys.site;
    const plan: OutputPlan = await timed('plan', () => {
      if (replan) return planEverything(after);
      const was = siteState(site, before, storedTopics(before, previous.topics, previous.minArticles), { entry: (id) => update.previousEntries.get(id) ?? storedEntry(id), body });
      return planChanges(was, after, { changed: update.changed, listed: update.listed });
    });

    // Search runs in Pagefind's own process while the pages render in this one.
    const rebuildSearch = previous === undefined || previous.search !== keys.search;
    const searching = timed('index for search', () =>
      updateSearch({
        enabled: site.search,
        rebuild: rebuildSearch,
        language: site.language,
        state: after,
        candidates: rebuildSearch ? [] : searchCandidates(after, before, update.changed, previous),
        removed: [...update.previousEntries.keys()].filter((id) => !published.has(id)),
        previous: searchMetaOf(previous),
        store,
        record,
      }),
    );
    searching.catch(() => undefined); // a failure is rethrown where it is awaited

    const written = await timed('render and write', () =>
      writeOutputs({ plan, state: after, config, templatesDir, keys, store, previous, replan, feedsChanged: feedsChanged(before, derived.rows, update.changed, site.feedSize), writer, ...(options.progress ? { progress: options.progress } : {}) }),
    );
    const search = await searching;

    // Publish: the state records the output it describes before the output is swapped in, so a
    // build killed in between leaves a state that does not match the output, which the next build discards.
    const changes: StoreChanges = {
      clear: previous === undefined,
      meta: {
        code: keys.code,
        records: keys.records,
        site: keys.site,
        search: keys.search,
        output: null,
        problems: [...read.fileProblems],
        topics: derived.topics.topics.map((topic) => [topic.key, topic.slug, topic.label, topic.kind]),
        minArticles: derived.topics.minArticles,
        nextNo: update.nextNo,
        nextWord: dictionary.next,
        segments: search.meta.segments,
        nextSegment: search.meta.nextSegment,
        ...(search.meta.placeholder === undefined ? {} : { placeholder: search.meta.placeholder }),
        runtimeFiles: search.meta.runtimeFiles,
        sitemapFiles: written.sitemapFiles,
        clashes: mergeClashes(previous?.clashes, update.clashes),
        files: written.files,
      },
      snapshot: snapshotOf(read.files),
      records: { put: [...read.records.values()], remove: staleHashes(snapshot, read.files) },
      entries: { put: [...update.entries.values()], remove: [...update.previousEntries.keys()].filter((id) => !published.has(id)) },
      rows: { put: changedRows(before, derived.rows), remove: update.removedOrders },
      words: dictionary.added,
      outputs: written.outputs,
      docs: search.docs,
      segments: search.segments,
      sitemaps: written.sitemaps,
    };
    await timed('publish', async () => {
      for (const [file, content] of search.write) await writer.write(file, content);
      for (const file of search.remove) await writer.remove(file);
      const identity = await writer.seal();
      const retained = await options.publishing?.retained?.();
      await store.commit({ ...changes, meta: { ...changes.meta, output: identity ?? null, ...(retained ? { retained } : {}) } });
      await writer.publish();
      if (identity === undefined && options.publishing?.identify) await store.setOutput((await options.publishing.identify()) ?? null);
    });
    const clashes = [...mergeClashes(previous?.clashes, update.clashes).values()].flatMap(([, problems]) => problems);
    const problems = sortProblems([...read.problems, ...clashes]);
    return {
      articles: derived.rows.length,
      skipped: problems.filter((problem) => problem.severity === 'error').length,
      drafts,
      problems,
      parsed: read.parsed,
      reused: read.reused,
      files: written.files,
      written: written.written + search.write.size,
      unchanged: written.unchanged,
      removed: written.removed + search.remove.length,
      related: derived.relatedComputed,
      ...(site.search ? { search: { indexed: search.indexed, merged: search.merged.length, segments: search.meta.segments.length } } : {}),
      stages,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** Articles whose search entry may have changed: the changed ones, those whose topics changed, and members of renamed topics. */
function searchCandidates(after: SiteState, before: readonly ArchiveRow[], changed: ReadonlySet<number>, previous: StoredMeta | undefined): number[] {
  const beforeByNo = new Map(before.map((row) => [row.no, row]));
  const oldLabels = new Map((previous?.topics ?? []).map(([key, , label]) => [key, label]));
  const renamed = new Set(after.topics.topics.filter((topic) => oldLabels.has(topic.key) && oldLabels.get(topic.key) !== topic.label).map((topic) => topic.key));
  const candidates: number[] = [];
  after.rows.forEach((row, position) => {
    const old = beforeByNo.get(row.no);
    if (changed.has(row.no) || !old || !sameNumbers(old.topics, row.topics) || row.topics.some((key) => renamed.has(key))) candidates.push(position);
  });
  return candidates;
}

/** Whether the feeds' articles (the newest `feedSize`) are others now, or one of them changed. */
function feedsChanged(before: readonly ArchiveRow[], after: readonly ArchiveRow[], changed: ReadonlySet<number>, feedSize: number): boolean {
  const newest = (rows: readonly ArchiveRow[]) => rows.slice(-feedSize).map((row) => row.no);
  const now = newest(after);
  return !sameNumbers(newest(before), now) || now.some((no) => changed.has(no));
}

function searchMetaOf(previous: StoredMeta | undefined): SearchMeta {
  return {
    segments: previous?.segments ?? [],
    nextSegment: previous?.nextSegment ?? 1,
    ...(previous?.placeholder === undefined ? {} : { placeholder: previous.placeholder }),
    runtimeFiles: previous?.runtimeFiles ?? [],
  };
}

/** The last build's knowledge of each file, by path. */
function snapshotIndex(snapshot: Snapshot | undefined): Map<string, { fingerprint: string; hash: string; status: FileStatus }> {
  const index = new Map<string, { fingerprint: string; hash: string; status: FileStatus }>();
  if (snapshot) snapshot.paths.forEach((path, at) => index.set(path, { fingerprint: snapshot.fingerprints[at]!, hash: snapshot.hashes[at]!, status: snapshot.statuses[at]! }));
  return index;
}

/** The hash of each article's source as the last build read it, by id. */
function hashesById(snapshot: Snapshot | undefined): Map<string, string> {
  const hashes = new Map<string, string>();
  if (snapshot) snapshot.ids.forEach((id, at) => hashes.set(id, snapshot.hashes[at]!));
  return hashes;
}

function snapshotOf(files: readonly { path: string; id: string; fingerprint: string; hash: string; status: FileStatus }[]): Snapshot {
  const now = Date.now();
  return {
    paths: files.map((file) => file.path),
    // A file changed a moment ago could change again unseen within one timestamp tick: read it again next time.
    fingerprints: files.map((file) => (isSettled(file.fingerprint, now) ? file.fingerprint : '')),
    hashes: files.map((file) => file.hash),
    ids: files.map((file) => file.id),
    statuses: files.map((file) => file.status),
  };
}

/** Records no file holds any more. */
function staleHashes(snapshot: Snapshot | undefined, files: readonly { hash: string }[]): string[] {
  if (!snapshot) return [];
  const live = new Set(files.map((file) => file.hash));
  return [...new Set(snapshot.hashes)].filter((hash) => !live.has(hash));
}

/** Rows that are not the previous build's objects: new, replaced, or with other topics or related articles. */
function changedRows(before: readonly ArchiveRow[], rows: readonly ArchiveRow[]): ArchiveRow[] {
  const old = new Set(before);
  return rows.filter((row) => !old.has(row));
}

function mergeClashes(stored: readonly [string, Problem[]][] | undefined, now: ReadonlyMap<string, Problem[]>): [string, Problem[]][] {
  const clashes = new Map(stored ?? []);
  for (const [date, problems] of now) {
    if (problems.length === 0) clashes.delete(date);
    else clashes.set(date, problems);
  }
  return [...clashes].sort(([a], [b]) => (a < b ? -1 : 1));
}

export type { StateKeys };
