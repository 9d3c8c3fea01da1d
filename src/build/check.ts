import { foldParagraph, type FoundFurniture } from '../clean/boilerplate.ts';
import type { RemovalReport } from '../clean/removal-counts.ts';
import type { SiteConfig } from '../config/schema.ts';
import type { Problem } from '../errors.ts';
import { ledgerFolderOf, listLedger } from '../ledger/ledger-folder.ts';
import { readLedger } from '../ledger/ledger-io.ts';
import type { UrlLedger } from '../ledger/ledger.ts';
import { displayPath, type ScanResult } from '../read/scan.ts';
import { matchSnapshot } from '../records/known-files.ts';
import { readArticles, sortProblems, type FileStatus, type ReadArticles } from '../records/load-records.ts';
import { placeRecords, type Placeable } from '../records/place.ts';
import type { Snapshot, StateStore, StoredMeta } from '../store/contents.ts';
import { CODE_KEY } from '../version.ts';
import { countRemovals, reportRemovals, type RecordLookup } from './count-stage.ts';
import { countFurniture, foundFurniture, removeFoundFurniture, sameFurniture, type StoredFurniture } from './furniture-stage.ts';
import { recordsKey } from './settings.ts';
import { ownFiles } from './own-files.ts';

/** What `dateline check` reports: every file's problems, the articles a build would publish, what cleaning removes. */
export interface CheckResult {
  problems: Problem[];
  ready: number;
  furniture: FoundFurniture[];
  removals: RemovalReport;
  /** Files parsed (the rest were known from the build state). */
  parsed: number;
}

export interface CheckOptions {
  config: SiteConfig;
  scan: ScanResult;
  /** Drafts count as published. */
  drafts: boolean;
  jobs: number;
}

/**
 * Validates every article as a build would, reading and parsing each file: a build's read,
 * counts and placing, without the rest.
 */
export async function checkEverything(options: CheckOptions): Promise<CheckResult> {
  const own = await ownFiles(options.config, options.drafts);
  const { config } = options;
  const read = await readArticles({ inputDir: config.input, scan: options.scan, leftoverPatterns: config.leftoverPatterns, keepParagraphs: config.keepParagraphs, jobs: options.jobs });
  const lookup: RecordLookup = (hash) => read.records.get(hash);
  const counted = count(config, read, undefined, undefined, lookup);
  // The records a clean build would place: without the furniture found.
  await removeFoundFurniture(read, config.input, config, counted.furniture);
  const published = [...read.records.values()].filter((record) => options.drafts || !record.draft);
  const clashes = await clashesOf(config, published);
  return { problems: sortProblems([...read.problems, ...clashes, ...own.problems]), ready: published.length, ...counted, parsed: read.parsed };
}

/**
 * The same result from the last build's state, when it was made by this code with these
 * cleaning settings: only files whose size, times or bytes changed are read and parsed; the
 * others' problems are the stored ones, and the counts are the stored ones updated by the
 * changed files. Undefined when the state cannot stand in for reading everything (another code
 * or settings, or the furniture found is not what its records were cleaned of).
 */
