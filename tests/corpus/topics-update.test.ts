import { describe, expect, it } from 'vitest';
import { rowOf } from '../../src/archive/row.ts';
import { ArchiveRows, type NamedRow } from '../../src/archive/rows.ts';
import { MemoryDictionary } from '../../src/corpus/dictionary.ts';
import { NameCounts, type LabelCounts, type NamedIn } from '../../src/corpus/name-counts.ts';
import { collectTopics, topicsFromScratch, type StoredTopic, type Topics, type TopicSettings } from '../../src/corpus/topics.ts';
import type { FoundName, NameKind } from '../../src/derive/names.ts';
import { random } from '../helpers/random.ts';

// Names chosen to exercise merges: `Lee` joins `Ann Lee` while `Bob Lee` is found more often as a
// company than as a person, and leaves when that turns; `Stone` joins `Cara Stone`; `Wu` joins
// `Dan Wu` until `Eve Wu` appears, and never once it is a tag.
const NAMES: [string, NameKind][] = [
  ['Ann Lee', 'person'],
  ['Bob Lee', 'person'],
  ['Bob Lee', 'organisation'],
  ['Bob Lee', 'organisation'],
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
  return rowOf({ id, date, source: `${id}.txt`, format: 'text', names, tags, terms: [], authors: [], headline: id }, no, dictionary);
}

interface State {
  rows: ArchiveRows;
  /** Each article's names, by `no` (the store keeps them so). */
  names: Map<number, NamedIn>;
  /** The name counts' chunks, as a store keeps them. */
  chunks: Map<number, Uint8Array>;
  labels: Map<number, LabelCounts>;
  stored: StoredTopic[];
  minArticles: number;
}

const shape = (topics: Topics) => ({
  topics: topics.topics.map((topic) => [topic.key, topic.slug, topic.label, topic.kind, topic.members]),
  lists: Array.from({ length: topics.ofArticle.length }, (_, position) => [...topics.ofArticle.at(position)]),
  stored: topics.stored,
  minArticles: topics.minArticles,
});

/**
 * One update as a build makes it: the counts changed by the rows gone and put, the topics decided
 * again from them; and the topics computed from nothing, which they must equal.
 */
function update(state: State, gone: ReadonlySet<number>, put: readonly NamedRow[], dictionary: MemoryDictionary, settings: TopicSettings): { updated: Topics; clean: Topics; state: State } {
  const before = state.rows;
  const rows = before.merge(gone, put);
  const chunks = state.chunks;
  const counts = new NameCounts({ indexes: () => [...chunks.keys()], read: (index) => chunks.get(index) });
  const overlay = new Map<number, LabelCounts>();
  const labelsOf = (key: number) => overlay.get(key) ?? overlay.set(key, new Map(state.labels.get(key) ?? [])).get(key)!;
  for (const at of gone) counts.apply(state.names.get(before.no[at]!)!, -1, labelsOf);
  for (const row of put) counts.apply(row, 1, labelsOf);
  const touched = counts.settle();
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
    touched,
    previous: { stored: state.stored, minArticles: state.minArticles, sameSettings: true },
    changed: new Set(put.map((row) => rows.lowerBound(row.order))),
  });
  const clean = topicsFromScratch(rows, namesAt, dictionary, settings);
  const labels = new Map(state.labels);
  for (const [key, counted] of overlay) labels.set(key, counted);
  const stored = new Map(chunks);
  for (const [index, bytes] of counts.dirtyChunks()) stored.set(index, bytes.slice());
  return { updated, clean, state: { rows: rows.with({ topics: updated.ofArticle }), names, chunks: stored, labels, stored: updated.stored, minArticles: updated.minArticles } };
}

describe('topics updated by what changed', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`equal the topics computed from nothing after every step of a random history (seed ${seed})`, () => {
      const next = random(seed);
      const dictionary = new MemoryDictionary();
      // The automatic threshold (which moves as articles come and go), and fixed ones high enough that surnames decide topics.
      const minArticles = [undefined, 2, 8, 14][seed % 4];
      const settings: TopicSettings = minArticles === undefined ? { language: 'en' } : { language: 'en', minArticles };
      let state: State = { rows: ArchiveRows.empty(), names: new Map(), chunks: new Map(), labels: new Map(), stored: [], minArticles: 1 };
      let nextNo = 0;
      let made = 0;
      for (let step = 0; step < 100; step++) {
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
        const result = update(state, gone, put, dictionary, settings);
        expect(shape(result.updated), `step ${step}`).toEqual(shape(result.clean));
        state = result.state;
      }
      expect(state.stored.length).toBeGreaterThan(2);
    });
  }

  it('takes back the articles a surname gave a person when another person with that surname appears', () => {
    const dictionary = new MemoryDictionary();
    const settings: TopicSettings = { language: 'en', minArticles: 3 };
    let no = 0;
    const named = (names: FoundName[]) => rowOf({ id: `a${no}`, date: `2025-01-${String(1 + no).padStart(2, '0')}`, source: `a${no}.txt`, format: 'text', names, tags: [], terms: [], authors: [], headline: `a${no}` }, no++, dictionary);
    const once = (name: string): FoundName => ({ name, kind: 'person', mentions: 1, lede: false });
    const twice = (name: string): FoundName => ({ name, kind: 'other', mentions: 2, lede: false });
    // `Ann Lee` is never prominent herself: three articles naming `Lee` twice make her a topic.
    let state: State = { rows: ArchiveRows.empty(), names: new Map(), chunks: new Map(), labels: new Map(), stored: [], minArticles: 3 };
    const first = update(state, new Set(), [named([once('Ann Lee')]), named([twice('Lee')]), named([twice('Lee')]), named([twice('Lee')])], dictionary, settings);
    expect(first.clean.topics.map((topic) => topic.label)).toEqual(['Ann Lee']);
    state = first.state;
    // `Bob Lee` makes `Lee` nobody's surname: `Lee` is a topic of its own, and `Ann Lee` is not — though no article naming her changed.
    const second = update(state, new Set(), [named([once('Bob Lee'), once('Bob Lee')])], dictionary, settings);
    expect(second.clean.topics.map((topic) => topic.label)).toEqual(['Lee']);
    expect(shape(second.updated)).toEqual(shape(second.clean));
  });
});
