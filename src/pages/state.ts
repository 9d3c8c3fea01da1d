import type { ArchiveRow } from '../archive/row.ts';
import type { Topics } from '../corpus/topics.ts';
import type { IsoDate } from '../dates.ts';
import type { ArticleEntry } from '../records/entry.ts';
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
  rows: readonly ArchiveRow[];
  topics: Topics;
  /** Position of each article by its `no`. */
  positionOfNo: ReadonlyMap<number, number>;
  /** Each day's articles, oldest day first. */
  days: ReadonlyMap<IsoDate, DaySpan>;
  /** The days that have articles, oldest first. */
  dayDates: readonly IsoDate[];
  entry(position: number): ArticleEntry;
  /** The article's sanitized body HTML. */
  body(position: number): string;
}

/** The span of each day, in order, from rows in archive order. */
export function daySpans(rows: readonly ArchiveRow[]): Map<IsoDate, DaySpan> {
  const days = new Map<IsoDate, DaySpan>();
  rows.forEach((row, position) => {
    const span = days.get(row.date);
    if (span) span.end = position + 1;
    else days.set(row.date, { start: position, end: position + 1, index: days.size });
  });
  return days;
}

/** `no` → position. */
export function positionsByNo(rows: readonly ArchiveRow[]): Map<number, number> {
  return new Map(rows.map((row, position) => [row.no, position]));
}
