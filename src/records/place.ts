import type { IsoDate } from '../dates.ts';
import { idSlug } from '../derive/slug.ts';
import type { Problem } from '../errors.ts';
import { articlePath, RESERVED_SEGMENTS } from '../site/urls.ts';
import { orderKey } from './order.ts';
import type { ArticleRecord } from './record.ts';

/** What placing an article reads of it. */
export type Placeable = Pick<ArticleRecord, 'id' | 'format' | 'slug' | 'source'> & { date: IsoDate };

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
export function placeRecords<T extends Placeable>(records: readonly T[], displayPath: (record: T) => string): { placed: (T & { path: string })[]; problems: Problem[] } {
  const taken = new Map<string, T>();
  const placed: (T & { path: string })[] = [];
  const problems: Problem[] = [];
  const claim = (record: T, path: string) => {
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

function textSegment(record: Placeable): string {
  const id = idSlug(record.id);
  return record.slug === id ? id : `${record.slug}-${id}`;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** In the archive order (see `orderKey`): by date, then source path with numbers as numbers, then id. */
export function sortChronologically<T extends Placeable>(records: T[]): T[] {
  const keys = new Map(records.map((record) => [record, orderKey(record)]));
  return records.sort((a, b) => (keys.get(a)! < keys.get(b)! ? -1 : 1));
}
