import { describe, expect, it } from 'vitest';
import { rowOf } from '../../src/archive/row.ts';
import { ArchiveRows, type NamedRow } from '../../src/archive/rows.ts';
import { MemoryDictionary } from '../../src/corpus/dictionary.ts';
import { NameCounts, type LabelCounts, type NamedIn } from '../../src/corpus/name-counts.ts';
import { collectTopics, mergeTargets, topicsFromScratch, type StoredTopic, type Topics, type TopicSettings } from '../../src/corpus/topics.ts';
import type { FoundName, NameKind } from '../../src/derive/names.ts';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Names chosen to exercise merges: `Lee` has two owners (no merge), `Stone` and `Wu` one each, until `Eve Wu` appears.
const NAMES: [string, NameKind][] = [
  ['Ann Lee', 'person'],
  ['Bob Lee', 'person'],
  ['Lee', 'other'],
  ['Cara Stone', 'person'],
  ['Stone', 'person'],
  ['stone', 'other'],
  ['Dan Wu', 'person'],
  ['Wu', 'other'],
  ['Eve Wu', 'person'],
  ['Kursk', 'place'],
  ['KURSK', 'place'],
  ['Oslo', 'place'],
  ['Acme', 'organisation'],
  ['Acme Corp', 'organisation'],
];
const TAGS = ['Energy', 'acme', 'Wu', 'Oslo'];

function article(next: () => number, id: string, dictionary: MemoryDictionary, no: number): NamedRow {
  const names: FoundName[] = [];
  const count = Math.floor(next() * 5);
  for (let n = 0; n < count; n++) {
    const [name, kind] = NAMES[Math.floor(next() * NAMES.length)]!;
    names.push({ name, kind: next() < 0.8 ? kind : 'other', mentions: 1 + Math.floor(next() * 3), lede: next() < 0.3 });
  }
  const tags = TAGS.filter(() => next() < 0.12);
  const date = `2025-01-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  return rowOf({ id, date, source: `${id}.txt`, format: 'text', names, tags, terms: [] }, no, dictionary);
}

interface State {
  rows: ArchiveRows;
  /** Each article's names, by `no` (the store keeps them so). */
  names: Map<number, NamedIn>;
  counts: NameCounts;
  labels: Map<number, LabelCounts>;
  stored: StoredTopic[];
}

const shape = (topics: Topics) => ({
  topics: topics.topics.map((topic) => [topic.key, topic.slug, topic.label, topic.kind, topic.members]),
  lists: Array.from({ length: topics.ofArticle.length }, (_, position) => [...topics.ofArticle.at(position)]),
  stored: topics.stored,
  minArticles: topics.minArticles,
});

describe('topics updated by what changed', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`equal the topics computed from nothing after every step of a random history (seed ${seed})`, () => {
      const next = random(seed);
      const dictionary = new MemoryDictionary();
      const settings: TopicSettings = seed % 2 === 0 ? { language: 'en' } : { language: 'en', minArticles: 2 };
      let state: State = { rows: ArchiveRows.empty(), names: new Map(), counts: NameCounts.empty(), labels: new Map(), stored: [] };
      let nextNo = 0;
      let made = 0;
      for (let step = 0; step < 80; step++) {
        const before = state.rows;
        const gone = new Set<number>();
        const put: NamedRow[] = [];
        const changes = 1 + Math.floor(next() * 3);
        for (let change = 0; change < changes; change++) {
          const roll = next();
          if (before.length > 3 && roll < 0.25) gone.add(Math.floor(next() * before.length));
          else if (before.length > 3 && roll < 0.5) {
            // An edit: the same article (id and no) with other names.
            const at = Math.floor(next() * before.length);
            if (gone.has(at)) continue;
            gone.add(at);
            put.push({ ...article(next, before.id(at), dictionary, before.no[at]!), order: before.orders[at]! });
          } else put.push(article(next, `a${made++}`, dictionary, nextNo++));
        }
        const rows = before.merge(gone, put);
        const stored = new Map(state.counts.dirtyChunks(true));
        const counts = NameCounts.read([...stored.keys()], (index) => stored.get(index)!);
        const into = mergeTargets(counts);
        const overlay = new Map<number, LabelCounts>();
        const labelsOf = (key: number) => overlay.get(key) ?? overlay.set(key, new Map(state.labels.get(key) ?? [])).get(key)!;
        for (const at of gone) counts.apply(state.names.get(before.no[at]!)!, -1, labelsOf);
        for (const row of put) counts.apply(row, 1, labelsOf);
        const names = new Map(state.names);
        for (const at of gone) names.delete(before.no[at]!);
        for (const row of put) names.set(row.no, row);
        const namesAt = (position: number) => names.get(rows.no[position]!)!;
        const updated = collectTopics({
          rows,
          names: namesAt,
          counts,
          labels: (key) => overlay.get(key) ?? state.labels.get(key) ?? new Map(),
          dictionary,
          settings,
          previous: { stored: state.stored, into, sameSettings: true },
          changed: new Set(put.map((row) => rows.lowerBound(row.order))),
          relabelled: new Set(overlay.keys()),
        });
        const clean = topicsFromScratch(rows, namesAt, dictionary, settings);
        const labels = new Map(state.labels);
        for (const [key, counted] of overlay) labels.set(key, counted);
        state = { rows: rows.with({ topics: updated.ofArticle }), names, counts, labels, stored: updated.stored };
      }
      expect(state.stored.length).toBeGreaterThan(2);
    });
  }
});
