import { NAME_FIELDS, NAME_KINDS, TAG_FIELDS } from '../archive/row.ts';

/** The numbers kept per name key: see {@link NameCounts}. */
const KINDS = 0;
const PROMINENT = 4;
const TAGGED = 5;
const PRESENT = 6;
const TWICE = 7;
const BOTH = 8;
const WORDS = 9;
const LAST = 10;
/** Of the multi-word people whose last word is this key: how many, and the sum of their keys (the one, when there is one). */
const OWNERS = 11;
const OWNER_SUM = 12;
/** The person this key was merged into when the topics were last decided, plus one (0: none). */
const MERGED = 13;
export const COUNT_FIELDS = 14;

/** Keys per stored chunk: an update reads and rewrites only the chunks of the keys it looks at. */
export const KEYS_PER_CHUNK = 256;
const CHUNK_NUMBERS = KEYS_PER_CHUNK * COUNT_FIELDS;

const PERSON = NAME_KINDS.indexOf('person');
const OTHER = NAME_KINDS.indexOf('other');

/** What one article names or is tagged with, as the counts see it. */
export interface NamedIn {
  /** `NAME_FIELDS` numbers per name: key, label, last word of the key, packed kind/lede/words/mentions (see `packName`). */
  names: ArrayLike<number>;
  /** `TAG_FIELDS` numbers per tag: key, label, last word of the key, words in the key. */
  tags: ArrayLike<number>;
}

/** Label id → how often a key is written so (mentions; a tag counts one). */
export type LabelCounts = Map<number, number>;

/** Where stored chunks come from: which there are, and each one's bytes (used before the next read). */
export interface ChunkSource {
  indexes(): readonly number[];
  read(index: number): Uint8Array | undefined;
}

/**
 * Sums over the archive's articles, per name key (a dictionary id), of what decides the topics:
 * mentions by kind, and the articles that are prominent for the key, tag it, name or tag it at
 * all, mention it twice, or name it (a multi-word name) together with its last word mentioned
 * twice; the key's word count and last word; and, per last word, the multi-word people ending in
 * it. Each article adds its own share and an article that goes takes it back, so an update
 * changes the counts by what its articles name, and a clean build is the same sums from nothing.
 *
 * Stored in chunks of {@link KEYS_PER_CHUNK} keys, {@link COUNT_FIELDS} 32-bit numbers per key,
 * and read a chunk at a time when a key in it is first looked at: an update reads the few
 * chunks of the keys its articles name.
 */
export class NameCounts {
  readonly #chunks: (Int32Array | undefined)[] = [];
  readonly #source: ChunkSource | undefined;
  readonly #dirty = new Set<number>();
  /** Keys changed since the counts were read, and whether each was a person owning its last word then. */
  readonly #touched = new Map<number, boolean>();

  constructor(source?: ChunkSource) {
    this.#source = source;
  }

