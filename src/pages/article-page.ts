import { formatDate } from '../dates.ts';
import { absoluteUrl, authorPath, dayPath, topicPath } from '../site/urls.ts';
import type { ArticleEntry } from '../records/entry.ts';
import { link, pageCommon, shownReadingMinutes } from './common.ts';
import { scriptSafeJson } from './json-ld.ts';
import type { SiteState } from './state.ts';
import type { AdjacentArticle, ArticlePage, Link, SiteSettings } from './types.ts';

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
      authors: entry.authors.map((name) => authorLink(state, entry.path, name)),
      ...(entry.updated === undefined ? {} : { updated: { date: entry.updated, label: formatDate(entry.updated, site.language) } }),
      ...(entry.sourceUrl === undefined ? {} : { sourceUrl: entry.sourceUrl }),
      topics,
    },
    day: link(entry.path, day, dateLabel),
    ...(position > 0 ? { previous: adjacent(position - 1) } : {}),
    ...(position + 1 < state.rows.length ? { next: adjacent(position + 1) } : {}),
    related: [...state.rows.related.at(position)].map((no) => adjacent(state.positionOfNo(no)!)),
    jsonLd: scriptSafeJson(newsArticleJsonLd(entry, site, (name) => authorUrl(state, name))),
    openGraph: openGraph(entry, site, common.canonical),
    ...(imageUrl(entry, site) === undefined ? {} : { largeImage: true }),
  };
}

/** A link to the page of the author called `name`. */
function authorLink(state: SiteState, from: string, name: string): Link {
  const author = state.authors.byName.get(name);
  return author === undefined ? { href: '', label: name } : link(from, authorPath(author.slug), name);
}

function authorUrl(state: SiteState, name: string): string | undefined {
  const author = state.authors.byName.get(name);
  return author === undefined || state.site.baseUrl === undefined ? undefined : absoluteUrl(state.site.baseUrl, authorPath(author.slug));
}

/** The absolute address of the article's picture for sharing (its own, or the site's default), when there is a base URL for it. */
function imageUrl(entry: ArticleEntry, site: SiteSettings): { url: string; width?: number; height?: number } | undefined {
  if (entry.image !== undefined) {
    if (/^https?:\/\//i.test(entry.image.src)) return { url: entry.image.src };
    if (site.baseUrl === undefined) return undefined;
    return { url: absoluteUrl(site.baseUrl, `${entry.path}${entry.image.src}`), ...(entry.image.width === undefined ? {} : { width: entry.image.width, height: entry.image.height! }) };
  }
  // The site's default (`image` in the config), a path from the site root.
  return site.image === undefined || site.baseUrl === undefined ? undefined : { url: absoluteUrl(site.baseUrl, site.image) };
}

function adjacentArticle(from: string, entry: ArticleEntry, site: SiteSettings): AdjacentArticle {
  return { ...link(from, entry.path, entry.headline), date: entry.date, dateLabel: formatDate(entry.date, site.language) };
}

function newsArticleJsonLd(entry: ArticleEntry, site: SiteSettings, authorUrlOf: (name: string) => string | undefined): Record<string, unknown> {
  const url = site.baseUrl === undefined ? undefined : absoluteUrl(site.baseUrl, entry.path);
  const image = imageUrl(entry, site);
  const logo = site.logo === undefined || site.baseUrl === undefined ? undefined : absoluteUrl(site.baseUrl, site.logo.path);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: entry.headline,
    datePublished: entry.date,
    ...(entry.updated === undefined ? {} : { dateModified: entry.updated }),
    ...(image === undefined ? {} : { image: [image.url] }),
    description: entry.summary,
    wordCount: entry.wordCount,
    inLanguage: site.language,
    ...(url === undefined ? {} : { url, mainEntityOfPage: url }),
    ...(entry.authors.length === 0 ? {} : { author: entry.authors.map((name) => ({ '@type': 'Person', name, ...(authorUrlOf(name) === undefined ? {} : { url: authorUrlOf(name) }) })) }),
    ...(entry.sourceUrl === undefined ? {} : { isBasedOn: entry.sourceUrl }),
    ...(entry.tags.length === 0 ? {} : { keywords: entry.tags.join(', ') }),
    publisher: { '@type': 'Organization', name: site.title, ...(logo === undefined ? {} : { logo: { '@type': 'ImageObject', url: logo } }) },
  };
}

function imageTags(image: { url: string; width?: number; height?: number } | undefined): ArticlePage['openGraph'] {
  if (image === undefined) return [];
  return [
    { property: 'og:image', content: image.url },
    ...(image.width === undefined ? [] : [
      { property: 'og:image:width', content: String(image.width) },
      { property: 'og:image:height', content: String(image.height) },
    ]),
  ];
}

function openGraph(entry: ArticleEntry, site: SiteSettings, canonical: string | undefined): ArticlePage['openGraph'] {
  return [
    { property: 'og:type', content: 'article' },
    { property: 'og:site_name', content: site.title },
    { property: 'og:title', content: entry.headline },
    { property: 'og:description', content: entry.summary },
    ...(canonical === undefined ? [] : [{ property: 'og:url', content: canonical }]),
    ...imageTags(imageUrl(entry, site)),
    { property: 'article:published_time', content: entry.date },
    ...(entry.updated === undefined ? [] : [{ property: 'article:modified_time', content: entry.updated }]),
    ...entry.tags.map((tag) => ({ property: 'article:tag', content: tag })),
  ];
}
