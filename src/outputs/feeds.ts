import { Feed } from 'feed';
import { utcInstant } from '../dates.ts';
import type { NamedList } from '../pages/named-list.ts';
import type { SiteState } from '../pages/state.ts';
import type { ArticleEntry } from '../records/entry.ts';
import { absoluteUrl, ATOM_PATH, authorPath, frontPagePath, RSS_PATH } from '../site/urls.ts';
import type { SiteSettings } from '../pages/types.ts';
import { DATELINE_VERSION } from '../version.ts';
import { jsonFeed } from './json-feed.ts';

export interface Feeds {
  atom: string;
  rss: string;
  json: string;
}

type FeedSettings = SiteSettings & { baseUrl: string };

/**
 * Atom and RSS 2.0 for the newest `site.feedSize` articles, made by the `feed` library, and JSON
 * Feed 1.1 of the same items (`jsonFeed`). Feeds hold absolute URLs, so they need the base URL.
 * `updated` is the newest article's date, not the build time, so rebuilds are byte-identical.
 */
export function buildFeeds(state: SiteState, site: FeedSettings): Feeds {
  const positions = newestFirst(state.rows.length, site.feedSize);
  const items = positions.map((position) => ({ entry: state.entry(position), body: state.body(position) }));
  // Atom and RSS carry titles and summaries as HTML (`type="html"`), JSON Feed as plain text:
  // the XML feeds get the text HTML-escaped so a headline such as `<b>` is shown, never obeyed.
  const channel: Channel = { title: site.title, description: site.description, path: frontPagePath(), feeds: { atom: ATOM_PATH, rss: RSS_PATH } };
  const xml = feedOf(items, site, channel, (name) => authorPathOf(state, name));
  return { atom: xml.atom1(), rss: xml.rss2(), json: jsonFeed(items, site, (name) => authorPathOf(state, name)) };
}

/** The path of the page of the author called `name`. */
function authorPathOf(state: SiteState, name: string): string | undefined {
  const author = state.authors.byName.get(name);
  return author === undefined ? undefined : authorPath(author.slug);
}

/**
 * The Atom feed of a named list (a topic, an author): its newest `site.feedSize` articles,
 * headlines and summaries only (an archive has hundreds of topics, and the site's feeds carry the text).
 */
export function listFeed(state: SiteState, named: NamedList, site: FeedSettings): string {
  const channel: Channel = { title: `${named.label} · ${site.title}`, description: `Articles ${named.relation}.`, path: named.path(), feeds: { atom: named.feedPath! } };
  const items = named.members.slice(-site.feedSize).reverse().map((position) => ({ entry: state.entry(position) }));
  return feedOf(items, site, channel, (name) => authorPathOf(state, name)).atom1();
}

/** What a feed is the feed of: the whole site, or one topic. */
interface Channel {
  title: string;
  description: string;
  /** The page the feed follows. */
  path: string;
  /** The feed's own address in each format the `feed` library writes. */
  feeds: { atom: string; rss?: string };
}

/** The positions of the newest `count` of `articles` articles, newest first. */
export function newestFirst(articles: number, count: number): number[] {
  const positions: number[] = [];
  for (let position = articles - 1; position >= 0 && positions.length < count; position--) positions.push(position);
  return positions;
}

/** A feed item: the article's entry, and its body when the feed carries the text. */
interface FeedItem {
  entry: ArticleEntry;
  body?: string;
}

/** An Atom/RSS feed of the items: headlines and summaries HTML-escaped, as those formats carry them as HTML. */
function feedOf(items: readonly FeedItem[], site: FeedSettings, channel: Channel, authorPage: (name: string) => string | undefined): Feed {
  const url = (path: string) => absoluteUrl(site.baseUrl, path);
  const feed = new Feed({
    id: url(channel.path),
    title: channel.title,
    description: channel.description,
    language: site.language,
    link: url(channel.path),
    updated: items.length === 0 ? new Date(0) : utcInstant(items.map(({ entry }) => entry.updated ?? entry.date).sort().at(-1)!),
    generator: `Dateline ${DATELINE_VERSION}`,
    // RFC 4287 wants an author for a feed whose entries do not all name one: the site.
    author: { name: site.title, link: url(frontPagePath()) },
    feedLinks: Object.fromEntries(Object.entries(channel.feeds).map(([kind, path]) => [kind, url(path)])),
  });
  for (const { entry: record, body } of items) {
    feed.addItem({
      title: escapeHtml(record.headline),
      id: url(record.path),
      link: url(record.path),
      date: utcInstant(record.updated ?? record.date),
      published: utcInstant(record.date),
      description: escapeHtml(record.summary),
      // xml-js escapes only the first `]]>` inside a CDATA section; `]]&gt;` means the same in HTML.
      ...(body === undefined ? {} : { content: body.replaceAll(']]>', ']]&gt;') }),
      ...(record.authors.length === 0 ? {} : { author: record.authors.map((name) => ({ name, ...(authorPage(name) === undefined ? {} : { link: url(authorPage(name)!) }) })) }),
      // `feed` writes a category's name into an XML attribute without escaping `<`: leave brackets out.
      ...(record.tags.length === 0 ? {} : { category: record.tags.map((name) => ({ name: name.replace(/[<>]/g, '') })) }),
    });
  }
  return feed;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
