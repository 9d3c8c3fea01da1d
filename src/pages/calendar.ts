import { dateParts, formatMonth, monthLength, weekdayOf, type IsoDate } from '../dates.ts';
import { dayPath, monthPath, relativeHref, yearPath } from '../site/urls.ts';
import type { CalendarDay, CalendarMonth, CalendarYear } from './types.ts';

/** A day that has articles, and how many. */
export interface DayCount {
  date: IsoDate;
  count: number;
}

/**
 * A year as a newspaper archive's calendar: the months that hold articles, each a grid of weeks
 * from Monday to Sunday, every day shown and the days that have articles linking to their page
 * with their count. Hrefs are relative to the page at `from`. `days` may come in any order.
 */
export function calendarYear(from: string, year: string, days: readonly DayCount[], language: string): CalendarYear {
  const byMonth = new Map<string, DayCount[]>();
  let count = 0;
  for (const day of days) {
    const { month } = dateParts(day.date);
    const list = byMonth.get(month);
    if (list) list.push(day);
    else byMonth.set(month, [day]);
    count += day.count;
  }
  // Only the months that hold articles: a year with one story is not twelve empty grids.
  const months = [...byMonth.keys()].sort().map((month) => calendarMonth(from, year, month, byMonth.get(month)!, language));
  return { year, id: `year-${year}`, href: relativeHref(from, yearPath(year)), count, months };
}

/** Month `MM` of `YYYY` as weeks Monday to Sunday, padded with `null` before the 1st and after the last day. */
export function calendarMonth(from: string, year: string, month: string, days: readonly DayCount[], language: string): CalendarMonth {
  const counts = new Map(days.map((day) => [Number(dateParts(day.date).day), day.count]));
  const cells: (CalendarDay | null)[] = Array.from({ length: weekdayOf(`${year}-${month}-01`) }, () => null);
  const length = monthLength(year, month);
  for (let day = 1; day <= length; day++) {
    const n = counts.get(day) ?? 0;
    const date = `${year}-${month}-${String(day).padStart(2, '0')}`;
    cells.push(n > 0 ? { day, count: n, href: relativeHref(from, dayPath(date)) } : { day, count: 0 });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let at = 0; at < cells.length; at += 7) weeks.push(cells.slice(at, at + 7));
  const count = days.reduce((sum, day) => sum + day.count, 0);
  return {
    month: `${year}-${month}`,
    label: formatMonth(year, month, language),
    count,
    ...(count > 0 ? { href: relativeHref(from, monthPath(year, month)) } : {}),
    weeks,
  };
}
