import type { Topic } from '../corpus/topics.ts';
import type { IsoDate } from '../dates.ts';
import { articlePage } from '../pages/article-page.ts';
import { archiveIndexPage, monthPage, periodsOf, yearPage, type Periods, type Year } from '../pages/archive-pages.ts';
import { onThisDayIndexPage, onThisDayPage, onThisDayPositions } from '../pages/on-this-day.ts';
import { onThisDayDays, sameDayIn, sameDays } from '../pages/same-day.ts';
import {
  archiveList,
  archivePage,
  dayList,
  dayPage,
  dayPagePaths,
  frontPage,
  hasOlderPages,
  newestDate,
  pageHolding,
  pageName,
  topicArchivePage,
  topicList,
  topicPage,
  type ListPages,
} from '../pages/list-pages.ts';
import { notFoundPage } from '../pages/not-found-page.ts';
import { searchPage } from '../pages/search-page.ts';
import type { SiteState } from '../pages/state.ts';
import { topicIndexPage } from '../pages/topic-index-page.ts';
import type { PageModel } from '../pages/types.ts';
import { topicFeed } from '../outputs/feeds.ts';
import { newsPositions, newsSitemap } from '../outputs/news-sitemap.ts';
import { archivePath, frontPagePath, monthPath, NEWS_SITEMAP_PATH, onThisDayPath, outputFileOf, topicFeedPath, topicPath, topicsPath, yearPath } from '../site/urls.ts';
import { dateParts } from '../dates.ts';

/**
 * One output of the site as the plan sees it, before anything is made: its file, what decides it
 * (`signature`, cheap to compare between two builds), the articles it shows, and how to make it.
 */
export interface Planned {
  /** Output file under the output folder. */
  file: string;
  /**
   * Everything that decides the output apart from the list-item fields of the articles in
   * `shows` and the site-wide settings: ids, link targets, counts, labels. Equal signatures and
   * unchanged articles mean an unchanged output.
   */
  signature: string;
  /** `no` of every article whose headline, date, path or summary the output shows. */
  shows: readonly number[];
  /** Where the sitemap lists it: its URL path and newest date; absent for files not listed. */
  sitemap?: { path: string; lastmod?: IsoDate };
  /** A template page, or a file made directly (a topic's feed, the news sitemap). */
  make: { page: () => PageModel } | { file: () => string };
}

/** The output files of a group of pages, for the plan. */
export type PageGroup = Planned[];

function nosOf(state: SiteState, positions: readonly number[]): number[] {
  return positions.map((position) => state.rows.no[position]!);
}

function idsOf(state: SiteState, positions: readonly number[]): string {
  return positions.map((position) => state.rows.id(position)).join(' ');
}

/** An article's page. Its own record is compared by hash elsewhere (see `plan/changes.ts`). */
export function articleGroup(state: SiteState, position: number): PageGroup {
  const entry = state.entry(position);
  const near = [position - 1, position + 1].filter((other) => other >= 0 && other < state.rows.length);
  const related = [...state.rows.related.at(position)].map((no) => state.positionOfNo(no)!);
  return [
    {
      file: outputFileOf(entry.path),
      signature: JSON.stringify([entry.hash, entry.path, idsOf(state, near), idsOf(state, related), [...state.rows.topics.at(position)].map((key) => topicSignature(state.topics.byKey.get(key)!))]),
      shows: nosOf(state, [...near, ...related]),
      sitemap: { path: entry.path, lastmod: entry.date },
      make: { page: () => articlePage(state, position) },
    },
  ];
}

function topicSignature(topic: Topic): string {
  return `${topic.slug}\u0000${topic.label}`;
}

function listSignature(state: SiteState, list: ListPages, page: number, pathOf: (page: number) => string | undefined, extra: unknown): string {
  const [start, end] = list.pages[page]!;
  return JSON.stringify([pathOf(page - 1), pathOf(page + 1), idsOf(state, list.members.slice(start, end)), extra]);
}

/** Page `page` of a list, at `pathOf(page)`: what it shows, and its neighbours' addresses and `extra` in its signature. */
function listPage(state: SiteState, list: ListPages, page: number, pathOf: (page: number) => string | undefined, extra: unknown, make: () => PageModel): Planned {
  const path = pathOf(page)!;
  return {
    file: outputFileOf(path),
    signature: listSignature(state, list, page, pathOf, extra),
    shows: nosOf(state, list.members.slice(...list.pages[page]!)),
    sitemap: { path, ...optional(newestDate(state, list, page)) },
    make: { page: make },
  };
}

