import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { png } from '../helpers/images.ts';
import { buildSiteIn, page } from '../helpers/site.ts';

const BASE = { baseUrl: 'https://example.org/news/' };
const article = (front: string, body: string) => `---\n${front}\n---\n${body}\n`;

describe('authored articles', () => {
  it("copy their pictures beside the page with width and height, and leave out, with a warning naming the line, one that is missing or outside the input", async () => {
    const { site, summary } = await buildSiteIn({
      'articles/desk/troops.md': article('title: Troops reach the border\ndate: 2025-04-27', 'They arrived.\n\n![The route](maps/route%20map.png)\n\n![Again][route]\n\n![Gone](missing.png)\n\n![Secret](../../outside.png)\n\n![Remote](https://cdn.example.org/x.jpg)\n\n[route]: maps/route%20map.png'),
      'articles/desk/maps/route map.png': png(40, 30),
      'outside.png': png(1, 1),
    });
    const html = page(site, /^2025\/04\/27\/troops\/index\.html$/);
    expect(html).toContain('<img src="route-map.png" alt="The route" width="40" height="30">');
    expect(html).toContain('<img src="route-map.png" alt="Again" width="40" height="30">');
    expect(html).toContain('<img src="https://cdn.example.org/x.jpg" alt="Remote">');
    expect(html).not.toMatch(/missing\.png|outside|Secret|<p><\/p>/);
    expect(Buffer.from(site.files.get('2025/04/27/troops/route-map.png') as Uint8Array).equals(png(40, 30))).toBe(true);
    expect(summary.problems.map((problem) => `${problem.file.split('/').slice(-2).join('/')}:${problem.line}: ${problem.message}`)).toEqual([
      'desk/troops.md:11: the picture "missing.png" is not in the input folder; it is left out',
      'desk/troops.md:13: the picture "../../outside.png" is outside the input folder; it is left out',
    ]);
  });

  it('share their picture: image: first, else the first picture; og:image with its size, the large Twitter/X card and JSON-LD image', async () => {
    const { site } = await buildSiteIn(
      {
        'articles/a.md': article('title: With a lead picture\ndate: 2025-04-27\nimage: lead.png', 'Text.\n\n![Map](map.png)'),
        'articles/b.md': article('title: With a picture in the text\ndate: 2025-04-27', 'Text.\n\n![Map](map.png)'),
        'articles/c.md': article('title: With a picture elsewhere\ndate: 2025-04-27\nimage: https://cdn.example.org/photo.jpg', 'Text.'),
        'articles/d.md': article('title: With none\ndate: 2025-04-27', 'Text.'),
        'articles/lead.png': png(1200, 630),
        'articles/map.png': png(64, 48),
      },
      BASE,
    );
    const a = page(site, /^2025\/04\/27\/a\/index\.html$/);
    expect(a).toContain('<meta property="og:image" content="https://example.org/news/2025/04/27/a/lead.png">');
    expect(a).toContain('<meta property="og:image:width" content="1200">\n<meta property="og:image:height" content="630">');
    expect(a).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(a).toContain('"image":["https://example.org/news/2025/04/27/a/lead.png"]');
    expect(site.files.has('2025/04/27/a/lead.png')).toBe(true);
    expect(page(site, /^2025\/04\/27\/b\/index\.html$/)).toContain('<meta property="og:image" content="https://example.org/news/2025/04/27/b/map.png">');
    expect(page(site, /^2025\/04\/27\/c\/index\.html$/)).toContain('<meta property="og:image" content="https://cdn.example.org/photo.jpg">');
    const d = page(site, /^2025\/04\/27\/d\/index\.html$/);
    expect(d).not.toContain('og:image');
    expect(d).not.toContain('twitter:card');
  });

  it('have author pages: every author A–Z, each with their articles in pages, a feed, and links from the articles and their JSON-LD', async () => {
    const files: Record<string, string> = { 'articles/wire.txt': ' date 2025-04-01 A wire story with no author.' };
    for (let day = 1; day <= 7; day++) files[`articles/ana-${day}.md`] = article(`title: Ana's story ${day}\ndate: 2025-04-0${day}\nauthor: Ana María Pérez`, 'Text.');
    files['articles/both.md'] = article('title: Written together\ndate: 2025-04-08\nauthor: [Ana María Pérez, "Bo <Lee>"]', 'Text.');
    const { site } = await buildSiteIn(files, { ...BASE, pageSize: 3 });
    const index = page(site, /^authors\/index\.html$/);
    expect(index).toMatch(/href="ana-maria-perez\/index\.html">Ana María Pérez<\/a> <span class="count">8 articles<\/span>[\s\S]*href="bo-lee\/index\.html">Bo &lt;Lee&gt;<\/a> <span class="count">1 article<\/span>/);
    const ana = page(site, /^authors\/ana-maria-perez\/index\.html$/);
    expect(ana).toContain('<h1>Ana María Pérez</h1>');
    expect(ana).toContain('Author · 8 articles');
    expect(ana.match(/<article|<li class="item/g)?.length ?? (ana.match(/class="headline"/g) ?? []).length).toBeGreaterThan(0);
    expect([...site.files.keys()].filter((file) => /^authors\/ana-maria-perez\/page\/[^/]+\/index\.html$/.test(file)).length).toBeGreaterThan(0);
    const feed = parseFeed(page(site, /^authors\/ana-maria-perez\/feed\.xml$/));
    expect(feed.items.map((item) => item.title)).toEqual(['Written together', ...[7, 6, 5, 4, 3, 2, 1].map((day) => `Ana's story ${day}`)]);
    const both = page(site, /^2025\/04\/08\/both\/index\.html$/);
    expect(both).toContain('by <a href="../../../../authors/ana-maria-perez/index.html" rel="author">Ana María Pérez</a> and <a href="../../../../authors/bo-lee/index.html" rel="author">Bo &lt;Lee&gt;</a>');
    expect(both).toContain('"author":[{"@type":"Person","name":"Ana María Pérez","url":"https://example.org/news/authors/ana-maria-perez/"},{"@type":"Person","name":"Bo \\u003cLee\\u003e","url":"https://example.org/news/authors/bo-lee/"}]');
    expect(page(site, /^sitemap-pages\.xml$/)).toContain('<loc>https://example.org/news/authors/ana-maria-perez/</loc>');
    expect(site.files.has('authors/index.html') && !page(site, /^2025\/04\/01\/index\.html$/).includes('authors/')).toBe(true);
  });

  it('say when they were updated: on the page, as dateModified, and in the feeds; an update before the date is refused', async () => {
    const { site, summary } = await buildSiteIn(
      {
        'articles/fixed.md': article('title: Corrected story\ndate: 2025-04-27\nupdated: 2025-05-02', 'Text.'),
        'articles/bad.md': article('title: Time travel\ndate: 2025-04-27\nupdated: 2025-04-20', 'Text.'),
      },
      BASE,
    );
    const html = page(site, /^2025\/04\/27\/fixed\/index\.html$/);
    expect(html).toContain('Updated <time datetime="2025-05-02">May 2, 2025</time>');
    expect(html).toContain('"dateModified":"2025-05-02"');
    expect(html).toContain('<meta property="article:modified_time" content="2025-05-02">');
    const atom = parseFeed(page(site, /^feed\.xml$/));
    expect(atom.items[0]?.updated?.toISOString()).toBe('2025-05-02T00:00:00.000Z');
    expect(atom.items[0]?.published?.toISOString()).toBe('2025-04-27T00:00:00.000Z');
    expect(JSON.parse(page(site, /^feed\.json$/)).items[0]).toMatchObject({ date_published: '2025-04-27T00:00:00.000Z', date_modified: '2025-05-02T00:00:00.000Z' });
    expect(page(site, /^sitemap-2025-04\.xml$/)).toContain('<loc>https://example.org/news/2025/04/27/fixed/</loc><lastmod>2025-05-02</lastmod>');
    expect(summary.problems).toEqual([expect.objectContaining({ code: 'bad-front-matter', line: 4, message: 'updated 2025-04-20 is before the date 2025-04-27' })]);
  });
});
