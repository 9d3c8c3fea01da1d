import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { templateSite } from '../../src/build/settings.ts';
import { createRenderer } from '../../src/render/nunjucks.ts';
import { frontKind } from '../../src/kinds/front.ts';
import { DEFAULT_TEMPLATES } from '../../src/build-paths.ts';
import type { ListPage } from '../../src/pages/types.ts';
import { buildSite, page } from '../helpers/site.ts';

/** A lede of `words` words, so the reading time (230 words a minute) is what the test wants. */
const long = (words: number) => Array.from({ length: words }, (_, n) => `word${n}`).join(' ');

const ARTICLES = {
  '001_a.txt': ` date 1987-03-05 Oil prices rose in early trading on Thursday.\n\n${long(800)}.`,
  '002_b.txt': ' date 1987-03-05 SALVADOR, March 5 - Brazil coffee exporters said prices would rise. Shipments were slow.',
  '003_c.txt': ' date 1987-03-05 Grain stocks fell for a third week.',
  '004_d.txt': ' date 1987-03-06 Gold was steady in quiet dealing.',
  '005_e.txt': ' date 2025-04-27 Troops moved to the border.',
};

/** Headlines of a page's list items, in order. */
const headlines = (html: string) => [...html.matchAll(/<h[23]><a [^>]*>([^<]+)<\/a><\/h[23]>/g)].map((match) => match[1]);

