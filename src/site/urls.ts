import { dateParts, type IsoDate } from '../dates.ts';

/*
 * One function per URL. Paths are root-relative without a leading slash: `''` is the front page,
 * `2025/04/27/` a day. Every path ends in `/` (a folder with an index.html) or names a file.
 */

export function articlePath(date: IsoDate, segment: string): string {
  return `${dayPath(date)}${segment}/`;
}

/** The front page, or (with `page`) one of the archive's pages of older articles, named by its first article. */
export function frontPagePath(page?: string): string {
  return page === undefined ? '' : `page/${page}/`;
}

export function archivePath(): string {
  return 'archive/';
}

export function yearPath(year: string): string {
  return `${year}/`;
}

/** A month's page, or (with `page`) one of its pages of older articles, named by its first article. */
export function monthPath(year: string, month: string, page?: string): string {
  return `${year}/${month}/${page === undefined ? '' : `page/${page}/`}`;
}

/** A day's first page, or (with `page`) a later page of a busy day, named by its first article. */
export function dayPath(date: IsoDate, page?: string): string {
  const { year, month, day } = dateParts(date);
  return `${year}/${month}/${day}/${page === undefined ? '' : `page/${page}/`}`;
}

export function topicsPath(): string {
  return 'topics/';
}

/** A topic's page, or (with `page`) one of its pages of older articles, named by its first article. */
export function topicPath(slug: string, page?: string): string {
  return `topics/${slug}/${page === undefined ? '' : `page/${page}/`}`;
}

export function topicFeedPath(slug: string): string {
  return `topics/${slug}/feed.xml`;
}

/** The index of calendar days that have articles in more than one year, or (with `monthDay`, `MM-DD`) one such day across the years. */
export function onThisDayPath(monthDay?: string): string {
  return `on-this-day/${monthDay === undefined ? '' : `${monthDay}/`}`;
}

export function searchPath(): string {
  return 'search/';
}

/** `/authors/`, or (with `slug`) an author's page, or (with `page` too) one of their pages of older articles, named by its first article. */
export function authorPath(slug?: string, page?: string): string {
  return `authors/${slug === undefined ? '' : `${slug}/`}${page === undefined ? '' : `page/${page}/`}`;
}

export function authorFeedPath(slug: string): string {
  return `authors/${slug}/feed.xml`;
}

/** A page of the site's own (`pages/about.md` at `about/`): its path is its slug. */
export function ownPagePath(slug: string): string {
  return `${slug}/`;
}

/** The folders at the site's root that Dateline makes, with what each holds (a page or a file of the user's may not go there). */
const RESERVED_ROOTS: ReadonlyMap<string, string> = new Map([
  ['page', "the archive's older pages"],
  ['archive', 'the archive'],
  ['topics', 'the topic pages'],
  ['search', 'the search page'],
  ['on-this-day', 'the "on this day" pages'],
  ['authors', 'the author pages'],
  ['assets', 'the stylesheet and scripts'],
  ['pagefind', 'the search index'],
]);

/** What Dateline makes under the first folder of `path` (`archive/…`, `1987/…`), if it makes anything there. */
export function reservedRootOf(path: string): string | undefined {
  const root = path.split('/')[0]!;
  if (/^\d{4}$/.test(root)) return `the archive of ${root}`;
  const found = RESERVED_ROOTS.get(root);
  return found === undefined ? undefined : `${found} (/${root}/)`;
}

/** What Dateline makes at the file `file` (`index.html`, `feed.xml`…) at the site's root, if anything. */
export function reservedFileOf(file: string): string | undefined {
  const files: Record<string, string> = {
    'index.html': 'the front page',
    [NOT_FOUND_PATH]: 'the "page not found" page',
    [ATOM_PATH]: 'the Atom feed',
    [RSS_PATH]: 'the RSS feed',
    [JSON_FEED_PATH]: 'the JSON feed',
    'robots.txt': 'robots.txt',
    [SITEMAP_PATH]: 'the sitemap',
    [NEWS_SITEMAP_PATH]: 'the news sitemap',
    [REDIRECTS_PATH]: 'the redirect rules for moved URLs',
  };
  if (Object.hasOwn(files, file)) return files[file];
  return /^sitemap-[^/]*\.xml$/.test(file) ? 'a sitemap' : undefined;
}

/** Segments an article slug may not take, because a list page lives there. */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set(['page']);

export const STYLESHEET_PATH = 'assets/style.css';
/** The site's own colours (`colors` in the config), linked after the stylesheet when there are any. */
export const THEME_PATH = 'assets/theme.css';
/** The script that turns the header's search link into a search box. */
export const SCRIPT_PATH = 'assets/dateline.js';
/** The search index: Pagefind's browser API (`pagefind/pagefind.js`) and runtime, and each segment in a folder of its own. */
export const PAGEFIND_DIR = 'pagefind/';
/** The list of search segments and dead versions that the search page reads. */
export const SEARCH_MANIFEST_PATH = `${PAGEFIND_DIR}segments.json`;

/** A search segment's folder. */
export function searchSegmentPath(segment: string): string {
  return `${PAGEFIND_DIR}${segment}/`;
}
export const ATOM_PATH = 'feed.xml';
export const RSS_PATH = 'rss.xml';
export const JSON_FEED_PATH = 'feed.json';
export const SITEMAP_PATH = 'sitemap.xml';
/** The Google News sitemap: the articles of the archive's two newest calendar days. */
export const NEWS_SITEMAP_PATH = 'sitemap-news.xml';
export const NOT_FOUND_PATH = '404.html';
/** Redirect rules for hosts that read them (Netlify, Cloudflare Pages). */
export const REDIRECTS_PATH = '_redirects';

/** The file a path is written to: folders get `index.html`. */
export function outputFileOf(path: string): string {
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/**
 * A link from the page at `from` to the page at `to`, relative so the site works under any
 * subpath and from disk (`file://` has no folder index, so links name `index.html`).
 */
export function relativeHref(from: string, to: string): string {
  const fromDir = from.endsWith('/') || from === '' ? from : from.slice(0, from.lastIndexOf('/') + 1);
  const fromParts = fromDir.split('/').filter(Boolean);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const up = '../'.repeat(fromParts.length - common);
  return `${up}${toParts.slice(common).join('/')}${to === '' || to.endsWith('/') ? 'index.html' : ''}`;
}

/** Absolute URL of a path under the site's base URL (pretty: folders end in `/`). */
export function absoluteUrl(baseUrl: string, path: string): string {
  return new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}
