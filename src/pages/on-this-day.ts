import { dateParts, formatDate, formatMonthDay, formatMonthName } from '../dates.ts';
import { archivePath, dayPath, onThisDayPath } from '../site/urls.ts';
import { link, pageCommon } from './common.ts';
import { listItems } from './list-pages.ts';
import { onThisDayDays, sameDays } from './same-day.ts';
import type { SiteState } from './state.ts';
import type { OnThisDayIndexPage, OnThisDayPage } from './types.ts';

/** Articles an "on this day" page shows from each year (the day's newest); the day's page has them all. */
export const ON_THIS_DAY_ITEMS = 5;

/** Positions of the articles `/on-this-day/MM-DD/` shows of the day `date`: its newest, newest first. */
export function onThisDayPositions(state: SiteState, date: string): number[] {
  const span = state.days.get(date)!;
  const positions: number[] = [];
  for (let position = span.end - 1; position >= span.start && positions.length < ON_THIS_DAY_ITEMS; position--) positions.push(position);
  return positions;
}

/**
 * `/on-this-day/MM-DD/`: one calendar day in every year that has articles on it, newest year
 * first, each with its count, its newest articles and a link to its page. Only days with articles
 * in more than one year have one, so there are at most 366.
 */
export function onThisDayPage(state: SiteState, monthDay: string): OnThisDayPage {
  const path = onThisDayPath(monthDay);
  const label = formatMonthDay(monthDay, state.site.language);
  const dates = [...(sameDays(state).get(monthDay) ?? [])].reverse();
  const heading = `On this day: ${label}`;
  return {
    ...pageCommon(path, heading, `Articles from ${label} in ${dates.length} years.`, state.site, [
      { path: archivePath(), label: 'Archive' },
      { path: onThisDayPath(), label: 'On this day' },
    ]),
    template: 'onThisDay',
    heading,
    years: dates.map((date) => {
      const span = state.days.get(date)!;
      return {
        day: { ...link(path, dayPath(date), formatDate(date, state.site.language)), date },
        year: dateParts(date).year,
        count: span.end - span.start,
        items: listItems(state, path, onThisDayPositions(state, date)),
      };
    }),
    index: link(path, onThisDayPath(), 'On this day'),
  };
}

/** `/on-this-day/`: the calendar days that have articles in more than one year, by month, with their years. */
export function onThisDayIndexPage(state: SiteState): OnThisDayIndexPage {
  const path = onThisDayPath();
  const index = sameDays(state);
  const months: OnThisDayIndexPage['months'] = [];
  for (const monthDay of onThisDayDays(state)) {
    const month = monthDay.slice(0, 2);
    let group = months.at(-1);
    if (group?.id !== `month-${month}`) months.push((group = { heading: formatMonthName(month, state.site.language), id: `month-${month}`, days: [] }));
    group.days.push({
      day: link(path, onThisDayPath(monthDay), formatMonthDay(monthDay, state.site.language)),
      years: index.get(monthDay)!.map((date) => dateParts(date).year),
    });
  }
  return {
    ...pageCommon(path, 'On this day', 'Days of the year with articles in more than one year.', state.site, [{ path: archivePath(), label: 'Archive' }]),
    template: 'onThisDayIndex',
    heading: 'On this day',
    months,
  };
}
