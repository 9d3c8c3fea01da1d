import type { Topic } from '../corpus/topics.ts';
import { hasOlderPages, pageHolding, pageName, topicArchivePage, topicList, topicPage, type ListPages } from '../pages/list-pages.ts';
import type { SiteState } from '../pages/state.ts';
import { outputFileOf, topicPath } from '../site/urls.ts';
import { idsOf, lastmod, nosOf, type PageKind, type Planned, type Reached } from './kind.ts';
import { listPage, pagesOf, reachedPages } from './lists.ts';

/** A topic's pages: its first page always, its later pages all or only those in `pages`. */
function topicOutputs(state: SiteState, topic: Topic, list: ListPages = topicList(state, topic), pages?: ReadonlySet<number>): Planned[] {
  const older = hasOlderPages(state, list);
  const pathOf = (page: number) => (older && page >= 0 && page < list.pages.length ? topicPath(topic.slug, pageName(state, list, page)) : undefined);
  const newest = list.members.slice(-state.site.pageSize);
  const olderAt = list.members.length - 1 - state.site.pageSize;
  const header = [topic.slug, topic.label, topic.kind];
  return [
    {
      file: outputFileOf(topicPath(topic.slug)),
      signature: JSON.stringify([header, list.members.length, idsOf(state, newest), olderAt >= 0 ? pathOf(pageHolding(list, olderAt)) : undefined]),
      shows: nosOf(state, newest),
      sitemap: { path: topicPath(topic.slug), ...lastmod(state, newest) },
      make: { page: () => topicPage(state, topic, list) },
    },
    ...(older ? pagesOf(list, pages) : []).map((page) => listPage(state, list, page, pathOf, header, () => topicArchivePage(state, topic, list, page))),
  ];
}

/**
 * `/topics/<slug>/`: an update reaches each topic whose members, name or kind changed or that
 * shows a changed article; where only its articles moved, only the pages they can reach.
 */
export const topicKind: PageKind = {
  name: 'topic',
  template: 'pages/list.njk',
  outputs: (state) => state.topics.topics.flatMap((topic) => topicOutputs(state, topic)),
  reach(before, after, changes) {
    const reached: Reached = [];
    const nos = (state: SiteState, members: readonly number[]) => members.map((position) => state.rows.no[position]!);
    const touched = (no: number) => changes.listed.has(no) || changes.changed.has(no);
    for (const key of new Set([...before.topics.byKey.keys(), ...after.topics.byKey.keys()])) {
      const old = before.topics.byKey.get(key);
      const now = after.topics.byKey.get(key);
      const oldMembers = old ? nos(before, old.members) : [];
      const newMembers = now ? nos(after, now.members) : [];
      const sameHeader = old !== undefined && now !== undefined && old.slug === now.slug && old.label === now.label && old.kind === now.kind;
      if (sameHeader && sameNumbers(oldMembers, newMembers) && !newMembers.some(touched)) continue;
      if (sameHeader) {
        // Only its articles moved: the pages they can reach.
        const lists = [topicList(before, old), topicList(after, now)] as const;
        const moved = new Set(newMembers.filter(touched));
        for (const no of symmetricDifference(oldMembers, newMembers)) moved.add(no);
        const [pagesBefore, pagesAfter] = reachedPages(before, lists[0], after, lists[1], moved);
        reached.push([topicOutputs(before, old, lists[0], pagesBefore), topicOutputs(after, now, lists[1], pagesAfter)]);
      } else {
        reached.push([old ? topicOutputs(before, old) : [], now ? topicOutputs(after, now) : []]);
      }
    }
    return reached;
  },
};

/** Numbers in one of two lists and not the other. */
function symmetricDifference(a: readonly number[], b: readonly number[]): number[] {
  const inA = new Set(a);
  const inB = new Set(b);
  return [...a.filter((no) => !inB.has(no)), ...b.filter((no) => !inA.has(no))];
}

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
