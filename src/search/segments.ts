/**
 * The search index as segments, the way Lucene keeps its index: several Pagefind bundles searched
 * together in the browser (`mergeIndex`). Pagefind cannot change a bundle it has written, so an
 * update indexes only the articles that are new or changed, into a new small segment, and marks
 * the old versions in older segments as dead (tombstones the search page drops). Segments of
 * about the same size are merged (indexed again as one) when there are {@link MERGE_FACTOR} of
 * them, so there are few; a segment at least half dead is indexed again without its dead.
 *
 * Tiers: a segment of n live articles is in tier ⌊log₄ n⌋ (1–3 articles: tier 0, 4–15: tier 1,
 * …). After every update each tier holds at most MERGE_FACTOR − 1 = 3 segments, so there are at
 * most 3 × 8 = 24 segments below 65,536 articles, and no merge makes one bigger than
 * {@link MAX_SEGMENT} (those full ones add one per 12,500 to 25,000 articles). Merging MERGE_FACTOR
 * segments of one tier makes one of the next, so an article is indexed again once per tier it
 * climbs: at most eight times in its life, about as many per update on average; a big merge is
 * rare and amortized over the updates that filled its tier, and the build summary shows it.
 */

/** Segments merged at once. */
export const MERGE_FACTOR = 4;
/** No merge makes a segment bigger than this (Pagefind's memory grows with the size of one index). */
export const MAX_SEGMENT = 25_000;

export type FilterCounts = Record<string, Record<string, number>>;

export interface SearchDoc {
  /** The segment holding the live version. */
  segment: string;
  /** Pagefind's id of the version (its fragment hash): what a dead version is dropped by. */
  fragment: string;
  /** `searchKey` of the indexed entry. */
  key: string;
  /** Its filter values, to take off the filter counts once it is dead. */
  filters: Record<string, string[]>;
}

export interface Segment {
  id: string;
  /** Versions indexed in it, live or dead. */
  size: number;
  /** Fragment ids of its versions that are no longer live. */
  dead: string[];
  /** The filter values of those, counted. */
  deadFilters: FilterCounts;
}

export interface SegmentPlan {
  /** The new segment (absent when nothing is to be indexed) and the articles to index in it. */
  segment?: string;
  index: string[];
  /** Segments whose articles move into the new one: their files go. */
  merged: string[];
  /** Old versions that die: the segment holding each, and the version. */
  retire: { segment: string; doc: SearchDoc }[];
}

export function tierOf(live: number): number {
  let tier = 0;
  for (let size = MERGE_FACTOR; size <= live; size *= MERGE_FACTOR) tier++;
  return tier;
}

/**
 * What an update does to the segments. `docs` holds each indexed article's live version,
 * `fresh` the articles whose entry is new or changed, `removed` the articles that went. Pure.
 */
export function planSegments(
  segments: readonly Segment[],
  index: { doc(id: string): SearchDoc | undefined; idsOf(segment: string): readonly string[] },
  fresh: readonly string[],
  removed: readonly string[],
  nextId: number,
): SegmentPlan {
  const retire: SegmentPlan['retire'] = [];
  for (const id of [...fresh, ...removed]) {
    const doc = index.doc(id);
    if (doc) retire.push({ segment: doc.segment, doc });
  }
  const dying = new Map<string, number>();
  for (const { segment } of retire) dying.set(segment, (dying.get(segment) ?? 0) + 1);
  const live = new Map(segments.map((segment) => [segment.id, segment.size - segment.dead.length - (dying.get(segment.id) ?? 0)]));
  const merged = new Set(segments.filter((segment) => live.get(segment.id)! * 2 <= segment.size).map((segment) => segment.id));
  let size = fresh.length + [...merged].reduce((sum, id) => sum + live.get(id)!, 0);
  for (;;) {
    if (size === 0) break;
    const tier = tierOf(size);
    const peers = segments.filter((segment) => !merged.has(segment.id) && tierOf(live.get(segment.id)!) === tier).sort((a, b) => live.get(a.id)! - live.get(b.id)! || (a.id < b.id ? -1 : 1));
    if (peers.length < MERGE_FACTOR - 1) break;
    let added = 0;
    for (const peer of peers) {
      if (size + live.get(peer.id)! > MAX_SEGMENT) break;
      merged.add(peer.id);
      size += live.get(peer.id)!;
      added++;
    }
    if (added === 0) break;
  }
  const retiring = new Set(retire.map(({ doc }) => doc.fragment));
  const again = [...fresh];
  for (const segment of [...merged].sort()) {
    const dead = new Set(segments.find((each) => each.id === segment)?.dead);
    for (const id of index.idsOf(segment)) {
      const doc = index.doc(id);
      // Live in this segment: its doc points here, and it is neither dead nor dying now.
      if (doc?.segment === segment && !dead.has(doc.fragment) && !retiring.has(doc.fragment)) again.push(id);
    }
  }
  return { ...(again.length > 0 ? { segment: `s${nextId}` } : {}), index: again, merged: [...merged].sort(), retire };
}

/**
 * A clean build's segments are at most this big: a bigger archive is cut into several, which a
 * build indexes at once in as many Pagefind processes as it has worker threads. It depends on the
 * archive alone, so the same articles give the same files on any machine.
 */
export const CLEAN_SEGMENT = MAX_SEGMENT / 2;

/** A clean build's segments: the articles, in archive order, cut into as few segments as {@link CLEAN_SEGMENT} allows, of even sizes. */
export function initialSegments(ids: readonly string[]): string[][] {
  const count = Math.max(1, Math.ceil(ids.length / CLEAN_SEGMENT));
  const size = Math.ceil(ids.length / count);
  const segments: string[][] = [];
  for (let start = 0; start < ids.length; start += size) segments.push(ids.slice(start, start + size));
  return segments;
}

/** Adds a dead version's filter values to `counts`. */
export function countDead(counts: FilterCounts, filters: Record<string, string[]>): void {
  for (const [name, values] of Object.entries(filters)) {
    const byValue = (counts[name] ??= {});
    for (const value of values) byValue[value] = (byValue[value] ?? 0) + 1;
  }
}
