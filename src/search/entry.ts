import { createHash } from 'node:crypto';
import { dateParts, formatDate } from '../dates.ts';
import type { ArticleEntry } from '../records/entry.ts';
import { splitProse } from './prose.ts';

/**
 * What Pagefind indexes of one article: its prose as the content (what results quote and what
 * the ranking counts), headline and date, its tables as a field of their own, and its filters.
 * The headline opens the content when the prose does not say each of its words (a table's
 * headline, a Markdown title): so a word of the headline is always found in the content, and a
 * match in a field alone is a table's (or the date's). Pagefind names only one matched field, the
 * one that scores best in the segment at hand, so the ranking cannot read which field it was
 * without depending on how the index is segmented.
 */
export interface SearchEntry {
  /** Relative to the site root; the search page gives Pagefind the root as its base URL. */
  url: string;
  content: string;
  /**
   * Pagefind searches every field: a word only in the headline or only in a table still finds
   * the article, and the search page reads which field held it (see search-index.js).
   * `tables` is absent when the article has none; it is never shown.
   */
  meta: { title: string; date: string; dateLabel: string; tables?: string };
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
  const { prose, tables } = splitProse(text);
  const content = prose.join('\n\n');
  const said = new Set(wordsOf(content));
  return {
    url,
    content: wordsOf(entry.headline).every((word) => said.has(word)) ? content : [entry.headline, ...prose].join('\n\n'),
    meta: { title: entry.headline, date: entry.date, dateLabel: formatDate(entry.date, language), ...(tables.length > 0 ? { tables: tables.join('\n') } : {}) },
    filters: { year: [dateParts(entry.date).year], topic: [...topics] },
    sort: { date: `${entry.date} ${url}` },
  };
}

/** The words of a text, lower-cased: letters and digits between anything else. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A short hash of everything Pagefind would index of the entry: another key, another version to index. */
export function searchKey(entry: SearchEntry): string {
  return createHash('sha256').update(JSON.stringify(entry)).digest('base64url').slice(0, 22);
}
