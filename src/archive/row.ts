import type { IsoDate } from '../dates.ts';
import type { Dictionary } from '../corpus/dictionary.ts';
import { nameKey, type FoundName, type NameKind } from '../derive/names.ts';
import { pageRank } from '../pages/chunks.ts';
import { orderKey } from '../records/order.ts';
import { ArchiveRows, Column, COLUMNS, type ColumnName, type RowData } from './rows.ts';

export const NAME_FIELDS = 4;
export const TAG_FIELDS = 4;
export const NAME_KINDS: readonly NameKind[] = ['person', 'place', 'organisation', 'other'];

/** Kind, whether the lede names it, its word count and its mentions, in one number. */
export function packName(kind: NameKind, lede: boolean, words: number, mentions: number): number {
  return NAME_KINDS.indexOf(kind) | (lede ? 4 : 0) | (Math.min(words, 15) << 3) | (Math.min(mentions, 0xffff) << 7);
}

export function unpackName(packed: number): { kind: number; lede: boolean; words: number; mentions: number } {
  return { kind: packed & 3, lede: (packed & 4) !== 0, words: (packed >>> 3) & 15, mentions: packed >>> 7 };
}

/** The facts of a record as a row of the archive (its derived fields empty), numbering its strings with `dictionary`. */
export function rowOf(
  article: { id: string; date: IsoDate; source: string; format: 'text' | 'markdown'; names: readonly FoundName[]; tags: readonly string[]; terms: readonly string[] },
  no: number,
  dictionary: Dictionary,
): RowData {
  const names: number[] = [];
  for (const name of article.names) {
    const key = nameKey(name.name);
    if (key === '') continue;
    const words = key.split(' ');
    names.push(dictionary.idOf(key), dictionary.idOf(name.name), dictionary.idOf(words.at(-1)!), packName(name.kind, name.lede, words.length, name.mentions));
  }
  const tags: number[] = [];
  for (const tag of article.tags) {
    const key = nameKey(tag);
    if (key === '') continue;
    const words = key.split(' ');
    tags.push(dictionary.idOf(key), dictionary.idOf(tag), dictionary.idOf(words.at(-1)!), words.length);
  }
  return {
    order: orderKey(article),
    no,
    rank: pageRank(article.id),
    authored: article.format === 'markdown',
    names: Int32Array.from(names),
    tags: Int32Array.from(tags),
    terms: Int32Array.from(article.terms, (term) => dictionary.idOf(term)),
    topics: new Int32Array(0),
    related: new Int32Array(0),
  };
}

/**
 * Rows as one value of the store, so that the archive comes back in a few reads: as numbers,
 * [count, bytes of the keys], each key's length in characters, each row's no, rank and authored
 * flag, then per column each row's size and the column's numbers; then the order keys as UTF-8.
 */
export function encodeRows(rows: ArchiveRows, from: number, to: number): Buffer {
  const count = to - from;
  const keyBytes = Buffer.from(rows.orders.slice(from, to).join(''), 'utf8');
  let ints = 2 + count * 4;
  for (const name of COLUMNS) ints += count + rows[name].start[to]! - rows[name].start[from]!;
  const values = new Int32Array(ints);
  values[0] = count;
  values[1] = keyBytes.length;
  let at = 2;
  for (let index = from; index < to; index++) values[at++] = rows.orders[index]!.length;
  values.set(rows.no.subarray(from, to), at);
  at += count;
  values.set(new Int32Array(rows.rank.buffer, rows.rank.byteOffset + from * 4, count), at);
  at += count;
  for (let index = from; index < to; index++) values[at++] = rows.authored[index]!;
  for (const name of COLUMNS) {
    const column = rows[name];
    for (let index = from; index < to; index++) values[at++] = column.start[index + 1]! - column.start[index]!;
    const data = column.data.subarray(column.start[from]!, column.start[to]!);
    values.set(data, at);
    at += data.length;
  }
  return Buffer.concat([Buffer.from(values.buffer, values.byteOffset, values.byteLength), keyBytes]);
}

