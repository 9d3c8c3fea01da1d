import { describe, expect, it } from 'vitest';
import { pageRank, pageRanges, pageStarts } from '../../src/pages/chunks.ts';

/** A seeded generator (mulberry32), so every run sees the same ranks. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const sizes = (ranges: [number, number][]) => ranges.map(([start, end]) => end - start);

describe('content-defined pages', () => {
  it('starts a page where a rank is the smallest within reach, never within reach of either end', () => {
    //               0   1   2  3   4   5  6   7   8   9
    const ranks = [50, 40, 30, 5, 60, 70, 1, 80, 90, 95];
    expect(pageStarts(ranks, 4)).toEqual([0, 3, 6]); // reach 2: 3 and 6 are minima of their windows
    expect(pageStarts(ranks.slice(0, 8), 4)).toEqual([0, 3]); // 6 is within reach of the end now
    expect(pageStarts([], 4)).toEqual([]);
    expect(pageStarts([7], 4)).toEqual([0]);
    expect(pageStarts([3, 2, 1], 1)).toEqual([0, 1, 2]); // size 1: one article a page
  });

  it('keeps every page but the ones near an insertion, and its first article', () => {
    const next = random(8);
    const ranks = Array.from({ length: 5000 }, next);
    const before = pageRanges(ranks, 20);
    const inserted = [...ranks.slice(0, 2500), next(), ...ranks.slice(2500)];
    const after = pageRanges(inserted, 20);
    // Pages wholly before the insertion are the same ranges; pages after it are the same articles, one position later.
    const shifted = after.map(([start, end]): [number, number] => (start > 2500 ? [start - 1, end - 1] : [start, end]));
    const changed = shifted.filter(([start, end]) => !before.some(([s, e]) => s === start && e === end));
    expect(changed.length).toBeLessThanOrEqual(3);
    for (const [start] of changed) expect(Math.abs(start - 2500)).toBeLessThan(80);
  });

  it('holds about 20 articles a page with a size of 20, between 11 and a few times 20', () => {
    const next = random(20261130);
    const ranks = Array.from({ length: 200_000 }, next);
    const pageSizes = sizes(pageRanges(ranks, 20));
    const mean = ranks.length / pageSizes.length;
    expect(mean).toBeGreaterThan(19);
    expect(mean).toBeLessThan(23);
    expect(Math.min(...pageSizes)).toBe(11);
    expect(Math.max(...pageSizes)).toBeLessThan(90);
  });

  it('gives each id a fixed rank', () => {
    expect(pageRank('8e7b29ad4a414b1e')).toBe(pageRank('8e7b29ad4a414b1e'));
    expect(pageRank('a')).not.toBe(pageRank('b'));
  });
});
