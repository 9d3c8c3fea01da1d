import { createHash } from 'node:crypto';

/**
 * Content-defined pagination: where a long list (the whole archive, a topic, a busy day) is cut
 * into pages, decided by the articles themselves rather than by counting from one end.
 *
 * Counted pages move whenever an article is inserted: a story added to the middle of a 19,000
 * article archive would shift every later page. Here each article has a fixed pseudo-random rank
 * (a hash of its id), and an article starts a page when its rank is the smallest among the
 * `reach` articles on either side of it. Whether an article starts a page depends only on its
 * neighbours, so adding or removing an article changes at most the pages within `reach` of it
 * (and the newest page, which the list's end bounds) — every other page keeps its articles and
 * its URL, which names its first article. The same rule on the same list always gives the same
 * pages, so an incremental build cuts pages exactly as a clean one does.
 *
 * With `reach = ⌊size / 2⌋` pages hold `reach + 1` articles at least and `2 · reach + 1` on
 * average; in a million random ranks the largest page of a 20-article setting held 77 (see the
 * tests). The first page starts with the first article; no page starts within `reach` of either
 * end, so no page is smaller than `reach + 1` unless the whole list is.
 */

/** Half the width of the window an article's rank is compared in. */
export function reachOf(size: number): number {
  return Math.floor(size / 2);
}

/** Positions at which pages start, ascending; always begins with 0 for a non-empty list. */
export function pageStarts(ranks: ArrayLike<number>, size: number): number[] {
  const count = ranks.length;
  if (count === 0) return [];
  const reach = reachOf(size);
  const starts = [0];
  for (let at = reach + 1; at <= count - 1 - reach; at++) {
    if (isLocalMinimum(ranks, at, reach)) {
      starts.push(at);
      at += reach; // no other start can be within reach of this one
    }
  }
  return starts;
}

function isLocalMinimum(ranks: ArrayLike<number>, at: number, reach: number): boolean {
  const rank = ranks[at]!;
  for (let other = at - reach; other <= at + reach; other++) {
    if (other !== at && ranks[other]! <= rank) return false;
  }
  return true;
}

/** The pages of a list as [start, end) position ranges. */
export function pageRanges(ranks: ArrayLike<number>, size: number): [number, number][] {
  const starts = pageStarts(ranks, size);
  return starts.map((start, index) => [start, starts[index + 1] ?? ranks.length]);
}

/** An article's rank for {@link pageStarts}: a fixed pseudo-random number from its id. */
export function pageRank(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0);
}
