import type { IsoDate } from '../dates.ts';
import type { NamedIn } from '../corpus/name-counts.ts';
import { dateOfOrder, idOfOrder } from '../records/order.ts';

/**
 * A list of number arrays, one per row, stored as one array and offsets (compressed sparse rows):
 * the whole archive's names or terms are one typed array, read, copied and scanned without an
 * object per article.
 */
export class Column {
  /** Row i holds `data[start[i] .. start[i + 1])`. */
  readonly start: Int32Array;
  readonly data: Int32Array;

  constructor(start: Int32Array, data: Int32Array) {
    this.start = start;
    this.data = data;
  }

  static of(lists: readonly ArrayLike<number>[]): Column {
    const start = new Int32Array(lists.length + 1);
    lists.forEach((list, index) => (start[index + 1] = start[index]! + list.length));
    const data = new Int32Array(start[lists.length]!);
    lists.forEach((list, index) => data.set(list as ArrayLike<number>, start[index]!));
    return new Column(start, data);
  }

  get length(): number {
    return this.start.length - 1;
  }

  /** Row `index` (a view, not a copy). */
  at(index: number): Int32Array {
    return this.data.subarray(this.start[index]!, this.start[index + 1]!);
  }

  /** This column with the rows in `lists` (by index) replaced; the rows between are copied in blocks. */
  patched(lists: ReadonlyMap<number, ArrayLike<number>>): Column {
    const count = this.length;
    const changed = [...lists.keys()].sort((a, b) => a - b);
    let size = this.data.length;
    for (const index of changed) size += lists.get(index)!.length - (this.start[index + 1]! - this.start[index]!);
    const start = new Int32Array(count + 1);
    const data = new Int32Array(size);
    let row = 0;
    let fill = 0;
    const copyUntil = (end: number) => {
      if (row >= end) return;
      const base = this.start[row]!;
      data.set(this.data.subarray(base, this.start[end]!), fill);
      for (let index = row; index < end; index++) start[index + 1] = fill + this.start[index + 1]! - base;
      fill += this.start[end]! - base;
      row = end;
    };
    for (const index of changed) {
      copyUntil(index);
      const list = lists.get(index)!;
      data.set(list, fill);
      fill += list.length;
      start[index + 1] = fill;
      row = index + 1;
    }
    copyUntil(count);
    return new Column(start, data);
  }

  /** Whether row `index` here holds the same numbers as row `other` of `column`. */
  same(index: number, column: Column, other: number): boolean {
    const from = this.start[index]!;
    const size = this.start[index + 1]! - from;
    const otherFrom = column.start[other]!;
    if (column.start[other + 1]! - otherFrom !== size) return false;
    for (let at = 0; at < size; at++) if (this.data[from + at] !== column.data[otherFrom + at]) return false;
    return true;
  }
}

/** What one article contributes to the archive's columns (see {@link ArchiveRows}). */
export interface RowData {
  order: string;
  no: number;
  rank: number;
  authored: boolean;
  terms: ArrayLike<number>;
  /** Its authors' names, numbered in the dictionary (an authored article's `author:`). */
  authors: ArrayLike<number>;
  topics: ArrayLike<number>;
  related: ArrayLike<number>;
  /** One number: a hash of the headline a reader sees (see `storyKey`), so a re-send of the same story is never related to it. */
  story: ArrayLike<number>;
}

/** A new row with the names it holds (see `NamedIn`), which the store keeps by article apart from the rows. */
export type NamedRow = RowData & NamedIn;

export type ColumnName = 'terms' | 'authors' | 'topics' | 'related' | 'story';
export const COLUMNS: readonly ColumnName[] = ['terms', 'authors', 'topics', 'related', 'story'];

/**
 * The published articles in archive order, as columns: what the archive-wide stages (related
 * articles, pagination, previous and next) need of each, in compact numbers (strings are numbered
 * in the dictionary). Every build reads all of it; it is built to be read fast: a few typed arrays
 * and one string per article (its order key, which holds its date and id). The names each
 * article holds are kept apart, by article: an update reads only those of the articles it changes.
 */
export class ArchiveRows {
  readonly orders: readonly string[];
  /** A number given to the article once and kept while it exists (related lists refer to it). */
  readonly no: Int32Array;
  /** Pseudo-random rank that decides where pages start (see `pageStarts`). */
  readonly rank: Uint32Array;
  /** An authored (Markdown) article: its URL is settled among the others of its day. */
  readonly authored: Uint8Array;
  readonly terms: Column;
  /** Its authors' names, numbered in the dictionary. */
  readonly authors: Column;
  /** Derived: the keys of the article's topics, in the order the article lists them. */
  readonly topics: Column;
  /** Derived: the `no` of each related article, best first. */
  readonly related: Column;
  /** A hash of its headline (one number): the same story sent again has the same. */
  readonly story: Column;

