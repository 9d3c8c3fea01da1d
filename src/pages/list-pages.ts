import { dateParts, formatDate, formatMonth, formatMonthDay, type IsoDate } from '../dates.ts';
import type { Topic, TopicKind } from '../corpus/topics.ts';
import { idSlug } from '../derive/slug.ts';
import { archivePath, dayPath, frontPagePath, monthPath, onThisDayPath, relativeHref, topicFeedPath, topicPath, topicsPath, yearPath } from '../site/urls.ts';
import { plural } from '../site/words.ts';
import { pageRanges } from './chunks.ts';
import type { NamedList } from './named-list.ts';
import { link, pageCommon, shownReadingMinutes } from './common.ts';
import { monthDayOf, sameDayIn } from './same-day.ts';
import type { SiteState } from './state.ts';
import type { ListGroup, ListItem, ListPage } from './types.ts';

/**
 * The site's lists of articles — the whole archive (the front page and its older pages), each
 * day, each topic — cut into pages where the articles say (see `chunks.ts`). A list's later pages
 * are named by their first article, so a page keeps its URL and its articles while others are
 * added before or after it.
 */
export interface ListPages {
  /** Positions in the archive of the list's articles, oldest first. */
  members: readonly number[];
  /** Each page as a [start, end) range of `members`. */
  pages: [number, number][];
}

export function listPages(state: SiteState, members: readonly number[], size: number): ListPages {
  return { members, pages: pageRanges(Uint32Array.from(members, (position) => state.rows.rank[position]!), size) };
}

/** The name of the page starting at `members[start]`: its first article's id. */
export function pageName(state: SiteState, list: ListPages, page: number): string {
  return idSlug(state.rows.id(list.members[list.pages[page]![0]]!));
}

