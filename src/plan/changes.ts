import type { Column } from '../archive/rows.ts';
import type { IsoDate } from '../dates.ts';
import type { SiteState } from '../pages/state.ts';
import { archiveGroup, dayGroup, everyGroup, newsGroup, onThisDayGroup, periodGroup, siteGroup, topicGroup, articleGroup, type PageGroup, type Planned } from './catalogue.ts';
import { monthDayOf, sameDayIn } from '../pages/same-day.ts';
import { reachOf } from '../pages/chunks.ts';
import { archiveList, hasOlderPages, pageHolding, topicList, type ListPages } from '../pages/list-pages.ts';

/** How the published articles changed between two builds, by `no`. */
export interface ArticleChanges {
  /** Added, removed, or changed in any way (text, headline, date, path…). */
  changed: ReadonlySet<number>;
  /** Added, removed, or shown differently in lists and links (headline, summary, date, path, reading time). */
  listed: ReadonlySet<number>;
}

/** What a build must make and remove, decided before anything is rendered. */
export interface OutputPlan {
  /** Outputs to make; each is written only if its key differs from the last build's (see `decideWrites`). */
  make: Planned[];
  /** Files the previous build wrote that the site no longer has. */
  remove: string[];
  /** Sitemap entries that are new or changed (URL path → newest date), and paths no longer listed. */
  sitemap: { set: Map<string, IsoDate | undefined>; removed: string[] };
}

/** Every output of the site: a clean build's plan. */
export function planEverything(state: SiteState): OutputPlan {
  const make = everyGroup(state).flat();
  const set = new Map<string, IsoDate | undefined>();
  for (const planned of make) if (planned.sitemap) set.set(planned.sitemap.path, planned.sitemap.lastmod);
  return { make, remove: [], sitemap: { set, removed: [] } };
}

/**
 * The outputs that can differ after `changes`, and the files that went away, found without making
 * a page: only the groups of pages the changed articles reach are looked at, and in each, a page
 * is made again only if what decides it (its signature: ids, links, counts, labels) differs or it
 * shows a changed article. The groups reached:
 *
 * - the changed articles' pages, their previous and next articles (before and after: a renamed
 *   file can move within its day), articles
 *   whose topics or related lists changed or list a changed article, and the members of a topic
 *   that was renamed;
 * - the archive's list (the front page and its pages), each changed article's days (before and
 *   after), the days beside any day that appeared or went and the same calendar day in other
 *   years (which link to it), and the "on this day" pages of the changed articles' calendar days;
 * - each topic whose members, name or kind changed or that shows a changed article;
 * - the year, month and archive pages (counts) and `/topics/`;
 * - the Google News sitemap (the newest two days' articles).
 *
 * Pure: `before` and `after` hold everything it reads. The site's feeds, the other sitemaps, the
 * search index and the static files are planned by their own stages.
 */
export function planChanges(before: SiteState, after: SiteState, changes: ArticleChanges): OutputPlan {
  const pairs: [PageGroup, PageGroup][] = [];
  const beforeByNo = before.positionOfNo;

  // Articles.
  const articles = new Set<number>();
  const around = (state: SiteState, position: number | undefined) => {
    if (position === undefined) return;
    for (const other of [position - 1, position, position + 1]) if (other >= 0 && other < state.rows.length) articles.add(state.rows.no[other]!);
  };
  // Changed articles too: a file renamed within its day keeps its id and text but moves in the order.
  for (const no of new Set([...changes.listed, ...changes.changed])) {
    around(before, beforeByNo(no));
    around(after, after.positionOfNo(no));
  }
  const renamedTopics = new Set<number>();
  for (const topic of after.topics.topics) {
    const old = before.topics.byKey.get(topic.key);
    if (old && (old.slug !== topic.slug || old.label !== topic.label)) renamedTopics.add(topic.key);
  }
  const { rows } = after;
  for (let position = 0; position < rows.length; position++) {
    const no = rows.no[position]!;
    const old = beforeByNo(no);
    if (old === undefined || !rows.topics.same(position, before.rows.topics, old) || !rows.related.same(position, before.rows.related, old)) articles.add(no);
    else if (anyOf(rows.related, position, changes.listed) || anyOf(rows.topics, position, renamedTopics)) articles.add(no);
  }
  for (const no of articles) {
    const was = beforeByNo(no);
    const is = after.positionOfNo(no);
    pairs.push([was === undefined ? [] : articleGroup(before, was), is === undefined ? [] : articleGroup(after, is)]);
  }

  if (changes.changed.size > 0 || changes.listed.size > 0) {
    // The archive's list (the pages the changed articles can reach), and the days the changed
    // articles were or are on, with the days beside new or vanished days.
    const lists = [archiveList(before), archiveList(after)] as const;
    const touched = new Set([...changes.changed, ...changes.listed]);
    const [pagesBefore, pagesAfter] = reachedPages(before, lists[0], after, lists[1], touched, before.site.pageSize);
    pairs.push([archiveGroup(before, lists[0], pagesBefore), archiveGroup(after, lists[1], pagesAfter)]);
    const days = new Set<IsoDate>();
    const dayOf = (state: SiteState, position: number | undefined) => position !== undefined && days.add(state.rows.date(position));
    for (const no of new Set([...changes.changed, ...changes.listed])) {
      dayOf(before, beforeByNo(no));
      dayOf(after, after.positionOfNo(no));
    }
    // A day's page shows only the articles of its own calendar day on "on this day" pages.
    const monthDays = new Set([...days].map(monthDayOf));
    for (const [state, other] of [[before, after], [after, before]] as const) {
      for (const date of state.dayDates) {
        if (other.days.has(date)) continue;
        const index = state.days.get(date)!.index;
        for (const near of [state.dayDates[index - 1], state.dayDates[index + 1]]) if (near !== undefined) days.add(near);
        // The same calendar day in other years links to it.
        for (const same of [...sameDayIn(before, date), ...sameDayIn(after, date)]) days.add(same);
      }
    }
    for (const date of days) pairs.push([before.days.has(date) ? dayGroup(before, date) : [], after.days.has(date) ? dayGroup(after, date) : []]);
    pairs.push([onThisDayGroup(before, monthDays), onThisDayGroup(after, monthDays)]);
  }

  // Topics whose members, name or kind changed, or that show a changed article.
  const idsOf = (state: SiteState, members: readonly number[]) => members.map((position) => state.rows.no[position]!);
  for (const key of new Set([...before.topics.byKey.keys(), ...after.topics.byKey.keys()])) {
    const old = before.topics.byKey.get(key);
    const now = after.topics.byKey.get(key);
    const oldMembers = old ? idsOf(before, old.members) : [];
    const newMembers = now ? idsOf(after, now.members) : [];
    const same =
      old !== undefined &&
      now !== undefined &&
      old.slug === now.slug &&
      old.label === now.label &&
      old.kind === now.kind &&
      sameNumbers(oldMembers, newMembers) &&
      !newMembers.some((no) => changes.listed.has(no) || changes.changed.has(no));
    if (same) continue;
    if (old && now && old.slug === now.slug && old.label === now.label && old.kind === now.kind) {
      // Only its articles moved: the pages they can reach.
      const lists = [topicList(before, old), topicList(after, now)] as const;
      const moved = new Set(newMembers.filter((no) => changes.changed.has(no) || changes.listed.has(no)));
      for (const no of symmetricDifference(oldMembers, newMembers)) moved.add(no);
      const [pagesBefore, pagesAfter] = reachedPages(before, lists[0], after, lists[1], moved, before.site.pageSize);
      pairs.push([topicGroup(before, old, lists[0], pagesBefore), topicGroup(after, now, lists[1], pagesAfter)]);
    } else {
      pairs.push([old ? topicGroup(before, old) : [], now ? topicGroup(after, now) : []]);
    }
  }

  // The news sitemap: at most 1,000 articles, compared on every update.
  pairs.push([periodGroup(before), periodGroup(after)], [siteGroup(before), siteGroup(after)], [newsGroup(before), newsGroup(after)]);
  return comparePairs(pairs, changes);
}

