import type { ArchiveRows } from '../archive/rows.ts';

export interface RelatedSettings {
  /** Related articles per article, at most. */
  limit: number;
  /** Neighbours looked at on either side in each feature's list (see {@link relatedOf}). */
  window: number;
  /**
   * The level (log₂(N′ / df), see {@link featureWeight}) up to which a feature is common and counts
   * for nothing: with 5, a term or topic that more than 1 article in 32 has (`board`, `dividend`,
   * `shr`, a month, `United States`); see {@link commonLevelOf} for small archives. Above it, a
   * shared feature scores its level less this.
   */
  commonLevel: number;
  /** Shared features that score (rarer than `commonLevel`) two articles must have, at least. */
  minShared: number;
  /**
   * What they score together must be at least this many times what one feature that only the two
   * of them have scores (log₂ N′ − 1 − `commonLevel`): so the bar moves with the archive's size,
   * 12 at 19,043 articles (N′ = 32,768), 4 at 301, 14⅔ at 100,000 — see {@link scoreNeeded}.
   */
  minScore: number;
  /**
   * A topic scores this many times what a term of the same rarity does. 1: an article's topics are
   * every site topic it names, even once, so a shared topic is no stronger a sign than a rare word
   * (with 2, a Dutch company's outlook was related to five stories naming the same countries;
   * judged over 50 articles, see `bench/related-judgements.md`).
   */
  topicFactor: number;
}

export const RELATED_DEFAULTS: RelatedSettings = { limit: 5, window: 30, commonLevel: 5, minShared: 2, minScore: 4 / 3, topicFactor: 1 };

/**
 * The level up to which a feature is common in an archive of `articles`: `commonLevel`, or lower
 * in an archive of under 256, where a feature that at most 8 articles have is still rare.
 */
export function commonLevelOf(articles: number, settings: RelatedSettings = RELATED_DEFAULTS): number {
  return Math.min(settings.commonLevel, Math.log2(archiveScale(articles)) - 3);
}

/** The score two articles of an archive of `articles` must reach to be related (see {@link RelatedSettings.minScore}). */
export function scoreNeeded(articles: number, settings: RelatedSettings = RELATED_DEFAULTS): number {
  return settings.minScore * Math.max(1, Math.log2(archiveScale(articles)) - 1 - commonLevelOf(articles, settings));
}

/**
 * A feature's weight (its level): its rarity, log₂(N′ / df), in steps of half a bit. N′ is the
 * article count rounded up to a power of two. The steps keep weights — and so every article's
 * related list — from moving each time one article is added: a weight changes only when its
 * feature's article count crosses a step (every ~40% more articles) or the archive doubles, and
 * only then are the lists of the articles that have it computed again.
 */
export function featureWeight(df: number, articles: number): number {
  const scale = archiveScale(articles);
  return Math.floor(2 * Math.log2(scale / df)) / 2;
}

/** N′ of {@link featureWeight}: the article count rounded up to a power of two. */
export function archiveScale(articles: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(articles, 1)));
}

/** An article's topic keys and key terms, each as one number (topics odd, terms even). */
export function featuresOf(topics: ArrayLike<number>, terms: ArrayLike<number>): Int32Array {
  // An article's topics are distinct, and so are its terms; odd and even never meet.
  const features = new Int32Array(topics.length + terms.length);
  for (let at = 0; at < topics.length; at++) features[at] = topics[at]! * 2 + 1;
  for (let at = 0; at < terms.length; at++) features[topics.length + at] = terms[at]! * 2;
  return features;
}

/**
 * Every feature's list of the articles that have it, in archive order (compressed sparse rows),
 * and its weight. Built from all rows in one pass of typed arrays.
 */
export interface FeatureIndex {
  rows: ArchiveRows;
  /** Feature → its index in `start`/`levels`, or -1 when no article has it. */
  slot: Int32Array;
  /** Features with a slot. */
  slots: number;
  /** Postings of slot s: `postings[start[s] .. start[s + 1])`, positions ascending. */
  start: Int32Array;
  postings: Int32Array;
  /** Each slot's level (its feature's rarity, {@link featureWeight}), and whether it is a topic (1). */
  levels: Float64Array;
  topic: Uint8Array;
  /** Each article's feature slots: article i's are `own[ownStart[i] .. ownStart[i + 1])`. */
  own: Int32Array;
  ownStart: Int32Array;
}

