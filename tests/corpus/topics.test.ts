import { describe, expect, it } from 'vitest';
import { rowOf } from '../../src/archive/row.ts';
import { ArchiveRows, type NamedRow } from '../../src/archive/rows.ts';
import { MemoryDictionary } from '../../src/corpus/dictionary.ts';
import { autoMinArticles, topicsFromScratch, type Topics } from '../../src/corpus/topics.ts';
import type { FoundName } from '../../src/derive/names.ts';
import type { PlacedRecord } from '../../src/records/record.ts';

function record(id: string, date: string, names: Partial<FoundName>[], extra: Partial<PlacedRecord> = {}): PlacedRecord {
  return {
    id,
    source: `${id}.txt`,
    format: 'text',
    date,
    headline: `Headline ${id}`,
    summary: '',
    slug: id,
    fingerprint: id.padEnd(16, '0').slice(0, 16),
    bodyHtml: '',
    text: '',
    wordCount: 0,
    readingMinutes: 1,
    tags: [],
    authors: [],
    names: names.map((name) => ({ name: 'X', kind: 'other', mentions: 2, lede: false, ...name })),
    terms: [],
    draft: false,
    removed: { leftovers: [], signOffs: [], furniture: [] },
    warnings: [],
    hash: id,
    path: `${date.replaceAll('-', '/')}/${id}/`,
    ...extra,
  };
}

/** The archive's rows of literal records (in order), numbered with a dictionary. */
function archive(records: readonly PlacedRecord[]): { rows: ArchiveRows; named: NamedRow[]; dictionary: MemoryDictionary } {
  const dictionary = new MemoryDictionary();
  const named = [...records].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1)).map((record, no) => rowOf(record, no, dictionary));
  return { rows: ArchiveRows.of(named), named, dictionary };
}

/** `collectTopics` on literal records, with members and each article's topics by id. */
function topicsOf(records: readonly PlacedRecord[], settings: { language: string; minArticles?: number }) {
  const { rows, named, dictionary } = archive(records);
  const topics: Topics = topicsFromScratch(rows, (position) => named[position]!, dictionary, settings);
  const byArticle = new Map<string, Topics['topics']>();
  for (let position = 0; position < rows.length; position++) byArticle.set(rows.id(position), [...topics.ofArticle.at(position)].map((key) => topics.byKey.get(key)!));
  return { topics: topics.topics.map((topic) => ({ ...topic, articles: [...topic.members].reverse().map((position) => ({ id: rows.id(position) })) })), byArticle };
}

describe('collectTopics', () => {
  it('grows the default threshold with the archive: 1 article up to 26, 13 at 19,043', () => {
    expect([1, 26, 27, 1000, 19_043, 100_000].map(autoMinArticles)).toEqual([1, 1, 2, 5, 13, 23]);
  });

  it('makes a topic of a name prominent in enough articles, lists every article naming it newest first', () => {
    const records = [
      record('a', '2025-01-01', [{ name: 'Kursk', kind: 'place', mentions: 3 }]),
      record('b', '2025-01-02', [{ name: 'Kursk', kind: 'place', mentions: 1, lede: true }, { name: 'Belgorod', kind: 'place', mentions: 1 }]),
      record('c', '2025-01-03', [{ name: 'Kursk', kind: 'place', mentions: 1 }, { name: 'Belgorod', kind: 'place', mentions: 1 }]),
    ];
    const { topics, byArticle } = topicsOf(records, { language: 'en', minArticles: 2 });
    expect(topics.map((topic) => [topic.label, topic.slug, topic.kind, topic.articles.map((article) => article.id)])).toEqual([['Kursk', 'kursk', 'place', ['c', 'b', 'a']]]);
    expect(byArticle.get('c')?.map((topic) => topic.label)).toEqual(['Kursk']); // Belgorod was never prominent
  });

  it('merges spellings and surnames across articles, and tags always make topics', () => {
    const records = [
      record('a', '2025-01-01', [{ name: 'Volodymyr Zelenskyy', kind: 'person' }, { name: 'Russia.', kind: 'place' }]),
      record('b', '2025-01-02', [{ name: 'Zelenskyy', kind: 'other' }, { name: 'Russia', kind: 'place' }]),
      record('c', '2025-01-03', [{ name: 'Volodymyr Zelenskyy', kind: 'person' }, { name: 'Russia', kind: 'place' }], { tags: ['Drones', 'russia'] }),
    ];
    const { topics } = topicsOf(records, { language: 'en', minArticles: 3 });
    expect(topics.map((topic) => [topic.label, topic.kind, topic.articles.length])).toEqual([
      ['Drones', 'subject', 1],
      ['Russia', 'place', 3],
      ['Volodymyr Zelenskyy', 'person', 3],
    ]);
  });

  it('makes no topic of a body every country has named without its country, unless tagged', () => {
    const records = ['a', 'b'].map((id, day) =>
      record(id, `2025-01-0${day + 1}`, [
        { name: 'Finance Ministry', kind: 'organisation' },
        { name: 'Finance Ministry (Japan)', kind: 'organisation' },
        { name: 'Reserve Bank', kind: 'organisation' },
      ]),
    );
    records.push(record('c', '2025-01-03', [], { tags: ['Reserve Bank'] }));
    const { topics } = topicsOf(records, { language: 'en', minArticles: 2 });
    expect(topics.map((topic) => topic.label)).toEqual(['Finance Ministry (Japan)', 'Reserve Bank']);
  });

  it('makes no topic of a news agency the articles cite as their source', () => {
    const records = ['a', 'b'].map((id, day) =>
      record(id, `2025-01-0${day + 1}`, [
        { name: 'Tanjug', kind: 'organisation' },
        { name: 'Yugoslavia', kind: 'place' },
      ]),
    );
    const { topics } = topicsOf(records, { language: 'en', minArticles: 2 });
    expect(topics.map((topic) => topic.label)).toEqual(['Yugoslavia']);
  });

  it('gives a topic the kind it was seldom found as only when that is a fair share of its mentions', () => {
    const records = [
      record('a', '2025-01-01', [{ name: 'White House', kind: 'person', mentions: 1, lede: true }]),
      ...['b', 'c', 'd', 'e', 'f'].map((id, day) => record(id, `2025-01-0${day + 2}`, [{ name: 'White House', kind: 'other', mentions: 2 }])),
    ];
    const { topics } = topicsOf(records, { language: 'en', minArticles: 2 });
    expect(topics.map((topic) => [topic.label, topic.kind])).toEqual([['White House', 'other']]);
  });

  it("lists an article's tags before the names it mentions most", () => {
    const cities = Array.from({ length: 13 }, (_, index) => ({ name: `City ${index}`, kind: 'place' as const, mentions: 3 }));
    const { byArticle } = topicsOf([record('a', '2025-01-01', cities, { tags: ['Energy policy'] })], { language: 'en', minArticles: 1 });
    expect(byArticle.get('a')?.[0]?.label).toBe('Energy policy');
  });

  it('gives every topic its own slug, A–Z by label', () => {
    const records = [record('a', '2025-01-01', [{ name: 'São Paulo' }, { name: 'Sao-Paulo!' }, { name: 'Zürich' }, { name: 'Ärzte' }])];
    const { topics } = topicsOf(records, { language: 'de', minArticles: 1 });
    expect(topics.map((topic) => [topic.label, topic.slug])).toEqual([
      ['Ärzte', 'aerzte'],
      ['São Paulo', 'sao-paulo'],
      ['Sao-Paulo!', 'sao-paulo-2'],
      ['Zürich', 'zuerich'],
    ]);
  });
});
