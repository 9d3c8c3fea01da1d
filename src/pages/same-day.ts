import type { IsoDate } from '../dates.ts';
import type { SiteState } from './state.ts';

/** `MM-DD` of a date: the calendar day, whatever the year. */
export function monthDayOf(date: IsoDate): string {
  return date.slice(5);
}

const indexes = new WeakMap<readonly IsoDate[], ReadonlyMap<string, readonly IsoDate[]>>();

/**
 * Each calendar day (`MM-DD`) that has articles, with the dates that have them, oldest first.
 * Made once per state (pages of every day ask), from the days that have articles.
 */
export function sameDays(state: Pick<SiteState, 'dayDates'>): ReadonlyMap<string, readonly IsoDate[]> {
  let index = indexes.get(state.dayDates);
  if (index === undefined) {
    const made = new Map<string, IsoDate[]>();
    for (const date of state.dayDates) {
      const key = monthDayOf(date);
      const dates = made.get(key);
      if (dates) dates.push(date);
      else made.set(key, [date]);
    }
    indexes.set(state.dayDates, (index = made));
  }
  return index;
}

/** The dates that have articles on the calendar day of `date`, oldest first (`date` among them when it has articles). */
export function sameDayIn(state: Pick<SiteState, 'dayDates'>, date: IsoDate): readonly IsoDate[] {
  return sameDays(state).get(monthDayOf(date)) ?? [];
}

/** The calendar days (`MM-DD`) that have articles in more than one year, in calendar order: each has an "on this day" page. */
export function onThisDayDays(state: Pick<SiteState, 'dayDates'>): string[] {
  return [...sameDays(state)]
    .filter(([, dates]) => dates.length > 1)
    .map(([monthDay]) => monthDay)
    .sort();
}
