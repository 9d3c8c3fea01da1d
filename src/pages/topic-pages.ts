import type { Topic, TopicKind } from '../corpus/topics.ts';
import { topicFeedPath, topicPath, topicsPath } from '../site/urls.ts';
import { plural } from '../site/words.ts';
import { link, pageCommon } from './common.ts';
import { listItem } from './list-pages.ts';
import { chunk, pagination } from './paginate.ts';
import type { ListPage, SiteSettings, TopicGroup, TopicIndexPage } from './types.ts';

/** Kinds in the order `/topics/` shows them, with their headings and the label a topic page shows. */
const KINDS: readonly { kind: TopicKind; heading: string; label: string; id: string }[] = [
  { kind: 'person', heading: 'People', label: 'Person', id: 'people' },
  { kind: 'place', heading: 'Places', label: 'Place', id: 'places' },
  { kind: 'organisation', heading: 'Organisations', label: 'Organisation', id: 'organisations' },
  { kind: 'subject', heading: 'Subjects', label: 'Subject', id: 'subjects' },
  { kind: 'other', heading: 'Other names', label: 'Name', id: 'other-names' },
];

/** `/topics/<slug>/`, newest first, paginated like the front page. */
export function topicPages(topics: readonly Topic[], site: SiteSettings): ListPage[] {
  return topics.flatMap((topic) => {
    const pages = chunk(topic.articles, site.pageSize);
    const count = plural(topic.articles.length, 'article');
    const kind = KINDS.find((entry) => entry.kind === topic.kind)!;
    return pages.map((records, index): ListPage => {
      const number = index + 1;
      const path = topicPath(topic.slug, number);
      const paging = pagination(number, pages.length, (page) => topicPath(topic.slug, page));
      return {
        ...pageCommon(path, number === 1 ? topic.label : `${topic.label}, page ${number}`, `${count} about ${topic.label}.`, site, [
          { path: topicsPath(), label: 'Topics' },
        ]),
        template: 'list',
        heading: number === 1 ? topic.label : `${topic.label}, page ${number} of ${pages.length}`,
        kicker: `${kind.label} · ${count}`,
        items: records.map((record) => listItem(path, record, site)),
        ...(paging ? { pagination: paging } : {}),
        ...(site.baseUrl === undefined ? {} : { feed: link(path, topicFeedPath(topic.slug), `Atom feed for ${topic.label}`) }),
        isFront: false,
      };
    });
  });
}

/** `/topics/`: every topic A–Z with its count, grouped by kind. `topics` arrive A–Z. */
export function topicIndexPage(topics: readonly Topic[], minArticles: number, site: SiteSettings): TopicIndexPage {
  const path = topicsPath();
  const groups: TopicGroup[] = KINDS.map(({ kind, heading, id }) => ({
    heading,
    id,
    entries: topics
      .filter((topic) => topic.kind === kind)
      .map((topic) => ({ ...link(path, topicPath(topic.slug), topic.label), count: topic.articles.length, countLabel: plural(topic.articles.length, 'article') })),
  })).filter((group) => group.entries.length > 0);
  const who = minArticles === 1 ? 'an article names' : `at least ${minArticles} articles name`;
  return {
    ...pageCommon(path, 'Topics', `${plural(topics.length, 'topic')}: people, places and organisations in the archive.`, site),
    template: 'topics',
    heading: 'Topics',
    groups,
    note: `A name found in the articles' text becomes a topic when ${who} it twice or in the first paragraph. Tags that authors gave their articles are topics too.`,
  };
}
