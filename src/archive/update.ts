import type { Dictionary } from '../corpus/dictionary.ts';
import type { IsoDate } from '../dates.ts';
import type { Problem } from '../errors.ts';
import { entryOf, listedDifferently, type ArticleEntry } from '../records/entry.ts';
import { orderKey } from '../records/order.ts';
import type { UrlLedger } from '../ledger/ledger.ts';
import { placeRecords, type Placeable } from '../records/place.ts';
import type { ArticleRecord } from '../records/record.ts';
import { rowOf } from './row.ts';
import type { ArchiveRows, NamedRow } from './rows.ts';

/** What the archive was, what is to be published now, and how to look up what is not in memory. */
export interface UpdateInput {
  /** The previous build's rows, in archive order (none for a clean build). */
  before: ArchiveRows;
  /**
   * The articles whose published version changed since the last build: id → the hash of the
   * version to publish now, or undefined when the article is no longer published.
   */
  changes: ReadonlyMap<string, string | undefined>;
  /** The record of a version (parsed now, or kept by an earlier build). */
  record: (hash: string) => ArticleRecord;
  /** The entry an article was published with last time. */
  entry: (id: string) => ArticleEntry;
  dictionary: Dictionary;
  /** The first unused article number. */
  nextNo: number;
  /** How a source path is named in messages. */
  displayPath: (source: string) => string;
  /** Every URL each article has had: articles keep theirs, and the URLs given now are recorded in it. */
  ledger: UrlLedger;
  /** Whether the site keeps its ledger (false: the URLs given are not recorded). */
  recording: boolean;
}

export interface ArchiveUpdate {
  /** The archive now, in order; the derived columns (topics, related) are the previous build's until derived again. */
  rows: ArchiveRows;
  /** Entries that are new or changed, by id, and those they replace or that went. */
  entries: Map<string, ArticleEntry>;
  previousEntries: Map<string, ArticleEntry>;
  /** Positions in `before` of the rows that went or were replaced, and the rows new or replacing them. */
  gone: number[];
  put: NamedRow[];
  /** Order keys of rows that went or were replaced, and of rows that are new or replaced. */
  removedOrders: string[];
  addedOrders: string[];
  /** By `no`: articles added, removed or changed in any way, and those shown differently in lists. */
  changed: Set<number>;
  listed: Set<number>;
  /** URL clashes of authored articles on the days placed again, by day (empty list: none now): all said now, and those that stand (see `placeRecords`). */
  clashes: Map<IsoDate, Problem[]>;
  lastingClashes: Map<IsoDate, Problem[]>;
  nextNo: number;
}

/**
 * The archive after the articles changed: rows for the new and changed versions (their strings
 * numbered in the dictionary), every article's URL, and what changed, by article number. Only
 * the changed articles' records are read; authored articles are placed again on every day that
 * changed (their URLs depend on the others of that day). Pure apart from the lookups.
 */
export function updateArchive(input: UpdateInput): ArchiveUpdate {
  const { before } = input;
  /** The position in `before` of an article published last time, found from its entry's order. */
  const positionBefore = (id: string): number | undefined => {
    if (before.length === 0) return undefined;
    let entry: ArticleEntry;
    try {
      entry = input.entry(id);
    } catch {
      return undefined; // not published last time
    }
    const at = before.lowerBound(orderKey({ date: entry.date, source: entry.source, id }));
    return before.orders[at] !== undefined && before.id(at) === id ? at : undefined;
  };
  /** Positions in `before` of the articles that went, and the new versions (with the position of the one each replaces). */
  const removed: number[] = [];
  const fresh: { record: ArticleRecord; old?: number }[] = [];
  for (const [id, hash] of input.changes) {
    const old = positionBefore(id);
    if (hash === undefined) {
      if (old !== undefined) removed.push(old);
    } else {
      fresh.push({ record: input.record(hash), ...(old === undefined ? {} : { old }) });
    }
  }
  let nextNo = input.nextNo;
  const putRows: NamedRow[] = fresh.map(({ record, old }) => rowOf(record, old === undefined ? nextNo++ : before.no[old]!, input.dictionary));
  const replaced = fresh.flatMap(({ old }) => (old === undefined ? [] : [old]));
  const rows = before.merge(new Set([...removed, ...replaced]), putRows);
  const removedOrders = [...removed, ...replaced].map((at) => before.orders[at]!);

  const changed = new Set<number>([...removed.map((at) => before.no[at]!), ...putRows.map((row) => row.no)]);
  const previousEntries = new Map<string, ArticleEntry>();
  for (const at of [...removed, ...replaced]) previousEntries.set(before.id(at), input.entry(before.id(at)));

  // Places: a scraped article's URL is its own; authored ones are settled per day, among all of that day.
  const records = new Map(fresh.map(({ record }) => [record.id, record]));
  const published = (id: string) => {
    if (input.changes.has(id)) return input.changes.get(id) !== undefined;
    try {
      input.entry(id);
      return true;
    } catch {
      return false;
    }
  };
  const paths = new Map<string, string>();
  const clashes = new Map<IsoDate, Problem[]>();
  const lastingClashes = new Map<IsoDate, Problem[]>();
  const days = new Set<IsoDate>([...removed.map((at) => before.date(at)), ...fresh.flatMap(({ record, old }) => [record.date, ...(old === undefined ? [] : [before.date(old)])])]);
  for (const date of days) {
    const dayRows: number[] = [];
    for (let at = rows.lowerBound(`${date}\u0000`); at < rows.length && rows.date(at) === date; at++) dayRows.push(at);
    const authored = dayRows.some((at) => rows.authored[at] === 1) || removed.some((at) => before.date(at) === date && before.authored[at] === 1);
    const ids = (authored ? dayRows : dayRows.filter((at) => records.has(rows.id(at)))).map((at) => rows.id(at));
    const articles: Placeable[] = ids.map((id) => records.get(id) ?? input.entry(id));
    const placed = placeRecords(articles, { ledger: input.ledger, published, displayPath: (article) => input.displayPath(article.source), recording: input.recording });
    for (const article of placed.placed) paths.set(article.id, article.path);
    clashes.set(date, placed.problems);
    lastingClashes.set(date, placed.lasting);
  }

  const entries = new Map<string, ArticleEntry>();
  for (const [index, { record }] of fresh.entries()) entries.set(record.id, entryOf(record, paths.get(record.id)!, putRows[index]!.no));
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
  const listed = new Set<number>(removed.map((at) => before.no[at]!));
  for (const entry of entries.values()) {
    const previous = previousEntries.get(entry.id);
    if (previous === undefined || listedDifferently(previous, entry)) listed.add(entry.no);
  }
  return { rows, entries, previousEntries, gone: [...removed, ...replaced], put: putRows, removedOrders, addedOrders: putRows.map((row) => row.order), changed, listed, clashes, lastingClashes, nextNo };
}
