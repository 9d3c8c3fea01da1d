import { linkTarget } from '../site/site-paths.ts';
import { absoluteUrl, ATOM_PATH, archivePath, frontPagePath, JSON_FEED_PATH, outputFileOf, relativeHref, RSS_PATH, SCRIPT_PATH, searchPath, STYLESHEET_PATH, THEME_PATH, topicsPath } from '../site/urls.ts';
import type { Chrome, Link, PageCommon, SiteSettings } from './types.ts';

/** The fields every page has, for the page at `path`. */
export function pageCommon(path: string, title: string, description: string, site: SiteSettings, breadcrumbs: { path: string; label: string }[] = []): PageCommon {
  return {
    path,
    outputFile: outputFileOf(path),
    title,
    description,
    ...(site.baseUrl === undefined ? {} : { canonical: absoluteUrl(site.baseUrl, path) }),
    chrome: chrome((to) => relativeHref(path, to), site),
    breadcrumbs: breadcrumbs.map((crumb) => link(path, crumb.path, crumb.label)),
  };
}

/** The site-wide links and furniture, each link made by `href` from a path from the site root. */
export function chrome(href: (to: string) => string, site: SiteSettings): Chrome {
  return {
    home: href(frontPagePath()),
    archive: href(archivePath()),
    stylesheet: href(STYLESHEET_PATH),
    ...(site.theme ? { theme: href(THEME_PATH) } : {}),
    script: href(SCRIPT_PATH),
    topics: href(topicsPath()),
    ...(site.search ? { search: href(searchPath()) } : {}),
    ...(site.baseUrl !== undefined ? { feeds: { atom: href(ATOM_PATH), rss: href(RSS_PATH), json: href(JSON_FEED_PATH) } } : {}),
    pages: site.pageNav.map((page) => ({ href: href(page.path), label: page.label })),
    ...(site.tagline === undefined ? {} : { tagline: site.tagline }),
    ...(site.logo === undefined ? {} : { logo: { src: href(site.logo.path), alt: site.logo.alt } }),
    ...(site.icon === undefined ? {} : { icon: href(site.icon) }),
    nav: site.nav.map((item) => ({ href: linkTarget(item.url, href), label: item.label })),
    ...(site.footer === undefined ? {} : { footer: footerParagraphs(site.footer) }),
  };
}

/** The footer's text as paragraphs: one a non-blank line. */
function footerParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function link(from: string, to: string, label: string): Link {
  return { href: relativeHref(from, to), label };
}

/** Reading times below this many minutes say nothing worth a reader's glance, and are not shown. */
export const READING_TIME_SHOWN_FROM = 3;

/** The reading time to show for an article, if any. */
export function shownReadingMinutes(minutes: number): { readingMinutes?: number } {
  return minutes >= READING_TIME_SHOWN_FROM ? { readingMinutes: minutes } : {};
}