  constructor(parts: { orders: readonly string[]; no: Int32Array; rank: Uint32Array; authored: Uint8Array } & Record<ColumnName, Column>) {
    this.orders = parts.orders;
    this.no = parts.no;
    this.rank = parts.rank;
    this.authored = parts.authored;
    this.terms = parts.terms;
    this.authors = parts.authors;
    this.topics = parts.topics;
    this.related = parts.related;
    this.story = parts.story;
  }

  static of(rows: readonly RowData[]): ArchiveRows {
    return new ArchiveRows({
      orders: rows.map((row) => row.order),
      no: Int32Array.from(rows, (row) => row.no),
      rank: Uint32Array.from(rows, (row) => row.rank),
      authored: Uint8Array.from(rows, (row) => (row.authored ? 1 : 0)),
      terms: Column.of(rows.map((row) => row.terms)),
      authors: Column.of(rows.map((row) => row.authors)),
      topics: Column.of(rows.map((row) => row.topics)),
      related: Column.of(rows.map((row) => row.related)),
      story: Column.of(rows.map((row) => row.story)),
    });
  }

  static empty(): ArchiveRows {
    return ArchiveRows.of([]);
  }

  get length(): number {
    return this.orders.length;
  }

  id(index: number): string {
    return idOfOrder(this.orders[index]!);
  }

  date(index: number): IsoDate {
    return dateOfOrder(this.orders[index]!);
  }

  row(index: number): RowData {
    return {
      order: this.orders[index]!,
      no: this.no[index]!,
      rank: this.rank[index]!,
      authored: this.authored[index] === 1,
      terms: this.terms.at(index),
      authors: this.authors.at(index),
      topics: this.topics.at(index),
      related: this.related.at(index),
      story: this.story.at(index),
    };
  }

  /** The same rows with other derived columns. */
  with(derived: Partial<Record<'topics' | 'related', Column>>): ArchiveRows {
    return new ArchiveRows({ ...this, topics: derived.topics ?? this.topics, related: derived.related ?? this.related });
  }

  /** Rows `from` to `to` (a copy). */
  slice(from: number, to: number): ArchiveRows {
    const rows: RowData[] = [];
    for (let index = from; index < to; index++) rows.push(this.row(index));
    return ArchiveRows.of(rows);
  }

  /** The position of the first row whose order is not before `order`. */
  lowerBound(order: string): number {
    let low = 0;
    let high = this.orders.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.orders[middle]! < order) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * These rows without those at `removed` and with `added` merged in, in order. Runs of kept rows
   * are copied as blocks of the typed arrays.
   */
  merge(removed: ReadonlySet<number>, added: readonly RowData[]): ArchiveRows {
    const insert = [...added].sort((a, b) => (a.order < b.order ? -1 : 1));
    const pieces: ({ from: number; to: number } | RowData)[] = [];
    let next = 0;
    const keep = (to: number) => {
      let from = next;
      for (let index = next; index < to; index++) {
        if (removed.has(index)) {
          if (from < index) pieces.push({ from, to: index });
          from = index + 1;
        }
      }
      if (from < to) pieces.push({ from, to });
      next = to;
    };
    for (const row of insert) {
      keep(this.lowerBound(row.order));
      pieces.push(row);
    }
    keep(this.orders.length);
    return concatenate(pieces.map((piece) => ('from' in piece ? { rows: this, from: piece.from, to: piece.to } : { rows: ArchiveRows.of([piece]), from: 0, to: 1 })));
  }
}

/** Joins ranges of several row sets into one, in the order given. */
export function concatenate(ranges: readonly { rows: ArchiveRows; from: number; to: number }[]): ArchiveRows {
  let count = 0;
  for (const range of ranges) count += range.to - range.from;
  const orders: string[] = [];
  const no = new Int32Array(count);
  const rank = new Uint32Array(count);
  const authored = new Uint8Array(count);
  let at = 0;
  for (const { rows, from, to } of ranges) {
    for (let index = from; index < to; index++) orders.push(rows.orders[index]!);
    no.set(rows.no.subarray(from, to), at);
    rank.set(rows.rank.subarray(from, to), at);
    authored.set(rows.authored.subarray(from, to), at);
    at += to - from;
  }
  const columns = {} as Record<ColumnName, Column>;
  for (const name of COLUMNS) {
    const start = new Int32Array(count + 1);
    let size = 0;
    let row = 0;
    for (const { rows, from, to } of ranges) {
      const column = rows[name];
      const base = column.start[from]!;
      for (let index = from; index < to; index++) start[++row] = size + column.start[index + 1]! - base;
      size += column.start[to]! - base;
    }
    const data = new Int32Array(size);
    let offset = 0;
    for (const { rows, from, to } of ranges) {
      const column = rows[name];
      const slice = column.data.subarray(column.start[from]!, column.start[to]!);
      data.set(slice, offset);
      offset += slice.length;
    }
    columns[name] = new Column(start, data);
  }
  return new ArchiveRows({ orders, no, rank, authored, ...columns });
}
