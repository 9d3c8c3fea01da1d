import { foldParagraph, type FoundFurniture } from '../clean/boilerplate.ts';
import type { RemovalReport } from '../clean/removal-counts.ts';
import type { SiteConfig } from '../config/schema.ts';
import type { Problem } from '../errors.ts';
import { displayPath, formatOf, type ScanResult } from '../read/scan.ts';
import { matchSnapshot } from '../records/known-files.ts';
import { readArticles, sortProblems, type FileStatus, type ReadArticles } from '../records/load-records.ts';
import { placeRecords, type Placeable } from '../records/place.ts';
import type { Snapshot, StateStore, StoredMeta } from '../store/contents.ts';
import { CODE_KEY } from '../version.ts';
import { countRemovals, reportRemovals, type RecordLookup } from './count-stage.ts';
import { countFurniture, foundFurniture, removeFoundFurniture, sameFurniture, type StoredFurniture } from './furniture-stage.ts';
import { recordsKey } from './settings.ts';

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
  const { config } = options;
  const read = await readArticles({ inputDir: config.input, scan: options.scan, leftoverPatterns: config.leftoverPatterns, keepParagraphs: config.keepParagraphs, jobs: options.jobs });
  const lookup: RecordLookup = (hash) => read.records.get(hash);
  const counted = count(config, read, undefined, undefined, lookup);
  // The records a clean build would place: without the furniture found.
  await removeFoundFurniture(read, config.input, config, counted.furniture);
  const published = [...read.records.values()].filter((record) => options.drafts || !record.draft);
  const clashes = placeRecords(published, (record) => `${displayPath(config.input)}/${record.source}`).problems;
  return { problems: sortProblems([...read.problems, ...clashes]), ready: published.length, ...counted, parsed: read.parsed };
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
    previous: { snapshot, match: matchSnapshot(options.scan.paths, snapshot), record: (hash) => state.record(hash), problems: (path) => storedProblems.get(path) },
  });
  const lookup: RecordLookup = (hash) => read.records.get(hash) ?? state.record(hash);
  const counted = count(config, read, meta, snapshot, lookup);
  if (!sameFurniture(counted.furniture, meta.furniture?.removed ?? [])) return undefined;
  const publishes = publishing(options.drafts);
  const clashes = clashesOfAuthoredDays(read, snapshot, state, publishes, lookup, displayPath(config.input));
  if (clashes === undefined) return undefined;
  const ready = read.files.statuses.filter(publishes).length;
  return { problems: sortProblems([...read.problems, ...clashes]), ready, ...counted, parsed: read.parsed };
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

/**
 * The URL clashes `placeRecords` finds over every published article, found by placing only the
 * days that hold an authored article: scraped articles' URLs end in their ids, so they clash
 * with nothing but an authored article of their day. Those days' scraped articles not read now
 * come from the archive's rows and entries (the last build published every scraped article it
 * read). Undefined when the state lacks one of them.
 */
function clashesOfAuthoredDays(read: ReadArticles, snapshot: Snapshot, state: StateStore, publishes: (status: FileStatus) => boolean, lookup: RecordLookup, display: string): Problem[] | undefined {
  const { files } = read;
  const authored: Placeable[] = [];
  const scraped: Placeable[] = [];
  const unchanged = (row: number) => files.previous[row] !== -1 && snapshot.hashes[files.previous[row]!] === files.hashes[row];
  for (let row = 0; row < files.paths.length; row++) {
    if (!publishes(files.statuses[row]!)) continue;
    const markdown = formatOf(files.paths[row]!) === 'markdown';
    if (!markdown && unchanged(row)) continue;
    const record = lookup(files.hashes[row]!);
    if (record === undefined) return undefined;
    (markdown ? authored : scraped).push(record);
  }
  if (authored.length === 0) return [];
  const days = new Set(authored.map((article) => article.date));
  const articles = [...authored, ...scraped.filter((article) => days.has(article.date))];
  const rowOfId = new Map(files.ids.map((id, row) => [id, row]));
  const rows = state.rows();
  for (const date of days) {
    for (let at = rows.lowerBound(`${date}\u0000`); at < rows.length && rows.date(at) === date; at++) {
      const row = rowOfId.get(rows.id(at));
      if (rows.authored[at] === 1 || row === undefined || !unchanged(row) || !publishes(files.statuses[row]!) || formatOf(files.paths[row]!) !== 'text') continue;
      const entry = state.entry(rows.id(at));
      const article = entry?.hash === files.hashes[row] ? entry : lookup(files.hashes[row]!);
      if (article === undefined) return undefined;
      articles.push(article);
    }
  }
  return placeRecords(articles, (article) => `${display}/${article.source}`).problems;
}
