import { idSlug } from '../derive/slug.ts';
import type { Problem } from '../errors.ts';
import { articlePath, RESERVED_SEGMENTS } from '../site/urls.ts';
import type { ArticleRecord, PlacedRecord } from './record.ts';

/**
 * Gives every record its URL path, unique and stable.
 *
 * Scraped (`.txt`) articles carry their id in the last segment (`<slug>-<id>`): ids are unique and
 * {@link idSlug} keeps them apart, so these URLs are unique, are placed first, and no other
 * article can ever change them — the wire sending one story twice gives two pages.
 * Authored (`.md`) articles then take the slug the author chose (or the file name) when it is
 * free that day; otherwise `-<id>` is added and the build warns, naming both files. Authors are
 * taken in id order, never file order.
 */
export function placeRecords(records: readonly ArticleRecord[], displayPath: (record: ArticleRecord) => string): { placed: PlacedRecord[]; problems: Problem[] } {
  const taken = new Map<string, ArticleRecord>();
  const placed: PlacedRecord[] = [];
  const problems: Problem[] = [];
  const claim = (record: ArticleRecord, path: string) => {
    taken.set(path, record);
    placed.push({ ...record, path });
  };
  for (const record of records) {
    if (record.format === 'text') claim(record, articlePath(record.date, textSegment(record)));
  }
  const authored = records.filter((record) => record.format !== 'text').sort((a, b) => compareIds(a.id, b.id));
  for (const record of authored) {
    const wanted = articlePath(record.date, RESERVED_SEGMENTS.has(record.slug) ? `${record.slug}-${idSlug(record.id)}` : record.slug);
    const holder = taken.get(wanted);
    if (holder === undefined) {
      claim(record, wanted);
      continue;
    }
    let path = articlePath(record.date, `${record.slug}-${idSlug(record.id)}`);
    for (let n = 2; taken.has(path); n++) path = articlePath(record.date, `${record.slug}-${idSlug(record.id)}-${n}`);
    claim(record, path);
    problems.push({
      code: 'url-clash',
      severity: 'warning',
      file: displayPath(record),
      message: `would have the same URL /${wanted} as ${displayPath(holder)}; it gets /${path} instead`,
      hint: 'give it another slug in its front matter',
    });
  }
  return { placed: sortChronologically(placed), problems };
}

function textSegment(record: ArticleRecord): string {
  const id = idSlug(record.id);
  return record.slug === id ? id : `${record.slug}-${id}`;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Oldest first: by date, then by source path (the `NNN_` sequence number of scraped files,
 * compared as a number), then by id. Every list, archive and previous/next link uses this one order.
 */
export function sortChronologically<T extends ArticleRecord>(records: T[]): T[] {
  return records.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : compareSources(a.source, b.source) || compareIds(a.id, b.id)));
}

/** Numbers in paths compare as numbers, so `999_x.txt` comes before `1000_y.txt` and `007_` before `0012_`. */
const sourceOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

function compareSources(a: string, b: string): number {
  return sourceOrder.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
