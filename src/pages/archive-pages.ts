import { dateParts, formatDate, formatMonth } from '../dates.ts';
import type { PlacedRecord } from '../records/record.ts';
import { archivePath, dayPath, monthPath, yearPath } from '../site/urls.ts';
import { plural } from '../site/words.ts';
import { link, pageCommon } from './common.ts';
import { groupBy } from './group.ts';
import type { ArchiveEntry, ArchivePage, SiteSettings } from './types.ts';

const count = (n: number) => plural(n, 'article');

/** `/archive/`, `/YYYY/` and `/YYYY/MM/`, from records oldest first. Newest periods are listed first. */
export function archivePages(oldestFirst: readonly PlacedRecord[], site: SiteSettings): ArchivePage[] {
  const years = groupBy(oldestFirst, (record) => dateParts(record.date).year);
  const pages: ArchivePage[] = [archiveIndex(years, site)];
  years.forEach(([year, yearRecords], index) => {
    const months = groupBy(yearRecords, (record) => dateParts(record.date).month);
    pages.push(yearPage(year, months, years[index - 1]?.[0], years[index + 1]?.[0], site));
  });
  const months = groupBy(oldestFirst, (record) => record.date.slice(0, 7));
  months.forEach(([yearMonth, monthRecords], index) => {
    const days = groupBy(monthRecords, (record) => record.date);
    pages.push(monthPage(yearMonth, days, months[index - 1]?.[0], months[index + 1]?.[0], site));
  });
  return pages;
}

function archiveIndex(years: [string, PlacedRecord[]][], site: SiteSettings): ArchivePage {
  const path = archivePath();
  const total = years.reduce((sum, [, records]) => sum + records.length, 0);
  return {
    ...pageCommon(path, 'Archive', `${count(total)} by year.`, site),
    template: 'archive',
    heading: 'Archive',
    entries: [...years].reverse().map(([year, records]) => entry(path, yearPath(year), year, records.length)),
  };
}

function yearPage(year: string, months: [string, PlacedRecord[]][], earlier: string | undefined, later: string | undefined, site: SiteSettings): ArchivePage {
  const path = yearPath(year);
  const total = months.reduce((sum, [, records]) => sum + records.length, 0);
  return {
    ...pageCommon(path, year, `${count(total)} from ${year}.`, site, [{ path: archivePath(), label: 'Archive' }]),
    template: 'archive',
    heading: year,
    entries: [...months].reverse().map(([month, records]) => entry(path, monthPath(year, month), formatMonth(year, month, site.language), records.length)),
    ...(earlier ? { previous: link(path, yearPath(earlier), earlier) } : {}),
    ...(later ? { next: link(path, yearPath(later), later) } : {}),
  };
}

/** `yearMonth` and its neighbours are `YYYY-MM`. */
function monthPage(yearMonth: string, days: [string, PlacedRecord[]][], earlier: string | undefined, later: string | undefined, site: SiteSettings): ArchivePage {
  const { year, month } = dateParts(`${yearMonth}-01`);
  const path = monthPath(year, month);
  const label = formatMonth(year, month, site.language);
  const total = days.reduce((sum, [, records]) => sum + records.length, 0);
  return {
    ...pageCommon(path, label, `${count(total)} from ${label}.`, site, [
      { path: archivePath(), label: 'Archive' },
      { path: yearPath(year), label: year },
    ]),
    template: 'archive',
    heading: label,
    entries: [...days].reverse().map(([date, records]) => entry(path, dayPath(date), formatDate(date, site.language), records.length)),
    ...(earlier ? { previous: monthLink(path, earlier, site) } : {}),
    ...(later ? { next: monthLink(path, later, site) } : {}),
  };
}

function entry(from: string, to: string, label: string, n: number): ArchiveEntry {
  return { ...link(from, to, label), count: n, countLabel: count(n) };
}

function monthLink(from: string, yearMonth: string, site: SiteSettings) {
  const { year, month } = dateParts(`${yearMonth}-01`);
  return link(from, monthPath(year, month), formatMonth(year, month, site.language));
}
