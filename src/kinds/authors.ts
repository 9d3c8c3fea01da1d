import { authorIndexPage, authorNamed } from '../pages/author-pages.ts';
import { authorPath, outputFileOf } from '../site/urls.ts';
import { namedListFeed } from './feeds.ts';
import type { PageKind } from './kind.ts';
import { namedListOutputs } from './lists.ts';

/**
 * `/authors/<slug>/` and its feed: each author's articles, newest first. Compared in full on every update
 * (there is no reach rule): authored articles are few beside an archive's scraped ones.
 */
export const authorKind: PageKind = {
  name: 'author',
  template: 'pages/list.njk',
  outputs: (state) =>
    state.authors.list.flatMap((author) => {
      const named = authorNamed(author);
      const header = [author.slug, author.name];
      const { baseUrl } = state.site;
      return [...namedListOutputs(state, named, header), ...(baseUrl === undefined ? [] : [namedListFeed(state, named, header, baseUrl)])];
    }),
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
