import slugify from '@sindresorhus/slugify';
import type { Problem } from '../errors.ts';
import { articlePath, RESERVED_SEGMENTS } from '../site/urls.ts';
import type { ArticleRecord, PlacedRecord } from './record.ts';

/**
 * Gives every record its URL path, unique and stable.
 *
 * Scraped (`.txt`) articles carry their id in the last segment (`<slug>-<id>`): ids are unique,
 * so their URLs are too, and no other article can ever change them — the wire sends the same story
 * twice under two ids, and both keep their own page. Authored (`.md`) articles use the slug the
 * author chose (or the file name); when two land on one day and slug, the one with the smallest id
 * keeps it and the others get `-<id>`, with a warning naming both files. File order never matters.
 */
export function placeRecords(records: readonly ArticleRecord[], displayPath: (record: ArticleRecord) => string): { placed: PlacedRecord[]; problems: Problem[] } {
  const byPath = new Map<string, ArticleRecord[]>();
  for (const record of records) {
    const path = articlePath(record.date, preferredSegment(record));
    const group = byPath.get(path);
    if (group) group.push(record);
    else byPath.set(path, [record]);
  }
  const placed: PlacedRecord[] = [];
  const problems: Problem[] = [];
  for (const [path, group] of byPath) {
    group.sort((a, b) => compareIds(a.id, b.id));
    group.forEach((record, index) => {
      if (index === 0) {
        placed.push({ ...record, path });
        return;
      }
      const winner = group[0] as ArticleRecord;
      placed.push({ ...record, path: articlePath(record.date, `${preferredSegment(record)}-${idSegment(record.id)}`) });
      problems.push({
        code: 'url-clash',
        severity: 'warning',
        file: displayPath(record),
        message: `would have the same URL /${path} as ${displayPath(winner)}; it gets /${placed.at(-1)?.path} instead`,
        hint: 'give one of them another slug in its front matter',
      });
    });
  }
  return { placed: sortChronologically(placed), problems };
}

function preferredSegment(record: ArticleRecord): string {
  const id = idSegment(record.id);
  if (record.format === 'text') return record.slug === id ? id : `${record.slug}-${id}`;
  return RESERVED_SEGMENTS.has(record.slug) ? `${record.slug}-${id}` : record.slug;
}

/** The id as a URL segment: ids are usually hex already; anything else is slugged. */
function idSegment(id: string): string {
  return /^[a-z0-9-]+$/.test(id) ? id : slugify(id) || 'article';
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Oldest first: by date, then by source path (the `NNN_` sequence number of scraped files),
 * then by id. Every list, archive and previous/next link uses this one order.
 */
export function sortChronologically<T extends ArticleRecord>(records: T[]): T[] {
  return records.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.source !== b.source ? (a.source < b.source ? -1 : 1) : compareIds(a.id, b.id)));
}
