import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { SEEDS } from '../helpers/files.ts';
import { buildSite, page } from '../helpers/site.ts';

const BASE_URL = 'https://example.org/news/';

describe('a whole site built from articles declared inline', () => {
  it('escapes a headline holding <script> everywhere it appears', async () => {
    const { site } = await buildSite({ '001_a.txt': ' date 2025-04-27 <script>alert("x")</script> Troops moved.\n\nSecond paragraph.' }, { baseUrl: BASE_URL });
    for (const file of ['index.html', '2025/04/27/index.html']) expect(page(site, new RegExp(`^${file}$`))).not.toContain('<script>alert');
    const article = page(site, /^2025\/04\/27\/script-alert.*\/index\.html$/);
    expect(article).toContain('<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Troops moved</h1>');
    // Only the JSON-LD element and Dateline's own script file.
    expect(article.match(/<script[\s>][^>]*>/g)).toEqual(['<script type="module" src="../../../../assets/dateline.js">', '<script type="application/ld+json">']);
  });

  it('keeps JSON-LD closed when a headline says </script>', async () => {
    const { site } = await buildSite({ '001_a.md': '---\ntitle: "Breaking </script><script>alert(1)</script>"\ndate: 2025-04-27\n---\nBody.' });
    const article = page(site, /^2025\/04\/27\/a\/index\.html$/);
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(article)?.[1] ?? '';
    expect(JSON.parse(jsonLd)).toMatchObject({ '@type': 'NewsArticle', headline: 'Breaking </script><script>alert(1)</script>', datePublished: '2025-04-27' });
  });

  it('never runs article text as a template', async () => {
    const payload = '{{ range.constructor("return process.version")() }} {{ 7*7 }} {% if true %}yes{% endif %}';
    const { site } = await buildSite({ '001_a.txt': ` date 2025-04-27 ${payload}`, '002_b.md': `---\ntitle: "${payload.replace(/"/g, '\\"')}"\ndate: 2025-04-28\n---\n${payload}` });
    for (const [file, content] of site.files) {
      if (!file.endsWith('.html')) continue;
      expect(String(content), file).not.toContain(process.version);
      expect(String(content), file).not.toMatch(/\b49\b/);
    }
    const article = page(site, /^2025\/04\/28\/b\/index\.html$/);
    expect(article).toContain('<h1>{{ range.constructor(&quot;return process.version&quot;)() }} {{ 7*7 }} {% if true %}yes{% endif %}</h1>');
    expect(page(site, /^2025\/04\/27\/.*-a\/index\.html$/)).toContain('<p>{{ range.constructor("return process.version")() }} {{ 7*7 }} {% if true %}yes{% endif %}</p>');
  });

  it('keeps feeds well-formed XML when the text holds control characters', async () => {
    const { site } = await buildSite({ '001_a.txt': ' date 2025-04-27 Prices\u0003 rose \u0000sharply & <fast>.\n\nMore\u001b text.' }, { baseUrl: BASE_URL });
    for (const file of ['feed.xml', 'rss.xml']) {
      const feed = parseFeed(site.text(file) ?? '');
      expect(feed.items[0]?.title).toBe('Prices rose sharply & <fast>');
    }
    expect(JSON.parse(site.text('feed.json') ?? '').items[0].title).toBe('Prices rose sharply & <fast>');
  });

  it('keeps feeds well-formed when the body holds "]]>" more than once, and escapes the site title once', async () => {
    const { site } = await buildSite({ '001_a.txt': ' date 2025-04-27 Data ]]> one.\n\nAnd ]]> two ]]> three.' }, { baseUrl: BASE_URL, title: 'News & "Views" <1987>' });
    for (const file of ['feed.xml', 'rss.xml']) {
      const feed = parseFeed(site.text(file) ?? '');
      expect(feed.title).toBe('News & "Views" <1987>');
      expect(feed.items[0]?.content).toContain('And ]]> two ]]> three.');
    }
  });

  it('demotes Markdown headings below the page headline', async () => {
    const { site } = await buildSite({ '001_a.md': '---\ntitle: T\ndate: 2025-04-27\n---\n# Section\n\n###### Deep' });
    const article = page(site, /^2025\/04\/27\/a\/index\.html$/);
    expect(article.match(/<h1[ >]/g)).toHaveLength(1);
    expect(article).toContain('<h2>Section</h2>');
    expect(article).toContain('<h6>Deep</h6>');
  });

  it('publishes Markdown bodies sanitized, says which file lost raw HTML, and escapes front matter', async () => {
    const { site, summary } = await buildSite({
      '001_post.md': '---\ntitle: Hello <i>there</i>\ndate: 2025-04-27\nauthor: A <b>B</b>\ntags: [Kursk, Kursk, Russia]\nsource_url: https://example.org/src?a=1&b=2\n---\n\n**Bold** [x](javascript:alert(1)) <iframe src="https://evil.example"></iframe>\n\n<img src=x onerror=alert(1)>',
    });
    const article = page(site, /^2025\/04\/27\/post\/index\.html$/);
    expect(article).toContain('<strong>Bold</strong>');
    expect(article).not.toMatch(/javascript:|<iframe|onerror/);
    expect(article).toContain('<h1>Hello &lt;i&gt;there&lt;/i&gt;</h1>');
    expect(article).toContain('rel="author">A &lt;b&gt;B&lt;/b&gt;</a>');
    // Tags are topics, linked from the article (one `Kursk`: repeats are dropped).
    expect(article).toContain('<li><a href="../../../../topics/kursk/index.html">Kursk</a></li><li><a href="../../../../topics/russia/index.html">Russia</a></li>');
    expect(summary.problems).toEqual([expect.objectContaining({ code: 'raw-html-dropped', severity: 'warning', line: 9, message: 'raw HTML is not published and was dropped (2 places, lines 9, 11)' })]);
  });

  it('leaves drafts out unless asked, and reports them', async () => {
    const files = { '001_a.md': '---\ntitle: Draft\ndate: 2025-04-27\ndraft: true\n---\nBody.', '002_b.txt': ' date 2025-04-27 Published.' };
    const without = await buildSite(files);
    expect(without.summary).toMatchObject({ articles: 1, drafts: 1 });
    const withDrafts = await buildSite(files, {}, true);
    expect(withDrafts.summary).toMatchObject({ articles: 2, drafts: 0 });
  });

  it('builds the good articles when others are bad, and lists each bad one with file, line and reason', async () => {
    const { site, summary } = await buildSite({
      '001_good.txt': ' date 2025-04-27 Good article.',
      '002_bad.txt': '\n date 2025-02-30 Bad date.',
      '003_nodate.md': '---\ntitle: No date\n---\nBody.',
      '006_bad.txt': ' date 2025-04-28 Same id as 002_bad.txt.',
      '004_empty.txt': ' date 2025-04-27 \n\nAdvertisement\n\nArticle continues below the player',
      'notes.pdf': '%PDF',
      '.hidden.txt': 'ignored',
      '005_good.txt~': 'editor backup',
    });
    expect(summary.articles).toBe(1);
    expect(summary.skipped).toBe(4);
    expect(summary.problems.map((problem) => [problem.file.split('/').pop(), problem.line, problem.code])).toEqual([
      ['002_bad.txt', 2, 'bad-date'],
      ['003_nodate.md', 1, 'bad-front-matter'],
      ['004_empty.txt', 3, 'empty-body'],
      ['006_bad.txt', undefined, 'duplicate-id'],
      ['notes.pdf', undefined, 'not-an-article'],
    ]);
    expect(summary.problems[1]?.message).toBe('date: date is required as YYYY-MM-DD (a line such as: date: 2025-04-27)');
    expect(page(site, /^2025\/04\/27\/good-article-good\/index\.html$/)).toContain('Good article.');
  });

  it('links the previous and next article in time and the neighbouring days', async () => {
    const { site } = await buildSite({
      '001_a.txt': ' date 2025-04-26 First story.',
      '002_b.txt': ' date 2025-04-27 Second story.',
      '003_c.txt': ' date 2025-05-02 Third story.',
    });
    const second = page(site, /^2025\/04\/27\/second-story-b\/index\.html$/);
    expect(second).toContain('<a class="previous" rel="prev" href="../../26/first-story-a/index.html">');
    expect(second).toContain('<a class="next" rel="next" href="../../../05/02/third-story-c/index.html">');
    const day = page(site, /^2025\/04\/27\/index\.html$/);
    expect(day).toContain('href="../26/index.html"');
    expect(day).toContain('href="../../05/02/index.html"');
  });

  it("shows no pagination on a page that needs none (regression: Eleventy's own `pagination` leaked into day pages)", async () => {
    const { site } = await buildSite({ '001_a.txt': ' date 2025-04-26 One.', '002_b.txt': ' date 2025-04-27 Two.' });
    for (const file of ['index.html', '2025/04/26/index.html', '2025/04/27/index.html']) {
      expect(page(site, new RegExp(`^${file}$`))).not.toContain('class="pagination"');
    }
  });

  it('cuts the archive into pages where its articles say: every article on one page, pages linked newest to oldest', async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 45; n++) files[`${String(n).padStart(3, '0')}_id${n}.txt`] = ` date 2025-04-27 Story number ${n}.`;
    const { site } = await buildSite(files, { dayPageSize: 20 });
    const front = page(site, /^index\.html$/);
    // The front page: the newest 20, and a link to the page holding the next older article.
    expect([...front.matchAll(/<h3><a [^>]*>Story number (\d+)/g)].map((match) => Number(match[1]))).toEqual(Array.from({ length: 20 }, (_, index) => 44 - index));
    const pages = [...site.files.keys()].filter((file) => /^page\/[^/]+\/index\.html$/.test(file));
    const stories = pages.flatMap((file) => [...page(site, new RegExp(`^${file}$`)).matchAll(/<h3><a [^>]*>Story number (\d+)/g)].map((match) => Number(match[1])));
    expect(stories.sort((a, b) => a - b)).toEqual(Array.from({ length: 45 }, (_, index) => index));
    // The front page links to the page holding the next older article.
    const older = /<a rel="next" href="([^"]+)">Older articles<\/a>/.exec(front)?.[1] ?? '';
    expect(page(site, new RegExp(`^${older}$`))).toContain('>Story number 24<');
    // From the oldest page, "Newer articles" visits every page once and ends at the front page.
    let at = pages.find((file) => page(site, new RegExp(`^${file}$`)).includes('>Story number 0<'))!;
    const visited = [at];
    for (;;) {
      const newer = /<a rel="prev" href="([^"]+)">Newer articles<\/a>/.exec(page(site, new RegExp(`^${at}$`)))?.[1];
      at = new URL(newer ?? '', `https://x/${at}`).pathname.slice(1);
      if (at === 'index.html') break;
      visited.push(at);
    }
    expect(visited.sort()).toEqual([...pages].sort());
    // A busy day is cut the same way, newest first like the front page: its own page holds the
    // newest, "Older articles" leads through pages named by their first article to the oldest.
    const dayOrder: number[] = [];
    let day: string | undefined = '2025/04/27/index.html';
    const dayPages: string[] = [];
    while (day !== undefined) {
      dayPages.push(day);
      const html = page(site, new RegExp(`^${day}$`));
      dayOrder.push(...[...html.matchAll(/<h2><a [^>]*>Story number (\d+)/g)].map((match) => Number(match[1])));
      const older = /<a rel="next" href="([^"]+)">Older articles<\/a>/.exec(html)?.[1];
      day = older === undefined ? undefined : new URL(older, `https://x/${day}`).pathname.slice(1);
    }
    expect(dayOrder).toEqual(Array.from({ length: 45 }, (_, index) => 44 - index));
    expect(dayPages.length).toBeGreaterThanOrEqual(2);
    expect(dayPages.slice(1).every((file) => /^2025\/04\/27\/page\/id\d+\/index\.html$/.test(file))).toBe(true);
  });

  it('keeps each page of older articles, and its address, when articles are added before or after it', async () => {
    const files: Record<string, string> = {};
    for (let n = 0; n < 200; n++) files[`${String(n).padStart(3, '0')}_id${n}.txt`] = ` date 2025-04-${String(1 + Math.floor(n / 10)).padStart(2, '0')} Story number ${n}.`;
    const pagesOf = (site: Awaited<ReturnType<typeof buildSite>>['site']) =>
      new Map([...site.files].filter(([file]) => /^page\/[^/]+\/index\.html$/.test(file)).map(([file, html]) => [file, String(html)]));
    const before = pagesOf((await buildSite(files)).site);
    // Ten newer articles, and one back-dated into the middle of the archive.
    for (let n = 200; n < 210; n++) files[`${n}_id${n}.txt`] = ` date 2025-04-28 Story number ${n}.`;
    files['999_late.txt'] = ' date 2025-04-10 A story filed late.';
    const after = pagesOf((await buildSite(files)).site);
    const kept = [...before].filter(([file, html]) => after.get(file) === html);
    // Only the pages beside the back-dated article and the newest ones differ; every other page is as it was.
    expect(before.size).toBeGreaterThan(6);
    expect(before.size - kept.length).toBeLessThanOrEqual(5);
  });

});

