import { articlePages } from '../pages/article-pages.ts';
import { archivePages } from '../pages/archive-pages.ts';
import { groupBy } from '../pages/group.ts';
import { dayPages, frontPages } from '../pages/list-pages.ts';
import { notFoundPage } from '../pages/not-found-page.ts';
import type { PageModel, SiteSettings } from '../pages/types.ts';
import { collectTopics } from '../corpus/topics.ts';
import { relatedArticles } from '../corpus/related.ts';
import { searchPage } from '../pages/search-page.ts';
import { searchEntry, type SearchEntry } from '../search/search-index.ts';
import { topicIndexPage, topicPages } from '../pages/topic-pages.ts';
import { buildFeeds, topicFeed } from '../outputs/feeds.ts';
import { robotsTxt } from '../outputs/robots.ts';
import { buildSitemaps, type SitemapEntry } from '../outputs/sitemap.ts';
import type { PlacedRecord } from '../records/record.ts';
import { ATOM_PATH, JSON_FEED_PATH, RSS_PATH, topicFeedPath } from './urls.ts';

/** Everything the site consists of: pages for the templates, and files made directly. */
export interface SitePlan {
  pages: PageModel[];
  /** Output path → content, for feeds, sitemap and robots.txt. */
  files: Map<string, string>;
  /** What the search index holds, one entry per article, oldest first. */
  search: SearchEntry[];
}

/** The whole site as data, from records oldest first. Pure apart from the sitemap library's streams. */
export async function planSite(oldestFirst: readonly PlacedRecord[], site: SiteSettings): Promise<SitePlan> {
  const days = groupBy(oldestFirst, (record) => record.date);
  const topics = collectTopics(oldestFirst, { language: site.language, ...(site.topicMinArticles === undefined ? {} : { minArticles: site.topicMinArticles }) });
  const topicsOf = (record: PlacedRecord) => topics.byArticle.get(record.id) ?? [];
  const related = relatedArticles(oldestFirst, (record) => topicsOf(record).map((topic) => topic.slug));
  const pages: PageModel[] = [
    ...frontPages(oldestFirst, site),
    ...articlePages(oldestFirst, site, { topicsOf, relatedOf: (record) => related.get(record.id) ?? [] }),
    ...dayPages(days, site),
    ...archivePages(oldestFirst, site),
    topicIndexPage(topics.topics, topics.minArticles, site),
    ...topicPages(topics.topics, site),
    ...(site.search ? [searchPage(site)] : []),
    notFoundPage(site),
  ];
  const files = new Map<string, string>([['robots.txt', robotsTxt(site.baseUrl)]]);
  // Feeds and sitemaps are made of absolute URLs: without a base URL they are left out (the build says so).
  if (site.baseUrl !== undefined) {
    const feeds = buildFeeds([...oldestFirst].reverse(), { ...site, baseUrl: site.baseUrl });
    files.set(ATOM_PATH, feeds.atom).set(RSS_PATH, feeds.rss).set(JSON_FEED_PATH, feeds.json);
    for (const topic of topics.topics) files.set(topicFeedPath(topic.slug), topicFeed(topic, { ...site, baseUrl: site.baseUrl }));
    for (const [path, xml] of await buildSitemaps(sitemapEntries(pages), site.baseUrl)) files.set(path, xml);
  }
  const search = !site.search ? [] : oldestFirst.map((record) => searchEntry(record, topicsOf(record).map((topic) => topic.label), site.language));
  return { pages, files, search };
}

function sitemapEntries(pages: readonly PageModel[]): SitemapEntry[] {
  return pages
    .filter((page) => page.template !== 'notFound' && page.template !== 'search')
    .map((page) => {
      const lastmod = page.template === 'article' ? page.article.date : page.template === 'list' ? page.items[0]?.date : undefined;
      return lastmod === undefined ? { path: page.path } : { path: page.path, lastmod };
    });
}
