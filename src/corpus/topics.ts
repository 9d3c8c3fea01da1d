import { NAME_FIELDS, NAME_KINDS, TAG_FIELDS } from '../archive/row.ts';
import type { ArchiveRows, Column } from '../archive/rows.ts';
import { isGenericInstitution, type NameKind } from '../derive/names.ts';
import { NEWS_AGENCIES } from '../derive/name-words.ts';
import { deriveSlug } from '../derive/slug.ts';
import type { Dictionary } from './dictionary.ts';
import { NameCounts, type LabelCounts, type NamedIn } from './name-counts.ts';

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

/**
 * What a build keeps of each topic for the next, A–Z: key, slug, label, kind, the label's
 * dictionary id, the key's text and the slug before it was made unique. With it, the next build
 * looks up no text and slugs nothing for the topics that kept their label.
 */
export type StoredTopic = [key: number, slug: string, label: string, kind: TopicKind, labelId: number, keyText: string, baseSlug: string];

export interface Topics {
  /** Topics with pages, A–Z by label. */
  topics: Topic[];
  byKey: ReadonlyMap<number, Topic>;
  /** Each article's topic keys, by its position: its tags first, then most mentioned first. */
  ofArticle: Column;
  /** The threshold that was applied (see {@link autoMinArticles}). */
  minArticles: number;
  /** What the next build is given back (see {@link StoredTopic}). */
  stored: StoredTopic[];
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

/** What a build knows of the last build's topics when it updates them. */
export interface PreviousTopics {
  /** Its topics (see {@link StoredTopic}). */
  stored: readonly StoredTopic[];
  /** The threshold it applied. */
  minArticles: number;
  /** Whether its settings were these (the same language orders topics alike); if not, everything is decided again. */
  sameSettings: boolean;
}

export interface TopicInput {
  /** The archive now; rows not in `changed` carry the topic lists the last build made. */
  rows: ArchiveRows;
  /** The names and tags of the article at a position (read from the store for an unchanged article). */
  names: (position: number) => NamedIn;
  /** The name counts now (see `NameCounts.settle`), and the keys changed since the last build. */
  counts: NameCounts;
  touched: ReadonlySet<number>;
  /** A key's label counts now. */
  labels: (key: number) => ReadonlyMap<number, number>;
  dictionary: Pick<Dictionary, 'textOf'>;
  settings: TopicSettings;
  /** Absent on a clean build. */
  previous?: PreviousTopics;
  /** Positions of the rows that are new or changed (their lists are made), or every row. */
  changed: ReadonlySet<number> | 'all';
}

/**
 * Topics from the names found in each article and the front-matter tags. Names are merged by
 * key across articles (`Russia.`/`Russia`, `U.S.`/`US`) and a one-word name into the one person
 * whose surname it is (`Zelenskyy`). A name becomes a topic when it is prominent (named twice, or
 * in the first paragraph) in at least `minArticles` articles; a tag always does. A body every
 * country has, named without its country (`Finance Ministry`), does not (see {@link isGeneric}).
 *
 * Decided from the archive's {@link NameCounts}, sums that an update changes by what its articles
 * name. Only the keys whose counts changed — and the surnames and people joined to them — are
 * decided again (all of them on a clean build or when the threshold moves); the others are the
 * last build's topics. An article's list of topics is made again only when it changed, or when one
 * of its names became or stopped being a topic, joined or left a person, or its topic was renamed;
 * the others keep the last build's. The result is what a clean build of the same archive computes.
 */
export function collectTopics(input: TopicInput): Topics {
  const { rows, counts, previous } = input;
  const minArticles = input.settings.minArticles ?? autoMinArticles(rows.length);
  const everything = previous === undefined || !previous.sameSettings || previous.minArticles !== minArticles;
  const was = new Map((previous?.stored ?? []).map((topic) => [topic[0], topic]));
  // The keys decided again, their merges and whether each is a topic now.
  const decided = new Map<number, { into: number; topic: boolean }>();
  for (const key of everything ? counts.keys() : reach(counts, input.touched)) {
    const into = counts.mergedInto(key);
    const prominent = counts.present(key) > 0 && into === -1 && (counts.tagged(key) > 0 || mergedProminent(counts, key) >= minArticles);
    decided.set(key, { into, topic: prominent && (counts.tagged(key) > 0 || !isGeneric(key, input.dictionary)) });
  }
  const chosen = new Set(everything ? [] : was.keys());
  for (const [key, { topic }] of decided) {
    if (topic) chosen.add(key);
    else chosen.delete(key);
  }
  const named = nameTopics([...chosen], counts, decided, input);
  const rank = new Map(named.map((topic, at) => [topic.key, at]));
  const into = (key: number) => decided.get(key)?.into ?? counts.recordedMerge(key);
  const lists = new Map<number, Int32Array>();
  for (const position of listsToMake(input, decided, chosen, named, was)) lists.set(position, topicsOf(input.names(position), into, chosen, rank));
  for (const [key, { into }] of decided) counts.recordMerge(key, into);
  const ofArticle = rows.topics.patched(lists);
  const byKey = new Map<number, Topic>();
  for (const topic of named) byKey.set(topic.key, { key: topic.key, slug: topic.slug, label: topic.label, kind: topic.kind, members: [] });
  for (let position = 0; position < rows.length; position++) {
    for (let at = ofArticle.start[position]!, end = ofArticle.start[position + 1]!; at < end; at++) byKey.get(ofArticle.data[at]!)!.members.push(position);
  }
  return {
    topics: [...byKey.values()],
    byKey,
    ofArticle,
    minArticles,
    stored: named.map((topic) => [topic.key, topic.slug, topic.label, topic.kind, topic.labelId, topic.keyText, topic.baseSlug]),
  };
}

/** The topics of `rows` computed from nothing: what a clean build does, and what every update must equal. */
export function topicsFromScratch(rows: ArchiveRows, names: (position: number) => NamedIn, dictionary: Pick<Dictionary, 'textOf'>, settings: TopicSettings): Topics {
  const counts = new NameCounts();
  const labels = new Map<number, LabelCounts>();
  const labelsOf = (key: number) => labels.get(key) ?? labels.set(key, new Map()).get(key)!;
  for (let position = 0; position < rows.length; position++) counts.apply(names(position), 1, labelsOf);
  const touched = counts.settle();
  return collectTopics({ rows, names, counts, touched, labels: labelsOf, dictionary, settings, changed: 'all' });
}

/**
 * The keys whose merge or topic can differ after `touched` changed: those keys; the last word of
 * each multi-word one (its people changed); and the person each one-word key joined, by the last
 * decision or now (the surname's articles count for that person).
 */
function reach(counts: NameCounts, touched: ReadonlySet<number>): Set<number> {
  const keys = new Set(touched);
  for (const key of touched) if (counts.words(key) >= 2) keys.add(counts.last(key));
  for (const key of [...keys]) {
    for (const person of [counts.recordedMerge(key), counts.mergedInto(key)]) if (person !== -1) keys.add(person);
  }
  return keys;
}

/**
 * Whether a key names a body every country has without its country (`Finance Ministry`, `Reserve
 * Bank`): one topic for it would lump the countries' together. Named with its country
 * (`Finance Ministry (Japan)`, see `findNames`), it is a topic like any other; a tag always is.
 * A news agency is a source, not a subject (`Tanjug`, see `NEWS_AGENCIES`).
 */
function isGeneric(key: number, dictionary: Pick<Dictionary, 'textOf'>): boolean {
  const text = dictionary.textOf(key);
  return NEWS_AGENCIES.has(text) || isGenericInstitution(text.split(' ').map((lower) => ({ lower })));
}

/** Articles prominent for a key, counting those where its surname alone is named twice. */
function mergedProminent(counts: NameCounts, key: number): number {
  const surname = counts.last(key);
  const joined = counts.words(key) >= 2 && counts.mergedInto(surname) === key;
  return counts.prominent(key) + (joined ? counts.twice(surname) - counts.both(key) : 0);
}

/** Mentions by kind, counting those of a joined surname as the person's. */
function mergedKinds(counts: NameCounts, key: number): number[] {
  const kinds = [0, 1, 2, 3].map((kind) => counts.kind(key, kind));
  const surname = counts.last(key);
  if (counts.words(key) >= 2 && counts.mergedInto(surname) === key) for (let kind = 0; kind < 4; kind++) kinds[PERSON]! += counts.kind(surname, kind);
  return kinds;
}

/**
 * The rows whose topic lists are made: all on a clean build or with other settings; else the
 * changed rows and every row naming a key that became or stopped being a topic, joined or left a
 * person, or whose topic was renamed.
 */
function listsToMake(
  input: TopicInput,
  decided: ReadonlyMap<number, { into: number }>,
  chosen: ReadonlySet<number>,
  named: readonly NamedTopic[],
  was: ReadonlyMap<number, StoredTopic>,
): Iterable<number> {
  const { rows, previous, changed, counts } = input;
  if (changed === 'all' || previous === undefined || !previous.sameSettings) return range(rows.length);
  const renamed = new Set<number>();
  for (const topic of named) {
    const before = was.get(topic.key);
    if (before !== undefined && (before[1] !== topic.slug || before[2] !== topic.label)) renamed.add(topic.key);
  }
  const topicChanged = (key: number) => chosen.has(key) !== was.has(key) || renamed.has(key);
  // A name whose merge changed, or whose topic (its own, or its person's) came, went or was renamed.
  // Every key such a topic reaches was decided again (see `reach`), so only those are looked at.
  const moved = new Set<number>();
  for (const [key, { into }] of decided) {
    if (into !== counts.recordedMerge(key) || topicChanged(into === -1 ? key : into)) moved.add(key);
  }
  const make = new Set(changed);
  if (moved.size === 0) return make;
  // Rare (a name crossed the threshold): every article's names are read.
  for (let position = 0; position < rows.length; position++) {
    if (make.has(position)) continue;
    const { names, tags } = input.names(position);
    let hit = false;
    for (let at = 0; at < names.length && !hit; at += NAME_FIELDS) hit = moved.has(names[at]!);
    for (let at = 0; at < tags.length && !hit; at += TAG_FIELDS) hit = moved.has(tags[at]!);
    if (hit) make.add(position);
  }
  return make;
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

/**
 * An article's topic keys: each topic its names or tags reach (a surname reaches its person), its
 * tags first, then the most mentioned (a tag alone counting one), then A–Z (`rank`).
 */
function topicsOf(article: NamedIn, into: (key: number) => number, isTopic: ReadonlySet<number>, rank: ReadonlyMap<number, number>): Int32Array {
  const { names, tags } = article;
  // Per key found in the article: its mentions, and whether it is a tag here.
  const found = new Map<number, { mentions: number; tagged: boolean }>();
  for (let at = 0; at < names.length; at += NAME_FIELDS) {
    const key = names[at]!;
    const mentions = names[at + 3]! >>> 7;
    const seen = found.get(key);
    if (seen) seen.mentions += mentions;
    else found.set(key, { mentions, tagged: false });
  }
  for (let at = 0; at < tags.length; at += TAG_FIELDS) {
    const key = tags[at]!;
    const seen = found.get(key);
    if (seen) seen.tagged = true;
    else found.set(key, { mentions: 1, tagged: true });
  }
  const entries = new Map<number, { key: number; mentions: number; tagged: number }>();
  for (const [key, { mentions, tagged }] of found) {
    const merged = into(key);
    const topic = merged === -1 ? key : merged;
    if (!isTopic.has(topic)) continue;
    const ownTag = topic === key && tagged ? 1 : 0;
    const entry = entries.get(topic);
    if (entry) {
      entry.mentions += mentions;
      entry.tagged |= ownTag;
    } else entries.set(topic, { key: topic, mentions, tagged: ownTag });
  }
  const sorted = [...entries.values()].sort((a, b) => b.tagged - a.tagged || b.mentions - a.mentions || rank.get(a.key)! - rank.get(b.key)!);
  return Int32Array.from(sorted, (entry) => entry.key);
}

interface NamedTopic {
  key: number;
  slug: string;
  label: string;
  kind: TopicKind;
  labelId: number;
  keyText: string;
  baseSlug: string;
}

/**
 * The chosen keys as topics, A–Z: each labelled with its most used label, slugged (unique; the
 * `-2` goes to the later key, so a slug does not move as articles come and go) and kinded. A
 * topic whose label counts did not change keeps its label; when all are the last build's topics
 * with their labels, its slugs and order are kept too.
 */
function nameTopics(chosen: readonly number[], counts: NameCounts, decided: ReadonlyMap<number, unknown>, input: TopicInput): NamedTopic[] {
  const stored = input.previous?.stored ?? [];
  const before = new Map(stored.map((topic) => [topic[0], topic]));
  const text = (id: number) => input.dictionary.textOf(id);
  const picked = chosen.map((key) => {
    const was = before.get(key);
    const labelId = was !== undefined && !input.touched.has(key) ? was[4] : mostCommon(input.labels(key), text);
    // A kind moves only with the key's counts (or its surname's): those keys were decided again.
    let kind: TopicKind;
    if (was !== undefined && !decided.has(key)) kind = was[3];
    else {
      const kinds = mergedKinds(counts, key);
      kind = counts.tagged(key) > 0 && kinds.every((n) => n === 0) ? 'subject' : kindOf(kinds);
    }
    return { key, labelId, kind, was };
  });
  if (input.previous?.sameSettings && picked.length === stored.length && picked.every(({ labelId, was }) => was !== undefined && was[4] === labelId)) {
    // The same topics with the same labels: the same slugs and order; only kinds can move.
    const kindOfKey = new Map(picked.map(({ key, kind }) => [key, kind]));
    return stored.map(([key, slug, label, , labelId, keyText, baseSlug]) => ({ key, slug, label, kind: kindOfKey.get(key)!, labelId, keyText, baseSlug }));
  }
  const named = picked.map(({ key, labelId, kind, was }) => {
    const label = was?.[4] === labelId ? was[2] : text(labelId);
    return { key, labelId, kind, label, keyText: was?.[5] ?? text(key), baseSlug: was?.[4] === labelId ? was[6] : deriveSlug(label, label), slug: '' };
  });
  // In key order, so which of two clashing slugs gets the `-2` does not move as articles come and go.
  const taken = new Set<string>();
  for (const topic of [...named].sort((a, b) => (a.keyText < b.keyText ? -1 : a.keyText > b.keyText ? 1 : 0))) topic.slug = uniqueSlug(topic.baseSlug, taken);
  const collator = new Intl.Collator(input.settings.language, { sensitivity: 'base', numeric: true });
  return named.sort((a, b) => collator.compare(a.label, b.label) || (a.slug < b.slug ? -1 : 1));
}

/**
 * The kind a name was found as most often, a specific kind winning over `other` unless it was
 * found so in fewer than {@link MIN_KIND_SHARE} of the mentions (`White House` taken for a person
 * twice in 90 is not a person); ties go to the earlier of {@link NAME_KINDS}.
 */
function kindOf(kinds: readonly number[]): NameKind {
  let best: NameKind = 'other';
  let count = 0;
  let total = 0;
  kinds.forEach((n, kind) => {
    total += n;
    if (kind !== OTHER && n > count) [best, count] = [NAME_KINDS[kind]!, n];
  });
  return count >= total * MIN_KIND_SHARE ? best : 'other';
}

const MIN_KIND_SHARE = 0.2;

/** The label used most; ties go to the longer (fuller) form, then the alphabetically first. Text is read only to break a tie. */
function mostCommon(labels: ReadonlyMap<number, number>, text: (id: number) => string): number {
  let most = 0;
  const tied: number[] = [];
  for (const [id, count] of labels) {
    if (count > most) {
      most = count;
      tied.length = 0;
    }
    if (count === most) tied.push(id);
  }
  if (tied.length === 1) return tied[0]!;
  return tied
    .map((id) => ({ id, label: text(id) }))
    .sort((a, b) => b.label.length - a.label.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))[0]!.id;
}

function uniqueSlug(slug: string, taken: Set<string>): string {
  let unique = slug;
  for (let n = 2; taken.has(unique); n++) unique = `${slug}-${n}`;
  taken.add(unique);
  return unique;
}
