import { kindOf, nameKey, type NameKind } from '../derive/names.ts';
import { deriveSlug } from '../derive/slug.ts';
import type { PlacedRecord } from '../records/record.ts';

/** `subject`: a front-matter tag that no name in the texts matches. */
export type TopicKind = NameKind | 'subject';

export interface Topic {
  /** URL segment under `topics/`, unique. */
  slug: string;
  label: string;
  kind: TopicKind;
  /** Every article that names it or is tagged with it, newest first. */
  articles: PlacedRecord[];
}

export interface Topics {
  /** Topics with pages, A–Z by label. */
  topics: Topic[];
  /** An article's topics, its tags first, then most mentioned first, by article id. */
  byArticle: ReadonlyMap<string, Topic[]>;
  /** The threshold that was applied (see {@link autoMinArticles}). */
  minArticles: number;
}

export interface TopicSettings {
  /** Articles a name must be prominent in to get a topic page; absent: {@link autoMinArticles}. */
  minArticles?: number;
  language: string;
}

interface Candidate {
  key: string;
  labels: Map<string, number>;
  kinds: Map<TopicKind, number>;
  /** Article index → mentions in it. */
  articles: Map<number, number>;
  /** Articles that mention it at least twice or in the first paragraph. */
  prominent: number;
  tagged: boolean;
  /** Articles whose author tagged them with it: listed first on the article. */
  taggedIn: Set<number>;
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
 * in the first paragraph) in at least `minArticles` articles; a tag always does. Pure; linear in
 * the names found.
 */
export function collectTopics(oldestFirst: readonly PlacedRecord[], settings: TopicSettings): Topics {
  const candidates = new Map<string, Candidate>();
  const candidate = (key: string): Candidate => {
    let found = candidates.get(key);
    if (!found) candidates.set(key, (found = { key, labels: new Map(), kinds: new Map(), articles: new Map(), prominent: 0, tagged: false, taggedIn: new Set() }));
    return found;
  };
  oldestFirst.forEach((record, index) => {
    for (const name of record.names) {
      const key = nameKey(name.name);
      if (key === '') continue;
      const entry = candidate(key);
      count(entry.labels, name.name, name.mentions);
      count(entry.kinds, name.kind, name.mentions);
      entry.articles.set(index, (entry.articles.get(index) ?? 0) + name.mentions);
      if (name.mentions >= 2 || name.lede) entry.prominent++;
    }
    for (const tag of record.tags) {
      const key = nameKey(tag);
      if (key === '') continue;
      const entry = candidate(key);
      count(entry.labels, tag, 1);
      entry.tagged = true;
      entry.taggedIn.add(index);
      if (!entry.articles.has(index)) {
        entry.articles.set(index, 1);
        entry.prominent++;
      }
    }
  });
  mergeSurnames(candidates);
  const minArticles = settings.minArticles ?? autoMinArticles(oldestFirst.length);
  // In key order, so which of two clashing slugs gets the `-2` does not move as articles come and go.
  const chosen = [...candidates.values()].filter((entry) => entry.tagged || entry.prominent >= minArticles).sort((a, b) => (a.key < b.key ? -1 : 1));
  const slugs = new Set<string>();
  const byArticle = new Map<string, { topic: Topic; mentions: number; tagged: boolean }[]>();
  const topics = chosen.map((entry): Topic => {
    const label = mostCommon(entry.labels);
    const topic: Topic = {
      slug: uniqueSlug(deriveSlug(label, label), slugs),
      label,
      kind: entry.tagged && entry.kinds.size === 0 ? 'subject' : kindOf(entry.kinds),
      articles: [...entry.articles.keys()].sort((a, b) => b - a).map((index) => oldestFirst[index]!),
    };
    for (const [index, mentions] of entry.articles) {
      const id = oldestFirst[index]!.id;
      const listed = { topic, mentions, tagged: entry.taggedIn.has(index) };
      const list = byArticle.get(id);
      if (list) list.push(listed);
      else byArticle.set(id, [listed]);
    }
    return topic;
  });
  const collator = new Intl.Collator(settings.language, { sensitivity: 'base', numeric: true });
  return {
    topics: topics.sort((a, b) => collator.compare(a.label, b.label) || (a.slug < b.slug ? -1 : 1)),
    byArticle: new Map(
      [...byArticle].map(([id, entries]) => [
        id,
        entries.sort((a, b) => Number(b.tagged) - Number(a.tagged) || b.mentions - a.mentions || collator.compare(a.topic.label, b.topic.label)).map(({ topic }) => topic),
      ]),
    ),
    minArticles,
  };
}

/** A one-word person-like name that is the last word of exactly one multi-word person joins it. */
function mergeSurnames(candidates: Map<string, Candidate>): void {
  const byLastWord = new Map<string, Candidate[]>();
  for (const entry of candidates.values()) {
    const words = entry.key.split(' ');
    if (words.length < 2 || kindOf(entry.kinds) !== 'person') continue;
    const last = words.at(-1)!;
    byLastWord.set(last, [...(byLastWord.get(last) ?? []), entry]);
  }
  for (const entry of [...candidates.values()]) {
    if (entry.key.includes(' ') || entry.tagged || !['person', 'other'].includes(kindOf(entry.kinds))) continue;
    const people = byLastWord.get(entry.key);
    if (people?.length !== 1) continue;
    const person = people[0]!;
    for (const [index, mentions] of entry.articles) {
      const before = person.articles.get(index);
      person.articles.set(index, (before ?? 0) + mentions);
      if (before === undefined && mentions >= 2) person.prominent++;
    }
    count(person.kinds, 'person', [...entry.articles.values()].reduce((sum, n) => sum + n, 0));
    candidates.delete(entry.key);
  }
}

function count<K>(map: Map<K, number>, key: K, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The label used most; ties go to the longer (fuller) form, then the alphabetically first. */
function mostCommon(labels: ReadonlyMap<string, number>): string {
  return [...labels].sort(([a, m], [b, n]) => n - m || b.length - a.length || (a < b ? -1 : 1))[0]![0];
}

function uniqueSlug(slug: string, taken: Set<string>): string {
  let unique = slug;
  for (let n = 2; taken.has(unique); n++) unique = `${slug}-${n}`;
  taken.add(unique);
  return unique;
}
