import { describe, expect, it } from 'vitest';
import { buildSite, page } from '../helpers/site.ts';

const BASE_URL = 'https://example.org/news/';
const ARTICLE = { '001_a.txt': ' date 2025-04-27 Troops moved north on Sunday.\n\nSecond paragraph.' };
const ARTICLE_PAGE = /^2025\/04\/27\/troops-.*\/index\.html$/;

/** The site header of a page. */
const header = (html: string) => /<header class="site-header">[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';
const footer = (html: string) => /<footer class="site-footer">[\s\S]*?<\/footer>/.exec(html)?.[0] ?? '';

describe('the site settings, in a whole site', () => {
  it('shows the tagline under the title on every page, escaped, and keeps the description for the meta description', async () => {
    const { site } = await buildSite(ARTICLE, { title: 'The Planet', tagline: 'News & <b>views</b> "since" 1987', description: 'Meta text.' });
    for (const html of [page(site, /^index\.html$/), page(site, ARTICLE_PAGE), page(site, /^404\.html$/)]) {
      expect(header(html)).toContain('<a class="site-title" href="');
      expect(header(html)).toContain('<p class="site-tagline">News &amp; &lt;b&gt;views&lt;/b&gt; &quot;since&quot; 1987</p>');
    }
    expect(page(site, /^index\.html$/)).toContain('<meta name="description" content="Meta text.">');
    const { site: plain } = await buildSite(ARTICLE);
    expect(page(plain, /^index\.html$/)).not.toContain('site-tagline');
  });

  it('shows the logo in place of the title, linked relative to each page, with logoAlt or the title as its text', async () => {
    const { site } = await buildSite(ARTICLE, { title: 'The <Planet>', logo: '/static/logo.svg', logoAlt: 'Daily "Planet" & co' });
    expect(header(page(site, /^index\.html$/))).toContain('<a class="site-title" href="index.html"><img class="site-logo" src="static/logo.svg" alt="Daily &quot;Planet&quot; &amp; co"></a>');
    expect(header(page(site, ARTICLE_PAGE))).toContain('<img class="site-logo" src="../../../../static/logo.svg" alt="Daily &quot;Planet&quot; &amp; co">');
    // 404.html is served at any depth: root-relative without a base URL, absolute with one.
    expect(header(page(site, /^404\.html$/))).toContain('<img class="site-logo" src="/static/logo.svg"');
    const { site: titled } = await buildSite(ARTICLE, { title: 'The <Planet>', logo: 'static/logo.svg', baseUrl: BASE_URL });
    expect(header(page(titled, /^2025\/04\/27\/index\.html$/))).toContain('<img class="site-logo" src="../../../static/logo.svg" alt="The &lt;Planet&gt;">');
    expect(header(page(titled, /^404\.html$/))).toContain('<img class="site-logo" src="https://example.org/news/static/logo.svg" alt="The &lt;Planet&gt;">');
    // The logo stands for the site in JSON-LD (absolute, so only with a base URL).
    expect(page(titled, ARTICLE_PAGE)).toContain('"publisher":{"@type":"Organization","name":"The \\u003cPlanet\\u003e","logo":{"@type":"ImageObject","url":"https://example.org/news/static/logo.svg"}}');
  });

  it("lists the site's own links after Dateline's, site paths relative to each page, web addresses as they are, labels escaped", async () => {
    const nav = [
      { label: 'About <us>', url: '/about/' },
      { label: 'Oil & gas', url: 'search/?q=oil#results' },
      { label: 'Mastodon', url: 'https://example.social/@planet?a=1&b="2"' },
    ];
    const { site } = await buildSite(ARTICLE, { nav, baseUrl: BASE_URL });
    const links = (html: string) => [...header(html).matchAll(/<li><a href="([^"]*)">([^<]*)<\/a><\/li>/g)].map((match) => `${match[2]} → ${match[1]}`);
    expect(links(page(site, ARTICLE_PAGE))).toEqual([
      'Latest → ../../../../index.html',
      'Archive → ../../../../archive/index.html',
      'Topics → ../../../../topics/index.html',
      'Feed → ../../../../feed.xml',
      'About &lt;us&gt; → ../../../../about/index.html',
      'Oil &amp; gas → ../../../../search/index.html?q=oil#results',
      'Mastodon → https://example.social/@planet?a=1&amp;b=&quot;2&quot;',
    ]);
    expect(links(page(site, /^index\.html$/)).slice(4, 6)).toEqual(['About &lt;us&gt; → about/index.html', 'Oil &amp; gas → search/index.html?q=oil#results']);
    expect(links(page(site, /^404\.html$/))[4]).toBe('About &lt;us&gt; → https://example.org/news/about/');
  });

  it('shows the footer text as paragraphs, escaped, in place of the title and description', async () => {
    const { site } = await buildSite(ARTICLE, { title: 'The Planet', description: 'Old line.', footer: '© 2026 The <Planet> & partners.\n\n  Corrections: corrections@example.org  ' });
    const text = footer(page(site, /^index\.html$/));
    expect(text).toContain('<p>© 2026 The &lt;Planet&gt; &amp; partners.</p>\n    <p>Corrections: corrections@example.org</p>');
    expect(text).not.toContain('Old line.');
    const { site: plain } = await buildSite(ARTICLE, { title: 'The Planet', description: 'Old line.' });
    expect(footer(page(plain, /^index\.html$/))).toContain('<p>The Planet · Old line.</p>');
  });

  it('writes the colours to assets/theme.css, which every page links after the stylesheet; without colours there is neither', async () => {
    const colors = { light: { accent: '#8a1c1c', link: 'rgb(11 83 148)' }, dark: { accent: 'hsl(5 100% 80%)' } };
    const { site } = await buildSite(ARTICLE, { colors });
    expect(site.text('assets/theme.css')).toContain('@media screen and (prefers-color-scheme: light) {\n  :root {\n    --accent: #8a1c1c;\n    --link: rgb(11 83 148);\n  }\n}');
    expect(site.text('assets/theme.css')).toContain('--accent: hsl(5 100% 80%);');
    for (const [file, content] of site.files) {
      if (!file.endsWith('.html')) continue;
      const up = file === '404.html' ? '/' : '../'.repeat(file.split('/').length - 1);
      expect(String(content), file).toContain(`<link rel="stylesheet" href="${up}assets/style.css">\n<link rel="stylesheet" href="${up}assets/theme.css">`);
    }
    // The colours are in the theme, not the pages.
    expect(page(site, /^index\.html$/)).not.toContain('8a1c1c');
    const { site: plain } = await buildSite(ARTICLE);
    expect(plain.files.has('assets/theme.css')).toBe(false);
    expect(page(plain, /^index\.html$/)).not.toContain('theme.css');
  });

  it('shares the default image, for articles without one of their own, as og:image, the large Twitter/X card and JSON-LD image; without a base URL it leaves them out', async () => {
    const { site } = await buildSite({ ...ARTICLE, '002_b.md': '---\ntitle: Own picture\ndate: 2025-04-28\nimage: https://cdn.example/own.jpg\n---\nBody.' }, { image: '/static/social-card.png', baseUrl: BASE_URL });
    const article = page(site, ARTICLE_PAGE);
    expect(article).toContain('<meta property="og:image" content="https://example.org/news/static/social-card.png">');
    expect(article).toContain('<meta name="twitter:card" content="summary_large_image">');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(article)?.[1] ?? '{}') as Record<string, unknown>;
    expect(jsonLd.image).toEqual(['https://example.org/news/static/social-card.png']);
    // An article's own picture comes first.
    expect(page(site, /^2025\/04\/28\/b\/index\.html$/)).toContain('<meta property="og:image" content="https://cdn.example/own.jpg">');

    const { site: local } = await buildSite(ARTICLE, { image: 'static/social-card.png' });
    const offline = page(local, ARTICLE_PAGE);
    expect(offline).not.toMatch(/og:image|twitter:|"image"/);
  });
});
