import type { SiteState } from '../pages/state.ts';
import type { PageModel } from '../pages/types.ts';
import { hasOlderPages, newestDate, pageHolding, pageName, type ListPages } from '../pages/list-pages.ts';
import { namedListArchivePage, namedListPage, namedListPages, type NamedList } from '../pages/named-list.ts';
import { reachOf } from '../pages/chunks.ts';
import { outputFileOf } from '../site/urls.ts';
import { lowerBound } from '../sorted.ts';
import { idsOf, lastmod, nosOf, type Planned } from './kind.ts';

/**
 * The pages of a named list (a topic, an author): its first page always, its older pages all or
 * only those in `pages`. `header` is what else its pages show of it (its slug, label, kind).
 */
export function namedListOutputs(
  state: SiteState,
  named: NamedList,
  header: unknown,
  list: ListPages = namedListPages(state, named),
  pages?: ReadonlySet<number>,
  /** A first page of its own (a month's, with its days), and what else it shows, for its signature. */
  first?: { extra: unknown; make: () => PageModel },
): Planned[] {
  const older = hasOlderPages(state, list);
  const pathOf = (page: number) => (older && page >= 0 && page < list.pages.length ? named.path(pageName(state, list, page)) : undefined);
  const newest = list.members.slice(-state.site.pageSize);
  const olderAt = list.members.length - 1 - state.site.pageSize;
  return [
    {
      file: outputFileOf(named.path()),
      signature: JSON.stringify([header, list.members.length, idsOf(state, newest), olderAt >= 0 ? pathOf(pageHolding(list, olderAt)) : undefined, first?.extra]),
      shows: nosOf(state, newest),
      sitemap: { path: named.path(), ...lastmod(state, newest) },
      make: { page: first?.make ?? (() => namedListPage(state, named, list)) },
    },
    ...(older ? pagesOf(list, pages) : []).map((page) => listPage(state, list, page, pathOf, header, () => namedListArchivePage(state, named, list, page))),
  ];
}

/**
 * Page `page` of a list, at `pathOf(page)`: what it shows, and its neighbours' addresses and
 * `extra` in its signature.
 */
export function listPage(state: SiteState, list: ListPages, page: number, pathOf: (page: number) => string | undefined, extra: unknown, make: () => PageModel): Planned {
  const path = pathOf(page)!;
  const [start, end] = list.pages[page]!;
  const newest = newestDate(state, list, page);
  return {
    file: outputFileOf(path),
    signature: JSON.stringify([pathOf(page - 1), pathOf(page + 1), idsOf(state, list.members.slice(start, end)), extra]),
    shows: nosOf(state, list.members.slice(start, end)),
    sitemap: { path, ...(newest === undefined ? {} : { lastmod: newest }) },
    make: { page: make },
  };
}

/** Page indexes of a list: those given, or all. */
export function pagesOf(list: ListPages, pages: ReadonlySet<number> | undefined): number[] {
  return pages ? [...pages].filter((page) => page < list.pages.length).sort((a, b) => a - b) : list.pages.map((_, page) => page);
}

/**
 * The pages of a list, before and after, that changes to the articles `nos` can reach. Pages
 * are cut where the articles say (see `chunks.ts`): whether an article starts a page depends only
 * on the articles within `reach` of it, so a change moves only the pages within `reach` of it,
 * and the pages beside those (their links). Those pages, on either side, span a few ranges of the
 * archive's order; every page of either list that overlaps one of them is planned, so a page
 * left out is the same page, at the same address, before and after. A list that gains or loses
 * its later pages has all of them made or removed (both undefined).
 */
export function reachedPages(before: SiteState, listBefore: ListPages, after: SiteState, listAfter: ListPages, nos: ReadonlySet<number>): [Set<number>?, Set<number>?] {
  if (hasOlderPages(before, listBefore) !== hasOlderPages(after, listAfter)) return [];
  const ranges: [string, string][] = [];
  for (const [state, list] of [[before, listBefore], [after, listAfter]] as const) {
    const reach = reachOf(before.site.pageSize) + 1;
    for (const no of nos) {
      const position = state.positionOfNo(no);
      if (position === undefined || list.members.length === 0) continue;
      const index = lowerBound(list.members, position);
      const from = Math.max(0, pageHolding(list, Math.max(0, index - reach)) - 1);
      const to = Math.min(list.pages.length - 1, pageHolding(list, Math.min(list.members.length - 1, index + reach)) + 1);
      ranges.push([state.rows.orders[list.members[list.pages[from]![0]]!]!, state.rows.orders[list.members[list.pages[to]![1] - 1]!]!]);
    }
  }
  const overlapping = (state: SiteState, list: ListPages) => {
    const pages = new Set<number>();
    for (const [low, high] of ranges) {
      // Pages are in order: from the last one starting at or before `low` to the last one starting at or before `high`.
      let page = Math.max(0, startingBefore(state, list, low));
      for (; page < list.pages.length && state.rows.orders[list.members[list.pages[page]![0]]!]! <= high; page++) pages.add(page);
    }
    return pages;
  };
  return [overlapping(before, listBefore), overlapping(after, listAfter)];
}

/** The last page of `list` whose first article's order is at or before `order` (-1 when none is). */
function startingBefore(state: SiteState, list: ListPages, order: string): number {
  let low = 0;
  let high = list.pages.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (state.rows.orders[list.members[list.pages[middle]![0]]!]! <= order) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
