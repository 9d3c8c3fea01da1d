import { NAME_FIELDS, NAME_KINDS, TAG_FIELDS, unpackName } from '../src/archive/row.ts';
import { Column, type ArchiveRows } from '../src/archive/rows.ts';
import type { NameKind } from '../src/derive/names.ts';
import { deriveSlug } from '../src/derive/slug.ts';
import type { Dictionary } from '../src/corpus/dictionary.ts';

/** `subject`: a front-matter tag that no name in the texts matches. */
export type TopicKind = NameKind | 'subject';

export interface Topic {
  /** The dictionary id of the name's key (`nameKey`): what identifies the topic from build to build. */
  key: number;
  /** URL segment under `topics/`, unique. */
  slug: string;
  label: string;
  kind: TopicKind;
  /** Positions in the archive of every article that names it or is tagged with it, oldest first. */
  members: number[];
}

export interface Topics {
  /** Topics with pages, A–Z by label. */
  topics: Topic[];
  byKey: ReadonlyMap<number, Topic>;
  /** Each article's topic keys, by its position: its tags first, then most mentioned first. */
  ofArticle: Column;
  /** The threshold that was applied (see {@link autoMinArticles}). */
  minArticles: number;
}

export interface TopicSettings {
  /** Articles a name must be prominent in to get a topic page; absent: {@link autoMinArticles}. */
  minArticles?: number;
  language: string;
}

/**
 * The default threshold: 1 article for archives of up to 26, then round(∛N / 2), growing with the
 * cube root (5 at 1,000 articles, 13 at 19,043, 23 at 100,000), so a big archive's topics stay a
 * list a reader can scan, and a small one still has some.
 */
export function autoMinArticles(articles: number): number {
  return Math.max(1, Math.round(Math.cbrt(articles) * 0.5));
}

const PERSON = NAME_KINDS.indexOf('person');
const OTHER = NAME_KINDS.indexOf('other');

/**
 * Topics from the names found in each article and the front-matter tags. Names are merged by
 * key across articles (`Russia.`/`Russia`, `U.S.`/`US`) and a one-word name into the one person
 * whose surname it is (`Zelenskyy`). A name becomes a topic when it is prominent (named twice, or
 * in the first paragraph) in at least `minArticles` articles; a tag always does.
 *
 * Pure, and a function of the rows alone, so every build computes it whole from the archive's
 * compact rows and an incremental build gets what a clean one gets. Every article's names are one
 * pass over typed arrays indexed by dictionary id (tens of milliseconds for 19,000 articles); only
 * the topics chosen are looked up as text.
 */
export function collectTopics(rows: ArchiveRows, dictionary: Pick<Dictionary, 'textOf'>, settings: TopicSettings): Topics {
  const names = new NameTable(rows);
  const minArticles = settings.minArticles ?? autoMinArticles(rows.length);
  const into = names.mergeSurnames();
  const chosenKeys = names.keys.filter((key) => into[key] === -1 && (names.tagged[key] === 1 || names.prominent[key]! >= minArticles));
  const text = (id: number) => dictionary.textOf(id);
  // In key order, so which of two clashing slugs gets the `-2` does not move as articles come and go.
  const chosen = chosenKeys.map((key) => ({ key, keyText: text(key) })).sort((a, b) => (a.keyText < b.keyText ? -1 : a.keyText > b.keyText ? 1 : 0));
  const labels = names.labels(new Set(chosenKeys));
  const slugs = new Set<string>();
  const byKey = new Map<number, Topic>();
  const labelRank = new Map<number, number>();
  for (const { key } of chosen) {
    const label = mostCommon(labels.get(key)!, text);
    const kinds = names.kindsOf(key);
    byKey.set(key, {
      key,
      slug: uniqueSlug(deriveSlug(label, label), slugs),
      label,
      kind: names.tagged[key] === 1 && kinds.every((count) => count === 0) ? 'subject' : kindOf(kinds),
      members: [],
    });
  }
  // Members, and each article's topics in the order it lists them. Occurrences come article by article.
  const collator = new Intl.Collator(settings.language, { sensitivity: 'base', numeric: true });
  const byLabel = (a: Topic, b: Topic) => collator.compare(a.label, b.label) || (a.slug < b.slug ? -1 : 1);
  const topics = [...byKey.values()];
  // The rank of each topic A–Z, so an article's topics sort by numbers.
  topics.sort(byLabel).forEach((topic, rank) => labelRank.set(topic.key, rank));
  const start = new Int32Array(rows.length + 1);
  const keys: number[] = [];
  let entries: { key: number; mentions: number; tagged: boolean }[] = [];
  let position = 0;
  const flush = (until: number) => {
    for (; position < until; position++) {
      entries.sort((a, b) => Number(b.tagged) - Number(a.tagged) || b.mentions - a.mentions || labelRank.get(a.key)! - labelRank.get(b.key)!);
      for (const entry of entries) {
        keys.push(entry.key);
        byKey.get(entry.key)!.members.push(position);
      }
      start[position + 1] = keys.length;
      entries = [];
    }
  };
  const isTopic = new Uint8Array(names.size);
  for (const key of byKey.keys()) isTopic[key] = 1;
  for (let at = 0; at < names.count; at++) {
    const found = names.occKey[at]!;
    const key = into[found] === -1 ? found : into[found]!;
    if (isTopic[key] === 0) continue;
    flush(names.occPosition[at]!);
    const entry = entries.find((each) => each.key === key);
    if (entry) entry.mentions += names.occMentions[at]!;
    else entries.push({ key, mentions: names.occMentions[at]!, tagged: names.occTagged[at] === 1 && key === found });
  }
  flush(rows.length);
  return { topics, byKey, ofArticle: new Column(start, Int32Array.from(keys)), minArticles };
}

