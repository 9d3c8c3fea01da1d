import { dateParts, formatDate, formatMonth, type IsoDate } from '../dates.ts';
import type { PlacedRecord } from '../records/record.ts';
import { archivePath, dayPath, frontPagePath, monthPath, relativeHref, yearPath } from '../site/urls.ts';
import { plural } from '../site/words.ts';
import { link, pageCommon } from './common.ts';
import { chunk, pagination } from './paginate.ts';
import type { ListItem, ListPage, SiteSettings } from './types.ts';

/** The front page and `/page/N/`: every article, newest first. */
export function frontPages(oldestFirst: readonly PlacedRecord[], site: SiteSettings): ListPage[] {
  const pages = chunk([...oldestFirst].reverse(), site.pageSize);
  return pages.map((records, index) => {
    const number = index + 1;
    const path = frontPagePath(number);
    const title = number === 1 ? site.title : `${site.title}, page ${number}`;
    const paging = pagination(number, pages.length, frontPagePath);
    return {
      ...pageCommon(path, title, site.description, site),
      template: 'list',
      heading: number === 1 ? 'Latest articles' : `Latest articles, page ${number} of ${pages.length}`,
      items: records.map((record) => listItem(path, record, site)),
      ...(paging ? { pagination: paging } : {}),
      isFront: true,
    };
  });
}

/** `/YYYY/MM/DD/` for each day with articles, in the day's own order, paginated when large. */
export function dayPages(days: readonly (readonly [IsoDate, readonly PlacedRecord[]])[], site: SiteSettings): ListPage[] {
  return days.flatMap(([date, records], dayIndex) => {
    const chunks = chunk(records, site.dayPageSize);
    const label = formatDate(date, site.language);
    const { year, month } = dateParts(date);
    const earlier = days[dayIndex - 1]?.[0];
    const later = days[dayIndex + 1]?.[0];
    return chunks.map((pageRecords, index): ListPage => {
      const number = index + 1;
      const path = dayPath(date, number);
      const paging = pagination(number, chunks.length, (page) => dayPath(date, page));
      const count = plural(records.length, 'article');
      return {
        ...pageCommon(path, number === 1 ? label : `${label}, page ${number}`, `${count} from ${label}.`, site, [
          { path: archivePath(), label: 'Archive' },
          { path: yearPath(year), label: year },
          { path: monthPath(year, month), label: formatMonth(year, month, site.language) },
        ]),
        template: 'list',
        heading: label,
        items: pageRecords.map((record) => listItem(path, record, site)),
        ...(paging ? { pagination: paging } : {}),
        ...(earlier ? { previousDay: link(path, dayPath(earlier), formatDate(earlier, site.language)) } : {}),
        ...(later ? { nextDay: link(path, dayPath(later), formatDate(later, site.language)) } : {}),
        isFront: false,
      };
    });
  });
}

export function listItem(from: string, record: PlacedRecord, site: SiteSettings): ListItem {
  return {
    href: relativeHref(from, record.path),
    headline: record.headline,
    date: record.date,
    dateLabel: formatDate(record.date, site.language),
    summary: record.summary,
    readingMinutes: record.readingMinutes,
  };
}
