import { redirectPage } from '../pages/redirect-page.ts';
import { outputFileOf, REDIRECTS_PATH } from '../site/urls.ts';
import type { PageKind } from './kind.ts';

/**
 * A page at every URL an article once had, sending readers on to where it is now. Not in the
 * sitemaps: they list canonical URLs only.
 */
export const redirectKind: PageKind = {
  name: 'redirect',
  template: 'pages/redirect.njk',
  outputs: (state) =>
    state.redirects.map(({ from, position }) => ({
      file: outputFileOf(from),
      signature: JSON.stringify([state.entry(position).path, state.rows.id(position)]),
      shows: [state.rows.no[position]!],
      make: { page: () => redirectPage(state, from, position) },
    })),
};

/**
 * `_redirects`, for hosts that read it (Netlify, Cloudflare Pages): a permanent redirect from
 * every former URL to the article's URL, root-relative under the base URL's path. Hosts that do
 * not read it serve the redirect pages instead (Netlify serves an existing page before its rules,
 * so there the page's refresh answers).
 */
export const redirectRulesKind: PageKind = {
  name: 'redirect rules',
  outputs(state) {
    if (state.redirects.length === 0) return [];
    const base = state.site.baseUrl === undefined ? '/' : new URL(state.site.baseUrl).pathname.replace(/\/?$/, '/');
    const rules = state.redirects.map(({ from, position }) => `${base}${from} ${base}${state.entry(position).path} 301`);
    return [{ file: REDIRECTS_PATH, signature: JSON.stringify(rules), shows: [], make: { file: () => `${rules.join('\n')}\n` } }];
  },
};
