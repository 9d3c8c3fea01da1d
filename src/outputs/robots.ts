import { absoluteUrl, SITEMAP_PATH } from '../site/urls.ts';

/** `robots.txt`: everything may be crawled; names the sitemap when its absolute URL is known. */
export function robotsTxt(baseUrl: string | undefined): string {
  const lines = ['User-agent: *', 'Allow: /'];
  if (baseUrl !== undefined) lines.push('', `Sitemap: ${absoluteUrl(baseUrl, SITEMAP_PATH)}`);
  return `${lines.join('\n')}\n`;
}
