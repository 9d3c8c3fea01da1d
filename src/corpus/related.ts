import type { ArchiveRows } from '../archive/rows.ts';

export interface RelatedSettings {
  /** Related articles per article, at most. */
  limit: number;
  /**
   * A feature's list of up to 2 · `window` + 1 articles is read whole; in a longer one, only the
   * `window` articles on either side of the article (see {@link relatedOf}).
   */
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
  /**
   * Two articles that share no topic must score this many times {@link scoreNeeded}: related
   * articles share a topic, or a strong set of rare terms. With 1.25 (15 at 19,043 articles), a
   * few words typical of one kind of story (`narrowed`, `recorded`, `surplus`; `patent`,
   * `infringement`, `suit`) no longer relate two balance-of-payments reports or two companies'
   * patent suits (see `bench/related-judgements.md`).
   */
  termsOnlyFactor: number;
}

export const RELATED_DEFAULTS: RelatedSettings = { limit: 5, window: 30, commonLevel: 5, minShared: 2, minScore: 4 / 3, topicFactor: 1, termsOnlyFactor: 1.25 };

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
  /** Each article's date as a day number, and a hash of its set of slots (see {@link isDuplicate}). */
  days: Int32Array;
  fingerprint: Int32Array;
  /** Each article's headline hash (the rows' `story`). */
  story: Int32Array;
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
  const days = new Int32Array(count);
  const fingerprint = new Int32Array(count);
  for (let position = 0; position < count; position++) {
    const date = rows.orders[position]!;
    days[position] = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
    // A sum of mixed slots: the same for the same set in any order.
    let hash = 0;
    for (let at = ownStart[position]!, end = ownStart[position + 1]!; at < end; at++) hash = (hash + Math.imul(own[at]! ^ 0x5bd1e995, 0x9e3779b1)) | 0;
    fingerprint[position] = hash;
  }
  const story = Int32Array.from({ length: count }, (_, position) => rows.story.at(position)[0] ?? 0);
  return { rows, slot, slots, start, postings, levels, topic, own, ownStart, days, fingerprint, story };
}

/**
 * Whether two articles are one story sent twice: the same topics and key terms, common ones too,
 * and dates at most a day apart. The rows hold no text; the key terms are an article's 16 most
 * frequent words, so the same text always gives the same features. On Reuters, 303 pairs of
 * articles have the same text: all have the same features, 261 the same date and the others are
 * mostly a day apart (the wire sent the story again the next day). Among the pairs with the same
 * features that would be related, 79 of the 83 a day apart are the same text or nearly (a
 * spelling fixed, a ticker added; 4 are consecutive days of a daily report: Treasury balances, the
 * lira's rate), while two days apart most (23 of 29) are days of a report series: so not more
 * than a day. A re-send with paragraphs added has other key terms: it is caught by its headline
 * (the same words), as a correction or an update of the story is.
 */
export function isDuplicate(index: FeatureIndex, a: number, b: number): boolean {
  const { own, ownStart, days, fingerprint, story } = index;
  // The same headline: a shorter or longer re-send, a correction, an update of the story — or a
  // report series whose headline leaves out the figures, which a reader cannot tell apart either.
  if (story[a] === story[b] && story[a] !== 0) return true;
  if (fingerprint[a] !== fingerprint[b] || Math.abs(days[a]! - days[b]!) > 1) return false;
  const from = ownStart[a]!;
  const size = ownStart[a + 1]! - from;
  const otherFrom = ownStart[b]!;
  if (ownStart[b + 1]! - otherFrom !== size) return false;
  // Sets of at most a few dozen slots, each slot once: every one of a's among b's.
  outer: for (let at = from; at < from + size; at++) {
    for (let other = otherFrom; other < otherFrom + size; other++) if (own[other] === own[at]) continue outer;
    return false;
  }
  return true;
}

/**
 * Up to `limit` related articles of the article at `position`, best first, newer first on equal
 * scores; fewer, or none, rather than unrelated ones. Two articles are related when they share
 * rare features — topics (names the site has a page for) and key terms — and enough of them: at
 * least `minShared` features rarer than `commonLevel`, each scoring its level above it (a topic
 * `topicFactor` times that), together at least {@link scoreNeeded}, or {@link RelatedSettings.termsOnlyFactor}
 * times that when they share no topic. At 19,043 articles that is 12 with a topic (`Richard Lyng`,
 * `lyng`, `soybean`) and 15 without: a company's name and its town (`armtek`, `armstrong`), or
 * four or five fairly rare words. Words that more than 1 article in 32 has count for nothing,
 * however many two articles share, so dividend notices and earnings tables are not related by
 * their form, a lone article matches nothing, and a topic named in passing by very many articles
 * (`United States`) relates none of them. A duplicate of the article (see {@link isDuplicate}) is
 * not related to it, and a list holds one copy of a story sent twice.
 *
 * A rare feature counts wherever the two articles are; a fairly common one only near the article.
 * A feature's list of up to 2 · `window` + 1 articles (at 19,043 articles, level 9 and above) is
 * read whole; of a longer one, only the `window` articles either side of the article, near its
 * date, where in a news archive the same story is. So the words of a kind of story (`patent`,
 * `infringement`) count between two articles of the same weeks, not between any two of the year.
 * Scoring every shared feature in full was tried (`bench/related-judgements.md`): it lists
 * Henley's stake in Santa Fe Southern Pacific a month apart, but more pairs of one kind of story
 * months apart — precision 0.727 against 0.775 — and costs 2 to 3 times as much. The work is
 * O(F · W) per article, O(N · F · W) for the archive, linear in its size: F is at most its 16
 * terms and its topics, and the common ones, often most of them, are skipped. Pure.
 */
