import { NAME_FIELDS, TAG_FIELDS } from '../archive/row.ts';

/** The numbers kept per name key: see {@link NameCounts}. */
const KINDS = 0;
const PROMINENT = 4;
const TAGGED = 5;
const PRESENT = 6;
const TWICE = 7;
const BOTH = 8;
const WORDS = 9;
const LAST = 10;
export const COUNT_FIELDS = 11;

/** Keys per stored chunk: an update rewrites only the chunks of the keys its articles name. */
export const KEYS_PER_CHUNK = 1024;
const CHUNK_NUMBERS = KEYS_PER_CHUNK * COUNT_FIELDS;

/** What one article names or is tagged with, as the counts see it. */
export interface NamedIn {
  /** `NAME_FIELDS` numbers per name: key, label, last word of the key, packed kind/lede/words/mentions (see `packName`). */
  names: ArrayLike<number>;
  /** `TAG_FIELDS` numbers per tag: key, label, last word of the key, words in the key. */
  tags: ArrayLike<number>;
}

/** Label id → how often a key is written so (mentions; a tag counts one). */
export type LabelCounts = Map<number, number>;

/**
 * Sums over the archive's articles, per name key (a dictionary id), of what decides the topics:
 * mentions by kind, and the articles that are prominent for the key, tag it, name or tag it at
 * all, mention it twice, or name it (a multi-word name) together with its last word mentioned
 * twice — plus the key's word count and last word. Each article adds its own share and an article
 * that goes takes it back, so an update changes the counts by what its articles name, and a clean
 * build is the same sums from nothing.
 *
 * Stored in chunks of {@link KEYS_PER_CHUNK} keys, each {@link COUNT_FIELDS} 32-bit numbers per key.
 */
export class NameCounts {
  /** {@link COUNT_FIELDS} numbers per key, in whole chunks. */
  #data: Int32Array;
  readonly #dirty = new Set<number>();

  private constructor(data: Int32Array) {
    this.#data = data;
  }

  static empty(): NameCounts {
    return new NameCounts(new Int32Array(0));
  }

  /**
   * Counts from stored chunks (see {@link dirtyChunks}), each copied into place as it is read (so
   * `bytesOf` may reuse its buffer); a chunk not stored is all zero.
   */
  static read(indexes: readonly number[], bytesOf: (index: number) => Uint8Array): NameCounts {
    const chunks = indexes.length === 0 ? 0 : Math.max(...indexes) + 1;
    const data = new Int32Array(chunks * CHUNK_NUMBERS);
    const bytes = new Uint8Array(data.buffer);
    for (const index of indexes) bytes.set(bytesOf(index).subarray(0, CHUNK_NUMBERS * 4), index * CHUNK_NUMBERS * 4);
    return new NameCounts(data);
  }

  /** One more than the largest key with a chunk. */
  get size(): number {
    return this.#data.length / COUNT_FIELDS;
  }

  #get(key: number, field: number): number {
    const at = key * COUNT_FIELDS + field;
    return at < this.#data.length ? this.#data[at]! : 0;
  }

  #add(key: number, field: number, by: number): void {
    const index = Math.floor(key / KEYS_PER_CHUNK);
    if (key * COUNT_FIELDS >= this.#data.length) {
      const bigger = new Int32Array(Math.max(index + 1, (this.#data.length / CHUNK_NUMBERS) * 2) * CHUNK_NUMBERS);
      bigger.set(this.#data);
      this.#data = bigger;
    }
    this.#data[key * COUNT_FIELDS + field]! += by;
    this.#dirty.add(index);
  }

  #set(key: number, field: number, value: number): void {
    if (this.#get(key, field) !== value) this.#add(key, field, value - this.#get(key, field));
  }

  /** Mentions as each of `NAME_KINDS`. */
  kind(key: number, kind: number): number {
    return this.#get(key, KINDS + kind);
  }

  /** Articles prominent for it: naming it twice or in the lede, or tagged with it without naming it. */
  prominent(key: number): number {
    return this.#get(key, PROMINENT);
  }

  tagged(key: number): number {
    return this.#get(key, TAGGED);
  }

  /** Articles that name it or are tagged with it. */
  present(key: number): number {
    return this.#get(key, PRESENT);
  }

  /** Articles whose names add up to two or more mentions of it. */
  twice(key: number): number {
    return this.#get(key, TWICE);
  }

  /** Articles that name it (a name of two words or more) and mention its last word twice. */
  both(key: number): number {
    return this.#get(key, BOTH);
  }

  words(key: number): number {
    return this.#get(key, WORDS);
  }

  last(key: number): number {
    return this.#get(key, LAST);
  }

  /**
   * Adds (`sign` 1) or takes back (-1) one article's share, and its labels into `labels` (the
   * label counts of the keys it names, read for them beforehand). Returns the keys it names or is tagged with.
   */
  apply(article: NamedIn, sign: 1 | -1, labels?: (key: number) => LabelCounts): Set<number> {
    const { names, tags } = article;
    // Per key in this article: name mentions, and whether prominent, tagged, named.
    const here = new Map<number, { mentions: number; prominent: boolean; tagged: boolean; named: boolean; words: number; last: number }>();
    const of = (key: number, words: number, last: number) => {
      let found = here.get(key);
      if (found === undefined) here.set(key, (found = { mentions: 0, prominent: false, tagged: false, named: false, words, last }));
      return found;
    };
    for (let at = 0; at < names.length; at += NAME_FIELDS) {
      const key = names[at]!;
      const packed = names[at + 3]!;
      const mentions = packed >>> 7;
      const found = of(key, (packed >>> 3) & 15, names[at + 2]!);
      found.named = true;
      found.mentions += mentions;
      if (mentions >= 2 || (packed & 4) !== 0) found.prominent = true;
      this.#add(key, KINDS + (packed & 3), sign * mentions);
      if (labels) add(labels(key), names[at + 1]!, sign * mentions);
    }
    for (let at = 0; at < tags.length; at += TAG_FIELDS) {
      const key = tags[at]!;
      const found = of(key, tags[at + 3]!, tags[at + 2]!);
      found.tagged = true;
      if (labels) add(labels(key), tags[at + 1]!, sign);
    }
    for (const [key, found] of here) {
      this.#set(key, WORDS, found.words);
      this.#set(key, LAST, found.last);
      this.#add(key, PRESENT, sign);
      if (found.prominent || (found.tagged && !found.named)) this.#add(key, PROMINENT, sign);
      if (found.tagged) this.#add(key, TAGGED, sign);
      if (found.mentions >= 2) this.#add(key, TWICE, sign);
      if (found.words >= 2 && (here.get(found.last)?.mentions ?? 0) >= 2) this.#add(key, BOTH, sign);
    }
    return new Set(here.keys());
  }

  /** The chunks changed since these counts were read (all of them with `all`), to store. */
  dirtyChunks(all = false): [number, Uint8Array][] {
    const chunks = this.#data.length / CHUNK_NUMBERS;
    const indexes = all ? Array.from({ length: chunks }, (_, index) => index) : [...this.#dirty].sort((a, b) => a - b);
    return indexes.map((index) => [index, new Uint8Array(this.#data.buffer, index * CHUNK_NUMBERS * 4, CHUNK_NUMBERS * 4)]);
  }
}

function add(map: LabelCounts, label: number, by: number): void {
  const count = (map.get(label) ?? 0) + by;
  if (count === 0) map.delete(label);
  else map.set(label, count);
}
