import type { Topics } from '../corpus/topics.ts';
import { topicPath, topicsPath } from '../site/urls.ts';
import { plural } from '../site/words.ts';
import { link, pageCommon } from './common.ts';
import { TOPIC_KINDS } from './list-pages.ts';
import type { SiteSettings, TopicGroup, TopicIndexPage } from './types.ts';

/** `/topics/`: every topic A–Z with its count, grouped by kind. */
export function topicIndexPage(topics: Topics, site: SiteSettings): TopicIndexPage {
  const path = topicsPath();
  const groups: TopicGroup[] = TOPIC_KINDS.map(({ kind, heading, id }) => ({
    heading,
    id,
    entries: topics.topics
      .filter((topic) => topic.kind === kind)
      .map((topic) => ({ ...link(path, topicPath(topic.slug), topic.label), count: topic.members.length, countLabel: plural(topic.members.length, 'article') })),
  })).filter((group) => group.entries.length > 0);
  const who = topics.minArticles === 1 ? 'an article names' : `at least ${topics.minArticles} articles name`;
  return {
    ...pageCommon(path, 'Topics', `${plural(topics.topics.length, 'topic')}: people, places and organisations in the archive.`, site),
    template: 'topics',
    heading: 'Topics',
    groups,
    note: `A name found in the articles' text becomes a topic when ${who} it twice or in the first paragraph. Tags that authors gave their articles are topics too.`,
  };
}
