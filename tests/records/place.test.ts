import { describe, expect, it } from 'vitest';
import { placeRecords } from '../../src/records/place.ts';
import type { ArticleRecord } from '../../src/records/record.ts';

function record(id: string, overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    id,
    source: `${id}.txt`,
    format: 'text',
    date: '2025-04-27',
    headline: 'Troops deployed',
    summary: '',
    slug: 'troops-deployed',
    bodyHtml: '',
    text: '',
    wordCount: 0,
    readingMinutes: 1,
    tags: [],
    draft: false,
    names: [],
    terms: [],
    removed: { leftovers: [], signOffs: [], furniture: [] },
    warnings: [],
    hash: id,
    ...overrides,
  };
}

const place = (records: ArticleRecord[]) => placeRecords(records, (r) => r.source);
const pathsById = (records: ArticleRecord[]) => new Map(place(records).placed.map((r) => [r.id, r.path]));

describe('placeRecords', () => {
  it('gives scraped articles <slug>-<id>, so the wire sending one story twice yields two pages', () => {
    const { placed, problems } = place([record('8e7b29ad4a414b1e'), record('6b86b273ff34fce1')]);
    expect(placed.map((r) => r.path).sort()).toEqual(['2025/04/27/troops-deployed-6b86b273ff34fce1/', '2025/04/27/troops-deployed-8e7b29ad4a414b1e/']);
    expect(problems).toEqual([]);
  });

  it('uses the id alone when the slug already fell back to it', () => {
    expect(place([record('abc', { slug: 'abc' })]).placed[0]?.path).toBe('2025/04/27/abc/');
  });

  it('settles a clash of authored slugs by id, never by file order, and warns', () => {
    const a = record('alpha', { format: 'markdown', slug: 'launch', source: 'z/alpha.md' });
    const b = record('beta', { format: 'markdown', slug: 'launch', source: 'a/beta.md' });
    for (const order of [[a, b], [b, a]]) {
      const { placed, problems } = place(order);
      expect(new Map(placed.map((r) => [r.id, r.path]))).toEqual(new Map([['alpha', '2025/04/27/launch/'], ['beta', '2025/04/27/launch-beta/']]));
      expect(problems).toEqual([expect.objectContaining({ code: 'url-clash', file: 'a/beta.md' })]);
    }
  });

  it('does not give an authored article the segment "page", where day pagination lives', () => {
    expect(place([record('x', { format: 'markdown', slug: 'page' })]).placed[0]?.path).toBe('2025/04/27/page-x/');
  });

  it('never changes the URL of an existing scraped article when others are added or removed', () => {
    const existing = Array.from({ length: 30 }, (_, n) => record(`id${n}`, { slug: n % 3 === 0 ? 'same-story' : `story-${n}` }));
    const before = pathsById(existing);
    const added = [...existing, record('000', { slug: 'same-story' }), record('zzz', { slug: 'same-story' })];
    const removed = existing.filter((_, n) => n % 2 === 0);
    for (const changed of [pathsById(added), pathsById(removed)]) {
      for (const [id, path] of changed) if (before.has(id)) expect(path).toBe(before.get(id));
    }
  });

  it('never lets an authored slug take a scraped article\'s URL', () => {
    const scraped = record('8e7b29ad4a414b1e');
    const squatter = record('0000', { format: 'markdown', slug: 'troops-deployed-8e7b29ad4a414b1e', source: '0000.md' });
    const { placed, problems } = place([squatter, scraped]);
    expect(new Map(placed.map((r) => [r.id, r.path]))).toEqual(
      new Map([
        ['8e7b29ad4a414b1e', '2025/04/27/troops-deployed-8e7b29ad4a414b1e/'],
        ['0000', '2025/04/27/troops-deployed-8e7b29ad4a414b1e-0000/'],
      ]),
    );
    expect(problems).toHaveLength(1);
  });

  it('keeps the fallback of a clash unique too', () => {
    const a = record('a', { format: 'markdown', slug: 'x' });
    const b = record('b', { format: 'markdown', slug: 'x' });
    const c = record('c', { format: 'markdown', slug: 'x-b' });
    const paths = place([a, b, c]).placed.map((r) => r.path);
    expect(new Set(paths).size).toBe(3);
  });

  it('keeps ids that differ only in case or script apart', () => {
    const ids = ['ABC', 'abc', '记者', '编辑', 'Ünï'];
    const paths = place(ids.map((id) => record(id, { slug: 'same' }))).placed.map((r) => r.path);
    expect(new Set(paths).size).toBe(ids.length);
    for (const path of paths) expect(path).toMatch(/^2025\/04\/27\/[a-z0-9-]+\/$/);
  });

  it('orders records by date, then source path, then id', () => {
    const placed = place([
      record('c', { date: '2025-04-28', source: '001_c.txt' }),
      record('b', { source: '002_b.txt' }),
      record('a', { source: '003_a.txt' }),
    ]).placed;
    expect(placed.map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });
});
