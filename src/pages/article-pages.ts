import { formatDate } from '../dates.ts';
import type { PlacedRecord } from '../records/record.ts';
import { absoluteUrl, dayPath } from '../site/urls.ts';
import { link, pageCommon } from './common.ts';
import { scriptSafeJson } from './json-ld.ts';
import type { AdjacentArticle, ArticlePage, SiteSettings } from './types.ts';

/** One page per article, `records` oldest first; previous/next follow that order. */
export function articlePages(records: readonly PlacedRecord[], site: SiteSettings): ArticlePage[] {
  return records.map((record, index) => articlePage(record, records[index - 1], records[index + 1], site));
}

export function articlePage(record: PlacedRecord, older: PlacedRecord | undefined, newer: PlacedRecord | undefined, site: SiteSettings): ArticlePage {
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
      tags: record.tags,
    },
    day: link(record.path, day, dateLabel),
    ...(older ? { previous: adjacent(record.path, older, site) } : {}),
    ...(newer ? { next: adjacent(record.path, newer, site) } : {}),
    jsonLd: scriptSafeJson(newsArticleJsonLd(record, site)),
    openGraph: openGraph(record, site, common.canonical),
  };
}

function adjacent(from: string, record: PlacedRecord, site: SiteSettings): AdjacentArticle {
  return { ...link(from, record.path, record.headline), dateLabel: formatDate(record.date, site.language) };
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
