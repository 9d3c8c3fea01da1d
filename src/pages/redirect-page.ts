import { absoluteUrl } from '../site/urls.ts';
import { link, pageCommon } from './common.ts';
import type { SiteState } from './state.ts';
import type { RedirectPage } from './types.ts';

/**
 * The page at a URL an article once had (`from`): a refresh to where it is now, for hosts that
 * read no redirect rules, with the article's address as its canonical URL (so search engines
 * move their entry) and a link for readers whose browser does not follow the refresh.
 */
export function redirectPage(state: SiteState, from: string, position: number): RedirectPage {
  const entry = state.entry(position);
  const common = pageCommon(from, entry.headline, `This article is now at another address: ${entry.headline}`, state.site);
  const { canonical: _own, ...rest } = common;
  return {
    ...rest,
    ...(state.site.baseUrl === undefined ? {} : { canonical: absoluteUrl(state.site.baseUrl, entry.path) }),
    template: 'redirect',
    target: link(from, entry.path, entry.headline),
  };
}
