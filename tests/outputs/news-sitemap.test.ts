import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { dayBefore } from '../../src/dates.ts';
import { NEWS_SITEMAP_LIMIT, newsLanguage, newsPositions, newsSitemap } from '../../src/outputs/news-sitemap.ts';
import type { DaySpan } from '../../src/pages/state.ts';
import { buildSite, page } from '../helpers/site.ts';

const BASE_URL = 'https://example.org/news/';

interface NewsEntry {
  loc: string;
  name: string;
  language: string;
  date: string;
  title: string;
}

/** The root element's name and namespaces, and each `<url>` entry as a real XML parser reads it. */
function readNews(xml: string): { root: string; namespaces: Record<string, string>; entries: NewsEntry[] } {
  const document = parseDocument(xml, { xmlMode: true });
  const root = DomUtils.getChildren(document).find(DomUtils.isTag)!;
  const text = (parent: Element, name: string) => {
    const found = DomUtils.findAll((element) => element.name === name, [parent]);
    expect(found, `${name} once in each entry`).toHaveLength(1);
    return DomUtils.textContent(found[0]!);
  };
  const entries = DomUtils.getChildren(root)
    .filter(DomUtils.isTag)
    .map((url) => {
      expect(url.name).toBe('url');
      // The news element's structure: publication (name, language), publication date, title.
      const news = DomUtils.getChildren(url).filter(DomUtils.isTag);
      expect(news.map((child) => child.name)).toEqual(['loc', 'news:news']);
      expect(DomUtils.getChildren(news[1]!).filter(DomUtils.isTag).map((child) => child.name)).toEqual(['news:publication', 'news:publication_date', 'news:title']);
      return { loc: text(url, 'loc'), name: text(url, 'news:name'), language: text(url, 'news:language'), date: text(url, 'news:publication_date'), title: text(url, 'news:title') };
    });
  return { root: root.name, namespaces: root.attribs, entries };
}

/** Day spans of an archive whose days hold `counts[date]` articles each, in date order. */
function days(counts: Record<string, number>): { days: Map<string, DaySpan>; dayDates: string[] } {
  const spans = new Map<string, DaySpan>();
  let start = 0;
  for (const [date, count] of Object.entries(counts).sort()) {
    spans.set(date, { start, end: start + count, index: spans.size });
    start += count;
  }
  return { days: spans, dayDates: [...spans.keys()] };
}

