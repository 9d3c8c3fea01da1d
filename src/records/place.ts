import type { IsoDate } from '../dates.ts';
import { segmentChoice, madeFrom } from '../derive/permalink.ts';
import type { Problem } from '../errors.ts';
import type { UrlLedger } from '../ledger/ledger.ts';
import { articlePath, RESERVED_SEGMENTS } from '../site/urls.ts';
import { orderKey } from './order.ts';
import type { ArticleRecord } from './record.ts';

/** What placing an article reads of it. */
export type Placeable = Pick<ArticleRecord, 'id' | 'format' | 'slug' | 'source' | 'fingerprint' | 'draft'> & { date: IsoDate };

export interface Placing<T> {
  /** Every URL each article has had; placing records the URLs it gives (drafts apart) and the files renamed. */
  ledger: UrlLedger;
  /** Whether an article is published in this build (one in the ledger that is not may have been renamed to another id). */
  published: (id: string) => boolean;
  displayPath: (record: T) => string;
  /** Whether the URLs given are kept (false: the site keeps no ledger). Default true. */
  recording?: boolean;
}

/**
 * Gives the articles of one day their URL paths: unique, and never one another article has had.
 *
 * An article in the URL ledger keeps its URL: the date in it follows the article's date (a
 * corrected date moves it, and the old URL redirects), and an authored article moves when its
 * author sets another slug. A new article whose text is that of an article no longer published
 * (the file renamed to another id) takes that article's URLs as its own former URLs. New articles
 * are then placed by the frozen permalink rule, scraped ones first (their segment ends in their
 * id, so it is theirs), then authored ones, each in id order, never file order: an authored slug
 * another article has, or had, gets the article's id, and the build warns. The URLs given are
 * recorded in the ledger, drafts' apart (a draft's URL is not published).
 */
export function placeRecords<T extends Placeable>(records: readonly T[], placing: Placing<T>): { placed: (T & { path: string })[]; problems: Problem[]; lasting: Problem[] } {
  const { ledger } = placing;
  const taken = new Map<string, T>();
  const placed: (T & { path: string })[] = [];
  const problems: Problem[] = [];
  // A clash is said when the URL is given; once recorded, the URL is the article's and nothing clashes.
  // Only a clash of a URL not recorded (a draft's, or with no ledger) stands for the next builds to repeat.
  const lasting: Problem[] = [];
  const free = (path: string, record: T) => !taken.has(path) && (ledger.holder(path) ?? record.id) === record.id;
  const claim = (record: T, path: string) => {
    taken.set(path, record);
    placed.push({ ...record, path });
  };
  const byId = [...records].sort((a, b) => compare(a.id, b.id));
  const renamed = new Set<string>();
  for (const record of byId) {
    if (record.draft || ledger.entry(record.id) !== undefined) continue;
    const original = ledger.withFingerprint(record.fingerprint, placing.published).find((id) => id !== record.id);
    if (original === undefined) continue;
    ledger.adopt(original, record.id);
    renamed.add(record.id);
  }
  const unplaced: T[] = [];
  for (const record of byId) {
    const current = ledger.entry(record.id)?.paths[0];
    const segment = current?.split('/').at(-2);
    const keeps = segment !== undefined && (record.format === 'text' ? !renamed.has(record.id) : madeFrom(segment, record.slug, record.id));
    const path = keeps ? articlePath(record.date, segment) : undefined;
    // Its own URL is its own: only a new one (another date) is looked up in the ledger.
    if (path !== undefined && (path === current ? !taken.has(path) : free(path, record))) claim(record, path);
    else unplaced.push(record);
  }
  // Scraped articles before authored ones: the id in a scraped article's segment makes it its own.
  unplaced.sort((a, b) => (a.format === b.format ? 0 : a.format === 'text' ? -1 : 1));
  for (const record of unplaced) {
    const choice = (n: number) => articlePath(record.date, segmentChoice(record.format, record.slug, record.id, RESERVED_SEGMENTS, n));
    let n = 0;
    while (!free(choice(n), record)) n++;
    claim(record, choice(n));
    if (n > 0) {
      const wanted = choice(0);
      const holder = taken.get(wanted);
      const problem: Problem = {
        code: 'url-clash',
        severity: 'warning',
        file: placing.displayPath(record),
        message: `would have the same URL /${wanted} as ${holder ? placing.displayPath(holder) : `the article "${ledger.holder(wanted)}", which was published there`}; it gets /${choice(n)} instead`,
        hint: 'give it another slug in its front matter',
      };
      problems.push(problem);
      if (record.draft || placing.recording === false) lasting.push(problem);
    }
  }
  for (const record of placed) if (!record.draft) ledger.record(record.id, record.path, record.fingerprint);
  return { placed: sortChronologically(placed), problems, lasting };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** In the archive order (see `orderKey`): by date, then source path with numbers as numbers, then id. */
export function sortChronologically<T extends Pick<Placeable, 'date' | 'source' | 'id'>>(records: T[]): T[] {
  const keys = new Map(records.map((record) => [record, orderKey(record)]));
  return records.sort((a, b) => (keys.get(a)! < keys.get(b)! ? -1 : 1));
}
