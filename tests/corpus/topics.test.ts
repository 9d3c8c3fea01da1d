import { describe, expect, it } from 'vitest';
import { autoMinArticles, collectTopics } from '../../src/corpus/topics.ts';
import { relatedArticles } from '../../src/corpus/related.ts';
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
    bodyHtml: '',
    text: '',
    wordCount: 0,
    readingMinutes: 1,
    tags: [],
    names: names.map((name) => ({ name: 'X', kind: 'other', mentions: 2, lede: false, ...name })),
    terms: [],
    draft: false,
    removed: [],
    warnings: [],
    hash: id,
    path: `${date.replaceAll('-', '/')}/${id}/`,
    ...extra,
  };
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
    const { topics, byArticle } = collectTopics(records, { language: 'en', minArticles: 2 });
    expect(topics.map((topic) => [topic.label, topic.slug, topic.kind, topic.articles.map((article) => article.id)])).toEqual([['Kursk', 'kursk', 'place', ['c', 'b', 'a']]]);
    expect(byArticle.get('c')?.map((topic) => topic.label)).toEqual(['Kursk']); // Belgorod was never prominent
  });

  it('merges spellings and surnames across articles, and tags always make topics', () => {
    const records = [
      record('a', '2025-01-01', [{ name: 'Volodymyr Zelenskyy', kind: 'person' }, { name: 'Russia.', kind: 'place' }]),
      record('b', '2025-01-02', [{ name: 'Zelenskyy', kind: 'other' }, { name: 'Russia', kind: 'place' }]),
      record('c', '2025-01-03', [{ name: 'Volodymyr Zelenskyy', kind: 'person' }, { name: 'Russia', kind: 'place' }], { tags: ['Drones', 'russia'] }),
    ];
    const { topics } = collectTopics(records, { language: 'en', minArticles: 3 });
    expect(topics.map((topic) => [topic.label, topic.kind, topic.articles.length])).toEqual([
      ['Drones', 'subject', 1],
      ['Russia', 'place', 3],
      ['Volodymyr Zelenskyy', 'person', 3],
    ]);
  });

  it("lists an article's tags before the names it mentions most", () => {
    const cities = Array.from({ length: 13 }, (_, index) => ({ name: `City ${index}`, kind: 'place' as const, mentions: 3 }));
    const { byArticle } = collectTopics([record('a', '2025-01-01', cities, { tags: ['Energy policy'] })], { language: 'en', minArticles: 1 });
    expect(byArticle.get('a')?.[0]?.label).toBe('Energy policy');
  });

  it('gives every topic its own slug, A–Z by label', () => {
    const records = [record('a', '2025-01-01', [{ name: 'São Paulo' }, { name: 'Sao-Paulo!' }, { name: 'Zürich' }, { name: 'Ärzte' }])];
    const { topics } = collectTopics(records, { language: 'de', minArticles: 1 });
    expect(topics.map((topic) => [topic.label, topic.slug])).toEqual([
      ['Ärzte', 'aerzte'],
      ['São Paulo', 'sao-paulo'],
      ['Sao-Paulo!', 'sao-paulo-2'],
      ['Zürich', 'zuerich'],
    ]);
  });
});

describe('relatedArticles', () => {
  it('ranks by shared rare topics and terms, needs two shared features, and favours newer articles on ties', () => {
    const terms = (...words: string[]) => ({ terms: words });
    const records = [
      record('old', '2025-01-01', [], terms('drone', 'strike', 'kursk')),
      record('new', '2025-01-05', [], terms('drone', 'strike', 'kursk')),
      record('one', '2025-01-06', [], terms('drone', 'weather')),
      record('me', '2025-01-03', [], terms('drone', 'strike', 'kursk', 'border')),
      record('far', '2025-01-04', [], terms('weather', 'rain')),
    ].sort((a, b) => (a.date < b.date ? -1 : 1));
    const related = relatedArticles(records, () => []);
    expect(related.get('me')?.map((other) => other.id)).toEqual(['new', 'old']);
    expect(related.has('far')).toBe(false);
  });

  it('returns at most `limit` articles and looks only `window` articles either way in a feature list', () => {
    // Thirty articles on one story in January, and thirty on others in February (so the story's words are rare).
    const story = Array.from({ length: 30 }, (_, index) => record(`r${String(index).padStart(2, '0')}`, `2025-01-${String(index + 1).padStart(2, '0')}`, [], { terms: ['flood', 'dam'] }));
    const others = Array.from({ length: 30 }, (_, index) => record(`o${index}`, `2025-02-${String((index % 28) + 1).padStart(2, '0')}`, [], { terms: [`other${index}`] }));
    const records = [...story, ...others];
    const related = relatedArticles(records, () => [], { limit: 3, window: 2 });
    expect(related.get('r10')?.map((other) => other.id)).toEqual(['r12', 'r11', 'r09']);
  });
});
