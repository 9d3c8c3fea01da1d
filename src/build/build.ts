import { ArchiveRows } from '../archive/rows.ts';
import { updateArchive, type ArchiveUpdate } from '../archive/update.ts';
import { deriveArchive } from '../archive/derive.ts';
import type { SiteConfig } from '../config/schema.ts';
import { MemoryDictionary } from '../corpus/dictionary.ts';
import { NameCounts, type LabelCounts, type NamedIn } from '../corpus/name-counts.ts';
import { DatelineError, type Problem } from '../errors.ts';
import { faultPoint } from '../fault-point.ts';
import { planChanges, planEverything, type OutputPlan } from '../plan/changes.ts';
import type { PageKind } from '../kinds/kind.ts';
import { positionsByNo, type SiteState } from '../pages/state.ts';
import { displayPath, scanArticles, type ScanResult } from '../read/scan.ts';
import { isSettled } from '../read/fingerprint.ts';
import { matchSnapshot } from '../records/known-files.ts';
import { readArticles, sortProblems, type FileStatus, type FileTable } from '../records/load-records.ts';
import type { ArticleEntry } from '../records/entry.ts';
import type { ArticleRecord } from '../records/record.ts';
import type { Snapshot, StateStore, StoreChanges, StoredMeta } from '../store/contents.ts';
import type { Writer } from '../write/writer.ts';
import { StateDamaged, StateUnsaved } from '../store/damage.ts';
import { countFurniture, foundFurniture, removeFoundFurniture, sameFurniture } from './furniture-stage.ts';
import { countRemovals, reportRemovals } from './count-stage.ts';
import type { RemovalReport } from '../clean/removal-counts.ts';
import { writeOutputs } from './outputs.ts';
import { foldParagraph, type FoundFurniture } from '../clean/boilerplate.ts';
import { updateSearch, type SearchMeta } from './search-stage.ts';
import { startSearchService } from '../search/pagefind.ts';
import { defaultJobs } from '../parallel/pool.ts';
import { templateFolders, type TemplateSet } from '../render/templates.ts';
import { digest, siteSettings, stateKeys, type StateKeys } from './settings.ts';
import { siteState, storedTopics } from './site-state.ts';
import { ledgerFolderOf } from '../ledger/ledger-folder.ts';
import { readLedger, writeLedger } from '../ledger/ledger-io.ts';
import { monthOf } from '../ledger/shard.ts';
import { addLedgerDrift, seedLedger } from './ledger-stage.ts';
import { navigationOf, ownFiles } from './own-files.ts';
import type { SiteSettings } from '../pages/types.ts';
import { latestToday } from '../dates.ts';

