import type { Removed } from '../records/record.ts';
import { foldParagraph } from './boilerplate.ts';
import { withExample, withoutExample, type WantedExamples } from './examples.ts';

/** Articles that had a line removed, and the first of their files (see `EXAMPLES`). */
export interface RemovalCount {
  articles: number;
  examples: string[];
}

/**
 * What cleaning removed over the whole archive, as the build state keeps it: per line a leftover
 * pattern removed (folded as furniture is: case and trailing numbers), the articles that had any
 * such line, and the articles whose wire sign-off went.
 */
export interface StoredRemovals {
  /** By folded line, A–Z. */
  lines: [string, RemovalCount][];
  leftoverArticles: number;
  signOffs: RemovalCount;
}

/** One article's share of the counts. */
export interface RemovalSource {
  source: string;
  removed: Pick<Removed, 'leftovers' | 'signOffs'>;
}

/** A line removed by pattern, for the report. */
export interface RemovedLine {
  text: string;
  articles: number;
  example: string;
}

/** What the build summary and `check` say was removed: the most frequent lines first, at most `LISTED` of them. */
export interface RemovalReport {
  lines: RemovedLine[];
  /** Lines removed but not listed. */
  more: number;
  /** Articles that had any line removed by pattern. */
  leftoverArticles: number;
  signOffs: { articles: number; example: string };
}

/** Lines a report lists: the rest are counted. */
export const LISTED = 10;

/**
 * The counts over the whole archive, updated by what each build adds and takes away (as
 * `FurnitureCounts` are), so that an update's report equals a clean build's.
 */
export class RemovalCounts {
  readonly #lines = new Map<string, RemovalCount>();
  #leftoverArticles = 0;
  #signOffs: RemovalCount = { articles: 0, examples: [] };

  constructor(stored?: StoredRemovals) {
    if (stored === undefined) return;
    for (const [key, count] of stored.lines) this.#lines.set(key, { articles: count.articles, examples: [...count.examples] });
    this.#leftoverArticles = stored.leftoverArticles;
    this.#signOffs = { articles: stored.signOffs.articles, examples: [...stored.signOffs.examples] };
  }

  add(article: RemovalSource, sign: 1 | -1): void {
    const keys = removedKeys(article);
    if (keys.size > 0) this.#leftoverArticles += sign;
    for (const key of keys) {
      const count = counted(this.#lines.get(key) ?? { articles: 0, examples: [] }, article.source, sign);
      if (count.articles === 0) this.#lines.delete(key);
      else this.#lines.set(key, count);
    }
    if (article.removed.signOffs.length > 0) this.#signOffs = counted(this.#signOffs, article.source, sign);
  }

  /** The lines, most frequent first (A–Z among equals), at most `limit`; the sign-offs as one count. */
  report(limit = LISTED): RemovalReport {
    const lines = this.#listed(limit).map(([text, count]) => ({ text, articles: count.articles, example: count.examples[0] ?? '' }));
    return { lines, more: this.#lines.size - lines.length, leftoverArticles: this.#leftoverArticles, signOffs: { articles: this.#signOffs.articles, example: this.#signOffs.examples[0] ?? '' } };
  }

  /** The counts a report of `limit` lines shows whose examples all went: to be found again in the archive. */
  wanting(limit = LISTED): WantedExamples<RemovalSource>[] {
    const wanted: WantedExamples<RemovalSource>[] = [];
    // The counts' own example lists, filled in place.
    for (const [key, count] of this.#listed(limit)) if (count.examples.length === 0) wanted.push({ articles: count.articles, examples: count.examples, holds: (article) => removedKeys(article).has(key) });
    const signOffs = this.#signOffs;
    if (signOffs.articles > 0 && signOffs.examples.length === 0) wanted.push({ articles: signOffs.articles, examples: signOffs.examples, holds: (article) => article.removed.signOffs.length > 0 });
    return wanted;
  }

  stored(): StoredRemovals {
    const lines = [...this.#lines].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { lines, leftoverArticles: this.#leftoverArticles, signOffs: this.#signOffs };
  }

  #listed(limit: number): [string, RemovalCount][] {
    return [...this.#lines].sort(([a, one], [b, other]) => other.articles - one.articles || (a < b ? -1 : a > b ? 1 : 0)).slice(0, limit);
  }
}

/** The lines an article had removed by pattern, folded, each once. */
function removedKeys(article: RemovalSource): Set<string> {
  return new Set(article.removed.leftovers.map((line) => foldParagraph(line) || line.trim().toLowerCase()));
}

/** A count after an article joins (1) or leaves (-1) it. */
function counted(count: RemovalCount, source: string, sign: 1 | -1): RemovalCount {
  return { articles: count.articles + sign, examples: sign === 1 ? withExample(count.examples, source, count.articles) : withoutExample(count.examples, source) };
}
