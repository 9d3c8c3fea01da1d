import type { PlacedRecord } from '../records/record.ts';

export interface RelatedSettings {
  /** Related articles per article. */
  limit: number;
  /** Neighbours looked at on either side in each feature's list (see {@link relatedArticles}). */
  window: number;
}

export const RELATED_DEFAULTS: RelatedSettings = { limit: 5, window: 30 };

/** A shared topic counts this many times a shared word of the same rarity. */
const TOPIC_WEIGHT = 2;
/** Fewer shared features than this is chance, not relatedness. */
const MIN_SHARED = 2;

/**
 * Up to `limit` related articles for each article, by shared topics and shared key terms, each
 * weighted by its rarity (inverse document frequency), newer articles first on equal scores.
 *
 * Every feature (topic or term) has a list of the articles that have it, oldest first. An article
 * is compared only with the `window` articles nearest to it in date on either side of each of its
 * features' lists: a rare feature's list is read whole, a common one (`company`, `United States`)
 * only near the article's own date, which in a news archive is where related stories are. So the
 * work is O(N · F · W) for N articles with at most F features each and a window of W, linear in
 * the archive's size (at most 100,000 × 40 × 61 ≈ 250 million additions at 100,000 articles, in typed arrays: 16 terms and at most 24 names per article, plus tags), and memory is O(N · F).
 *
 * `topicsOf` gives an article's topic keys. Pure.
 */
export function relatedArticles(
  oldestFirst: readonly PlacedRecord[],
  topicsOf: (record: PlacedRecord) => readonly string[],
  settings: RelatedSettings = RELATED_DEFAULTS,
): Map<string, PlacedRecord[]> {
  const featureIds = new Map<string, number>();
  const postings: number[][] = [];
  const featuresOf = oldestFirst.map((record, index) => {
    const features = [...new Set([...topicsOf(record).map((key) => `t:${key}`), ...record.terms.map((term) => `w:${term}`)])];
    return features.map((feature) => {
      let id = featureIds.get(feature);
      if (id === undefined) {
        id = postings.length;
        featureIds.set(feature, id);
        postings.push([]);
      }
      postings[id]!.push(index); // indices arrive in ascending order, so every list is sorted
      return id;
    });
  });
  const weights = [...featureIds.keys()].map((feature, id) => {
    const idf = Math.log(oldestFirst.length / postings[id]!.length);
    return feature.startsWith('t:') ? TOPIC_WEIGHT * idf : idf;
  });
  const related = new Map<string, PlacedRecord[]>();
  const scores = new Float64Array(oldestFirst.length);
  const shared = new Uint16Array(oldestFirst.length);
  const touched: number[] = [];
  oldestFirst.forEach((record, index) => {
    for (const id of featuresOf[index]!) {
      const list = postings[id]!;
      const weight = weights[id]!;
      if (weight <= 0) continue;
      const at = lowerBound(list, index);
      for (let i = Math.max(0, at - settings.window), end = Math.min(list.length, at + settings.window + 1); i < end; i++) {
        const other = list[i]!;
        if (other === index) continue;
        if (shared[other] === 0) touched.push(other);
        scores[other]! += weight;
        shared[other]!++;
      }
    }
    const best: number[] = [];
    const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && (oldestFirst[a]!.date > oldestFirst[b]!.date || (oldestFirst[a]!.date === oldestFirst[b]!.date && a > b)));
    for (const other of touched) {
      if (shared[other]! >= MIN_SHARED && (best.length < settings.limit || before(other, best.at(-1)!))) {
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
    if (best.length > 0) related.set(record.id, best.map((other) => oldestFirst[other]!));
  });
  return related;
}

/** The first position in sorted `list` holding a value ≥ `value`. */
function lowerBound(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
