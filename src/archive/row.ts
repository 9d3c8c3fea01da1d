import type { IsoDate } from '../dates.ts';
import type { Dictionary } from '../corpus/dictionary.ts';
import { nameKey, type FoundName, type NameKind } from '../derive/names.ts';
import { pageRank } from '../pages/chunks.ts';
import { orderKey } from '../records/order.ts';
import type { NamedIn } from '../corpus/name-counts.ts';
import { ArchiveRows, Column, COLUMNS, type ColumnName, type NamedRow } from './rows.ts';

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
  article: { id: string; date: IsoDate; source: string; format: 'text' | 'markdown'; names: readonly FoundName[]; tags: readonly string[]; terms: readonly string[]; authors: readonly string[]; headline: string },
  no: number,
  dictionary: Dictionary,
): NamedRow {
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
    authors: Int32Array.from(article.authors, (name) => dictionary.idOf(name)),
    topics: new Int32Array(0),
    related: new Int32Array(0),
    story: Int32Array.of(storyKey(article.headline)),
  };
}

/** A headline's words, lower-cased and without a closing "…", as one 32-bit number (FNV-1a): equal for one story sent twice. */
export function storyKey(headline: string): number {
  const words = (headline.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  let hash = 0x811c9dc5;
  for (let at = 0; at < words.length; at++) hash = Math.imul(hash ^ words.charCodeAt(at), 0x01000193);
  return hash | 0;
}

/** Numbers at the head of a stored group: rows, bytes of the order keys, and the numbers in each column. */
const HEAD = 2 + COLUMNS.length;

/**
 * Rows as one value of the store, read back straight into the archive's columns: as 32-bit
 * numbers, [rows, bytes of the order keys, numbers in each column], each order key's length in
 * characters, each row's no, rank and authored flag, then per column each row's size and the
 * column's numbers; then the order keys as UTF-8.
 */
export function encodeRows(rows: ArchiveRows, from: number, to: number): Buffer {
  const count = to - from;
  const keyBytes = Buffer.from(rows.orders.slice(from, to).join(''), 'utf8');
  let ints = HEAD + count * 4;
  for (const name of COLUMNS) ints += count + rows[name].start[to]! - rows[name].start[from]!;
  const values = new Int32Array(ints);
  values[0] = count;
  values[1] = keyBytes.length;
  COLUMNS.forEach((name, column) => (values[2 + column] = rows[name].start[to]! - rows[name].start[from]!));
  let at = HEAD;
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

/**
 * The rows of stored groups (see {@link encodeRows}), in order, decoded straight into one set of
 * columns. `read(index)` gives group `index`'s bytes (it is called twice per group, and each
 * result is used before the next call, so it may be a buffer the store reuses).
 */
export function decodeRowGroups(groups: number, read: (index: number) => Uint8Array): ArchiveRows {
  const head = new Int32Array(HEAD);
  const heads = new Int32Array(groups * HEAD);
  for (let group = 0; group < groups; group++) {
    new Uint8Array(head.buffer).set(read(group).subarray(0, HEAD * 4));
    heads.set(head, group * HEAD);
  }
  let total = 0;
  const sizes = COLUMNS.map(() => 0);
  for (let group = 0; group < groups; group++) {
    total += heads[group * HEAD]!;
    COLUMNS.forEach((_, column) => (sizes[column]! += heads[group * HEAD + 2 + column]!));
  }
  const orders: string[] = new Array(total);
  const no = new Int32Array(total);
  const rank = new Uint32Array(total);
  const authored = new Uint8Array(total);
  const starts = COLUMNS.map(() => new Int32Array(total + 1));
  const datas = sizes.map((size) => new Int32Array(size));
  const fills = COLUMNS.map(() => 0);
  let row = 0;
  for (let group = 0; group < groups; group++) {
    const bytes = read(group);
    const count = heads[group * HEAD]!;
    const keyBytes = heads[group * HEAD + 1]!;
    const intBytes = bytes.byteLength - keyBytes;
    const values = int32s(bytes, intBytes);
    const keys = Buffer.from(bytes.buffer, bytes.byteOffset + intBytes, keyBytes).toString('utf8');
    let at = HEAD;
    let keyAt = 0;
    for (let index = 0; index < count; index++) orders[row + index] = keys.slice(keyAt, (keyAt += values[at + index]!));
    at += count;
    no.set(values.subarray(at, at + count), row);
    at += count;
    rank.set(new Uint32Array(values.buffer, values.byteOffset + at * 4, count), row);
    at += count;
    for (let index = 0; index < count; index++) authored[row + index] = values[at + index]!;
    at += count;
    COLUMNS.forEach((_, column) => {
      const start = starts[column]!;
      const fill = fills[column]!;
      let size = 0;
      for (let index = 0; index < count; index++) {
        size += values[at + index]!;
        start[row + index + 1] = fill + size;
      }
      at += count;
      datas[column]!.set(values.subarray(at, at + size), fill);
      fills[column] = fill + size;
      at += size;
    });
    row += count;
  }
  const columns = Object.fromEntries(COLUMNS.map((name, column) => [name, new Column(starts[column]!, datas[column]!)])) as Record<ColumnName, Column>;
  return new ArchiveRows({ orders, no, rank, authored, ...columns });
}

/** The first `length` bytes as 32-bit numbers: a view when they are aligned, else a copy. */
function int32s(bytes: Uint8Array, length: number): Int32Array {
  if (bytes.byteOffset % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset, length / 4);
  const values = new Int32Array(length / 4);
  new Uint8Array(values.buffer).set(bytes.subarray(0, length));
  return values;
}

/**
 * Each day's rows stored as one value, by its key (the date, `YYYY-MM-DD`): [from, to)
 * positions. Keys sort like the rows; an update rewrites the days it changed.
 */
export function rowGroups(rows: ArchiveRows): Map<string, [number, number]> {
  const groups = new Map<string, [number, number]>();
  let date = '';
  let range: [number, number] = [0, 0];
  rows.orders.forEach((order, index) => {
    if (index > 0 && order.startsWith(date)) range[1] = index + 1;
    else {
      date = order.slice(0, 10);
      groups.set(date, (range = [index, index + 1]));
    }
  });
  return groups;
}

/** A named row's names as the store keeps them: the count of name numbers, then the names, then the tags. */
export function encodeNames(row: NamedIn): Buffer {
  const values = new Int32Array(1 + row.names.length + row.tags.length);
  values[0] = row.names.length;
  values.set(row.names as ArrayLike<number>, 1);
  values.set(row.tags as ArrayLike<number>, 1 + row.names.length);
  return Buffer.from(values.buffer);
}

export function decodeNames(bytes: Uint8Array): NamedIn {
  const values = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(values.buffer).set(bytes);
  return { names: values.subarray(1, 1 + values[0]!), tags: values.subarray(1 + values[0]!) };
}