export interface BuildOptions {
  config: SiteConfig;
  /** Publish drafts. */
  drafts: boolean;
  /** What the last build left: records, rows, output keys, search segments. Updated at the end. */
  store: StateStore;
  /** Ignore what the store holds: read, make and index everything. */
  clean?: boolean;
  /** The template folders and helpers (default: the config's folder over Dateline's own, no helpers). */
  templates?: TemplateSet;
  /** Files of the output a clean build replaces through an updating writer: those it does not make again go (known from the store when it is not clean). */
  replacing?: readonly string[];
  /** The input folder's listing, when the caller already made it. */
  scan?: ScanResult;
  /** Told how far a stage has got. */
  progress?: Progress;
  /** Worker threads for parsing (default: one per core). */
  jobs?: number;
  /** The time now (default `Date.now`), for telling files changed too recently to vouch for. */
  clock?: () => number;
  /** The kinds of output the site has (default: every kind, `KINDS`). */
  kinds?: readonly PageKind[];
  publishing?: {
    /** What a swapping update keeps beside the output, recorded for the next update. */
    retained?: () => Promise<StoredMeta['retained']>;
    /** The output's identity after an in-place publish (unknown before). */
    identify?: () => Promise<string | undefined>;
    /** Fails unless this build still holds the output's lock (checked before the state is saved). */
    held?: () => Promise<void>;
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
  /** Page furniture the archive revealed and removed, with counts and an example file each. */
  furniture: FoundFurniture[];
  /** Lines leftover patterns removed and the sign-offs, with counts and an example file each. */
  removals: RemovalReport;
  /** The URL ledger: URLs recorded now, articles whose URL moved (the old one redirects), and whether the file was started now. */
  urls: { folder: string | undefined; recorded: number; moved: { from: string; to: string }[]; started: boolean };
  /** The search index: articles indexed now, segments merged, segments in all, its files written and removed (absent without search). */
  search?: { indexed: number; merged: number; segments: number; written: number; removed: number };
  /** Why the build state could not be saved, when it could not (the site was published all the same). */
  stateUnsaved?: string;
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
  const templates = options.templates ?? { folders: templateFolders(config) };
  try {
    // The site's own pages, read whole every build (there are few): those in the navigation are on every page.
    const own = await ownFiles(config, options.drafts);
    const site: SiteSettings = { ...siteSettings(config), pageNav: navigationOf(own.pages) };
    if (site.search) startSearchService();
    const keys = await stateKeys(config, site, templates);
    const stored = options.clean ? undefined : store.meta();
    const previous = stored?.code === keys.code && stored.records === keys.records ? stored : undefined;
    const scan = options.scan ?? (await scanArticles(config.input));
    // Every URL each article has had: published articles keep theirs (a damaged ledger stops the build, which could move them).
    const ledgerFolder = ledgerFolderOf(config);
    const { ledger, identity: ledgerIdentity, exists: ledgerExists } = await readLedger(
      ledgerFolder,
      // Read a month at a time only by an update (which knows what went since the last build).
      previous === undefined
        ? undefined
        : {
            identity: previous.ledger,
            summary: { formers: previous.formerUrls ?? [], unpublished: previous.unpublishedUrls ?? [] },
            // The last build recorded each article it published (drafts apart) at the URL its state keeps.
            locate: (id) => {
              const entry = store.entry(id);
              return entry === undefined || entry.draft ? undefined : monthOf(entry.path);
            },
          },
    );

    // Read: only files whose size, times or bytes changed since the last build.
    const snapshot = previous ? store.snapshot() : undefined;
    const match = snapshot ? matchSnapshot(scan.paths, snapshot) : undefined;
    const storedProblems = new Map(previous?.problems ?? []);
    const read = await timed('read and parse', () =>
      readArticles({
        inputDir: config.input,
        scan,
        leftoverPatterns: config.leftoverPatterns,
        keepParagraphs: config.keepParagraphs,
        furniture: new Set(previous?.furniture?.removed ?? []),
        jobs: options.jobs ?? defaultJobs(),
        ...(snapshot && match
          ? { previous: { snapshot, match, record: (hash: string) => store.record(hash), problems: (path: string) => storedProblems.get(path), ...(previous?.attachments ? { attachments: previous.attachments } : {}), imageRefs: previous?.imageRefs ?? [] } }
          : {}),
      }),
    );
    faultPoint('read');
    // Page furniture the archive reveals: counted over every article; when what is found changes, every article is cleaned again.
    const lookup = (hash: string) => read.records.get(hash) ?? store.record(hash);
    const furnitureCounts = countFurniture(previous?.furniture, read, snapshot, lookup);
    const furniture = config.discoverLeftovers ? foundFurniture(furnitureCounts, new Set(config.keepParagraphs.map(foldParagraph)), read.files, lookup) : [];
    if (previous && !sameFurniture(furniture, previous.furniture?.removed ?? [])) return build({ ...options, clean: true, scan, replacing: store.outputFiles() }, writer);
    // Made again from nothing over an output the state knows (the settings that shape records changed): what is not made again goes.
    const replacing = options.replacing ?? (stored !== undefined && previous === undefined ? store.outputFiles() : undefined);
    if (!previous) await removeFoundFurniture(read, config.input, config, furniture);
    // What leftover patterns and sign-offs removed, counted as the furniture is.
    const removalCounts = countRemovals(previous?.removals, read, snapshot, lookup);
    const removals = reportRemovals(removalCounts, read.files, lookup);
    const publishes = (status: FileStatus, drafts: boolean) => status === 'article' || (status === 'draft' && drafts);
    let published = 0;
    let drafts = 0;
    for (const status of read.files.statuses) {
      if (publishes(status, options.drafts)) published++;
      else if (status === 'draft') drafts++;
    }
    const errors = read.problems.filter((problem) => problem.severity === 'error').length;
    if (published === 0 && errors > 0) {
      throw new DatelineError({ code: 'nothing-built', file: config.input, message: `none of the articles could be built (${errors} skipped with errors), so the previous site was left as it was` }, { problems: read.problems });
    }

    // A site's first ledger records the URLs its output already has (made by a Dateline without one).
    if (ledgerFolder !== undefined && !ledgerExists) await seedLedger(ledger, config.output, read.files, (status) => publishes(status, options.drafts), (hash) => read.records.get(hash) ?? store.record(hash));
    const formerBefore = previous?.formerUrls ?? [];

    // Archive and derive: rows for the changed articles, places, topics, related articles.
    const dictionary = new MemoryDictionary(previous ? { lookup: (text) => store.wordId(text), reverse: (id) => store.word(id), next: previous.nextWord } : undefined);
    const record = (hash: string): ArticleRecord => {
      const found = read.records.get(hash) ?? store.record(hash);
      if (found === undefined) throw new StateDamaged(`it has no record ${hash}`);
      return found;
    };
    const storedNames = (no: number) => storedNamesOf(store, no);
    const storedEntry = (id: string): ArticleEntry => {
      const found = store.entry(id);
      if (found === undefined) throw new StateDamaged(`it has no entry for ${id}`);
      return found;
    };
    // Whether this build publishes an article (set once the changes are known).
    let publishedNow: (id: string) => boolean = () => false;
    const { before, update, derived, counts, labels } = await timed('archive and derive', () => {
      const beforeRows = previous ? store.rows() : ArchiveRows.empty();
      const published = publishedChanges(read.files, snapshot, (status) => publishes(status, options.drafts), (status) => publishes(status, previous?.drafts ?? false));
      // The ledger read is not the one the last build wrote (edited, pulled, restored): articles it gives other URLs are placed again.
      if (previous && previous.ledger !== ledgerIdentity) addLedgerDrift(published, read.files, (status) => publishes(status, options.drafts), ledger, (id) => store.entry(id));
      // Those published no more: a renamed file may be one of them.
      for (const [id, hash] of published) if (hash === undefined) ledger.gone(id);
      publishedNow = (id) => (published.has(id) ? published.get(id) !== undefined : previous !== undefined && store.entry(id) !== undefined);
      const changes = updateArchive({
        before: beforeRows,
        changes: published,
        record,
        entry: storedEntry,
        dictionary,
        nextNo: previous?.nextNo ?? 0,
        displayPath: (source) => `${displayPath(config.input)}/${source}`,
        ledger,
        recording: ledgerFolder !== undefined,
      });
      const names = nameChanges(store, previous !== undefined, beforeRows, changes);
      const topicSettings = { language: site.language, ...(site.topicMinArticles === undefined ? {} : { minArticles: site.topicMinArticles }) };
      const putByNo = new Map(changes.put.map((row) => [row.no, row]));
      const derived = deriveArchive({
        rows: changes.rows,
        names: (position) => {
          const no = changes.rows.no[position]!;
          return putByNo.get(no) ?? storedNames(no);
        },
        counts: names.counts,
        labels: (key) => names.labels.get(key) ?? (previous ? store.labels(key) : undefined) ?? new Map(),
        touched: names.touched,
        dictionary,
        settings: topicSettings,
        ...(previous ? { previous: { rows: beforeRows, changed: changes.changed, topics: { stored: previous.topics, minArticles: previous.minArticles, sameSettings: previous.site === keys.site } } } : {}),
      });
      return { before: beforeRows, update: changes, derived, counts: names.counts, labels: names.labels };
    });

    const body = (entry: ArticleEntry) => record(entry.hash).bodyHtml;
    const word = (key: number) => dictionary.textOf(key);
    const folders = { input: scan.root, pages: own.pagesRoot };
    const ledgerKept = ledger.summary(publishedNow);
    const formerAfter = ledgerKept.formers;
    // The ledger is settled once the articles are placed: written while the pages render, awaited before anything is published.
    const ledgerWriting = ledgerFolder !== undefined && ledger.changed ? writeLedger(ledgerFolder, ledger) : undefined;
    ledgerWriting?.catch(() => undefined); // a failure is rethrown where it is awaited
    const after = { ...siteState(site, derived.rows, derived.topics, { entry: (id) => update.entries.get(id) ?? store.entry(id), body, word }, formerAfter, own.pages, folders), today: latestToday((options.clock ?? Date.now)()) };
    const replan = previous === undefined || previous.site !== keys.site;
    const plan: OutputPlan = await timed('plan', () => {
      if (replan) return planEverything(after, options.kinds);
      const was = siteState(site, before, storedTopics(before, previous.topics, previous.minArticles), { entry: (id) => update.previousEntries.get(id) ?? store.entry(id), body, word }, formerBefore, previous.pages ?? [], folders);
      return planChanges(was, after, { changed: update.changed, listed: update.listed }, options.kinds);
    });

    // Search runs in Pagefind's own process while the pages render in this one.
    const rebuildSearch = previous === undefined || previous.search !== keys.search;
    const searching = timed('index for search', () =>
      updateSearch({
        enabled: site.search,
        rebuild: rebuildSearch,
        language: site.language,
        state: after,
        candidates: rebuildSearch ? [] : searchCandidates(after, update.changed, derived.topicsMoved, previous),
        removed: removedIds(update),
        previous: searchMetaOf(previous),
        store,
        record,
        jobs: options.jobs ?? defaultJobs(),
      }),
    );
    searching.catch(() => undefined); // a failure is rethrown where it is awaited

    const written = await timed('render and write', () =>
      writeOutputs({ plan, state: after, config, templates, keys, store, previous, replan, writer, staticFiles: own.files, ...(options.progress ? { progress: options.progress } : {}) }),
    );
    const search = await searching;
    faultPoint('index');

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
        drafts: options.drafts,
        problems: [...read.fileProblems],
        topics: derived.topics.stored,
        minArticles: derived.topics.minArticles,
        nextNo: update.nextNo,
        nextWord: dictionary.next,
        segments: search.meta.segments,
        nextSegment: search.meta.nextSegment,
        ...(search.meta.placeholder === undefined ? {} : { placeholder: search.meta.placeholder }),
        runtimeFiles: search.meta.runtimeFiles,
        sitemapFiles: written.sitemapFiles,
        clashes: mergeClashes(previous?.clashes, update.lastingClashes),
        ledger: ledgerIdentity,
        formerUrls: formerAfter,
        unpublishedUrls: ledgerKept.unpublished,
        pages: own.pages.map(({ warnings: _warnings, ...page }) => ({ ...page, warnings: [] })),
        attachments: scan.attachments,
        imageRefs: read.imageRefs,
        staticFiles: written.staticFiles,
        files: written.files,
        furniture: { counts: furnitureCounts.stored(), removed: furniture.map((line) => line.text) },
        removals: removalCounts.stored(),
      },
      snapshot: snapshotOf(read.files, (options.clock ?? Date.now)()),
      records: { put: [...read.records.values()], remove: staleHashes(snapshot, read.files) },
      entries: { put: [...update.entries.values()], remove: removedIds(update) },
      names: { put: update.put, remove: update.gone.map((at) => before.no[at]!).filter((no) => !update.put.some((row) => row.no === no)) },
      rows: { all: derived.rows, changed: changedOrders(before, derived.rows, update.removedOrders, update.addedOrders) },
      words: dictionary.added,
      counts: counts.dirtyChunks(previous === undefined),
      labels: [...labels],
      outputs: written.outputs,
      docs: search.docs,
      segments: search.segments,
      sitemaps: written.sitemaps,
    };
    const ledgerProblems: Problem[] = [];
    let stateUnsaved: string | undefined;
    await timed('publish', async () => {
      // The ledger first: a URL given is recorded before it can be published.
      if (ledgerWriting !== undefined) {
        const written = await ledgerWriting;
        // Unwritten, the ledger on disk is not what this build placed by: the next build reads it whole.
        if ('problem' in written) ledgerProblems.push(written.problem), (changes.meta.ledger = 'unwritten');
        else changes.meta.ledger = written.identity;
        faultPoint('ledger');
      }
      // Segment files are new by name; the manifest and Pagefind's runtime are written when their bytes changed.
      for (const [file, content] of search.write) {
        const key = digest(content);
        if (previous && store.output(file) === key) {
          search.write.delete(file);
          continue;
        }
        changes.outputs.put.push([file, key]);
        await writer.write(file, content);
      }
      for (const file of search.remove) await writer.remove(file);
      changes.outputs.remove.push(...search.remove);
      if (replacing) {
        const made = new Set(changes.outputs.put.map(([file]) => file));
        for (const file of replacing) if (!made.has(file) && !search.write.has(file) && !search.remove.includes(file)) await writer.remove(file);
      }
      const identity = await writer.seal();
      // Still this output's only build? (Another one may be writing the same output and state.)
      await options.publishing?.held?.();
      const retained = await options.publishing?.retained?.();
      // A state that cannot be written leaves the one before, which describes another output: the next build is clean.
      stateUnsaved = await unlessUnsaved(store.commit({ ...changes, meta: { ...changes.meta, output: identity ?? null, ...(retained ? { retained } : {}) } }));
      faultPoint('commit');
      await writer.publish();
      faultPoint('publish');
      if (stateUnsaved === undefined && identity === undefined && options.publishing?.identify) {
        stateUnsaved = await unlessUnsaved(store.setOutput((await options.publishing.identify()) ?? null));
      }
    });
    // The clashes said now on the days placed now; on the others, those that stand from earlier builds.
    const clashes = mergeClashes(previous?.clashes, update.clashes).flatMap(([, problems]) => problems);
    const problems = sortProblems([...read.problems, ...clashes, ...ledgerProblems, ...own.problems]);
    return {
      articles: derived.rows.length,
      skipped: problems.filter((problem) => problem.severity === 'error').length,
      drafts,
      problems,
      parsed: read.parsed,
      reused: read.reused,
      files: written.files,
      written: written.written,
      unchanged: written.unchanged,
      removed: written.removed,
      related: derived.relatedComputed,
      furniture,
      removals,
      urls: { folder: ledgerFolder, ...ledger.news(), started: ledgerFolder !== undefined && !ledgerExists && ledgerProblems.length === 0 && ledger.changed },
      ...(site.search ? { search: { indexed: search.indexed, merged: search.merged.length, segments: search.meta.segments.length, written: search.write.size, removed: search.remove.length } } : {}),
      ...(stateUnsaved === undefined ? {} : { stateUnsaved }),
      stages,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** Waits for a write to the state: undefined when it was saved, why not when the disk refused it (`StateUnsaved`). */
async function unlessUnsaved(write: Promise<void>): Promise<string | undefined> {
  try {
    await write;
    return undefined;
  } catch (error) {
    if (error instanceof StateUnsaved) return error.message;
    throw error;
  }
}

/**
 * The name counts after the update: the last build's, less what the rows that went named, plus
 * what the new rows name (from nothing on a clean build); the keys they name; and the label
 * counts of those keys.
 */
function nameChanges(store: StateStore, incremental: boolean, before: ArchiveRows, update: ArchiveUpdate) {
  const counts = new NameCounts(incremental ? { indexes: () => store.countChunks(), read: (index) => store.countChunk(index) } : undefined);
  const labels = new Map<number, LabelCounts>();
  const labelsOf = (key: number): LabelCounts => {
    let found = labels.get(key);
    if (found === undefined) labels.set(key, (found = new Map(incremental ? (store.labels(key) ?? []) : [])));
    return found;
  };
  for (const at of update.gone) counts.apply(storedNamesOf(store, before.no[at]!), -1, labelsOf);
  for (const row of update.put) counts.apply(row, 1, labelsOf);
  return { counts, touched: counts.settle(), labels };
}

/** The names and tags the store keeps for an article. */
function storedNamesOf(store: StateStore, no: number): NamedIn {
  const found = store.names(no);
  if (found === undefined) throw new StateDamaged(`it has no names for article ${no}`);
  return found;
}

/** Articles whose search entry may have changed: the changed ones, those whose topics changed, and members of renamed topics. */
function searchCandidates(after: SiteState, changed: ReadonlySet<number>, topicsMoved: readonly number[], previous: StoredMeta | undefined): number[] {
  const candidates = new Set(topicsMoved);
  for (const no of changed) {
    const position = after.positionOfNo(no);
    if (position !== undefined) candidates.add(position);
  }
  // The articles of a topic whose name changed.
  const oldLabels = new Map((previous?.topics ?? []).map(([key, , label]) => [key, label]));
  for (const topic of after.topics.topics) {
    if (oldLabels.has(topic.key) && oldLabels.get(topic.key) !== topic.label) for (const position of topic.members) candidates.add(position);
  }
  return [...candidates].sort((a, b) => a - b);
}

function searchMetaOf(previous: StoredMeta | undefined): SearchMeta {
  return {
    segments: previous?.segments ?? [],
    nextSegment: previous?.nextSegment ?? 1,
    ...(previous?.placeholder === undefined ? {} : { placeholder: previous.placeholder }),
    runtimeFiles: previous?.runtimeFiles ?? [],
  };
}

/**
 * The articles whose published version changed since the last build, from the files that
 * changed: id → the hash to publish, or undefined when it is published no more. An unchanged
 * file publishes as before; a renamed file is its article's new version.
 */
function publishedChanges(
  files: FileTable,
  snapshot: Snapshot | undefined,
  publishesNow: (status: FileStatus) => boolean,
  publishedThen: (status: FileStatus) => boolean,
): Map<string, string | undefined> {
  const changes = new Map<string, string | undefined>();
  const gone: string[] = [];
  const seen = new Uint8Array(snapshot?.ids.length ?? 0);
  for (let row = 0; row < files.paths.length; row++) {
    const at = files.previous[row]!;
    const id = files.ids[row]!;
    const hash = files.hashes[row]!;
    if (at !== -1) seen[at] = 1;
    const then = at !== -1 && publishedThen(snapshot!.statuses[at]!);
    const now = publishesNow(files.statuses[row]!);
    if (now && (!then || snapshot!.hashes[at] !== hash || snapshot!.ids[at] !== id)) changes.set(id, hash);
    if (then && (!now || snapshot!.ids[at] !== id)) gone.push(snapshot!.ids[at]!);
  }
  if (snapshot) {
    seen.forEach((found, at) => {
      if (found === 0 && publishedThen(snapshot.statuses[at]!)) gone.push(snapshot.ids[at]!);
    });
  }
  // An article gone from one file but published by another (renamed, or a repeated id) has a new version.
  for (const id of gone) if (!changes.has(id)) changes.set(id, undefined);
  return changes;
}

/** Ids of the articles no longer published. */
function removedIds(update: ArchiveUpdate): string[] {
  return [...update.previousEntries.keys()].filter((id) => !update.entries.has(id));
}

function snapshotOf(files: FileTable, now: number): Snapshot {
  const times = files.times.slice();
  for (let row = 0; row < files.paths.length; row++) {
    // A file changed a moment ago could change again unseen within one timestamp tick: read it again next time.
    if (!isSettled({ mtimeMs: times[row * 3 + 1]!, ctimeMs: times[row * 3 + 2]! }, now)) times[row * 3 + 1] = times[row * 3 + 2] = Number.NaN;
  }
  return { paths: files.paths, times, hashes: files.hashes, ids: files.ids, statuses: files.statuses };
}

/** Records no file holds any more: those of files gone or changed (a source's hash includes its path, so no two files share one). */
function staleHashes(snapshot: Snapshot | undefined, files: FileTable): string[] {
  if (!snapshot) return [];
  const stale: string[] = [];
  const seen = new Uint8Array(snapshot.hashes.length);
  for (let row = 0; row < files.paths.length; row++) {
    const at = files.previous[row]!;
    if (at === -1) continue;
    seen[at] = 1;
    if (snapshot.hashes[at] !== files.hashes[row]) stale.push(snapshot.hashes[at]!);
  }
  seen.forEach((found, at) => found === 1 || stale.push(snapshot.hashes[at]!));
  return stale;
}

/** Order keys of the rows to store again: gone, new or replaced, or with other topics or related articles. */
function changedOrders(before: ArchiveRows, rows: ArchiveRows, removed: readonly string[], added: readonly string[]): Set<string> {
  const changed = new Set([...removed, ...added]);
  const beforeAt = positionsByNo(before);
  for (let at = 0; at < rows.length; at++) {
    const old = beforeAt(rows.no[at]!);
    if (old === undefined || !rows.topics.same(at, before.topics, old) || !rows.related.same(at, before.related, old)) changed.add(rows.orders[at]!);
  }
  return changed;
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