  #chunk(index: number): Int32Array | undefined {
    let chunk = this.#chunks[index];
    if (chunk === undefined && this.#source) {
      const bytes = this.#source.read(index);
      if (bytes !== undefined) {
        chunk = new Int32Array(CHUNK_NUMBERS);
        new Uint8Array(chunk.buffer).set(bytes.subarray(0, CHUNK_NUMBERS * 4));
        this.#chunks[index] = chunk;
      }
    }
    return chunk;
  }

  #get(key: number, field: number): number {
    const chunk = this.#chunk(Math.floor(key / KEYS_PER_CHUNK));
    return chunk === undefined ? 0 : chunk[(key % KEYS_PER_CHUNK) * COUNT_FIELDS + field]!;
  }

  #add(key: number, field: number, by: number): void {
    if (by === 0) return;
    const index = Math.floor(key / KEYS_PER_CHUNK);
    let chunk = this.#chunk(index);
    if (chunk === undefined) this.#chunks[index] = chunk = new Int32Array(CHUNK_NUMBERS);
    chunk[(key % KEYS_PER_CHUNK) * COUNT_FIELDS + field]! += by;
    this.#dirty.add(index);
  }

  #set(key: number, field: number, value: number): void {
    this.#add(key, field, value - this.#get(key, field));
  }

  /** Every key that any article names or is tagged with (reads every chunk). */
  keys(): number[] {
    for (const index of this.#source?.indexes() ?? []) this.#chunk(index);
    const keys: number[] = [];
    this.#chunks.forEach((chunk, index) => {
      if (chunk === undefined) return;
      for (let at = 0; at < KEYS_PER_CHUNK; at++) if (chunk[at * COUNT_FIELDS + PRESENT]! > 0) keys.push(index * KEYS_PER_CHUNK + at);
    });
    return keys;
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

  /** The kind found most often, a specific kind winning over `other` (an index into `NAME_KINDS`). */
  kindIndex(key: number): number {
    let best = OTHER;
    let count = 0;
    for (let kind = 0; kind < 4; kind++) {
      const n = this.kind(key, kind);
      if (kind !== OTHER && n > count) [best, count] = [kind, n];
    }
    return best;
  }

  /** A multi-word name found mostly as a person: a candidate to take in its surname. */
  isPerson(key: number): boolean {
    return this.present(key) > 0 && this.words(key) >= 2 && this.kindIndex(key) === PERSON;
  }

  /**
   * The person a one-word name joins, or -1: a name never a tag, found as a person or
   * unclassified, that is the last word of exactly one multi-word person.
   */
  mergedInto(key: number): number {
    if (this.#get(key, OWNERS) !== 1 || this.present(key) === 0 || this.words(key) !== 1 || this.tagged(key) > 0) return -1;
    const kind = this.kindIndex(key);
    return kind === PERSON || kind === OTHER ? this.#get(key, OWNER_SUM) : -1;
  }

  /** What {@link mergedInto} gave when the topics were last decided (see {@link recordMerge}). */
  recordedMerge(key: number): number {
    return this.#get(key, MERGED) - 1;
  }

  recordMerge(key: number, into: number): void {
    this.#set(key, MERGED, into + 1);
  }

  /**
   * Adds (`sign` 1) or takes back (-1) one article's share, and its labels into `labels` (the
   * label counts of the keys it names, read for them beforehand).
   */
  apply(article: NamedIn, sign: 1 | -1, labels?: (key: number) => LabelCounts): void {
    const { names, tags } = article;
    // Per key in this article: name mentions, and whether prominent, tagged, named.
    const here = new Map<number, { mentions: number; prominent: boolean; tagged: boolean; named: boolean; words: number; last: number }>();
    const of = (key: number, words: number, last: number) => {
      let found = here.get(key);
      if (found === undefined) here.set(key, (found = { mentions: 0, prominent: false, tagged: false, named: false, words, last }));
      return found;
    };
    for (let at = 0; at < names.length; at += NAME_FIELDS) {
      const found = of(names[at]!, (names[at + 3]! >>> 3) & 15, names[at + 2]!);
      const mentions = names[at + 3]! >>> 7;
      found.named = true;
      found.mentions += mentions;
      if (mentions >= 2 || (names[at + 3]! & 4) !== 0) found.prominent = true;
    }
    for (let at = 0; at < tags.length; at += TAG_FIELDS) of(tags[at]!, tags[at + 3]!, tags[at + 2]!).tagged = true;
    for (const key of here.keys()) if (!this.#touched.has(key)) this.#touched.set(key, this.isPerson(key));
    for (let at = 0; at < names.length; at += NAME_FIELDS) {
      this.#add(names[at]!, KINDS + (names[at + 3]! & 3), sign * (names[at + 3]! >>> 7));
      if (labels) add(labels(names[at]!), names[at + 1]!, sign * (names[at + 3]! >>> 7));
    }
    for (let at = 0; at < tags.length; at += TAG_FIELDS) if (labels) add(labels(tags[at]!), tags[at + 1]!, sign);
    for (const [key, found] of here) {
      this.#set(key, WORDS, found.words);
      this.#set(key, LAST, found.last);
      this.#add(key, PRESENT, sign);
      if (found.prominent || (found.tagged && !found.named)) this.#add(key, PROMINENT, sign);
      if (found.tagged) this.#add(key, TAGGED, sign);
      if (found.mentions >= 2) this.#add(key, TWICE, sign);
      if (found.words >= 2 && (here.get(found.last)?.mentions ?? 0) >= 2) this.#add(key, BOTH, sign);
    }
  }

  /**
   * Brings each last word's count of people ending in it up to date with the keys changed since
   * the counts were read, and returns those keys.
   */
  settle(): Set<number> {
    for (const [key, was] of this.#touched) {
      const now = this.isPerson(key);
      if (now === was) continue;
      const sign = now ? 1 : -1;
      this.#add(this.last(key), OWNERS, sign);
      this.#add(this.last(key), OWNER_SUM, sign * key);
    }
    const touched = new Set(this.#touched.keys());
    for (const key of touched) this.#touched.set(key, this.isPerson(key));
    return touched;
  }

  /** The chunks changed since these counts were read (all of them with `all`), to store. */
  dirtyChunks(all = false): [number, Uint8Array][] {
    const indexes = all ? [...this.#chunks.keys()].filter((index) => this.#chunks[index] !== undefined) : [...this.#dirty].sort((a, b) => a - b);
    return indexes.map((index) => {
      const chunk = this.#chunks[index]!;
      return [index, new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)];
    });
  }
}

function add(map: LabelCounts, label: number, by: number): void {
  const count = (map.get(label) ?? 0) + by;
  if (count === 0) map.delete(label);
  else map.set(label, count);
}
