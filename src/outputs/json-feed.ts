import { utcInstant } from '../dates.ts';
import type { SiteSettings } from '../pages/types.ts';
import type { ArticleEntry } from '../records/entry.ts';
import { absoluteUrl, frontPagePath, JSON_FEED_PATH } from '../site/urls.ts';

/** A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/), the fields Dateline writes. */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  /** RFC 5646, as the site's language is given. */
  language: string;
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  id: string;
  url: string;
  /** Plain text, as `summary`: JSON Feed's titles and summaries are not HTML. */
  title: string;
  summary: string;
  content_html: string;
  /** RFC 3339: the article's calendar date at midnight UTC, as in the Atom and RSS feeds. */
  date_published: string;
  /** When the article says it was updated (front matter `updated`). */
  date_modified?: string;
  authors?: { name: string; url?: string }[];
  tags?: string[];
}

/**
 * The site's JSON Feed, version 1.1, written here: the `feed` library (v6) writes only version 1
 * (a singular `author`, no `language`). The items are the Atom and RSS feeds' items: plain-text
 * headline and summary, the sanitized body as `content_html`; `date_modified` when an article says
 * it was updated. Nothing depends on the build's time, so rebuilds are byte-identical.
 */
export function jsonFeed(items: readonly { entry: ArticleEntry; body: string }[], site: SiteSettings & { baseUrl: string }, authorPathOf: (name: string) => string | undefined = () => undefined): string {
  const url = (path: string) => absoluteUrl(site.baseUrl, path);
  const authorUrl = (name: string) => {
    const found = authorPathOf(name);
    return found === undefined ? undefined : url(found);
  };
  const feed: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: site.title,
    home_page_url: url(frontPagePath()),
    feed_url: url(JSON_FEED_PATH),
    description: site.description,
    language: site.language,
    items: items.map(({ entry, body }) => ({
      id: url(entry.path),
      url: url(entry.path),
      title: entry.headline,
      summary: entry.summary,
      content_html: body,
      date_published: utcInstant(entry.date).toISOString(),
      ...(entry.updated === undefined ? {} : { date_modified: utcInstant(entry.updated).toISOString() }),
      ...(entry.authors.length === 0 ? {} : { authors: entry.authors.map((name) => ({ name, ...(authorUrl(name) === undefined ? {} : { url: authorUrl(name) }) })) }),
      ...(entry.tags.length === 0 ? {} : { tags: entry.tags }),
    })),
  };
  return JSON.stringify(feed, null, 4);
}
