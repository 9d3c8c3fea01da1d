import type { Dictionary } from '../corpus/dictionary.ts';
import type { IsoDate } from '../dates.ts';
import type { Problem } from '../errors.ts';
import { entryOf, listedDifferently, type ArticleEntry } from '../records/entry.ts';
import { placeRecords, type Placeable } from '../records/place.ts';
import type { ArticleRecord } from '../records/record.ts';
import { rowOf, type ArchiveRow } from './row.ts';

/** What the archive was, what is to be published now, and how to look up what is not in memory. */
export interface UpdateInput {
  /** The previous build's rows, in archive order (none for a clean build). */
  before: readonly ArchiveRow[];
  /** Every article to publish now: its id → the hash of its source. */
  published: ReadonlyMap<string, string>;
  /** The hash of the version published last time, for each article published then. */
  previousHash: (id: string) => string | undefined;
  /** The record of a version (parsed now, or kept by an earlier build). */
  record: (hash: string) => ArticleRecord;
  /** The entry an article was published with last time. */
  entry: (id: string) => ArticleEntry;
  dictionary: Dictionary;
  /** The first unused article number. */
  nextNo: number;
  /** How a source path is named in messages. */
  displayPath: (source: string) => string;
}

export interface ArchiveUpdate {
  /** The archive now, in order; the derived fields (topics, related) are the previous build's until derived again. */
  rows: ArchiveRow[];
  /** Entries that are new or changed, by id, and those they replace or that went. */
  entries: Map<string, ArticleEntry>;
  previousEntries: Map<string, ArticleEntry>;
  /** Order keys of rows that went or were replaced. */
  removedOrders: string[];
  /** Rows that are new or replaced. */
  putRows: ArchiveRow[];
  /** By `no`: articles added, removed or changed in any way, and those shown differently in lists. */
  changed: Set<number>;
  listed: Set<number>;
  /** URL clashes of authored articles on the days placed again, by day (empty list: none now). */
  clashes: Map<IsoDate, Problem[]>;
  nextNo: number;
}

/**
 * The archive after the articles changed: rows for the new and changed versions (their strings
 * numbered in the dictionary), every article's URL, and what changed, by article number. Only
 * the changed articles' records are read; authored articles are placed again on every day that
 * changed (their URLs depend on the others of that day). Pure apart from the lookups.
 */
export function updateArchive(input: UpdateInput): ArchiveUpdate {
  const beforeById = new Map(input.before.map((row) => [row.id, row]));
  const removed = input.before.filter((row) => !input.published.has(row.id));
  const fresh: { record: ArticleRecord; old?: ArchiveRow }[] = [];
  for (const [id, hash] of input.published) {
    const old = beforeById.get(id);
    if (old === undefined || input.previousHash(id) !== hash) fresh.push({ record: input.record(hash), ...(old ? { old } : {}) });
  }
  let nextNo = input.nextNo;
  const putRows = fresh.map(({ record, old }) => rowOf(record, old?.no ?? nextNo++, input.dictionary));
  const removedOrders = [...removed, ...fresh.flatMap(({ old }) => (old ? [old] : []))].map((row) => row.order);
  const rows = mergeRows(input.before, new Set(removedOrders), putRows);

  const changed = new Set<number>([...removed.map((row) => row.no), ...putRows.map((row) => row.no)]);
  const previousEntries = new Map<string, ArticleEntry>();
  for (const row of [...removed, ...fresh.flatMap(({ old }) => (old ? [old] : []))]) previousEntries.set(row.id, input.entry(row.id));

  // Places: a scraped article's URL is its own; authored ones are settled per day, among all of that day.
  const records = new Map(fresh.map(({ record }) => [record.id, record]));
  const paths = new Map<string, string>();
  const clashes = new Map<IsoDate, Problem[]>();
  const days = new Set<IsoDate>([...removed.map((row) => row.date), ...fresh.flatMap(({ record, old }) => [record.date, ...(old ? [old.date] : [])])]);
  const spans = spansOf(rows, days);
  for (const date of days) {
    const dayRows = spans.get(date) ?? [];
    const authored = dayRows.some((row) => row.authored) || removed.some((row) => row.date === date && row.authored);
    const articles: Placeable[] = (authored ? dayRows : dayRows.filter((row) => records.has(row.id))).map((row) => records.get(row.id) ?? input.entry(row.id));
    const placed = placeRecords(articles, (article) => input.displayPath(article.source));
    for (const article of placed.placed) paths.set(article.id, article.path);
    clashes.set(date, placed.problems);
  }

  const entries = new Map<string, ArticleEntry>();
  for (const row of putRows) entries.set(row.id, entryOf(records.get(row.id)!, paths.get(row.id)!, row.no));
  for (const [id, path] of paths) {
    if (entries.has(id)) continue;
    const entry = input.entry(id);
    if (entry.path !== path) {
      // An authored article moved because another took or gave up its slug.
      previousEntries.set(id, entry);
      entries.set(id, { ...entry, path });
      changed.add(entry.no);
    }
  }
  const listed = new Set<number>(removed.map((row) => row.no));
  for (const entry of entries.values()) {
    const previous = previousEntries.get(entry.id);
    if (previous === undefined || listedDifferently(previous, entry)) listed.add(entry.no);
  }
  return { rows, entries, previousEntries, removedOrders, putRows, changed, listed, clashes, nextNo };
}

/** `before` without the rows in `removed`, with `added` merged in, in archive order. */
function mergeRows(before: readonly ArchiveRow[], removed: ReadonlySet<string>, added: readonly ArchiveRow[]): ArchiveRow[] {
  const kept = removed.size === 0 ? before : before.filter((row) => !removed.has(row.order));
  const sorted = [...added].sort((a, b) => (a.order < b.order ? -1 : 1));
  const rows: ArchiveRow[] = [];
  let i = 0;
  for (const row of sorted) {
    while (i < kept.length && kept[i]!.order < row.order) rows.push(kept[i++]!);
    rows.push(row);
  }
  while (i < kept.length) rows.push(kept[i++]!);
  return rows;
}

/** The rows of each of `days`, from rows in order. */
function spansOf(rows: readonly ArchiveRow[], days: ReadonlySet<IsoDate>): Map<IsoDate, ArchiveRow[]> {
  const spans = new Map<IsoDate, ArchiveRow[]>();
  for (const date of days) {
    const start = lowerBound(rows, `${date}\u0000`);
    const day: ArchiveRow[] = [];
    for (let at = start; at < rows.length && rows[at]!.date === date; at++) day.push(rows[at]!);
    spans.set(date, day);
  }
  return spans;
}

function lowerBound(rows: readonly ArchiveRow[], order: string): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]!.order < order) low = middle + 1;
    else high = middle;
  }
  return low;
}

