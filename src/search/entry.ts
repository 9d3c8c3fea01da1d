import { createHash } from 'node:crypto';
import { dateParts, formatDate } from '../dates.ts';
import type { ArticleEntry } from '../records/entry.ts';

/** What Pagefind indexes of one article: its body text, headline and date, and its filters. */
export interface SearchEntry {
  /** Relative to the site root; the search page gives Pagefind the root as its base URL. */
  url: string;
  content: string;
  meta: { title: string; date: string; dateLabel: string };
  filters: { year: string[]; topic: string[] };
  /**
   * `date`: the date, then the URL, so that no two articles tie: results sorted by date come in
   * the same order whichever segments of the index hold them (Pagefind compares the strings byte
   * by byte, as the search page does when it merges segments).
   */
  sort: { date: string };
}

/** The search entry of one article. Pure. `topics` are the labels of its topics. */
export function searchEntry(entry: ArticleEntry, text: string, topics: readonly string[], language: string): SearchEntry {
  const url = `${entry.path}index.html`;
  return {
    url,
    content: text,
    meta: { title: entry.headline, date: entry.date, dateLabel: formatDate(entry.date, language) },
    filters: { year: [dateParts(entry.date).year], topic: [...topics] },
    sort: { date: `${entry.date} ${url}` },
  };
}

/** A short hash of everything Pagefind would index of the entry: another key, another version to index. */
export function searchKey(entry: SearchEntry): string {
  return createHash('sha256').update(JSON.stringify(entry)).digest('base64url').slice(0, 22);
}
