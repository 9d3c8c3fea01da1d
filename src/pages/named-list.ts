import { relativeHref } from '../site/urls.ts';
import { plural } from '../site/words.ts';
import { link, pageCommon } from './common.ts';
import { dated, listPages, pageHolding, pageName, spanLabel, undated, type ListPages } from './list-pages.ts';
import type { SiteState } from './state.ts';
import type { ListPage } from './types.ts';

/**
 * A list of articles with a name and pages of its own, newest first: a topic, an author. The
 * first page shows the newest `pageSize` articles and links the one just older; older pages are
 * named by their first article, so each keeps its address while articles are added.
 */
export interface NamedList {
  /** `Kim Jong Un`, `Ana María Pérez`. */
  label: string;
  /** Positions of its articles, in archive order. */
  members: readonly number[];
  /** Its first page, or (with `page`) one of its older pages. */
  path: (page?: string) => string;
  /** Its Atom feed (a topic's, an author's); a month has none. */
  feedPath?: string;
  /** Whether its pages group their articles under date headings (a month), rather than dating each (a topic). */
  byDay?: boolean;
  /** What it is, above its heading: `Person`, `Author`. */
  kind: string;
  /** The index that lists it: `/topics/`, `/authors/`. */
  index: { path: string; label: string };
  /** How its articles relate to it, for descriptions: `about Kim Jong Un`, `by Ana María Pérez`. */
  relation: string;
}

export function namedListPages(state: SiteState, named: NamedList): ListPages {
  return listPages(state, named.members, state.site.pageSize);
}

/** Its first page: its newest articles, its count, its feed (with a base URL), a link to older pages. */
export function namedListPage(state: SiteState, named: NamedList, list: ListPages): ListPage {
  const path = named.path();
  const count = plural(list.members.length, 'article');
  const olderIndex = list.members.length - 1 - state.site.pageSize;
  return {
    ...pageCommon(path, named.label, `${count} ${named.relation}.`, state.site, [named.index]),
    template: 'list',
    heading: named.label,
    kicker: `${named.kind} · ${count}`,
    ...(named.byDay ? dated : undated)(state, path, list.members.slice(-state.site.pageSize).reverse()),
    ...(olderIndex >= 0 ? { older: relativeHref(path, named.path(pageName(state, list, pageHolding(list, olderIndex)))) } : {}),
    ...(state.site.baseUrl === undefined || named.feedPath === undefined ? {} : { feed: link(path, named.feedPath, `Atom feed for ${named.label}`) }),
    isFront: false,
  };
}

/** One of its older pages, newest first. */
export function namedListArchivePage(state: SiteState, named: NamedList, list: ListPages, page: number): ListPage {
  const path = named.path(pageName(state, list, page));
  const [start, end] = list.pages[page]!;
  const positions = list.members.slice(start, end);
  const range = spanLabel(state, state.rows.date(positions[0]!), state.rows.date(positions.at(-1)!));
  return {
    ...pageCommon(path, `${named.label}: ${range}`, `Articles ${named.relation} from ${range}.`, state.site, [named.index, { path: named.path(), label: named.label }]),
    template: 'list',
    heading: `${named.label}: ${range}`,
    kicker: named.kind,
    ...(named.byDay ? dated : undated)(state, path, [...positions].reverse()),
    newer: relativeHref(path, page + 1 < list.pages.length ? named.path(pageName(state, list, page + 1)) : named.path()),
    ...(page > 0 ? { older: relativeHref(path, named.path(pageName(state, list, page - 1))) } : {}),
    isFront: false,
  };
}