/** The rows of several values (see {@link encodeRows}), in order, decoded straight into one set of columns. */
export function decodeRowGroups(groups: readonly Uint8Array[]): ArchiveRows {
  const parts = groups.map((bytes) => {
    const head = new Int32Array(2);
    new Uint8Array(head.buffer).set(bytes.subarray(0, 8));
    const intBytes = bytes.byteLength - head[1]!;
    return { count: head[0]!, values: int32s(bytes, intBytes), keys: Buffer.from(bytes.buffer, bytes.byteOffset + intBytes, head[1]!).toString('utf8') };
  });
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  const orders: string[] = new Array(total);
  const no = new Int32Array(total);
  const rank = new Uint32Array(total);
  const authored = new Uint8Array(total);
  // Column sizes first, then the columns filled in one pass.
  const sizes = Object.fromEntries(COLUMNS.map((name) => [name, 0])) as Record<ColumnName, number>;
  for (const { count, values } of parts) {
    let at = 2 + count * 4;
    for (const name of COLUMNS) {
      let size = 0;
      for (let index = 0; index < count; index++) size += values[at + index]!;
      sizes[name] += size;
      at += count + size;
    }
  }
  const starts = {} as Record<ColumnName, Int32Array>;
  const datas = {} as Record<ColumnName, Int32Array>;
  const fills = Object.fromEntries(COLUMNS.map((name) => [name, 0])) as Record<ColumnName, number>;
  for (const name of COLUMNS) {
    starts[name] = new Int32Array(total + 1);
    datas[name] = new Int32Array(sizes[name]);
  }
  let row = 0;
  for (const { count, values, keys } of parts) {
    let keyAt = 0;
    for (let index = 0; index < count; index++) orders[row + index] = keys.slice(keyAt, (keyAt += values[2 + index]!));
    let at = 2 + count;
    no.set(values.subarray(at, at + count), row);
    at += count;
    rank.set(new Uint32Array(values.buffer, values.byteOffset + at * 4, count), row);
    at += count;
    for (let index = 0; index < count; index++) authored[row + index] = values[at + index]!;
    at += count;
    for (const name of COLUMNS) {
      const start = starts[name];
      let size = 0;
      for (let index = 0; index < count; index++) {
        size += values[at + index]!;
        start[row + index + 1] = fills[name] + size;
      }
      at += count;
      datas[name].set(values.subarray(at, at + size), fills[name]);
      fills[name] += size;
      at += size;
    }
    row += count;
  }
  const columns = Object.fromEntries(COLUMNS.map((name) => [name, new Column(starts[name], datas[name])])) as Record<ColumnName, Column>;
  return new ArchiveRows({ orders, no, rank, authored, ...columns });
}

/** The first `length` bytes as 32-bit numbers: a view when they are aligned, else a copy. */
function int32s(bytes: Uint8Array, length: number): Int32Array {
  if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, length / 4);
  const values = new Int32Array(length / 4);
  new Uint8Array(values.buffer).set(bytes.subarray(0, length));
  return values;
}

/** The rows of one value (see {@link encodeRows}). */
export function decodeRows(bytes: Uint8Array): ArchiveRows {
  const head = new Int32Array(2);
  new Uint8Array(head.buffer).set(bytes.subarray(0, 8));
  const count = head[0]!;
  const intBytes = bytes.byteLength - head[1]!;
  const values = new Int32Array(intBytes / 4);
  new Uint8Array(values.buffer).set(bytes.subarray(0, intBytes));
  const keys = Buffer.from(bytes.buffer, bytes.byteOffset + intBytes, head[1]!).toString('utf8');
  const orders: string[] = [];
  let keyAt = 0;
  for (let index = 0; index < count; index++) orders.push(keys.slice(keyAt, (keyAt += values[2 + index]!)));
  let at = 2 + count;
  const no = values.subarray(at, (at += count));
  const rank = new Uint32Array(values.buffer, at * 4, count);
  at += count;
  const authored = Uint8Array.from(values.subarray(at, (at += count)));
  const columns = {} as Record<ColumnName, Column>;
  for (const name of COLUMNS) {
    const start = new Int32Array(count + 1);
    for (let index = 0; index < count; index++) start[index + 1] = start[index]! + values[at + index]!;
    at += count;
    columns[name] = new Column(start, values.subarray(at, (at += start[count]!)));
  }
  return new ArchiveRows({ orders, no, rank, authored, ...columns });
}

/** Rows are stored a month to a value, or a day to a value in a month of more than this many. */
export const ROWS_PER_MONTH_VALUE = 4096;

/** Each group of rows stored as one value, by its key (`YYYY-MM`, or `YYYY-MM-DD` in a busy month): [from, to) positions. Keys sort like the rows. */
export function rowGroups(rows: ArchiveRows): Map<string, [number, number]> {
  const perMonth = new Map<string, number>();
  for (const order of rows.orders) perMonth.set(order.slice(0, 7), (perMonth.get(order.slice(0, 7)) ?? 0) + 1);
  const groups = new Map<string, [number, number]>();
  rows.orders.forEach((order, index) => {
    const month = order.slice(0, 7);
    const key = perMonth.get(month)! > ROWS_PER_MONTH_VALUE ? order.slice(0, 10) : month;
    const range = groups.get(key);
    if (range) range[1] = index + 1;
    else groups.set(key, [index, index + 1]);
  });
  return groups;
}