/** The page of `list` holding member index `index`. */
export function pageHolding(list: ListPages, index: number): number {
  let low = 0;
  let high = list.pages.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (list.pages[middle]![0] <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** List items for the articles at `positions`, in the order given, for the page at `from`. */
export function listItems(state: SiteState, from: string, positions: readonly number[]): ListItem[] {
  return positions.map((position) => {
    const entry = state.entry(position);
    return {
      href: relativeHref(from, entry.path),
      headline: entry.headline,
      ...(entry.place === undefined ? {} : { place: entry.place }),
      date: entry.date,
      dateLabel: formatDate(entry.date, state.site.language),
      summary: entry.summary,
      ...shownReadingMinutes(entry.readingMinutes),
    };
  });
}

/** Items under a heading for each date, for positions newest first (one group a run of the same date). */
function byDate(state: SiteState, from: string, positions: readonly number[]): ListGroup[] {
  const groups: ListGroup[] = [];
  for (const item of listItems(state, from, positions)) {
    const last = groups.at(-1);
    if (last?.day?.date === item.date) last.items.push(item);
    else groups.push({ day: { ...link(from, dayPath(item.date), item.dateLabel), date: item.date }, items: [item] });
  }
  return groups;
}

/** One group without a heading, each item showing its date. */
export function undated(state: SiteState, from: string, positions: readonly number[]): Pick<ListPage, 'groups' | 'layout' | 'itemDates'> {
  return { groups: [{ items: listItems(state, from, positions) }], layout: 'full', itemDates: true };
}

/** Groups under date headings. */
export function dated(state: SiteState, from: string, positions: readonly number[]): Pick<ListPage, 'groups' | 'layout' | 'itemDates'> {
  return { groups: byDate(state, from, positions), layout: 'full', itemDates: false };
}

/** `March 3 – April 2, 1987`-style label of the dates a page spans (formatted day by day). */
export function spanLabel(state: SiteState, first: IsoDate, last: IsoDate): string {
  const from = formatDate(first, state.site.language);
  return first === last ? from : `${from} – ${formatDate(last, state.site.language)}`;
}

// The archive as a whole: the front page and its pages of older articles.

export function archiveList(state: SiteState): ListPages {
  return { members: Array.from({ length: state.rows.length }, (_, position) => position), pages: pageRanges(state.rows.rank, state.site.pageSize) };
}

/** Whether the list needs pages beyond its first view (topics and the archive show their newest `pageSize` first). */
export function hasOlderPages(state: SiteState, list: ListPages): boolean {
  return list.members.length > state.site.pageSize;
}

/** `/`: the newest `pageSize` articles, newest first, linking to the page of those just older. */
export function frontPage(state: SiteState, list: ListPages): ListPage {
  const path = frontPagePath();
  const newest = list.members.slice(-state.site.pageSize).reverse();
  const olderIndex = list.members.length - 1 - state.site.pageSize;
  return {
    ...pageCommon(path, state.site.title, state.site.description, state.site),
    template: 'list',
    heading: 'Latest articles',
    ...dated(state, path, newest),
    ...(olderIndex >= 0 ? { older: relativeHref(path, frontPagePath(pageName(state, list, pageHolding(list, olderIndex)))) } : {}),
    isFront: true,
  };
}

/** `/page/<first article>/`: one page of the archive, newest first. */
export function archivePage(state: SiteState, list: ListPages, page: number): ListPage {
  const path = frontPagePath(pageName(state, list, page));
  const [start, end] = list.pages[page]!;
  const positions = list.members.slice(start, end);
  const range = spanLabel(state, state.rows.date(positions[0]!), state.rows.date(positions.at(-1)!));
  return {
    ...pageCommon(path, `${state.site.title}: ${range}`, `Articles from ${range}.`, state.site, [{ path: archivePath(), label: 'Archive' }]),
    template: 'list',
    heading: `Articles from ${range}`,
    ...dated(state, path, [...positions].reverse()),
    newer: relativeHref(path, page + 1 < list.pages.length ? frontPagePath(pageName(state, list, page + 1)) : frontPagePath()),
    ...(page > 0 ? { older: relativeHref(path, frontPagePath(pageName(state, list, page - 1))) } : {}),
    isFront: false,
  };
}

/** The newest article date on a page of `list` (for the sitemap). */
export function newestDate(state: SiteState, list: ListPages, page: number): IsoDate | undefined {
  const end = list.pages[page]?.[1];
  return end === undefined ? undefined : state.rows.date(list.members[end - 1]!);
}

// Days.

export function dayList(state: SiteState, date: IsoDate): ListPages {
  const span = state.days.get(date);
  const members: number[] = [];
  if (span) for (let position = span.start; position < span.end; position++) members.push(position);
  return listPages(state, members, state.site.dayPageSize);
}

/**
 * Path of each page of a day, oldest page first: the newest page is the day's own (a day lists its
 * articles newest first, as the front page does), the others are named by their first article.
 */
export function dayPagePaths(state: SiteState, date: IsoDate, list: ListPages): string[] {
  const last = list.pages.length - 1;
  return list.pages.map((_, page) => (page === last ? dayPath(date) : dayPath(date, pageName(state, list, page))));
}

/** `/YYYY/MM/DD/` and its earlier pages: the day's articles, newest first, compact, with the day's count. */
export function dayPage(state: SiteState, date: IsoDate, list: ListPages, page: number): ListPage {
  const paths = dayPagePaths(state, date, list);
  const path = paths[page]!;
  const label = formatDate(date, state.site.language);
  const { year, month } = dateParts(date);
  const at = state.days.get(date)?.index ?? -1;
  const earlier = state.dayDates[at - 1];
  const later = state.dayDates[at + 1];
  const [start, end] = list.pages[page]!;
  const count = plural(list.members.length, 'article');
  const title = page === paths.length - 1 ? label : `${label} (continued)`;
  const others = sameDayIn(state, date).filter((other) => other !== date);
  return {
    ...pageCommon(path, title, `${count} from ${label}.`, state.site, [
      { path: archivePath(), label: 'Archive' },
      { path: yearPath(year), label: year },
      { path: monthPath(year, month), label: formatMonth(year, month, state.site.language) },
    ]),
    template: 'list',
    heading: title,
    groups: [{ items: listItems(state, path, list.members.slice(start, end).reverse()) }],
    layout: 'compact',
    itemDates: false,
    count: list.members.length,
    ...(page + 1 < paths.length ? { newer: relativeHref(path, paths[page + 1]!) } : {}),
    ...(page > 0 ? { older: relativeHref(path, paths[page - 1]!) } : {}),
    ...(earlier ? { previousDay: link(path, dayPath(earlier), formatDate(earlier, state.site.language)) } : {}),
    ...(later ? { nextDay: link(path, dayPath(later), formatDate(later, state.site.language)) } : {}),
    ...(others.length > 0
      ? { otherYears: others.map((other) => link(path, dayPath(other), dateParts(other).year)), onThisDay: link(path, onThisDayPath(monthDayOf(date)), formatMonthDay(monthDayOf(date), state.site.language)) }
      : {}),
    isFront: false,
  };
}

// Topics.

/** Kinds in the order `/topics/` shows them, with their headings and the label a topic page shows. */
export const TOPIC_KINDS: readonly { kind: TopicKind; heading: string; label: string; id: string }[] = [
  { kind: 'person', heading: 'People', label: 'Person', id: 'people' },
  { kind: 'place', heading: 'Places', label: 'Place', id: 'places' },
  { kind: 'organisation', heading: 'Organisations', label: 'Organisation', id: 'organisations' },
  { kind: 'subject', heading: 'Subjects', label: 'Subject', id: 'subjects' },
  { kind: 'other', heading: 'Other names', label: 'Name', id: 'other-names' },
];

/** A topic as a named list of articles (see `NamedList`). */
export function topicNamed(topic: Topic): NamedList {
  return {
    label: topic.label,
    members: topic.members,
    path: (page) => topicPath(topic.slug, page),
    feedPath: topicFeedPath(topic.slug),
    kind: TOPIC_KINDS.find((entry) => entry.kind === topic.kind)!.label,
    index: { path: topicsPath(), label: 'Topics' },
    relation: `about ${topic.label}`,
  };
}