/**
 * The pages of a list, before and after, that changes to the articles `nos` can reach. Pages
 * are cut where the articles say (see `chunks.ts`): whether an article starts a page depends only
 * on the articles within `reach` of it, so a change moves only the pages within `reach` of it,
 * and the pages beside those (their links). Those pages, on either side, span a few ranges of the
 * archive's order; every page of either list that overlaps one of them is planned, so a page
 * left out is the same page, at the same address, before and after.
 */
function reachedPages(before: SiteState, listBefore: ListPages, after: SiteState, listAfter: ListPages, nos: ReadonlySet<number>, size: number): [Set<number>?, Set<number>?] {
  // A list that gains or loses its later pages has all of them made or removed.
  if (hasOlderPages(before, listBefore) !== hasOlderPages(after, listAfter)) return [];
  const ranges: [string, string][] = [];
  for (const [state, list] of [[before, listBefore], [after, listAfter]] as const) {
    const reach = reachOf(size) + 1;
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

/** The first index of ascending `list` holding a value ≥ `value`. */
function lowerBound(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Numbers in one of two lists and not the other. */
function symmetricDifference(a: readonly number[], b: readonly number[]): number[] {
  const inA = new Set(a);
  const inB = new Set(b);
  return [...a.filter((no) => !inB.has(no)), ...b.filter((no) => !inA.has(no))];
}

/** Within each pair of groups (before, after), the outputs to make, the files gone and the sitemap changes. */
function comparePairs(pairs: readonly [PageGroup, PageGroup][], changes: ArticleChanges): OutputPlan {
  const make = new Map<string, Planned>();
  const gone = new Set<string>();
  const kept = new Set<string>();
  const set = new Map<string, IsoDate | undefined>();
  const unlisted = new Set<string>();
  const listedPaths = new Set<string>();
  for (const [was, is] of pairs) {
    const old = new Map(was.map((planned) => [planned.file, planned]));
    for (const planned of is) {
      kept.add(planned.file);
      const previous = old.get(planned.file);
      if (previous === undefined || previous.signature !== planned.signature || planned.shows.some((no) => changes.listed.has(no))) make.set(planned.file, planned);
      if (planned.sitemap) {
        listedPaths.add(planned.sitemap.path);
        if (previous?.sitemap?.path !== planned.sitemap.path || previous.sitemap.lastmod !== planned.sitemap.lastmod) set.set(planned.sitemap.path, planned.sitemap.lastmod);
      }
    }
    for (const planned of was) {
      gone.add(planned.file);
      if (planned.sitemap) unlisted.add(planned.sitemap.path);
    }
  }
  return {
    make: [...make.values()],
    remove: [...gone].filter((file) => !kept.has(file)),
    sitemap: { set, removed: [...unlisted].filter((path) => !listedPaths.has(path)) },
  };
}

/** Whether row `position` of `column` holds a number in `set`. */
function anyOf(column: Column, position: number, set: ReadonlySet<number>): boolean {
  for (let at = column.start[position]!, end = column.start[position + 1]!; at < end; at++) if (set.has(column.data[at]!)) return true;
  return false;
}

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