/** Every feature's postings, in typed arrays indexed by feature (features are dictionary ids, so dense). */
export function featureIndex(rows: ArchiveRows): FeatureIndex {
  const { topics, terms } = rows;
  const count = rows.length;
  const own = new Int32Array(topics.data.length + terms.data.length);
  const ownStart = new Int32Array(count + 1);
  // Each article's features in place (topics odd, terms even), and the largest.
  let fill = 0;
  let largest = -1;
  for (let position = 0; position < count; position++) {
    for (let at = topics.start[position]!, end = topics.start[position + 1]!; at < end; at++) {
      const feature = topics.data[at]! * 2 + 1;
      own[fill++] = feature;
      if (feature > largest) largest = feature;
    }
    for (let at = terms.start[position]!, end = terms.start[position + 1]!; at < end; at++) {
      const feature = terms.data[at]! * 2;
      own[fill++] = feature;
      if (feature > largest) largest = feature;
    }
    ownStart[position + 1] = fill;
  }
  // Slots in order of first use, and each article's features replaced by their slots.
  const slot = new Int32Array(largest + 1).fill(-1);
  const features = new Int32Array(largest + 1);
  let slots = 0;
  for (let at = 0; at < fill; at++) {
    const feature = own[at]!;
    let s = slot[feature]!;
    if (s === -1) {
      s = slot[feature] = slots;
      features[slots++] = feature;
    }
    own[at] = s;
  }
  const start = new Int32Array(slots + 1);
  for (let at = 0; at < fill; at++) start[own[at]! + 1]!++;
  for (let s = 0; s < slots; s++) start[s + 1]! += start[s]!;
  const next = start.slice(0, slots);
  const postings = new Int32Array(fill);
  for (let position = 0; position < count; position++) {
    for (let at = ownStart[position]!, end = ownStart[position + 1]!; at < end; at++) postings[next[own[at]!]!++] = position;
  }
  const levels = new Float64Array(slots);
  const topic = new Uint8Array(slots);
  for (let s = 0; s < slots; s++) {
    topic[s] = features[s]! % 2;
    levels[s] = featureWeight(start[s + 1]! - start[s]!, count);
  }
  return { rows, slot, slots, start, postings, levels, topic, own, ownStart };
}

/**
 * Up to `limit` related articles of the article at `position`, best first, newer first on equal
 * scores; fewer, or none, rather than unrelated ones. Two articles are related when they share
 * rare features — topics (names the site has a page for) and key terms — and enough of them: at
 * least `minShared` features rarer than `commonLevel`, each scoring its level above it (a topic
 * `topicFactor` times that), together at least {@link scoreNeeded}. At 19,043 articles that is 12:
 * a company's name and its town (`armtek`, `armstrong`), a topic and two uncommon words
 * (`Richard Lyng`, `lyng`, `soybean`), or four fairly rare words. Words that more than 1 article
 * in 32 has count for nothing, however many two articles share, so dividend notices and earnings
 * tables are not related by their form, a lone article matches nothing, and a topic named in
 * passing by very many articles (`United States`) relates none of them.
 *
 * The article is compared only with the `window` articles nearest to it in each of its rare
 * features' lists: a rare feature's list is read (nearly) whole, a longer one only near the
 * article's own date, which in a news archive is where related stories are. So the work is
 * O(F · W) per article and O(N · F · W) for the archive, linear in its size; F is at most its 16
 * terms and its topics, and the common ones, often most of them, are skipped. Pure.
 */
