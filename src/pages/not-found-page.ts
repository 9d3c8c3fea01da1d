import { absoluteUrl, NOT_FOUND_PATH } from '../site/urls.ts';
import { chrome, pageCommon } from './common.ts';
import type { NotFoundPage, SiteSettings } from './types.ts';

/**
 * `/404.html`. Hosts serve it at whatever URL was missing, so relative links would break: its links
 * are absolute under the base URL when there is one, else root-absolute (`/archive/`).
 */
export function notFoundPage(site: SiteSettings): NotFoundPage {
  const common = pageCommon(NOT_FOUND_PATH, 'Page not found', 'There is no page at this address.', site);
  const { canonical: _unused, ...rest } = common;
  return {
    ...rest,
    chrome: chrome((to) => (site.baseUrl === undefined ? `/${to}` : absoluteUrl(site.baseUrl, to)), site),
    template: 'notFound',
  };
}
