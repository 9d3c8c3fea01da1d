import { buildFeeds, newestFirst, topicFeed, type Feeds } from '../outputs/feeds.ts';
import type { SiteState } from '../pages/state.ts';
import { ATOM_PATH, JSON_FEED_PATH, RSS_PATH, topicFeedPath } from '../site/urls.ts';
import { nosOf, type PageKind, type Planned } from './kind.ts';

/**
 * The site's Atom, RSS and JSON feeds of its newest articles, with their text (so an article's
 * body is part of the signature, by its record's hash). Only with a base URL: feeds hold absolute URLs.
 */
export const feedsKind: PageKind = {
  name: 'feeds',
  outputs(state) {
    const { baseUrl } = state.site;
    if (baseUrl === undefined) return [];
    const positions = newestFirst(state.rows.length, state.site.feedSize);
    const signature = JSON.stringify(positions.map((position) => [state.rows.id(position), state.entry(position).hash]));
    let feeds: Feeds | undefined;
    const made = () => (feeds ??= buildFeeds(state, { ...state.site, baseUrl }));
    const feed = (file: string, content: (feeds: Feeds) => string): Planned => ({ file, signature, shows: nosOf(state, positions), make: { file: () => content(made()) } });
    return [feed(ATOM_PATH, (all) => all.atom), feed(RSS_PATH, (all) => all.rss), feed(JSON_FEED_PATH, (all) => all.json)];
  },
};

/** Each topic's Atom feed of its newest articles (headlines and summaries), with a base URL. */
export const topicFeedKind: PageKind = {
  name: 'topic feed',
  outputs(state) {
    const { baseUrl } = state.site;
    if (baseUrl === undefined) return [];
    return state.topics.topics.map((topic) => {
      const newest = topic.members.slice(-state.site.feedSize);
      return {
        file: topicFeedPath(topic.slug),
        signature: JSON.stringify([topic.slug, topic.label, topic.kind, newest.map((position) => state.rows.id(position)).join(' ')]),
        shows: nosOf(state, newest),
        make: { file: () => topicFeed(state, topic, { ...state.site, baseUrl }) },
      };
    });
  },
};
