import { formatDate } from '../dates.ts';
import { absoluteUrl, dayPath, topicPath } from '../site/urls.ts';
import type { ArticleEntry } from '../records/entry.ts';
import { link, pageCommon, shownReadingMinutes } from './common.ts';
import { scriptSafeJson } from './json-ld.ts';
import type { SiteState } from './state.ts';
import type { AdjacentArticle, ArticlePage, SiteSettings } from './types.ts';

/** Topics listed on an article page. */
export const MAX_ARTICLE_TOPICS = 12;

/**
 * The page of the article at `position`: its body, its topics, its related articles, the
 * previous and next article in the archive order, and its day.
 */
export function articlePage(state: SiteState, position: number): ArticlePage {
  const { site } = state;
  const entry = state.entry(position);
  const dateLabel = formatDate(entry.date, site.language);
  const day = dayPath(entry.date);
  const common = pageCommon(entry.path, entry.headline, entry.summary, site, [{ path: day, label: dateLabel }]);
  const topics = [...state.rows.topics.at(position)]
    .slice(0, MAX_ARTICLE_TOPICS)
    .map((key) => state.topics.byKey.get(key)!)
    .map((topic) => link(entry.path, topicPath(topic.slug), topic.label));
  const adjacent = (other: number) => adjacentArticle(entry.path, state.entry(other), site);
  return {
    ...common,
    template: 'article',
    article: {
      headline: entry.headline,
      ...(entry.place === undefined ? {} : { place: entry.place }),
      date: entry.date,
      dateLabel,
      ...shownReadingMinutes(entry.readingMinutes),
      wordCount: entry.wordCount,
      bodyHtml: state.body(position),
      ...(entry.author === undefined ? {} : { author: entry.author }),
      ...(entry.sourceUrl === undefined ? {} : { sourceUrl: entry.sourceUrl }),
      topics,
    },
    day: link(entry.path, day, dateLabel),
    ...(position > 0 ? { previous: adjacent(position - 1) } : {}),
    ...(position + 1 < state.rows.length ? { next: adjacent(position + 1) } : {}),
    related: [...state.rows.related.at(position)].map((no) => adjacent(state.positionOfNo(no)!)),
    jsonLd: scriptSafeJson(newsArticleJsonLd(entry, site)),
    openGraph: openGraph(entry, site, common.canonical),
    twitter: twitterCard(site),
  };
}

/**
 * The image shared with the article: the site's default (`image` in the config). Open Graph,
 * Twitter cards and JSON-LD need an absolute URL, so there is none without a base URL.
 */
function sharedImage(site: SiteSettings): string | undefined {
  return site.image === undefined || site.baseUrl === undefined ? undefined : absoluteUrl(site.baseUrl, site.image);
}

function adjacentArticle(from: string, entry: ArticleEntry, site: SiteSettings): AdjacentArticle {
  return { ...link(from, entry.path, entry.headline), date: entry.date, dateLabel: formatDate(entry.date, site.language) };
}

function newsArticleJsonLd(entry: ArticleEntry, site: SiteSettings): Record<string, unknown> {
  const url = site.baseUrl === undefined ? undefined : absoluteUrl(site.baseUrl, entry.path);
  const image = sharedImage(site);
  const logo = site.logo === undefined || site.baseUrl === undefined ? undefined : absoluteUrl(site.baseUrl, site.logo.path);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: entry.headline,
    datePublished: entry.date,
    description: entry.summary,
    wordCount: entry.wordCount,
    inLanguage: site.language,
    ...(url === undefined ? {} : { url, mainEntityOfPage: url }),
    ...(entry.author === undefined ? {} : { author: { '@type': 'Person', name: entry.author } }),
    ...(entry.sourceUrl === undefined ? {} : { isBasedOn: entry.sourceUrl }),
    ...(entry.tags.length === 0 ? {} : { keywords: entry.tags.join(', ') }),
    ...(image === undefined ? {} : { image }),
    publisher: { '@type': 'Organization', name: site.title, ...(logo === undefined ? {} : { logo: { '@type': 'ImageObject', url: logo } }) },
  };
}

function openGraph(entry: ArticleEntry, site: SiteSettings, canonical: string | undefined): ArticlePage['openGraph'] {
  const image = sharedImage(site);
  return [
    { property: 'og:type', content: 'article' },
    { property: 'og:site_name', content: site.title },
    { property: 'og:title', content: entry.headline },
    { property: 'og:description', content: entry.summary },
    ...(canonical === undefined ? [] : [{ property: 'og:url', content: canonical }]),
    ...(image === undefined ? [] : [{ property: 'og:image', content: image }]),
    { property: 'article:published_time', content: entry.date },
    ...entry.tags.map((tag) => ({ property: 'article:tag', content: tag })),
  ];
}

/** A large Twitter/X card when there is an image to show (its title and description come from Open Graph). */
function twitterCard(site: SiteSettings): ArticlePage['twitter'] {
  const image = sharedImage(site);
  return image === undefined ? [] : [{ name: 'twitter:card', content: 'summary_large_image' }, { name: 'twitter:image', content: image }];
}
