import { dayBefore } from '../dates.ts';
import type { SiteState } from '../pages/state.ts';
import type { ArticleEntry } from '../records/entry.ts';
import { absoluteUrl } from '../site/urls.ts';
import { escapeXml, SITEMAP_NS, XML_DECLARATION } from './sitemap.ts';

/** Google News reads at most 1,000 `<news:news>` entries from one sitemap. */
export const NEWS_SITEMAP_LIMIT = 1000;

const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/**
 * The articles the Google News sitemap lists, newest first, at most {@link NEWS_SITEMAP_LIMIT}:
 * those of the archive's newest date and of the calendar day before it. Google wants the articles
 * of the last two days; a static archive has no "now", and a build should give the same bytes
 * whenever it runs, so the newest article's date stands for today — but never a date after the
 * build's own `today` (a typo such as 9999-12-31 would otherwise be the only news for ever).
 * Days are calendar days worked out on the date strings (`dayBefore`), never in the machine's
 * time zone.
 */
export function newsPositions(state: Pick<SiteState, 'days' | 'dayDates' | 'today'>): number[] {
  let at = state.dayDates.length - 1;
  while (at >= 0 && state.today !== undefined && state.dayDates[at]! > state.today) at--;
  const newest = state.dayDates[at];
  if (newest === undefined) return [];
  const last = state.days.get(newest)!;
  // The day before may have no articles: then the window is the newest day alone.
  const first = state.days.get(dayBefore(newest)) ?? last;
  const positions: number[] = [];
  for (let position = last.end - 1; position >= first.start && positions.length < NEWS_SITEMAP_LIMIT; position--) positions.push(position);
  return positions;
}

/**
 * The publication's language as Google News wants it: an ISO 639 code (`en` from `en-GB`,
 * `gsw`), except Chinese, which is `zh-cn` (simplified script) or `zh-tw` (traditional).
 */
export function newsLanguage(tag: string): string {
  const locale = new Intl.Locale(tag);
  if (locale.language !== 'zh') return locale.language;
  // `zh`, `zh-SG` and `zh-Hans-HK` are written in the simplified script; `zh-TW`, `zh-HK` and `zh-Hant` in the traditional.
  return locale.maximize().script === 'Hant' ? 'zh-tw' : 'zh-cn';
}

/** What the sitemap shows of an article. */
export type NewsArticle = Pick<ArticleEntry, 'path' | 'date' | 'headline'>;

/**
 * `sitemap-news.xml`: a sitemap (sitemaps.org 0.9) whose entries carry Google News's `news:news`
 * element: the publication (the site's title and language), the article's date as written
 * (YYYY-MM-DD, which the protocol accepts; the archive knows no time of day) and its headline.
 * Every text is escaped: a headline is never markup. Needs the base URL, like every sitemap.
 */
export function newsSitemap(articles: readonly NewsArticle[], site: { title: string; language: string; baseUrl: string }): string {
  const publication = `<news:publication><news:name>${escapeXml(site.title)}</news:name><news:language>${newsLanguage(site.language)}</news:language></news:publication>`;
  const urls = articles.map(
    (article) =>
      `<url><loc>${escapeXml(absoluteUrl(site.baseUrl, article.path))}</loc><news:news>${publication}<news:publication_date>${article.date}</news:publication_date><news:title>${escapeXml(article.headline)}</news:title></news:news></url>`,
  );
  return `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">${urls.join('')}</urlset>`;
}

