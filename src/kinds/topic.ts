import type { Topic } from '../corpus/topics.ts';
import { topicNamed, type ListPages } from '../pages/list-pages.ts';
import { namedListPages } from '../pages/named-list.ts';
import type { SiteState } from '../pages/state.ts';
import type { PageKind, Planned, Reached } from './kind.ts';
import { namedListFeed } from './feeds.ts';
import { namedListOutputs, reachedPages } from './lists.ts';

/** A topic's pages — its first page always, its later pages all or only those in `pages` — and its feed (with a base URL). */
function topicOutputs(state: SiteState, topic: Topic, list?: ListPages, pages?: ReadonlySet<number>): Planned[] {
  const named = topicNamed(topic);
  const header = [topic.slug, topic.label, topic.kind];
  const { baseUrl } = state.site;
  return [...namedListOutputs(state, named, header, list, pages), ...(baseUrl === undefined ? [] : [namedListFeed(state, named, header, baseUrl)])];
}

/**
 * `/topics/<slug>/` and its feed: an update reaches each topic whose members, name or kind changed or that
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
        const lists = [namedListPages(before, topicNamed(old)), namedListPages(after, topicNamed(now))] as const;
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
