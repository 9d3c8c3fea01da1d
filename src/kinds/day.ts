import type { IsoDate } from '../dates.ts';
import { dayList, dayPage, dayPagePaths } from '../pages/list-pages.ts';
import { sameDayIn } from '../pages/same-day.ts';
import type { SiteState } from '../pages/state.ts';
import type { ArticleChanges, PageKind, Planned } from './kind.ts';
import { listPage } from './lists.ts';

/** A day's pages. */
function dayOutputs(state: SiteState, date: IsoDate): Planned[] {
  const list = dayList(state, date);
  const paths = dayPagePaths(state, date, list);
  const index = state.days.get(date)!.index;
  const around = [state.dayDates[index - 1], state.dayDates[index + 1]];
  // The same calendar day in other years: the page links them and their "on this day" page.
  const extra = [around, list.members.length, sameDayIn(state, date)];
  return paths.map((_, page) => listPage(state, list, page, (other) => paths[other], extra, () => dayPage(state, date, list, page)));
}

/** The days the changed articles were or are on, before and after. */
export function changedDays(before: SiteState, after: SiteState, changes: ArticleChanges): Set<IsoDate> {
  const days = new Set<IsoDate>();
  for (const no of new Set([...changes.changed, ...changes.listed])) {
    for (const state of [before, after]) {
      const position = state.positionOfNo(no);
      if (position !== undefined) days.add(state.rows.date(position));
    }
  }
  return days;
}

/**
 * `/YYYY/MM/DD/`: an update reaches the days the changed articles were or are on, the days beside
 * any day that appeared or went, and the same calendar day in other years (which link to it).
 */
export const dayKind: PageKind = {
  name: 'day',
  template: 'pages/list.njk',
  outputs: (state) => state.dayDates.flatMap((date) => dayOutputs(state, date)),
  reach(before, after, changes) {
    if (changes.changed.size === 0 && changes.listed.size === 0) return [];
    const days = changedDays(before, after, changes);
    for (const [state, other] of [[before, after], [after, before]] as const) {
      for (const date of state.dayDates) {
        if (other.days.has(date)) continue;
        const index = state.days.get(date)!.index;
        for (const near of [state.dayDates[index - 1], state.dayDates[index + 1]]) if (near !== undefined) days.add(near);
        for (const same of [...sameDayIn(before, date), ...sameDayIn(after, date)]) days.add(same);
      }
    }
    return [...days].map((date) => [before.days.has(date) ? dayOutputs(before, date) : [], after.days.has(date) ? dayOutputs(after, date) : []]);
  },
};
