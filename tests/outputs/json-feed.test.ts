import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildSite, page } from '../helpers/site.ts';

const BASE_URL = 'https://example.org/news/';

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), every field the spec defines, strict: a
 * field it does not define — such as version 1's `author` — fails. (@rowanmanning/feed-parser
 * reads only RSS and Atom, so the schema is the reader here.)
 */
const rfc3339 = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const author = z.strictObject({ name: z.string().optional(), url: z.url().optional(), avatar: z.url().optional() });
const item = z
  .strictObject({
    id: z.string(),
    url: z.url().optional(),
    external_url: z.url().optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    image: z.url().optional(),
    banner_image: z.url().optional(),
    date_published: rfc3339.optional(),
    date_modified: rfc3339.optional(),
    authors: z.array(author).min(1).optional(),
    tags: z.array(z.string()).optional(),
    language: z.string().optional(),
  })
  .refine((value) => value.content_html !== undefined || value.content_text !== undefined, 'an item has content_html or content_text');
const jsonFeed11 = z.strictObject({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string(),
  home_page_url: z.url().optional(),
  feed_url: z.url().optional(),
  description: z.string().optional(),
  user_comment: z.string().optional(),
  next_url: z.url().optional(),
  icon: z.url().optional(),
  favicon: z.url().optional(),
  authors: z.array(author).min(1).optional(),
  language: z.string().optional(),
  expired: z.boolean().optional(),
  hubs: z.array(z.strictObject({ type: z.string(), url: z.url() })).optional(),
  items: z.array(item),
});

const ARTICLES = {
  '001_a.txt': ' date 2025-02-28 Plain text article & more.\n\nSecond paragraph.',
  '002_b.md': '---\ntitle: "Shares <b>& bonds"\ndate: 2025-03-01\nauthor: Jane Roe\ntags: [Markets, "A&B <c>"]\n---\nBody with <script>alert(1)</script> **bold** text.',
};

describe('the JSON Feed', () => {
  it('is JSON Feed 1.1: version, language, authors as an array, plain-text titles, the sanitized body as content_html', async () => {
    const { site } = await buildSite(ARTICLES, { baseUrl: BASE_URL, language: 'en-GB', title: 'News & <Views>' });
    const feed = jsonFeed11.parse(JSON.parse(page(site, /^feed\.json$/)));
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'News & <Views>',
      home_page_url: BASE_URL,
      feed_url: `${BASE_URL}feed.json`,
      language: 'en-GB',
    });
    const [newest, older] = feed.items;
    expect(feed.items).toHaveLength(2);
    expect(newest).toMatchObject({
      id: `${BASE_URL}2025/03/01/b/`,
      url: `${BASE_URL}2025/03/01/b/`,
      title: 'Shares <b>& bonds',
      date_published: '2025-03-01T00:00:00.000Z',
      authors: [{ name: 'Jane Roe' }],
      tags: ['Markets', 'A&B <c>'],
    });
    expect(newest?.content_html).toContain('<strong>bold</strong>');
    expect(newest?.content_html).not.toContain('<script');
    expect(newest?.summary).not.toMatch(/[<>]/);
    expect(older).toMatchObject({ title: 'Plain text article & more', summary: 'Second paragraph.', date_published: '2025-02-28T00:00:00.000Z' });
    expect(older).not.toHaveProperty('authors');
    // Version 1's singular `author` is gone (the strict schema would refuse it too).
    expect(page(site, /^feed\.json$/)).not.toContain('"author"');
  });

  it('is refused by the schema when it is version 1, so the schema can tell them apart', () => {
    const versionOne = { version: 'https://jsonfeed.org/version/1', title: 'T', items: [{ id: 'x', content_html: '', author: { name: 'A' } }] };
    expect(jsonFeed11.safeParse(versionOne).success).toBe(false);
  });

  it('carries the same items, in the same order, as the Atom and RSS feeds', async () => {
    const { site } = await buildSite(ARTICLES, { baseUrl: BASE_URL });
    const json = jsonFeed11.parse(JSON.parse(page(site, /^feed\.json$/)));
    for (const file of [/^feed\.xml$/, /^rss\.xml$/]) {
      const xml = parseFeed(page(site, file));
      expect(xml.items.map((entry) => [entry.url, entry.title])).toEqual(json.items.map((entry) => [entry.url, entry.title]));
    }
  });

  it('names an author in the Atom feed (RFC 4287): the site, for entries that name none', async () => {
    const { site } = await buildSite(ARTICLES, { baseUrl: BASE_URL, title: 'The Harbour Gazette' });
    const atom = page(site, /^feed\.xml$/);
    expect(atom).toMatch(/^<feed[^>]*>[\s\S]*?<author>\s*<name>The Harbour Gazette<\/name>\s*<uri>https:\/\/[^<]+<\/uri>\s*<\/author>/m);
    expect(parseFeed(atom).authors.map((author) => author.name)).toEqual(['The Harbour Gazette']);
  });

  it('is the same bytes when the site is built again', async () => {
    const [first, second] = [await buildSite(ARTICLES, { baseUrl: BASE_URL }), await buildSite(ARTICLES, { baseUrl: BASE_URL })];
    expect(first.site.text('feed.json')).toBe(second.site.text('feed.json'));
  });
});