/**
 * Every (name key, article) pair of the archive, once, with its mentions and whether it is
 * prominent there or a tag; and per key, in arrays indexed by dictionary id, its mentions by kind,
 * the articles it is prominent in, whether it is ever a tag, its word count and last word.
 */
class NameTable {
  readonly rows: ArchiveRows;
  /** Keys seen, in first-seen order. */
  readonly keys: number[] = [];
  count = 0;
  occKey = new Int32Array(1024);
  occPosition = new Int32Array(1024);
  occMentions = new Int32Array(1024);
  occTagged = new Uint8Array(1024);
  occProminent = new Uint8Array(1024);
  size: number;
  kinds: Float64Array;
  prominent: Int32Array;
  tagged: Uint8Array;
  words: Int32Array;
  last: Int32Array;
  /** The occurrence of each key in the article being read, or -1. */
  #current: Int32Array;

  constructor(rows: ArchiveRows) {
    this.rows = rows;
    const names = rows.names.data;
    const tags = rows.tags.data;
    let size = 0;
    for (let at = 0; at < names.length; at += NAME_FIELDS) size = Math.max(size, names[at]! + 1, names[at + 2]! + 1);
    for (let at = 0; at < tags.length; at += TAG_FIELDS) size = Math.max(size, tags[at]! + 1, tags[at + 2]! + 1);
    this.size = size;
    this.kinds = new Float64Array(size * 4);
    this.prominent = new Int32Array(size);
    this.tagged = new Uint8Array(size);
    this.words = new Int32Array(size);
    this.last = new Int32Array(size).fill(-1);
    this.#current = new Int32Array(size).fill(-1);
    const touched: number[] = [];
    for (let position = 0; position < rows.length; position++) {
      for (let at = rows.names.start[position]!, end = rows.names.start[position + 1]!; at < end; at += NAME_FIELDS) {
        const key = names[at]!;
        const packed = names[at + 3]!;
        const mentions = packed >>> 7;
        this.kinds[key * 4 + (packed & 3)]! += mentions;
        this.#occur(key, position, mentions, mentions >= 2 || (packed & 4) !== 0, false, (packed >>> 3) & 15, names[at + 2]!, touched);
      }
      for (let at = rows.tags.start[position]!, end = rows.tags.start[position + 1]!; at < end; at += TAG_FIELDS) {
        const key = tags[at]!;
        this.tagged[key] = 1;
        this.#occur(key, position, 1, true, true, tags[at + 3]!, tags[at + 2]!, touched);
      }
      for (const key of touched) this.#current[key] = -1;
      touched.length = 0;
    }
  }