/** Page indexes of a list: those given, or all. */
function pagesOf(list: ListPages, pages: ReadonlySet<number> | undefined): number[] {
  return pages ? [...pages].filter((page) => page < list.pages.length).sort((a, b) => a - b) : list.pages.map((_, page) => page);
}

/**
 * The front page and the archive's pages of older articles: all of them, or only those in
 * `pages` (what a change can reach, see `plan/changes.ts`); the front page always.
 */
export function archiveGroup(state: SiteState, list: ListPages = archiveList(state), pages?: ReadonlySet<number>): PageGroup {
  const older = hasOlderPages(state, list);
  const pathOf = (page: number) => (older && page >= 0 && page < list.pages.length ? frontPagePath(pageName(state, list, page)) : undefined);
  const newest = list.members.slice(-state.site.pageSize);
  const olderAt = list.members.length - 1 - state.site.pageSize;
  const front: Planned = {
    file: outputFileOf(''),
    signature: JSON.stringify([idsOf(state, newest), olderAt >= 0 ? pathOf(pageHolding(list, olderAt)) : undefined]),
    shows: nosOf(state, newest),
    sitemap: { path: '', ...lastmod(state, newest) },
    make: { page: () => frontPage(state, list) },
  };
  if (!older) return [front];
  return [
    front,
    ...pagesOf(list, pages).map((page) => listPage(state, list, page, pathOf, undefined, () => archivePage(state, list, page))),
  ];
}

/** A day's pages. */
export function dayGroup(state: SiteState, date: IsoDate): PageGroup {
  const list = dayList(state, date);
  const paths = dayPagePaths(state, date, list);
  const index = state.days.get(date)!.index;
  const around = [state.dayDates[index - 1], state.dayDates[index + 1]];
  // The same calendar day in other years: the page links them and their "on this day" page.
  const extra = [around, list.members.length, sameDayIn(state, date)];
  return paths.map((_, page) => listPage(state, list, page, (other) => paths[other], extra, () => dayPage(state, date, list, page)));
}

/** A topic's pages — its later pages all, or only those in `pages` — and its feed (the feed only with a base URL). */
export function topicGroup(state: SiteState, topic: Topic, list: ListPages = topicList(state, topic), pages?: ReadonlySet<number>): PageGroup {
  const older = hasOlderPages(state, list);
  const pathOf = (page: number) => (older && page >= 0 && page < list.pages.length ? topicPath(topic.slug, pageName(state, list, page)) : undefined);
  const newest = list.members.slice(-state.site.pageSize);
  const olderAt = list.members.length - 1 - state.site.pageSize;
  const header = [topic.slug, topic.label, topic.kind];
  const group: Planned[] = [
    {
      file: outputFileOf(topicPath(topic.slug)),
      signature: JSON.stringify([header, list.members.length, idsOf(state, newest), olderAt >= 0 ? pathOf(pageHolding(list, olderAt)) : undefined]),
      shows: nosOf(state, newest),
      sitemap: { path: topicPath(topic.slug), ...lastmod(state, newest) },
      make: { page: () => topicPage(state, topic, list) },
    },
    ...(older ? pagesOf(list, pages) : []).map((page) => listPage(state, list, page, pathOf, header, () => topicArchivePage(state, topic, list, page))),
  ];
  const { baseUrl } = state.site;
  if (baseUrl !== undefined) {
    const newestForFeed = topic.members.slice(-state.site.feedSize);
    group.push({
      file: topicFeedPath(topic.slug),
      signature: JSON.stringify([header, idsOf(state, newestForFeed)]),
      shows: nosOf(state, newestForFeed),
      make: { file: () => topicFeed(state, topic, { ...state.site, baseUrl }) },
    });
  }
  return group;
}

/** `/archive/`, every year's page and every month's page: counts only, so all are planned together. */
export function periodGroup(state: SiteState, periods: Periods = periodsOf(state)): PageGroup {
  const newestOf = (positions: readonly number[]) => lastmod(state, positions);
  const dayCounts = (year: Year) => year.months.map((month) => month.days.map((day) => [day.date, day.count]));
  const onThisDay = onThisDayDays(state).length > 0;
  const group: Planned[] = [
    {
      file: outputFileOf(archivePath()),
      signature: JSON.stringify([onThisDay, periods.years.map((year) => [year.year, dayCounts(year)])]),
      shows: [],
      sitemap: { path: archivePath() },
      make: { page: () => archiveIndexPage(periods, state.site, onThisDay) },
    },
  ];
  periods.years.forEach((year, index) => {
    group.push({
      file: outputFileOf(yearPath(year.year)),
      signature: JSON.stringify([periods.years[index - 1]?.year, periods.years[index + 1]?.year, dayCounts(year)]),
      shows: [],
      sitemap: { path: yearPath(year.year), ...newestOf(lastPositionOf(state, year.months.at(-1)!.days.at(-1)!.date)) },
      make: { page: () => yearPage(periods, year.year, state.site) },
    });
  });
  const months = [...periods.months.values()];
  months.forEach((month, index) => {
    const { year, month: mm } = dateParts(`${month.month}-01`);
    group.push({
      file: outputFileOf(monthPath(year, mm)),
      signature: JSON.stringify([months[index - 1]?.month, months[index + 1]?.month, month.days.map((day) => [day.date, day.count])]),
      shows: [],
      sitemap: { path: monthPath(year, mm), ...newestOf(lastPositionOf(state, month.days.at(-1)!.date)) },
      make: { page: () => monthPage(periods, month.month, state.site) },
    });
  });
  return group;
}

