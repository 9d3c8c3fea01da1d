import { buildFeeds, listFeed, newestFirst, type Feeds } from '../outputs/feeds.ts';
import type { NamedList } from '../pages/named-list.ts';
import type { SiteState } from '../pages/state.ts';
import { ATOM_PATH, JSON_FEED_PATH, RSS_PATH } from '../site/urls.ts';
import { idsOf, nosOf, type PageKind, type Planned } from './kind.ts';

/**
 * The site's Atom, RSS and JSON feeds of its newest articles, with their text (so a change to one
 * of them in any way makes them again: `reads`). Only with a base URL: feeds hold absolute URLs.
 */
export const feedsKind: PageKind = {
  name: 'feeds',
  outputs(state) {
    const { baseUrl } = state.site;
    if (baseUrl === undefined) return [];
    const positions = newestFirst(state.rows.length, state.site.feedSize);
    const signature = idsOf(state, positions);
    const nos = nosOf(state, positions);
    let feeds: Feeds | undefined;
    const made = () => (feeds ??= buildFeeds(state, { ...state.site, baseUrl }));
    const feed = (file: string, content: (feeds: Feeds) => string): Planned => ({ file, signature, shows: nos, reads: nos, make: { file: () => content(made()) } });
    return [feed(ATOM_PATH, (all) => all.atom), feed(RSS_PATH, (all) => all.rss), feed(JSON_FEED_PATH, (all) => all.json)];
  },
};

/** The Atom feed of a named list (a topic, an author): its newest `feedSize` articles; `header` is what else it shows of the list. */
export function namedListFeed(state: SiteState, named: NamedList, header: unknown, baseUrl: string): Planned {
  const newest = named.members.slice(-state.site.feedSize);
  return {
    file: named.feedPath!,
    signature: JSON.stringify([header, idsOf(state, newest)]),
    shows: nosOf(state, newest),
    make: { file: () => listFeed(state, named, { ...state.site, baseUrl }) },
  };
}