describe('finding things: topics, related articles and the search index', () => {
  const seed = readFile(path.join(SEEDS, '000_8e7b29ad4a414b1e.txt'), 'utf8');

  it("gives the seed's main names topic pages with Atom feeds, and lists them on the article", async () => {
    const { site } = await buildSite({ '000_8e7b29ad4a414b1e.txt': await seed }, { baseUrl: BASE_URL });
    const topics = [...site.files.keys()].filter((file) => /^topics\/[^/]+\/index\.html$/.test(file)).map((file) => file.split('/')[1]);
    expect(topics).toEqual(expect.arrayContaining(['north-korea', 'russia', 'ukraine', 'kim-jong-un', 'pyongyang', 'kursk']));
    const index = page(site, /^topics\/index\.html$/);
    expect(index).toMatch(/<h2 id="people">People<\/h2>[\s\S]*Kim Jong Un[\s\S]*<h2 id="places">Places<\/h2>[\s\S]*Pyongyang/);
    const topic = page(site, /^topics\/kim-jong-un\/index\.html$/);
    expect(topic).toContain('<p class="kicker">Person · 1 article</p>');
    expect(topic).toContain('<link rel="alternate" type="application/atom+xml" title="Atom feed for Kim Jong Un" href="feed.xml">');
    const feed = parseFeed(page(site, /^topics\/kim-jong-un\/feed\.xml$/));
    expect(feed.title).toBe('Kim Jong Un · Dateline');
    expect(feed.items.map((item) => item.url)).toEqual([expect.stringMatching(/^https:\/\/example\.org\/news\/2025\/04\/27\/.+-8e7b29ad4a414b1e\/$/)]);
    const article = page(site, /^2025\/04\/27\/.+\/index\.html$/);
    expect(article).toContain('<li><a href="../../../../topics/kim-jong-un/index.html">Kim Jong Un</a></li>');
  });

  it('lists related articles on an article page', async () => {
    const { site } = await buildSite({
      '001_a.txt': ' date 2025-04-01 Flood waters rose at the Kariba dam as the Zambezi flood spread.',
      '002_b.txt': ' date 2025-04-02 The Kariba dam flood eased as Zambezi waters fell.',
      '003_c.txt': ' date 2025-04-03 Wheat prices rose in Chicago trading.',
    });
    const article = page(site, /^2025\/04\/01\/.+-a\/index\.html$/);
    expect(article).toMatch(/<h2 id="related-heading">Related articles<\/h2>\s*<ul>\s*<li><a href="\.\.\/\.\.\/02\/the-kariba-dam[^"]*-b\/index\.html">Kariba dam flood eased/);
    expect(article).not.toContain('Wheat prices');
  });

  it("indexes every article's body for Pagefind, with year and topic filters", async () => {
    const { site, summary } = await buildSite({ '000_8e7b29ad4a414b1e.txt': await seed, '001_a.txt': ' date 1987-02-26 Cocoa prices rose.' }, { search: true });
    expect(summary.stages.map((stage) => stage.stage)).toContain('index for search');
    expect(site.files.has('pagefind/pagefind.js')).toBe(true);
    // A clean build writes one segment holding every article; Pagefind's runtime sits beside it.
    const manifest = JSON.parse(site.text('pagefind/segments.json') ?? '{}') as { segments: string[]; articles: number };
    expect(manifest).toMatchObject({ segments: ['s1'], articles: 2 });
    const entry = JSON.parse(site.text('pagefind/s1/pagefind-entry.json') ?? '{}') as { languages: Record<string, { page_count: number }> };
    expect(entry.languages.en?.page_count).toBe(2);
    const search = page(site, /^search\/index\.html$/);
    expect(search).toContain('data-pagefind="../pagefind/pagefind.js" data-root="../"');
  });

  it('has no search page and no search box without a search index', async () => {
    const { site } = await buildSite({ '001_a.txt': ' date 2025-04-27 Cocoa prices rose.' }, { search: false });
    expect([...site.files.keys()].filter((file) => file.startsWith('search/') || file.startsWith('pagefind/'))).toEqual([]);
    expect(page(site, /^index\.html$/)).not.toContain('data-search-box');
    expect(page(site, /^index\.html$/)).toContain('<a class="search-fallback" href="archive/index.html">Browse the archive</a>');
  });
});