/**
 * `/on-this-day/` and the page of each calendar day with articles in more than one year: all of
 * them, or only those of the calendar days (`MM-DD`) in `monthDays` (what a change can reach: a
 * page shows only articles of its own calendar day); the index always, when there is one.
 */
export function onThisDayGroup(state: SiteState, monthDays?: ReadonlySet<string>): PageGroup {
  const all = onThisDayDays(state);
  if (all.length === 0) return [];
  const index = sameDays(state);
  const group: Planned[] = [
    {
      file: outputFileOf(onThisDayPath()),
      signature: JSON.stringify(all.map((monthDay) => [monthDay, index.get(monthDay)])),
      shows: [],
      sitemap: { path: onThisDayPath() },
      make: { page: () => onThisDayIndexPage(state) },
    },
  ];
  for (const monthDay of monthDays ? all.filter((day) => monthDays.has(day)) : all) {
    const dates = index.get(monthDay)!;
    const shown = dates.map((date) => onThisDayPositions(state, date));
    group.push({
      file: outputFileOf(onThisDayPath(monthDay)),
      signature: JSON.stringify(dates.map((date, at) => [date, state.days.get(date)!.end - state.days.get(date)!.start, idsOf(state, shown[at]!)])),
      shows: nosOf(state, shown.flat()),
      sitemap: { path: onThisDayPath(monthDay), lastmod: dates.at(-1)! },
      make: { page: () => onThisDayPage(state, monthDay) },
    });
  }
  return group;
}

/** `/topics/`, `/search/` (with search on) and `/404.html`. */
export function siteGroup(state: SiteState): PageGroup {
  return [
    {
      file: outputFileOf(topicsPath()),
      signature: JSON.stringify([state.topics.minArticles, state.topics.topics.map((topic) => [topic.slug, topic.label, topic.kind, topic.members.length])]),
      shows: [],
      sitemap: { path: topicsPath() },
      make: { page: () => topicIndexPage(state.topics, state.site) },
    },
    ...(state.site.search ? [{ file: outputFileOf('search/'), signature: '', shows: [], make: { page: () => searchPage(state.site) } }] : []),
    { file: '404.html', signature: '', shows: [], make: { page: () => notFoundPage(state.site) } },
  ];
}

/**
 * The Google News sitemap (with a base URL and articles): the newest two days' articles, planned
 * like a topic's feed, so an update makes it again only when those articles are others or one of
 * them is shown differently (headline, date, address).
 */
export function newsGroup(state: SiteState): PageGroup {
  const { baseUrl } = state.site;
  const positions = newsPositions(state);
  if (baseUrl === undefined || positions.length === 0) return [];
  return [
    {
      file: NEWS_SITEMAP_PATH,
      signature: idsOf(state, positions),
      shows: nosOf(state, positions),
      make: { file: () => newsSitemap(positions.map((position) => state.entry(position)), { ...state.site, baseUrl }) },
    },
  ];
}

/** Every page, topic feed and the news sitemap of the site, group by group. */
export function everyGroup(state: SiteState): PageGroup[] {
  return [
    ...Array.from({ length: state.rows.length }, (_, position) => articleGroup(state, position)),
    archiveGroup(state),
    ...state.dayDates.map((date) => dayGroup(state, date)),
    ...state.topics.topics.map((topic) => topicGroup(state, topic)),
    periodGroup(state),
    onThisDayGroup(state),
    siteGroup(state),
    newsGroup(state),
  ];
}

function lastmod(state: SiteState, positions: readonly number[]): { lastmod?: IsoDate } {
  const last = positions.at(-1);
  return last === undefined ? {} : { lastmod: state.rows.date(last) };
}

function optional(date: IsoDate | undefined): { lastmod?: IsoDate } {
  return date === undefined ? {} : { lastmod: date };
}

function lastPositionOf(state: SiteState, date: IsoDate): number[] {
  return [state.days.get(date)!.end - 1];
}
