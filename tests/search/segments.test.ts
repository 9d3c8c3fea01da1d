import { describe, expect, it } from 'vitest';
import { CLEAN_SEGMENT, initialSegments, MAX_SEGMENT, MERGE_FACTOR, planSegments, tierOf, type SearchDoc, type Segment } from '../../src/search/segments.ts';

const doc = (segment: string, fragment: string): SearchDoc => ({ segment, fragment, key: `k-${fragment}`, filters: { year: ['1987'], topic: [] } });
const segment = (id: string, size: number, dead: string[] = []): Segment => ({ id, size, dead, deadFilters: {} });

/** The docs and segment contents of a literal index: segment id → its articles' ids. */
function index(contents: Record<string, string[]>) {
  const docs = new Map<string, SearchDoc>();
  for (const [id, ids] of Object.entries(contents)) for (const article of ids) docs.set(article, doc(id, `f-${article}`));
  return { doc: (id: string) => docs.get(id), idsOf: (id: string) => contents[id] ?? [] };
}

describe('search segments', () => {
  it('puts new and changed articles in a new segment and marks the versions they replace dead', () => {
    const plan = planSegments([segment('s1', 5)], index({ s1: ['a', 'b', 'c', 'x', 'y'] }), ['b', 'd'], ['c'], 2);
    expect(plan).toEqual({ segment: 's2', index: ['b', 'd'], merged: [], retire: [{ segment: 's1', doc: doc('s1', 'f-b') }, { segment: 's1', doc: doc('s1', 'f-c') }] });
  });

  it('merges a tier once it would hold MERGE_FACTOR segments, indexing their live articles again', () => {
    const contents = { s1: ['a'], s2: ['b'], s3: ['c'], big: Array.from({ length: 500 }, (_, n) => `x${n}`) };
    const plan = planSegments([segment('s1', 1), segment('s2', 1), segment('s3', 1), segment('big', 500)], index(contents), ['d'], [], 4);
    expect(plan.merged).toEqual(['s1', 's2', 's3']);
    expect(plan.index.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(MERGE_FACTOR).toBe(4);
  });

  it('indexes a segment that is at least half dead again without its dead, and drops one wholly dead', () => {
    const contents = { s1: ['a', 'b', 'c', 'd'], s2: ['e'] };
    const plan = planSegments([segment('s1', 4, ['f-a']), segment('s2', 1)], index(contents), [], ['b', 'e'], 3);
    expect(plan.merged).toEqual(['s1', 's2']);
    expect(plan.index.sort()).toEqual(['c', 'd']);
  });

  it('does nothing to the segments when nothing changed', () => {
    expect(planSegments([segment('s1', 2)], index({ s1: ['a', 'b'] }), [], [], 2)).toEqual({ index: [], merged: [], retire: [] });
  });

  it('keeps tiers small: after any run of updates each tier holds fewer than MERGE_FACTOR segments', () => {
    let segments: Segment[] = [];
    const contents: Record<string, string[]> = {};
    const docs = new Map<string, SearchDoc>();
    let next = 1;
    let reindexed = 0;
    for (let update = 0; update < 3000; update++) {
      const fresh = [`a${update}`];
      const plan = planSegments(segments, { doc: (id) => docs.get(id), idsOf: (id) => contents[id] ?? [] }, fresh, [], next);
      const merged = new Set(plan.merged);
      segments = segments.filter((each) => !merged.has(each.id));
      if (plan.segment) {
        next++;
        contents[plan.segment] = plan.index;
        for (const id of plan.index) docs.set(id, doc(plan.segment, `f-${id}`));
        segments.push(segment(plan.segment, plan.index.length));
        reindexed += plan.index.length;
      }
      const perTier = new Map<number, number>();
      for (const each of segments) perTier.set(tierOf(each.size), (perTier.get(tierOf(each.size)) ?? 0) + 1);
      for (const count of perTier.values()) expect(count).toBeLessThan(MERGE_FACTOR);
    }
    // 3,000 one-article updates: every article indexed about once per tier it climbed, a few times in all.
    expect(segments.length).toBeLessThanOrEqual(3 * (tierOf(3000) + 1));
    expect(reindexed / 3000).toBeLessThanOrEqual(tierOf(3000) + 1);
  });

  it('cuts a clean build into segments of at most CLEAN_SEGMENT articles, of even sizes', () => {
    const ids = Array.from({ length: MAX_SEGMENT * 2 + 10 }, (_, n) => `a${n}`);
    const segments = initialSegments(ids);
    expect(CLEAN_SEGMENT).toBeLessThanOrEqual(MAX_SEGMENT);
    expect(segments.map((each) => each.length)).toEqual([10_002, 10_002, 10_002, 10_002, 10_002]);
    expect(initialSegments(ids.slice(0, CLEAN_SEGMENT)).length).toBe(1);
    expect(segments.flat()).toEqual(ids);
    expect(initialSegments([])).toEqual([]);
  });
});
