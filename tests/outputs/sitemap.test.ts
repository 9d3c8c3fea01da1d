import { parseDocument, DomUtils } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { bucketSitemaps, sitemapBucket, sitemapIndex, URLS_PER_SITEMAP } from '../../src/outputs/sitemap.ts';

/** The document's root element name and, for each of its entries, the text of its child elements (read by a real XML parser). */
function read(xml: string): { root: string; namespace: string | undefined; entries: Record<string, string>[] } {
  const document = parseDocument(xml, { xmlMode: true });
  const root = DomUtils.getChildren(document).find(DomUtils.isTag)!;
  const entries = DomUtils.getChildren(root)
    .filter(DomUtils.isTag)
    .map((entry) => Object.fromEntries(DomUtils.getChildren(entry).filter(DomUtils.isTag).map((child) => [child.name, DomUtils.textContent(child)])));
  return { root: root.name, namespace: root.attribs.xmlns, entries };
}

describe('sitemaps', () => {
  it('list each page with its absolute URL and date, reserved characters escaped', async () => {
    const base = "https://example.org/news&views/o'hare/";
    const files = await bucketSitemaps('1987-03', new Map([['1987/03/16/a-b/', '1987-03-16' as const], ['1987/03/', undefined]]), base);
    const xml = files.get('sitemap-1987-03.xml')!;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(read(xml)).toEqual({
      root: 'urlset',
      namespace: 'http://www.sitemaps.org/schemas/sitemap/0.9',
      entries: [{ loc: `${base}1987/03/` }, { loc: `${base}1987/03/16/a-b/`, lastmod: '1987-03-16' }],
    });
  });

  it('split a bucket past the protocol limit into parts that list every page once', async () => {
    const paths = Array.from({ length: URLS_PER_SITEMAP + 10 }, (_, index) => `topics/t${index}/`);
    const files = await bucketSitemaps('topics', new Map(paths.map((path) => [path, undefined])), 'https://example.org/');
    expect(files.size).toBeGreaterThan(1);
    const listed = [...files.values()].flatMap((xml) => read(xml).entries.map((entry) => entry.loc));
    expect(listed.sort()).toEqual(paths.map((path) => `https://example.org/${path}`).sort());
  });

  it('index the sitemap files in name order', async () => {
    const index = read(await sitemapIndex(['sitemap-pages.xml', 'sitemap-1987-03.xml'], 'https://example.org/'));
    expect(index.root).toBe('sitemapindex');
    expect(index.entries).toEqual([{ loc: 'https://example.org/sitemap-1987-03.xml' }, { loc: 'https://example.org/sitemap-pages.xml' }]);
  });

  it('list a page in the bucket of its month, its topic, or a part of the older pages; no bucket name starts another', () => {
    expect(sitemapBucket('1987/03/16/a-b/')).toBe('1987-03');
    expect(sitemapBucket('1987/03/16/')).toBe('1987-03');
    expect(sitemapBucket('1987/03/')).toBe('archive');
    expect(sitemapBucket('1987/')).toBe('archive');
    expect(sitemapBucket('topics/kim-jong-un/')).toBe(sitemapBucket('topics/kim-jong-un/page/abc/'));
    expect(sitemapBucket('topics/kim-jong-un/')).toMatch(/^topics-[0-7]$/);
    expect(sitemapBucket('page/abc/')).toMatch(/^older-[0-7]$/);
    expect(new Set(Array.from({ length: 200 }, (_, index) => sitemapBucket(`page/p${index}/`))).size).toBe(8);
    expect(sitemapBucket('')).toBe('pages');
    expect(sitemapBucket('search/')).toBe('pages');
    // A bucket's files are `sitemap-<name>.xml` or `sitemap-<name>-<part>.xml`: no name may be another's prefix followed by "-".
    const names = new Set(['1987-03', 'archive', 'pages', ...Array.from({ length: 8 }, (_, part) => [`topics-${part}`, `older-${part}`]).flat()]);
    for (const name of names) for (const other of names) if (name !== other) expect(other.startsWith(`${name}-`), `${other} after ${name}`).toBe(false);
  });
});
