import type { ArchiveRows } from '../archive/rows.ts';
import type { Topics } from '../corpus/topics.ts';
import type { Authors } from '../corpus/authors.ts';
import type { IsoDate } from '../dates.ts';
import type { ArticleEntry } from '../records/entry.ts';
import type { OwnPage } from '../records/page-record.ts';
import type { SiteSettings } from './types.ts';

/** Positions `start` (inclusive) to `end` (exclusive) in the archive order. */
export interface Span {
  start: number;
  end: number;
}

/** A day's articles, and the day's place among the days that have articles. */
export interface DaySpan extends Span {
  index: number;
}

/**
 * Everything page models are made from: the archive's rows in order with what is derived from
 * them (topics, related articles), and the articles' entries and bodies, which a build may read
 * from its store only for the pages it makes.
 */
export interface SiteState {
  site: SiteSettings;
  rows: ArchiveRows;
  topics: Topics;
  /** Position of an article by its `no` (undefined when no article has it). */
  positionOfNo(no: number): number | undefined;
  /** Each day's articles, oldest day first. */
  days: ReadonlyMap<IsoDate, DaySpan>;
  /** The days that have articles, oldest first. */
  dayDates: readonly IsoDate[];
  entry(position: number): ArticleEntry;
  /** The article's sanitized body HTML. */
  body(position: number): string;
  /** URLs the site once had (see the URL ledger), each redirecting to the article now at `position`. */
  redirects: readonly Redirect[];
  /** The site's own pages (`pages/`). */
  pages: readonly OwnPage[];
  /** Who wrote the authored articles, each with their articles. */
  authors: Authors;
  /** The folders pictures are copied from: the input's (articles') and the site's own pages'. */
  folders: { input: string; pages: string };
  /** The build's date, the latest anywhere (see `latestToday`): articles dated after it are not news. */
  today?: IsoDate;
}

/** A former URL path of an article, and where the article is now. */
export interface Redirect {
  from: string;
  position: number;
}

/** The span of each day, in order, from rows in archive order. */
export function daySpans(rows: ArchiveRows): Map<IsoDate, DaySpan> {
  const days = new Map<IsoDate, DaySpan>();
  let span: DaySpan | undefined;
  let date = '';
  for (let position = 0; position < rows.length; position++) {
    // Order keys start with the date: compare in place, slice once per day.
    if (span !== undefined && rows.orders[position]!.startsWith(date)) span.end = position + 1;
    else {
      date = rows.date(position);
      span = { start: position, end: position + 1, index: days.size };
      days.set(date, span);
    }
  }
  return days;
}

/** `no` → position. */
export function positionsByNo(rows: ArchiveRows): (no: number) => number | undefined {
  let largest = -1;
  for (const no of rows.no) if (no > largest) largest = no;
  const positions = new Int32Array(largest + 1).fill(-1);
  rows.no.forEach((no, position) => (positions[no] = position));
  return (no) => {
    const position = no < positions.length ? positions[no]! : -1;
    return position === -1 ? undefined : position;
  };
}
