import { frontPagePath, PAGEFIND_DIR, relativeHref, searchPath } from '../site/urls.ts';
import { pageCommon } from './common.ts';
import type { SearchPage, SiteSettings } from './types.ts';

/** `/search/`: runs the query in `?q=` with Pagefind in the browser; filters come from the index. */
export function searchPage(site: SiteSettings): SearchPage {
  const path = searchPath();
  return {
    ...pageCommon(path, 'Search', `Search the ${site.title} archive.`, site),
    template: 'search',
    pagefind: relativeHref(path, `${PAGEFIND_DIR}pagefind.js`),
    root: relativeHref(path, frontPagePath()).replace(/index\.html$/, ''),
  };
}
