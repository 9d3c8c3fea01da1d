import { archiveList, archivePage, frontPage, hasOlderPages, pageHolding, pageName, type ListPages } from '../pages/list-pages.ts';
import type { SiteState } from '../pages/state.ts';
import { frontPagePath, outputFileOf } from '../site/urls.ts';
import { idsOf, lastmod, nosOf, type PageKind, type Planned } from './kind.ts';
import { listPage, pagesOf, reachedPages } from './lists.ts';

/**
 * The front page and the archive's pages of older articles: all of them, or only those in
 * `pages`; the front page always.
 */
function frontOutputs(state: SiteState, list: ListPages = archiveList(state), pages?: ReadonlySet<number>): Planned[] {
  const older = hasOlderPages(state, list);
  const pathOf = (page: number) => (older && page >= 0 && page < list.pages.length ? frontPagePath(pageName(state, list, page)) : undefined);
  const newest = list.members.slice(-state.site.pageSize);
  const olderAt = list.members.length - 1 - state.site.pageSize;
  const front: Planned = {
    file: outputFileOf(frontPagePath()),
    signature: JSON.stringify([idsOf(state, newest), olderAt >= 0 ? pathOf(pageHolding(list, olderAt)) : undefined]),
    shows: nosOf(state, newest),
    sitemap: { path: frontPagePath(), ...lastmod(state, newest) },
    make: { page: () => frontPage(state, list) },
  };
  if (!older) return [front];
  return [front, ...pagesOf(list, pages).map((page) => listPage(state, list, page, pathOf, undefined, () => archivePage(state, list, page)))];
}

/** `/` and `/page/<id>/`: an update reaches the pages near the changed articles in the archive's order. */
export const frontKind: PageKind = {
  name: 'front',
  template: 'pages/list.njk',
  outputs: (state) => frontOutputs(state),
  reach(before, after, changes) {
    if (changes.changed.size === 0 && changes.listed.size === 0) return [];
    const lists = [archiveList(before), archiveList(after)] as const;
    const [pagesBefore, pagesAfter] = reachedPages(before, lists[0], after, lists[1], new Set([...changes.changed, ...changes.listed]));
    return [[frontOutputs(before, lists[0], pagesBefore), frontOutputs(after, lists[1], pagesAfter)]];
  },
};
