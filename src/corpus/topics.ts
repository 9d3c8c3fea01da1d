import type { ArchiveRow } from '../archive/row.ts';
import { NAME_FIELDS, NAME_KINDS, TAG_FIELDS, unpackName } from '../archive/row.ts';
import type { NameKind } from '../derive/names.ts';
import { deriveSlug } from '../derive/slug.ts';
import type { Dictionary } from './dictionary.ts';

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
  ofArticle: Int32Array[];
  /** The threshold that was applied (see {@link autoMinArticles}). */
  minArticles: number;
}

export interface TopicSettings {
  /** Articles a name must be prominent in to get a topic page; absent: {@link autoMinArticles}. */
  minArticles?: number;
  language: string;
}

interface Candidate {
  key: number;
  /** Label id → mentions. */
  labels: Map<number, number>;
  /** Mentions found as each of {@link NAME_KINDS}. */
  kinds: number[];
  /** Article position → mentions in it. */
  articles: Map<number, number>;
  /** Articles that mention it at least twice or in the first paragraph. */
  prominent: number;
  tagged: boolean;
  /** Articles whose author tagged them with it: listed first on the article. */
  taggedIn: Set<number>;
  words: number;
  /** The key id of the key's last word. */
  last: number;
}

/**
 * The default threshold: 1 article for archives of up to 26, then round(∛N / 2), growing with the
 * cube root (5 at 1,000 articles, 13 at 19,043, 23 at 100,000), so a big archive's topics stay a
 * list a reader can scan, and a small one still has some.
 */
export function autoMinArticles(articles: number): number {
  return Math.max(1, Math.round(Math.cbrt(articles) * 0.5));
}

/**
 * Topics from the names found in each article and the front-matter tags. Names are merged by
 * key across articles (`Russia.`/`Russia`, `U.S.`/`US`) and a one-word name into the one person
 * whose surname it is (`Zelenskyy`). A name becomes a topic when it is prominent (named twice, or
 * in the first paragraph) in at least `minArticles` articles; a tag always does. Pure, and a
 * function of the rows alone, so every build computes it whole from the archive's compact rows
 * (tens of milliseconds for 19,000 articles) and an incremental build gets what a clean one gets.
 */
export function collectTopics(rows: readonly ArchiveRow[], dictionary: Pick<Dictionary, 'textOf'>, settings: TopicSettings): Topics {
  const candidates = new Map<number, Candidate>();
  const candidate = (key: number, words: number, last: number): Candidate => {
    let found = candidates.get(key);
    if (!found) candidates.set(key, (found = { key, labels: new Map(), kinds: [0, 0, 0, 0], articles: new Map(), prominent: 0, tagged: false, taggedIn: new Set(), words, last }));
    return found;
  };
  rows.forEach((row, position) => {
    const { names, tags } = row;
    for (let at = 0; at < names.length; at += NAME_FIELDS) {
      const { kind, lede, words, mentions } = unpackName(names[at + 3]!);
      const entry = candidate(names[at]!, words, names[at + 2]!);
      add(entry.labels, names[at + 1]!, mentions);
      entry.kinds[kind]! += mentions;
      entry.articles.set(position, (entry.articles.get(position) ?? 0) + mentions);
      if (mentions >= 2 || lede) entry.prominent++;
    }
    for (let at = 0; at < tags.length; at += TAG_FIELDS) {
      const entry = candidate(tags[at]!, tags[at + 3]!, tags[at + 2]!);
      add(entry.labels, tags[at + 1]!, 1);
      entry.tagged = true;
      entry.taggedIn.add(position);
      if (!entry.articles.has(position)) {
        entry.articles.set(position, 1);
        entry.prominent++;
      }
    }
  });
  mergeSurnames(candidates);
  const minArticles = settings.minArticles ?? autoMinArticles(rows.length);
  const text = (id: number) => dictionary.textOf(id);
  // In key order, so which of two clashing slugs gets the `-2` does not move as articles come and go.
  const chosen = [...candidates.values()]
    .filter((entry) => entry.tagged || entry.prominent >= minArticles)
    .map((entry) => ({ entry, keyText: text(entry.key) }))
    .sort((a, b) => (a.keyText < b.keyText ? -1 : a.keyText > b.keyText ? 1 : 0));
  const slugs = new Set<string>();
  const listed: { topic: Topic; mentions: number; tagged: boolean }[][] = rows.map(() => []);
  const topics = chosen.map(({ entry }): Topic => {
    const label = mostCommon(entry.labels, text);
    const topic: Topic = {
      key: entry.key,
      slug: uniqueSlug(deriveSlug(label, label), slugs),
      label,
      kind: entry.tagged && entry.kinds.every((count) => count === 0) ? 'subject' : kindOf(entry.kinds),
      members: [...entry.articles.keys()].sort((a, b) => a - b),
    };
    for (const [position, mentions] of entry.articles) listed[position]!.push({ topic, mentions, tagged: entry.taggedIn.has(position) });
    return topic;
  });
  const collator = new Intl.Collator(settings.language, { sensitivity: 'base', numeric: true });
  const byLabel = (a: Topic, b: Topic) => collator.compare(a.label, b.label) || (a.slug < b.slug ? -1 : 1);
  return {
    topics: topics.sort(byLabel),
    byKey: new Map(topics.map((topic) => [topic.key, topic])),
    ofArticle: listed.map((entries) =>
      Int32Array.from(
        entries.sort((a, b) => Number(b.tagged) - Number(a.tagged) || b.mentions - a.mentions || byLabel(a.topic, b.topic)),
        ({ topic }) => topic.key,
      ),
    ),
    minArticles,
  };
}

/** A one-word person-like name that is the last word of exactly one multi-word person joins it. */
function mergeSurnames(candidates: Map<number, Candidate>): void {
  const byLastWord = new Map<number, Candidate[]>();
  for (const entry of candidates.values()) {
    if (entry.words < 2 || kindOf(entry.kinds) !== 'person') continue;
    byLastWord.set(entry.last, [...(byLastWord.get(entry.last) ?? []), entry]);
  }
  for (const entry of [...candidates.values()]) {
    if (entry.words !== 1 || entry.tagged || !['person', 'other'].includes(kindOf(entry.kinds))) continue;
    const people = byLastWord.get(entry.key);
    if (people?.length !== 1) continue;
    const person = people[0]!;
    let total = 0;
    for (const [position, mentions] of entry.articles) {
      const before = person.articles.get(position);
      person.articles.set(position, (before ?? 0) + mentions);
      if (before === undefined && mentions >= 2) person.prominent++;
      total += mentions;
    }
    person.kinds[NAME_KINDS.indexOf('person')]! += total;
    candidates.delete(entry.key);
  }
}

/** The kind a name was found as most often, a specific kind winning over `other`; ties go to the earlier of {@link NAME_KINDS}. */
function kindOf(kinds: readonly number[]): NameKind {
  let best: NameKind = 'other';
  let count = 0;
  kinds.forEach((n, kind) => {
    if (NAME_KINDS[kind] !== 'other' && n > count) [best, count] = [NAME_KINDS[kind]!, n];
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
