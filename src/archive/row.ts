import type { IsoDate } from '../dates.ts';
import type { Dictionary } from '../corpus/dictionary.ts';
import { nameKey, type FoundName, type NameKind } from '../derive/names.ts';
import { pageRank } from '../pages/chunks.ts';
import { dateOfOrder, idOfOrder, orderKey } from '../records/order.ts';

/**
 * What the archive-wide stages (topics, related articles, pagination, previous/next) need of one
 * published article, kept compact: numbers from the {@link Dictionary} instead of strings. Every
 * build reads the rows of the whole archive, in order, and nothing else of the unchanged articles.
 */
export interface ArchiveRow {
  /** The archive order (see `orderKey`): date, source path, id. */
  order: string;
  id: string;
  date: IsoDate;
  /** A number given to the article once and kept while it exists (related lists refer to it). */
  no: number;
  /** Pseudo-random rank that decides where pages start (see `pageStarts`). */
  rank: number;
  /** An authored (Markdown) article: its URL is settled among the others of its day (see `placeRecords`). */
  authored: boolean;
  /** Names found in the text, {@link NAME_FIELDS} numbers each: key, label, last word of the key, and {@link packName}. */
  names: Int32Array;
  /** Front-matter tags, {@link TAG_FIELDS} numbers each: key, label, last word of the key, words in the key. */
  tags: Int32Array;
  /** Key terms. */
  terms: Int32Array;
  /** Derived: the keys of the article's topics, in the order the article lists them. */
  topics: Int32Array;
  /** Derived: the `no` of each related article, best first. */
  related: Int32Array;
}

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

/** The facts of a record as a row (its derived fields empty), numbering its strings with `dictionary`. */
export function rowOf(
  article: { id: string; date: IsoDate; source: string; format: 'text' | 'markdown'; names: readonly FoundName[]; tags: readonly string[]; terms: readonly string[] },
  no: number,
  dictionary: Dictionary,
): ArchiveRow {
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
    id: article.id,
    date: article.date,
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

const HEADER = 8;

/** A row's numbers as bytes for the store: a header of counts, then each array. */
export function encodeRow(row: ArchiveRow): Buffer {
  const parts = [row.names, row.tags, row.terms, row.topics, row.related];
  const values = new Int32Array(HEADER + parts.reduce((sum, part) => sum + part.length, 0));
  values.set([row.rank | 0, row.no, row.authored ? 1 : 0, ...parts.map((part) => part.length)]);
  let at = HEADER;
  for (const part of parts) {
    values.set(part, at);
    at += part.length;
  }
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** The row stored under `order` (see {@link encodeRow}); its arrays are views of one copy of the bytes. */
export function decodeRow(order: string, bytes: Uint8Array): ArchiveRow {
  const copy = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(copy.buffer).set(bytes);
  const lengths = copy.subarray(3, HEADER);
  const parts: Int32Array[] = [];
  let at = HEADER;
  for (const length of lengths) {
    parts.push(copy.subarray(at, at + length));
    at += length;
  }
  const [names, tags, terms, topics, related] = parts as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  return { order, id: idOfOrder(order), date: dateOfOrder(order), no: copy[1]!, rank: copy[0]! >>> 0, authored: copy[2] === 1, names, tags, terms, topics, related };
}
