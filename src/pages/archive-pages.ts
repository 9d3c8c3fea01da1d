import { dateParts, formatDate, formatMonth, weekdayNames, type IsoDate } from '../dates.ts';
import { archivePath, dayPath, monthPath, onThisDayPath, yearPath } from '../site/urls.ts';
import { plural } from '../site/words.ts';
import { calendarYear } from './calendar.ts';
import { link, pageCommon } from './common.ts';
import type { SiteState } from './state.ts';
import { namedListPage, type NamedList } from './named-list.ts';
import type { ListPages } from './list-pages.ts';
import type { ArchiveEntry, ArchivePage, CalendarYear, ListPage, SiteSettings } from './types.ts';

const count = (n: number) => plural(n, 'article');

/** The archive's years, months and days with their article counts, oldest first. */
export interface Periods {
  years: Year[];
  /** `YYYY-MM` → month, and `YYYY` → year, for the pages of one period. */
  months: ReadonlyMap<string, Month>;
  yearsByName: ReadonlyMap<string, Year>;
}

export interface Year {
  year: string;
  index: number;
  count: number;
  months: Month[];
}

export interface Month {
  /** `YYYY-MM`. */
  month: string;
  /** Position among all months that have articles. */
  index: number;
  count: number;
  days: { date: IsoDate; count: number }[];
}

export function periodsOf(state: Pick<SiteState, 'days'>): Periods {
  const years: Year[] = [];
  const months = new Map<string, Month>();
  const yearsByName = new Map<string, Year>();
  for (const [date, span] of state.days) {
    const { year } = dateParts(date);
    const yearMonth = date.slice(0, 7);
    let current = yearsByName.get(year);
    if (!current) {
      current = { year, index: years.length, count: 0, months: [] };
      years.push(current);
      yearsByName.set(year, current);
    }
    let month = months.get(yearMonth);
    if (!month) {
      month = { month: yearMonth, index: months.size, count: 0, days: [] };
      months.set(yearMonth, month);
      current.months.push(month);
    }
    const n = span.end - span.start;
    month.days.push({ date, count: n });
    month.count += n;
    current.count += n;
  }
  return { years, months, yearsByName };
}

/** The days of a year that have articles, with their counts. */
function daysOf(year: Year) {
  return year.months.flatMap((month) => month.days);
}

function calendar(from: string, year: Year, site: SiteSettings): CalendarYear {
  return calendarYear(from, year.year, daysOf(year), site.language);
}

/**
 * `/archive/`: every year, newest first, as a calendar of its months and days with their counts,
 * and (when `onThisDay`) a link to the days that have articles in several years.
 */
export function archiveIndexPage(periods: Periods, site: SiteSettings, onThisDay: boolean): ArchivePage {
  const path = archivePath();
  const total = periods.years.reduce((sum, year) => sum + year.count, 0);
  return {
    ...pageCommon(path, 'Archive', `${count(total)} by year, month and day.`, site),
    template: 'archive',
    heading: 'Archive',
    entries: [],
    calendars: [...periods.years].reverse().map((year) => calendar(path, year, site)),
    yearHeadings: true,
    weekdays: weekdayNames(site.language),
    ...(onThisDay ? { onThisDay: link(path, onThisDayPath(), 'On this day') } : {}),
  };
}

/** `/YYYY/`: the year as a calendar, and the neighbouring years. */
export function yearPage(periods: Periods, year: string, site: SiteSettings): ArchivePage {
  const current = periods.yearsByName.get(year)!;
  const path = yearPath(year);
  const earlier = periods.years[current.index - 1]?.year;
  const later = periods.years[current.index + 1]?.year;
  return {
    ...pageCommon(path, year, `${count(current.count)} from ${year}.`, site, [{ path: archivePath(), label: 'Archive' }]),
    template: 'archive',
    heading: year,
    entries: [],
    calendars: [calendar(path, current, site)],
    yearHeadings: false,
    weekdays: weekdayNames(site.language),
    ...(earlier ? { previous: link(path, yearPath(earlier), earlier) } : {}),
    ...(later ? { next: link(path, yearPath(later), later) } : {}),
  };
}

/**
 * A month as a named list: its articles under their days' headings, the newest `pageSize` on its
 * own page and older ones on pages of their own, named by their first article. `yearMonth` is `YYYY-MM`.
 */
export function monthNamed(state: SiteState, periods: Periods, yearMonth: string): NamedList {
  const current = periods.months.get(yearMonth)!;
  const { year, month } = dateParts(`${yearMonth}-01`);
  const label = formatMonth(year, month, state.site.language);
  // A month's articles are consecutive in archive order: from its first day's first to its last day's last.
  const first = state.days.get(current.days[0]!.date)!.start;
  const end = state.days.get(current.days.at(-1)!.date)!.end;
  return {
    label,
    members: Array.from({ length: end - first }, (_, at) => first + at),
    path: (page) => monthPath(year, month, page),
    kind: 'Month',
    index: { path: yearPath(year), label: year },
    relation: `from ${label}`,
    byDay: true,
  };
}

/** `/YYYY/MM/`: the month's days with their counts, its newest articles by day (older ones a link away), and the neighbouring months. */
export function monthPage(state: SiteState, periods: Periods, named: NamedList, list: ListPages, yearMonth: string): ListPage {
  const current = periods.months.get(yearMonth)!;
  const all = [...periods.months.keys()];
  const earlier = all[current.index - 1];
  const later = all[current.index + 1];
  const path = named.path();
  const { year } = dateParts(`${yearMonth}-01`);
  return {
    ...namedListPage(state, named, list),
    ...pageCommon(path, named.label, `${count(current.count)} from ${named.label}.`, state.site, [
      { path: archivePath(), label: 'Archive' },
      { path: yearPath(year), label: year },
    ]),
    kicker: undefined,
    count: current.count,
    days: current.days.map((day) => entry(path, dayPath(day.date), formatDate(day.date, state.site.language), day.count)),
    ...(earlier ? { earlier: monthLink(path, earlier, state.site) } : {}),
    ...(later ? { later: monthLink(path, later, state.site) } : {}),
  };
}

function entry(from: string, to: string, label: string, n: number): ArchiveEntry {
  return { ...link(from, to, label), count: n, countLabel: count(n) };
}

function monthLink(from: string, yearMonth: string, site: SiteSettings) {
  const { year, month } = dateParts(`${yearMonth}-01`);
  return link(from, monthPath(year, month), formatMonth(year, month, site.language));
}