export function relatedOf(index: FeatureIndex, position: number, settings: RelatedSettings = RELATED_DEFAULTS, scratch = new Scratch(index.rows.length)): number[] {
  const { start, postings, levels, topic, own, ownStart } = index;
  const { scores, shared, touched } = scratch;
  const common = commonLevelOf(index.rows.length, settings);
  const needed = scoreNeeded(index.rows.length, settings);
  for (let slotAt = ownStart[position]!, slotEnd = ownStart[position + 1]!; slotAt < slotEnd; slotAt++) {
    const s = own[slotAt]!;
    const excess = levels[s]! - common;
    if (excess <= 0) continue;
    const weight = topic[s] === 1 ? excess * settings.topicFactor : excess;
    const from = start[s]!;
    const to = start[s + 1]!;
    const at = lowerBound(postings, from, to, position);
    for (let i = Math.max(from, at - settings.window), end = Math.min(to, at + settings.window + 1); i < end; i++) {
      const other = postings[i]!;
      if (other === position) continue;
      if (shared[other] === 0) touched.push(other);
      scores[other]! += weight;
      shared[other]!++;
    }
  }
  // Newer first on equal scores: positions follow the archive order, dates first.
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a > b);
  const best: number[] = [];
  for (const other of touched) {
    if (shared[other]! >= settings.minShared && scores[other]! >= needed && (best.length < settings.limit || before(other, best.at(-1)!))) {
      let at = best.length;
      while (at > 0 && before(other, best[at - 1]!)) at--;
      best.splice(at, 0, other);
      if (best.length > settings.limit) best.pop();
    }
  }
  for (const other of touched) {
    scores[other] = 0;
    shared[other] = 0;
  }
  touched.length = 0;
  return best;
}

/** Reusable per-article working arrays for {@link relatedOf}. */
export class Scratch {
  readonly scores: Float64Array;
  readonly shared: Uint16Array;
  readonly touched: number[] = [];
  constructor(size: number) {
    this.scores = new Float64Array(size);
    this.shared = new Uint16Array(size);
  }
}

/**
 * The articles whose related lists can differ after some articles changed: the changed ones, the
 * articles within reach of where each changed article was or now is in each of its features'
 * lists (their windows gained or lost it, and an article at the window's edge), and every article
 * with a feature whose weight moved a step. `changed` gives each changed article's old and new
 * order and features (absent when it did not exist before, or does not now). Every other
 * article's related list is as before. When the archive's scale (N′) moved, every list can
 * differ: then `'all'`.
 */
export function affectedByChanges(
  index: FeatureIndex,
  changed: readonly { before?: { order: string; features: ArrayLike<number> }; after?: { order: string; features: ArrayLike<number> } }[],
  articlesBefore: number,
  settings: RelatedSettings = RELATED_DEFAULTS,
): Set<number> | 'all' {
  const { rows, slot, start, postings } = index;
  if (archiveScale(articlesBefore) !== archiveScale(rows.length)) return 'all';
  const affected = new Set<number>();
  const dfDelta = new Map<number, number>();
  const reach = settings.window + 1;
  for (const { before, after } of changed) {
    for (const [version, sign] of [[before, -1], [after, 1]] as const) {
      if (version === undefined) continue;
      for (const feature of Array.from(version.features)) {
        dfDelta.set(feature, (dfDelta.get(feature) ?? 0) + sign);
        const s = feature < slot.length ? slot[feature]! : -1;
        if (s === -1) continue; // no article has it any more
        const from = start[s]!;
        const to = start[s + 1]!;
        const at = lowerBoundByOrder(postings, from, to, rows, version.order);
        for (let i = Math.max(from, at - reach), end = Math.min(to, at + reach + 1); i < end; i++) affected.add(postings[i]!);
      }
    }
  }
  for (const [feature, delta] of dfDelta) {
    const s = feature < slot.length ? slot[feature]! : -1;
    if (s === -1 || delta === 0) continue;
    const df = start[s + 1]! - start[s]!;
    if (featureWeight(df, rows.length) !== featureWeight(df - delta, articlesBefore)) {
      for (let i = start[s]!; i < start[s + 1]!; i++) affected.add(postings[i]!);
    }
  }
  return affected;
}

/** The first position in `list[from..to)` holding a value ≥ `value` (the list ascends). */
function lowerBound(list: Int32Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function lowerBoundByOrder(list: Int32Array, from: number, to: number, rows: ArchiveRows, order: string): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows.orders[list[middle]!]! < order) low = middle + 1;
    else high = middle;
  }
  return low;
}