export function relatedOf(index: FeatureIndex, position: number, settings: RelatedSettings = RELATED_DEFAULTS, scratch = new Scratch(index.rows.length)): number[] {
  const { start, postings, levels, topic, own, ownStart } = index;
  const { scores, shared, topics, touched } = scratch;
  const common = commonLevelOf(index.rows.length, settings);
  const needed = scoreNeeded(index.rows.length, settings);
  const whole = 2 * settings.window + 1;
  const from = ownStart[position]!;
  const to = ownStart[position + 1]!;
  for (let slotAt = from; slotAt < to; slotAt++) {
    const s = own[slotAt]!;
    const excess = levels[s]! - common;
    if (excess <= 0) continue;
    const weight = topic[s] === 1 ? excess * settings.topicFactor : excess;
    let first = start[s]!;
    let end = start[s + 1]!;
    if (end - first > whole) {
      const at = lowerBound(postings, first, end, position);
      first = Math.max(first, at - settings.window);
      end = Math.min(end, at + settings.window + 1);
    }
    for (let i = first; i < end; i++) {
      const other = postings[i]!;
      if (other === position) continue;
      if (shared[other] === 0) touched.push(other);
      scores[other]! += weight;
      shared[other]!++;
      if (topic[s] === 1) topics[other] = 1;
    }
  }
  const qualified: number[] = [];
  for (const other of touched) {
    const score = scores[other]!;
    if (shared[other]! >= settings.minShared && score >= (topics[other] === 1 ? needed : needed * settings.termsOnlyFactor) && !isDuplicate(index, position, other)) qualified.push(other);
  }
  // Newer first on equal scores: positions follow the archive order, dates first.
  qualified.sort((a, b) => scores[b]! - scores[a]! || b - a);
  const best: number[] = [];
  for (const other of qualified) {
    if (best.length === settings.limit) break;
    if (!best.some((listed) => isDuplicate(index, listed, other))) best.push(other);
  }
  for (const other of touched) {
    scores[other] = 0;
    shared[other] = 0;
    topics[other] = 0;
  }
  touched.length = 0;
  return best;
}

/** Reusable per-article working arrays for {@link relatedOf}. */
export class Scratch {
  readonly scores: Float64Array;
  readonly shared: Uint16Array;
  /** 1 when the article shares a topic with this one. */
  readonly topics: Uint8Array;
  readonly touched: number[] = [];
  constructor(size: number) {
    this.scores = new Float64Array(size);
    this.shared = new Uint16Array(size);
    this.topics = new Uint8Array(size);
  }
}

/**
 * The articles whose related lists can differ after some articles changed: the changed ones, and
 * every article that found or finds a changed one among its candidates (see {@link relatedOf}) —
 * all of a feature's list when it is read whole, now or before, else the articles within reach of
 * where the changed article was or now is (their windows gained or lost it, and an article at the
 * window's edge) — and every article with a feature whose weight moved a step. `changed` gives each
 * changed article's old and new order and features (absent when it did not exist before, or does
 * not now). Every other article's related list is as before: its candidates are the same, and
 * each is scored, and judged a duplicate, from its own features and date and the article's. When
 * the archive's scale (N′) moved, every list can differ: then `'all'`.
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
  const whole = 2 * settings.window + 1;
  for (const { before, after } of changed) {
    for (const [version, sign] of [[before, -1], [after, 1]] as const) {
      if (version === undefined) continue;
      for (const feature of Array.from(version.features)) dfDelta.set(feature, (dfDelta.get(feature) ?? 0) + sign);
    }
  }
  const wholeList = new Set<number>();
  for (const [feature, delta] of dfDelta) {
    const s = feature < slot.length ? slot[feature]! : -1;
    if (s === -1) continue; // no article has it any more
    const df = start[s + 1]! - start[s]!;
    // Read whole now or before, or its weight moved a step: every article with it can differ.
    if (df <= whole || df - delta <= whole || featureWeight(df, rows.length) !== featureWeight(df - delta, articlesBefore)) wholeList.add(s);
  }
  for (const s of wholeList) for (let i = start[s]!; i < start[s + 1]!; i++) affected.add(postings[i]!);
  for (const { before, after } of changed) {
    for (const version of [before, after]) {
      if (version === undefined) continue;
      for (const feature of Array.from(version.features)) {
        const s = feature < slot.length ? slot[feature]! : -1;
        if (s === -1 || wholeList.has(s)) continue;
        const from = start[s]!;
        const to = start[s + 1]!;
        const at = lowerBoundByOrder(postings, from, to, rows, version.order);
        for (let i = Math.max(from, at - reach), end = Math.min(to, at + reach + 1); i < end; i++) affected.add(postings[i]!);
      }
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
