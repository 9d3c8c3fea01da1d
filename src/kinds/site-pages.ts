import { notFoundPage } from '../pages/not-found-page.ts';
import { searchPage } from '../pages/search-page.ts';
import { topicIndexPage } from '../pages/topic-index-page.ts';
import { NOT_FOUND_PATH, outputFileOf, searchPath, topicsPath } from '../site/urls.ts';
import type { PageKind } from './kind.ts';

/** `/topics/`: every topic with its count. */
export const topicIndexKind: PageKind = {
  name: 'topic index',
  template: 'pages/topics.njk',
  outputs: (state) => [
    {
      file: outputFileOf(topicsPath()),
      signature: JSON.stringify([state.topics.minArticles, state.topics.topics.map((topic) => [topic.slug, topic.label, topic.kind, topic.members.length])]),
      shows: [],
      sitemap: { path: topicsPath() },
      make: { page: () => topicIndexPage(state.topics, state.site) },
    },
  ],
};

/** `/search/`, with search on: the settings alone decide it. */
export const searchKind: PageKind = {
  name: 'search',
  template: 'pages/search.njk',
  outputs: (state) => (state.site.search ? [{ file: outputFileOf(searchPath()), signature: '', shows: [], make: { page: () => searchPage(state.site) } }] : []),
};

/** `/404.html`: the settings alone decide it. */
export const notFoundKind: PageKind = {
  name: 'not found',
  template: 'pages/not-found.njk',
  outputs: (state) => [{ file: NOT_FOUND_PATH, signature: '', shows: [], make: { page: () => notFoundPage(state.site) } }],
};
