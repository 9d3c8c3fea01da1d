import { ownPageModel } from '../pages/own-page.ts';
import { outputFileOf } from '../site/urls.ts';
import { pictureCopies } from './article.ts';
import type { PageKind } from './kind.ts';

/** The site's own pages (`pages/about.md` at `/about/`), by their content: compared in full, as there are few. */
export const ownPageKind: PageKind = {
  name: 'page',
  template: 'pages/page.njk',
  outputs: (state) =>
    state.pages.flatMap((page) => [
      {
        file: outputFileOf(page.path),
        signature: JSON.stringify([page.hash, page.title, page.description, page.bodyHtml]),
        shows: [],
        sitemap: { path: page.path },
        make: { page: () => ownPageModel(page, state.site) },
      },
      ...pictureCopies(page.path, page.images, state.folders.pages),
    ]),
};
