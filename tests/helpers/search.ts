import { readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { previewServer } from '../../src/serve/static-server.ts';
import { tempDir } from './files.ts';

/** A query of the search page: words (or a "phrase"), and filters; with no words, newest first. */
export interface Query {
  term?: string;
  filters?: Record<string, string>;
}

/** A result as the search page shows it: Pagefind's data of the article. */
export interface ResultData {
  url: string;
  meta: { title: string; date: string; dateLabel?: string };
  /** HTML: the indexed text, escaped, with the matches in <mark>. */
  excerpt: string;
  /** The indexed text (the article's prose). */
  content: string;
}

interface Found {
  count: number;
  next(size: number): Promise<ResultData[]>;
}

interface SearchIndex {
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string, filters: Record<string, string>): Promise<Found>;
  newestFirst(filters: Record<string, string>): Promise<Found>;
}

/**
 * Runs queries against a built site's search index the way its search page does — Pagefind's own
 * browser module and Dateline's `search-index.js`, run in Node, reading the index over HTTP from
 * Dateline's preview server — and returns each query's result URLs, in the order the page shows
 * them (with the results themselves in `found`), and the filter counts the page offers. With
 * `limit`, only the first results of each query are loaded.
 */
export async function searchSite(site: string, queries: readonly Query[], { limit }: { limit?: number } = {}): Promise<{ results: string[][]; found: ResultData[][]; filters: Record<string, Record<string, number>> }> {
  const server = previewServer(site);
  await new Promise<void>((resolve) => server.server.listen(0, '127.0.0.1', resolve));
  const work = await tempDir('dateline-search-');
  try {
    const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/`;
    // Pagefind's module as the site serves it, loaded from a file (Node does not import over HTTP).
    const module = path.join(work.dir, 'pagefind.mjs');
    await writeFile(module, await readFile(path.join(site, 'pagefind', 'pagefind.js'), 'utf8'));
    const pagefind = (await import(pathToFileURL(module).href)) as unknown;
    const { openIndex } = (await import(pathToFileURL(path.resolve(import.meta.dirname, '../../templates/assets/search-index.js')).href)) as {
      openIndex(pagefind: unknown, folder: URL, baseUrl: string): Promise<SearchIndex>;
    };
    const index = await openIndex(pagefind, new URL('pagefind/', base), '/');
    const results: string[][] = [];
    const shown: ResultData[][] = [];
    for (const query of queries) {
      const found = query.term ? await index.search(query.term, query.filters ?? {}) : await index.newestFirst(query.filters ?? {});
      const page = await found.next(Math.min(found.count, limit ?? found.count));
      if (limit === undefined && page.length !== found.count) throw new Error(`the index counted ${found.count} results but gave ${page.length}`);
      if (!query.term && limit === undefined) {
        // Pages asked for at once (a double click on "More") come in order, each result once.
        const again = await index.newestFirst(query.filters ?? {});
        const pages = await Promise.all(Array.from({ length: Math.ceil(again.count / 7) + 1 }, () => again.next(7)));
        const urls = pages.flat().map((data) => data.url);
        if (urls.join() !== page.map((data) => data.url).join()) throw new Error(`pages taken at once gave another order: ${urls.join(' ')}`);
      }
      results.push(page.map((data) => data.url));
      shown.push(page);
    }
    return { results, found: shown, filters: await index.filters() };
  } finally {
    await server.close();
    await work.cleanup();
  }
}
