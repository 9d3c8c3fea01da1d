import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteIn, page } from '../helpers/site.ts';
import { tempDir } from '../helpers/files.ts';
import { build } from '../../src/build/build.ts';
import { configSchema } from '../../src/config/schema.ts';
import { MemoryStateStore } from '../../src/store/memory-store.ts';
import { MemoryWriter } from '../../src/write/writer.ts';
import { writeInput } from '../helpers/site.ts';

const ARTICLE = { 'articles/001_a.txt': ' date 2025-04-27 Troops were deployed to the border on Sunday.' };
const pageFile = (front: string, body = 'Text.') => `---\n${front}\n---\n${body}\n`;

describe("the site's own pages", () => {
  it('are published at their slugs, in the site layout and its sitemap, and in its navigation when they ask, in their order', async () => {
    const { site, summary } = await buildSiteIn(
      {
        ...ARTICLE,
        'pages/about.md': pageFile('title: About us\nnav: 2', 'We are a **newsroom** in [Kyiv](https://example.org/kyiv).'),
        'pages/policies/Corrections Policy.md': pageFile('title: Corrections\nnav: { label: Fixes, order: 1 }\ndescription: How we correct.', '# How\n\nWe fix errors.'),
        'pages/contact.md': pageFile('title: Contact\nslug: write-to-us'),
      },
      { baseUrl: 'https://example.org/news/' },
    );
    expect(summary.problems).toEqual([]);
    const about = page(site, /^about\/index\.html$/);
    expect(about).toContain('<h1>About us</h1>');
    expect(about).toContain('<p>We are a <strong>newsroom</strong> in <a href="https://example.org/kyiv">Kyiv</a>.</p>');
    expect(about).toContain('<link rel="stylesheet" href="../assets/style.css">');
    expect(about).toContain('<link rel="canonical" href="https://example.org/news/about/">');
    const corrections = page(site, /^policies\/corrections-policy\/index\.html$/);
    expect(corrections).toContain('<meta name="description" content="How we correct.">');
    // The page's title is its <h1>: the body's headings go one down.
    expect(corrections).toContain('<h2>How</h2>');
    expect(page(site, /^write-to-us\/index\.html$/)).toContain('<h1>Contact</h1>');
    // In the navigation of every page, by their order: Fixes (1) before About us (2); Contact asked for none.
    for (const [file, prefix] of [['index.html', ''], ['write-to-us/index.html', '../']] as const) {
      const nav = /<nav aria-label="Site">([\s\S]*?)<\/nav>/.exec(site.text(file)!)![1]!;
      expect(nav.indexOf(`href="${prefix}policies/corrections-policy/index.html">Fixes<`)).toBeGreaterThan(-1);
      expect(nav.indexOf(`href="${prefix}about/index.html">About us<`)).toBeGreaterThan(nav.indexOf('>Fixes<'));
      expect(nav).not.toContain('Contact');
    }
    const sitemap = page(site, /^sitemap-pages\.xml$/);
    for (const url of ['about/', 'policies/corrections-policy/', 'write-to-us/']) expect(sitemap).toContain(`<loc>https://example.org/news/${url}</loc>`);
  });

  it('escape their titles, drop raw HTML with a warning naming the file, and leave drafts out unless asked', async () => {
    const files = {
      ...ARTICLE,
      'pages/about.md': pageFile('title: "<script>alert(1)</script>"\nnav: true', 'Hello <img src=x onerror=alert(1)> there.'),
      'pages/soon.md': pageFile('title: Soon\ndraft: true'),
    };
    const { site, summary } = await buildSiteIn(files);
    const about = page(site, /^about\/index\.html$/);
    expect(about).not.toContain('<script>alert');
    expect(about).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(about).not.toContain('onerror');
    expect(summary.problems).toEqual([expect.objectContaining({ code: 'raw-html-dropped', file: expect.stringMatching(/pages\/about\.md$/), line: 5 })]);
    expect(site.files.has('soon/index.html')).toBe(false);
    expect((await buildSiteIn(files, {}, true)).site.files.has('soon/index.html')).toBe(true);
  });

  it('are refused, each named with the reason, where Dateline makes a page or another page is; the rest are built', async () => {
    const { site, summary } = await buildSiteIn({
      ...ARTICLE,
      'pages/archive.md': pageFile('title: My archive'),
      'pages/year.md': pageFile('title: A year\nslug: 2025/review'),
      'pages/a.md': pageFile('title: A\nslug: team'),
      'pages/b.md': pageFile('title: B\nslug: team'),
      'pages/no-title.md': pageFile('nav: true'),
      'pages/notes.txt': 'not a page',
      'pages/ok.md': pageFile('title: Fine'),
    });
    const problems = summary.problems.map((problem) => `${path.basename(problem.file)}:${problem.line ?? ''} ${problem.message}`);
    expect(problems).toEqual([
      'archive.md: would be at /archive/, where Dateline makes the archive (/archive/); skipped',
      expect.stringMatching(/^b\.md: would be at \/team\/, like .*pages\/a\.md; skipped$/),
      'no-title.md:1 title: title is required (a line such as: title: About us)',
      'notes.txt: is not a page (expected a .md file); ignored',
      'year.md: would be at /2025/review/, where Dateline makes the archive of 2025; skipped',
    ]);
    expect(site.files.has('ok/index.html')).toBe(true);
    expect(page(site, /^team\/index\.html$/)).toContain('<h1>A</h1>');
    expect(page(site, /^archive\/index\.html$/)).not.toContain('My archive');
  });
});

