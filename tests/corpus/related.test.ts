import { describe, expect, it } from 'vitest';
import { ArchiveRows, type RowData } from '../../src/archive/rows.ts';
import { affectedByChanges, archiveScale, featureIndex, featuresOf, featureWeight, relatedOf } from '../../src/corpus/related.ts';

/** A seeded generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rows with random terms and topics from small vocabularies, in order. */
function rows(next: () => number, count: number, offset = 0): RowData[] {
  return Array.from({ length: count }, (_, index) => {
    const pick = (vocabulary: number, size: number) => [...new Set(Array.from({ length: size }, () => Math.floor(next() * vocabulary)))];
    return { order: `1987-03-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}\u0000${String(offset + index).padStart(6, '0')}`, no: offset + index, rank: 0, authored: false, terms: pick(60, 6), topics: pick(15, 2), related: [] };
  });
}

function relatedAll(archive: ArchiveRows): string[] {
  const index = featureIndex(archive);
  return Array.from({ length: archive.length }, (_, position) => `${archive.no[position]}: ${relatedOf(index, position).map((other) => archive.no[other]).join(',')}`);
}

describe('related articles, updated', () => {
  it('weighs a feature by its rarity in half-bit steps, twice for a topic, so one more article rarely moves a weight', () => {
    expect(archiveScale(19_043)).toBe(32_768);
    expect(featureWeight(2, 19_043, false)).toBe(14);
    expect(featureWeight(2, 19_043, true)).toBe(28);
    expect(featureWeight(5000, 19_043, false)).toBe(2.5);
    expect(featureWeight(5001, 19_044, false)).toBe(featureWeight(5000, 19_043, false));
  });

  it('recomputes exactly the lists that change: after random adds, removals and edits, the affected lists are all that differ', () => {
    const next = random(7);
    let differing = 0;
    for (let trial = 0; trial < 40; trial++) {
      const before = ArchiveRows.of(rows(next, 120).sort((a, b) => (a.order < b.order ? -1 : 1)));
      // Change a few: remove some, add some, replace some with other features (same no).
      const removed = new Set(Array.from({ length: 3 }, () => Math.floor(next() * before.length)));
      const added = rows(next, 3, 1000);
      const edited = [...removed].slice(0, 1).map((at) => ({ ...rows(next, 1, 0)[0]!, order: before.orders[at]!, no: before.no[at]! }));
      const after = before.merge(removed, [...added, ...edited]);
      const beforeLists = relatedAll(before);
      const afterLists = relatedAll(after);
      const index = featureIndex(after);
      const changes = [
        ...[...removed].map((at) => ({
          before: { order: before.orders[at]!, features: featuresOf(before.topics.at(at), before.terms.at(at)) },
          ...(edited.some((row) => row.no === before.no[at]) ? { after: { order: before.orders[at]!, features: featuresOf(edited[0]!.topics, edited[0]!.terms) } } : {}),
        })),
        ...added.map((row) => ({ after: { order: row.order, features: featuresOf(row.topics, row.terms) } })),
      ];
      const affected = affectedByChanges(index, changes, before.length);
      if (affected === 'all') continue;
      // Every list that differs is among the affected ones.
      const old = new Map(beforeLists.map((line) => [line.split(':')[0], line]));
      afterLists.forEach((line, position) => {
        if (old.get(line.split(':')[0]) !== line) differing++;
        if (old.get(line.split(':')[0]) !== line) expect(affected.has(position) || added.some((row) => row.no === after.no[position]) || edited.some((row) => row.no === after.no[position]), `trial ${trial}: ${line}`).toBe(true);
      });
    }
    expect(differing).toBeGreaterThan(100); // the changes did move lists
  });

  it('treats every list as affected when the archive crosses a power of two (all weights move)', () => {
    const next = random(3);
    expect(affectedByChanges(featureIndex(ArchiveRows.of(rows(next, 129))), [], 128)).toBe('all');
    expect(affectedByChanges(featureIndex(ArchiveRows.of(rows(next, 127))), [], 126)).not.toBe('all');
  });
});
