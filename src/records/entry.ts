import type { IsoDate } from '../dates.ts';
import type { LocalImage } from '../body/local-images.ts';
import type { ArticleRecord, SocialImage } from './record.ts';

/**
 * What pages show of a published article besides its body — list items, previous/next and
 * related links, feeds — with its place in the site. Kept apart from the record, whose body and
 * text are read only for the article's own page, the feeds and the search index.
 */
export interface ArticleEntry {
  id: string;
  /** See `ArchiveRow.no`. */
  no: number;
  /** Root-relative URL path, e.g. `2025/04/27/north-korea-confirms-8e7b29ad4a414b1e/`. */
  path: string;
  date: IsoDate;
  headline: string;
  summary: string;
  /** See `ArticleRecord.place`. */
  place?: string;
  readingMinutes: number;
  wordCount: number;
  tags: string[];
  authors: string[];
  updated?: IsoDate;
  /** The input's pictures its page shows: copied beside it. */
  images?: LocalImage[];
  image?: SocialImage;
  sourceUrl?: string;
  /** The record's hash: another hash means another body. */
  hash: string;
  /** For placing Markdown articles (see `placeRecords`) and for messages. */
  source: string;
  format: ArticleRecord['format'];
  slug: string;
  fingerprint: string;
  draft: boolean;
}

export function entryOf(record: ArticleRecord, path: string, no: number): ArticleEntry {
  return {
    id: record.id,
    no,
    path,
    date: record.date,
    headline: record.headline,
    summary: record.summary,
    ...(record.place === undefined ? {} : { place: record.place }),
    readingMinutes: record.readingMinutes,
    wordCount: record.wordCount,
    tags: record.tags,
    authors: record.authors,
    ...(record.updated === undefined ? {} : { updated: record.updated }),
    ...(record.images === undefined || record.images.length === 0 ? {} : { images: record.images }),
    ...(record.image === undefined ? {} : { image: record.image }),
    ...(record.sourceUrl === undefined ? {} : { sourceUrl: record.sourceUrl }),
    hash: record.hash,
    source: record.source,
    format: record.format,
    slug: record.slug,
    fingerprint: record.fingerprint,
    draft: record.draft,
  };
}

/** Whether a list item, link or feed entry showing the article would show it differently. */
export function listedDifferently(a: ArticleEntry, b: ArticleEntry): boolean {
  return a.path !== b.path || a.date !== b.date || a.headline !== b.headline || a.summary !== b.summary || a.place !== b.place || a.readingMinutes !== b.readingMinutes || a.authors.join('\0') !== b.authors.join('\0');
}
