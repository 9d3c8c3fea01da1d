import type { IsoDate } from '../dates.ts';

/**
 * Page models: everything a template shows, computed in TypeScript from records by pure functions.
 * Templates only lay them out. Every href is already relative to the page it sits on.
 */

export interface Link {
  href: string;
  label: string;
}

/** Site-wide links, relative to the page that shows them, and the site's own header and footer. */
export interface Chrome {
  home: string;
  archive: string;
  stylesheet: string;
  /** The site's colours (`assets/theme.css`), linked after the stylesheet, when the config sets any. */
  theme?: string;
  script: string;
  topics: string;
  /** The line under the title. */
  tagline?: string;
  /** The image shown in place of the title, and its alternative text. */
  logo?: { src: string; alt: string };
  /** The site's icon (browser tabs, bookmarks). */
  icon?: string;
  /** The site's own navigation links, after Dateline's. */
  nav: Link[];
  /** The footer's text, a paragraph a line, in place of the title and description. */
  footer?: string[];
  /** The search page, when the site has a search index. */
  search?: string;
  /** Feeds exist only when a base URL is configured (they need absolute URLs). */
  feeds?: { atom: string; rss: string; json: string };
  /** The site's own pages that ask to be in the navigation, in their order. */
  pages: Link[];
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
  /** Where the story was filed (the wire dateline's place), when the text says. */
  place?: string;
  date: string;
  dateLabel: string;
  /** Only when it says something: see `shownReadingMinutes`. */
  readingMinutes?: number;
  wordCount: number;
  /** Sanitized HTML, marked safe in its template. */
  bodyHtml: string;
  /** Who wrote it, each linking to their page. */
  authors: Link[];
  /** The day it was last changed, when it says. */
  updated?: { date: string; label: string };
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
  /** Whether it has a picture to show large where it is shared (Twitter/X's large card). */
  largeImage?: boolean;
}

export interface ListItem {
  href: string;
  headline: string;
  /** Where the story was filed (the wire dateline's place), when the text says. */
  place?: string;
  date: string;
  dateLabel: string;
  summary: string;
  /** Only when it says something: see `shownReadingMinutes`. */
  readingMinutes?: number;
}

/** Items under one heading: a date (the front page, the archive's pages) or none (a topic, a day). */
export interface ListGroup {
  /** The date the items share, linking to its day's page. */
  day?: DayHeading;
  items: ListItem[];
}

export interface DayHeading extends Link {
  date: IsoDate;
}

export interface ListPage extends PageCommon {
  template: 'list';
  heading: string;
  /** The items, newest first, as the front page lists them. */
  groups: ListGroup[];
  /**
   * How items are laid out: `full` (headline, meta, summary) or `compact` (a day's page: headline,
   * place and a short summary; the date is the page's).
   */
  layout: 'full' | 'compact';
  /** Whether each item shows its date (lists not grouped by date: topics). */
  itemDates: boolean;
  /** The list's article count, shown beside the heading (a day). */
  count?: number;
  /** Hrefs of the neighbouring pages of the same list: later articles and earlier ones. */
  newer?: string;
  older?: string;
  /** For a day: the nearest earlier and later days that have articles. */
  previousDay?: Link;
  nextDay?: Link;
  /** For a day: the same calendar day in other years that have articles (labelled by year, oldest first), and its "on this day" page. */
  otherYears?: Link[];
  onThisDay?: Link;
  /** Whether the heading is the visually-hidden kind (the front page shows the site name). */
  isFront: boolean;
  /** A topic page's kind (`Person`, `Place`…) and Atom feed (when a base URL is configured). */
  kicker?: string | undefined;
  feed?: Link;
  /** For a month: its days that have articles, with their counts, and the neighbouring months. */
  days?: ArchiveEntry[];
  earlier?: Link;
  later?: Link;
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
  /** Years laid out as calendars (`/archive/`: every year, newest first; a year's page: that year). */
  calendars: CalendarYear[];
  /** Whether each calendar year has a heading of its own (not on a year's page, whose heading it is). */
  yearHeadings: boolean;
  /** Days of the week, Monday first, for the calendars' column headers. */
  weekdays: { narrow: string; long: string }[];
  /** The index of days that have articles in several years, when there is one. */
  onThisDay?: Link;
  /** Sibling periods (the previous and next year or month that have articles). */
  previous?: Link;
  next?: Link;
}

/** A year as a calendar: its months, each a grid of weeks. */
export interface CalendarYear {
  year: string;
  /** Anchor id of the year's heading. */
  id: string;
  href: string;
  count: number;
  months: CalendarMonth[];
}

export interface CalendarMonth {
  /** `YYYY-MM`. */
  month: string;
  label: string;
  count: number;
  /** The month's page, when the month has articles. */
  href?: string;
  /** Weeks Monday to Sunday; `null` pads the days before the 1st and after the last. */
  weeks: (CalendarDay | null)[][];
}

export interface CalendarDay {
  day: number;
  count: number;
  /** The day's page, when the day has articles. */
  href?: string;
}

/** `/on-this-day/MM-DD/`: one calendar day across the years that have articles on it. */
export interface OnThisDayPage extends PageCommon {
  template: 'onThisDay';
  heading: string;
  /** The years, newest first. */
  years: OnThisDayYear[];
  /** The index of such days. */
  index: Link;
}

export interface OnThisDayYear {
  /** The day's page, labelled with its full date. */
  day: DayHeading;
  year: string;
  count: number;
  /** The day's newest articles (at most `ON_THIS_DAY_ITEMS`), newest first. */
  items: ListItem[];
}

/** `/on-this-day/`: every calendar day with articles in more than one year, by month. */
export interface OnThisDayIndexPage extends PageCommon {
  template: 'onThisDayIndex';
  heading: string;
  months: { heading: string; id: string; days: { day: Link; years: string[] }[] }[];
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

/** `/authors/`: everyone who wrote for the site, A–Z. */
export interface AuthorIndexPage extends PageCommon {
  template: 'authors';
  heading: string;
  entries: ArchiveEntry[];
}

/** A page of the site's own (`pages/about.md`). */
export interface OwnPageModel extends PageCommon {
  template: 'page';
  heading: string;
  /** Sanitized HTML, marked safe in its template. */
  bodyHtml: string;
}

/** A URL an article once had (see the URL ledger): sends the reader on to where the article is now. */
export interface RedirectPage extends PageCommon {
  template: 'redirect';
  /** The article's page, relative to this one, with its headline. */
  target: Link;
}

export type PageModel = AuthorIndexPage | OwnPageModel | RedirectPage | ArticlePage | ListPage | ArchivePage | OnThisDayPage | OnThisDayIndexPage | TopicIndexPage | SearchPage | NotFoundPage;

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
  /** The site's own pages in its navigation (root-relative paths), in order. */
  pageNav: { path: string; label: string }[];
  tagline?: string;
  /** The logo's path from the site root, and its alternative text. */
  logo?: { path: string; alt: string };
  /** The icon's path from the site root. */
  icon?: string;
  /** Navigation links: absolute http(s) URLs, or paths from the site root. */
  nav: { label: string; url: string }[];
  footer?: string;
  /** The default social image's path from the site root. */
  image?: string;
  /** Whether the site has a theme stylesheet (its colours are not here: changing one rewrites that file, not the pages). */
  theme: boolean;
}