describe('the Google News sitemap', () => {
  it('lists each article with its absolute URL, the publication, its date as written and its headline, all escaped', () => {
    const xml = newsSitemap(
      [
        { path: '2025/04/27/bold/', date: '2025-04-27', headline: 'Markets <b>& "bonds"</b> fell' },
        { path: '2025/04/26/calm/', date: '2025-04-26', headline: 'Calm day' },
      ],
      { title: 'News & <Views>', language: 'en-GB', baseUrl: "https://example.org/news&views/o'hare/" },
    );
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).not.toContain('<b>');
    const read = readNews(xml);
    expect(read.root).toBe('urlset');
    expect(read.namespaces).toEqual({ xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9', 'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9' });
    const publication = { name: 'News & <Views>', language: 'en' };
    expect(read.entries).toEqual([
      { loc: "https://example.org/news&views/o'hare/2025/04/27/bold/", ...publication, date: '2025-04-27', title: 'Markets <b>& "bonds"</b> fell' },
      { loc: "https://example.org/news&views/o'hare/2025/04/26/calm/", ...publication, date: '2025-04-26', title: 'Calm day' },
    ]);
  });

  it('names the language by its ISO 639 code, and Chinese as zh-cn or zh-tw by its script', () => {
    const cases = { en: 'en', 'en-GB': 'en', 'EN-us': 'en', 'de-CH': 'de', gsw: 'gsw', 'pt-BR': 'pt', 'sr-Latn-RS': 'sr', zh: 'zh-cn', 'zh-CN': 'zh-cn', 'zh-SG': 'zh-cn', 'zh-Hans-HK': 'zh-cn', 'zh-TW': 'zh-tw', 'zh-HK': 'zh-tw', 'zh-Hant': 'zh-tw' };
    expect(Object.fromEntries(Object.keys(cases).map((tag) => [tag, newsLanguage(tag)]))).toEqual(cases);
  });

  it('takes the articles of the newest date and the calendar day before it, newest first', () => {
    expect(newsPositions(days({ '2025-04-25': 2, '2025-04-26': 3, '2025-04-27': 2 }))).toEqual([6, 5, 4, 3, 2]);
    // The day before has no articles: the newest day alone, not the newest two days that have articles.
    expect(newsPositions(days({ '2025-04-24': 2, '2025-04-25': 1, '2025-04-27': 2 }))).toEqual([4, 3]);
    // Across the end of a month, a leap February and a year.
    expect(newsPositions(days({ '2024-02-28': 1, '2024-02-29': 1, '2024-03-01': 1 }))).toEqual([2, 1]);
    expect(newsPositions(days({ '2023-02-27': 1, '2023-02-28': 1, '2023-03-01': 1 }))).toEqual([2, 1]);
    expect(newsPositions(days({ '1986-12-30': 1, '1986-12-31': 1, '1987-01-01': 1 }))).toEqual([2, 1]);
    expect(newsPositions(days({}))).toEqual([]);
    // A date after the build's today (a typo) is not the news: the window ends at the newest date up to today.
    expect(newsPositions({ ...days({ '2025-04-26': 1, '2025-04-27': 2, '9999-12-31': 1 }), today: '2025-04-28' })).toEqual([2, 1, 0]);
    expect(newsPositions({ ...days({ '2025-04-27': 2, '2025-04-29': 1 }), today: '2025-04-28' })).toEqual([1, 0]);
    expect(newsPositions({ ...days({ '2025-04-29': 1 }), today: '2025-04-28' })).toEqual([]);
  });

  it(`lists at most ${NEWS_SITEMAP_LIMIT} articles, the newest`, () => {
    const positions = newsPositions(days({ '2025-04-26': 700, '2025-04-27': 600 }));
    expect(positions).toHaveLength(NEWS_SITEMAP_LIMIT);
    expect(positions[0]).toBe(1299);
    expect(positions.at(-1)).toBe(300);
  });

  it('counts calendar days on the date strings: months, leap years, years, years before 1000', () => {
    const cases = { '2025-04-27': '2025-04-26', '2025-03-01': '2025-02-28', '2024-03-01': '2024-02-29', '1900-03-01': '1900-02-28', '2000-03-01': '2000-02-29', '2025-05-01': '2025-04-30', '1987-01-01': '1986-12-31', '0087-01-01': '0086-12-31' };
    expect(Object.fromEntries(Object.keys(cases).map((date) => [date, dayBefore(date)]))).toEqual(cases);
  });
});

describe('a whole site with a base URL', () => {
  it('writes sitemap-news.xml with the newest two days, names it in robots.txt, and keeps it out of the sitemap index', async () => {
    const { site } = await buildSite(
      {
        '001_old.txt': ' date 2025-02-27 Too old for the news sitemap.',
        '002_feb.txt': ' date 2025-02-28 The day before the newest.',
        '003_mar.md': '---\ntitle: "Shares <b>& bonds"\ndate: 2025-03-01\n---\nBody.',
        '004_second.txt': ' date 2025-03-01 Second article of the newest day.',
      },
      { baseUrl: BASE_URL, title: 'The Example Times', language: 'en-GB' },
    );
    const read = readNews(page(site, /^sitemap-news\.xml$/));
    expect(read.entries.map(({ title, date }) => [date, title])).toEqual([
      ['2025-03-01', 'Second article of the newest day'],
      ['2025-03-01', 'Shares <b>& bonds'],
      ['2025-02-28', 'The day before the newest'],
    ]);
    expect(new Set(read.entries.map(({ name, language }) => `${name}|${language}`))).toEqual(new Set(['The Example Times|en']));
    // Each entry is a page of the site.
    for (const { loc } of read.entries) {
      expect(loc.startsWith(BASE_URL)).toBe(true);
      expect(site.files.has(`${loc.slice(BASE_URL.length)}index.html`), loc).toBe(true);
    }
    expect(page(site, /^robots\.txt$/)).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${BASE_URL}sitemap.xml\nSitemap: ${BASE_URL}sitemap-news.xml\n`);
    expect(page(site, /^sitemap\.xml$/)).not.toContain('sitemap-news.xml');
  });

  it('writes no news sitemap, and names none, without a base URL', async () => {
    const { site } = await buildSite({ '001_a.txt': ' date 2025-04-27 Troops moved.' });
    expect([...site.files.keys()].filter((file) => file.startsWith('sitemap'))).toEqual([]);
    expect(page(site, /^robots\.txt$/)).toBe('User-agent: *\nAllow: /\n');
  });
});