export async function checkFromState(options: CheckOptions, state: StateStore): Promise<CheckResult | undefined> {
  const { config } = options;
  const meta = state.meta();
  if (meta === undefined || meta.code !== CODE_KEY || meta.records !== recordsKey(config)) return undefined;
  const snapshot = state.snapshot();
  if (snapshot === undefined) return undefined;
  const storedProblems = new Map(meta.problems);
  const read = await readArticles({
    inputDir: config.input,
    scan: options.scan,
    leftoverPatterns: config.leftoverPatterns,
    keepParagraphs: config.keepParagraphs,
    furniture: new Set(meta.furniture?.removed ?? []),
    jobs: options.jobs,
    previous: {
      snapshot,
      match: matchSnapshot(options.scan.paths, snapshot),
      record: (hash) => state.record(hash),
      problems: (path) => storedProblems.get(path),
      ...(meta.attachments ? { attachments: meta.attachments } : {}),
      imageRefs: meta.imageRefs ?? [],
    },
  });
  const lookup: RecordLookup = (hash) => read.records.get(hash) ?? state.record(hash);
  const counted = count(config, read, meta, snapshot, lookup);
  if (!sameFurniture(counted.furniture, meta.furniture?.removed ?? [])) return undefined;
  const own = await ownFiles(config, options.drafts);
  // Nothing changed since the build (the same files, the same ledger, drafts as then): its URL clashes are the build's.
  if (unchanged(read, snapshot) && listLedger(ledgerFolderOf(config)).identity === meta.ledger && meta.drafts === options.drafts) {
    const ready = read.files.statuses.filter(publishing(options.drafts)).length;
    const clashes = meta.clashes.flatMap(([, problems]) => problems);
    return { problems: sortProblems([...read.problems, ...clashes, ...own.problems]), ready, ...counted, parsed: read.parsed };
  }
  const published = publishedFromState(read, state, publishing(options.drafts));
  if (published === undefined) return undefined;
  const clashes = await clashesOf(config, published);
  return { problems: sortProblems([...read.problems, ...clashes, ...own.problems]), ready: published.length, ...counted, parsed: read.parsed };
}

/** Whether the files read are the build's: the same files, none with other bytes. */
function unchanged(read: ReadArticles, snapshot: Snapshot): boolean {
  const { files } = read;
  if (files.paths.length !== snapshot.paths.length) return false;
  for (let row = 0; row < files.paths.length; row++) {
    const at = files.previous[row]!;
    if (at === -1 || snapshot.hashes[at] !== files.hashes[row] || snapshot.ids[at] !== files.ids[row]) return false;
  }
  return true;
}

/** The furniture found and the removals, counted from `stored` (nothing: from scratch) and the changed files. */
function count(config: SiteConfig, read: ReadArticles, stored: { furniture?: StoredFurniture; removals: StoredMeta['removals'] } | undefined, snapshot: Snapshot | undefined, lookup: RecordLookup) {
  const furnitureCounts = countFurniture(stored?.furniture, read, snapshot, lookup);
  const furniture = config.discoverLeftovers ? foundFurniture(furnitureCounts, new Set(config.keepParagraphs.map(foldParagraph)), read.files, lookup) : [];
  const removals = reportRemovals(countRemovals(stored?.removals, read, snapshot, lookup), read.files, lookup);
  return { furniture, removals };
}

function publishing(drafts: boolean): (status: FileStatus) => boolean {
  return (status) => status === 'article' || (drafts && status === 'draft');
}

/** The URL clashes of the published articles, placed as a build would place them, against a copy of the URL ledger that is never written. */
async function clashesOf(config: SiteConfig, published: readonly Placeable[]): Promise<Problem[]> {
  return clashesIn(config, published, (await readLedger(ledgerFolderOf(config))).ledger);
}

function clashesIn(config: SiteConfig, published: readonly Placeable[], ledger: UrlLedger): Problem[] {
  const ids = new Set(published.map((article) => article.id));
  const display = displayPath(config.input);
  return placeRecords(published, { ledger, published: (id) => ids.has(id), displayPath: (article) => `${display}/${article.source}`, recording: ledgerFolderOf(config) !== undefined }).problems;
}

/**
 * What placing reads of every published article: the records read now, and for the files that
 * did not change, the entries the state keeps (the record when the last build did not publish
 * it, a draft). Undefined when the state lacks one.
 */
function publishedFromState(read: ReadArticles, state: StateStore, publishes: (status: FileStatus) => boolean): Placeable[] | undefined {
  const { files } = read;
  const published: Placeable[] = [];
  for (let row = 0; row < files.paths.length; row++) {
    if (!publishes(files.statuses[row]!)) continue;
    const hash = files.hashes[row]!;
    const entry = read.records.has(hash) ? undefined : state.entry(files.ids[row]!);
    const article = read.records.get(hash) ?? (entry?.hash === hash ? entry : state.record(hash));
    if (article === undefined) return undefined;
    published.push(article);
  }
  return published;
}