describe("the site's own files", () => {
  it('are copied as they are, nested folders and .well-known included; hidden files and editor leftovers are not', async () => {
    const { site, summary } = await buildSiteIn({
      ...ARTICLE,
      'static/CNAME': 'news.example.org\n',
      'static/favicon.ico': 'icon',
      'static/images/logos/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'static/.well-known/security.txt': 'Contact: mailto:desk@example.org\n',
      'static/.DS_Store': 'junk',
      'static/.env': 'SECRET=1',
      'static/notes.txt~': 'backup',
    });
    expect(summary.problems).toEqual([]);
    expect(site.text('CNAME')).toBe('news.example.org\n');
    expect(site.text('images/logos/logo.svg')).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(site.text('.well-known/security.txt')).toBe('Contact: mailto:desk@example.org\n');
    expect([...site.files.keys()].filter((file) => /DS_Store|\.env|~$/.test(file))).toEqual([]);
  });

  it('are refused, each named with the reason, when they would replace what Dateline makes, hold a name a URL cannot, or lead outside the folder; the rest are copied', async () => {
    const work = await tempDir();
    try {
      await writeInput(work.dir, {
        ...ARTICLE,
        'pages/about.md': pageFile('title: About'),
        'static/index.html': '<p>mine</p>',
        'static/feed.xml': '<feed/>',
        'static/sitemap-extra.xml': '<urlset/>',
        'static/topics/mine.html': 'x',
        'static/about/index.html': 'x',
        'static/my photo.jpg': 'x',
        'static/ok.txt': 'fine',
      });
      await writeFile(path.join(work.dir, 'secret.txt'), 'secret');
      await symlink(path.join(work.dir, 'secret.txt'), path.join(work.dir, 'static/leak.txt'));
      const site = new MemoryWriter();
      const config = configSchema.parse({ search: false, baseUrl: 'https://example.org/', input: path.join(work.dir, 'articles'), pages: path.join(work.dir, 'pages'), static: path.join(work.dir, 'static'), output: path.join(work.dir, 'out') });
      const summary = await build({ config, drafts: false, store: new MemoryStateStore() }, site);
      const problems = summary.problems.map((problem) => `${problem.file.slice(work.dir.length + 1)}: ${problem.message}`);
      expect(problems).toEqual([
        'static/about/index.html: would replace the page of ' + path.join(work.dir, 'pages/about.md').replace(`${process.cwd()}/`, '') + ', which Dateline makes; skipped',
        'static/feed.xml: would replace the Atom feed, which Dateline makes; skipped',
        'static/index.html: would replace the front page, which Dateline makes; skipped',
        'static/leak.txt: is a symbolic link to a place outside the folder; refused',
        'static/my photo.jpg: has a name a URL cannot hold as it is; skipped',
        'static/sitemap-extra.xml: would replace a sitemap, which Dateline makes; skipped',
        'static/topics: would go where Dateline makes the topic pages (/topics/); skipped',
      ]);
      expect(site.text('ok.txt')).toBe('fine');
      expect(site.text('index.html')).not.toContain('<p>mine</p>');
      expect(site.text('about/index.html')).toContain('<h1>About</h1>');
      expect([...site.files.keys()].some((file) => file.includes('leak') || file.includes('photo'))).toBe(false);
    } finally {
      await work.cleanup();
    }
  });
});
