import { newsPositions, newsSitemap } from '../outputs/news-sitemap.ts';
import { robotsTxt } from '../outputs/robots.ts';
import type { SiteState } from '../pages/state.ts';
import { NEWS_SITEMAP_PATH } from '../site/urls.ts';
import { idsOf, nosOf, type PageKind, type Planned } from './kind.ts';

/**
 * The Google News sitemap (with a base URL and articles): the newest two days' articles, so an
 * update makes it again only when those articles are others or one of them is shown differently.
 */
function newsOutputs(state: SiteState): Planned[] {
  const { baseUrl } = state.site;
  const positions = newsPositions(state);
  if (baseUrl === undefined || positions.length === 0) return [];
  return [
    {
      file: NEWS_SITEMAP_PATH,
      signature: idsOf(state, positions),
      shows: nosOf(state, positions),
      make: { file: () => newsSitemap(positions.map((position) => state.entry(position)), { ...state.site, baseUrl }) },
    },
  ];
}

export const newsSitemapKind: PageKind = { name: 'news sitemap', outputs: newsOutputs };

/**
 * `robots.txt`: names the sitemap index, and the news sitemap when there is one. The index does
 * not list the news sitemap: it lists every page once, in the file of its bucket, while the news
 * sitemap repeats the newest articles for news crawlers and changes with them, as the feeds do.
 */
export const robotsKind: PageKind = {
  name: 'robots.txt',
  outputs(state) {
    const news = newsOutputs(state).length > 0;
    return [{ file: 'robots.txt', signature: JSON.stringify([state.site.baseUrl, news]), shows: [], make: { file: () => robotsTxt(state.site.baseUrl, news) } }];
  },
};
