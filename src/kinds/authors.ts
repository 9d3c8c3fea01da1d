import type { Author } from '../corpus/authors.ts';
import { authorArchivePage, authorIndexPage, authorList, authorPage } from '../pages/author-pages.ts';
import { hasOlderPages, pageHolding, pageName } from '../pages/list-pages.ts';
import type { SiteState } from '../pages/state.ts';
import { authorFeed } from '../outputs/feeds.ts';
import { authorFeedPath, authorPath, outputFileOf } from '../site/urls.ts';
import { idsOf, lastmod, nosOf, type PageKind, type Planned } from './kind.ts';
import { listPage, pagesOf } from './lists.ts';

/** An author's pages: their newest articles, and their older ones on pages named by their first article. */
function authorOutputs(state: SiteState, author: Author): Planned[] {
  const list = authorList(state, author);
  const older = hasOlderPages(state, list);
  const pathOf = (page: number) => (older && page >= 0 && page < list.pages.length ? authorPath(author.slug, pageName(state, list, page)) : undefined);
  const newest = list.members.slice(-state.site.pageSize);
  const olderAt = list.members.length - 1 - state.site.pageSize;
  const header = [author.slug, author.name];
  return [
    {
      file: outputFileOf(authorPath(author.slug)),
      signature: JSON.stringify([header, list.members.length, idsOf(state, newest), olderAt >= 0 ? pathOf(pageHolding(list, olderAt)) : undefined]),
      shows: nosOf(state, newest),
      sitemap: { path: authorPath(author.slug), ...lastmod(state, newest) },
      make: { page: () => authorPage(state, author, list) },
    },
    ...(older ? pagesOf(list, undefined) : []).map((page) => listPage(state, list, page, pathOf, header, () => authorArchivePage(state, author, list, page))),
  ];
}

/**
 * `/authors/<slug>/`: each author's articles, newest first. Compared in full on every update
 * (there is no reach rule): authored articles are few beside an archive's scraped ones.
 */
export const authorKind: PageKind = {
  name: 'author',
  template: 'pages/list.njk',
  outputs: (state) => state.authors.list.flatMap((author) => authorOutputs(state, author)),
};

/** Each author's Atom feed of their newest articles, with a base URL. */
export const authorFeedKind: PageKind = {
  name: 'author feed',
  outputs(state) {
    const { baseUrl } = state.site;
    if (baseUrl === undefined) return [];
    return state.authors.list.map((author) => {
      const newest = author.members.slice(-state.site.feedSize);
      return {
        file: authorFeedPath(author.slug),
        signature: JSON.stringify([author.slug, author.name, idsOf(state, newest)]),
        shows: nosOf(state, newest),
        make: { file: () => authorFeed(state, author, { ...state.site, baseUrl }) },
      };
    });
  },
};

/** `/authors/`, when the site has authors. */
export const authorIndexKind: PageKind = {
  name: 'author index',
  template: 'pages/authors.njk',
  outputs: (state) =>
    state.authors.list.length === 0
      ? []
      : [
          {
            file: outputFileOf(authorPath()),
            signature: JSON.stringify(state.authors.list.map((author) => [author.slug, author.name, author.members.length])),
            shows: [],
            sitemap: { path: authorPath() },
            make: { page: () => authorIndexPage(state.authors, state.site) },
          },
        ],
};
