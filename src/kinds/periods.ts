import type { IsoDate } from '../dates.ts';
import { archiveIndexPage, monthNamed, monthPage, periodsOf, yearPage, type Periods, type Year } from '../pages/archive-pages.ts';
import type { ListPages } from '../pages/list-pages.ts';
import type { SiteState } from '../pages/state.ts';
import { changedDays } from './day.ts';
import { namedListPages } from '../pages/named-list.ts';
import { namedListOutputs, reachedPages } from './lists.ts';
import { onThisDayDays } from '../pages/same-day.ts';
import { archivePath, outputFileOf, yearPath } from '../site/urls.ts';
import { lastmod, type PageKind, type Planned, type Reached } from './kind.ts';

/** `/archive/` and every year's page: counts only, compared in full on every update. */
export const periodKind: PageKind = {
  name: 'period',
  template: 'pages/archive.njk',
  outputs(state) {
    const periods = periodsOf(state);
    const newestOf = (date: IsoDate) => lastmod(state, [state.days.get(date)!.end - 1]);
    const dayCounts = (year: Year) => year.months.map((month) => month.days.map((day) => [day.date, day.count]));
    const onThisDay = onThisDayDays(state).length > 0;
    const outputs: Planned[] = [
      {
        file: outputFileOf(archivePath()),
        signature: JSON.stringify([onThisDay, periods.years.map((year) => [year.year, dayCounts(year)])]),
        shows: [],
        sitemap: { path: archivePath() },
        make: { page: () => archiveIndexPage(periods, state.site, onThisDay) },
      },
    ];
    periods.years.forEach((year, index) => {
      outputs.push({
        file: outputFileOf(yearPath(year.year)),
        signature: JSON.stringify([periods.years[index - 1]?.year, periods.years[index + 1]?.year, dayCounts(year)]),
        shows: [],
        sitemap: { path: yearPath(year.year), ...newestOf(year.months.at(-1)!.days.at(-1)!.date) },
        make: { page: () => yearPage(periods, year.year, state.site) },
      });
    });
    return outputs;
  },
};

/** A month's pages — its own page always, its older pages all or only those in `pages` — as `monthKind` plans them. */
function monthOutputs(state: SiteState, periods: Periods, yearMonth: string, list?: ListPages, pages?: ReadonlySet<number>): Planned[] {
  const months = [...periods.months.keys()];
  const month = periods.months.get(yearMonth)!;
  const named = monthNamed(state, periods, yearMonth);
  const pagesOfList = list ?? namedListPages(state, named);
  // Its older pages show its articles only; its own page its days and neighbours too.
  const first = {
    extra: [months[month.index - 1], months[month.index + 1], month.days.map((day) => [day.date, day.count])],
    make: () => monthPage(state, periods, named, pagesOfList, yearMonth),
  };
  return namedListOutputs(state, named, [named.label], pagesOfList, pages, first);
}

/**
 * `/YYYY/MM/` and its older pages: the month's articles by day, `pageSize` a page. An update
 * reaches the months the changed articles were or are in (of those, only the older pages the
 * changes can reach) and the months beside a month that appeared or went (their links).
 */
export const monthKind: PageKind = {
  name: 'month',
  template: 'pages/list.njk',
  outputs(state) {
    const periods = periodsOf(state);
    return [...periods.months.keys()].flatMap((yearMonth) => monthOutputs(state, periods, yearMonth));
  },
  reach(before, after, changes) {
    if (changes.changed.size === 0 && changes.listed.size === 0) return [];
    const [was, now] = [periodsOf(before), periodsOf(after)];
    const touched = new Set([...changedDays(before, after, changes)].map((date) => date.slice(0, 7)));
    const reached: Reached = [];
    const whole = new Set<string>();
    // A month that appeared or went: its neighbours' links changed, so they are planned whole, as it is.
    for (const [periods, other] of [[was, now], [now, was]] as const) {
      const months = [...periods.months.keys()];
      months.forEach((yearMonth, index) => {
        if (other.months.has(yearMonth)) return;
        whole.add(yearMonth);
        for (const near of [months[index - 1], months[index + 1]]) if (near !== undefined) whole.add(near);
      });
    }
    const moved = new Set([...changes.changed, ...changes.listed]);
    for (const yearMonth of new Set([...touched, ...whole])) {
      const inBefore = was.months.has(yearMonth);
      const inAfter = now.months.has(yearMonth);
      if (whole.has(yearMonth) || !inBefore || !inAfter) {
        reached.push([inBefore ? monthOutputs(before, was, yearMonth) : [], inAfter ? monthOutputs(after, now, yearMonth) : []]);
        continue;
      }
      // Only its articles moved: its own page, and the older pages they can reach.
      const lists = [namedListPages(before, monthNamed(before, was, yearMonth)), namedListPages(after, monthNamed(after, now, yearMonth))] as const;
      const [pagesBefore, pagesAfter] = reachedPages(before, lists[0], after, lists[1], moved);
      reached.push([monthOutputs(before, was, yearMonth, lists[0], pagesBefore), monthOutputs(after, now, yearMonth, lists[1], pagesAfter)]);
    }
    return reached;
  },
};
