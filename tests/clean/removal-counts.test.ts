import { describe, expect, it } from 'vitest';
import { withExample, withoutExample } from '../../src/clean/examples.ts';
import { RemovalCounts, type RemovalSource } from '../../src/clean/removal-counts.ts';
import { fillExamples } from '../../src/build/count-stage.ts';
import { formatRemovals } from '../../src/cli/report.ts';
import type { FileTable } from '../../src/records/load-records.ts';
import type { ArticleRecord } from '../../src/records/record.ts';

const article = (source: string, leftovers: string[], signOffs: string[] = []): RemovalSource => ({ source, removed: { leftovers, signOffs } });

describe('example files', () => {
  it('keeps the first files in the folder order, subfolders where the walk meets them', () => {
    let examples: string[] = [];
    for (const [held, source] of ['b.txt', 'a.txt', 'a/z.txt', 'a-b.txt'].entries()) examples = withExample(examples, source, held);
    // The walk lists a folder's names in code unit order, a subfolder's files where its name comes:
    // the folder "a", then "a-b.txt", "a.txt" (plain string order would put "a-b.txt" before "a/z.txt").
    expect(examples).toEqual(['a/z.txt', 'a-b.txt', 'a.txt']);
  });

  it('lets a later file in only while the examples are every file of the count', () => {
    expect(withExample(['a.txt', 'c.txt'], 'd.txt', 2)).toEqual(['a.txt', 'c.txt', 'd.txt']);
    // Four files, two examples: a file after "c.txt" may come after others not listed.
    expect(withExample(['a.txt', 'c.txt'], 'd.txt', 4)).toEqual(['a.txt', 'c.txt']);
    expect(withExample(['a.txt', 'c.txt'], 'b.txt', 4)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    // No examples left of a count of three: no file can be known to be its first.
    expect(withExample([], 'a.txt', 3)).toEqual([]);
    expect(withoutExample(['a.txt', 'b.txt'], 'a.txt')).toEqual(['b.txt']);
  });
});

describe('RemovalCounts', () => {
  it('counts each folded line once an article, the most frequent first, and the sign-offs as one count', () => {
    const counts = new RemovalCounts();
    counts.add(article('001_a.txt', ['Advertisement 1', 'ADVERTISEMENT 2', 'Read more'], ['Reuter']), 1);
    counts.add(article('002_b.txt', ['Advertisement'], ['REUTER', 'Reuter']), 1);
    counts.add(article('003_c.txt', ['Sponsored content'], []), 1);
    counts.add(article('004_d.txt', [], ['MORE']), 1);
    expect(counts.report()).toEqual({
      lines: [
        { text: 'advertisement', articles: 2, example: '001_a.txt' },
        { text: 'read more', articles: 1, example: '001_a.txt' },
        { text: 'sponsored content', articles: 1, example: '003_c.txt' },
      ],
      more: 0,
      leftoverArticles: 3,
      signOffs: { articles: 3, example: '001_a.txt' },
    });
  });

  it('lists a bounded number of lines and says how many more there are', () => {
    const counts = new RemovalCounts();
    for (let n = 0; n < 5; n++) counts.add(article(`00${n}.txt`, ['Read more', ...(n < 3 ? ['Advertisement'] : []), `Image credit: ${["AP", "AFP", "Getty", "EPA", "Shutterstock"][n]}`]), 1);
    const report = counts.report(2);
    expect(report.lines.map((line) => [line.text, line.articles])).toEqual([
      ['read more', 5],
      ['advertisement', 3],
    ]);
    expect(report.more).toBe(5);
  });

  it('takes back exactly what an article added, through the stored form', () => {
    const counts = new RemovalCounts();
    const one = article('a.txt', ['Advertisement'], ['Reuter']);
    counts.add(article('b.txt', ['Read more']), 1);
    const empty = counts.stored();
    counts.add(one, 1);
    const again = new RemovalCounts(counts.stored());
    expect(again.stored()).toEqual(counts.stored());
    again.add(one, -1);
    expect(again.stored()).toEqual(empty);
  });

  it('finds the first file again when every example went, reading records in the folder order only as far as needed', () => {
    const counts = new RemovalCounts();
    const sources = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'];
    for (const source of sources) counts.add(article(source, ['Advertisement'], ['Reuter']), 1);
    for (const source of sources.slice(0, 3)) counts.add(article(source, ['Advertisement'], ['Reuter']), -1);
    expect(counts.report().lines).toEqual([{ text: 'advertisement', articles: 2, example: '' }]);
    const files: FileTable = { paths: sources.slice(3), hashes: ['hd', 'he'], ids: ['d', 'e'], statuses: ['article', 'article'], times: new Float64Array(6), previous: new Int32Array([3, 4]) };
    const read: string[] = [];
    const records = new Map(sources.slice(3).map((source) => [`h${source[0]}`, { source, removed: { leftovers: ['Advertisement'], signOffs: ['Reuter'], furniture: [] } } as unknown as ArticleRecord]));
    fillExamples(counts.wanting(), files, (hash) => {
      read.push(hash);
      return records.get(hash);
    });
    expect(counts.report()).toMatchObject({ lines: [{ text: 'advertisement', articles: 2, example: 'd.txt' }], signOffs: { articles: 2, example: 'd.txt' } });
    expect(read).toEqual(['hd', 'he']);
    expect(counts.wanting()).toEqual([]);
  });
});

describe('formatRemovals', () => {
  it('names each line with its count and an example, how to keep one, how many more, and the sign-offs', () => {
    const lines = formatRemovals({
      lines: [
        { text: 'advertisement', articles: 120, example: '004_ab.txt' },
        { text: 'read more', articles: 3, example: '010_cd.txt' },
      ],
      more: 4,
      leftoverArticles: 121,
      signOffs: { articles: 17, example: '001_ef.txt' },
    });
    expect(lines).toEqual([
      'Removed 6 lines that leftover patterns match, from 121 articles (to keep one as text, add it to "keepParagraphs" in dateline.config.json; to remove more, add a pattern to "leftoverPatterns"):',
      '  "advertisement": 120 articles, e.g. 004_ab.txt',
      '  "read more": 3 articles, e.g. 010_cd.txt',
      '  and 4 more lines, in as many articles or fewer each',
      'Removed the wire sign-off at the end ("Reuter", "REUTER...", "MORE") from 17 articles, e.g. 001_ef.txt.',
    ]);
  });

  it('says nothing when nothing was removed', () => {
    expect(formatRemovals({ lines: [], more: 0, leftoverArticles: 0, signOffs: { articles: 0, example: '' } })).toEqual([]);
  });
});