describe('browsing the archive by date', () => {
  it('shows each year on /archive/ with its months and their counts, and each year page as a calendar of those months: a day with articles links to its page with its count; other days are shown, not linked', async () => {
    const { site } = await buildSite(ARTICLES);
    const archive = page(site, /^archive\/index\.html$/);
    // Newest year first, each with the months that hold articles: an overview, not the year pages again.
    expect(archive.indexOf('id="year-2025"')).toBeLessThan(archive.indexOf('id="year-1987"'));
    expect(archive).toContain('<h2 id="year-1987"><a href="../1987/index.html">1987</a> <span class="count">4 articles</span></h2>');
    expect(archive).toContain('<li><a href="../1987/03/index.html">March 1987</a> <span class="count">4 articles</span></li>');
    expect(archive).toContain('<li><a href="../2025/04/index.html">April 2025</a> <span class="count">1 article</span></li>');
    expect(archive).not.toContain('January 1987');
    expect(archive).not.toContain('<table class="month');
    // A year's page is that year's calendar, its heading the page's: only the months with articles.
    const year = page(site, /^1987\/index\.html$/);
    expect(year.match(/<table class="month/g)).toHaveLength(1);
    expect(year).toContain('<caption><a href="03/index.html">March 1987</a> <span class="count">4 articles</span></caption>');
    expect(year).toContain('<th scope="col"><abbr title="Monday">M</abbr></th>');
    // 1 March 1987 was a Sunday: the first week is six empty cells and the 1st.
    expect(year).toContain('<tr><td></td><td></td><td></td><td></td><td></td><td></td><td>1</td></tr>');
    expect(year).toContain('<td class="has"><a href="03/05/index.html">5<span class="n"><span class="visually-hidden">: </span>3<span class="visually-hidden"> articles</span></span></a></td>');
    expect(year).toContain('<td class="has"><a href="03/06/index.html">6<span class="n"><span class="visually-hidden">: </span>1<span class="visually-hidden"> article</span></span></a></td>');
    expect(year.match(/<td class="has">/g)).toHaveLength(2);
    expect(year).not.toContain('id="year-1987"');
    expect(year).not.toBe(page(site, /^archive\/index\.html$/));
  });

  it("lists a month's articles under their days, pageSize a page, newest first; its days with their counts; the months beside it", async () => {
    const { site } = await buildSite({ ...ARTICLES, '006_f.txt': ' date 1987-02-26 Cocoa showers continued.' }, { pageSize: 2 });
    const march = page(site, /^1987\/03\/index\.html$/);
    expect(march).toContain('<h1>March 1987</h1>');
    expect(march).toContain('<li><a href="05/index.html">March 5, 1987</a> <span class="count">3 articles</span></li>');
    expect(march).toContain('<li><a href="06/index.html">March 6, 1987</a> <span class="count">1 article</span></li>');
    // The newest two, under their days' headings, and a link to the older ones.
    expect(headlines(march)).toHaveLength(2);
    expect(headlines(march)[0]).toBe('Gold was steady in quiet dealing');
    expect(march).toMatch(/<h2 class="date-heading"><a href="06\/index\.html"><time datetime="1987-03-06">March 6, 1987<\/time><\/a><\/h2>/);
    const older = /<a rel="next" href="(page\/[^"]+\/index\.html)">Older articles<\/a>/.exec(march)?.[1];
    expect(older).toBeDefined();
    // Its older pages, as a topic's: every article of the month once over them, newest first on each.
    const pages = [...site.files.keys()].filter((file) => /^1987\/03\/page\/[^/]+\/index\.html$/.test(file));
    expect(pages).toContain(`1987/03/${older}`);
    const all = pages.map((file) => page(site, new RegExp(`^${file}$`))).flatMap(headlines);
    expect(all.sort()).toEqual(['Brazil coffee exporters said prices would rise', 'Gold was steady in quiet dealing', 'Grain stocks fall for a third week', 'Oil prices rise in early trading on Thursday']);
    // The months beside it.
    expect(march).toMatch(/<a class="previous" rel="prev" href="\.\.\/02\/index\.html"><span class="direction">Earlier<\/span> <span class="headline">February 1987<\/span><\/a>/);
    expect(march).toMatch(/<a class="next" rel="next" href="\.\.\/\.\.\/2025\/04\/index\.html"><span class="direction">Later<\/span> <span class="headline">April 2025<\/span><\/a>/);
  });

  it('lists a day compactly, newest first as the front page does, with its count, places, and reading times only from 3 minutes', async () => {
    const { site } = await buildSite(ARTICLES);
    const day = page(site, /^1987\/03\/05\/index\.html$/);
    expect(day).toContain('<h1>March 5, 1987</h1>\n<p class="meta">3 articles</p>');
    expect(day).toContain('<ol class="article-list compact">');
    expect(headlines(day)).toEqual(['Grain stocks fall for a third week', 'Brazil coffee exporters said prices would rise', 'Oil prices rise in early trading on Thursday']);
    // The front page lists that day's articles in the same order.
    const front = page(site, /^index\.html$/);
    expect(headlines(front).slice(2)).toEqual(headlines(day));
    // The dateline's place leads the summary; the reading time shows only where it says something.
    expect(day).toContain('<p class="summary"><span class="place">Salvador</span> — ');
    expect(day).toContain('<p class="meta">4 min read</p>');
    expect(day.match(/min read/g)).toHaveLength(1);
    for (const file of site.files.keys()) if (file.endsWith('.html')) expect(page(site, new RegExp(`^${file}$`)), file).not.toMatch(/\b[12] min read/);
    expect(page(site, /^1987\/03\/05\/oil-prices[^/]*\/index\.html$/)).toMatch(/<time datetime="1987-03-05">March 5, 1987<\/time>\s*· 4 min read/);
    expect(page(site, /^1987\/03\/05\/brazil-coffee[^/]*\/index\.html$/)).toMatch(/<p class="meta">\s*<span class="place">Salvador<\/span> · <time datetime="1987-03-05">March 5, 1987<\/time>\s*<\/p>/);
  });

  it('groups the front page under one heading a date, each linking to its day', async () => {
    const { site } = await buildSite(ARTICLES);
    const front = page(site, /^index\.html$/);
    expect([...front.matchAll(/<h2 class="date-heading"><a href="([^"]+)"><time datetime="([^"]+)">([^<]+)<\/time><\/a><\/h2>/g)].map((match) => [match[1], match[2], match[3]])).toEqual([
      ['2025/04/27/index.html', '2025-04-27', 'April 27, 2025'],
      ['1987/03/06/index.html', '1987-03-06', 'March 6, 1987'],
      ['1987/03/05/index.html', '1987-03-05', 'March 5, 1987'],
    ]);
    // Items under a date heading are one level down and do not repeat the date.
    expect(front).toContain('<h3><a href="2025/04/27/troops-moved-to-the-border-e/index.html">Troops moved to the border</a></h3>');
    expect(front).not.toMatch(/<time datetime="[^"]+">[^<]+<\/time> ·/);
  });

  it('links the same calendar day across years: an "on this day" page per day with articles in more than one year, an index, and links from days and the archive', async () => {
    const without = await buildSite(ARTICLES);
    expect([...without.site.files.keys()].filter((file) => file.startsWith('on-this-day/'))).toEqual([]);
    expect(page(without.site, /^archive\/index\.html$/)).not.toContain('on-this-day');
    expect(page(without.site, /^1987\/03\/05\/index\.html$/)).not.toContain('other years');

    const busy: Record<string, string> = {};
    for (let n = 0; n < 4; n++) busy[`01${n}_busy${n}.txt`] = ` date 1987-03-05 Busy story ${n} was filed.`;
    const { site } = await buildSite({ ...ARTICLES, ...busy, '006_f.txt': ' date 1986-03-05 Cocoa talks opened in London.' }, { baseUrl: 'https://example.org/' });
    expect([...site.files.keys()].filter((file) => file.startsWith('on-this-day/')).sort()).toEqual(['on-this-day/03-05/index.html', 'on-this-day/index.html']);
    const onThisDay = page(site, /^on-this-day\/03-05\/index\.html$/);
    expect(onThisDay).toContain('<h1>On this day: March 5</h1>');
    // Newest year first, each with its count, its newest five articles and a link to all of them.
    expect([...onThisDay.matchAll(/<h2 id="year-(\d+)" class="date-heading"><a href="([^"]+)">/g)].map((match) => [match[1], match[2]])).toEqual([
      ['1987', '../../1987/03/05/index.html'],
      ['1986', '../../1986/03/05/index.html'],
    ]);
    expect(headlines(onThisDay)).toEqual(['Busy story 3 was filed', 'Busy story 2 was filed', 'Busy story 1 was filed', 'Busy story 0 was filed', 'Grain stocks fall for a third week', 'Cocoa talks open in London']);
    expect(onThisDay).toContain('<p class="more"><a href="../../1987/03/05/index.html">All 7 articles from March 5, 1987</a></p>');
    expect(page(site, /^on-this-day\/index\.html$/)).toContain('<h2 id="month-03">March</h2>');
    expect(page(site, /^on-this-day\/index\.html$/)).toContain('<li><a href="03-05/index.html">March 5</a> <span class="count">1986, 1987</span></li>');
    expect(page(site, /^1987\/03\/05\/index\.html$/)).toContain('<p class="other-years"><a href="../../../on-this-day/03-05/index.html">March 5</a> in other years: <a href="../../../1986/03/05/index.html">1986</a></p>');
    expect(page(site, /^1986\/03\/05\/index\.html$/)).toContain('in other years: <a href="../../../1987/03/05/index.html">1987</a></p>');
    expect(page(site, /^1987\/03\/06\/index\.html$/)).not.toContain('other years');
    expect(page(site, /^archive\/index\.html$/)).toContain('<a href="../on-this-day/index.html">On this day</a>');
    // Listed in the sitemap of other pages.
    expect(site.text('sitemap-pages.xml')).toContain('<loc>https://example.org/on-this-day/03-05/</loc><lastmod>1987-03-05</lastmod>');
  });

  it('escapes the place a list shows (templates escape every value)', () => {
    const render = createRenderer({ folders: [DEFAULT_TEMPLATES] }, templateSite(configSchema.parse({})));
    const chrome = { home: 'index.html', archive: 'archive/index.html', stylesheet: 'style.css', script: 'x.js', topics: 'topics/index.html', pages: [], nav: [] };
    const list: ListPage = {
      template: 'list',
      path: '',
      outputFile: 'index.html',
      title: 'T',
      description: 'D',
      chrome,
      breadcrumbs: [],
      heading: 'Latest',
      groups: [{ items: [{ href: 'a/index.html', headline: 'H', place: '<img src=x onerror=alert(1)>', date: '1987-03-05', dateLabel: 'March 5, 1987', summary: 'S' }] }],
      layout: 'compact',
      itemDates: false,
      isFront: false,
    };
    expect(render.render(frontKind.template!, list)).toContain('<span class="place">&lt;img src=x onerror=alert(1)&gt;</span> — S');
    // A place with no standfirst after it is not followed by a dash leading nowhere ("SEATTLE —").
    const bare = { ...list, groups: [{ items: [{ ...list.groups[0]!.items[0]!, place: 'Seattle', summary: '' }] }] };
    const html = render.render(frontKind.template!, bare);
    expect(html).toContain('<p class="summary"><span class="place">Seattle</span></p>');
    expect(html).not.toContain('—');
  });
});
