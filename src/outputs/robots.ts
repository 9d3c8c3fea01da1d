import { absoluteUrl, NEWS_SITEMAP_PATH, SITEMAP_PATH } from '../site/urls.ts';

/**
 * `robots.txt`: everything may be crawled; names the sitemap index when its absolute URL is known,
 * and the Google News sitemap when the site has one (`news`). The index does not list the news
 * sitemap (see `writeOutputs`): crawlers find it here.
 */
export function robotsTxt(baseUrl: string | undefined, news: boolean): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (baseUrl !== undefined) {
    lines.push('', `Sitemap: ${absoluteUrl(baseUrl, SITEMAP_PATH)}`);
    if (news) lines.push(`Sitemap: ${absoluteUrl(baseUrl, NEWS_SITEMAP_PATH)}`);
  }
  return `${lines.join('\n')}\n`;
}
