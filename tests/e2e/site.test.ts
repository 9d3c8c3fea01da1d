import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateline } from '../helpers/cli.ts';
import { FIXTURE, listFiles, readTree, sample, SEEDS, tempDir } from '../helpers/files.ts';
import { brokenLinks } from '../helpers/links.ts';
import { itNeeding } from '../helpers/requires.ts';
import { checkHtml } from '../helpers/vnu.ts';

const BASE_URL = 'https://example.org/news/';
let work: Awaited<ReturnType<typeof tempDir>>;
let input: string;
let output: string;
let files: string[];
let html: string[];

/** Builds the seeds plus the fixture archive (360 articles over nine days) once, in a far-east time zone; the tests look at the result. */
beforeAll(async () => {
  work = await tempDir();
  input = path.join(work.dir, 'articles');
  output = path.join(work.dir, 'site');
  await mkdir(input);
  for (const name of await sample(FIXTURE, 360)) await copyFile(path.join(FIXTURE, name), path.join(input, name));
  await copyFile(path.join(SEEDS, '000_8e7b29ad4a414b1e.txt'), path.join(input, '000_8e7b29ad4a414b1e.txt'));
  const result = await dateline(['build', '--input', input, '--output', output, '--base-url', BASE_URL], { env: { TZ: 'Pacific/Kiritimati' } });
  expect(result.code, result.stderr).toBe(0);
  files = await listFiles(output);
  html = files.filter((file) => file.endsWith('.html'));
});

afterAll(() => work?.cleanup());

describe('a site built from the seeds and the fixture archive', () => {
  it('has one page per article, front pages, archives, feeds, sitemap, robots.txt and a 404 page', () => {
    const articlePages = html.filter((file) => /^\d{4}\/\d{2}\/\d{2}\/(?!page\/)[^/]+\/index\.html$/.test(file));
    expect(articlePages).toHaveLength(361);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'archive/index.html', '2023/index.html', '2023/11/index.html', '2023/11/27/index.html', '2023/12/05/index.html', '2025/04/27/index.html', 'feed.xml', 'rss.xml', 'feed.json', 'sitemap.xml', 'sitemap-news.xml', 'robots.txt', '404.html', 'assets/style.css']));
    // The archive's older articles, on pages named by their first article.
    expect(files.filter((file) => /^page\/[a-z0-9-]+\/index\.html$/.test(file)).length).toBeGreaterThan(10);
  });

  it('resolves every internal link and asset to a file in the output', async () => {
    expect(await brokenLinks(output, html, { baseUrl: BASE_URL })).toEqual([]);
  });

  itNeeding('java', 'passes the W3C Nu HTML checker on every page', async () => {
    const errors = await checkHtml(html.map((file) => path.join(output, file)));
    expect(errors.map((error) => `${path.relative(output, new URL(error.url).pathname)}:${error.lastLine}: ${error.message}`)).toEqual([]);
  });

  it('writes Atom and RSS feeds that a real feed parser reads, newest first, 50 entries', async () => {
    for (const file of ['feed.xml', 'rss.xml']) {
      const feed = parseFeed(await readFile(path.join(output, file), 'utf8'));
      expect(feed.items).toHaveLength(50);
      expect(feed.items[0]?.title).toMatch(/^North Korea officially confirms /);
      expect(feed.items[0]?.url).toMatch(/^https:\/\/example\.org\/news\/2025\/04\/27\/north-korea/);
      expect(feed.items[0]?.published?.toISOString()).toBe('2025-04-27T00:00:00.000Z');
    }
  });

  it('writes a JSON Feed whose items link to built pages', async () => {
    const feed = JSON.parse(await readFile(path.join(output, 'feed.json'), 'utf8')) as { version: string; items: { url: string; title: string; date_published: string }[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toHaveLength(50);
    for (const item of feed.items) expect(files).toContain(`${item.url.slice(BASE_URL.length)}index.html`);
  });

  it('lists every page once in the sitemaps the sitemap index names, with absolute URLs', async () => {
    const index = await readFile(path.join(output, 'sitemap.xml'), 'utf8');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(sitemaps).toEqual(expect.arrayContaining([`${BASE_URL}sitemap-2023-11.xml`, `${BASE_URL}sitemap-pages.xml`, expect.stringMatching(/sitemap-topics-\d\.xml$/)]));
    const urls: string[] = [];
    for (const sitemap of sitemaps) urls.push(...[...(await readFile(path.join(output, sitemap.slice(BASE_URL.length)), 'utf8')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!));
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toHaveLength(html.length - 2); // every page but 404.html and the search page (nothing to index)
    expect(urls).toContain(`${BASE_URL}2025/04/27/`);
  });

  it('writes a Google News sitemap of the newest two calendar days (the seed alone: the day before has nothing), named in robots.txt', async () => {
    const news = await readFile(path.join(output, 'sitemap-news.xml'), 'utf8');
    const locs = [...news.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(locs).toEqual([expect.stringMatching(/^https:\/\/example\.org\/news\/2025\/04\/27\/north-korea/)]);
    expect(files).toContain(`${locs[0]!.slice(BASE_URL.length)}index.html`);
    // Built in UTC+14, the date is still the one written.
    expect(news).toContain('<news:publication_date>2025-04-27</news:publication_date>');
    expect(await readFile(path.join(output, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${BASE_URL}sitemap-news.xml`);
  });

  it('shows the seed article with its date as written, and no page the leftovers in its text and the fixture\'s', async () => {
    const page = html.find((file) => file.startsWith('2025/04/27/north-korea'));
    const text = await readFile(path.join(output, page ?? ''), 'utf8');
    expect(text).toContain('<time datetime="2025-04-27">April 27, 2025</time>');
    expect(text).not.toContain('Article continues below the player');
    expect(text).not.toContain('Advertisment1');
    expect(text).toContain('Kursk and Belgorod regions');
    for (const file of html) expect(await readFile(path.join(output, file), 'utf8'), file).not.toMatch(/Article continues below the player|Advertisment1/);
  });

  it('produces byte-identical output on a second build and under a time zone far to the west', async () => {
    const again = path.join(work.dir, 'again');
    const west = path.join(work.dir, 'west');
    const [first, second] = await Promise.all([
      dateline(['build', '--input', input, '--output', again, '--base-url', BASE_URL], { env: { TZ: 'Pacific/Kiritimati' } }),
      dateline(['build', '--input', input, '--output', west, '--base-url', BASE_URL], { env: { TZ: 'America/Adak' } }),
    ]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const original = await readTree(output);
    for (const other of [await readTree(again), await readTree(west)]) {
      expect([...other.keys()]).toEqual([...original.keys()]);
      for (const [file, bytes] of original) expect(other.get(file)?.equals(bytes), file).toBe(true);
    }
  });
});
