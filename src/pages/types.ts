/**
 * Page models: everything a template shows, computed in TypeScript from records by pure functions.
 * Templates only lay them out. Every href is already relative to the page it sits on.
 */

export interface Link {
  href: string;
  label: string;
}

/** Site-wide links, relative to the page that shows them. */
export interface Chrome {
  home: string;
  archive: string;
  stylesheet: string;
  script: string;
  topics: string;
  /** The search page, when the site has a search index. */
  search?: string;
  /** Feeds exist only when a base URL is configured (they need absolute URLs). */
  feeds?: { atom: string; rss: string; json: string };
}

export interface PageCommon {
  /** Root-relative path, e.g. `2025/04/27/` (`''` is the front page). */
  path: string;
  /** File written under the output folder, e.g. `2025/04/27/index.html`. */
  outputFile: string;
  /** Text of `<title>` before the site name. */
  title: string;
  description: string;
  /** Absolute URL, only when a base URL is configured. */
  canonical?: string;
  chrome: Chrome;
  breadcrumbs: Link[];
}

export interface ArticleView {
  headline: string;
  date: string;
  dateLabel: string;
  readingMinutes: number;
  wordCount: number;
  /** Sanitized HTML, marked safe in exactly one template filter. */
  bodyHtml: string;
  author?: string;
  sourceUrl?: string;
  /** Topic pages the article belongs to: its tags first, then the names it mentions most. */
  topics: Link[];
}

export interface AdjacentArticle extends Link {
  date: string;
  dateLabel: string;
}

export interface ArticlePage extends PageCommon {
  template: 'article';
  article: ArticleView;
  day: Link;
  previous?: AdjacentArticle;
  next?: AdjacentArticle;
  related: AdjacentArticle[];
  /** NewsArticle JSON-LD, already escaped for a `<script>` element. */
  jsonLd: string;
  openGraph: { property: string; content: string }[];
}

export interface ListItem {
  href: string;
  headline: string;
  date: string;
  dateLabel: string;
  summary: string;
  readingMinutes: number;
}

export interface ListPage extends PageCommon {
  template: 'list';
  heading: string;
  items: ListItem[];
  /** Whether the items run newest first (the front page, topics) or in the day's own order. */
  newestFirst: boolean;
  /** Hrefs of the neighbouring pages of the same list: later articles and earlier ones. */
  newer?: string;
  older?: string;
  /** For a day: the nearest earlier and later days that have articles. */
  previousDay?: Link;
  nextDay?: Link;
  /** Whether the heading is the visually-hidden kind (the front page shows the site name). */
  isFront: boolean;
  /** A topic page's kind (`Person`, `Place`…) and Atom feed (when a base URL is configured). */
  kicker?: string;
  feed?: Link;
}

export interface ArchiveEntry extends Link {
  count: number;
  /** `1 article`, `12 articles`. */
  countLabel: string;
}

export interface ArchivePage extends PageCommon {
  template: 'archive';
  heading: string;
  entries: ArchiveEntry[];
  /** Sibling periods (the previous and next year or month that have articles). */
  previous?: Link;
  next?: Link;
}

export interface TopicGroup {
  heading: string;
  /** Anchor id of the group's heading on the page. */
  id: string;
  entries: ArchiveEntry[];
}

export interface TopicIndexPage extends PageCommon {
  template: 'topics';
  heading: string;
  groups: TopicGroup[];
  /** How a name becomes a topic, for the reader. */
  note: string;
}

export interface SearchPage extends PageCommon {
  template: 'search';
  /** Pagefind's browser API, relative to the search page. */
  pagefind: string;
  /** The site root relative to the search page: result URLs are relative to it. */
  root: string;
}

export interface NotFoundPage extends PageCommon {
  template: 'notFound';
}

export type PageModel = ArticlePage | ListPage | ArchivePage | TopicIndexPage | SearchPage | NotFoundPage;

/** Site-wide settings the page builders read. */
export interface SiteSettings {
  title: string;
  description: string;
  language: string;
  baseUrl?: string;
  pageSize: number;
  dayPageSize: number;
  feedSize: number;
  /** Articles a name must be prominent in to become a topic; absent: adapts to the archive's size. */
  topicMinArticles?: number;
  /** Whether the site has Pagefind's search index and a search page. */
  search: boolean;
}
