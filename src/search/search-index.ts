import type { PlacedRecord } from '../records/record.ts';
import { formatDate, dateParts } from '../dates.ts';
import { PAGEFIND_DIR } from '../site/urls.ts';

/** What Pagefind indexes of one article: its body text, headline and date, and its filters. */
export interface SearchEntry {
  url: string;
  content: string;
  meta: { title: string; date: string; dateLabel: string };
  filters: { year: string[]; topic: string[] };
  sort: { date: string };
}

/** Pagefind's ready-made search interfaces: the search page has its own, so they are not published. */
const UNUSED_FILES = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/;

/** Records sent to Pagefind at once: enough to keep its process busy, few enough to bound memory. */
const IN_FLIGHT = 64;
/**
 * Fragment files per language: past this many articles Pagefind bundles fragments into shared
 * files, so a 19,043-article archive writes 953 fragment files instead of 19,043 (see README).
 */
export const MAX_FRAGMENTS = 1000;

/** Part of the search index's key: another Pagefind or other settings give other files. */
export const SEARCH_INDEX_VERSION = `pagefind 1.6, maxFragments ${MAX_FRAGMENTS}`;

/** The search entry of one article. Pure. `topics` are the labels of its topics. */
export function searchEntry(record: PlacedRecord, topics: readonly string[], language: string): SearchEntry {
  return {
    // Relative to the site root; the search page gives Pagefind the root as its base URL.
    url: `${record.path}index.html`,
    content: record.text,
    meta: { title: record.headline, date: record.date, dateLabel: formatDate(record.date, language) },
    filters: { year: [dateParts(record.date).year], topic: [...topics] },
    sort: { date: record.date },
  };
}

/**
 * Builds Pagefind's index of the entries in memory, through its Node API and the binary its npm
 * package ships, and returns its files by output path (`pagefind/…`). Entries are added in order,
 * so the same entries give the same files.
 */
export async function buildSearchIndex(entries: readonly SearchEntry[], language: string): Promise<Map<string, Uint8Array>> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language.split('-')[0]!, maxFragments: MAX_FRAGMENTS });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const pending = new Set<Promise<void>>();
    const failures: string[] = [];
    for (const entry of entries) {
      const added: Promise<void> = index
        .addCustomRecord({ ...entry, language: language.split('-')[0]!, meta: { ...entry.meta } })
        .then(
          (response) => void (response.errors.length > 0 && failures.push(`${entry.url}: ${response.errors.join('; ')}`)),
          (error: unknown) => void failures.push(`${entry.url}: ${String(error)}`),
        )
        .finally(() => pending.delete(added));
      pending.add(added);
      if (pending.size >= IN_FLIGHT) await Promise.race(pending);
    }
    await Promise.all(pending);
    if (failures.length > 0) throw new Error(`Pagefind could not index ${failures.length} article(s), e.g. ${failures[0]}`);
    const built = await index.getFiles();
    if (built.errors.length > 0) throw new Error(`Pagefind could not write its index: ${built.errors.join('; ')}`);
    const files = built.files.map((file) => ({ path: file.path.split('\\').join('/'), content: file.content })).filter((file) => !UNUSED_FILES.test(file.path));
    return new Map(files.sort((a, b) => (a.path < b.path ? -1 : 1)).map((file) => [`${PAGEFIND_DIR}${file.path}`, file.content]));
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
