import { formatDate } from '../dates.ts';
import type { PlacedRecord } from '../records/record.ts';
import type { Topic } from '../corpus/topics.ts';
import { absoluteUrl, dayPath, topicPath } from '../site/urls.ts';
import { link, pageCommon } from './common.ts';
import { scriptSafeJson } from './json-ld.ts';
import type { AdjacentArticle, ArticlePage, SiteSettings } from './types.ts';

/** What links an article to the rest of the archive beyond its date. */
export interface ArticleLinks {
  topicsOf(record: PlacedRecord): readonly Topic[];
  relatedOf(record: PlacedRecord): readonly PlacedRecord[];
}

/** Topics listed on an article page. */
export const MAX_ARTICLE_TOPICS = 12;

const NO_LINKS: ArticleLinks = { topicsOf: () => [], relatedOf: () => [] };

/** One page per article, `records` oldest first; previous/next follow that order. */
export function articlePages(records: readonly PlacedRecord[], site: SiteSettings, links: ArticleLinks = NO_LINKS): ArticlePage[] {
  return records.map((record, index) => articlePage(record, records[index - 1], records[index + 1], site, links));
}

export function articlePage(record: PlacedRecord, older: PlacedRecord | undefined, newer: PlacedRecord | undefined, site: SiteSettings, links: ArticleLinks = NO_LINKS): ArticlePage {
  const dateLabel = formatDate(record.date, site.language);
  const day = dayPath(record.date);
  const common = pageCommon(record.path, record.headline, record.summary, site, [
    { path: day, label: dateLabel },
  ]);
  return {
    ...common,
    template: 'article',
    article: {
      headline: record.headline,
      date: record.date,
      dateLabel,
      readingMinutes: record.readingMinutes,
      wordCount: record.wordCount,
      bodyHtml: record.bodyHtml,
      ...(record.author === undefined ? {} : { author: record.author }),
      ...(record.sourceUrl === undefined ? {} : { sourceUrl: record.sourceUrl }),
      topics: links.topicsOf(record).slice(0, MAX_ARTICLE_TOPICS).map((topic) => link(record.path, topicPath(topic.slug), topic.label)),
    },
    day: link(record.path, day, dateLabel),
    ...(older ? { previous: adjacent(record.path, older, site) } : {}),
    ...(newer ? { next: adjacent(record.path, newer, site) } : {}),
    related: links.relatedOf(record).map((other) => adjacent(record.path, other, site)),
    jsonLd: scriptSafeJson(newsArticleJsonLd(record, site)),
    openGraph: openGraph(record, site, common.canonical),
  };
}

function adjacent(from: string, record: PlacedRecord, site: SiteSettings): AdjacentArticle {
  return { ...link(from, record.path, record.headline), date: record.date, dateLabel: formatDate(record.date, site.language) };
}

function newsArticleJsonLd(record: PlacedRecord, site: SiteSettings): Record<string, unknown> {
  const url = site.baseUrl === undefined ? undefined : absoluteUrl(site.baseUrl, record.path);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: record.headline,
    datePublished: record.date,
    description: record.summary,
    wordCount: record.wordCount,
    inLanguage: site.language,
    ...(url === undefined ? {} : { url, mainEntityOfPage: url }),
    ...(record.author === undefined ? {} : { author: { '@type': 'Person', name: record.author } }),
    ...(record.sourceUrl === undefined ? {} : { isBasedOn: record.sourceUrl }),
    ...(record.tags.length === 0 ? {} : { keywords: record.tags.join(', ') }),
    publisher: { '@type': 'Organization', name: site.title },
  };
}

function openGraph(record: PlacedRecord, site: SiteSettings, canonical: string | undefined): ArticlePage['openGraph'] {
  return [
    { property: 'og:type', content: 'article' },
    { property: 'og:site_name', content: site.title },
    { property: 'og:title', content: record.headline },
    { property: 'og:description', content: record.summary },
    ...(canonical === undefined ? [] : [{ property: 'og:url', content: canonical }]),
    { property: 'article:published_time', content: record.date },
    ...record.tags.map((tag) => ({ property: 'article:tag', content: tag })),
  ];
}