  #occur(key: number, position: number, mentions: number, prominent: boolean, tag: boolean, words: number, last: number, touched: number[]): void {
    if (this.last[key] === -1) {
      this.keys.push(key);
      this.words[key] = words;
      this.last[key] = last;
    }
    const existing = this.#current[key]!;
    if (existing !== -1) {
      // The same key again in this article (a tag of a name it names, or two spellings).
      if (tag) this.occTagged[existing] = 1;
      else this.occMentions[existing]! += mentions;
      if (prominent && this.occProminent[existing] === 0 && !tag) {
        this.occProminent[existing] = 1;
        this.prominent[key]!++;
      }
      return;
    }
    if (this.count === this.occKey.length) this.#grow();
    const at = this.count++;
    this.occKey[at] = key;
    this.occPosition[at] = position;
    this.occMentions[at] = mentions;
    this.occTagged[at] = tag ? 1 : 0;
    this.occProminent[at] = prominent ? 1 : 0;
    if (prominent) this.prominent[key]!++;
    this.#current[key] = at;
    touched.push(key);
  }

  #grow(): void {
    const grow = <T extends Int32Array | Uint8Array>(array: T): T => {
      const bigger = new (array.constructor as new (size: number) => T)(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.occKey = grow(this.occKey);
    this.occPosition = grow(this.occPosition);
    this.occMentions = grow(this.occMentions);
    this.occTagged = grow(this.occTagged);
    this.occProminent = grow(this.occProminent);
  }

  kindsOf(key: number): number[] {
    return [this.kinds[key * 4]!, this.kinds[key * 4 + 1]!, this.kinds[key * 4 + 2]!, this.kinds[key * 4 + 3]!];
  }

  /** {@link kindOf} of a key's kinds, read in place. */
  kindIndex(key: number): number {
    let best = OTHER;
    let count = 0;
    for (let kind = 0; kind < 4; kind++) {
      const n = this.kinds[key * 4 + kind]!;
      if (kind !== OTHER && n > count) [best, count] = [kind, n];
    }
    return best;
  }

  /**
   * A one-word person-like name that is the last word of exactly one multi-word person joins it
   * (its articles and mentions count for that person). Returns, by key, the key it joined or -1.
   */
  mergeSurnames(): Int32Array {
    const into = new Int32Array(this.size).fill(-1);
    // By last word: how many multi-word people end with it, and the last one seen.
    const owners = new Int32Array(this.size);
    const owner = new Int32Array(this.size);
    for (const key of this.keys) {
      if (this.words[key]! < 2 || this.kindIndex(key) !== PERSON) continue;
      owners[this.last[key]!]!++;
      owner[this.last[key]!] = key;
    }
    let merges = 0;
    for (const key of this.keys) {
      if (this.words[key] !== 1 || this.tagged[key] === 1 || owners[key] !== 1) continue;
      const kind = this.kindIndex(key);
      if (kind !== PERSON && kind !== OTHER) continue;
      into[key] = owner[key]!;
      merges++;
    }
    if (merges === 0) return into;
    // The person's articles before the merge, to tell which of the surname's articles are new to it.
    const target = new Uint8Array(this.size);
    for (const key of this.keys) if (into[key] !== -1) target[into[key]!] = 1;
    const articlesOf = new Map<number, Set<number>>();
    for (let at = 0; at < this.count; at++) {
      const key = this.occKey[at]!;
      if (target[key] === 1) (articlesOf.get(key) ?? articlesOf.set(key, new Set()).get(key)!).add(this.occPosition[at]!);
    }
    for (let at = 0; at < this.count; at++) {
      const person = into[this.occKey[at]!]!;
      if (person === -1) continue;
      const mentions = this.occMentions[at]!;
      this.kinds[person * 4 + PERSON]! += mentions;
      const seen = articlesOf.get(person) ?? articlesOf.set(person, new Set()).get(person)!;
      if (!seen.has(this.occPosition[at]!)) {
        seen.add(this.occPosition[at]!);
        if (mentions >= 2) this.prominent[person]!++;
      }
    }
    return into;
  }

  /** Label id → mentions, for each of `keys` (a tag counts once). */
  labels(keys: ReadonlySet<number>): Map<number, Map<number, number>> {
    const labels = new Map<number, Map<number, number>>([...keys].map((key) => [key, new Map()]));
    const names = this.rows.names.data;
    for (let at = 0; at < names.length; at += NAME_FIELDS) {
      const own = labels.get(names[at]!);
      if (own) add(own, names[at + 1]!, unpackName(names[at + 3]!).mentions);
    }
    const tags = this.rows.tags.data;
    for (let at = 0; at < tags.length; at += TAG_FIELDS) {
      const own = labels.get(tags[at]!);
      if (own) add(own, tags[at + 1]!, 1);
    }
    return labels;
  }
}

/** The kind a name was found as most often, a specific kind winning over `other`; ties go to the earlier of {@link NAME_KINDS}. */
function kindOf(kinds: readonly number[]): NameKind {
  let best: NameKind = 'other';
  let count = 0;
  kinds.forEach((n, kind) => {
    if (kind !== OTHER && n > count) [best, count] = [NAME_KINDS[kind]!, n];
  });
  return best;
}

function add<K>(map: Map<K, number>, key: K, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The label used most; ties go to the longer (fuller) form, then the alphabetically first. */
function mostCommon(labels: ReadonlyMap<number, number>, text: (id: number) => string): string {
  const [best] = [...labels]
    .map(([id, count]) => ({ label: text(id), count }))
    .sort((a, b) => b.count - a.count || b.label.length - a.label.length || (a.label < b.label ? -1 : 1));
  return best!.label;
}

function uniqueSlug(slug: string, taken: Set<string>): string {
  let unique = slug;
  for (let n = 2; taken.has(unique); n++) unique = `${slug}-${n}`;
  taken.add(unique);
  return unique;
}
