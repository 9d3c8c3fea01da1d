import { onThisDayIndexPage, onThisDayPage, onThisDayPositions } from '../pages/on-this-day.ts';
import { monthDayOf, onThisDayDays, sameDays } from '../pages/same-day.ts';
import type { SiteState } from '../pages/state.ts';
import { onThisDayPath, outputFileOf } from '../site/urls.ts';
import { changedDays } from './day.ts';
import { idsOf, nosOf, type PageKind, type Planned } from './kind.ts';

/** The page of each calendar day (`MM-DD`) with articles in more than one year: all, or those in `monthDays`. */
function onThisDayOutputs(state: SiteState, monthDays?: ReadonlySet<string>): Planned[] {
  const index = sameDays(state);
  return onThisDayDays(state)
    .filter((monthDay) => monthDays === undefined || monthDays.has(monthDay))
    .map((monthDay) => {
      const dates = index.get(monthDay)!;
      const shown = dates.map((date) => onThisDayPositions(state, date));
      return {
        file: outputFileOf(onThisDayPath(monthDay)),
        signature: JSON.stringify(dates.map((date, at) => [date, state.days.get(date)!.end - state.days.get(date)!.start, idsOf(state, shown[at]!)])),
        shows: nosOf(state, shown.flat()),
        sitemap: { path: onThisDayPath(monthDay), lastmod: dates.at(-1)! },
        make: { page: () => onThisDayPage(state, monthDay) },
      };
    });
}

/** `/on-this-day/MM-DD/`: a page shows only articles of its own calendar day, so an update reaches those of the changed articles' days. */
export const onThisDayKind: PageKind = {
  name: 'on this day',
  template: 'pages/on-this-day.njk',
  outputs: (state) => onThisDayOutputs(state),
  reach(before, after, changes) {
    if (changes.changed.size === 0 && changes.listed.size === 0) return [];
    const monthDays = new Set([...changedDays(before, after, changes)].map(monthDayOf));
    return [[onThisDayOutputs(before, monthDays), onThisDayOutputs(after, monthDays)]];
  },
};

/** `/on-this-day/`: the calendar days with articles in more than one year, when there are any. */
export const onThisDayIndexKind: PageKind = {
  name: 'on this day index',
  template: 'pages/on-this-day-index.njk',
  outputs(state) {
    const all = onThisDayDays(state);
    if (all.length === 0) return [];
    const index = sameDays(state);
    return [
      {
        file: outputFileOf(onThisDayPath()),
        signature: JSON.stringify(all.map((monthDay) => [monthDay, index.get(monthDay)])),
        shows: [],
        sitemap: { path: onThisDayPath() },
        make: { page: () => onThisDayIndexPage(state) },
      },
    ];
  },
};
